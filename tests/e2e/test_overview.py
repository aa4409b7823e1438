"""Journey: a leader opens the overview, picks a community in the sidebar, sees the cards change."""

from __future__ import annotations

import re

from tests.e2e import act
from tests.e2e.act import nav_to
from tests.e2e.conftest import assert_no_exception, card_value, screenshot


def test_choose_a_community_and_the_cards_follow(page, app_url):
    act.goto(page, app_url + "/")
    assert_no_exception(page)
    assert card_value(page, "低保对象") == "1,276人"
    assert card_value(page, "便民服务网点") == "138个"
    screenshot(page, "overview-all")

    sidebar = page.locator('[data-testid="stSidebar"]')
    act.choose(page, sidebar.locator('[data-testid="stMultiSelect"]').first, "东部社区")

    assert card_value(page, "低保对象") == "406人"
    assert card_value(page, "便民服务网点") == "45个"
    assert re.search(r"community=629901100002", page.url)
    assert_no_exception(page)
    path = screenshot(page, "overview-east")
    assert path.stat().st_size > 10_000
    assert page.watch.outside_requests() == []
    assert page.watch.errors == []


def test_a_shared_link_opens_the_same_view(page, app_url):
    act.goto(page, app_url + "/?community=629901100001&from=2022-01&to=2022-06")
    assert_no_exception(page)
    assert card_value(page, "低保对象") == "870人"
    assert "2022-01" in page.locator('[data-testid="stSidebar"]').inner_text()


def test_filters_hold_when_switching_pages(page, app_url):
    act.goto(page, app_url + "/?community=629901100002&from=2022-01&to=2022-06")
    nav_to(page, "社会救助")
    page.wait_for_url(re.compile(r"/welfare"))
    assert_no_exception(page)
    assert "community=629901100002" in page.url and "from=2022-01" in page.url
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert "东部社区" in sidebar.locator('[data-testid="stMultiSelect"]').first.inner_text()
    assert card_value(page, "低保对象") == "406人"
    nav_to(page, "总览")
    assert card_value(page, "低保对象") == "406人"
    assert "community=629901100002" in page.url


def test_on_a_phone_one_tap_on_a_lagging_figure_opens_its_page_and_community(browser, app_url):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, locale="zh-CN"
    )
    context.set_default_timeout(90_000)
    page = context.new_page()
    act.goto(page, app_url + "/")
    assert "需要关注" in page.locator('[data-testid="stMain"]').inner_text()
    line = page.get_by_role("button", name=re.compile("东部社区.*志愿者.*明显落后")).first
    line.scroll_into_view_if_needed()
    since = act.arm(page)
    line.tap()
    act.settle(page, since)
    act.wait_settled(page)
    assert page.locator("h1").first.inner_text() == "志愿·为老·平安"
    assert "community=629901100002" in page.url
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
    screenshot(page, "phone-attention-tap")
    context.close()
