"""The map module without a browser: view fitting, the GeoJSON walker, the scale bar, area names,
the optional tile basemap and the device guess."""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from components import maps
from components.maps import basemap
from components.maps.names import SIZES, text_size
from components.maps.scale import scale_bar_html
from components.maps.view import MAX_ZOOM, MIN_ZOOM, Padding, View, fit_view, merc_y
from data_access.areas import geo
from data_access.service_points import coverage
from tests.conftest import sample_rows

# ------------------------------------------------------------------------------ view fitting

boxes = st.builds(
    lambda lat, lon, d_lat, d_lon: geo.Bounds(lat, lat + d_lat, lon, lon + d_lon),
    st.floats(-70, 68),
    st.floats(-179, 160),
    st.floats(1e-5, 2.0),
    st.floats(1e-5, 15.0),
)
paddings = st.builds(
    Padding, st.integers(0, 60), st.integers(0, 40), st.integers(0, 40), st.integers(0, 40)
)


@settings(max_examples=400, deadline=None)
@given(boxes, st.integers(200, 2400), st.integers(150, 1400), paddings)
def test_the_fitted_box_lies_inside_the_canvas_less_its_padding(box, width, height, padding):
    assume(width - padding.left - padding.right >= 40)
    assume(height - padding.top - padding.bottom >= 40)
    view = fit_view(box, width, height, padding)
    assert MIN_ZOOM <= view.zoom <= MAX_ZOOM
    assume(view.zoom > MIN_ZOOM)  # a box too big for the lowest zoom cannot fit
    eps = 1e-6 * max(width, height)
    corners = [view.project(lat, lon) for lat in box[:2] for lon in box[2:]]
    for x, y in corners:
        assert padding.left - eps <= x <= width - padding.right + eps
        assert padding.top - eps <= y <= height - padding.bottom + eps
    # Tight: unless the zoom hit its ceiling, the box fills the padded area in one direction
    # (the zoom is rounded down to 1/100, i.e. at most 0.7 % smaller).
    xs, ys = [c[0] for c in corners], [c[1] for c in corners]
    fill = max(
        (max(xs) - min(xs)) / (width - padding.left - padding.right),
        (max(ys) - min(ys)) / (height - padding.top - padding.bottom),
    )
    if view.zoom < MAX_ZOOM:
        assert fill >= 2**-0.011
    # The box's centre is the padded area's centre.
    assert (min(xs) + max(xs)) / 2 == pytest.approx((padding.left + width - padding.right) / 2)
    assert (min(ys) + max(ys)) / 2 == pytest.approx((padding.top + height - padding.bottom) / 2)


@settings(max_examples=200, deadline=None)
@given(st.floats(-80, 80), st.floats(-179, 179), st.floats(3, 18), st.floats(0, 800))
def test_project_and_unproject_are_inverse(lat, lon, zoom, px):
    view = View(lat, lon, zoom, 800, 600)
    back = view.unproject(*view.project(lat, lon))
    assert back == pytest.approx((lat, lon), abs=1e-9)
    x, y = view.project(*view.unproject(px, 600 - px / 2))
    assert (x, y) == pytest.approx((px, 600 - px / 2), abs=1e-6)


def test_a_single_point_opens_at_street_level_not_beyond():
    view = fit_view(geo.Bounds(35.5, 35.5, 104.6, 104.6), 630, 400)
    assert view.zoom == MAX_ZOOM
    assert (view.latitude, view.longitude) == pytest.approx((35.5, 104.6), abs=1e-3)


def test_the_sample_county_fits_a_phone_and_a_1280_screen():
    box = geo.bounds(r["boundary"] for r in sample_rows("communities"))
    for width, mobile in ((maps.MOBILE_FIT_PX, True), (maps.DESKTOP_FIT_PX, False), (358, True)):
        view = maps.view_for(box, width, mobile)
        for lat in box[:2]:
            for lon in box[2:]:
                x, y = view.project(lat, lon)
                assert 0 <= x <= width and 0 <= y <= view.height_px
    # Drawn wider (1440 px: a 768-px column), the view keeps its centre: the box stays inside.
    view = maps.view_for(box, maps.DESKTOP_FIT_PX)
    wide = View(view.latitude, view.longitude, view.zoom, 768, view.height_px)
    assert all(0 <= wide.project(lat, lon)[0] <= 768 for lat in box[:2] for lon in box[2:])


