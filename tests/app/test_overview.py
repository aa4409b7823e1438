"""AppTest: the overview on the sample county shows the source document's figures."""

from __future__ import annotations

import json

from tests.app.conftest import assert_clean, metric_values
from tests.conftest import EAST, OLD_TOWN, jobseeker_groups, operating_ids, sample_rows


def test_overview_shows_the_seed_figures(open_page):
    at = open_page()
    assert_clean(at)
    shown = metric_values(at)
    assert shown["便民服务网点"] == "138个"
    assert shown["低保对象"] == "1,276人"
    assert shown["特困供养户"] == "58户"
    assert shown["下岗职工再就业"] == "373人"
    assert shown["待业青年获劳务信息"] == "530人"
    assert shown["志愿者"] == "170人"
    assert shown["筹措资金"] == "84.6万元"  # money on cards in 万元 (exact figure in its help)
    assert shown["“六室三站一场”配备率"] == "100.0%"


def test_every_card_says_how_it_is_computed(open_page):
    at = open_page()
    assert len(at.metric) == 8
    assert all(m.proto.help for m in at.metric)


def test_every_card_shows_the_same_months_a_year_earlier(open_page):
    """同比: the records reach back to 2020-07. Over the work year the previous period is the
    same months a year earlier, so the change beside each of the eight cards is its 同比, said
    once; over a half year each card adds a 同比 line of its own."""
    at = open_page()
    assert_clean(at)
    earlier = len(operating_ids("2021-06-30"))
    assert not [c.value for c in at.caption if c.value.startswith("同比：")]
    points = next(m for m in at.metric if m.label == "便民服务网点")
    assert points.delta == f"{138 - earlier:+d}"
    assert points.proto.delta_description == "同比"
    assert all(m.proto.delta_description == "同比" for m in at.metric if m.delta)

    half = open_page(**{"from": "2022-01", "to": "2022-06"})
    assert_clean(half)
    said = [c.value for c in half.caption if c.value.startswith("同比：")]
    assert len(said) == 8


def test_choosing_one_community_shows_that_communitys_figures(open_page):
    at = open_page()
    at.sidebar.multiselect(key="f_communities").set_value([EAST]).run()
    assert_clean(at)
    shown = metric_values(at)
    assert shown["便民服务网点"] == "45个"
    assert shown["低保对象"] == "406人"
    assert shown["特困供养户"] == "20户"
    assert shown["下岗职工再就业"] == "118人"
    assert shown["志愿者"] == "64人"
    assert at.query_params["community"] in (EAST, [EAST])


def test_community_in_the_url_selects_it(open_page):
    at = open_page(community=OLD_TOWN)
    assert_clean(at)
    assert at.sidebar.multiselect(key="f_communities").value == [OLD_TOWN]
    assert metric_values(at)["低保对象"] == "870人"


def test_period_filter_changes_flows_and_reads_stocks_at_its_end(open_page):
    at = open_page(**{"from": "2021-07", "to": "2021-12"})
    assert_clean(at)
    groups = jobseeker_groups()
    placed = sum(
        1
        for p in sample_rows("jobseekers")
        if "laid_off" in groups.get(p["person_no"], ())
        and "2021-07-01" <= p["placed_on"] <= "2021-12-31"
    )
    operating = sum(
        1 for p in sample_rows("service_points") if p["id"] in operating_ids("2021-12-31")
    )
    shown = metric_values(at)
    assert 0 < placed < 373 and operating < 138
    assert shown["下岗职工再就业"] == f"{placed}人"
    assert shown["便民服务网点"] == f"{operating}个"


def test_bad_url_parameters_show_a_notice_not_a_traceback(open_page):
    at = open_page(community=["no-such-code", EAST], bogus="1", to="2030-99")
    assert_clean(at)
    notice = " ".join(w.value for w in at.warning)
    assert "no-such-code" in notice and "bogus" in notice and "2030-99" in notice
    assert metric_values(at)["低保对象"] == "406人"  # the valid community still applies
    assert "bogus" not in at.query_params


def test_a_bad_choice_is_named_in_the_readers_words(open_page):
    """`metric=dibao_personz`: the notice names the control (查看指标) and lists the choices by
    their labels (便民服务网点、低保对象 …), never the internal keys; the same in English."""
    at = open_page(metric="dibao_personz", per1000="2")
    assert_clean(at)
    notice = " ".join(w.value for w in at.warning)
    assert "“查看指标”的值 “dibao_personz” 无效" in notice
    assert "便民服务网点" in notice and "低保对象" in notice and "等 " in notice
    assert "按每千户计算" in notice and "应为 1 或 0" in notice
    for key in ("dibao_persons", "service_points", "metric=", "per1000"):
        assert key not in notice
    at = open_page(lang="en", metric="dibao_personz")
    notice = " ".join(w.value for w in at.warning)
    assert "Low-income" in notice or "Service points" in notice, notice
    assert "dibao_persons" not in notice


def test_english_switch(open_page):
    at = open_page(lang="en")
    assert_clean(at)
    assert metric_values(at)["Dibao recipients"] == "1,276"
    assert at.title[0].value == "Overview"


def test_grid_filter_narrows_grid_level_figures(open_page):
    at = open_page(community=EAST, grid=f"{EAST}001")
    assert_clean(at)
    shown = metric_values(at)
    assert int(shown["低保对象"].rstrip("人").replace(",", "")) < 406
    assert shown["志愿者"] == "64人"  # organisations have no grid: the community's figure


def test_a_percentage_metric_is_charted_as_percentages(open_page):
    at = open_page(metric="facility_completeness")
    assert_clean(at)
    specs = [c.proto.spec for c in at.get("arrow_vega_lite_chart")] or [
        c.proto.spec for c in at.get("vega_lite_chart")
    ]
    assert specs, "no chart on the overview"
    bar_spec = specs[0]
    assert '".0%"' in bar_spec and '",.0f"' not in bar_spec


def test_money_reads_in_wan_yuan_in_the_table_and_the_bars(open_page):
    """The communities' 筹措资金 read as the card does, in 万元 (330,000 → 33.00), the unit in
    the header; the bars of that figure too."""
    at = open_page(metric="funding_raised")
    assert_clean(at)
    table = at.dataframe[0]
    funds = dict(zip(table.value["name"], table.value["funding_raised"], strict=True))
    assert round(sum(funds.values()), 2) == 84.6  # the card's 84.6万元
    columns = json.loads(table.proto.columns)
    assert columns["funding_raised"]["label"] == "筹措资金（万元）"
    assert columns["funding_raised"]["type_config"]["format"] == "%.2f"
    specs = [c.proto.spec for c in at.get("arrow_vega_lite_chart")] or [
        c.proto.spec for c in at.get("vega_lite_chart")
    ]
    assert any("筹措资金（万元）" in json.dumps(json.loads(s), ensure_ascii=False) for s in specs)
