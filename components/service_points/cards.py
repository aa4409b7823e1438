"""The service-point page's cards: operating points, points per 1,000 households, and walking
coverage of households and of residents 60+ (the weakest type, or the chosen type's scenario)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import kpi
from components.i18n import label, number, t
from components.service_points.formatting import how, pct, signed, type_name
from components.service_points.state import PageState
from data_access.filters import Filters
from data_access.service_points import cards as card_list
from data_access.service_points.coverage_queries import Scenario


def _coverage_card(
    title: str, value: str, help_text: str, caption: str, delta: str | None = None
) -> None:
    st.metric(title, value, delta=delta, help=help_text)
    st.caption(caption)


def weakest(table: pd.DataFrame, radius: int, measure: str) -> tuple[str, float] | None:
    """The type whose coverage of the whole area is lowest at the radius."""
    rows = table[table["community_code"] == ""]
    if rows.empty:
        rows = table
    rows = rows.dropna(subset=[f"{measure}_{radius}"])
    if rows.empty:
        return None
    row = rows.loc[rows[f"{measure}_{radius}"].idxmin()]
    return row["type"], float(row[f"{measure}_{radius}"])


def kpis(f: Filters, state: PageState, scenario: Scenario | None, table: pd.DataFrame) -> None:
    """Operating points, points per 1,000 households, and walking coverage (households, 60+)."""
    grid = st.grid(4, min_column_width=kpi.MIN_CARD_PX, border=True, gap="small")
    for key in card_list.CARDS:
        with grid.cell():
            kpi.card(kpi.snapshot(key, f))
    r = state.radius
    for col, measure, unit_key in (
        (grid.cell(), "households", "sp.unit.households"),
        (grid.cell(), "residents_60_plus", "sp.unit.persons"),
    ):
        who = t(f"sp.measure.{measure}")
        short = t(f"sp.measure.short.{measure}")
        with col:
            if scenario is None:
                low = weakest(table, r, measure)
                _coverage_card(
                    t("sp.kpi.weakest", r=r, who=short),
                    pct(low[1]) if low else pct(None),
                    t("sp.kpi.weakest.help", r=r, who=who) + how(state.mode),
                    t("sp.kpi.weakest.caption", type=label("sp_type", low[0])) if low else "",
                )
                continue
            fig = scenario.figures(r, measure)
            delta = None
            caption = t(
                "sp.kpi.covered_of",
                covered=number(fig["after"]),
                total=number(fig["total"]),
                unit=t(unit_key),
            )
            if scenario.active and fig["total"]:
                delta = f"{signed(fig['change'])} {t(unit_key)}"
                caption = t(
                    "sp.kpi.before",
                    share=pct(fig["before_share"]),
                    covered=number(fig["before"]),
                )
            _coverage_card(
                t("sp.kpi.coverage", r=r, who=short),
                pct(fig["after_share"]),
                t("sp.kpi.coverage.help", r=r, who=who, type=type_name(state.sp_type))
                + how(state.mode),
                caption,
                delta,
            )
