"""AppTest: the service-point page on the sample county.

Expected figures come from the sample CSVs, counted here with plain Python and the haversine
formula (`math`), independently of the page's SQL and numpy code.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.conftest import assert_clean, metric_values
from tests.conftest import EAST, OLD_TOWN, operating_ids, sample_rows

PAGE = "pages/service_points.py"
R = 6_371_008.8
END = "2022-06-30"  # the sample period's last day: the page's default filter


def operating(sp_type: str | None = None, community: str | None = None) -> list[dict]:
    return [
        p
        for p in sample_rows("service_points")
        if p["id"] in operating_ids(END)
        and (sp_type is None or p["type"] == sp_type)
        and (community is None or p["community_code"] == community)
    ]


def metres(a: dict, b: dict) -> float:
    p1, p2 = math.radians(float(a["lat"])), math.radians(float(b["lat"]))
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1)
        * math.cos(p2)
        * math.sin(math.radians(float(b["lon"]) - float(a["lon"])) / 2) ** 2
    )
    return 2 * R * math.asin(math.sqrt(h))


def covered(points: list[dict], radius: float = 500) -> set[str]:
    return {
        c["id"] for c in sample_rows("compounds") if any(metres(c, p) <= radius for p in points)
    }


def isolated_uncovered_compound() -> tuple[str, dict]:
    """A (type, compound) where the compound has no point of the type within 500 m, and no other
    such compound lies within 500 m of it: a point there adds exactly its own households."""
    for sp_type in ("reading_room", "convenience", "clinic", "police", "elderly_care"):
        hit = covered(operating(sp_type))
        uncovered = [c for c in sample_rows("compounds") if c["id"] not in hit]
        alone = [
            c for c in uncovered if not any(o is not c and metres(c, o) <= 500 for o in uncovered)
        ]
        if alone:
            return sp_type, max(alone, key=lambda c: int(c["households"]))
    raise AssertionError("the sample county has no isolated uncovered compound")


def deck(at: AppTest) -> dict:
    return json.loads(at.get("deck_gl_json_chart")[0].proto.json)


def layer(at: AppTest, layer_id: str) -> list[dict]:
    found = [lyr for lyr in deck(at)["layers"] if lyr["id"] == layer_id]
    return found[0]["data"] if found else []


def shown_scenario(at: AppTest, radius: int = 500) -> tuple[int, int]:
    """(households before, after) from the page's '500 米覆盖率 … （4,326 → 4,514 户）' line."""
    text = " ".join(m.value for m in at.markdown)
    found = re.search(rf"{radius} 米覆盖率 [^（]*（([\d,]+) → ([\d,]+) 户）", text)
    assert found, text[-800:]
    return int(found.group(1).replace(",", "")), int(found.group(2).replace(",", ""))


def number_in(text: str) -> int:
    return int(re.search(r"[-+−]?[\d,]+", text).group(0).replace(",", "").replace("−", "-"))


# ------------------------------------------------------------------------------ the map and cards


def test_the_page_shows_the_138_operating_points(open_page):
    at = open_page(PAGE)
    assert_clean(at)
    assert at.title[0].value == "服务网点"
    assert len(operating()) == 138
    assert metric_values(at)["便民服务网点"] == f"{len(operating())}个"
    households = sum(int(c["households"]) for c in sample_rows("communities"))
    assert metric_values(at)["每千户服务网点"] == f"{138 / households * 1000:.1f}个/千户"
    assert all(m.proto.help for m in at.metric)  # every card says how it is computed


def test_the_deck_has_one_dot_per_operating_point_and_no_basemap(open_page):
    at = open_page(PAGE)
    spec = deck(at)
    points = layer(at, "sp-points")
    assert len(points) == 138
    expected = {(round(float(p["lat"]), 6), round(float(p["lon"]), 6)) for p in operating()}
    assert {(round(p["lat"], 6), round(p["lon"], 6)) for p in points} == expected
    assert len(layer(at, "compounds")) == len(sample_rows("compounds"))
    # No basemap: pydeck's sentinel, which Streamlit drops instead of fetching Carto tiles.
    assert spec["mapStyle"] == "__MAP_STYLE__"
    text = at.get("deck_gl_json_chart")[0].proto.json
    assert "cartocdn" not in text and "mapbox" not in text
    tooltip = json.loads(at.get("deck_gl_json_chart")[0].proto.tooltip)
    assert "{t0}" in tooltip["html"]
    first = points[0]
    assert first["t0"] and "类型：" in first["t1"] and "运营中" in first["t1"]
    assert "开设于" in first["t2"]


