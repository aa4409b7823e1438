"""Journey: 就业服务 in Chromium. The page settles with a map canvas, no exception and no request
leaving 127.0.0.1; every control is moved — the map's measure, the per-1,000 toggle, both target
inputs — and what it drives is checked."""

from __future__ import annotations

import datetime as dt

from tests.conftest import jobseeker_groups, sample_rows
from tests.e2e.conftest import assert_no_exception, card_value, screenshot, wait_settled

NEEDED = "剩余月份每月需完成"
START = "2021-07-01"


def _done(group: str, column: str, end: str) -> int:
    groups = jobseeker_groups()
    return sum(
        1
        for p in sample_rows("jobseekers")
        if group in groups.get(p["person_no"], ()) and p[column] and START <= p[column] <= end
    )


def canvas_colours(page) -> list[str]:
    """The distinct colours of a sample of the map canvas's pixels (what the shading drew)."""
    return page.evaluate(
        """() => {
          const c = document.querySelector('[data-testid="stDeckGlJsonChart"] canvas');
          if (!c || !c.width || !c.height) return [];
          const copy = document.createElement('canvas');
          copy.width = c.width; copy.height = c.height;
          const ctx = copy.getContext('2d');
          ctx.drawImage(c, 0, 0);
          const d = ctx.getImageData(0, 0, c.width, c.height).data;
          const seen = new Set();
          for (let i = 0; i < d.length; i += 4 * 53) {
            if (d[i + 3] > 0) seen.add(d[i] + ',' + d[i + 1] + ',' + d[i + 2]);
          }
          return Array.from(seen).sort();
        }"""
    )


def legend_text(page) -> str:
    return page.locator('[data-testid="stMain"]').inner_text()


def wait_for_canvas(page) -> None:
    chart = page.locator('[data-testid="stDeckGlJsonChart"]').first
    chart.wait_for(state="visible", timeout=30_000)
    chart.locator("canvas").first.wait_for(state="attached", timeout=30_000)
    page.wait_for_timeout(1500)  # deck.gl draws after the element appears


def test_map_controls_change_the_map(page, app_url):
    page.goto(app_url + "/employment")
    wait_settled(page)
    assert_no_exception(page)
    assert card_value(page, "下岗职工再就业") == "373人"
    assert card_value(page, "待业青年获劳务信息") == "530人"
    assert page.locator('[data-testid="stDeckGlJsonChart"]').count() == 1
    wait_for_canvas(page)
    per_1000 = canvas_colours(page)
    assert len(per_1000) > 3  # grids shaded in several colours
    assert "登记未就业（每千常住人口）" in legend_text(page)

    # Per 1,000 residents off: counts. The legend and the shades follow.
    page.locator('[data-testid="stMain"] label').filter(has_text="每千常住人口").first.click()
    wait_settled(page, quiet_ms=1000)
    wait_for_canvas(page)
    assert "em_counts=1" in page.url
    assert "登记未就业（每千常住人口）" not in legend_text(page)
    counts = canvas_colours(page)
    assert counts != per_1000

    # The other measure: placements in the period, in greens.
    page.locator('[data-testid="stMain"] [data-testid="stRadio"] label').filter(
        has_text="期间内就业"
    ).first.click()
    wait_settled(page, quiet_ms=1000)
    wait_for_canvas(page)
    assert "em_map=placed" in page.url
    placed = canvas_colours(page)
    assert placed != counts
    greens = [c for c in placed if (lambda r, g, b: g > r + 30 and g > b)(*map(int, c.split(",")))]
    assert greens, placed[:10]
    assert_no_exception(page)
    screenshot(page, "employment-map-placed")
    assert page.watch.outside_requests() == []
    assert page.watch.errors == []


def _set_number(page, label: str, value: int) -> None:
    box = page.locator('[data-testid="stNumberInput"]').filter(has_text=label).first
    field = box.locator("input")
    field.fill(str(value))
    field.press("Enter")
    wait_settled(page, quiet_ms=1000)


def test_targets_drive_the_pace_and_the_link(page, app_url):
    page.goto(app_url + "/employment?from=2021-07&to=2022-03")
    wait_settled(page)
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
    page.goto(page.url)
    wait_settled(page)
    shared = needed.nth(0).locator('[data-testid="stMetricValue"]').inner_text().strip()
    assert shared == after
    assert page.watch.outside_requests() == []
