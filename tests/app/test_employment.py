"""AppTest: the 就业服务 page on the sample county — cards, one community, the target what-if, URL
state, privacy. Expected figures are computed here from the sample CSVs, not from data_access."""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections import defaultdict

import pytest

from data_access.engine.disclosure import Group, audit
from tests.app.conftest import assert_clean, metric_values
from tests.conftest import EAST, OLD_TOWN, jobseeker_groups, sample_rows

PAGE = "pages/employment.py"
START, END = "2021-07-01", "2022-06-30"
NEEDED = "剩余月份每月需完成"


def _people(group: str, community: str | None = None) -> list[dict]:
    groups = jobseeker_groups()
    return [
        p
        for p in sample_rows("jobseekers")
        if group in groups.get(p["person_no"], ())
        and (community is None or p["community_code"] == community)
    ]


def _between(day: str, start: str = START, end: str = END) -> bool:
    return bool(day) and start <= day <= end


def _reemployed(community=None, start=START, end=END) -> int:
    return sum(_between(p["placed_on"], start, end) for p in _people("laid_off", community))


def _youth_informed(community=None) -> int:
    return sum(_between(p["informed_on"]) for p in _people("youth", community))


def _waiting(community=None) -> int:
    return sum(
        1
        for p in sample_rows("jobseekers")
        if (community is None or p["community_code"] == community)
        and p["registered_on"] <= END
        and (not p["placed_on"] or p["placed_on"] > END)
    )


def _placed_4050(community=None) -> int:
    end = dt.date.fromisoformat(END)
    count = 0
    for p in sample_rows("jobseekers"):
        if community and p["community_code"] != community:
            continue
        birth = dt.date.fromisoformat(p["birth_date"])
        age = end.year - birth.year - ((end.month, end.day) < (birth.month, birth.day))
        if _between(p["placed_on"]) and age >= (40 if p["gender"] == "F" else 50):
            count += 1
    return count


def test_no_filter_shows_373_and_530(open_page):
    at = open_page(PAGE)
    assert_clean(at)
    shown = metric_values(at)
    assert shown["下岗职工再就业"] == "373人"
    assert shown["待业青年获劳务信息"] == "530人"
    assert shown["登记求职未就业"] == f"{_waiting()}人"
    assert shown["“4050”人员就业"] == f"{_placed_4050()}人"
    open_families = [f for f in sample_rows("zero_employment_families") if not f["cleared_on"]]
    assert shown["零就业家庭未清零"] == f"{len(open_families)}户"
    assert at.title[0].value == "就业服务"
    assert all(m.proto.help for m in at.metric)


def test_one_community_shows_that_communitys_figures(open_page):
    at = open_page(PAGE, community=EAST)
    assert_clean(at)
    shown = metric_values(at)
    assert shown["下岗职工再就业"] == f"{_reemployed(EAST)}人"
    assert shown["待业青年获劳务信息"] == f"{_youth_informed(EAST)}人"
    assert shown["登记求职未就业"] == f"{_waiting(EAST)}人"
    assert shown["“4050”人员就业"] == f"{_placed_4050(EAST)}人"
    assert _reemployed(EAST) + _reemployed(OLD_TOWN) == 373
    # The full-employment verdict is drawn for the chosen community only.
    verdicts = [m.value for m in at.markdown if "充分就业社区标准" in m.value]
    assert len(verdicts) == 1 and "东部社区" in verdicts[0]


def test_what_if_at_a_known_target_gives_the_monthly_pace(open_page):
    """Period July–March: nine months done, three left of the target year July–June."""
    target = 420
    at = open_page(PAGE, em_target=str(target), **{"from": "2021-07", "to": "2022-03"})
    assert_clean(at)
    done = _reemployed(start=START, end="2022-03-31")
    needed = (target - done) / 3
    pace = done / 9
    shown = [m for m in at.metric if m.label == NEEDED]
    assert shown[0].value == f"{needed:,.1f}人/月"
    assert [m.value for m in at.metric if m.label == "目前月均进度"][0] == f"{pace:,.1f}人/月"
    assert [m.value for m in at.metric if m.label == "年初至今完成"][0] == f"{done}人"
    reach_in = math.ceil((target - done) / pace)
    month = 3 + reach_in  # months after 2022-03
    assert [m.value for m in at.metric if m.label == "按目前进度达标月份"][0] == (
        f"2022-{month:02d}" if month <= 12 else f"2023-{month - 12:02d}"
    )
    assert at.number_input(key="pw_em_target").value == target


