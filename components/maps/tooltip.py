"""The hover box every map uses: a bold title and up to three lines, in the app's CJK font stack.

deck.gl fills the template from the hovered object's fields, and a field the object lacks shows
as its name, so every pickable object carries all of t0..t3 (`tip` pads them).
"""

from __future__ import annotations

FONT = "Noto Sans CJK SC, Microsoft YaHei, PingFang SC, sans-serif"
LINES = 3


def tooltip(lines: int = LINES) -> dict:
    """pydeck's tooltip argument: '<b>{t0}</b><br/>{t1}…' styled for a projector."""
    return {
        "html": "<b>{t0}</b>" + "".join(f"<br/>{{t{i}}}" for i in range(1, lines + 1)),
        "style": {
            "fontFamily": FONT,
            "fontSize": "14px",
            "backgroundColor": "rgba(255, 255, 255, 0.96)",
            "color": "#1A1A1A",
            "border": "1px solid #9E9E9E",
            "padding": "6px 10px",
        },
    }


def tip(title: str, *lines: str, n: int = LINES) -> dict[str, str]:
    """The tooltip fields of one object: title and n lines, empty ones padded."""
    padded = [*lines, *[""] * n][:n]
    return {"t0": title, **{f"t{i + 1}": text for i, text in enumerate(padded)}}
