"""The service-point page's tables: compounds out of reach of the chosen type (where a new point is
needed), and 300 / 500 / 800 m coverage by type and community for households and residents 60+."""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from components.i18n import label, number, t
from components.service_points.formatting import WALK_MINUTES, how, type_name
from components.service_points.state import PageState
from components.tables import data_table
from data_access.service_points.coverage import RADII_M
from data_access.service_points.coverage_queries import COVERAGE_MEASURES, Scenario


def uncovered(state: PageState, scenario: Scenario) -> None:
    """The compounds no point of the type reaches: where a new point is needed."""
    kind = type_name(state.sp_type)
    st.header(t("sp.uncovered.title", type=kind, r=state.radius))
    rows = scenario.uncovered
    if rows.empty:
        st.info(t("sp.uncovered.none", type=kind, r=state.radius))
        return
    st.caption(
        t(
            "sp.uncovered.caption",
            n=len(rows),
            households=number(rows["households"].sum()),
            elderly=number(rows["residents_60_plus"].sum()),
        )
    )
    shown = rows.assign(dist_after=rows["dist_after"].where(rows["dist_after"] < math.inf))
    data_table(
        shown[["name", "community", "grid", "households", "residents_60_plus", "dist_after"]],
        column_config={
            "name": st.column_config.TextColumn(t("sp.col.compound")),
            "community": st.column_config.TextColumn(t("common.community")),
            "grid": st.column_config.TextColumn(t("sp.col.grid")),
            "households": st.column_config.NumberColumn(t("common.households"), format="localized"),
            "residents_60_plus": st.column_config.NumberColumn(
                t("sp.col.elderly"), format="localized"
            ),
            "dist_after": st.column_config.NumberColumn(
                t("sp.col.nearest", type=kind),
                help=t("sp.col.nearest.help") + how(state.mode),
                format="%d m",
            ),
        },
        key="spw_uncovered",
    )


def coverage_table(table: pd.DataFrame, mode: str = "line") -> None:
    """300 / 500 / 800 m coverage by type and community, for households and for residents 60+."""
    st.header(t("sp.coverage.title"))
    st.caption(t("sp.coverage.caption") + how(mode))
    if table.empty:
        st.info(t("sp.empty.area"))
        return
    shown = table.assign(
        type=table["type"].map(lambda c: label("sp_type", c)),
        community=table["community"].where(table["community_code"] != "", t("common.total")),
    )
    config: dict[str, object] = {
        "type": st.column_config.TextColumn(t("sp.col.type")),
        "community": st.column_config.TextColumn(t("common.community")),
        "households": st.column_config.NumberColumn(t("common.households"), format="localized"),
        "residents_60_plus": st.column_config.NumberColumn(t("sp.col.elderly"), format="localized"),
    }
    for measure in COVERAGE_MEASURES:
        for r in RADII_M:
            col = f"{measure}_{r}"
            shown[col] = shown[col] * 100
            config[col] = st.column_config.NumberColumn(
                t(f"sp.col.share.{measure}", r=r),
                help=t("sp.col.share.help", r=r, minutes=WALK_MINUTES[r]) + how(mode),
                format="%.1f%%",
                width="small",
            )
    columns = ["type", "community", "households"]
    columns += [f"households_{r}" for r in RADII_M] + ["residents_60_plus"]
    columns += [f"residents_60_plus_{r}" for r in RADII_M]
    data_table(shown[columns], column_config=config, key="spw_coverage")
