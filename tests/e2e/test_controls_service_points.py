"""Every control of the service-point page moved in Chromium: the type and the radius, the what-if
(add at a compound, add at typed coordinates, remove, close a point, clear), the number of
suggestions and what they maximise, and the coverage table's CSV export. Coverage is counted here
from sample_data/*.csv with the haversine formula, independently of the page's SQL and numpy.
(Adopting the suggestions: tests/e2e/test_service_points.py.)"""

from __future__ import annotations

import csv
import io
import re

import pytest

from tests.app.test_service_points import covered, isolated_uncovered_compound, metres, operating
from tests.conftest import OLD_TOWN, sample_rows
from tests.e2e import act
from tests.e2e.act import MAIN, choose, number_value, radio, type_number, widget
from tests.e2e.conftest import assert_no_exception, card_value
from tests.e2e.controls import NO_SAVE_PICKER, download_table_csv, main_text, table_rows

TYPE_NAMES = {"clinic": "医疗卫生服务室", "police": "警务室", "elderly_care": "养老服务中心"}
K_LABEL = "计划新增个数"


def share(points: list[dict], radius: int, measure: str = "households") -> str:
    compounds = sample_rows("compounds")
    hit = covered(points, radius)
    total = sum(int(c[measure]) for c in compounds)
    return f"{sum(int(c[measure]) for c in compounds if c['id'] in hit) / total:.1%}"


def households_covered(points: list[dict], radius: int = 500) -> int:
    hit = covered(points, radius)
    return sum(int(c["households"]) for c in sample_rows("compounds") if c["id"] in hit)


def best_first_gain(sp_type: str, measure: str, radius: int = 500) -> int:
    """What the best single new site (at a compound) adds: the greedy's first pick."""
    compounds = sample_rows("compounds")
    hit = covered(operating(sp_type), radius)
    open_ = [c for c in compounds if c["id"] not in hit]
    return max(sum(int(u[measure]) for u in open_ if metres(c, u) <= radius) for c in compounds)


def scenario_line(page, radius: int = 500) -> tuple[int, int]:
    """(households before, after) from '500 米覆盖率 … （4,326 → 4,514 户）'."""
    found = re.search(rf"{radius} 米覆盖率 [^（]*（([\d,]+) → ([\d,]+) 户）", main_text(page))
    assert found, main_text(page)[-600:]
    return int(found.group(1).replace(",", "")), int(found.group(2).replace(",", ""))


def type_box(page):
    return widget(page, "stSelectbox", "网点类型").first


def test_the_type_picker_narrows_the_page_to_one_type_and_back(page, app_url):
    act.goto(page, app_url + "/service_points")
    assert "选择一种类型" in main_text(page)  # the what-if waits for a type
    choose(page, type_box(page), "医疗卫生服务室")
    assert "sp_type=clinic" in page.url
    assert card_value(page, "500 米覆盖率（户）") == share(operating("clinic"), 500)
    assert card_value(page, "500 米覆盖率（60岁+）") == share(
        operating("clinic"), 500, "residents_60_plus"
    )
    assert f"医疗卫生服务室（{len(operating('clinic'))} 个）" in main_text(page)
    assert "情景推演：新增或关闭医疗卫生服务室" in main_text(page)

    choose(page, type_box(page), "全部类型")
    assert "sp_type=" not in page.url
    assert "选择一种类型" in main_text(page)
    assert_no_exception(page)
    assert page.watch.outside_requests() == []


def test_switching_type_starts_the_what_if_afresh(page, app_url):
    sp_type, compound = isolated_uncovered_compound()
    act.goto(page, app_url + f"/service_points?sp_type={sp_type}&sp_add={compound['id']}")
    before, after = scenario_line(page)
    assert after - before == int(compound["households"])
    other = next(t for t in TYPE_NAMES if t != sp_type)
    choose(page, type_box(page), TYPE_NAMES[other])
    assert f"sp_type={other}" in page.url and "sp_add=" not in page.url
    assert "尚未新增或关闭网点" in main_text(page)
    assert_no_exception(page)


@pytest.mark.parametrize("radius", [300, 800])
def test_the_radius_sets_the_coverage_cards(page, app_url, radius):
    act.goto(page, app_url + "/service_points?sp_type=clinic")
    radio(page.locator(MAIN), f"{radius} 米")
    assert f"sp_r={radius}" in page.url
    points = operating("clinic")
    assert card_value(page, f"{radius} 米覆盖率（户）") == share(points, radius)
    assert card_value(page, f"{radius} 米覆盖率（60岁+）") == share(
        points, radius, "residents_60_plus"
    )
    assert f"{radius} 米内没有医疗卫生服务室的小区" in main_text(page)
    radio(page.locator(MAIN), "500 米")  # the default leaves the link
    assert "sp_r=" not in page.url
    assert card_value(page, "500 米覆盖率（户）") == share(points, 500)
    assert_no_exception(page)


def test_add_at_a_compound_close_a_point_then_clear(page, app_url):
    sp_type, compound = isolated_uncovered_compound()
    points = operating(sp_type)
    act.goto(page, app_url + f"/service_points?sp_type={sp_type}")
    add = widget(page, "stMultiSelect", "在未覆盖的小区新增").first
    choose(page, add, f"{compound['name']}（{int(compound['households']):,} 户）", compound["name"])
    base = households_covered(points)
    assert scenario_line(page) == (base, base + int(compound["households"]))
    assert f"sp_add={compound['id']}" in page.url

    # A point that alone serves some households: closing it must show in the figures.
    closing = next(
        p for p in points if households_covered([q for q in points if q is not p]) < base
    )
    rest = [p for p in points if p is not closing]
    place = next(
        c["name"] for c in sample_rows("communities") if c["code"] == closing["community_code"]
    )
    choose(
        page, widget(page, "stMultiSelect", "模拟关闭").first, f"{closing['name']}（位于{place}）"
    )
    assert f"sp_close={closing['id']}" in page.url
    assert scenario_line(page) == (base, households_covered([*rest, compound]))

    act.click(page, page.get_by_role("button", name="清除推演"))
    assert "sp_add=" not in page.url and "sp_close=" not in page.url
    assert "尚未新增或关闭网点" in main_text(page)
    assert page.get_by_role("button", name="清除推演").is_disabled()
    assert_no_exception(page)
    assert page.watch.outside_requests() == []


