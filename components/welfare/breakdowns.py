"""Households by size and by grid, each as a chart with its table beside it.

By size per community only (exact); by grid after the county's protection pattern ("<3", "*"),
as data_access returns them.
"""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from components import charts
from components.data import query
from components.i18n import t
from components.rendered import chart
from components.tables import data_table
from components.welfare.tables import labels, rows_height
from data_access.filters import Filters
from data_access.welfare import breakdowns as welfare_breakdowns
from data_access.welfare.breakdowns import SIZE_BANDS


def _size_chart(size: pd.DataFrame) -> alt.Chart:
    """Grouped bars per size band. The axis shows the bare member count (1 … 5+) under a title
    that says what it counts: full labels ("2 persons") ran into each other once each band was
    split by community; the tooltip keeps them."""
    data = pd.DataFrame(
        {
            "band": size["size_band"],
            "size": [t(f"wf.size.{b}") for b in size["size_band"]],
            "community": size["community"],
            "value": size["households_value"],
            "households": size["households"],
            "persons": size["persons"],
        }
    )
    size_title, community_title = t("wf.col.size"), t("wf.col.community")
    base = alt.Chart(data).encode(
        x=alt.X(
            "band:N",
            title=t("wf.size.axis"),
            sort=list(SIZE_BANDS),
            axis=alt.Axis(labelAngle=0, labelOverlap=False),
        ),
        xOffset=alt.XOffset("community:N"),
        color=alt.Color(
            "community:N", title=community_title, scale=alt.Scale(range=charts.PALETTE)
        ),
        tooltip=[
            alt.Tooltip("community:N", title=community_title),
            alt.Tooltip("size:N", title=size_title),
            alt.Tooltip("households:N", title=t("wf.col.households")),
            alt.Tooltip("persons:N", title=t("wf.col.persons")),
        ],
    )
    bars = base.mark_bar().encode(y=alt.Y("value:Q", title=t("wf.col.households")))
    text = base.mark_text(dy=-8, fontSize=12).encode(
        y=alt.Y("value:Q"), text=alt.Text("households:N")
    )
    return charts._style((bars + text).properties(height=300))


def _grid_chart(grid: pd.DataFrame) -> alt.Chart:
    data = pd.DataFrame(
        {
            "grid": grid["grid"],
            "bar": grid["dibao_value"],
            "pos": grid["dibao_value"].fillna(0),
            "label": grid["dibao_households"],
        }
    )
    value_title = t("wf.col.dibao_households")
    base = alt.Chart(data).encode(
        y=alt.Y("grid:N", title=None, sort=None, axis=alt.Axis(labelLimit=200, labelOverlap=False)),
        tooltip=[
            alt.Tooltip("grid:N", title=t("wf.col.grid")),
            alt.Tooltip("label:N", title=value_title),
        ],
    )
    bars = base.mark_bar(color=charts.PALETTE[0]).encode(x=alt.X("bar:Q", title=value_title))
    text = base.mark_text(align="left", dx=4, fontSize=12).encode(x="pos:Q", text="label:N")
    return charts._style((bars + text).properties(height=max(180, 36 * len(data) + 50)))


def breakdowns(f: Filters) -> None:
    """By household size (chart | table), then by grid (chart | table)."""
    grid = query(welfare_breakdowns.grid_breakdown, f)
    st.markdown(f"**{t('wf.breakdown.size')}**")
    if f.grids:
        st.info(t("privacy.community_only"), icon=":material/lock:")
    else:
        _sizes(query(welfare_breakdowns.size_breakdown, f))
    _grids(grid)


def _sizes(size: pd.DataFrame) -> None:
    left, right = st.columns([2, 3])
    chart(_size_chart, size, where=left)
    with right:
        table = size[["community", "size_band", "households", "persons"]].copy()
        table["size_band"] = [t(f"wf.size.{b}") for b in table["size_band"]]
        data_table(
            table.rename(columns={"size_band": "size"}),
            column_config=labels(
                ["community", "size", "households", "persons"], counts=["households", "persons"]
            ),
            height=rows_height(len(table)),
        )


def _grids(grid: pd.DataFrame) -> None:
    st.markdown(f"**{t('wf.breakdown.grid')}**")
    if grid.empty:
        st.info(t("common.no_data"))
        return
    # The grid table has five columns: at 1280 px beside a sidebar it needs three quarters of
    # the row, or its last column scrolls out of sight.
    left, right = st.columns([1, 3])
    chart(_grid_chart, grid, where=left)
    columns = ["grid", "community", "dibao_households", "dibao_persons", "tekun_households"]
    data_table(
        grid[columns],
        column_config=labels(columns, counts=columns[2:]),
        height=rows_height(len(grid)),
        where=right,
    )
