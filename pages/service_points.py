"""服务网点: the points on a map, walking coverage by type and community, what-if and site suggestions,
by straight-line distance or walking along streets, with walking-time areas on the map.

Layout only: read the state (the sidebar's Filters and the page state: type, radius, distance mode,
walking area, scenario; in the URL), fetch through `query` from data_access, render with
components.service_points.
"""

from components.guard import ensure_app_entry

ensure_app_entry()

from dataclasses import replace

from components import service_points as ui
from components.data import query
from components.filters import current_filters
from data_access.areas import queries as common
from data_access.service_points import coverage_queries as sp_coverage
from data_access.service_points import queries as sp
from data_access.service_points import walking_queries as sp_walking

# ------------------------------------------------------------------------------ state
f = current_filters()
state = ui.load_state()
ui.title_caption(f)
state = ui.controls(state)
roads = query(sp_walking.has_roads)
if state.mode == "walk" and not roads:
    ui.no_roads()
shown = replace(state, mode=state.mode if roads else "line")  # the distances actually used

# ------------------------------------------------------------------------------ data
points = query(sp.points, f, state.types)
compounds = query(sp.compounds, f)
rates = query(sp.rates_by_community, f)
table = query(sp_coverage.coverage_table, f, state.types, shown.mode)
scenario = suggested = areas = None
if state.sp_type:
    scenario = query(
        sp_coverage.scenario, f, state.sp_type, state.radius, state.added, state.closed,
        shown.mode,
    )  # fmt: skip
    ui.drop_rejected(scenario)
    ui.check_area(state, scenario)
    if state.k:
        suggested = query(
            sp_coverage.suggestions, f, state.sp_type, state.radius, state.k, state.measure,
            state.added, state.closed, shown.mode,
        )  # fmt: skip
    if shown.mode == "walk" and state.area != ui.AREA_NONE:
        areas = query(sp_walking.areas, f, state.sp_type, state.area, state.added, state.closed)

# ------------------------------------------------------------------------------ render
ui.kpis(f, shown, scenario, table)
if compounds.empty and points.empty:
    ui.empty_area()
else:
    ui.empty_states(state, points, rates)
    ui.service_point_map(
        ui.MapData(
            boundaries=query(common.boundaries, f),
            points=points,
            compounds=scenario.compounds if scenario is not None else compounds,
            scenario=scenario,
            suggested=suggested,
            fit_grids=bool(f.grids),
            areas=areas,
        ),
        same_as=(f, shown),  # every frame above is a query of these (and the data version)
    )
    if scenario is not None and shown.mode == "walk":
        ui.area_control(shown, scenario, areas)
    if roads:
        line_table = query(sp_coverage.coverage_table, f, state.types, "line")
        walk_table = query(sp_coverage.coverage_table, f, state.types, "walk")
        ui.comparison(shown, line_table, walk_table)
    if scenario is not None:
        ui.what_if(shown, scenario)
        ui.suggestions(shown, suggested)
        ui.uncovered(shown, scenario)
    else:
        ui.pick_a_type()
    ui.coverage_table(table, shown.mode)
    ui.charts_section(state, query(sp.type_counts, f), rates)
