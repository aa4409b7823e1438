"""AppTest: the 设施建设 page on the sample county — the matrix, the projects, the money, the
controls and their URL state. Expected figures are computed here from the sample CSVs."""

from __future__ import annotations

import re
from collections import Counter

import pyarrow as pa

from tests.app.conftest import assert_clean, metric_values
from tests.conftest import EAST, sample_rows

PAGE = "pages/facilities.py"
SOURCES_ZH = {"county": "县财政", "township_departments": "乡镇和部门", "higher_level": "上级争取"}


def yuan(value: float) -> str:
    return f"{value:,.0f}元"


def sample_year_funding() -> list[dict]:
    """funding.csv's rows received in the period the page opens on (2021-07..2022-06); the
    records reach a year further back."""
    return [r for r in sample_rows("funding") if "2021-07-01" <= r["received_on"] <= "2022-06-30"]


def funding_total() -> float:
    return sum(float(r["amount_yuan"]) for r in sample_year_funding())


def required_kinds() -> int:
    return sum(1 for k in sample_rows("facility_kinds") if k["required"] == "true")


def matrix_html(at) -> str:
    return next(m.value for m in at.markdown if "fac-matrix" in m.value)


def shares(at) -> dict[str, str]:
    """Community → the completeness cell at its row's end."""
    rows = re.findall(
        r"<tr><th[^>]*>([^<]+)</th>.*?class=\"fac-share\"[^>]*>([^<]+)</td>",
        matrix_html(at).split("<tbody>")[1],
        re.S,
    )
    return dict(rows)


def project_table(at):
    return next(d.value for d in at.dataframe if "期末阶段" in d.value.columns)


def funding_line(at) -> str:
    return next(m.value for m in at.markdown if m.value.startswith("期内到位资金合计"))


def test_sample_county_matrix_projects_and_money(open_page):
    at = open_page(PAGE, fac_sec="projects")
    assert_clean(at)
    assert at.title[0].value == "设施建设"
    n = required_kinds()
    # 100% for both communities, each with every required kind in use.
    assert shares(at) == {
        "老城社区": f"100.0%（已配 {n}/{n} 种）",
        "东部社区": f"100.0%（已配 {n}/{n} 种）",
    }
    assert matrix_html(at).count('data-status="in_use"') == 2 * n
    assert metric_values(at)["“六室三站一场”配备率"] == "100.0%"
    # The 400+ m² project is in the construction phase, not started.
    big = next(p for p in sample_rows("projects") if float(p["floor_area_m2"]) > 400)
    table = project_table(at).set_index("项目")
    assert table.loc[big["name"], "期末阶段"] == "施工建设（未开工）"
    assert "延误" in table.loc[big["name"], "进度"]
    assert any(big["name"] in w.value for w in at.warning)  # flagged as late
    # The money (its section chosen): the total equals the sum of funding.csv's rows of the
    # period, and so do its parts by source.
    at.button_group(key="pw_fac_sec").set_value("funding").run()
    assert_clean(at)
    assert at.query_params["fac_sec"] == "funding"
    assert not [d for d in at.dataframe if "期末阶段" in d.value.columns]  # projects not drawn
    total = funding_total()
    card = next(m for m in at.metric if m.label == "筹措资金")
    assert yuan(total) in card.proto.help or card.value == yuan(total)
    line = funding_line(at)
    assert line.startswith(f"期内到位资金合计 {yuan(total)}")
    by_source = Counter()
    for r in sample_year_funding():
        by_source[r["source"]] += float(r["amount_yuan"])
    for source, amount in by_source.items():
        assert f"{SOURCES_ZH[source]} {yuan(amount)}" in line
    # Of which per project: the fitness equipment and elderly service centre got 200,000.
    per_project = Counter()
    for r in sample_year_funding():
        per_project[r["project_id"]] += float(r["amount_yuan"])
    names = {p["id"]: p["name"] for p in sample_rows("projects")}
    line = next(m.value for m in at.markdown if m.value.startswith("其中按项目"))
    for pid, amount in per_project.items():
        assert f"{names[pid]} {yuan(amount)}" in line
    centre = next(p for p in sample_rows("projects") if "养老服务中心" in p["name"])
    assert per_project[centre["id"]] == 200000
    assert all(m.proto.help for m in at.metric)


def test_the_grouping_control_switches_to_purposes_and_into_the_url(open_page):
    at = open_page(PAGE, fac_sec="funding")
    before = funding_line(at)
    at.button_group(key="pw_fac_by").set_value("purpose").run()
    assert_clean(at)
    after = funding_line(at)
    assert after != before
    by_purpose = Counter()
    for r in sample_year_funding():
        by_purpose[r["purpose"]] += float(r["amount_yuan"])
    for purpose, amount in by_purpose.items():
        assert f"{purpose} {yuan(amount)}" in after
    assert at.query_params["fac_by"] == "purpose"


def test_the_plan_toggle_removes_the_planned_bars(open_page):
    at = open_page(PAGE, fac_sec="projects")

    def series(at) -> set[str]:
        chart = next(c for c in at.get("vega_lite_chart") if "yOffset" in c.proto.spec)
        frames = [
            pa.ipc.open_stream(pa.py_buffer(d.data.data)).read_all().to_pandas()
            for d in chart.proto.datasets
        ]
        return {s for df in frames for s in df["series"]}

    assert series(at) == {"计划", "实际"}
    plan = next(w for w in at.toggle if not w.label.startswith("地图数据表"))  # not the map's table
    plan.set_value(False).run()
    assert_clean(at)
    assert series(at) == {"实际"}
    assert at.query_params["fac_plan"] == "off"


