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
    map_data = ui.MapData(
        boundaries=page_data.boundaries(f),
        points=data.points,
        compounds=data.scenario.compounds if data.scenario is not None else data.compounds,
        scenario=data.scenario,
        suggested=data.suggested,
        fit_grids=bool(f.grids),
        areas=data.areas,
    )
    # Every frame of the map is a query of (f, shown) and the data version: kept under them.
    if ui.detailed(data.points, data.compounds):
        ui.service_point_map(map_data, same_as=(f, shown))
    else:  # a city's county level: communities shaded, each point once one is chosen
        ui.county_map(map_data, data.rates, data.table, same_as=(f, shown))
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
