"""Journey: an officer opens 社会救助, drags the 低保 standard up by 100 yuan and sees the budget follow;
a shared what-if link opens at its standard. No exception box, no request leaves 127.0.0.1."""

from __future__ import annotations

import re

from tests import welfare_expected as expected
from tests.e2e import act
from tests.e2e.conftest import assert_no_exception, card_value, screenshot

MONTHLY = "测算：每月资金需求"
DECK = '[data-testid="stDeckGlJsonChart"]'


def test_drag_the_standard_and_the_budget_follows(page, app_url):
    today = expected.dibao_standard()[0]
    act.goto(page, app_url + "/welfare")
    assert_no_exception(page)
    assert card_value(page, "低保对象") == "1,276人"
    assert card_value(page, "特困供养户") == "58户"
    assert card_value(page, MONTHLY) == expected.money_card(expected.budget(today))
    assert page.locator(DECK).count() == 0  # the map is a section of its own, not yet opened

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

    # The other sections, each drawn when opened, and the what-if's standard kept in the link.
    act.section(page, "救助对象分布")
    assert "wel_sec=map" in page.url and f"standard={today + 100}" in page.url
    assert page.locator(DECK).count() == 1
    act.wait_map_drawn(page)
    assert page.locator('[data-testid="stMain"] [data-testid="stSlider"]').count() == 0
    act.section(page, "月度趋势")
    assert "wel_sec=trend" in page.url and page.locator(DECK).count() == 0
    assert page.get_by_text("每月月末在保的低保人数").count() == 1
    assert page.locator('[data-testid="stVegaLiteChart"]').count() >= 2  # persons, money paid
    act.section(page, "家庭构成与网格分布")
    assert page.get_by_text("按网格", exact=True).count() == 1
    assert page.locator('[data-testid="stDataFrame"]').count() == 3  # coverage, sizes, grids
    act.section(page, "救助对象名单")
    assert page.get_by_text("仅向本社区的编辑人员在登录后显示").count() == 1  # a viewer: no names
    assert card_value(page, "低保对象") == "1,276人"  # the first screen stays
    assert_no_exception(page)
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