def test_a_link_opens_with_its_controls_and_one_community(open_page):
    at = open_page(PAGE, community=EAST, fac_by="purpose", fac_plan="off", fac_sec="funding")
    assert_clean(at)
    assert list(shares(at)) == ["东部社区"]
    assert at.button_group(key="pw_fac_by").value == "purpose"
    east_total = sum(
        float(r["amount_yuan"]) for r in sample_year_funding() if r["community_code"] == EAST
    )
    assert funding_line(at).startswith(f"期内到位资金合计 {yuan(east_total)}")
    at.button_group(key="pw_fac_sec").set_value("projects").run()
    assert next(w for w in at.toggle if not w.label.startswith("地图数据表")).value is False
    names = set(project_table(at)["项目"])
    assert names == {p["name"] for p in sample_rows("projects") if p["community_code"] == EAST}


def test_office_space_against_the_standard(open_page):
    at = open_page(PAGE, fac_sec="office")
    office = next(d.value for d in at.dataframe if "每百户面积" in d.value.columns).set_index(
        "社区"
    )
    households = {c["name"]: int(c["households"]) for c in sample_rows("communities")}
    kinds = {k["code"]: k["group_kind"] for k in sample_rows("facility_kinds")}
    for code, name in (("629901100001", "老城社区"), (EAST, "东部社区")):
        area = sum(
            float(f["area_m2"])
            for f in sample_rows("facilities")
            if f["community_code"] == code
            and f["status"] == "in_use"
            and kinds[f["kind"]] != "field"
        )
        assert office.loc[name, "用房面积"] == f"{area:,.0f} 平方米"
        assert office.loc[name, "每百户面积"] == f"{area / households[name] * 100:.1f} ㎡/百户"
    assert set(office["标准"]) == {"30.0 ㎡/百户"}


def test_english(open_page):
    at = open_page(PAGE, lang="en")
    assert_clean(at)
    assert at.title[0].value == "Facilities"
    assert "100.0% (10 of 10)" in matrix_html(at)
    assert at.button_group(key="pw_fac_sec").options == [
        "Where the facilities are", "Construction projects", "Funding", "Office and service space"
    ]  # fmt: skip


def test_a_bad_section_in_the_link_is_a_notice_in_words(open_page):
    at = open_page(PAGE, fac_sec="nope")
    assert_clean(at)
    assert any(
        "“查看”" in w.value and "nope" in w.value and "资金筹措" in w.value for w in at.warning
    )
    assert at.get("deck_gl_json_chart")  # the default section: the map


def test_the_map_places_offices_facilities_and_projects_with_tooltips(open_page):
    import json

    at = open_page(PAGE)
    deck = next(c for c in at.get("deck_gl_json_chart"))
    spec = json.loads(deck.proto.json)
    rows = {
        layer["id"]: layer["data"]
        for layer in spec["layers"]
        if layer["id"].startswith("fac-") and isinstance(layer.get("data"), list)
    }
    placed = [r for data in rows.values() for r in data]
    facilities = sample_rows("facilities")
    projects = sample_rows("projects")
    assert len(placed) == len(facilities) + len(projects)
    offices = [r for lid, data in rows.items() if lid.startswith("fac-office") for r in data]
    assert len(offices) == sum(1 for f in facilities if f["kind"] == "office")
    big = next(p for p in projects if float(p["floor_area_m2"]) > 400)
    tip = next(r for r in placed if r["site_id"] == big["id"])
    assert tip["t0"] == big["name"]
    assert tip["t1"] == "建设项目：施工建设 · 状态：在建"
    assert tip["t2"] == f"面积 {float(big['floor_area_m2']):,.0f} 平方米"
    assert tip["t3"] == "尚未投用"
    centre = next(f for f in facilities if f["kind"] == "elderly_service_centre")
    tip = next(r for r in placed if r["site_id"] == centre["id"])
    assert tip["t3"] == f"投用于 {centre['in_use_since']}" and "已投用" in tip["t1"]


def test_a_past_period_reads_the_state_of_then(open_page):
    # At the end of 2021 the east centre and its fitness rooms were not in use yet, its project
    # had not begun, and the old-town office was still being designed.
    at = open_page(PAGE, **{"from": "2021-07", "to": "2021-12"}, fac_sec="projects")
    assert_clean(at)
    kinds = {k["code"]: k["required"] == "true" for k in sample_rows("facility_kinds")}
    late = [
        f
        for f in sample_rows("facilities")
        if f["community_code"] == EAST and kinds[f["kind"]] and f["in_use_since"] > "2021-12-31"
    ]
    n = required_kinds()
    assert late and shares(at)["东部社区"].startswith(
        f"{(n - len(late)) / n:.1%}（已配 {n - len(late)}/{n} 种）"
    )
    table = project_table(at).set_index("项目")
    centre = next(p for p in sample_rows("projects") if "养老服务中心" in p["name"])
    old = next(p for p in sample_rows("projects") if float(p["floor_area_m2"]) > 400)
    assert table.loc[centre["name"], "期末阶段"] == "尚未开始"
    assert table.loc[old["name"], "期末阶段"] == "规划设计"
