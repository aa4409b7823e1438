"""AppTest: the 会议汇报 page on the sample county — one topic per screen, next / previous, the
topic and the ranking in the URL, the summary screen, presentation mode and the share link.
Expected figures are computed here from the sample CSVs."""

from __future__ import annotations

from data_access.text import numbers
from tests.app.conftest import assert_clean, metric_values
from tests.conftest import EAST, operating_ids, sample_rows

PAGE = "pages/review.py"


def _service_points(community: str | None = None) -> int:
    points = {r["id"]: r["community_code"] for r in sample_rows("service_points")}
    return sum(1 for i in operating_ids("2022-06-30") if community in (None, points[i]))


def _funding(community: str | None = None) -> int:
    return round(
        sum(
            float(r["amount_yuan"])
            for r in sample_rows("funding")
            if community in (None, r["community_code"])
            and "2021-07-01" <= r["received_on"] <= "2022-06-30"
        )
    )


def _button(at, label: str):
    return next(b for b in at.button if b.label == label)


def _html(at) -> str:
    return "\n".join(h.value for h in at.get("html"))


def test_opens_on_the_overview_in_presentation_mode(open_page):
    at = open_page(PAGE)
    assert_clean(at)
    assert at.title[0].value == "会议汇报 · 总体情况"
    values = metric_values(at)
    assert values["便民服务网点"] == f"{_service_points()}个"
    assert len(at.metric) == 8  # the overview's cards, and nothing of the other topics
    assert "低保家庭" not in values
    assert 'data-testid="stSidebar"' in _html(at)  # the sidebar is hidden
    assert any("全部社区" in c.value and "2021-07" in c.value for c in at.caption)  # the filters


def test_next_and_previous_move_one_topic_and_keep_it_in_the_url(open_page):
    at = open_page(PAGE)
    _button(at, "下一页").click().run()
    assert_clean(at)
    assert at.title[0].value == "会议汇报 · 社区服务网点"
    assert at.query_params["topic"] == "service"
    assert list(metric_values(at)) == ["便民服务网点", "每千户服务网点"]
    _button(at, "下一页").click().run()
    assert at.query_params["topic"] == "assistance"
    assert "低保家庭" in metric_values(at)
    _button(at, "上一页").click().run()
    _button(at, "上一页").click().run()
    assert at.title[0].value == "会议汇报 · 总体情况"
    assert "topic" not in at.query_params  # the default leaves the URL
    _button(at, "上一页").click().run()  # wraps round to the last screen: the summary
    assert at.query_params["topic"] == "summary"


def test_a_link_opens_its_topic_for_one_community(open_page):
    at = open_page(PAGE, topic="facilities", community=EAST)
    assert_clean(at)
    assert at.title[0].value == "会议汇报 · 设施建设"
    assert metric_values(at)["筹措资金"] == f"{_funding(EAST) / 10000:g}万元"
    assert any("东部社区" in c.value for c in at.caption)


def test_summary_screen_holds_the_draft_and_its_download(open_page):
    at = open_page(PAGE, topic="summary")
    assert_clean(at)
    text = _html(at)
    assert f"社区服务网点{_service_points()}个" in text
    assert f"资金{numbers.figure(_funding(), 'yuan', 'zh', compact=True)}" in text  # 万元
    assert "为1,276名低保对象" in text
    assert len(at.metric) == 0


def test_ranking_figure_is_kept_in_the_url(open_page):
    at = open_page(PAGE)
    box = next(s for s in at.selectbox if s.label == "排名指标")
    assert box.value == "service_points"
    box.set_value("funding_raised").run()
    assert_clean(at)
    assert at.query_params["rank"] == "funding_raised"
    ranked = at.dataframe[0].value
    assert list(ranked["name"]) == ["东部社区", "老城社区"]  # 516,000 before 330,000
    assert _funding(EAST) > _funding() - _funding(EAST)


def test_jump_and_presentation_switch(open_page):
    at = open_page(PAGE)
    next(s for s in at.selectbox if s.label == "跳转到").set_value("employment").run()
    assert at.title[0].value == "会议汇报 · 劳动就业"
    at.toggle[0].set_value(False).run()
    assert_clean(at)
    assert at.query_params["present"] == "0"
    assert 'data-testid="stSidebar"' not in _html(at)


