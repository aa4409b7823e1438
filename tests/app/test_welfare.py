"""AppTest: the 社会救助 page on the sample county — figures, the what-if, URL state, privacy.

Expected figures are computed here from the sample CSVs, independently of data_access.
"""

from __future__ import annotations

import json
import os
import re

import pyarrow as pa
import pytest
from sqlalchemy import delete

from components.registry import WELFARE_SECTIONS
from data_access.admin.users import User
from data_access.db import bump_data_version, make_engine
from data_access.models import NearPoorHousehold, WelfareHousehold, WelfarePayment, WelfareReview
from data_access.seeding import seed
from tests import welfare_expected as expected
from tests.app.conftest import assert_clean, metric_values
from tests.conftest import EAST, sample_rows

PAGE = "pages/welfare.py"
ID_PATTERN = re.compile(r"(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])")


def _yuan(value: int) -> str:
    return f"{value:,}元"


def assert_money_card(at, label: str, yuan: int) -> None:
    """The card shows the sum compact (万元 from 100,000 yuan) and its ⓘ the exact sum."""
    card = next(m for m in at.metric if m.label == label)
    assert card.value == expected.money_card(yuan)
    if card.value != _yuan(yuan):
        assert _yuan(yuan) in card.proto.help


# ------------------------------------------------------------------------------ figures (expected values: tests/welfare_expected.py)


def test_no_filter_shows_the_sample_county(open_page):
    at = open_page(PAGE)
    assert_clean(at)
    shown = metric_values(at)
    assert shown["低保对象"] == "1,276人"
    assert shown["特困供养户"] == "58户"
    # 特困 counted in persons too (the ministry's unit): some households have two.
    tekun_persons = sum(int(h["members"]) for h in expected.households("tekun"))
    assert shown["特困人员"] == f"{tekun_persons}人" and tekun_persons > 58
    assert shown["低保家庭"] == f"{len(expected.households('dibao')):,}户"
    assert shown["低保边缘家庭"] == f"{len(expected.near_poor())}户"
    assert at.title[0].value == "社会救助"
    assert all(m.proto.help for m in at.metric)  # every figure says how it is computed


def test_one_community_shows_that_communitys_figures(open_page):
    at = open_page(PAGE, community=EAST)
    assert_clean(at)
    shown = metric_values(at)
    assert shown["低保对象"] == f"{expected.persons(EAST):,}人"
    assert shown["特困供养户"] == f"{len(expected.households('tekun', EAST))}户"
    assert shown["低保家庭"] == f"{len(expected.households('dibao', EAST))}户"
    assert_money_card(at, "测算：每月资金需求", expected.budget(expected.dibao_standard()[0], EAST))


def test_integrity_panel_counts_the_planted_irregularities(open_page):
    at = open_page(PAGE, wel_sec="integrity")
    assert_clean(at)
    assert not at.get("deck_gl_json_chart")  # only the chosen section is drawn
    shown = metric_values(at)
    assert shown["在保未发放"] == "3 户·月"
    assert shown["退出后仍发放"] == "2 笔"
    assert shown["救助金与公式不符"] == "4 户"
    # A viewer is told where the lists are, and gets none.
    assert any("编辑人员在登录后显示" in i.value for i in at.info)
    assert not at.expander


def test_coverage_shown_two_ways_with_definitions(open_page):
    at = open_page(PAGE)
    comms = sample_rows("communities")
    population = sum(int(c["population"]) for c in comms)
    shown = metric_values(at)
    assert shown["低保覆盖率（按人口）"] == f"{1276 / population * 100:.1f}%"
    # 应保未保: the one deliberate case among the monitored 低保边缘 households.
    assert shown["应保未保"] == f"{len(expected.missed())}户" == "1户"
    captions = " ".join(c.value for c in at.caption)
    assert f"1,276 人 ÷ {population:,} 人" in captions
    assert f"（{len(expected.near_poor())} 户）" in captions
    assert not any("低收入家庭" in m.label for m in at.metric)


def test_eligible_not_enrolled_is_the_chosen_communitys(open_page):
    at = open_page(PAGE, community=EAST)
    assert_clean(at)
    assert metric_values(at)["应保未保"] == f"{len(expected.missed(EAST))}户" == "0户"


