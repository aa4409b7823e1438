"""Widgets of the service-point page, one module per part of it:

- `state`: the page state (type, radius, what-if, suggestions; in the URL) and the callbacks
- `header`: title, the type and radius controls, the sentences for what is missing
- `cards`: operating points, points per 1,000 households, walking coverage
- `county_map`: communities shaded at county level (a city's thousands of points are not sent)
- `map`: the map of compounds, points, walking circles, scenario and suggestions (components.maps)
- `what_if`, `suggestions`: the scenario of one type and the greedy site suggestions
- `tables`, `charts`: uncovered compounds, coverage by type and community, point counts
- `walking`, `area_map`: the straight line / walking switch and comparison, walking-time areas
- `colours`, `formatting`: shared by the above
"""

from components.service_points.cards import kpis
from components.service_points.charts import charts_section
from components.service_points.county_map import county_map, detailed
from components.service_points.header import (
    controls,
    empty_area,
    empty_states,
    pick_a_type,
    title_caption,
)
from components.service_points.map import MapData, service_point_map
from components.service_points.state import AREA_NONE, PageState, drop_rejected, load_state
from components.service_points.suggestions import suggestions
from components.service_points.tables import coverage_table, uncovered
from components.service_points.walking import area_control, check_area, comparison, no_roads
from components.service_points.what_if import what_if

__all__ = [
    "AREA_NONE",
    "MapData",
    "PageState",
    "area_control",
    "charts_section",
    "check_area",
    "comparison",
    "controls",
    "county_map",
    "detailed",
    "coverage_table",
    "drop_rejected",
    "empty_area",
    "empty_states",
    "kpis",
    "load_state",
    "no_roads",
    "pick_a_type",
    "service_point_map",
    "suggestions",
    "title_caption",
    "uncovered",
    "what_if",
]
