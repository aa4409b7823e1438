"""Map legends drawn with Streamlit beside (or, on a phone, under) the map: pydeck has none.

A legend has a title, rows of (swatch HTML, text) for what is drawn, colour ramps for shaded
layers, and a hint. Swatches: `swatch` (dots, rings, discs), `line` (outlines); `Ramp` explains a
layer shaded by a value, and gives the colour of any value so map and legend always agree.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

import streamlit as st

from components.device import is_mobile
from components.i18n import t
from components.maps.layers import rgba
from data_access.text import has

Item = tuple[str, str]  # (swatch HTML, text)


def swatch(
    fill: str,
    line: str = "#282828",
    size: int = 12,
    ring: bool = False,
    width: float = 1,
    halo: bool = False,
) -> str:
    """A round swatch: filled dot, open ring, or a dot with a black halo (a scenario's new point)."""
    background = "transparent" if ring else fill
    shadow = "box-shadow:0 0 0 2px #FFFFFF,0 0 0 4px #000000;margin-left:3px;" if halo else ""
    return (
        f'<span style="display:inline-block;width:{size}px;height:{size}px;border-radius:50%;'
        f"background:{background};border:{width}px solid {line};{shadow}"
        f'vertical-align:middle;margin-right:{10 if halo else 6}px;flex:none"></span>'
    )


def line(colour: str, width: int) -> str:
    """A short line: an outline's colour and weight."""
    return (
        f'<span style="display:inline-block;width:18px;height:0;border-top:{width}px solid {colour};'
        f'vertical-align:middle;margin-right:6px;flex:none"></span>'
    )


@dataclass(frozen=True)
class Ramp:
    """A sequential colour scale for a shaded layer: colours from low to high (hex), the value
    range, and the texts at both ends (already formatted, e.g. '0 户' … '120 户')."""

    title: str
    colours: Sequence[str]
    low: float
    high: float
    low_text: str
    high_text: str

    def colour(self, value: float, alpha: int = 200) -> list[int]:
        """[r, g, b, a] of a value: linear between the ramp's stops, clamped at both ends."""
        stops = [rgba(c) for c in self.colours]
        span = self.high - self.low
        share = 0.0 if span <= 0 else min(max((value - self.low) / span, 0.0), 1.0)
        pos = share * (len(stops) - 1)
        i = min(int(pos), len(stops) - 2) if len(stops) > 1 else 0
        if len(stops) == 1:
            return [*stops[0][:3], alpha]
        frac = pos - i
        mixed = [
            round(a + (b - a) * frac) for a, b in zip(stops[i][:3], stops[i + 1][:3], strict=True)
        ]
        return [*mixed, alpha]

    def html(self) -> str:
        gradient = ",".join(self.colours)
        return (
            f'<div style="font-size:14px;margin:6px 0 2px">{html.escape(self.title)}</div>'
            f'<div style="width:150px;height:12px;border:1px solid #757575;'
            f'background:linear-gradient(to right,{gradient})"></div>'
            '<div style="width:152px;display:flex;justify-content:space-between;font-size:13px">'
            f"<span>{html.escape(self.low_text)}</span><span>{html.escape(self.high_text)}</span>"
            "</div>"
        )


@dataclass(frozen=True)
class Legend:
    title: str
    items: Sequence[Item] = ()
    ramps: Sequence[Ramp] = ()
    hint: str = ""


def rows_html(items: Sequence[Item]) -> str:
    return "".join(
        f'<div style="display:flex;align-items:center;margin:3px 0;font-size:14px;line-height:1.3">'
        f"{mark}<span>{html.escape(text)}</span></div>"
        for mark, text in items
    )


def draw(legend: Legend) -> None:
    """The legend with Streamlit: title, ramps, rows, hint."""
    st.markdown(f"**{legend.title}**")
    if legend.ramps:
        st.markdown("".join(r.html() for r in legend.ramps), unsafe_allow_html=True)
    if legend.items:
        st.markdown(rows_html(legend.items), unsafe_allow_html=True)
    if legend.hint:
        st.caption(legend.hint)


def hint(key: str) -> str:
    """A map's hint in the reader's language, spoken of taps and pinches on a touch device
    (its `.touch` text) and of the mouse elsewhere."""
    touch = f"{key}.touch"
    return t(touch) if is_mobile() and has(touch) else t(key)
