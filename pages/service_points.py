"""服务网点: the points on a map, walking coverage by type and community, what-if and site suggestions,
by straight-line distance or walking along streets, with walking-time areas on the map.

Layout only: read the state (the sidebar's Filters and the page state: type, radius, distance mode,
walking area, scenario; in the URL), fetch through `query` from data_access, render with
components.service_points.
"""

from components.guard import ensure_app_entry

ensure_app_entry()

from components import service_points as ui
from components.filters import current_filters
from components.service_points import page_data

# ------------------------------------------------------------------------------ state
f = current_filters()
state = ui.load_state()
ui.title_caption(f)
state = ui.controls(state)

# ------------------------------------------------------------------------------ data
data = page_data.load(f, state)
shown = data.shown  # the distances actually used

# ------------------------------------------------------------------------------ render
if state.mode == "walk" and not data.has_roads:
    ui.no_roads()
ui.kpis(f, shown, data.scenario, data.table)
if data.empty:
    ui.empty_area()
else:
    ui.empty_states(state, data.points, data.rates)
    ui.service_point_map(
        ui.MapData(
            boundaries=page_data.boundaries(f),
            points=data.points,
            compounds=data.scenario.compounds if data.scenario is not None else data.compounds,
            scenario=data.scenario,
            suggested=data.suggested,
            fit_grids=bool(f.grids),
            areas=data.areas,
        ),
        same_as=(f, shown),  # every frame above is a query of these (and the data version)
    )
    if data.scenario is not None and shown.mode == "walk":
        ui.area_control(shown, data.scenario, data.areas)
    if data.has_roads:
        ui.comparison(shown, *page_data.both_tables(f, state))
    if data.scenario is not None:
        ui.what_if(shown, data.scenario)
        ui.suggestions(shown, data.suggested)
        ui.uncovered(shown, data.scenario)
    else:
        ui.pick_a_type()
    ui.coverage_table(data.table, shown.mode)
    ui.charts_section(state, page_data.type_counts(f), data.rates)
