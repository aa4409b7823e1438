"""Every control of 社会救助 moved in Chromium: the 低保 standard what-if dragged with the mouse and
walked back with the keys, the formula tolerance and the two review intervals (typed and stepped),
and the coverage table's CSV export. Expected figures are computed from sample_data/*.csv
(tests/welfare_expected.py). (The what-if by keyboard and a what-if link: tests/e2e/test_welfare.py.)"""

from __future__ import annotations

import csv
import io
import re

from tests import welfare_expected as expected
from tests.conftest import EAST, OLD_TOWN, sample_rows
from tests.e2e import act
from tests.e2e.act import MAIN, nav_to, number_value, type_number, widget
from tests.e2e.conftest import assert_no_exception, card_value
from tests.e2e.controls import NO_SAVE_PICKER, download_table_csv, table_rows
from tests.unit.test_welfare_queries import MONTHS, _formula, _standard

MONTHLY = "测算：每月资金需求"
MISMATCH = "救助金与公式不符"
TOLERANCE, STABLE, UNSTABLE = "公式差额容差（元）", "收入稳定：每隔（月）", "收入不稳定"
SLIDER = f'{MAIN} [data-testid="stSlider"]'


def off_formula(tolerance: int) -> int:
    """Households in force in the period whose recorded benefit is off the formula (at the
    standard of their last month in force) by more than `tolerance` yuan."""
    off = 0
    for h in sample_rows("welfare_households"):
        if not (
            h["start_month"] <= MONTHS[-1] and (not h["end_month"] or h["end_month"] >= MONTHS[0])
        ):
            continue
        standard, minimum = _standard(h["category"], h["end_month"] or MONTHS[-1])
        off += abs(float(h["monthly_benefit_yuan"]) - _formula(h, standard, minimum)) > tolerance
    return off


def standard_shown(page) -> int:
    text = page.locator(f"{SLIDER} input").first.get_attribute("aria-valuetext")
    return int(re.sub(r"\D", "", text))


def test_drag_the_standard_with_the_mouse_and_walk_it_back_with_keys(page, app_url):
    today = expected.dibao_standard()[0]
    act.goto(page, app_url + "/welfare")
    assert standard_shown(page) == today
    thumb = page.locator(f'{SLIDER} [data-rac][style*="translate"]').first
    thumb.scroll_into_view_if_needed()
    box = thumb.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    since = act.arm(page)
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + 120, y, steps=12)
    page.mouse.up()
    act.settle(page, since, quiet_ms=1000)

    chosen = standard_shown(page)
    assert chosen > today and (chosen - today) % 10 == 0
    assert f"standard={chosen}" in page.url
    assert card_value(page, MONTHLY) == expected.money_card(expected.budget(chosen))
    options = {r["方案"]: r for r in table_rows(page, 1)}
    if chosen - today not in (50, 100):  # its own row, beside today's +50 and +100
        assert int(options["所选标准"]["标准（元/人·月）"]) == chosen

    handle = page.locator(f"{SLIDER} input").first
    act.press_until(page, handle, "ArrowLeft", lambda text: int(re.sub(r"\D", "", text)) <= today)
    assert standard_shown(page) == today and "standard=" not in page.url
    assert card_value(page, MONTHLY) == expected.money_card(expected.budget(today))
    assert_no_exception(page)
    assert page.watch.outside_requests() == []


def test_the_tolerance_decides_which_benefits_are_off_the_formula(page, app_url):
    act.goto(page, app_url + "/welfare")
    act.section(page, "发放核查")  # the payment checks' section
    assert "wel_sec=integrity" in page.url
    assert number_value(page, TOLERANCE) == 10
    assert card_value(page, MISMATCH) == f"{off_formula(10)} 户"

    type_number(page, TOLERANCE, 0)
    assert card_value(page, MISMATCH) == f"{off_formula(0)} 户"
    act.click(page, widget(page, "stNumberInput", TOLERANCE).get_by_test_id("stNumberInputStepUp"))
    assert number_value(page, TOLERANCE) == 5
    assert card_value(page, MISMATCH) == f"{off_formula(5)} 户"
    type_number(page, TOLERANCE, 200)
    assert card_value(page, MISMATCH) == f"{off_formula(200)} 户" == "0 户"
    assert_no_exception(page)
    assert page.watch.outside_requests() == []


def test_the_review_intervals_set_who_is_due(page, app_url):
    act.goto(page, app_url + "/welfare?wel_sec=review")  # a link to the reviews' section
    assert card_value(page, "待复核低保户") == f"{expected.reviews_due(12, 6)}户"

    type_number(page, STABLE, 6)
    act.click(page, widget(page, "stNumberInput", UNSTABLE).get_by_test_id("stNumberInputStepDown"))
    assert (number_value(page, STABLE), number_value(page, UNSTABLE)) == (6, 5)
    assert card_value(page, "待复核低保户") == f"{expected.reviews_due(6, 5)}户"
    rows = {r["社区"]: r for r in table_rows(page, -1)}
    for code, name in ((OLD_TOWN, "老城社区"), (EAST, "东部社区")):
        assert int(rows[name]["待复核合计"]) == expected.reviews_due(6, 5, community=code)
    assert_no_exception(page)
    assert page.watch.outside_requests() == []


def test_the_settings_survive_a_visit_to_another_page(page, app_url):
    act.goto(page, app_url + "/welfare?wel_sec=review")
    type_number(page, STABLE, 6)
    act.section(page, "发放核查")  # kept across the sections too
    type_number(page, TOLERANCE, 0)
    nav_to(page, "总览")
    nav_to(page, "社会救助")
    assert number_value(page, TOLERANCE) == 0
    assert card_value(page, MISMATCH) == f"{off_formula(0)} 户"
    act.section(page, "定期复核")
    assert number_value(page, STABLE) == 6
    assert card_value(page, "待复核低保户") == f"{expected.reviews_due(6, 6)}户"
    assert_no_exception(page)


def test_the_coverage_table_downloads_as_csv(page, app_url):
    page.add_init_script(NO_SAVE_PICKER)
    act.goto(page, app_url + "/welfare")
    name, text = download_table_csv(page, 0)
    assert name.endswith(".csv")
    rows = {r["community"]: r for r in csv.DictReader(io.StringIO(text))}
    for code, community in ((OLD_TOWN, "老城社区"), (EAST, "东部社区")):
        assert int(float(rows[community]["dibao_persons"])) == expected.persons(code)
    assert_no_exception(page)
    assert page.watch.outside_requests() == []
