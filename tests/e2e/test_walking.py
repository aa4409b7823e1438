"""The service-point page by walking in Chromium: the 直线 / 步行 switch and the walking-time area
picker moved as a user does, the areas drawn on the map (their darkest blue is on the canvas) with
no request leaving 127.0.0.1. Coverage is walked independently (tests/app/test_service_points_walking)."""

from __future__ import annotations

import csv
import io

import pytest

from data_access.vocab import label
from tests.app.test_service_points import covered, operating
from tests.app.test_service_points_walking import TYPES, households, walk_covered
from tests.conftest import sample_rows
from tests.e2e import act
from tests.e2e.act import MAIN, choose, radio, widget
from tests.e2e.conftest import assert_no_exception, card_value, screenshot
from tests.e2e.controls import NO_SAVE_PICKER, download_table_csv, main_text
from tests.e2e.test_service_points import map_canvas

DARKEST = (8, 81, 156)  # the 5-minute streets (#08519C)

SHADE_PIXELS_JS = """([r, g, b]) => {
  const c = document.querySelector('[data-testid="stDeckGlJsonChart"] canvas');
  if (!c || !c.width) return -1;
  const copy = document.createElement('canvas');
  copy.width = c.width; copy.height = c.height;
  const ctx = copy.getContext('2d');
  ctx.drawImage(c, 0, 0);
  const data = ctx.getImageData(0, 0, c.width, c.height).data;
  let n = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (Math.abs(data[i] - r) < 14 && Math.abs(data[i + 1] - g) < 14 && Math.abs(data[i + 2] - b) < 14) n++;
  }
  return n;
}"""


def shades(page, test: str) -> int:
    """The pixels in the walking areas' darkest blue, once their count passes the JS predicate
    `test` (the deck redraws a moment after the run; the map must have drawn first)."""
    map_canvas(page)
    act.wait_map_drawn(page)
    return act.expect_js(page, SHADE_PIXELS_JS, test, arg=list(DARKEST))


def share(ids: set[str]) -> str:
    total = sum(int(c["households"]) for c in sample_rows("compounds"))
    return f"{households(ids) / total:.1%}"


def test_walking_mode_and_its_areas_render_offline(page, app_url):
    act.goto(page, app_url + "/service_points?sp_type=clinic")
    shades(page, "n => n === 0")  # straight line: circles, no walking areas
    radio(widget(page, "stRadio", "距离算法"), "步行")
    assert "sp_mode=walk" in page.url
    assert_no_exception(page)
    walked = walk_covered(operating("clinic"))
    assert card_value(page, "500 米覆盖率（户）") == share(walked)
    assert card_value(page, "按步行 · 500 米覆盖（户）") == share(walked)
    assert "直线距离高估了" in main_text(page)
    shades(page, "n => n > 200")  # the 5-minute streets are drawn
    assert "步行 5 分钟（300 米）内的街道" in main_text(page)
    screenshot(page, "service-points-walking")
    assert page.watch.outside_requests() == []
    assert page.watch.errors == []

    # One point's area, then none, then every point again.
    point = operating("clinic")[0]
    area_box = widget(page, "stSelectbox", "步行时间范围").first
    community = {c["code"]: c["name"] for c in sample_rows("communities")}[point["community_code"]]
    choose(page, area_box, f"{point['name']}（位于{community}）", search=point["name"][:4])
    assert f"sp_area={point['id']}" in page.url
    reached = walk_covered([point], 800)
    assert f"15 分钟内 {len(reached)} 个" in main_text(page)
    shades(page, "n => n > 0")
    choose(page, area_box, "不显示")
    assert "sp_area=none" in page.url
    shades(page, "n => n === 0")
    choose(page, area_box, "全部医疗卫生服务室")
    assert "sp_area" not in page.url
    shades(page, "n => n > 0")
    assert page.watch.outside_requests() == []

    radio(page.locator(MAIN).locator('[data-testid="stRadio"]').filter(has_text="距离算法"), "直线")
    assert "sp_mode" not in page.url
    shades(page, "n => n === 0")
    assert_no_exception(page)


def test_the_comparison_table_downloads_as_csv(page, app_url):
    page.add_init_script(NO_SAVE_PICKER)
    page.goto(app_url + "/service_points?sp_mode=walk")  # every type: one row a type
    # Every type walked on the first run of a fresh server: wait for the section, not a still page.
    page.locator(MAIN).get_by_text("直线与步行对比（500 米）").wait_for(timeout=120_000)
    act.wait_settled(page)
    tables = page.locator(f'{MAIN} [data-testid="stDataFrame"]').count()
    # The comparison is the table whose file has the overstated homes.
    downloads = [download_table_csv(page, i) for i in range(tables)]
    found = [(n, text) for n, text in downloads if "gap_households" in text.splitlines()[0]]
    assert len(found) == 1, [text.splitlines()[0] for _n, text in downloads]
    name, text = found[0]
    assert name.endswith(".csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["type"] for r in rows] == [label("sp_type", t) for t in TYPES], text[:300]
    total = households({c["id"] for c in sample_rows("compounds")})
    for row, sp_type in zip(rows, TYPES, strict=True):
        line = households(covered(operating(sp_type)))
        walk = households(walk_covered(operating(sp_type)))
        assert float(row["line"]) == pytest.approx(line / total * 100)
        assert float(row["walk"]) == pytest.approx(walk / total * 100)
        assert float(row["gap"]) == pytest.approx((line - walk) / total * 100)
        assert int(float(row["gap_households"])) == line - walk
    assert any(int(float(r["gap_households"])) > 0 for r in rows)  # the river shows somewhere
    assert_no_exception(page)
    assert page.watch.outside_requests() == []
