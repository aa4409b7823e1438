"""The drafted work summary: the source document's sentences from the snapshots of the filters."""

from __future__ import annotations

import dataclasses
import re

import pytest

from data_access import metrics
from data_access.filters import Filters
from data_access.review.summary import SENTENCES, change_clause, draft
from data_access.text import numbers, t
from tests.conftest import EAST, SAMPLE_PERIOD, jobseeker_groups, operating_ids, sample_rows


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[。.])\s*", text) if s]


def _in_a_sentence(summary, number: str) -> str:
    """The one sentence holding `number` as a whole figure (not part of a longer one)."""
    pattern = re.compile(rf"(?<![\d,.]){re.escape(number)}(?![\d,])")
    found = [s for p in summary.paragraphs for s in p.items if pattern.search(s)]
    assert found, f"{number} not in any sentence of {summary.text}"
    return found[0]


def test_the_sample_county_reads_like_the_source_document(conn):
    summary = draft(conn, SAMPLE_PERIOD, "zh")
    assert "社区服务网点138个" in _in_a_sentence(summary, "138")
    assert "为1,276名低保对象" in _in_a_sentence(summary, "1,276")
    assert "58户特困家庭" in _in_a_sentence(summary, "58")
    assert "再就业373人" in _in_a_sentence(summary, "373")
    assert "530名待业青年" in _in_a_sentence(summary, "530")
    volunteers = _in_a_sentence(summary, "170")
    assert "志愿者组织7个" in volunteers and "志愿者170名" in volunteers
    assert "资金84.6万元" in _in_a_sentence(summary, "84.6万元")  # money in 万元
    assert "全部社区" in summary.title and "2021-07" in summary.scope


def test_cadres_older_residents_and_honours_as_the_source_document_counts_them(conn):
    """选举产生的社区干部中，大专以上文化程度8名，大专以下21名；35岁以下4名，35岁以上25名；中共党员16名。
    先后12次被……授予……荣誉称号。Counted here from the sample CSVs."""
    summary = draft(conn, SAMPLE_PERIOD, "zh")
    end = "2022-06-30"  # the period's last day
    seated = {
        r["cadre_id"]
        for r in sample_rows("cadre_posts")
        if r["elected_on"] <= end and not (r["left_on"] and r["left_on"] <= end)
    }
    cadres = [r for r in sample_rows("cadres") if r["id"] in seated]
    college = sum(r["education"] == "college_plus" for r in cadres)
    party = sum(r["party_member"] in ("1", "true", "True") for r in cadres)
    assert (len(cadres), college, party) == (29, 8, 16)
    # Each figure may be followed by its change against the year before ("，比上期增加7名").
    assert f"选举产生社区干部{len(cadres)}名" in summary.text
    assert f"其中大专以上文化程度{college}名，35岁以下4名，中共党员{party}名" in summary.text
    groups = [r for r in sample_rows("elderly_groups") if r["founded_on"] <= end]
    assert f"成立为老服务组织{len(groups)}个" in summary.text
    honours = [r for r in sample_rows("honours") if int(r["year"]) <= 2022]
    assert len(honours) == 12 and "先后获得各级荣誉称号12项" in summary.text


def test_english_summary_holds_the_same_figures(conn):
    text = draft(conn, SAMPLE_PERIOD, "en").text
    money = numbers.figure(846000, "yuan", "en", compact=True)
    for number in ("138", "1,276", "58", "373", "530", "170", money):
        assert number in text
    assert "elected. Of them" in text  # the cadres' profile joins their sentence, spaced
    for name in ["全部社区", *(r["name"] for r in sample_rows("projects"))]:
        text = text.replace(name, "")  # names from the data stay as they are
    assert not re.search(r"[\u4e00-\u9fff]", text)


