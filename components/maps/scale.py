"""A scale bar for the map's opening view (deck.gl draws none).

Its length is a round distance (1, 2 or 5 × 10ⁿ m) at most `max_px` long, measured at the view's
centre latitude: at county scale web mercator's stretch across the map is far below a pixel.
It holds for the zoom the map opens at; the text says so.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass

from components.maps.view import View

STEPS = (1, 2, 5)


@dataclass(frozen=True)
class ScaleBar:
    metres: float
    px: float


def scale_bar(view: View, max_px: float = 110) -> ScaleBar:
    """The longest round distance whose bar fits in max_px at the view's zoom and latitude."""
    per_px = view.metres_per_pixel()
    limit = max_px * per_px
    exponent = math.floor(math.log10(limit))
    metres = max(
        (s * 10**e for e in (exponent - 1, exponent) for s in STEPS if s * 10**e <= limit),
        default=10**exponent,
    )
    return ScaleBar(float(metres), metres / per_px)


def scale_bar_html(bar: ScaleBar, length_text: str, title: str) -> str:
    """'0 ▁▁▁▁ 200 米' as HTML: the bar is exactly bar.px wide, ticks at both ends."""
    width = round(bar.px)
    return (
        f'<div class="map-scale" role="img" aria-label="{html.escape(title)}: '
        f'{html.escape(length_text)}" title="{html.escape(title)}" '
        'style="display:flex;align-items:flex-end;gap:6px;font-size:13px;line-height:1;'
        'color:#1A1A1A;margin:2px 0 6px 2px">'
        "<span>0</span>"
        f'<span style="display:inline-block;width:{width}px;height:7px;box-sizing:border-box;'
        'border:2px solid #1A1A1A;border-top:none"></span>'
        f"<span>{html.escape(length_text)}</span>"
        f'<span style="color:#6B6B6B;font-size:12px;margin-left:6px">{html.escape(title)}</span>'
        "</div>"
    )
