"""What the service-point page shows, fetched in one step from its state (settings → process →
show): the frames of the area, the coverage table, and — for one chosen type — the what-if
scenario, the suggested sites and the walking-time areas. The page only lays them out."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd

from components.data import query
from components.service_points.state import AREA_NONE, PageState, drop_rejected
from components.service_points.walking import check_area
from data_access.areas import queries as areas_queries
from data_access.filters import Filters
from data_access.service_points import coverage_queries as sp_coverage
from data_access.service_points import queries as sp
from data_access.service_points import walking_queries as sp_walking
from data_access.service_points.coverage_queries import Scenario
from data_access.service_points.walking_queries import WalkingAreas


@dataclass(frozen=True)
class PageData:
    shown: PageState  # the state with the distances actually used (no streets: straight line)
    has_roads: bool
    points: pd.DataFrame
    compounds: pd.DataFrame
    rates: pd.DataFrame
    table: pd.DataFrame  # coverage by type and community in the distances used
    scenario: Scenario | None
    suggested: pd.DataFrame | None
    areas: WalkingAreas | None

    @property
    def empty(self) -> bool:
        return self.compounds.empty and self.points.empty


def load(f: Filters, state: PageState) -> PageData:
    """Every frame the page needs for these filters and this state (each cached by `query`)."""
    roads = query(sp_walking.has_roads)
    shown = replace(state, mode=state.mode if roads else "line")
    scenario = suggested = areas = None
    if state.sp_type:
        scenario = query(
            sp_coverage.scenario, f, state.sp_type, state.radius, state.added, state.closed,
            shown.mode,
        )  # fmt: skip
        drop_rejected(scenario)
        check_area(state, scenario)
        if state.k:
            suggested = query(
                sp_coverage.suggestions, f, state.sp_type, state.radius, state.k, state.measure,
                state.added, state.closed, shown.mode,
            )  # fmt: skip
        if shown.mode == "walk" and state.area != AREA_NONE:
            areas = query(sp_walking.areas, f, state.sp_type, state.area, state.added, state.closed)
    return PageData(
        shown=shown,
        has_roads=roads,
        points=query(sp.points, f, state.types),
        compounds=query(sp.compounds, f),
        rates=query(sp.rates_by_community, f),
        table=query(sp_coverage.coverage_table, f, state.types, shown.mode),
        scenario=scenario,
        suggested=suggested,
        areas=areas,
    )


def boundaries(f: Filters) -> pd.DataFrame:
    return query(areas_queries.boundaries, f)


def both_tables(f: Filters, state: PageState) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Coverage by straight line and by walking, for the comparison."""
    return (
        query(sp_coverage.coverage_table, f, state.types, "line"),
        query(sp_coverage.coverage_table, f, state.types, "walk"),
    )


def type_counts(f: Filters) -> pd.DataFrame:
    return query(sp.type_counts, f)
