"""Coverage two ways (of the population, of identified low-income households), each with its
definition and the numbers it divides beside it, and the table by community."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.data import query
from components.i18n import t
from components.welfare.tables import count_text, table, withheld
from data_access import metrics
from data_access.disclosure import SECONDARY
from data_access.filters import Filters
from data_access.queries import welfare
from data_access.text import numbers

TABLE_COLUMNS = [
    "name",
    "dibao_persons",
    "population",
    "population_rate",
    "dibao_households",
    "low_income_households",
    "household_rate",
]


def _population_card(
    persons: float, population: float, rate: float | None, fine: bool, hidden: bool
) -> None:
    shown = t("wf.coverage.suppressed") if hidden else numbers.percent(rate)
    st.metric(t("wf.coverage.population"), shown, help=t("metric.dibao_coverage_population.help"))
    st.caption(
        t(
            "wf.coverage.population.def",
            persons=SECONDARY if hidden else count_text(persons, "persons", fine, with_unit=False),
            population=numbers.plain(population),
        )
    )


def _low_income_card(known: pd.DataFrame, rate: float | None, fine: bool) -> None:
    help_text = t("metric.dibao_coverage_low_income.help")
    if rate is None or known.empty:
        st.metric(t("wf.coverage.households"), t("wf.coverage.no_data"), help=help_text)
        st.caption(t("wf.coverage.no_data.def"))
    else:
        st.metric(t("wf.coverage.households"), numbers.percent(rate), help=help_text)
        st.caption(
            t(
                "wf.coverage.households.def",
                enrolled=numbers.plain(known["dibao_households"].sum()),
                identified=numbers.plain(known["low_income_households"].sum()),
            )
        )
    if fine:
        st.caption(t("wf.coverage.grid_note"))


def _community_table(coverage_table: pd.DataFrame) -> None:
    frame = coverage_table[TABLE_COLUMNS].rename(columns={"name": "community"})
    # Where a community has no identified low-income figure, say so in words, not "None".
    missing = t("wf.coverage.no_data")
    frame["low_income_households"] = [
        missing if pd.isna(v) else numbers.plain(v) for v in frame["low_income_households"]
    ]
    frame["household_rate"] = [
        missing if pd.isna(v) else numbers.percent(v) for v in frame["household_rate"]
    ]
    table(
        frame,
        numbers=("dibao_persons", "population", "dibao_households"),
        percent=("population_rate",),
        counts=("low_income_households", "household_rate"),
    )


def coverage(f: Filters) -> None:
    """Two cards side by side, then (for whole communities only) the table by community."""
    fine = bool(f.grids)
    by_community = query(welfare.coverage_by_community, f)
    known = by_community[by_community["low_income_households"].notna()]
    left, right = st.columns(2)
    with left, st.container(border=True):
        _population_card(
            by_community["dibao_persons"].sum(),
            by_community["population"].sum(),
            query(metrics.value, "dibao_coverage_population", f),
            fine,
            withheld(f),
        )
    with right, st.container(border=True):
        _low_income_card(known, query(metrics.value, "dibao_coverage_low_income", f), fine)
    if not fine:
        _community_table(by_community)
