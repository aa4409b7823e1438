"""Journey: an officer opens 设施建设, sees both communities complete and the old-town office not
yet started, regroups the money by purpose and hides the plan on the timeline. The map canvas
draws, no exception box, no request leaves 127.0.0.1."""

from __future__ import annotations

from collections import Counter

from tests.conftest import sample_rows
from tests.e2e import act
from tests.e2e.conftest import assert_no_exception, card_value, screenshot
from tests.e2e.test_service_points import canvas_has_drawing, map_canvas


def yuan(value: float) -> str:
    return f"{value:,.0f}元"


def funding_line(page) -> str:
    return (
        page.locator('[data-testid="stMarkdownContainer"]')
        .filter(has_text="期内到位资金合计")
        .first.inner_text()
        .strip()
    )


# SVG paths drawn in the timeline chart (the Vega chart whose legend is titled 阶段).
TIMELINE_MARKS_JS = """() => {
  const charts = [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')];
  const c = charts.find(e => e.innerText.includes('阶段'));
  return c ? c.querySelectorAll('svg path').length : -1;
}"""


def timeline_marks(page) -> int:
    return page.evaluate(TIMELINE_MARKS_JS)


def section_button(page, name: str):
    return page.locator('[data-testid="stButtonGroup"] button').filter(has_text=name)


def test_facilities_journey(page, app_url):
    act.goto(page, app_url + "/facilities")
    assert_no_exception(page)
    _, _ = map_canvas(page)
    act.wait_map_drawn(page)
    assert canvas_has_drawing(page)
    assert card_value(page, "“六室三站一场”配备率") == "100.0%"
    matrix = page.locator("table.fac-matrix")
    assert matrix.locator("td.fac-share").count() == 2
    assert all(t.startswith("100.0%") for t in matrix.locator("td.fac-share").all_inner_texts())
    screenshot(page, "facilities")

    # The sections under the matrix, one at a time (the map first); the money's.
    act.click(page, section_button(page, "资金筹措"), quiet_ms=1000)
    assert "fac_sec=funding" in page.url
    assert page.locator('[data-testid="stDeckGlJsonChart"]').count() == 0
    # The page opens on the latest work year; the records reach a year further back.
    year = [r for r in sample_rows("funding") if "2021-07-01" <= r["received_on"] <= "2022-06-30"]
    total = sum(float(r["amount_yuan"]) for r in year)
    assert funding_line(page).startswith(f"期内到位资金合计 {yuan(total)}")

    # Control 1: the grouping of the money.
    act.click(
        page,
        page.locator('[data-testid="stButtonGroup"] button').filter(has_text="按用途"),
        quiet_ms=1000,
    )
    by_purpose = Counter()
    for r in year:
        by_purpose[r["purpose"]] += float(r["amount_yuan"])
    line = funding_line(page)
    purpose, amount = by_purpose.most_common(1)[0]
    assert f"{purpose} {yuan(amount)}" in line
    assert "县财政" not in line
    assert "fac_by=purpose" in page.url

    # Control 2: the plan on the timeline, in the projects' section.
    act.click(page, section_button(page, "建设项目进度"), quiet_ms=1000)
    assert "fac_sec=projects" in page.url
    assert "施工建设（未开工）" in page.locator(
        '[data-testid="stDataFrame"]'
    ).first.inner_text() or (page.get_by_text("老城社区新址办公用房建设进度滞后").count() == 1)
    with_plan = act.still_js(page, TIMELINE_MARKS_JS)  # Vega draws a moment after the run
    assert with_plan > 0
    act.click(page, page.get_by_text("对比计划日期"), quiet_ms=1000)
    assert "fac_plan=off" in page.url
    # The planned bars are gone: one bar per phase plan with a start date (Vega redraws its SVG
    # a moment after the run).
    planned = sum(1 for p in sample_rows("project_phase_plans") if p["planned_start"])
    act.expect_js(page, TIMELINE_MARKS_JS, f"n => n === {with_plan - planned}")
    assert_no_exception(page)
    screenshot(page, "facilities-purpose-noplan")

    # The last section: office space against the standard.
    act.click(page, section_button(page, "办公服务用房"), quiet_ms=1000)
    assert "fac_sec=office" in page.url
    assert page.get_by_text("标准为县里规定的每百户面积").count() == 1
    assert page.locator('[data-testid="stDataFrame"]').first.is_visible()  # the table drawn
    assert page.get_by_text("期内到位资金合计").count() == 0  # and the money's section gone
    assert page.watch.outside_requests() == []
    assert page.watch.errors == []