def test_changes_against_the_previous_period(open_page):
    at = open_page(PAGE, **{"from": "2022-01", "to": "2022-06"})
    assert_clean(at)
    before = sum(int(h["members"]) for h in expected.households("dibao", month="2021-12"))
    card = next(m for m in at.metric if m.label == "低保对象")
    assert card.proto.delta == f"{expected.persons() - before:+,}"


# ------------------------------------------------------------------------------ the what-if


def test_what_if_at_todays_standard_equals_todays_figures(open_page):
    at = open_page(PAGE)
    assert_clean(at)
    today = expected.dibao_standard()[0]
    assert at.slider(key="wf_standard").value == today
    shown = metric_values(at)
    assert shown["测算：符合条件户数"] == shown["低保家庭"]
    assert shown["测算：保障人数"] == shown["低保对象"]
    assert_money_card(at, "测算：每月资金需求", expected.budget(today))
    assert_money_card(at, "测算：全年资金需求", 12 * expected.budget(today))
    deltas = {m.label: m.proto.delta for m in at.metric if m.label.startswith("测算")}
    assert set(deltas.values()) == {"+0"}
    assert "standard" not in at.query_params


def _money_change(yuan: int) -> str:
    if abs(yuan) >= 100_000:
        return f"{yuan / 10_000:+,.2f}".rstrip("0").rstrip(".") + "万"
    return f"{yuan:+,}"


def test_raising_the_standard_by_100_raises_the_budget(open_page):
    at = open_page(PAGE)
    today = expected.dibao_standard()[0]
    at.slider(key="wf_standard").set_value(today + 100).run()
    assert_clean(at)
    increase = expected.budget(today + 100) - expected.budget(today)
    assert increase > 0
    shown = {m.label: m for m in at.metric}
    assert_money_card(at, "测算：每月资金需求", expected.budget(today) + increase)
    # Beside a 万元 figure a large change reads in 万 (127,600 → +12.76万), to the hundred yuan.
    assert shown["测算：每月资金需求"].proto.delta == _money_change(increase)
    assert shown["测算：全年资金需求"].proto.delta == _money_change(12 * increase)
    assert at.query_params["standard"] in (str(today + 100), [str(today + 100)])
    # The cards, which read the real roster, do not move: a scenario writes nothing.
    assert shown["低保对象"].value == "1,276人"


def test_a_what_if_link_opens_at_its_standard(open_page):
    today = expected.dibao_standard()[0]
    at = open_page(PAGE, standard=str(today + 50))
    assert_clean(at)
    assert at.slider(key="wf_standard").value == today + 50
    assert_money_card(at, "测算：每月资金需求", expected.budget(today + 50))
    assert not [w for w in at.warning if "低保标准" in w.value]


@pytest.mark.parametrize("bad", ["abc", "99999", "705", "-5"])
def test_a_bad_standard_in_the_link_is_a_notice_not_a_traceback(open_page, bad):
    at = open_page(PAGE, standard=bad)
    assert_clean(at)
    assert any("“低保标准（元/人·月）”" in w.value and bad in w.value for w in at.warning)
    assert at.slider(key="wf_standard").value == expected.dibao_standard()[0]
    assert "standard" not in at.query_params


def test_a_period_under_the_old_standard_starts_the_what_if_there(open_page):
    at = open_page(PAGE, **{"from": "2021-07", "to": "2021-12"})
    assert_clean(at)
    assert at.slider(key="wf_standard").value == expected.dibao_standard("2021-12")[0]


def test_review_intervals_are_settings_on_the_page(open_page):
    at = open_page(PAGE, wel_sec="review")
    before = metric_values(at)["待复核低保户"]
    at.number_input(key="wf_review_stable").set_value(6).run()
    assert_clean(at)
    after = metric_values(at)["待复核低保户"]
    assert int(after.rstrip("户")) > int(before.rstrip("户"))


def test_english(open_page):
    at = open_page(PAGE, lang="en")
    assert_clean(at)
    shown = metric_values(at)
    assert shown["Dibao recipients"] == "1,276"
    assert shown["Tekun households"] == "58"
    assert at.title[0].value == "Social assistance"
    assert at.button_group(key="pw_wel_sec").options == [
        "What if the Dibao standard changes", "Monthly trend", "Household size and grids",
        "Where recipients live", "Payment checks", "Reviews", "Roster",
    ]  # fmt: skip


