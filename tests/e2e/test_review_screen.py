"""Every screen of 会议汇报 (each topic and the closing summary, turned to with →) is one 1280×720 screen in
presentation mode, in Chinese and English, for the county and for one community's half year: the
page does not scroll (its scroll height is at most the window's), the title on one line, a
topic's cards and ranking side by side, the description and data date in one footer line, share
and downloads at the top. Screenshots in test-artifacts/review-screen-*
(look at them)."""

from __future__ import annotations

import pytest

from components.review.screen import SCREENS
from tests.conftest import EAST
from tests.e2e import act
from tests.e2e.conftest import ARTIFACTS, assert_no_exception
from tests.e2e.overflow import cut_off_texts

WIDTH, HEIGHT = 1280, 720
FILTERS = {"county": "", "east-h1": f"&community={EAST}&from=2022-01&to=2022-06"}
SCROLL_HEIGHT = """() => Math.max(
  document.scrollingElement.scrollHeight,
  ...[...document.querySelectorAll('[data-testid="stMain"], [data-testid="stAppViewContainer"]')]
    .map(e => e.scrollHeight))"""
# lines the page title takes (its height over its line height)
TITLE_LINES = """() => { const h = document.querySelector('[data-testid="stMainBlockContainer"] h1');
  return Math.round(h.getBoundingClientRect().height / parseFloat(getComputedStyle(h).lineHeight));
}"""
BOX = (
    "(sel) => { const r = document.querySelector(sel).getBoundingClientRect(); return [r.x, r.y]; }"
)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("area", list(FILTERS))
def test_every_topic_is_one_screen(browser, app_url, lang, area):
    context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT})
    page = context.new_page()
    heights = {}
    try:
        for n, topic in enumerate(SCREENS):
            # The first screen loaded, the rest turned to with → as a presenter does (a turn
            # costs a fraction of a page load, and the layout must hold after a turn too).
            if n == 0:
                act.goto(page, f"{app_url}/review?lang={lang}&topic={topic}{FILTERS[area]}")
            else:
                page.locator("h1").first.click()  # focus the page, not a widget
                act.press(page, "ArrowRight")
            assert f"topic={topic}" in page.url or (n == 0 and "topic=" not in page.url), (
                topic,
                page.url,
            )
            assert_no_exception(page)
            heights[topic] = page.evaluate(SCROLL_HEIGHT)
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / f"review-screen-{lang}-{area}-{topic}.png"))
            assert page.evaluate(TITLE_LINES) == 1, topic
            if topic == "summary":  # the whole draft, in two columns
                assert page.locator(".review-summary.present p").count() >= 4
                continue
            # cards left, ranking right, at the same height
            cards = page.evaluate(BOX, ".st-key-review_cards")
            rank = page.evaluate(BOX, ".st-key-review_rank")
            assert rank[0] > cards[0] + 300 and abs(rank[1] - cards[1]) < 40, (topic, cards, rank)
            # share and downloads near the top
            share = page.get_by_role(
                "button", name="分享此视图" if lang == "zh" else "Share this view"
            )
            assert share.bounding_box()["y"] < 80
            # next carries the shortcut's arrow once, no icon arrow beside it
            label = page.locator(".st-key-review_next button").inner_text()
            assert label.count("→") <= 1, label
            assert cut_off_texts(page) == [], topic
    finally:
        context.close()
    assert all(h <= HEIGHT for h in heights.values()), heights
