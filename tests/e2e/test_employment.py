"""Journey: 就业服务 in Chromium. The page settles with a map canvas, no exception and no request
leaving 127.0.0.1; every control is moved — the map's measure, the per-1,000 toggle, both target
inputs — and what it drives is checked."""

from __future__ import annotations

import datetime as dt

from tests.conftest import jobseeker_groups, sample_rows
from tests.e2e import act
from tests.e2e.conftest import assert_no_exception, card_value, screenshot

NEEDED = "剩余月份每月需完成"
START = "2021-07-01"


def _done(group: str, column: str, end: str) -> int:
    groups = jobseeker_groups()
    return sum(
        1
        for p in sample_rows("jobseekers")
        if group in groups.get(p["person_no"], ()) and p[column] and START <= p[column] <= end
    )


def legend_text(page) -> str:
    return page.locator('[data-testid="stMain"]').inner_text()


def test_map_controls_change_the_map(page, app_url):
    act.goto(page, app_url + "/employment")
    assert_no_exception(page)
    assert card_value(page, "下岗职工再就业") == "373人"
    assert card_value(page, "待业青年获劳务信息") == "530人"
    assert page.locator('[data-testid="stDeckGlJsonChart"]').count() == 1
    per_1000 = act.wait_map_drawn(page)
    assert len(per_1000) > 3  # grids shaded in several colours
    assert "登记未就业（每千常住人口）" in legend_text(page)

    # Per 1,000 residents off: counts. The legend and the shades follow.
    act.click(
        page, page.locator('[data-testid="stMain"] label').filter(has_text="每千常住人口").first
    )
    counts = act.wait_map_drawn(page, other_than=per_1000)
    assert "em_counts=1" in page.url
    assert "登记未就业（每千常住人口）" not in legend_text(page)

    # The other measure: placements in the period, in greens.
    act.radio(page.locator('[data-testid="stMain"] [data-testid="stRadio"]'), "期间内就业")
    assert "em_map=placed" in page.url
    placed = act.wait_map_drawn(page, other_than=counts)
    greens = [c for c in placed if (lambda r, g, b: g > r + 30 and g > b)(*map(int, c.split(",")))]
    assert greens, placed[:10]
    assert_no_exception(page)
    screenshot(page, "employment-map-placed")
    assert page.watch.outside_requests() == []
    assert page.watch.errors == []


def _set_number(page, label: str, value: int) -> None:
    box = page.locator('[data-testid="stNumberInput"]').filter(has_text=label).first
    act.type_into(page, box.locator("input"), str(value))


def test_targets_drive_the_pace_and_the_link(page, app_url):
    act.goto(page, app_url + "/employment?from=2021-07&to=2022-03")
    assert_no_exception(page)
    end = dt.date(2022, 3, 31).isoformat()
    done = _done("laid_off", "placed_on", end)
    youth_done = _done("youth", "informed_on", end)
    needed = page.locator('[data-testid="stMetric"]').filter(has_text=NEEDED)
    before = needed.nth(0).locator('[data-testid="stMetricValue"]').inner_text().strip()
    assert before == f"{(360 - done) / 3:,.1f}人/月"  # the year's target as set

    _set_number(page, "全年再就业目标（人）", 450)
    after = needed.nth(0).locator('[data-testid="stMetricValue"]').inner_text().strip()
    assert after == f"{(450 - done) / 3:,.1f}人/月" and after != before
    assert "em_target=450" in page.url

    _set_number(page, "全年待业青年获劳务信息目标（人）", 700)
    youth = needed.nth(1).locator('[data-testid="stMetricValue"]').inner_text().strip()
    assert youth == f"{(700 - youth_done) / 3:,.1f}人/月"
    assert "em_youth=700" in page.url
    assert_no_exception(page)
    screenshot(page, "employment-what-if")

    # The link opens the same scenario.
    act.goto(page, page.url)
    shared = needed.nth(0).locator('[data-testid="stMetricValue"]').inner_text().strip()
    assert shared == after
    assert page.watch.outside_requests() == []