def test_a_bad_section_in_the_link_is_a_notice_in_words(open_page):
    at = open_page(PAGE, wel_sec="nope")
    assert_clean(at)
    assert any(
        "“查看”" in w.value and "nope" in w.value and "发放核查" in w.value for w in at.warning
    )
    assert at.slider(key="wf_standard")  # the default section: the standard's what-if
    assert "wel_sec" not in at.query_params


def test_each_section_is_drawn_when_chosen_and_kept_in_the_url(open_page):
    at = open_page(PAGE)
    assert at.button_group(key="pw_wel_sec").value == "whatif"
    assert not at.get("deck_gl_json_chart")
    at.button_group(key="pw_wel_sec").set_value("map").run()
    assert_clean(at)
    assert at.query_params["wel_sec"] in ("map", ["map"])
    assert at.get("deck_gl_json_chart") and not at.slider
    at.button_group(key="pw_wel_sec").set_value("trend").run()
    assert_clean(at)
    assert "月度趋势" in [h.value for h in at.header] and at.get("vega_lite_chart")
    assert not at.get("deck_gl_json_chart")


def _size_chart_x(at) -> dict:
    """The x encoding of the household-size chart (the chart whose bars are offset by community)."""
    for chart in at.get("vega_lite_chart"):
        for layer in json.loads(chart.proto.spec).get("layer", []):
            if "xOffset" in layer.get("encoding", {}):
                return layer["encoding"]["x"]
    raise AssertionError("no household-size chart")


@pytest.mark.parametrize(
    ("lang", "title"), [("zh", "家庭人口（人）"), ("en", "Members per household")]
)
def test_household_size_axis_has_short_labels_and_a_title(open_page, lang, title):
    # "1 person2 persons…" ran together once each band was split by community.
    at = open_page(PAGE, lang=lang, wel_sec="breakdown")
    x = _size_chart_x(at)
    assert x["field"] == "band" and x["sort"] == ["1", "2", "3", "4", "5+"]
    assert x["title"] == title


# ------------------------------------------------------------------------------ privacy


def _proto_text(message, parts: list[str]) -> None:
    """Every string, number and byte payload of a proto message, recursively (Arrow tables decoded)."""
    for field, value in message.ListFields():
        if field.name in ("id", "form_id", "fragment_id"):
            continue  # element ids are hashes, not content
        if field.message_type is not None and field.message_type.GetOptions().map_entry:
            for k, v in value.items():
                parts.append(str(k))
                if hasattr(v, "ListFields"):
                    _proto_text(v, parts)
                else:
                    parts.append(_scalar_text(v))
            continue
        for v in value if field.is_repeated else [value]:
            if hasattr(v, "ListFields"):
                _proto_text(v, parts)
            else:
                parts.append(_scalar_text(v))


def _scalar_text(value) -> str:
    if isinstance(value, bytes):
        try:
            table = pa.ipc.open_stream(pa.py_buffer(value)).read_all()
            return table.to_pandas().to_csv()
        except pa.ArrowInvalid:
            return value.decode("utf-8", "ignore")
    text = str(value)
    if text[:1] in "{[":
        try:  # deck.gl and Vega-Lite specs escape non-ASCII: read them as data
            return json.dumps(json.loads(text), ensure_ascii=False)
        except ValueError:
            pass
    return text


def page_text(at) -> str:
    parts: list[str] = []
    for node in at._tree:
        proto = getattr(node, "proto", None)
        if proto is not None and hasattr(proto, "ListFields"):
            _proto_text(proto, parts)
    return "\n".join(parts)


def test_a_viewer_never_sees_a_name_or_an_id_number(open_page):
    at = open_page(PAGE)
    assert_clean(at)
    text, kinds = "", set()
    for section in WELFARE_SECTIONS:  # every section, each drawn only when chosen
        at.button_group(key="pw_wel_sec").set_value(section).run()
        assert_clean(at)
        text += page_text(at)
        kinds |= {k for k in ("deck_gl_json_chart", "vega_lite_chart", "dataframe") if at.get(k)}
    # The walk reaches every kind of element: dataframes, chart data and the map's JSON.
    assert kinds == {"deck_gl_json_chart", "vega_lite_chart", "dataframe"}
    grid_name = sample_rows("grids")[0]["name"]
    compound = next(
        c["name"]
        for c in sample_rows("compounds")
        if c["id"] in {h["compound_id"] for h in expected.households("dibao")}
    )
    assert grid_name in text and compound in text and "<3" in text
    names = {h["head_name"] for h in sample_rows("welfare_households")}
    leaked = sorted(n for n in names if n in text)
    assert not leaked, leaked[:10]
    assert not ID_PATTERN.findall(text), ID_PATTERN.findall(text)[:5]