def test_share_link_names_the_view(open_page):
    at = open_page(PAGE, topic="employment", community=EAST)
    code = [c.value for c in at.code]
    assert any("topic=employment" in c and f"community={EAST}" in c for c in code), code
    # the default period is pinned: the link shows these months after new data arrives
    assert any("from=2021-07" in c and "to=2022-06" in c for c in code), code


def test_english(open_page):
    at = open_page(PAGE, lang="en")
    assert_clean(at)
    assert at.title[0].value == "Review meeting · Overview"
    assert metric_values(at)["Service points"] == f"{_service_points():,}"


def _bars(at) -> list[str]:
    return [m.value for m in at.markdown if "kpi-status" in m.value]


def test_status_decides_the_bar_colour_and_word(open_page):
    """Every card with a target shows its snapshot's status as a colour and a word: on the
    sample county the employment screen has two green cards, and the zero-employment families
    are judged by the 30-day clearing rule — amber, as families were cleared late in the year
    (the two still open are within their 30 days) — with no share bar against a target of 0;
    the theme's red is never a bar colour."""
    from components.kpi import STATUS_COLOURS

    at = open_page(PAGE, topic="employment")
    bars = _bars(at)
    assert bars
    amber = [b for b in bars if STATUS_COLOURS["amber"] in b]
    green = [b for b in bars if STATUS_COLOURS["green"] in b]
    assert len(amber) == 1 and "有家庭超期后清零" in amber[0] and "kpi-bar" not in amber[0]
    assert len(green) == 2 and all("达到序时进度" in b for b in green)
    assert not any(STATUS_COLOURS["red"] in b for b in bars)
    assert not any("#FF4B4B" in b.upper() for b in bars)
    zero_families = sum(
        1 for r in sample_rows("zero_employment_families") if not r.get("cleared_on")
    )
    assert metric_values(at)["零就业家庭未清零"] == f"{zero_families}户"


def test_any_page_presents_with_present_1_and_can_leave(open_page):
    at = open_page("pages/welfare.py", present="1")
    assert_clean(at)
    assert 'data-testid="stSidebar"' in _html(at)
    assert at.query_params["present"] == "1"
    _button(at, "退出演示模式").click().run()
    assert_clean(at)
    assert 'data-testid="stSidebar"' not in _html(at)
    assert at.query_params["present"] == "0"
    plain = open_page("pages/welfare.py")
    assert 'data-testid="stSidebar"' not in _html(plain)
    assert not [b for b in plain.button if b.label == "退出演示模式"]


def test_a_bad_present_value_is_named_in_a_notice(open_page):
    at = open_page(PAGE, present="yes")
    assert_clean(at)
    assert any("“演示模式”" in w.value for w in at.warning)
    assert 'data-testid="stSidebar"' in _html(at)  # the review still presents


def test_the_xlsx_sheet_holds_the_table_on_screen(open_page):
    import os

    import pandas as pd

    from components.review.deck import build_deck
    from components.review.files import deck_xlsx, read_tables
    from data_access.db import make_engine
    from data_access.filters import Filters

    at = open_page(PAGE, topic="employment", community=EAST, present="0")
    shown = at.dataframe[-1].value  # the topic's table, under the ranking (out of presentation)
    assert "下岗职工再就业（人）" in shown.columns  # the unit in the header, as in the XLSX
    engine = make_engine(os.environ["DATABASE_URL"])
    with engine.connect() as conn:
        deck = build_deck(conn, Filters((EAST,), (), "2021-07", "2022-06"), "zh")
    sheet = read_tables(deck_xlsx(deck))["劳动就业"]
    pd.testing.assert_frame_equal(
        sheet.reset_index(drop=True), shown.reset_index(drop=True), check_dtype=False
    )
    groups = {}
    for r in sample_rows("jobseeker_groups"):
        groups.setdefault(r["person_no"], set()).add(r["group_code"])
    reemployed = sum(
        1
        for r in sample_rows("jobseekers")
        if r["community_code"] == EAST
        and "2021-07-01" <= r["placed_on"] <= "2022-06-30"
        and "laid_off" in groups.get(r["person_no"], ())
    )
    assert sheet["下岗职工再就业（人）"].tolist() == [reemployed]