def test_typed_coordinates_add_a_site_and_remove_takes_it_away(page, app_url):
    sp_type, compound = isolated_uncovered_compound()
    act.goto(page, app_url + f"/service_points?sp_type={sp_type}")
    lat = widget(page, "stTextInput", "纬度").locator("input")
    lon = widget(page, "stTextInput", "经度").locator("input")
    act.type_into(page, lat, "abc", enter=False)
    act.type_into(page, lon, compound["lon"], enter=False)
    act.click(page, page.get_by_role("button", name="添加", exact=True))
    assert "纬度和经度都须是数字" in main_text(page)
    assert "sp_add=" not in page.url

    act.type_into(page, lat, compound["lat"], enter=False)
    act.type_into(page, lon, compound["lon"], enter=False)
    act.click(page, page.get_by_role("button", name="添加", exact=True))
    key = f"{float(compound['lat']):.6f},{float(compound['lon']):.6f}"
    assert f"sp_add={key.replace(',', '%2C')}" in page.url or f"sp_add={key}" in page.url
    assert f"纬度 {float(compound['lat']):.6f}，经度 {float(compound['lon']):.6f}" in main_text(
        page
    )
    before, after = scenario_line(page)
    assert after - before == int(compound["households"])
    assert lat.input_value() == "" and lon.input_value() == ""  # ready for the next site

    act.click(page, page.get_by_role("button", name="移除"))
    assert "sp_add=" not in page.url
    assert "尚未新增或关闭网点" in main_text(page)
    assert_no_exception(page)
    assert page.watch.outside_requests() == []


def suggestion_rows(page) -> list[dict[str, str]]:
    return table_rows(page, 0)


def gain(text: str) -> int:
    return int(text.replace("+", "").replace(",", ""))


def test_the_number_of_suggestions_by_stepper_and_by_typing(page, app_url):
    act.goto(page, app_url + "/service_points?sp_type=clinic")
    assert number_value(page, K_LABEL) == 3
    act.click(
        page, widget(page, "stNumberInput", K_LABEL).locator('[data-testid="stNumberInputStepUp"]')
    )
    assert "sp_k=4" in page.url and number_value(page, K_LABEL) == 4
    rows = suggestion_rows(page)
    assert len(rows) == 4
    assert gain(rows[0]["新增覆盖（户）"]) == best_first_gain("clinic", "households")
    gains = [gain(r["新增覆盖（户）"]) for r in rows]
    assert gains == sorted(gains, reverse=True)
    assert page.get_by_role("button", name="采纳这 4 个选址到推演中").is_visible()

    type_number(page, K_LABEL, 0)
    assert "sp_k=0" in page.url
    assert "计划新增个数为 0" in main_text(page)
    assert page.get_by_role("button", name=re.compile("采纳这")).count() == 0

    type_number(page, K_LABEL, 2)
    assert "sp_k=2" in page.url and len(suggestion_rows(page)) == 2
    assert_no_exception(page)
    assert page.watch.outside_requests() == []


def test_the_weighting_picks_sites_for_older_residents(page, app_url):
    act.goto(page, app_url + "/service_points?sp_type=elderly_care")
    first = suggestion_rows(page)[0]
    assert gain(first["新增覆盖（户）"]) == best_first_gain("elderly_care", "households")
    radio(page.locator(MAIN), "60岁以上居民")
    assert "sp_w=60" in page.url
    first = suggestion_rows(page)[0]
    assert gain(first["新增覆盖（60岁以上）"]) == best_first_gain(
        "elderly_care", "residents_60_plus"
    )
    radio(page.locator(MAIN), "户")
    assert "sp_w=" not in page.url
    assert_no_exception(page)


def test_the_coverage_table_downloads_as_csv(page, app_url):
    page.add_init_script(NO_SAVE_PICKER)
    act.goto(page, app_url + "/service_points?sp_type=police")
    count = page.locator(f'{MAIN} [data-testid="stDataFrame"]').count()
    name, text = download_table_csv(page, count - 1)  # the coverage table is the last one
    assert name.endswith(".csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows, text[:200]
    mine = [c for c in sample_rows("compounds") if c["community_code"] == OLD_TOWN]
    hit = covered(operating("police"))
    expected = sum(int(c["households"]) for c in mine if c["id"] in hit) / sum(
        int(c["households"]) for c in mine
    )
    row = next(r for r in rows if r["community"] == "老城社区" and r["type"] == "警务室")
    assert float(row["households_500"]) == pytest.approx(expected * 100)
    assert_no_exception(page)
    assert page.watch.outside_requests() == []


def test_adopting_one_suggestion_adds_what_it_promised(page, app_url):
    act.goto(page, app_url + "/service_points?sp_type=clinic&sp_k=1")
    promised = gain(suggestion_rows(page)[0]["新增覆盖（户）"])
    assert promised == best_first_gain("clinic", "households")
    act.click(page, page.get_by_role("button", name="采纳这 1 个选址到推演中"))
    before, after = scenario_line(page)
    assert before == households_covered(operating("clinic"))
    assert after - before == promised
    assert "sp_add=" in page.url
    assert_no_exception(page)