def test_the_map_names_its_areas_and_shows_a_scale(open_page):
    at = open_page(PAGE)
    assert_clean(at)
    communities = layer(at, "names-community-above")
    assert {row["name"] for row in communities} == {c["name"] for c in sample_rows("communities")}
    grid_names = {g["name"] for g in sample_rows("grids")}
    grids = layer(at, "names-grid")
    assert grids and {row["name"] for row in grids} <= grid_names
    for lyr in deck(at)["layers"]:
        if lyr["@@type"] == "TextLayer":  # every glyph drawn is in the layer's atlas
            assert all(set(row["name"]) <= set(lyr["characterSet"]) for row in lyr["data"])
    # The names are drawn last, above the points.
    assert [lyr["@@type"] for lyr in deck(at)["layers"]][-2:] == ["TextLayer", "TextLayer"]
    text = " ".join(m.value for m in at.markdown)
    assert re.search(r'class="map-scale".*>0<.*>(500|1,000|200) 米<', text)
    assert "比例尺" in text


@pytest.mark.parametrize("community", [EAST, OLD_TOWN])
def test_one_community_shows_its_own_points(open_page, community):
    at = open_page(PAGE, community=community)
    assert_clean(at)
    mine = operating(community=community)
    assert metric_values(at)["便民服务网点"] == f"{len(mine)}个"
    points = layer(at, "sp-points")
    assert len(points) == len(mine)
    assert {(round(p["lat"], 6), round(p["lon"], 6)) for p in points} == {
        (round(float(p["lat"]), 6), round(float(p["lon"]), 6)) for p in mine
    }
    compounds = [c for c in sample_rows("compounds") if c["community_code"] == community]
    assert len(layer(at, "compounds")) == len(compounds)
    boundaries = [lyr for lyr in deck(at)["layers"] if lyr["id"] == "boundaries-community"][0]
    assert [f["properties"]["code"] for f in boundaries["data"]["features"]] == [community]
    # The view is fitted to the community: its centre lies inside the community's box.
    view = deck(at)["initialViewState"]
    lats = [float(c["lat"]) for c in compounds]
    lons = [float(c["lon"]) for c in compounds]
    assert min(lats) < view["latitude"] < max(lats) and min(lons) < view["longitude"] < max(lons)


def test_a_type_filter_narrows_the_map_and_legend(open_page):
    at = open_page(PAGE, sp_type="clinic")
    assert_clean(at)
    assert len(layer(at, "sp-points")) == len(operating("clinic"))
    legend = " ".join(m.value for m in at.markdown)
    assert f"医疗卫生服务室（{len(operating('clinic'))} 个）" in legend
    assert "送奶点（" not in legend
    # Compounds no clinic reaches are drawn in the warning colour.
    uncovered = len(sample_rows("compounds")) - len(covered(operating("clinic")))
    warning = [c for c in layer(at, "compounds") if c["fill"][:3] == [213, 94, 0]]
    assert len(warning) == uncovered


def test_coverage_table_matches_an_independent_count(open_page):
    at = open_page(PAGE, sp_type="elderly_care")
    table = at.dataframe[-1].value  # the coverage table is the last table on the page
    hit = covered(operating("elderly_care"))
    compounds = sample_rows("compounds")
    for code, name in ((OLD_TOWN, "老城社区"), (EAST, "东部社区")):
        mine = [c for c in compounds if c["community_code"] == code]
        for measure, column in (
            ("households", "households_500"),
            ("residents_60_plus", "residents_60_plus_500"),
        ):
            share = sum(int(c[measure]) for c in mine if c["id"] in hit) / sum(
                int(c[measure]) for c in mine
            )
            row = table[table["community"] == name].iloc[0]
            assert row[column] == pytest.approx(share * 100)


