"""AppTest: what every page shares — period, quick periods, page state across switches, bounded
notices, neutral zero changes, the data's freshness, the not-found notice."""

from __future__ import annotations

from tests import welfare_expected as expected
from tests.app.conftest import assert_clean, metric_values


def _caption_text(at) -> str:
    return " ".join(c.value for c in at.caption)


def test_the_period_slider_moves_and_the_url_follows(open_page):
    at = open_page()
    at.sidebar.select_slider(key="f_period").set_range("2021-10", "2022-03").run()
    assert_clean(at)
    assert at.sidebar.select_slider(key="f_period").value == ("2021-10", "2022-03")
    assert "2021-10 至 2022-03" in _caption_text(at)
    assert at.query_params["from"] in ("2021-10", ["2021-10"])
    assert at.query_params["to"] in ("2022-03", ["2022-03"])
    # and it stays there on the next run (it used to snap back to the full range)
    at.run()
    assert at.sidebar.select_slider(key="f_period").value == ("2021-10", "2022-03")


def test_each_quick_period_gives_its_range(open_page):
    expected = {
        "year": ("2022-01", "2022-06"),
        "h1": ("2022-01", "2022-06"),
        "h2": ("2021-07", "2021-12"),
        "last3": ("2022-04", "2022-06"),
        "last_month": ("2022-06", "2022-06"),
    }
    at = open_page()
    for name, span in expected.items():
        at.sidebar.button(key=f"f_quick_{name}").click().run()
        assert_clean(at)
        assert at.sidebar.select_slider(key="f_period").value == span, name


def test_the_welfare_scenario_survives_a_page_switch(open_page):
    at = open_page("pages/welfare.py", standard="800")
    assert_clean(at)
    assert at.slider(key="wf_standard").value == 800
    at.switch_page("pages/overview.py").run()
    assert "standard" not in at.query_params
    at.switch_page("pages/welfare.py").run()
    assert_clean(at)
    assert at.slider(key="wf_standard").value == 800
    assert at.query_params["standard"] in ("800", ["800"])


def test_an_oversized_link_gives_a_bounded_notice(open_page):
    at = open_page(community="x" * 5000, grid=[f"g{i}" for i in range(300)])
    assert_clean(at)
    notice = " ".join(w.value for w in at.warning)
    assert len(notice) < 600
    assert "x" * 41 not in notice and "…" in notice
    assert "及其他 296 项" in notice


def test_a_zero_change_is_neutral(open_page):
    # Volunteers do not change between Q4 2021 and Q1 2022 in the sample county.
    at = open_page(**{"from": "2022-01", "to": "2022-03"})
    assert_clean(at)
    from streamlit.proto.Metric_pb2 import Metric

    card = next(m for m in at.metric if m.label == "志愿者")
    assert card.proto.delta == "+0"
    assert card.proto.color == Metric.MetricColor.GRAY  # not a green "up"
    assert card.proto.direction == Metric.MetricDirection.NONE  # no arrow
    moved = next(m for m in at.metric if m.label == "下岗职工再就业")
    assert moved.proto.color != Metric.MetricColor.GRAY


def test_every_page_says_how_fresh_its_data_is(open_page):
    for page in (None, "pages/service_points.py", "pages/welfare.py"):
        at = open_page(page)
        assert "数据截至 2022-06" in _caption_text(at), page


def test_the_default_metric_stays_out_of_the_url(open_page):
    at = open_page()
    assert "metric" not in at.query_params
    at.selectbox(key="pw_metric").set_value("reemployed").run()
    assert at.query_params["metric"] in ("reemployed", ["reemployed"])


def test_a_grid_hides_small_counts_on_the_overview_too(open_page):
    grids = [h["grid_code"] for h in expected.households("tekun")]
    small = sorted(g for g in set(grids) if grids.count(g) in (1, 2))
    at = open_page(grid=small[0])
    assert_clean(at)
    assert metric_values(at)["特困供养户"] == "<3户"


def test_the_not_found_notice_links_back(open_page):
    at = open_page(notfound="/welfare/extra")
    assert_clean(at)
    assert at.title[0].value == "页面不存在"
    assert "/welfare/extra" in at.warning[0].value
    assert "notfound" not in at.query_params
    at.button[0].click().run()
    assert_clean(at)
    assert at.title[0].value == "总览"
