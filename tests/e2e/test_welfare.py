"""Journey: an officer opens 社会救助, drags the 低保 standard up by 100 yuan and sees the budget follow;
a shared what-if link opens at its standard. No exception box, no request leaves 127.0.0.1."""

from __future__ import annotations

import re

from tests import welfare_expected as expected
from tests.e2e import act
from tests.e2e.conftest import assert_no_exception, card_value, screenshot

MONTHLY = "测算：每月资金需求"


def test_drag_the_standard_and_the_budget_follows(page, app_url):
    today = expected.dibao_standard()[0]
    act.goto(page, app_url + "/welfare")
    assert_no_exception(page)
    assert card_value(page, "低保对象") == "1,276人"
    assert card_value(page, "特困供养户") == "58户"
    assert card_value(page, MONTHLY) == expected.money_card(expected.budget(today))
    assert page.locator('[data-testid="stDeckGlJsonChart"]').count() == 1

    # The what-if slider is the only slider in the page body (the period slider is in the sidebar).
    thumb = page.locator('[data-testid="stMain"] [data-testid="stSlider"] input').first
    # Steps of 10 yuan, up by 100.
    act.press_until(
        page, thumb, "ArrowRight", lambda text: int(re.sub(r"\D", "", text)) >= today + 100
    )

    assert card_value(page, MONTHLY) == expected.money_card(expected.budget(today + 100))
    assert f"standard={today + 100}" in page.url
    assert card_value(page, "低保对象") == "1,276人"  # a scenario changes nothing real
    assert_no_exception(page)
    path = screenshot(page, "welfare-whatif")
    assert path.stat().st_size > 10_000
    assert page.watch.outside_requests() == []
    assert page.watch.errors == []


def test_a_shared_what_if_link_opens_at_its_standard(page, app_url):
    today = expected.dibao_standard()[0]
    act.goto(page, app_url + f"/welfare?standard={today + 50}&community=629901100002")
    assert_no_exception(page)
    assert card_value(page, MONTHLY) == expected.money_card(
        expected.budget(today + 50, "629901100002")
    )
    assert card_value(page, "低保对象") == f"{expected.persons('629901100002'):,}人"
    screenshot(page, "welfare-east-750")
    assert page.watch.outside_requests() == []