# ------------------------------------------------------------------------------ what-if


def test_adding_a_point_at_an_uncovered_compound_raises_coverage_by_its_households(open_page):
    sp_type, compound = isolated_uncovered_compound()
    at = open_page(PAGE, sp_type=sp_type)
    assert_clean(at)
    hit = covered(operating(sp_type))
    total = sum(int(c["households"]) for c in sample_rows("compounds"))
    before_households = sum(
        int(c["households"]) for c in sample_rows("compounds") if c["id"] in hit
    )
    assert metric_values(at)["500 米覆盖率（户）"] == f"{before_households / total:.1%}"
    options = at.multiselect(key="spw_add").options
    assert any(o.startswith(compound["name"]) for o in options)

    at.multiselect(key="spw_add").set_value([compound["id"]]).run()
    assert_clean(at)
    gain = int(compound["households"])
    assert shown_scenario(at) == (before_households, before_households + gain)
    card = [m for m in at.metric if m.label == "500 米覆盖率（户）"][0]
    assert number_in(card.delta) == gain
    assert card.value == f"{(before_households + gain) / total:.1%}"
    added = layer(at, "sp-added")
    assert [(a["lat"], a["lon"]) for a in added] == [
        (float(compound["lat"]), float(compound["lon"]))
    ]
    assert at.query_params["sp_add"] in (compound["id"], [compound["id"]])


def test_a_shared_scenario_link_shows_the_same_result(open_page):
    sp_type, compound = isolated_uncovered_compound()
    at = open_page(PAGE, sp_type=sp_type, sp_add=compound["id"])
    assert_clean(at)
    before, after = shown_scenario(at)
    assert after - before == int(compound["households"])
    assert at.multiselect(key="spw_add").value == [compound["id"]]


def test_closing_a_point_lowers_coverage_by_the_households_it_alone_served(open_page):
    points = operating("clinic")
    closing = points[0]
    rest = [p for p in points if p is not closing]
    hit_before, hit_after = covered(points), covered(rest)
    lost = sum(
        int(c["households"]) for c in sample_rows("compounds") if c["id"] in hit_before - hit_after
    )
    at = open_page(PAGE, sp_type="clinic", sp_close=closing["id"])
    assert_clean(at)
    before, after = shown_scenario(at)
    assert before - after == lost > 0
    assert [p["t0"] for p in layer(at, "sp-closed")] == [closing["name"]]
    assert len(layer(at, "sp-points")) == len(points) - 1


def test_clear_removes_the_scenario(open_page):
    sp_type, compound = isolated_uncovered_compound()
    at = open_page(PAGE, sp_type=sp_type, sp_add=compound["id"])
    at.button(key="spw_clear").click().run()
    assert_clean(at)
    assert "sp_add" not in at.query_params
    assert layer(at, "sp-added") == []
    assert all(not m.delta for m in at.metric if "覆盖率" in m.label)


def test_typed_coordinates_are_validated(open_page):
    sp_type, compound = isolated_uncovered_compound()
    at = open_page(PAGE, sp_type=sp_type)
    at.text_input(key="spw_lat").input("abc")
    at.text_input(key="spw_lon").input(compound["lon"])
    at.button(key="spw_add_xy").click().run()
    assert "纬度和经度都须是数字" in " ".join(e.value for e in at.error)
    at.text_input(key="spw_lat").input(compound["lon"])  # swapped: outside the county
    at.text_input(key="spw_lon").input(compound["lat"])
    at.button(key="spw_add_xy").click().run()
    assert "不在本县社区范围内" in " ".join(e.value for e in at.error)
    at.text_input(key="spw_lat").input(compound["lat"])
    at.text_input(key="spw_lon").input(compound["lon"])
    at.button(key="spw_add_xy").click().run()
    assert_clean(at)
    before, after = shown_scenario(at)
    assert after - before == int(compound["households"])
    key = f"{float(compound['lat']):.6f},{float(compound['lon']):.6f}"
    assert at.query_params["sp_add"] in (key, [key])


