"""Journey: the privacy review's reproductions, in Chromium, show nothing recoverable.

1. Periods: a grid's disputes over July–September and over August–September cannot both be
   read (the second period is not whole quarters), so July's hidden count stays hidden.
2. Grid cards: one grid in one month shows no placement card a map would hide.
3. Captions: the 应保未保 card and its caption under one grid follow the protection pattern.
"""

from __future__ import annotations

from tests.e2e import act
from tests.e2e.conftest import assert_no_exception, card_value, screenshot

GRID = "629901100001001"


def _cards(page, labels: list[str]) -> dict[str, str]:
    return {label: card_value(page, label) for label in labels}


def test_overlapping_periods_do_not_give_a_month_away(page, app_url):
    act.goto(page, app_url + f"/community_life?grid={GRID}&from=2021-07&to=2021-09")
    assert_no_exception(page)
    quarter = card_value(page, "排查矛盾纠纷")
    act.goto(page, app_url + f"/community_life?grid={GRID}&from=2021-08&to=2021-09")
    two_months = card_value(page, "排查矛盾纠纷")
    act.goto(page, app_url + f"/community_life?grid={GRID}&from=2021-07&to=2021-07")
    july = card_value(page, "排查矛盾纠纷")
    # At most the whole quarter is a number: the two months and July alone are withheld.
    assert two_months.startswith("*") and july.startswith("*"), (quarter, two_months, july)
    assert "整季度" in page.locator('[data-testid="stMain"]').inner_text()
    screenshot(page, "privacy-disputes-july")


def test_one_grid_in_one_month_shows_no_small_placement_card(page, app_url):
    act.goto(page, app_url + f"/employment?grid={GRID}&from=2021-07&to=2021-07")
    assert_no_exception(page)
    shown = _cards(page, ["下岗职工再就业", "4050"])
    assert all(v.startswith("*") for v in shown.values()), shown


def test_the_missed_card_and_its_caption_follow_the_pattern(page, app_url):
    act.goto(page, app_url + "/welfare?grid=629901100001004")
    assert_no_exception(page)
    card = page.locator('[data-testid="stMetric"]').filter(has_text="应保未保").first
    value = card.locator('[data-testid="stMetricValue"]').inner_text()
    caption = page.locator('[data-testid="stCaptionContainer"]').filter(
        has_text="在监测的低保边缘家庭"
    )
    text = caption.first.inner_text()
    # Either both are published (grid open) or neither gives a count away.
    if value.startswith(("*", "<3")):
        assert "（4 户）" not in text and "（4户）" not in text, text
    assert "（1 户）" not in text and "（2 户）" not in text, text
