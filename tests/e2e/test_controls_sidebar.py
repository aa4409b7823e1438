"""Every control of the sidebar and the shell, moved in Chromium the way a user moves it: the
language, the community and grid pickers, both handles of the period (keys and mouse), the page
links and the sidebar's own collapse button. Expected figures are counted here from
sample_data/*.csv, not read from the page. (Quick periods, reset and the not-found page's button:
tests/e2e/test_shell.py.)"""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests import welfare_expected as expected
from tests.conftest import EAST, OLD_TOWN, jobseeker_groups, operating_ids, sample_rows
from tests.e2e import act
from tests.e2e.act import SIDEBAR, choose, nav_to, radio, widget
from tests.e2e.conftest import assert_no_exception, card_value
from tests.e2e.test_shell import SLIDER, caption, drag, handles
from tests.welfare_expected import month_last_day


def points_at(day: str, community: str | None = None) -> int:
    return sum(
        1
        for p in sample_rows("service_points")
        if p["id"] in operating_ids(day) and community in (None, p["community_code"])
    )


def placed(start: str, end: str) -> int:
    """Laid-off workers re-employed within the months start..end."""
    first, last = f"{start}-01", month_last_day(end).isoformat()
    groups = jobseeker_groups()
    return sum(
        1
        for p in sample_rows("jobseekers")
        if "laid_off" in groups.get(p["person_no"], ()) and first <= p["placed_on"] <= last
    )


def grid_persons(grid: str) -> int:
    return sum(
        int(h["members"])
        for h in sample_rows("welfare_households")
        if h["category"] == "dibao" and h["grid_code"] == grid and expected.in_force(h)
    )


def options(page, picker) -> set[str]:
    """The options a picker offers (its 'Select all' entry left out)."""
    return set(act.options(page, picker)) - {"Select all"}


def test_the_language_radio_switches_every_text_and_back(page, app_url):
    act.goto(page, app_url + "/welfare")
    sidebar = page.locator(SIDEBAR)
    radio(sidebar, "English")
    assert page.locator("h1").first.inner_text() == "Social assistance"
    assert "lang=en" in page.url
    assert card_value(page, "Dibao recipients") == f"{expected.persons():,}"
    links = sidebar.locator("a").all_inner_texts()
    assert any("Overview" in x for x in links) and any("Service points" in x for x in links)
    assert "Filters" in sidebar.inner_text() and "筛选" not in sidebar.inner_text()
    assert not re.search(r"[\u4e00-\u9fff]", page.locator("h1").first.inner_text())
    nav_to(page, "Overview")  # the language holds across pages
    assert page.locator("h1").first.inner_text() == "Overview"
    page.wait_for_url(re.compile(r"lang=en"), timeout=15_000)
    radio(sidebar, "中文")
    assert page.locator("h1").first.inner_text() == "总览"
    assert "lang=" not in page.url
    assert card_value(page, "低保对象") == f"{expected.persons():,}人"
    assert_no_exception(page)
    assert page.watch.outside_requests() == []


def test_the_community_picker_adds_and_removes_communities(page, app_url):
    act.goto(page, app_url + "/")
    picker = widget(page, "stMultiSelect", "社区", SIDEBAR).first
    choose(page, picker, "老城社区")
    assert card_value(page, "低保对象") == f"{expected.persons(OLD_TOWN):,}人"
    assert card_value(page, "便民服务网点") == f"{points_at('2022-06-30', OLD_TOWN)}个"
    assert f"community={OLD_TOWN}" in page.url

    choose(page, picker, "东部社区")  # both: the whole county again, both in the link
    assert card_value(page, "低保对象") == f"{expected.persons():,}人"
    assert f"community={OLD_TOWN}" in page.url and f"community={EAST}" in page.url

    # The chip's ✕ takes 老城社区 out again.
    act.remove_chip(page, picker, "老城社区")
    assert card_value(page, "低保对象") == f"{expected.persons(EAST):,}人"
    assert f"community={OLD_TOWN}" not in page.url and f"community={EAST}" in page.url
    assert_no_exception(page)
    assert page.watch.outside_requests() == []


