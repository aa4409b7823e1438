"""Safety and disputes: the cards, the monthly line, and a breakdown by category or by grid (the
reader's choice). Grid counts follow the county's `disputes` protection; months and categories
are given by community only."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from components import charts, kpi, page_state
from components.community_life.state import DISPUTE_BREAKDOWNS
from components.community_life.tables import table
from components.data import query
from components.i18n import fig, label, t
from components.rendered import chart
from data_access import privacy
from data_access.community_life import cards as card_list
from data_access.community_life import disputes as d
from data_access.engine.disclosure import SECONDARY
from data_access.filters import Filters


def _median_card(f: Filters) -> None:
    days = query(d.median_days, f)
    hidden = days is None and bool(f.grids) and kpi.snapshot("disputes_screened", f).suppressed
    shown = "*" if hidden else fig(days, "days")
    st.metric(t("cl.disp.median.label"), shown, help=t("cl.disp.median.help"))
    if hidden:
        st.caption(t("privacy.marker.withheld"))
    elif days is None:
        st.caption(t("cl.disp.median.none"))


def _cards(f: Filters) -> None:
    grid = st.grid(3, min_column_width=kpi.MIN_CARD_PX, border=True, gap="small")
    for key in card_list.DISPUTES:
        with grid.cell():
            kpi.card(kpi.snapshot(key, f))
    with grid.cell():
        _median_card(f)


def _monthly(f: Filters) -> None:
    st.markdown(f"**{t('cl.disp.monthly')}**")
    chart(_monthly_chart, query(d.monthly, f), key="cl_disp_monthly")


def _monthly_chart(monthly: pd.DataFrame) -> alt.Chart:
    long = pd.concat(
        [
            pd.DataFrame(
                {
                    "month": monthly["month"],
                    "series": t(f"cl.disp.series.{name}"),
                    "value": monthly[name].astype(float),
                }
            )
            for name in ("screened", "mediated")
        ],
        ignore_index=True,
    )
    return charts.monthly_lines(long, t("cl.disp.value"), t("cl.disp"), t("common.month"))


def _by_category(f: Filters) -> None:
    frame = query(d.by_category, f)
    frame = frame.assign(category=[label("dispute_category", c) for c in frame["category"]])
    table(
        frame,
        numbers=("screened", "mediated", "median_days"),
        percent=("share",),
        key="cl_disp_table",
        download=t("table.csv_what", page=t("nav.community_life"), table=t("cl.disp")),
    )


def _share_text(share: float | None, screened: str) -> str:
    if screened in (privacy.SUPPRESSED, SECONDARY):
        return screened
    return "—" if share is None or pd.isna(share) else fig(share, "share")


def _by_grid(f: Filters) -> None:
    frame = query(d.by_grid, f)
    st.caption(t("cl.disp.grid.caption"))
    # A hidden grid's share shows its marker: the share would give its counts away.
    frame = frame.assign(
        share=[_share_text(v, n) for v, n in zip(frame["share"], frame["screened"], strict=True)]
    )
    table(
        frame[["community", "grid", "screened", "mediated", "share", "open_30"]],
        counts=("screened", "mediated", "share", "open_30"),
        key="cl_disp_table",
    )


def disputes(f: Filters) -> None:
    st.header(t("cl.disp"))
    _cards(f)
    if not kpi.snapshot("disputes_screened", f).value and not f.grids:
        st.info(t("cl.disp.empty"))
    if f.grids:
        st.caption(t("cl.disp.by_community_only"))
        _by_grid(f)
        return
    _monthly(f)
    st.radio(
        t("cl.disp.by"),
        DISPUTE_BREAKDOWNS,
        format_func=lambda b: t(f"cl.disp.by.{b}"),
        horizontal=True,
        **page_state.bound("disp_by", key="cl_disp_by"),
    )
    if page_state.state()["disp_by"] == "grid":
        _by_grid(f)
    else:
        _by_category(f)
