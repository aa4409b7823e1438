"""AppTest: 需要关注 at the top of the overview on the sample county, 2021-07..2022-06. The lagging
figures are worked out here from the CSVs (value against target against 序时进度, the status
rule: green at or above the time elapsed, amber from 90% of it, red below), and the list must
hold exactly the red and amber ones of every page's cards, each a button that opens its page."""

from __future__ import annotations

from data_access import attention, metrics
from data_access.db import make_engine
from tests.app.conftest import assert_clean
from tests.conftest import EAST, SAMPLE_PERIOD, sample_rows

START, END = SAMPLE_PERIOD.start, SAMPLE_PERIOD.end


def _target(key: str, community: str = "") -> float:
    return next(
        float(r["value"])
        for r in sample_rows("targets")
        if r["metric_key"] == key and r["community_code"] == community
    )


def _status(value: float, target: float, elapsed: float = 1.0) -> str:
    progress = value / target
    return "green" if progress >= elapsed else "amber" if progress >= 0.9 * elapsed else "red"


def _east_reemployed() -> int:
    laid_off = {
        r["person_no"] for r in sample_rows("jobseeker_groups") if r["group_code"] == "laid_off"
    }
    return sum(
        1
        for r in sample_rows("jobseekers")
        if r["person_no"] in laid_off
        and r["community_code"] == EAST
        and r["placed_on"]
        and f"{START}-01" <= r["placed_on"] <= f"{END}-31"
    )


def _east_volunteers() -> int:
    return sum(
        int(r["members"])
        for r in sample_rows("volunteer_orgs")
        if r["community_code"] == EAST and r["founded_on"] <= f"{END}-30"
    )


def _attention_buttons(at) -> list[str]:
    return [b.label for b in at.button if b.key and b.key.startswith("attention_")]


def test_the_list_holds_the_lagging_figures_worked_out_from_the_csvs(open_page, app_database):
    at = open_page("pages/overview.py")
    assert_clean(at)
    lines = _attention_buttons(at)
    assert lines, "the sample county has lagging figures"

    reemployed = _east_reemployed()
    assert _status(reemployed, _target("reemployed", EAST)) == "amber"
    share = round(100 * reemployed / _target("reemployed", EAST))
    assert any(
        "东部社区" in line
        and "下岗职工再就业" in line
        and f"完成 {share}%" in line
        and "略慢" in line
        for line in lines
    ), lines
    volunteers = _east_volunteers()
    assert _status(volunteers, _target("volunteers", EAST)) == "red"
    assert any(
        "东部社区" in line and f"{volunteers}人" in line and "明显落后" in line for line in lines
    ), lines
    # Red before amber, each in its colour; the county's own figures say 全县.
    colours = [line.split("[")[0] for line in lines]
    assert colours == sorted(colours, key=[":red", ":orange"].index), colours
    # 零就业家庭 by the 30-day clearing rule: families were cleared late in the year (amber);
    # the two still open are within their 30 days, so nothing is red for them.
    assert any(
        line.startswith(":orange[●] 全县") and "零就业家庭" in line and "超期后清零" in line
        for line in lines
    ), lines

    # Exactly the red and amber snapshots of every page's cards, for the county and each
    # community (the snapshots are what the pages' cards show).
    with make_engine(app_database).connect() as conn:
        expected = 0
        for keys in attention.page_cards().values():
            for key in dict.fromkeys(keys):
                expected += metrics.snapshot(conn, key, SAMPLE_PERIOD).status in ("red", "amber")
                for code in (r["code"] for r in sample_rows("communities")):
                    one = SAMPLE_PERIOD.__class__((code,), (), START, END)
                    expected += metrics.snapshot(conn, key, one).status in ("red", "amber")
    assert len(lines) == expected


def test_a_line_opens_its_page_with_its_community(open_page):
    at = open_page("pages/overview.py")
    button = next(
        b for b in at.button if b.key and b.key.startswith("attention_") and "志愿者" in b.label
    )
    button.click()
    at.run()
    assert_clean(at)
    assert at.session_state["f_communities"] == [EAST]
    assert at.title[0].value == "志愿·为老·平安"


def test_one_community_chosen_lists_only_its_figures(open_page):
    at = open_page("pages/overview.py", community=EAST)
    lines = _attention_buttons(at)
    assert lines and all(line.split(" ")[1].startswith("所选范围") for line in lines), lines
    assert not any("老城社区" in line for line in lines)


def test_the_communities_grid_shows_each_communitys_status(open_page):
    at = open_page("pages/overview.py")
    grid = next(d.value for d in at.dataframe if "社区" in d.value.columns).set_index("社区")
    reemployed = _east_reemployed()
    assert grid.loc["东部社区", "下岗职工再就业"] == f"{reemployed}人 · 略慢"
    assert grid.loc["东部社区", "志愿者"] == f"{_east_volunteers()}人 · 落后"
    assert grid.loc["老城社区", "低保对象"].endswith("人")  # no target: the value alone


def test_a_half_year_says_where_its_percentage_counts_from(open_page):
    """东部 2022-01..06: the card shows the half year's 再就业, but its share done counts from the
    target's start (2021-07); the card and the 需要关注 line say so beside the percentage, with the
    figure it is worked out from (118人 since 2021-07, not the half year's 61人)."""
    at = open_page(community=EAST, **{"from": "2022-01", "to": "2022-06"})
    assert_clean(at)
    so_far = _east_reemployed()  # the work year 2021-07..2022-06 counted from the CSVs
    share = round(100 * so_far / _target("reemployed", EAST))
    since = f"自 {START} 累计 {so_far}人，完成 {share}%"
    captions = [c.value for c in at.caption]
    assert any(since in c and c.startswith("目标") for c in captions), captions
    lines = [b for b in _attention_buttons(at) if "下岗职工再就业" in b]
    assert lines and all(since in b for b in lines), lines