def test_changing_the_target_moves_the_pace_and_the_url(open_page):
    at = open_page(PAGE, **{"from": "2021-07", "to": "2022-03"})
    done = _reemployed(start=START, end="2022-03-31")
    at.number_input(key="pw_em_target").set_value(500).run()
    assert_clean(at)
    shown = [m.value for m in at.metric if m.label == NEEDED]
    assert shown[0] == f"{(500 - done) / 3:,.1f}人/月"
    assert at.query_params["em_target"] in ("500", ["500"])
    at.number_input(key="pw_em_youth").set_value(800).run()
    youth_done = sum(_between(p["informed_on"], START, "2022-03-31") for p in _people("youth"))
    shown = [m.value for m in at.metric if m.label == NEEDED]
    assert shown[1] == f"{(800 - youth_done) / 3:,.1f}人/月"
    assert at.query_params["em_youth"] in ("800", ["800"])


def test_a_bad_target_in_the_link_is_dropped_with_a_notice(open_page):
    at = open_page(PAGE, em_target="-5")
    assert not at.exception
    # named by what it sets, not by its key
    assert any("“再就业目标（假设）”" in w.value for w in at.warning)
    assert not any("em_target" in w.value for w in at.warning)
    assert at.number_input(key="pw_em_target").value == 360  # the year's target


def test_map_controls_are_kept_in_the_url(open_page):
    at = open_page(PAGE, em_map="placed", em_counts="1")
    assert_clean(at)
    assert at.radio(key="pw_em_map").value == "placed"
    assert at.toggle(key="pw_em_counts").value is False  # per 1,000 is off: counts
    at.toggle(key="pw_em_counts").set_value(True).run()
    assert "em_counts" not in at.query_params
    at.radio(key="pw_em_map").set_value("waiting").run()
    assert_clean(at)
    assert "em_map" not in at.query_params


def test_a_viewer_sees_family_counts_and_no_names(open_page):
    at = open_page(PAGE)
    assert any("仅向编辑人员显示" in i.value for i in at.info)
    names = {p["name"] for p in sample_rows("jobseekers")}
    shown = " ".join(str(df.value.to_dict()) for df in at.dataframe) + " ".join(
        m.value for m in at.markdown
    )
    assert not any(n in shown for n in names)
    flagged = [w.value for w in at.warning if "未在认定后30天内清零" in w.value]
    late = 0
    for f in sample_rows("zero_employment_families"):
        identified = dt.date.fromisoformat(f["identified_on"])
        cleared = f["cleared_on"] or None
        days = (
            (dt.date.fromisoformat(cleared) if cleared else dt.date(2022, 6, 30)) - identified
        ).days
        late += days > 30 and (not cleared or cleared >= START)
    assert flagged and f"有 {late} 户" in flagged[0]


# ------------------------------------------------------------------------------ privacy audit

GRIDS = [(r["code"], r["community_code"]) for r in sample_rows("grids")]
CARDS = {"登记求职未就业": "waiting", "零就业家庭未清零": "families"}


def _shown(text: str) -> int | str | None:
    text = str(text).strip()
    if text.startswith(("<3", "*")):
        return text[:2] if text.startswith("<3") else "*"
    digits = re.sub(r"[^\d]", "", text)
    return int(digits) if digits else None


