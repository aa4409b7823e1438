"""AppTest: the 志愿·为老·平安 page on the sample county — volunteers, older residents, disputes,
the 两委 and honours.

Expected figures are computed here from the sample CSVs, independently of data_access.
"""

from __future__ import annotations

import datetime as dt
import json
import statistics

from tests.app.conftest import assert_clean, metric_values
from tests.conftest import EAST, sample_rows

PAGE = "pages/community_life.py"
START, END = dt.date(2021, 7, 1), dt.date(2022, 6, 30)


def _day(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _orgs(community: str | None = None) -> list[dict]:
    return [
        o
        for o in sample_rows("volunteer_orgs")
        if community is None or o["community_code"] == community
    ]


def _activities(community: str | None = None) -> list[dict]:
    ids = {o["id"] for o in _orgs(community)}
    return [
        a
        for a in sample_rows("volunteer_activities")
        if a["org_id"] in ids and START <= _day(a["date"]) <= END
    ]


def _population(community: str | None = None) -> int:
    return sum(
        int(c["population"])
        for c in sample_rows("communities")
        if community is None or c["code"] == community
    )


def _disputes(community: str | None = None) -> list[dict]:
    return [
        d
        for d in sample_rows("disputes")
        if (community is None or d["community_code"] == community)
        and START <= _day(d["reported_on"]) <= END
    ]


def _cadres(community: str | None = None) -> list[dict]:
    """The people holding a seat on 30 June 2022, each once."""
    people = {
        p["cadre_id"]
        for p in sample_rows("cadre_posts")
        if _day(p["elected_on"]) <= END
        and (not p["left_on"] or _day(p["left_on"]) > END)
        and (community is None or p["community_code"] == community)
    }
    return [c for c in sample_rows("cadres") if c["id"] in people]


def _under_35(c: dict) -> bool:
    return _day(c["birth_date"]) > END.replace(year=END.year - 35)


def _compounds(community: str | None = None) -> list[dict]:
    return [
        c for c in sample_rows("compounds") if community is None or c["community_code"] == community
    ]


def _expected(community: str | None = None) -> dict[str, str]:
    orgs, acts = _orgs(community), _activities(community)
    members = sum(int(o["members"]) for o in orgs)
    disputes = _disputes(community)
    mediated = [d for d in disputes if d["outcome"] == "mediated"]
    cadres = _cadres(community)
    compounds = _compounds(community)
    old = sum(int(c["residents_60_plus"]) for c in compounds)
    very_old = sum(int(c["residents_80_plus"]) for c in compounds)
    residents = sum(int(c["population"]) for c in compounds)
    days = [(_day(d["resolved_on"]) - _day(d["reported_on"])).days for d in mediated]
    honours = [
        h for h in sample_rows("honours") if community is None or h["community_code"] == community
    ]
    return {
        "志愿者组织": f"{len(orgs)}个",
        "志愿者": f"{members}人",
        "每千人志愿者": f"{members / _population(community) * 1000:.1f}人/千人",
        "志愿服务群众人次": f"{sum(int(a['residents_served']) for a in acts):,}人次",
        "志愿者参与人次": f"{sum(int(a['participants']) for a in acts):,}人次",
        "志愿服务时长": f"{round(sum(float(a['hours']) for a in acts)):,}小时",
        "60岁以上居民": f"{old:,}人",
        "80岁以上居民": f"{very_old:,}人",
        "60岁以上占比": f"{old / residents * 100:.1f}%",
        "排查矛盾纠纷": f"{len(disputes)}件",
        "调解成功": f"{len(mediated)}件",
        "调解成功率": f"{len(mediated) / len(disputes) * 100:.1f}%",
        "化解天数（中位数）": f"{statistics.median(days):.1f}天",
        "社区干部": f"{len(cadres)}名",
        "大专以上干部": f"{sum(c['education'] == 'college_plus' for c in cadres)}名",
        "大专以下干部": f"{sum(c['education'] == 'below' for c in cadres)}名",
        "35岁以下干部": f"{sum(_under_35(c) for c in cadres)}名",
        "35岁及以上干部": f"{sum(not _under_35(c) for c in cadres)}名",
        "党员干部": f"{sum(c['party_member'] == 'true' for c in cadres)}名",
        "获得荣誉": f"{len(honours)}项",
    }


def test_the_sample_county_figures(open_page):
    at = open_page(PAGE)
    assert_clean(at)
    shown = metric_values(at)
    expected = _expected()
    assert {k: shown.get(k) for k in expected} == expected
    # The source document's figures, as the page shows them.
    assert shown["志愿者组织"] == "7个" and shown["志愿者"] == "170人"
    assert shown["社区干部"] == "29名" and shown["大专以上干部"] == "8名"
    assert shown["大专以下干部"] == "21名" and shown["35岁以下干部"] == "4名"
    assert shown["35岁及以上干部"] == "25名" and shown["党员干部"] == "16名"
    assert shown["获得荣誉"] == "12项"
    assert all(m.proto.help for m in at.metric)  # every figure says how it is computed
    assert at.title[0].value == "志愿·为老·平安"


def test_the_mediated_share_is_the_csvs(open_page):
    at = open_page(PAGE)
    disputes = _disputes()
    share = sum(d["outcome"] == "mediated" for d in disputes) / len(disputes)
    assert metric_values(at)["调解成功率"] == f"{share * 100:.1f}%"


def test_one_community_shows_that_communitys_figures(open_page):
    at = open_page(PAGE, community=EAST)
    assert_clean(at)
    shown = metric_values(at)
    expected = _expected(EAST)
    assert {k: shown.get(k) for k in expected} == expected
    assert shown["志愿者"] != "170人"
    # Its groups and honours only.
    groups = [g["name"] for g in sample_rows("elderly_groups") if g["community_code"] == EAST]
    tables = [df.value for df in at.dataframe]
    assert any(list(t.get("name", [])) == groups for t in tables)
    honour_tables = [t for t in tables if "title" in t.columns]
    assert len(honour_tables) == 1 and set(honour_tables[0]["community"]) == {"东部社区"}


def test_the_older_residents_groups_and_centre(open_page):
    at = open_page(PAGE)
    groups = next(df.value for df in at.dataframe if "founded_on" in df.value.columns)
    assert list(groups["name"]) == ["中青戏曲演唱社", "老年人晨练队", "夕阳红艺术团"]
    assert list(groups["members"]) == [int(g["members"]) for g in sample_rows("elderly_groups")]
    text = " ".join(m.value for m in at.markdown)
    assert "东城新苑养老服务中心" in text and "运营中" in text
    deck = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    layers = {layer["id"]: layer for layer in deck["layers"]}
    # Every compound, sized by residents 60+; the one elderly service point and its reach.
    compounds = layers["cl-compounds"]["data"]
    assert len(compounds) == len(sample_rows("compounds"))
    assert sorted(c["old"] for c in compounds) == sorted(
        int(c["residents_60_plus"]) for c in sample_rows("compounds")
    )
    assert len(layers["cl-points"]["data"]) == 1 and layers["cl-reach"]["getRadius"] == 500


def test_the_volunteer_chart_switches_between_visits_and_time(open_page):
    at = open_page(PAGE)
    captions = " ".join(c.value for c in at.caption)
    assert "计的是次数，不是时间" in captions
    at.radio(key="cl_vol").set_value("hours").run()
    assert_clean(at)
    captions = " ".join(c.value for c in at.caption)
    hours = round(sum(float(a["hours"]) for a in _activities()))
    assert f"全期共 {hours:,}小时" in captions and "计的是时间" in captions
    assert "小时 小时" not in captions and "平均每名志愿者" in captions
    assert at.query_params.get("vol") == "hours"


def test_the_disputes_breakdown_by_category_and_by_grid(open_page):
    at = open_page(PAGE)
    table = next(df.value for df in at.dataframe if "median_days" in df.value.columns)
    neighbour = sum(d["category"] == "neighbour" for d in _disputes())
    assert table.set_index("category").loc["邻里纠纷", "screened"] == neighbour
    at.radio(key="cl_disp_by").set_value("grid").run()
    assert_clean(at)
    grid = next(df.value for df in at.dataframe if "open_30" in df.value.columns)
    assert len(grid) == len(sample_rows("grids"))
    # Published grid counts are the CSVs'; the rest carry a marker, never a small count.
    by_grid: dict[str, int] = {}
    for d in _disputes():
        by_grid[d["grid_code"]] = by_grid.get(d["grid_code"], 0) + 1
    names = {g["name"]: g["code"] for g in sample_rows("grids")}
    for name, shown in zip(grid["grid"], grid["screened"], strict=True):
        assert shown in ("<3", "*") or int(shown.replace(",", "")) == by_grid.get(names[name], 0)
        assert shown not in ("1", "2")
    assert at.query_params.get("disp_by") == "grid"


def test_a_link_opens_the_chosen_views(open_page):
    at = open_page(PAGE, vol="hours", disp_by="grid")
    assert_clean(at)
    assert at.radio(key="cl_vol").value == "hours"
    assert any("open_30" in df.value.columns for df in at.dataframe)


def test_a_grid_of_few_disputes_shows_no_count(open_page):
    """A grid with 1–2 disputes in the year: its cards carry the marker, the median too, and the
    grid table agrees with the cards."""
    counts: dict[str, int] = {}
    for d in _disputes():
        counts[d["grid_code"]] = counts.get(d["grid_code"], 0) + 1
    small = next(g for g, n in sorted(counts.items()) if n < 3)
    at = open_page(PAGE, grid=small)
    assert_clean(at)
    shown = metric_values(at)
    assert shown["排查矛盾纠纷"] in ("<3件", "*")
    assert shown["调解成功率"] == "*" and shown["化解天数（中位数）"] == "*"
    grid = next(df.value for df in at.dataframe if "open_30" in df.value.columns)
    assert grid["screened"].tolist() == [shown["排查矛盾纠纷"].removesuffix("件")]


def test_before_the_centre_opened(open_page):
    at = open_page(PAGE, **{"from": "2022-03", "to": "2022-03"})
    assert_clean(at)
    text = " ".join(m.value for m in at.markdown)
    assert "期末尚未投入使用" in text
    assert any("期末没有运营中的养老服务网点" in c.value for c in at.caption)


def test_english_names_the_awarding_bodies_in_english(open_page):
    """Honours' awarding bodies are recorded in Chinese; the English view shows their English
    names (市民政局 → City Civil Affairs Bureau), and the team's caption says what 两委 is."""
    at = open_page(PAGE, lang="en")
    assert_clean(at)
    tables = [d.value for d in at.dataframe]
    honours = next(t for t in tables if "awarded_by" in t.columns)
    recorded = {h["awarded_by"] for h in sample_rows("honours")}
    assert "市民政局" in recorded
    shown = set(honours["awarded_by"])
    assert "City Civil Affairs Bureau" in shown and not (shown & recorded)
    captions = " ".join(c.value for c in at.caption)
    assert "两委" not in captions