def test_map_height_follows_the_shape_within_limits():
    wide = geo.Bounds(35.57, 35.58, 104.60, 104.66)
    square = geo.Bounds(35.57, 35.60, 104.60, 104.637)
    assert maps.map_height(wide, 630, 380, 640) == 380
    assert 380 < maps.map_height(square, 630, 380, 640) <= 640


# ------------------------------------------------------------------------------ GeoJSON walker


def test_the_walker_reads_every_geojson_shape():
    ring = [[104.0, 35.0], [104.1, 35.0], [104.1, 35.1], [104.0, 35.0]]
    hole = [[104.02, 35.02], [104.03, 35.02], [104.03, 35.03], [104.02, 35.02]]
    polygon = {"type": "Polygon", "coordinates": [ring, hole]}
    multi = {"type": "MultiPolygon", "coordinates": [[ring], [[[105.0, 36.0], [105.1, 36.0]]]]}
    expected = [tuple(p) for p in ring + hole]
    assert geo.coordinates(polygon) == expected
    assert geo.coordinates(json.dumps(polygon)) == expected  # stored text
    assert geo.coordinates({"type": "Feature", "geometry": polygon}) == expected
    collection = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "geometry": polygon},
            {"type": "Feature", "geometry": multi},
        ],
    }
    assert len(geo.coordinates(collection)) == len(ring) * 2 + len(hole) + 2
    parts = {"type": "GeometryCollection", "geometries": [{"type": "Point", "coordinates": [1, 2]}]}
    assert geo.coordinates(parts) == [(1.0, 2.0)]
    assert geo.coordinates({"type": "LineString", "coordinates": [[1, 2, 30], [3, 4, 40]]}) == [
        (1.0, 2.0),
        (3.0, 4.0),
    ]  # heights ignored
    for nothing in (None, "", {}, {"type": "Feature", "geometry": None}, {"coordinates": "x"}):
        assert geo.coordinates(nothing) == []
    assert geo.coordinates({"type": "Polygon", "coordinates": [[["a", "b"], [1, 2], True]]}) == [
        (1.0, 2.0)
    ]
    assert geo.bounds([polygon, multi]) == geo.Bounds(35.0, 36.0, 104.0, 105.1)
    assert geo.bounds([None, {}]) is None


positions = st.lists(
    st.tuples(st.floats(-180, 180), st.floats(-90, 90)).map(list), min_size=1, max_size=6
)


@given(st.lists(st.lists(positions, min_size=1, max_size=3), min_size=1, max_size=3))
def test_the_walker_returns_every_position_in_order(polygons):
    multi = {"type": "MultiPolygon", "coordinates": polygons}
    flat = [tuple(p) for polygon in polygons for ring in polygon for p in ring]
    assert geo.coordinates(multi) == flat
    box = geo.bounds([multi])
    assert box.lat_min == min(p[1] for p in flat) and box.lon_max == max(p[0] for p in flat)


def test_polygon_helpers():
    square = [(0.0, 0.0), (2.0, 0.0), (2.0, 2.0), (0.0, 2.0), (0.0, 0.0)]
    hole = [(0.5, 0.5), (1.5, 0.5), (1.5, 1.5), (0.5, 1.5), (0.5, 0.5)]
    assert geo.in_polygon([square], 1.0, 1.0) and not geo.in_polygon([square, hole], 1.0, 1.0)
    assert geo.in_polygon([square, hole], 0.2, 1.0) and not geo.in_polygon([square], 3.0, 1.0)
    assert geo.centroid(square) == pytest.approx((1.0, 1.0))
    assert geo.ring_area(square) == pytest.approx(4.0)


# ------------------------------------------------------------------------------ scale bar