def test_the_grid_picker_narrows_to_a_grid_and_follows_the_community(page, app_url):
    act.goto(page, app_url + "/")
    grids = widget(page, "stMultiSelect", "网格", SIDEBAR).first
    shown = options(page, grids)
    assert shown <= {g["name"] for g in sample_rows("grids")}  # a long list is drawn in part
    assert {"老城第一网格", "老城第二网格"} <= shown

    grid = next(g for g in sample_rows("grids") if g["name"] == "老城第二网格")
    choose(page, grids, grid["name"])
    assert card_value(page, "低保对象") == f"{grid_persons(grid['code']):,}人"
    assert f"grid={grid['code']}" in page.url
    assert "· 1 个网格" in caption(page)

    # Choosing 东部社区 drops the 老城 grid and offers only 东部's grids.
    choose(page, widget(page, "stMultiSelect", "社区", SIDEBAR).first, "东部社区")
    assert "grid=" not in page.url
    assert card_value(page, "低保对象") == f"{expected.persons(EAST):,}人"
    assert options(page, grids) == {
        g["name"] for g in sample_rows("grids") if g["community_code"] == EAST
    }
    assert_no_exception(page)
    assert page.watch.outside_requests() == []


def test_both_period_handles_by_keys_and_by_mouse_set_the_figures(page, app_url):
    act.goto(page, app_url + "/")
    assert card_value(page, "下岗职工再就业") == f"{placed('2021-07', '2022-06')}人"

    start = page.locator(f'{SLIDER} input[type="range"]').nth(0)
    act.press_until(page, start, "ArrowRight", "2022-01")
    assert handles(page) == ["2022-01", "2022-06"]
    assert "from=2022-01" in page.url and "2022-01 至 2022-06" in caption(page)
    assert card_value(page, "下岗职工再就业") == f"{placed('2022-01', '2022-06')}人"

    end = page.locator(f'{SLIDER} input[type="range"]').nth(1)
    act.press_until(page, end, "ArrowLeft", "2022-05")
    assert handles(page) == ["2022-01", "2022-05"]
    assert card_value(page, "便民服务网点") == f"{points_at('2022-05-31')}个"

    # The end handle with the mouse, a month or two to the left (24 months on the track).
    drag(page, 1, -25)
    first, last = handles(page)
    assert first == "2022-01" and "2022-01" < last < "2022-05"
    assert f"to={last}" in page.url and f"{first} 至 {last}" in caption(page)
    assert card_value(page, "下岗职工再就业") == f"{placed(first, last)}人"
    assert card_value(page, "便民服务网点") == (f"{points_at(month_last_day(last).isoformat())}个")

    drag(page, 0, -300)  # the start handle back to the records' first month (2020-07)
    assert handles(page)[0] == "2020-07" and f"from=2020-07&to={last}" in page.url
    assert card_value(page, "下岗职工再就业") == f"{placed('2020-07', last)}人"
    assert_no_exception(page)
    assert page.watch.outside_requests() == []


def test_every_page_link_opens_its_page(page, app_url):
    act.goto(page, app_url + f"/?community={EAST}")
    for title, path in (("服务网点", "/service_points"), ("社会救助", "/welfare"), ("总览", "/")):
        nav_to(page, title)
        assert page.locator("h1").first.inner_text() == title
        # The filters travel with the link (the URL is written as the page's run ends).
        page.wait_for_url(
            re.compile(rf"^{re.escape(app_url)}{re.escape(path)}\?.*community={EAST}"),
            timeout=15_000,
        )
        assert_no_exception(page)
    assert page.watch.outside_requests() == []


def test_the_sidebar_collapses_and_opens_again(page, app_url):
    act.goto(page, app_url + "/")
    sidebar = page.locator(SIDEBAR)
    sidebar.hover()
    page.get_by_role("button", name="Collapse sidebar").click()
    expect(sidebar).to_have_attribute("data-collapsed", "true")
    page.locator('[data-testid="stExpandSidebarButton"]').click()
    expect(sidebar).to_have_attribute("data-collapsed", "false")
    assert "筛选" in sidebar.inner_text()
    assert_no_exception(page)
