"""Coverage two ways, each with its definition and the numbers beside it: 低保 recipients of the
population, and 应保未保 (monitored 低保边缘 households whose income is below the standard and who are
not enrolled); then the table by community."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.data import query
from components.i18n import fig, t
from components.welfare.tables import count_text, table, withheld
from data_access import metrics
from data_access.engine.disclosure import SECONDARY
from data_access.engine.snapshot import Snapshot
from data_access.filters import Filters
from data_access.text import numbers
from data_access.welfare import queries as welfare

TABLE_COLUMNS = [
    "name",
    "dibao_persons",
    "population",
    "population_rate",
    "dibao_households",
    "near_poor_households",
    "dibao_missed",
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


def _shown(s: Snapshot, unit: str, with_unit: bool = True) -> str:
    """A count as the county's protection pattern publishes it: its marker when withheld."""
    return fig(s.value, unit, suppressed=s.suppressed, marker=s.marker, with_unit=with_unit)


def _missed_card(missed: Snapshot, monitored: Snapshot) -> None:
    """应保未保: should be 0; any other count is a case to check and enrol. Both counts follow the
    protection pattern (a per-grid "<3" beside the other grids' "0" would pin a household)."""
    st.metric(
        t("wf.coverage.missed"), _shown(missed, "households"), help=t("metric.dibao_missed.help")
    )
    st.caption(t("wf.coverage.missed.def", monitored=_shown(monitored, "households", False)))


def _community_table(coverage_table: pd.DataFrame) -> None:
    frame = coverage_table[TABLE_COLUMNS].rename(columns={"name": "community"})
    table(
        frame,
        numbers=(
            "dibao_persons",
            "population",
            "dibao_households",
            "near_poor_households",
            "dibao_missed",
        ),
        percent=("population_rate",),
        download=t("table.csv_what", page=t("nav.welfare"), table=t("wf.coverage.table_name")),
    )


def coverage(f: Filters) -> None:
    """Two cards side by side, then (for whole communities only) the table by community."""
    fine = bool(f.grids)

    def figure(key: str) -> float | None:
        return query(metrics.value, key, f)

    left, right = st.columns(2)
    with left, st.container(border=True):
        _population_card(
            figure("dibao_persons"),
            figure("population"),
            figure("dibao_coverage_population"),
            fine,
            withheld(f),
        )
    with right, st.container(border=True):
        _missed_card(
            query(metrics.snapshot, "dibao_missed", f),
            query(metrics.snapshot, "near_poor_households", f),
        )
    if not fine:
        _community_table(query(welfare.coverage_by_community, f))
