"""A leader's phone (390 × 844, touch, a phone's user agent): every page fits the screen's width
in both languages, tables read as lists or keep the columns that fit, maps speak of taps, and the
sidebar's quick periods are reached and used with a tap."""

from __future__ import annotations

import pytest

from components.registry import PAGES
from tests.e2e import act
from tests.e2e.conftest import PHONE_WIDTH, assert_no_exception, card_value, phone, screenshot
from tests.e2e.overflow import cut_off_texts

# What scrolls sideways: the page, Streamlit's main block, and any table grid outside a 「更多列」
# expander (a grid wider than its box scrolls inside itself: a phone reader misses its columns).
SIDEWAYS_JS = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const grids = [...document.querySelectorAll('[data-testid="stDataFrame"]')]
    .filter(d => !d.closest('[data-testid="stExpanderDetails"]'))
    .map(d => d.querySelector('.dvn-scroller'))
    .filter(s => s && s.scrollWidth > s.clientWidth + 1)
    .map(s => `${s.scrollWidth}px grid in ${s.clientWidth}px`);
  return {page: document.scrollingElement.scrollWidth, main: main.scrollWidth, grids};
}"""


@pytest.fixture(scope="module")
def phones(browser):
    made = {lang: browser.new_context(**phone(locale="zh-CN")) for lang in ("zh", "en")}
    yield made
    for context in made.values():
        context.close()


@pytest.mark.parametrize("spec", PAGES, ids=[s.url_path or "overview" for s in PAGES])
def test_every_page_fits_a_phone_in_both_languages(phones, app_url, spec):
    for lang, context in phones.items():
        page = context.new_page()
        act.goto(page, f"{app_url}/{spec.url_path}?lang={lang}")
        assert_no_exception(page)
        wide = page.evaluate(SIDEWAYS_JS)
        name = f"phone-{spec.url_path or 'overview'}-{lang}"
        if wide["page"] > PHONE_WIDTH or wide["main"] > PHONE_WIDTH or wide["grids"]:
            screenshot(page, name)
        assert wide["page"] <= PHONE_WIDTH and wide["main"] <= PHONE_WIDTH, wide
        assert wide["grids"] == [], wide
        assert cut_off_texts(page) == []
        text = page.locator('[data-testid="stMain"]').inner_text()
        # Touch devices have no mouse: a map's hint speaks of taps and pinches.
        assert "鼠标" not in text and "Hover" not in text and "hover" not in text
        if page.locator('[data-testid="stDeckGlJsonChart"]').count():
            assert ("点按" in text) if lang == "zh" else ("Tap" in text or "tap" in text)
        page.close()


def test_on_a_phone_the_facilities_matrix_and_the_status_grid_are_lists(phones, app_url):
    page = phones["zh"].new_page()
    act.goto(page, app_url + "/facilities")
    lines = page.locator(".fac-status-line")
    assert lines.count() >= 2
    assert page.locator("table.fac-matrix").count() == 0
    assert "老城社区" in page.locator(".fac-community").first.inner_text()
    act.goto(page, app_url + "/")
    rows = page.locator(".table-row")
    assert rows.count() >= 4  # the numbers and the status of two communities
    assert "筹措资金（万元）：33.00" in rows.first.inner_text()
    screenshot(page, "phone-overview-lists")
    page.close()


def test_a_tap_on_a_quick_period_in_the_phone_sidebar(phones, app_url):
    """The sidebar opens with a tap; 上半年 (full width under the slider) sets the period."""
    page = phones["zh"].new_page()
    act.goto(page, app_url + "/")
    before = card_value(page, "下岗职工再就业")
    if page.locator('[data-testid="stSidebar"]').get_attribute("data-collapsed") == "true":
        page.locator('[data-testid="stExpandSidebarButton"]').tap()
    button = page.locator('[data-testid="stSidebar"]').get_by_role(
        "button", name="上半年", exact=True
    )
    button.scroll_into_view_if_needed()
    box = button.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE_WIDTH
    since = act.arm(page)
    button.tap()
    act.settle(page, since)
    act.wait_settled(page)
    assert "from=2022-01" in page.url and "to=2022-06" in page.url
    assert card_value(page, "下岗职工再就业") != before
    page.close()


def test_on_a_phone_the_review_offers_the_pages_and_the_filters(phones, app_url):
    """会议汇报 presents by default on a screen; on a phone it opens unpresented, so the sidebar
    (pages, filters) is one tap away; the topic's cards still show."""
    page = phones["zh"].new_page()
    act.goto(page, app_url + "/review")
    assert card_value(page, "便民服务网点") == "138个"
    sidebar = page.locator('[data-testid="stSidebar"]')
    # Closed at first on a phone, unless this browser opened it before (Streamlit remembers).
    if sidebar.get_attribute("data-collapsed") == "true":
        since = act.arm(page)
        page.locator('[data-testid="stExpandSidebarButton"]').tap()
        act.settle(page, since)
    assert sidebar.get_by_role("link", name="总览").is_visible()
    assert sidebar.get_by_text("统计期间（月）").is_visible()
    screenshot(page, "phone-review-sidebar")
    page.close()
