"""The deck as PDF, page for page as the PPTX (same layout, `components.review.layout`), made with
fpdf2 — no LibreOffice, no browser — so it works on a county office's Windows PC.

Chinese needs a CJK font embedded: Noto Sans CJK (Debian/Ubuntu `fonts-noto-cjk`) or, on Windows,
Microsoft YaHei / SimHei; the first found in `FONT_CANDIDATES` is used (subset into the file).
"""

from __future__ import annotations

import io
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import TextMode

from components.review import layout as L
from components.review.deck import Deck, TopicPage
from components.review.images import chart_png
from components.review.pptx_export import attention_lines, card_lines, title_slide
from data_access.text import t

# (path, index in a font collection)
FONT_CANDIDATES: tuple[tuple[str, int], ...] = (
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),  # 2: Simplified Chinese
    ("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", 2),
    ("C:/Windows/Fonts/msyh.ttc", 0),
    ("C:/Windows/Fonts/simhei.ttf", 0),
)
FAMILY = "cjk"


class NoCjkFont(RuntimeError):
    """No font able to write Chinese was found (install fonts-noto-cjk)."""


def cjk_font() -> tuple[str, int]:
    for path, index in FONT_CANDIDATES:
        if Path(path).exists():
            return path, index
    raise NoCjkFont("no CJK font found: install fonts-noto-cjk (Noto Sans CJK)")


class _Pdf(FPDF):
    def __init__(self) -> None:
        super().__init__(orientation="L", unit="in", format=(L.HEIGHT, L.WIDTH))
        self.set_auto_page_break(False)
        self.set_margins(0, 0, 0)
        path, index = cjk_font()
        self.add_font(FAMILY, "", path, collection_font_number=index)

    def lines(self, x, y, w, h, lines, align="L") -> None:
        """Lines of (text, points, bold, rgb) top-down in a box (bold drawn by a thin stroke)."""
        cursor = y
        for text, size, bold, colour in lines:
            self.set_font(FAMILY, "", size)
            self.set_text_color(*colour)
            self.text_mode = TextMode.FILL_STROKE if bold else TextMode.FILL
            self.set_draw_color(*colour)
            self.set_line_width(0.004)
            line_h = size / 72 * 1.3
            self.set_xy(x, cursor)
            self.multi_cell(w, line_h, text, align=align, new_x="LEFT", new_y="NEXT")
            cursor = self.get_y()
            if cursor > y + h:
                break
        self.text_mode = TextMode.FILL


def _header(pdf: _Pdf, title: str, deck: Deck, number: int) -> None:
    width = L.WIDTH - 2 * L.MARGIN
    pdf.lines(
        L.MARGIN, L.TITLE_Y + 0.1, width, L.TITLE_H, [(title, L.title_points(title), True, L.INK)]
    )
    pdf.lines(
        L.MARGIN, L.SCOPE_Y + 0.05, width, L.SCOPE_H, [(deck.scope, L.SCOPE_PT, False, L.GREY)]
    )
    foot = f"{deck.title} · {number}"
    pdf.lines(L.MARGIN, L.FOOT_Y + 0.05, width, 0.35, [(foot, L.FOOT_PT, False, L.GREY)], "R")


def _topic_page(pdf: _Pdf, deck: Deck, page: TopicPage, number: int) -> None:
    pdf.add_page()
    _header(pdf, deck.slide_title(page.title), deck, number)
    for c, (x, y, w, h) in zip(page.cards, L.card_boxes(len(page.cards)), strict=True):
        pdf.set_fill_color(*L.CARD_FILL)
        colour = L.STATUS_RGB.get(c.status or "")
        if colour:
            pdf.set_draw_color(*colour)
            pdf.set_line_width(2 / 72)
            pdf.rect(x, y, w, h, style="DF")
        else:
            pdf.rect(x, y, w, h, style="F")
        pdf.lines(x + 0.12, y + 0.08, w - 0.24, h - 0.1, card_lines(c, deck.lang))
    png = chart_png(page.chart)
    x, y, w, h = L.fit_image(png)
    pdf.image(io.BytesIO(png), x=x, y=y, w=w, h=h)


def _closing_page(pdf: _Pdf, deck: Deck, number: int) -> None:
    pdf.add_page()
    _header(pdf, deck.slide_title(t("review.attention", deck.lang)), deck, number)
    y = L.BODY_Y
    for label, value, word, status in attention_lines(deck):
        colour = L.STATUS_RGB.get(status or "", L.INK)
        pdf.lines(L.MARGIN + 0.1, y + 0.05, 5.6, L.ATTENTION_ROW_H, [(label, 18, False, L.INK)])
        pdf.lines(L.MARGIN + 5.9, y + 0.05, 3.2, L.ATTENTION_ROW_H, [(value, 18, True, L.INK)])
        pdf.lines(L.MARGIN + 9.3, y + 0.05, 3.1, L.ATTENTION_ROW_H, [(word, 18, True, colour)])
        y += L.ATTENTION_ROW_H
    if deck.attention:
        rule = t("review.attention.rule", deck.lang)
        pdf.lines(
            L.MARGIN + 0.1,
            y + 0.15,
            L.WIDTH - 2 * L.MARGIN,
            0.4,
            [(rule, L.NOTE_PT, False, L.GREY)],
        )


def deck_pdf(deck: Deck) -> bytes:
    """The PDF file's bytes: the same pages as `deck_pptx`."""
    pdf = _Pdf()
    pdf.set_title(deck.slide_title(deck.title))
    pdf.add_page()
    for y, h, text, size, bold, colour in title_slide(deck):
        pdf.lines(1.0, y + 0.1, L.WIDTH - 2.0, h, [(text, size, bold, colour)], "C")
    for i, page in enumerate(deck.pages, start=2):
        _topic_page(pdf, deck, page, i)
    _closing_page(pdf, deck, len(deck.pages) + 2)
    return bytes(pdf.output())
