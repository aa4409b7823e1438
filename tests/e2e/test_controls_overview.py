"""The overview's controls moved in Chromium: the metric the charts show (picked with the mouse and
typed with the keyboard), the per-1,000-households switch, and the table's CSV export. Expected
figures are counted from sample_data/*.csv."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tests import welfare_expected as expected
from tests.conftest import EAST, OLD_TOWN, operating_ids, sample_rows
from tests.e2e import act
from tests.e2e.act import choose, widget
from tests.e2e.conftest import assert_no_exception
from tests.e2e.controls import (
    NO_SAVE_PICKER,
    bar_values,
    chart_marks,
    download_table_csv,
    table_rows,
)

NAMES = {OLD_TOWN: "老城社区", EAST: "东部社区"}
HOUSEHOLDS = {c["code"]: int(c["households"]) for c in sample_rows("communities")}


def volunteers(community: str, day: str = "2022-06-30") -> int:
    return sum(
        int(o["members"])
        for o in sample_rows("volunteer_orgs")
        if o["community_code"] == community and o["founded_on"] <= day
    )


def points(community: str) -> int:
    ids = operating_ids("2022-06-30")
    return sum(
        1
        for p in sample_rows("service_points")
        if p["id"] in ids and p["community_code"] == community
    )


def metric_box(page):
    return widget(page, "stSelectbox", "查看指标").first


def test_the_metric_picker_steers_both_charts(page, app_url):
    act.goto(page, app_url + "/")
    assert bar_values(page, "便民服务网点") == {NAMES[c]: str(points(c)) for c in NAMES}

    choose(page, metric_box(page), "低保对象")
    assert "metric=dibao_persons" in page.url
    assert bar_values(page, "低保对象") == {NAMES[c]: f"{expected.persons(c):,}" for c in NAMES}
    trend = chart_marks(page, 1)
    assert any(m.startswith("Y-axis titled '低保对象'") for m in trend)
    for code, name in NAMES.items():  # the trend's last month is the card's month
        june = f"低保对象: {expected.persons(code):,}; 社区: {name}; 月份: 2022-06"
        assert any(june in m for m in trend), (june, trend[:8])

    # With the keyboard: type part of the name, Enter.
    box = metric_box(page).locator("input")
    since = act.arm(page)
    box.click()
    box.press_sequentially("志愿")
    page.keyboard.press("Enter")
    act.settle(page, since)
    assert "metric=volunteers" in page.url
    assert bar_values(page, "志愿者") == {NAMES[c]: str(volunteers(c)) for c in NAMES}

    choose(page, metric_box(page), "便民服务网点")  # the default leaves the link
    assert "metric=" not in page.url
    assert_no_exception(page)
    assert page.watch.outside_requests() == []


def number(text: str) -> float:
    return float(text.replace(",", ""))


def test_the_per_thousand_switch_divides_counts_by_households(page, app_url):
    act.goto(page, app_url + "/?metric=volunteers")
    rows = {r["社区"]: r for r in table_rows(page)}
    assert number(rows["老城社区"]["低保对象"]) == expected.persons(OLD_TOWN)

    act.click(page, page.get_by_role("switch", name="按每千户计算"), force=True)
    assert "per1000=1" in page.url and "metric=volunteers" in page.url
    rows = {r["社区"]: r for r in table_rows(page)}
    # The bars say what they show, to a tenth as the table does (they read "志愿者 20" once).
    bars = bar_values(page, "志愿者（每千户）")
    assert any(m.startswith("X-axis titled '志愿者（每千户）'") for m in chart_marks(page, 0))
    for code, name in NAMES.items():
        per = 1000 / HOUSEHOLDS[code]
        assert number(rows[name]["低保对象"]) == pytest.approx(expected.persons(code) * per, 0.01)
        assert number(rows[name]["户数"]) == HOUSEHOLDS[code]  # households stay households
        assert number(bars[name]) == pytest.approx(volunteers(code) * per, abs=0.06)

    act.click(page, page.get_by_role("switch", name="按每千户计算"), force=True)
    assert "per1000" not in page.url
    assert bar_values(page, "志愿者") == {NAMES[c]: str(volunteers(c)) for c in NAMES}
    assert_no_exception(page)
    assert page.watch.outside_requests() == []


def test_the_comparison_table_downloads_as_csv(page, app_url):
    page.add_init_script(NO_SAVE_PICKER)
    act.goto(page, app_url + f"/?community={EAST}")
    name, text = download_table_csv(page, 0)
    assert name.endswith(".csv") and len(text) > 50
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["name"] for r in rows] == ["东部社区"]
    assert int(rows[0]["dibao_persons"]) == expected.persons(EAST)
    assert int(rows[0]["households"]) == HOUSEHOLDS[EAST]
    assert_no_exception(page)
    assert page.watch.outside_requests() == []


def test_the_comparison_table_s_own_csv_names_its_page_area_and_period(page, app_url):
    """下载 CSV under the numbers table: the file is named by page, table, area and period; its
    headers are the reader's words, its figures numbers (money in 万元, as on screen)."""
    act.goto(page, app_url + f"/?community={EAST}&from=2022-01&to=2022-06")
    button = page.get_by_role("button", name="下载 CSV").first
    button.scroll_into_view_if_needed()
    with page.expect_download() as info:
        act.click(page, button)
    got = info.value
    assert got.suggested_filename == "总览-社区对比_东部社区_2022-01至2022-06.csv"
    text = Path(got.path()).read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["社区"] for r in rows] == ["东部社区"]
    assert int(rows[0]["户数"]) == HOUSEHOLDS[EAST]
    assert int(rows[0]["低保对象"]) == expected.persons(EAST, "2022-06")
    assert "筹措资金（万元）" in rows[0]
    float(rows[0]["筹措资金（万元）"])  # a number, not "51.6万元"
    assert_no_exception(page)


def test_a_chart_downloads_as_png(page, app_url):
    act.goto(page, app_url + "/")
    chart = page.locator('[data-testid="stMain"] [data-testid="stVegaLiteChart"]').first
    chart.scroll_into_view_if_needed()
    chart.hover()
    toolbar = page.locator('[data-testid="stElementToolbar"]').filter(
        has=page.get_by_role("button", name="Download as PNG")
    )
    button = toolbar.first.get_by_role("button", name="Download as PNG")
    data = act.download_path(page, button).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 2_000
    assert_no_exception(page)
    assert page.watch.outside_requests() == []


@pytest.mark.parametrize(
    ("path", "name", "header"),
    [
        ("/welfare", "社会救助-各社区覆盖情况", "低保人数"),
        ("/employment", "就业服务-就业路径", "人群"),
        ("/community_life", "志愿·为老·平安-平安建设：矛盾纠纷", "排查"),
    ],
)
def test_each_pages_csv_button_names_its_page_area_and_period(page, app_url, path, name, header):
    act.goto(page, app_url + path)
    button = page.get_by_role("button", name="下载 CSV").first
    button.scroll_into_view_if_needed()
    with page.expect_download() as info:
        act.click(page, button)
    got = info.value
    assert got.suggested_filename == f"{name}_全部社区_2021-07至2022-06.csv"
    text = Path(got.path()).read_bytes().decode("utf-8-sig")
    first = text.splitlines()[0]
    assert header in first and "_" not in first, first  # words, not column keys
    assert_no_exception(page)