def test_an_editor_sees_their_communitys_roster_masked(open_page):
    at = open_page(PAGE, wel_sec="roster")
    at.session_state["auth_user"] = User("东部编辑", "editor", (EAST,))
    at.run()
    assert_clean(at)
    roster = at.dataframe[-1].value
    east = [
        h
        for h in sample_rows("welfare_households")
        if h["community_code"] == EAST and expected.in_force(h)
    ]
    assert len(roster) == len(east)
    assert set(roster["head_name"]) == {
        h["head_name"][0] + "*" * (len(h["head_name"]) - 2) + h["head_name"][-1]
        if len(h["head_name"]) > 2
        else h["head_name"][0] + "*"
        for h in east
    }
    text = page_text(at)
    names = {h["head_name"] for h in sample_rows("welfare_households")}
    assert not [n for n in names if n in text]
    assert not ID_PATTERN.findall(text)
    at.button_group(key="pw_wel_sec").set_value("integrity").run()
    assert_clean(at)
    assert at.expander  # the integrity drill-down lists are there for an editor


def test_a_grid_filter_suppresses_small_counts(open_page):
    grid = f"{EAST}001"
    tekun = sum(1 for h in expected.households("tekun", EAST) if h["grid_code"] == grid)
    at = open_page(PAGE, community=EAST, grid=grid)
    assert_clean(at)
    shown = metric_values(at)["特困供养户"]
    assert shown == ("<3户" if tekun in (1, 2) else f"{tekun}户")


# ------------------------------------------------------------------------------ empty data


@pytest.fixture
def database_without_welfare(tmp_path, app_database):
    """Point the app at a county with no 低保 or 特困 household for one test, then back."""
    from components import data

    url = f"sqlite:///{tmp_path / 'no_welfare.db'}"
    engine = make_engine(url)
    seed(engine)
    with engine.begin() as conn:
        conn.execute(delete(WelfarePayment))
        conn.execute(delete(WelfareReview))
        conn.execute(delete(NearPoorHousehold))
        conn.execute(delete(WelfareHousehold))
        for _ in range(50):  # a data version the shared caches have not seen
            bump_data_version(conn)
    engine.dispose()
    os.environ["DATABASE_URL"] = url
    data.engine.clear()
    data._cached_call.clear()
    yield
    os.environ["DATABASE_URL"] = app_database
    data.engine.clear()
    data._cached_call.clear()


def test_an_area_without_recipients_shows_an_empty_state(open_page, database_without_welfare):
    at = open_page(PAGE)
    assert_clean(at)
    assert metric_values(at)["低保对象"] == "0人"
    assert any("没有在保的低保或特困家庭" in i.value for i in at.info)
    assert not at.get("deck_gl_json_chart")


def test_the_options_table_and_curve_read_money_in_wan_yuan(open_page):
    """方案对比 and the curve: money in 万元, as on the cards, the unit in the header."""
    at = open_page(PAGE)
    assert_clean(at)
    today = expected.dibao_standard()[0]
    table = next(d for d in at.dataframe if "monthly" in d.value.columns)
    columns = json.loads(table.proto.columns)
    assert columns["monthly"]["label"] == "每月资金（万元）"
    assert columns["yearly"]["label"] == "全年资金（万元）"
    first = table.value.iloc[0]
    assert int(first["standard"]) == today
    assert round(float(first["monthly"]), 4) == round(expected.budget(today) / 10_000, 4)
    charts = [*at.get("arrow_vega_lite_chart"), *at.get("vega_lite_chart")]
    specs = [json.dumps(json.loads(c.proto.spec), ensure_ascii=False) for c in charts]
    assert any("每月资金需求（万元）" in s for s in specs)
