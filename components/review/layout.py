"""Where things sit on a slide (inches, 16:9): one layout for the PPTX deck and its PDF, so the
two read alike page for page."""

from __future__ import annotations

import io

from PIL import Image

WIDTH, HEIGHT = 13.333, 7.5
MARGIN = 0.5
TITLE_Y, TITLE_H = 0.3, 0.75
SCOPE_Y, SCOPE_H = 1.05, 0.4
BODY_Y = 1.6
CARDS_W = 7.6  # the cards' column; the chart takes the rest
CARD_COLUMNS = 2
CARD_GAP = 0.15
FOOT_Y = 7.05
CHART_X = MARGIN + CARDS_W + 0.3
CHART_W = WIDTH - CHART_X - MARGIN
CHART_H = FOOT_Y - BODY_Y - 0.1
ATTENTION_ROW_H = 0.55
ATTENTION_ROWS = 9  # the closing slide lists at most this many, red first

# type sizes in points
TITLE_PT, SCOPE_PT, LABEL_PT, VALUE_PT, NOTE_PT, FOOT_PT = 30, 13, 14, 22, 11, 10
STATUS_RGB = {"green": (0x1B, 0x7F, 0x3B), "amber": (0xB4, 0x53, 0x09), "red": (0xB9, 0x1C, 0x1C)}
GREY = (0x4B, 0x55, 0x63)
INK = (0x11, 0x18, 0x27)
CARD_FILL = (0xF3, 0xF4, 0xF6)


def title_points(title: str) -> int:
    """A slide title with the area and period in it stays on one line: long ones (English
    topics with a long area) are set smaller."""
    # In half-width characters; a bold Latin letter is wider than half a Chinese one (about
    # 0.6 em): at 1 an English title of 53 letters was kept at full size and wrapped onto the
    # scope line below it.
    width = sum(2 if ord(ch) > 0x2E80 else 1.2 for ch in title)
    return TITLE_PT if width <= 56 else max(20, int(TITLE_PT * 56 / width))


def card_boxes(n: int) -> list[tuple[float, float, float, float]]:
    """(x, y, w, h) of n cards in two columns filling the body's height."""
    rows = max(1, -(-n // CARD_COLUMNS))
    w = (CARDS_W - CARD_GAP * (CARD_COLUMNS - 1)) / CARD_COLUMNS
    h = min(1.8, (FOOT_Y - BODY_Y - CARD_GAP * (rows - 1)) / rows)  # room for a 累计 note
    return [
        (
            MARGIN + (i % CARD_COLUMNS) * (w + CARD_GAP),
            BODY_Y + (i // CARD_COLUMNS) * (h + CARD_GAP),
            w,
            h,
        )
        for i in range(n)
    ]


def fit_image(png: bytes) -> tuple[float, float, float, float]:
    """(x, y, w, h) of a chart image scaled to the chart area, keeping its proportions."""
    with Image.open(io.BytesIO(png)) as img:
        ratio = img.height / img.width
    w = CHART_W
    h = w * ratio
    if h > CHART_H:
        h = CHART_H
        w = h / ratio
    return CHART_X + (CHART_W - w) / 2, BODY_Y, w, h