@settings(max_examples=300, deadline=None)
@given(st.floats(-70, 70), st.floats(8, 18), st.floats(40, 300))
def test_the_scale_bar_is_a_round_length_that_matches_the_ground(lat, zoom, max_px):
    """At town to county zooms (a continent's scale bar would bend with the earth)."""
    view = View(lat, 104.6, zoom, 640, 400)
    bar = maps.scale_bar(view, max_px)
    exponent = math.floor(math.log10(bar.metres))
    assert round(bar.metres / 10**exponent, 9) in (1, 2, 5)
    assert max_px / 2.5 - 1e-9 <= bar.px <= max_px + 1e-9
    # Independently: the ground distance between the bar's ends, drawn across the map's centre.
    y = view.height_px / 2
    x0 = view.width_px / 2 - bar.px / 2
    (lat0, lon0), (lat1, lon1) = view.unproject(x0, y), view.unproject(x0 + bar.px, y)
    ground = float(coverage.haversine_m(lat0, lon0, lat1, lon1))
    assert ground == pytest.approx(bar.metres, rel=0.005)


def test_the_scale_bar_of_the_sample_county():
    box = geo.bounds(r["boundary"] for r in sample_rows("communities"))
    view = maps.view_for(box, maps.DESKTOP_FIT_PX)
    bar = maps.scale_bar(view)
    assert bar.metres == 500
    html = scale_bar_html(bar, "500 米", "比例尺")
    assert f"width:{round(bar.px)}px" in html and "500 米" in html and ">0<" in html


# ------------------------------------------------------------------------------ names


def sample_boundaries() -> pd.DataFrame:
    rows = [
        {"level": "community", "code": c["code"], "community_code": c["code"], "name": c["name"],
         "boundary": c["boundary"]}
        for c in sample_rows("communities")
    ] + [
        {"level": "grid", "code": g["code"], "community_code": g["community_code"],
         "name": g["name"], "boundary": g["boundary"]}
        for g in sample_rows("grids")
    ]  # fmt: skip
    return pd.DataFrame(rows)


def dots() -> list[tuple[float, float, float]]:
    return [(float(r["lon"]), float(r["lat"]), 14.0) for r in sample_rows("compounds")] + [
        (float(r["lon"]), float(r["lat"]), 8.0) for r in sample_rows("service_points")
    ]


def test_the_text_layers_hold_every_character_of_the_names():
    boundaries = sample_boundaries()
    box = geo.bounds(boundaries.loc[boundaries["level"] == "community", "boundary"])
    view = maps.view_for(box, maps.DESKTOP_FIT_PX)
    labels = maps.place_names(boundaries, view, dots())
    layers = maps.name_layers(labels)
    assert {lb.text for lb in labels if lb.level == "community"} == {"老城社区", "东部社区"}
    assert sum(lb.level == "grid" for lb in labels) >= 5
    for layer in layers:
        spec = json.loads(layer.to_json())
        assert spec["@@type"] == "TextLayer"
        chars = set(spec["characterSet"])
        texts = [row["name"] for row in spec["data"]]
        assert texts and all(set(text) <= chars for text in texts)
        assert chars == {c for text in texts for c in text}  # only what is drawn
        assert "Noto Sans CJK SC" in spec["fontFamily"] and spec["pickable"] is False
    assert maps.character_set(["老城", "城东", "A1"]) == "".join(sorted("老城东A1"))