def test_one_community_gives_that_communitys_numbers(conn):
    """Figures counted here from the sample CSVs, not from the metrics under test."""
    f = Filters((EAST,), (), "2021-07", "2022-06")
    points = {r["id"]: r["community_code"] for r in sample_rows("service_points")}
    service = sum(1 for i in operating_ids("2022-06-30") if points[i] == EAST)
    funding = sum(
        float(r["amount_yuan"])
        for r in sample_rows("funding")
        if r["community_code"] == EAST and "2021-07-01" <= r["received_on"] <= "2022-06-30"
    )
    volunteers = sum(
        int(r["members"])
        for r in sample_rows("volunteer_orgs")
        if r["community_code"] == EAST and r["founded_on"] <= "2022-06-30"
    )
    groups = jobseeker_groups()
    reemployed = sum(
        1
        for r in sample_rows("jobseekers")
        if r["community_code"] == EAST
        and "2021-07-01" <= r["placed_on"] <= "2022-06-30"
        and "laid_off" in groups.get(r["person_no"], ())
    )
    summary = draft(conn, f, "zh")
    assert f"社区服务网点{service}个" in summary.text
    assert f"资金{numbers.figure(funding, 'yuan', 'zh', compact=True)}" in summary.text
    assert f"志愿者{volunteers}名" in summary.text
    assert f"再就业{reemployed}人" in summary.text
    assert "东部社区" in summary.title
    county = draft(conn, SAMPLE_PERIOD, "zh").text
    assert f"社区服务网点{service}个" not in county  # not the county's number


@pytest.mark.parametrize("missing", ["reemployed", "tekun_households", "funding_raised"])
def test_a_figure_without_data_drops_its_sentence(conn, missing):
    def snap(c, key, f):
        s = metrics.snapshot(c, key, f)
        return dataclasses.replace(s, value=None, change=None) if key == missing else s

    full = draft(conn, SAMPLE_PERIOD, "zh")
    cut = draft(conn, SAMPLE_PERIOD, "zh", snap=snap)
    value = f"{metrics.value(conn, missing, SAMPLE_PERIOD):,.0f}"
    # Exactly the figure's sentence is gone (its number may appear elsewhere, as a change).
    kept = {s for p in cut.paragraphs for s in p.items}
    dropped = [s for p in full.paragraphs for s in p.items if s not in kept]
    if missing == "funding_raised":  # money reads in 万元
        value = numbers.figure(metrics.value(conn, missing, SAMPLE_PERIOD), "yuan", compact=True)
    assert len(dropped) == 1 and value in dropped[0]
    assert "—" not in cut.text
    assert (
        sum(len(p.items) for p in cut.paragraphs) == sum(len(p.items) for p in full.paragraphs) - 1
    )


def test_a_withheld_figure_is_not_written_as_zero(conn):
    def snap(c, key, f):
        s = metrics.snapshot(c, key, f)
        if key == "tekun_households":
            return dataclasses.replace(s, value=None, suppressed=True, marker="<3")
        return s

    summary = draft(conn, SAMPLE_PERIOD, "zh", snap=snap)
    text = next(p.text for p in summary.paragraphs if p.topic == "assistance")
    assert "特困" not in text and "<3" not in text and "0户" not in text


def test_a_topic_without_any_figure_is_left_out(conn):
    def snap(c, key, f):
        s = metrics.snapshot(c, key, f)
        gone = ("reemployed", "youth_informed")
        return dataclasses.replace(s, value=None) if key in gone else s

    summary = draft(conn, SAMPLE_PERIOD, "zh", snap=snap)
    assert "employment" not in [p.topic for p in summary.paragraphs]
    assert not any(
        summary.heading(i).endswith(t("review.topic.employment", "zh"))
        for i in range(len(summary.paragraphs))
    )


def test_a_changed_figure_says_so_against_the_previous_period(conn):
    f = Filters((EAST,), (), "2022-01", "2022-06")
    summary = draft(conn, f, "zh")
    for key in ("service_points", "funding_raised", "reemployed"):
        s = metrics.snapshot(conn, key, f)
        assert s.change is not None
        clause = change_clause(s, "zh")
        if s.change > 0:
            assert clause.startswith("，比上期增加")
        elif s.change < 0:
            assert clause.startswith("，比上期减少")
        assert clause in summary.text
    # the first year of the records has no previous period in the data: no comparison is
    # claimed; the sample year has the year before it
    assert "比上期" not in draft(conn, Filters((), (), "2020-07", "2021-06"), "zh").text
    assert "比上期" in draft(conn, SAMPLE_PERIOD, "zh").text


def test_grid_filter_leaves_out_figures_not_kept_by_grid(conn):
    grid = sample_rows("grids")[0]["code"]
    f = Filters((), (grid,), "2021-07", "2022-06")
    text = draft(conn, f, "zh").text
    assert not metrics.grid_level("funding_raised")
    assert "筹措" not in text


def test_every_sentence_names_its_figures():
    for group in SENTENCES.values():
        for s in group:
            for lang in ("zh", "en"):
                text = t(f"summary.s.{s.name}", lang)
                for key in s.figures:
                    assert "{" + key + "}" in text
                assert ("{change}" in text) == s.compare
