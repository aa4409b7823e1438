"""Journey: the service-point map in Chromium: it renders, hovering a point explains it, and the
page makes no request outside the server (no basemap tiles, fonts or scripts from elsewhere)."""

from __future__ import annotations

import math
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.conftest import EAST, operating_ids, sample_rows
from tests.e2e import act
from tests.e2e.conftest import assert_no_exception, phone, screenshot

END = "2022-06-30"


def operating(sp_type: str) -> list[dict]:
    return [
        p
        for p in sample_rows("service_points")
        if p["type"] == sp_type and p["id"] in operating_ids(END)
    ]


def map_canvas(page):
    chart = page.locator('[data-testid="stDeckGlJsonChart"]').first
    chart.wait_for(state="visible", timeout=30_000)
    canvas = chart.locator("canvas").first
    canvas.wait_for(state="attached", timeout=30_000)
    return chart, canvas


def canvas_has_drawing(page) -> bool:
    """True when the deck's WebGL canvas holds more than one colour (something was drawn)."""
    return page.evaluate(
        """() => {
          const c = document.querySelector('[data-testid="stDeckGlJsonChart"] canvas');
          if (!c || !c.width || !c.height) return false;
          const copy = document.createElement('canvas');
          copy.width = c.width; copy.height = c.height;
          const ctx = copy.getContext('2d');
          ctx.drawImage(c, 0, 0);
          const data = ctx.getImageData(0, 0, c.width, c.height).data;
          const seen = new Set();
          for (let i = 0; i < data.length; i += 4 * 97) {
            seen.add(data[i] + ',' + data[i + 1] + ',' + data[i + 2] + ',' + data[i + 3]);
            if (seen.size > 3) return true;
          }
          return false;
        }"""
    )


def canvas_width(page) -> int:
    return page.evaluate(
        "() => document.querySelector('[data-testid=\"stDeckGlJsonChart\"] canvas').width"
    )


def dark_extent(page) -> tuple[int, int]:
    """Leftmost and rightmost canvas columns holding dark pixels (outlines, names, black dots)."""
    return tuple(
        page.evaluate(
            """() => {
              const c = document.querySelector('[data-testid="stDeckGlJsonChart"] canvas');
              const copy = document.createElement('canvas');
              copy.width = c.width; copy.height = c.height;
              const ctx = copy.getContext('2d');
              ctx.drawImage(c, 0, 0);
              const d = ctx.getImageData(0, 0, c.width, c.height).data;
              let lo = c.width, hi = -1;
              for (let i = 0; i < d.length; i += 4) {
                if (d[i + 3] > 200 && d[i] < 90 && d[i + 1] < 90 && d[i + 2] < 90) {
                  const x = (i / 4) % c.width;
                  if (x < lo) lo = x;
                  if (x > hi) hi = x;
                }
              }
              return [lo, hi];
            }"""
        )
    )


def pixel_of(lat: float, lon: float, view: dict, box: dict) -> tuple[float, float]:
    """Web-mercator screen position (deck.gl: a 512-px world at zoom 0) inside the canvas box."""
    scale = 512 * 2 ** view["zoom"]

    def merc(d: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(d) / 2))

    x = box["x"] + box["width"] / 2 + (lon - view["longitude"]) / 360 * scale
    y = box["y"] + box["height"] / 2 - (merc(lat) - merc(view["latitude"])) / (2 * math.pi) * scale
    return x, y


def initial_view(db: Path, community: str | None = None) -> dict:
    """The view the page fits to the area (computed the way the page does, from the database)."""
    from components.service_points.map import MapData, view_of
    from data_access.areas import queries as common
    from data_access.db import make_engine
    from data_access.filters import Filters
    from data_access.seeding import seed
    from data_access.service_points import queries as sp

    engine = make_engine(f"sqlite:///{db}")
    seed(engine)
    f = Filters((community,) if community else (), (), "2021-07", "2022-06")
    with engine.connect() as conn:
        data = MapData(common.boundaries(conn, f), sp.points(conn, f), sp.compounds(conn, f))
    engine.dispose()
    view = view_of(data)
    return {"latitude": view.latitude, "longitude": view.longitude, "zoom": view.zoom}