@pytest.mark.parametrize("width", [maps.DESKTOP_FIT_PX, 768, maps.MOBILE_FIT_PX])
def test_names_stay_on_the_canvas_apart_and_off_the_dots(width):
    boundaries = sample_boundaries()
    box = geo.bounds(boundaries.loc[boundaries["level"] == "community", "boundary"])
    view = maps.view_for(box, width, width < 400)
    labels = maps.place_names(boundaries, view, dots())
    boxes = []
    for lb in labels:
        x, y = view.project(lb.lat, lb.lon)
        w, h = text_size(lb.text, SIZES[lb.level])
        top = y - 5 - h if lb.above else y - h / 2
        boxes.append((x - w / 2, top, x + w / 2, top + h))
    for i, (x0, y0, x1, y1) in enumerate(boxes):
        assert x0 >= 0 and y0 >= 0
        assert x1 <= view.width_px and y1 <= view.height_px
        assert all(not (x0 < b[2] and b[0] < x1 and y0 < b[3] and b[1] < y1) for b in boxes[:i])
        if labels[i].level == "grid":
            for lon, lat, r in dots():
                px, py = view.project(lat, lon)
                dx, dy = max(x0 - px, px - x1, 0), max(y0 - py, py - y1, 0)
                assert dx * dx + dy * dy >= r * r
    communities = set(boundaries.loc[boundaries["level"] == "community", "name"])
    assert {lb.text for lb in labels if lb.level == "community"} == communities  # every one named
    if width < 400:  # a phone: grids too small for their names, communities named
        assert {lb.level for lb in labels} == {"community"}


# ------------------------------------------------------------------------------ basemap, device


def test_no_tiles_unless_a_tile_server_is_set(monkeypatch):
    monkeypatch.delenv(basemap.ENV, raising=False)
    assert basemap.tile_url() is None
    boundaries = sample_boundaries()
    view = maps.view_for(maps.fit_box(boundaries), maps.DESKTOP_FIT_PX)
    deck = json.loads(maps.build(boundaries, view=view).deck.to_json())
    assert deck["mapStyle"] == "__MAP_STYLE__"  # pydeck's sentinel: Streamlit draws no basemap
    assert not any(lyr["@@type"] == "BitmapLayer" for lyr in deck["layers"])
    monkeypatch.setenv(basemap.ENV, "http://tiles.example/no-placeholders.png")
    assert basemap.tile_url() is None  # malformed: ignored
    monkeypatch.setenv(basemap.ENV, "http://gis.county.local/t/{z}/{x}/{y}.png")
    url = basemap.tile_url()
    deck = json.loads(maps.build(boundaries, view=view, tiles=url).deck.to_json())
    tiles = [lyr for lyr in deck["layers"] if lyr["@@type"] == "BitmapLayer"]
    assert 0 < len(tiles) <= basemap.MAX_TILES and deck["layers"][0] in tiles  # underneath
    assert all(t["image"].startswith("http://gis.county.local/t/") for t in tiles)
    west = min(t["bounds"][0] for t in tiles)
    east = max(t["bounds"][2] for t in tiles)
    south = min(t["bounds"][1] for t in tiles)
    north = max(t["bounds"][3] for t in tiles)
    n, w = view.unproject(0, 0)
    s, e = view.unproject(view.width_px, view.height_px)
    assert west <= w and east >= e and south <= s and north >= n  # the whole canvas is tiled


def test_tile_numbers():
    assert basemap.tile_of(0.0, 0.0, 1) == (1, 1)
    x, y = basemap.tile_of(35.58, 104.63, 15)
    west, south, east, north = basemap.tile_bounds(x, y, 15)
    assert west <= 104.63 < east and south <= 35.58 < north
    assert merc_y(north) > merc_y(south)


def test_the_device_guess():
    iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148 Safari/604.1"
    android = "Mozilla/5.0 (Linux; Android 14; Pixel 8) Chrome/120.0 Mobile Safari/537.36"
    desktop = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0 Safari/537.36"
    assert maps.is_mobile_agent(iphone) and maps.is_mobile_agent(android)
    assert not maps.is_mobile_agent(desktop) and not maps.is_mobile_agent("")


def test_a_ramp_gives_the_colours_its_legend_shows():
    ramp = maps.Ramp("户", ["#FFFFFF", "#000000"], 0, 100, "0", "100")
    assert ramp.colour(0) == [255, 255, 255, 200] and ramp.colour(100, 255) == [0, 0, 0, 255]
    assert ramp.colour(50)[:3] == [128, 128, 128] and ramp.colour(500) == ramp.colour(100)
    assert "linear-gradient(to right,#FFFFFF,#000000)" in ramp.html()
