"""The review meeting's exports, built without a browser: PPTX, PDF, XLSX, PNG, DOCX."""

from __future__ import annotations

import io
import re

import docx
import pandas as pd
import pytest
from PIL import Image
from pptx import Presentation

from components.review.deck import build_deck, ranking, unit_header
from components.review.files import deck_xlsx, page_png, read_tables, sheet_name, summary_docx
from components.review.pdf_export import deck_pdf
from components.review.pptx_export import deck_pptx
from data_access import metrics
from data_access.filters import Filters
from data_access.review.summary import draft
from data_access.review.topics import TOPICS
from data_access.text import numbers, t
from tests.conftest import EAST, SAMPLE_PERIOD

FILTERS = [SAMPLE_PERIOD, Filters((EAST,), (), "2022-01", "2022-06")]


@pytest.fixture(scope="module", params=FILTERS, ids=["county", "east-half-year"])
def deck_and_filters(request, engine):
    with engine.connect() as conn:
        return build_deck(conn, request.param, "zh"), request.param


def _slide_text(slide) -> str:
    return "\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)


def test_pptx_has_a_title_a_slide_per_topic_and_a_closing_slide(deck_and_filters, engine):
    deck, f = deck_and_filters
    prs = Presentation(io.BytesIO(deck_pptx(deck)))
    slides = list(prs.slides)
    assert len(slides) == len(TOPICS) + 2
    assert deck.title in _slide_text(slides[0])
    with engine.connect() as conn:
        for topic, slide in zip(TOPICS, slides[1:-1], strict=True):
            text = _slide_text(slide)
            assert t(f"review.topic.{topic.key}", "zh") in text
            assert deck.scope in text  # the filters and data date on every slide
            for key in topic.cards:
                s = metrics.snapshot(conn, key, f)
                shown = numbers.figure(s.value, s.unit, "zh", compact=True)
                assert shown in text, (key, shown)
            assert any(sh.shape_type == 13 for sh in slide.shapes)  # the chart picture
    closing = _slide_text(slides[-1])
    assert t("review.attention", "zh") in closing
    for c in deck.attention:
        assert c.label in closing and c.value in closing


def test_the_county_closing_slide_lists_red_and_amber_only(deck_and_filters):
    deck, _ = deck_and_filters
    shown = {c.key for p in deck.pages for c in p.cards if c.status in ("red", "amber")}
    assert {c.key for c in deck.attention} == shown
    assert all(c.status in ("red", "amber") for c in deck.attention)


def test_pdf_has_the_same_pages_as_the_deck(deck_and_filters):
    deck, _ = deck_and_filters
    data = deck_pdf(deck)
    assert data.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", data))
    assert pages == len(Presentation(io.BytesIO(deck_pptx(deck))).slides)
    assert re.search(rb"/FontFile[23]?", data)  # the CJK font is embedded


def test_xlsx_holds_the_numbers_of_the_tables(deck_and_filters, engine):
    deck, f = deck_and_filters
    sheets = read_tables(deck_xlsx(deck))
    assert list(sheets) == [p.table_name for p in deck.pages]
    with engine.connect() as conn:
        for page, topic in zip(deck.pages, TOPICS, strict=True):
            sheet = sheets[page.table_name]
            assert list(sheet.columns) == list(page.table.columns)
            pd.testing.assert_frame_equal(
                sheet, page.table, check_dtype=False, check_exact=False, rtol=1e-9
            )
            # and the tables are the figures per community, independently computed
            values = metrics.by_community(conn, topic.lead, f)
            lead = unit_header(topic.lead, "zh")
            for _, row in sheet.iterrows():
                code = next(
                    c
                    for c in values.index
                    if c in _codes_named(conn, row[t("review.col.community", "zh")])
                )
                assert row[lead] == pytest.approx(float(values[code]))
            assert pd.api.types.is_numeric_dtype(sheet[lead])


def _codes_named(conn, name: str) -> set[str]:
    from data_access.areas.queries import communities

    table = communities(conn)
    return set(table.loc[table["name"] == name, "code"])


def test_a_png_per_chart_with_chinese_glyphs(deck_and_filters):
    deck, _ = deck_and_filters
    for page in deck.pages:
        data = page_png(deck, page.key)
        img = Image.open(io.BytesIO(data))
        assert img.format == "PNG" and img.width > 300
    # glyphs, not boxes: a Chinese label draws differently from another one
    a = ranking_spec_png("老城社区")
    b = ranking_spec_png("东部社区")
    assert a != b


def ranking_spec_png(name: str) -> bytes:
    from components.review.deck import ranking_chart
    from components.review.images import chart_png

    table = pd.DataFrame(
        {"rank": [1], "name": [name], "value": [3.0], "shown": ["3个"], "status": ["green"]}
    )
    return chart_png(ranking_chart(table, "service_points", "zh"))


def test_ranking_puts_the_better_community_first(engine):
    with engine.connect() as conn:
        up = ranking(conn, SAMPLE_PERIOD, "service_points", "zh")
        assert list(up["value"]) == sorted(up["value"], reverse=True)
        down = ranking(conn, SAMPLE_PERIOD, "dibao_persons", "zh")  # lower is better
        assert list(down["value"]) == sorted(down["value"])
        assert list(up["rank"]) == [1, 2]
        assert set(up["status"]) <= {"green", "amber", "red"}


def test_summary_docx_holds_the_summary(engine):
    with engine.connect() as conn:
        summary = draft(conn, SAMPLE_PERIOD, "zh")
    document = docx.Document(io.BytesIO(summary_docx(summary)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert summary.title in text and summary.scope in text
    for p in summary.paragraphs:
        assert p.text in text
    assert "社区服务网点138个" in text


def test_english_deck_has_english_headers(engine):
    with engine.connect() as conn:
        deck = build_deck(conn, SAMPLE_PERIOD, "en")
    sheets = read_tables(deck_xlsx(deck))
    assert "Overview" in sheets
    assert "Community" in sheets["Overview"].columns
    assert "Service points (points)" in sheets["Overview"].columns


def test_sheet_names_are_valid_and_unique():
    taken: set[str] = set()
    names = [sheet_name(n, taken) for n in ["a/b", "a/b", "x" * 40, "x" * 40]]
    assert len(set(names)) == 4
    assert all(len(n) <= 31 and "/" not in n for n in names)
