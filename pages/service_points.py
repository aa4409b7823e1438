"""服务网点: the points on a map, walking coverage by type and community, what-if and site suggestions.

Layout only: read the state (the sidebar's Filters and the page state: type, radius, scenario; in
the URL), fetch through `query` from data_access, render with components.service_points.
"""

from components.guard import ensure_app_entry

ensure_app_entry()

from components import service_points as ui
from components.data import query
from components.filters import current_filters
from data_access.queries import common, sp_coverage
from data_access.queries import service_points as sp

# ------------------------------------------------------------------------------ state
f = current_filters()
state = ui.load_state()
ui.title_caption(f)
state = ui.controls(state)

# ------------------------------------------------------------------------------ data
points = query(sp.points, f, state.types)
compounds = query(sp.compounds, f)
rates = query(sp.rates_by_community, f)
table = query(sp_coverage.coverage_table, f, state.types)
scenario = suggested = None
if state.sp_type:
    scenario = query(
        sp_coverage.scenario, f, state.sp_type, state.radius, state.added, state.closed
    )
    ui.drop_rejected(scenario)
    if state.k:
        suggested = query(
            sp_coverage.suggestions, f, state.sp_type, state.radius, state.k, state.measure,
            state.added, state.closed,
        )  # fmt: skip

# ------------------------------------------------------------------------------ render
ui.kpis(f, state, scenario, table)
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
        )
    )
    if scenario is not None:
        ui.what_if(state, scenario)
        ui.suggestions(state, suggested)
        ui.uncovered(state, scenario)
    else:
        ui.pick_a_type()
    ui.coverage_table(table)
    ui.charts_section(state, query(sp.type_counts, f), rates)
