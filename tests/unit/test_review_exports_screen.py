"""Exports are the screen: the 累计 note where a target counts from an earlier month, the chart
of the figure chosen on screen, the area and period in every file name and slide title, and
chart text of at least 12 pt on a slide."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest
from PIL import Image
from pptx import Presentation

from components.review.deck import SLIDE_CHART, build_deck, period_text, ranking
from components.review.files import figure_spec, file_name
from components.review.pdf_export import deck_pdf
from components.review.pptx_export import deck_pptx
from data_access import metrics
from data_access.filters import Filters
from data_access.review.summary import area_text
from data_access.review.topics import TOPICS
from data_access.text import t
from tests.conftest import EAST, SAMPLE_PERIOD

EAST_H1 = Filters((EAST,), (), "2022-01", "2022-06")
SCALE = 2.0  # components.review.images renders at twice the spec's pixels


@pytest.fixture(scope="module")
def east_deck(engine):
    with engine.connect() as conn:
        return build_deck(conn, EAST_H1, "zh")


def _slide_text(slide) -> str:
    return "\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)


def _ytd_notes(conn, f: Filters) -> dict[str, str]:
    """Figures whose target period starts before the chosen period: key → the note."""
    out = {}
    for topic in TOPICS:
        for key in topic.cards:
            s = metrics.snapshot(conn, key, f)
            flow = metrics.get(key).kind == "flow"
            if s.progress is not None and flow and s.target.start != f.start:
                out[key] = f"自 {s.target.start} 累计"
    return out


def test_the_east_half_year_has_figures_counted_from_an_earlier_month(engine):
    with engine.connect() as conn:
        notes = _ytd_notes(conn, EAST_H1)
    assert "reemployed" in notes and notes["reemployed"] == "自 2021-07 累计"


def test_pptx_and_pdf_carry_the_cumulative_note(engine, east_deck):
    with engine.connect() as conn:
        notes = _ytd_notes(conn, EAST_H1)
    prs = Presentation(io.BytesIO(deck_pptx(east_deck)))
    slides = list(prs.slides)[1:-1]
    for topic, slide in zip(TOPICS, slides, strict=True):
        text = _slide_text(slide)
        for key in topic.cards:
            if key in notes:
                assert notes[key] in text, (topic.key, key)
    pdf = deck_pdf(east_deck)
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    assert "累计" in text and "2021-07" in text
    # the slide titles carry the area and the period
    assert "东部社区 2022-01至2022-06" in text


def test_every_slide_title_names_the_area_and_period(east_deck):
    prs = Presentation(io.BytesIO(deck_pptx(east_deck)))
    for slide in prs.slides:
        assert "东部社区" in _slide_text(slide) and "2022-01至2022-06" in _slide_text(slide)


def test_file_names_carry_area_and_period(engine):
    with engine.connect() as conn:
        names = {
            file_name(
                t("review.file.deck", "zh"), area_text(conn, f, "zh"), period_text(f, "zh"), e
            )
            for f in (SAMPLE_PERIOD, EAST_H1)
            for e in ("pptx",)
        }
    assert names == {
        "社区建设工作汇报_全部社区_2021-07至2022-06.pptx",
        "社区建设工作汇报_东部社区_2022-01至2022-06.pptx",
    }
    assert (
        file_name("a/b", 'x:"y"', "2022-01 to 2022-06", "png") == "a-b_x-y_2022-01-to-2022-06.png"
    )


def test_the_png_is_the_chosen_figures_chart(engine):
    with engine.connect() as conn:
        specs = {
            key: figure_spec(ranking(conn, EAST_H1, key, "zh"), key, "zh", "劳动就业", "范围")
            for key in ("reemployed", "placed_4050")
        }
        placed = metrics.by_community(conn, "placed_4050", EAST_H1)
    spec = specs["placed_4050"]
    assert t("metric.placed_4050.label", "zh") in spec["title"]["text"]
    rows = next(iter(spec["datasets"].values()))
    assert [r["value"] for r in rows] == [float(placed[EAST])]
    assert specs["reemployed"]["datasets"] != spec["datasets"]


def _smallest_font(spec: dict) -> float:
    sizes = []
    config = spec.get("config", {})
    sizes += [config.get("axis", {}).get(k) for k in ("labelFontSize", "titleFontSize")]
    sizes += [spec["title"].get(k) for k in ("fontSize", "subtitleFontSize")]
    for layer in spec.get("layer", []):
        mark = layer.get("mark", {})
        if isinstance(mark, dict) and mark.get("type") == "text":
            sizes.append(mark.get("fontSize"))
    return min(s for s in sizes if s)


@pytest.mark.parametrize("f", [SAMPLE_PERIOD, EAST_H1], ids=["county", "east-h1"])
def test_chart_text_on_a_slide_is_at_least_12_pt(engine, f):
    with engine.connect() as conn:
        deck = build_deck(conn, f, "zh")
    prs = Presentation(io.BytesIO(deck_pptx(deck)))
    for page, slide in zip(deck.pages, list(prs.slides)[1:-1], strict=True):
        picture = next(s for s in slide.shapes if s.shape_type == 13)
        png = Image.open(io.BytesIO(picture.image.blob))
        inches = picture.width / 914400
        points_per_spec_px = inches * 72 / (png.width / SCALE)
        smallest = _smallest_font(page.chart) * points_per_spec_px
        assert smallest >= 12, (page.key, round(smallest, 1))
    assert SLIDE_CHART["font"] >= 12


def test_a_long_english_slide_title_is_set_to_fit_its_line():
    from components.review import layout as L

    title = "Volunteering and community life · all communities 2021-07 to 2022-06"
    points = L.title_points(title)
    line_pt = (L.WIDTH - 2 * L.MARGIN) * 72
    assert points * 0.6 * len(title) <= line_pt, points  # a bold Latin letter ≈ 0.6 em
    assert L.title_points("社区服务网点 · 全部社区 2021-07 至 2022-06") == L.TITLE_PT
