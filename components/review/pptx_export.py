"""The deck as PPTX (python-pptx): a title slide, one slide per topic — its cards as native,
editable text boxes and its ranking chart as a picture — and a closing slide of the figures that
need attention. The area, period and data date are on every slide."""

from __future__ import annotations

import io

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import PP_ALIGN
from pptx.util import Inches, Pt

from components.review import layout as L
from components.review.deck import Card, Deck, TopicPage
from components.review.images import chart_png
from data_access.text import t

FONT = "Microsoft YaHei"  # PowerPoint substitutes a CJK font where it is missing


def _rgb(c: tuple[int, int, int]) -> RGBColor:
    return RGBColor(*c)


def _text(slide, x, y, w, h, lines, align=PP_ALIGN.LEFT):
    """A text box; lines: [(text, points, bold, rgb)], one paragraph each."""
    box = slide.shapes.add_textbox(Inches(x), Inches(y), Inches(w), Inches(h))
    frame = box.text_frame
    frame.word_wrap = True
    for i, (text, size, bold, colour) in enumerate(lines):
        para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        para.alignment = align
        run = para.add_run()
        run.text = text
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.name = FONT
        run.font.color.rgb = _rgb(colour)
    return box


def _header(slide, title: str, deck: Deck, number: int) -> None:
    _text(
        slide,
        L.MARGIN,
        L.TITLE_Y,
        L.WIDTH - 2 * L.MARGIN,
        L.TITLE_H,
        [(title, L.title_points(title), True, L.INK)],
    )
    _text(
        slide,
        L.MARGIN,
        L.SCOPE_Y,
        L.WIDTH - 2 * L.MARGIN,
        L.SCOPE_H,
        [(deck.scope, L.SCOPE_PT, False, L.GREY)],
    )
    foot = f"{deck.title} · {number}"
    _text(
        slide,
        L.MARGIN,
        L.FOOT_Y,
        L.WIDTH - 2 * L.MARGIN,
        0.35,
        [(foot, L.FOOT_PT, False, L.GREY)],
        PP_ALIGN.RIGHT,
    )


def card_lines(c: Card, lang: str) -> list[tuple[str, int, bool, tuple[int, int, int]]]:
    lines = [(c.label, L.LABEL_PT, False, L.GREY), (c.value, L.VALUE_PT, True, L.INK)]
    note = []
    if c.status_word:
        note.append(c.status_word)
    if c.change:
        note.append(t("review.card.change", lang, change=c.change))
    if note:
        colour = L.STATUS_RGB.get(c.status or "", L.GREY)
        lines.append(("  ".join(note), L.NOTE_PT, bool(c.status_word), colour))
    if c.target:
        lines.append((c.target, L.NOTE_PT - 1, False, L.GREY))
    return lines


def _card(slide, c: Card, box, lang: str) -> None:
    x, y, w, h = box
    shape = slide.shapes.add_shape(1, Inches(x), Inches(y), Inches(w), Inches(h))  # rectangle
    shape.fill.solid()
    shape.fill.fore_color.rgb = _rgb(L.CARD_FILL)
    line_colour = L.STATUS_RGB.get(c.status or "")
    if line_colour:
        shape.line.color.rgb = _rgb(line_colour)
        shape.line.width = Pt(2)
    else:
        shape.line.fill.background()
    _text(slide, x + 0.1, y + 0.03, w - 0.2, h - 0.06, card_lines(c, lang))


def _topic_slide(prs, deck: Deck, page: TopicPage, number: int) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    _header(slide, deck.slide_title(page.title), deck, number)
    for c, box in zip(page.cards, L.card_boxes(len(page.cards)), strict=True):
        _card(slide, c, box, deck.lang)
    png = chart_png(page.chart)
    x, y, w, h = L.fit_image(png)
    slide.shapes.add_picture(io.BytesIO(png), Inches(x), Inches(y), Inches(w), Inches(h))


def attention_lines(deck: Deck) -> list[tuple[str, str, str, str | None]]:
    """(label, value, status word, status) of the closing slide, or one line saying all is well."""
    rows = [(c.label, c.value, c.status_word, c.status) for c in deck.attention[: L.ATTENTION_ROWS]]
    return rows or [(t("review.attention.none", deck.lang), "", "", None)]


def _closing_slide(prs, deck: Deck, number: int) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    _header(slide, deck.slide_title(t("review.attention", deck.lang)), deck, number)
    y = L.BODY_Y
    for label, value, word, status in attention_lines(deck):
        colour = L.STATUS_RGB.get(status or "", L.INK)
        _text(slide, L.MARGIN, y, 5.6, L.ATTENTION_ROW_H, [(label, 18, False, L.INK)])
        _text(slide, L.MARGIN + 5.8, y, 3.2, L.ATTENTION_ROW_H, [(value, 18, True, L.INK)])
        _text(slide, L.MARGIN + 9.2, y, 3.1, L.ATTENTION_ROW_H, [(word, 18, True, colour)])
        y += L.ATTENTION_ROW_H
    card_by_key = {c.key: c for c in deck.attention}
    targets = [card_by_key[k].target for k in list(card_by_key)[: L.ATTENTION_ROWS]]
    if any(targets):
        _text(
            slide,
            L.MARGIN,
            y + 0.1,
            L.WIDTH - 2 * L.MARGIN,
            0.4,
            [(t("review.attention.rule", deck.lang), L.NOTE_PT, False, L.GREY)],
        )


def title_slide(deck: Deck) -> list[tuple[float, float, str, int, bool, tuple[int, int, int]]]:
    """(y, height, text, points, bold, rgb) of the title slide: the title, the area and period
    it covers, the scope line, the topics."""
    topics = t("common.list_sep", deck.lang).join(p.title for p in deck.pages)
    return [
        (1.9, 1.0, deck.title, 40, True, L.INK),
        (3.0, 0.7, f"{deck.area} {deck.period}".strip(), 28, True, L.INK),
        (3.9, 0.6, deck.scope, 18, False, L.GREY),
        (4.7, 0.8, topics, 16, False, L.GREY),
    ]


def deck_pptx(deck: Deck) -> bytes:
    """The PPTX file's bytes."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(L.WIDTH), Inches(L.HEIGHT)
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    for y, h, text, size, bold, colour in title_slide(deck):
        _text(slide, 1.0, y, L.WIDTH - 2.0, h, [(text, size, bold, colour)], PP_ALIGN.CENTER)
    for i, page in enumerate(deck.pages, start=2):
        _topic_slide(prs, deck, page, i)
    _closing_slide(prs, deck, len(deck.pages) + 2)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()
