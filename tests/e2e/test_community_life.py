"""Journey: an officer opens 志愿·为老·平安, sees the sample county's figures and the map of older
residents, switches the volunteer chart from visits to hours and the disputes from categories to
grids. No exception box, no request leaves 127.0.0.1."""

from __future__ import annotations

import re

from tests.e2e import act
from tests.e2e.conftest import assert_no_exception, screenshot

MAIN = '[data-testid="stMain"]'


def card_value(page, label: str) -> str:
    """The value of the card whose label is exactly `label` (志愿者, not 志愿者组织)."""
    exact = re.compile(rf"^\s*{re.escape(label)}\s*$")
    card = page.locator('[data-testid="stMetric"]').filter(
        has=page.locator('[data-testid="stMetricLabel"]').filter(has_text=exact)
    )
    return card.first.locator('[data-testid="stMetricValue"]').inner_text().strip()


def _choose(page, group_label: str, option: str) -> None:
    group = page.locator(f'{MAIN} [data-testid="stRadio"]').filter(has_text=group_label)
    act.click(page, group.get_by_text(option, exact=True), quiet_ms=1000)


def test_the_page_settles_with_its_figures_and_map(page, app_url):
    act.goto(page, app_url + "/community_life")
    assert_no_exception(page)
    assert card_value(page, "志愿者组织") == "7个"
    assert card_value(page, "志愿者") == "170人"
    assert card_value(page, "社区干部") == "29名"
    assert card_value(page, "党员干部") == "16名"
    assert card_value(page, "获得荣誉") == "12项"
    canvas = page.locator('[data-testid="stDeckGlJsonChart"]')
    assert canvas.count() == 1
    canvas.locator("canvas").first.wait_for(state="attached", timeout=20_000)
    screenshot(page, "community-life")
    assert page.watch.outside_requests() == []
    assert page.watch.errors == []


def test_every_control_moves_and_the_page_follows(page, app_url):
    act.goto(page, app_url + "/community_life")
    main = page.locator(MAIN)
    assert "计的是次数，不是时间" in main.inner_text()

    _choose(page, "月度图表显示", "服务时长（小时）")
    assert_no_exception(page)
    text = main.inner_text()
    assert "计的是时间，不是人次" in text and "计的是次数，不是时间" not in text
    assert "vol=hours" in page.url

    # Disputes by category shows the categories; by grid the grids, with the privacy caption.
    assert "网格件数按隐私规则显示" not in main.inner_text()
    _choose(page, "分类查看", "按网格")
    assert_no_exception(page)
    text = main.inner_text()
    assert "网格件数按隐私规则显示" in text
    assert "disp_by=grid" in page.url

    _choose(page, "月度图表显示", "人次（服务群众、志愿者参与）")
    assert "vol=hours" not in page.url
    assert "计的是次数，不是时间" in main.inner_text()
    screenshot(page, "community-life-grid")
    assert page.watch.outside_requests() == []
    assert page.watch.errors == []