def test_the_auditor_recovers_no_hidden_count_from_every_view(open_page):
    """Cards and map tooltips under no filter, each community and each grid, put together."""
    cells: dict[str, dict[tuple, set]] = {m: defaultdict(set) for m in ("waiting", "families")}
    views = [("county",), *[("community", c) for c in (OLD_TOWN, EAST)]]
    views += [("grid", g) for g, _c in GRIDS]
    for view in views:
        scope = {} if view == ("county",) else {view[0]: view[1]}
        at = open_page(PAGE, **scope)
        assert_clean(at)
        for card in at.metric:
            if card.label in CARDS:
                cells[CARDS[card.label]][view].add(_shown(card.value))
        for chart in at.get("deck_gl_json_chart"):
            for layer in json.loads(chart.proto.json).get("layers", []):
                data = layer.get("data")
                features = data.get("features", []) if isinstance(data, dict) else []
                for feature in features:
                    props = feature.get("properties", {})
                    if "grid_code" in props:
                        cells["waiting"][("grid", props["grid_code"])].add(_shown(props["count"]))
        if view[0] == "grid":  # no breakdown over chosen grids
            assert not any("就业困难人员" in m.value for m in at.markdown)
    groups = [Group(("county",), (("community", OLD_TOWN), ("community", EAST)))]
    groups += [
        Group(("community", c), tuple(("grid", g) for g, cc in GRIDS if cc == c))
        for c in (OLD_TOWN, EAST)
    ]
    for measure, published in cells.items():
        assert all(len(v) == 1 for v in published.values()), (measure, published)
        shown = {k: next(iter(v)) for k, v in published.items()}
        assert audit(shown, groups) == [], measure
        assert not any(shown.get(("grid", g)) in (1, 2) for g, _c in GRIDS), measure
        assert any(v in ("<3", "*") for v in shown.values()) or measure == "waiting"


def test_an_old_town_editor_sees_their_families_masked(open_page):
    from data_access.admin.users import User

    at = open_page(PAGE)
    at.session_state["auth_user"] = User("老城编辑", "editor", (OLD_TOWN,))
    at.run()
    assert_clean(at)
    listed = next(df.value for df in at.dataframe if "家庭编号" in df.value.columns)
    mine = [
        f
        for f in sample_rows("zero_employment_families")
        if f["community_code"] == OLD_TOWN and (not f["cleared_on"] or f["cleared_on"] >= START)
    ]
    assert sorted(listed["家庭编号"]) == sorted(f["family_no"] for f in mine)
    members = {p["family_no"]: p["name"] for p in sample_rows("jobseekers") if p["family_no"]}
    for family, shown in zip(listed["家庭编号"], listed["就业成员/求职成员"], strict=True):
        name = members[family]
        assert (
            shown == name[0] + "*" * (len(name) - 2) + name[-1] if len(name) > 2 else name[0] + "*"
        )
        assert name not in shown
    # The ones not cleared in time come first.
    assert listed["状态"].iloc[0] in ("超期未清零", "超期清零")


def test_a_target_of_none_reads_as_the_target_alone(open_page):
    """零就业家庭未清零 has target 0: the card says "目标 0户" and its status, not "完成 —"."""
    at = open_page(PAGE)
    assert_clean(at)
    texts = " ".join(str(m.value) for m in (*at.markdown, *at.caption))
    assert "目标 0户" in texts
    assert "完成 —" not in texts


def test_the_path_table_shows_each_steps_loss_as_a_share(open_page):
    """The loss columns hold shares (0..1), which the column's percent format writes as 4.68%:
    for the county's laid-off workers, 1 − trained ÷ registered (counted by the table itself)."""
    at = open_page(PAGE)
    table = next(df.value for df in at.dataframe if "登记→培训流失" in df.value.columns)
    lost = table[[c for c in table.columns if c.endswith("流失")]].stack()
    assert ((lost >= 0) & (lost <= 1)).all(), lost.max()
    row = table[(table["人群"] == "下岗职工") & (table["社区"] == "老城社区")].iloc[0]
    assert row["登记→培训流失"] == pytest.approx(1 - row["培训"] / row["登记"])
