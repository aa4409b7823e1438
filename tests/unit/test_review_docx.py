"""The work summary's DOCX reads like a county 工作总结: A4, headings 一、二、三 with 一是…二是…,
named fonts, an opening paragraph, 存在问题 from the red and amber figures, 下一步工作, money in
万元, only events inside the period, the office as author."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm

from components.review.docx_export import FANG, HEI, summary_docx
from data_access import metrics
from data_access.filters import Filters
from data_access.review.summary import draft
from data_access.review.topics import TOPICS
from data_access.text import t
from tests.conftest import EAST, SAMPLE_PERIOD, sample_rows

EAST_H1 = Filters((EAST,), (), "2022-01", "2022-06")


def _document(engine, f: Filters):
    with engine.connect() as conn:
        summary = draft(conn, f, "zh")
    return summary, docx.Document(io.BytesIO(summary_docx(summary)))


def _texts(document) -> list[str]:
    return [p.text for p in document.paragraphs if p.text.strip()]


@pytest.mark.parametrize("f", [SAMPLE_PERIOD, EAST_H1], ids=["county", "east-h1"])
def test_a4_headings_fonts_and_author(engine, f):
    summary, document = _document(engine, f)
    section = document.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1)
    texts = _texts(document)
    headings = [x for x in texts if len(x) < 20 and x[1:2] == "、"]
    assert [h[0] for h in headings] == list("一二三四五六七八九十")[: len(headings)]
    assert headings[-1] == "七、下一步工作" or headings[-1].endswith("下一步工作")
    assert texts[2].startswith(f"{f.start}至{f.end}")  # the opening paragraph
    assert any(x.startswith("一是") and "；二是" in x for x in texts)
    fonts = {
        r._element.rPr.rFonts.get(qn("w:eastAsia")) for p in document.paragraphs for r in p.runs
    }
    assert fonts == {HEI, FANG}
    assert document.core_properties.author == t("summary.author", "zh") != "python-docx"
    assert "Heading" not in {p.style.name.split()[0] for p in document.paragraphs}


@pytest.mark.parametrize("f", [SAMPLE_PERIOD, EAST_H1], ids=["county", "east-h1"])
def test_problems_are_the_red_and_amber_figures(engine, f):
    _, document = _document(engine, f)
    texts = _texts(document)
    i = texts.index(next(x for x in texts if x.endswith("、存在问题")))
    problems = texts[i + 1]
    flagged, fine = set(), set()
    with engine.connect() as conn:
        for key in {k for topic in TOPICS for k in topic.cards}:
            s = metrics.snapshot(conn, key, f)
            label = t(f"metric.{key}.label", "zh")
            (flagged if s.status in ("red", "amber") else fine).add(label)
    assert flagged
    for label in flagged:
        assert label in problems, label
    for label in fine - {lab for lab in flagged for _ in [0]}:
        assert not any(label == other for other in flagged)
        assert f"是{label}" not in problems, label


def test_the_new_office_and_complete_facilities_come_from_the_data(engine):
    _, document = _document(engine, SAMPLE_PERIOD)
    text = "\n".join(_texts(document))
    project = next(r for r in sample_rows("projects") if r["id"] == "XM01")
    assert f"{project['name']}（建筑面积{int(float(project['floor_area_m2']))}平方米）" in text
    assert "412平方米" in text
    assert "“六室三站一场”配备齐全" in text
    assert "84.6万元" in text and "846,000元" not in text  # money in 万元


def _elected_between(start: str, end: str, community: str | None) -> int:
    first = dt.date.fromisoformat(start + "-01")
    last = dt.date.fromisoformat(end + "-28")
    people = {
        r["cadre_id"]
        for r in sample_rows("cadre_posts")
        if first <= dt.date.fromisoformat(r["elected_on"]) <= last + dt.timedelta(days=3)
        and (community is None or r["community_code"] == community)
    }
    return len(people)


def test_only_events_inside_the_period(engine):
    assert _elected_between("2022-01", "2022-06", EAST) == 0
    _, document = _document(engine, EAST_H1)
    text = "\n".join(_texts(document))
    assert "选举产生" not in text and "现有社区干部" in text
    assert "老城社区新址" not in text  # another community's project
    n = _elected_between("2021-07", "2022-06", None)
    assert n > 0
    _, document = _document(engine, SAMPLE_PERIOD)
    assert f"选举产生社区干部{n}名" in "\n".join(_texts(document))
