"""Offline maps with pydeck: one module for every map of the dashboard.

No basemap by default: `pdk.Deck(map_provider=None)` leaves pydeck's map-style sentinel, which
Streamlit drops, so no tile, font or script is fetched from anywhere (`map_style=None` would make
Streamlit fetch Carto's tiles). The reader finds their way by what the map itself
draws: community and grid outlines, their names, a scale bar and a legend. A county with its own
intranet tile server may turn a basemap on (`MAP_TILE_URL`; see `basemap`).

API (the service-point map uses it; the welfare choropleth can switch to it):

- `area_map(boundaries, markers=(), *, shaded=(), map_legend=None, box=None, avoid=(),
  tooltip=None, key=None, alt=None) -> AreaMap` draws a map of the area: `boundaries` is the frame
  of `data_access.areas.queries.boundaries` (level, code, name, boundary GeoJSON); `shaded` are
  layers of areas filled by a value (`shaded_areas`), drawn under the outlines; `markers` are the
  page's dots and circles (`dots`, any pdk.Layer), drawn above them; names go on top. The view is
  fitted to `box` (default: the communities' outlines; `fit_box(boundaries, "grid")` for chosen
  grids) for the reader's device: a phone's width when the user agent says so, else the map column
  of a 1280-px screen. Under the map: a scale bar for the opening zoom; beside it: the legend.
  `avoid` lists (lon, lat) or (lon, lat, radius px) of the dots no name may cover.
- `cached_area_map(make, *args, key, alt) -> bool`: the same map built once per data version,
  arguments, language and screen (`make(*args)` returns `MapParts`, or None for nothing to draw);
  reruns only redraw its cached JSON. What a large county's pages use.
- `build(boundaries, markers, *, view, shaded, avoid, tiles, tooltip) -> AreaMap`: the same deck
  without Streamlit (tests, exports); `view_for(box, width_px, mobile)` and `fit_view(box, width,
  height, padding)` give the view; `View.project` / `unproject` convert to canvas pixels.
- Layers: `boundary_layers(boundaries, fill_alpha=255)` (community fill and outline, grid
  outlines), `shaded_areas(layer_id, features)` (a choropleth: features with properties.fill),
  `dots(layer_id, rows, **style)` (pickable circles in screen pixels), `name_layers(labels)` with
  `place_names(boundaries, view, avoid)` (deck.gl TextLayers, CJK glyphs via `character_set`),
  `basemap.tile_layers(url, view)` (BitmapLayers of an intranet tile server).
- Tooltips: `tooltip(lines=3)` (the template and style) and `tip(title, *lines)` (an object's
  fields). Legends: `Legend(title, items, ramps, hint)` with rows from `swatch(...)` / `line(...)`
  and `Ramp(title, colours, low, high, low_text, high_text)` for shaded layers (`Ramp.colour(v)`
  gives the fill of a value, so the map and its legend agree); `legend.draw(Legend)`.
- `scale_bar(view) -> ScaleBar(metres, px)`: a round length for the opening zoom and latitude.

A choropleth of grids (the welfare map) would read:

    ramp = maps.Ramp(title, ["#FDE0DD", "#C51B8A"], 0, top, fig(0, unit), fig(top, unit))
    grids = maps.shaded_areas("wf-grids", [
        {"type": "Feature", "geometry": geometry,
         "properties": {"fill": ramp.colour(value), **maps.tip(name, detail)}}, ...])
    maps.area_map(boundaries, [maps.dots("wf-compounds", rows, get_radius=...)],
                  shaded=[grids], map_legend=maps.Legend(title, items, [ramp]),
                  box=maps.fit_box(boundaries, "grid"), key="wf_map", alt=alt_text)
"""

from components.device import DESKTOP_FIT_PX, MOBILE_FIT_PX, fit_width_px, is_mobile_agent
from components.maps.area import AreaMap, area_map, build, fit_box, view_for
from components.maps.cached import MapParts, cached_area_map
from components.maps.layers import (
    COMMUNITY_LINE,
    GRID_LINE,
    METERS,
    PIXELS,
    boundary_layers,
    dots,
    rgba,
    shaded_areas,
)
from components.maps.legend import Legend, Ramp, hint, line, swatch
from components.maps.names import Label, character_set, name_layers, place_names
from components.maps.scale import ScaleBar, scale_bar
from components.maps.tooltip import tip, tooltip
from components.maps.view import Padding, View, fit_view, map_height

__all__ = [
    "COMMUNITY_LINE",
    "DESKTOP_FIT_PX",
    "GRID_LINE",
    "METERS",
    "MOBILE_FIT_PX",
    "PIXELS",
    "AreaMap",
    "Label",
    "Legend",
    "MapParts",
    "Padding",
    "Ramp",
    "ScaleBar",
    "View",
    "area_map",
    "boundary_layers",
    "build",
    "cached_area_map",
    "character_set",
    "dots",
    "fit_box",
    "fit_view",
    "hint",
    "fit_width_px",
    "is_mobile_agent",
    "line",
    "map_height",
    "name_layers",
    "place_names",
    "rgba",
    "scale_bar",
    "shaded_areas",
    "swatch",
    "tip",
    "tooltip",
    "view_for",
]