def test_suggestions_can_be_adopted_in_one_click(open_page):
    at = open_page(PAGE, sp_type="police", sp_k="3")
    assert_clean(at)
    suggested = at.dataframe[0].value
    assert len(suggested) == 3
    gains = suggested["gain_households"].tolist()
    assert gains == sorted(gains, reverse=True) and gains[0] > 0
    assert len(layer(at, "sp-suggested")) == 3
    at.button(key="spw_adopt").click().run()
    assert_clean(at)
    before, after = shown_scenario(at)
    assert after - before == sum(gains)
    assert len(layer(at, "sp-added")) == 3


# ------------------------------------------------------------------------------ URL, empty states, language


def test_bad_url_parameters_show_a_notice_not_a_traceback(open_page):
    at = open_page(PAGE, sp_type="bogus", sp_r="450", sp_k="99", sp_w="x", sp_add="XQ01001")
    assert_clean(at)
    notice = " ".join(w.value for w in at.warning)
    # Each named by the control it sets, with the value as written; never by its key.
    for words, value in (
        ("网点类型", "bogus"),
        ("步行半径", "450"),
        ("计划新增个数", "99"),
        ("优先覆盖", "x"),
        ("假设新增的网点", "XQ01001"),
    ):
        assert f"“{words}”的值 “{value}”" in notice, (words, notice)
    assert "sp_" not in notice
    assert "sp_type" not in at.query_params and "sp_add" not in at.query_params
    assert metric_values(at)["便民服务网点"] == "138个"


def test_unknown_sites_and_points_in_a_link_are_dropped_with_a_notice(open_page):
    sp_type, compound = isolated_uncovered_compound()
    at = open_page(
        PAGE,
        sp_type=sp_type,
        sp_add=[compound["id"], "XQ99999", "10,10", "abc,def"],
        sp_close="FW9999",
    )
    assert_clean(at)
    notice = " ".join(w.value for w in at.warning)
    for value in ("XQ99999", "10,10", "abc,def", "FW9999"):
        assert value in notice
    before, after = shown_scenario(at)
    assert after - before == int(compound["households"])  # the valid site still applies
    assert at.query_params["sp_add"] in (compound["id"], [compound["id"]])


def test_a_type_with_no_point_in_the_area_says_so(open_page):
    grids = {p["grid_code"] for p in operating("police")}
    empty_grid = next(g["code"] for g in sample_rows("grids") if g["code"] not in grids)
    at = open_page(PAGE, grid=empty_grid, sp_type="police")
    assert_clean(at)
    assert any("所选范围内没有运营中的警务室" in i.value for i in at.info)
    assert layer(at, "sp-points") == []
    # Points of neighbouring grids may still reach the grid's compounds: they count.
    mine = [c for c in sample_rows("compounds") if c["grid_code"] == empty_grid]
    hit = covered(operating("police"))
    share = sum(int(c["households"]) for c in mine if c["id"] in hit) / sum(
        int(c["households"]) for c in mine
    )
    assert metric_values(at)["500 米覆盖率（户）"] == f"{share:.1%}"


def test_a_community_without_the_type_is_named(open_page):
    east_grids = [g["code"] for g in sample_rows("grids") if g["community_code"] == EAST]
    old_grids = [g["code"] for g in sample_rows("grids") if g["community_code"] == OLD_TOWN]
    with_police = {p["grid_code"] for p in operating("police")}
    east_empty = next(g for g in east_grids if g not in with_police)
    old_full = next(g for g in old_grids if g in with_police)
    at = open_page(PAGE, grid=[old_full, east_empty], sp_type="police")
    assert_clean(at)
    assert any("东部社区没有运营中的警务室" in i.value for i in at.info)
    counts = Counter(p["grid_code"] for p in operating("police"))
    assert len(layer(at, "sp-points")) == counts[old_full]


def test_english(open_page):
    at = open_page(PAGE, lang="en", sp_type="clinic")
    assert_clean(at)
    assert at.title[0].value == "Service points"
    labels = [m.label for m in at.metric]
    assert "500 m coverage (homes)" in labels
    assert not any(re.search(r"[\u4e00-\u9fff]", m.label) for m in at.metric)
    points = layer(at, "sp-points")
    assert points and points[0]["t1"].startswith("Clinic")