def test_map_renders_offline_and_hovering_a_point_shows_its_tooltip(page, app_url, tmp_path):
    act.goto(page, app_url + "/service_points")
    assert_no_exception(page)
    _chart, _canvas = map_canvas(page)
    page.wait_for_function(
        """() => { const c = document.querySelector('[data-testid="stDeckGlJsonChart"] canvas');
                   return c && c.width > 100 && c.height > 100; }""",
        timeout=30_000,
    )
    act.wait_map_drawn(page)
    assert canvas_has_drawing(page)
    assert "图例" in page.locator('[data-testid="stMain"]').inner_text()
    screenshot(page, "service-points-all")
    # Nothing left 127.0.0.1 while the page and its map loaded.
    assert page.watch.outside_requests() == []
    assert page.watch.errors == []

    # One type: four police rooms, far apart, drawn above the compounds.
    act.goto(page, app_url + "/service_points?sp_type=police")
    _chart, canvas = map_canvas(page)
    act.wait_map_drawn(page)
    box = canvas.bounding_box()
    view = initial_view(tmp_path / "view.db")
    target = operating("police")[0]
    x, y = pixel_of(float(target["lat"]), float(target["lon"]), view, box)
    tooltip = page.locator(".deck-tooltip")
    shown = ""
    for dx, dy in [(0, 0), (2, 0), (-2, 0), (0, 2), (0, -2), (3, 3), (-3, -3)]:
        page.mouse.move(x + dx, y + dy)
        try:  # deck.gl picks what is under the pointer on its next frame
            tooltip.filter(has_text=target["name"]).first.wait_for(state="visible", timeout=2_000)
        except PlaywrightTimeout:
            continue
        shown = tooltip.first.inner_text()
        break
    assert target["name"] in shown, shown
    assert "警务室" in shown and "运营中" in shown and "开设于" in shown
    screenshot(page, "service-points-tooltip")
    assert page.watch.outside_requests() == []
    assert page.watch.errors == []


def test_one_community_and_a_what_if_scenario(page, app_url):
    act.goto(page, app_url + f"/service_points?community={EAST}")
    assert_no_exception(page)
    map_canvas(page)
    act.wait_map_drawn(page)
    assert canvas_has_drawing(page)
    screenshot(page, "service-points-east")

    act.goto(page, app_url + "/service_points?sp_type=police&sp_k=3")
    act.click(page, page.get_by_role("button", name="采纳这 3 个选址到推演中"))
    assert_no_exception(page)
    main = page.locator('[data-testid="stMain"]').inner_text()
    assert "推演前 → 推演后" in main and "500 米覆盖率" in main
    assert "sp_add=" in page.url  # the scenario is in the link
    act.wait_map_drawn(page)
    assert canvas_has_drawing(page)
    screenshot(page, "service-points-what-if")
    assert page.watch.outside_requests() == []
    assert page.watch.errors == []


def test_on_a_phone_the_whole_area_is_on_the_map(browser, app_url):
    """390 × 844 with a phone's user agent: the view is fitted for the phone's width, so both
    communities lie inside the canvas (they did not when it was fitted for a desktop column);
    the scale bar is drawn under the map."""
    import pandas as pd

    from components.maps import MOBILE_FIT_PX, scale_bar
    from components.service_points.map import MapData, view_of
    from data_access.areas import geo

    context = browser.new_context(**phone(locale="zh-CN"))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    act.goto(page, app_url + "/service_points")
    assert_no_exception(page)
    chart, canvas = map_canvas(page)
    chart.scroll_into_view_if_needed()
    act.wait_map_drawn(page)
    assert canvas_has_drawing(page)
    box = canvas.bounding_box()
    assert box["width"] <= 390

    outlines = [c["boundary"] for c in sample_rows("communities")]
    rows = [{"level": "community", "code": "", "name": "", "boundary": b} for b in outlines]
    nothing = pd.DataFrame(columns=["lat", "lon"])
    view = view_of(MapData(pd.DataFrame(rows), nothing, nothing), MOBILE_FIT_PX, mobile=True)
    shown = {"latitude": view.latitude, "longitude": view.longitude, "zoom": view.zoom}
    area = geo.bounds(outlines)
    for lat in (area.lat_min, area.lat_max):
        for lon in (area.lon_min, area.lon_max):
            x, y = pixel_of(lat, lon, shown, box)
            assert box["x"] <= x <= box["x"] + box["width"], (lat, lon, x, box)
            assert box["y"] <= y <= box["y"] + box["height"], (lat, lon, y, box)
    # What was drawn: the outlines (dark) run from near one edge to near the other, touching
    # neither (a view fitted for a desktop column cut the second community off at the right).
    left, right = dark_extent(page)
    assert 0 < left < right < canvas_width(page) - 1
    assert right - left > 0.6 * canvas_width(page)
    main = page.locator('[data-testid="stMain"]').inner_text()
    assert "比例尺" in main and f"{scale_bar(view).metres:,.0f} 米" in main
    screenshot(page, "service-points-phone")
    assert errors == []
    context.close()
