"""The other exports: a chart as PNG and the file names; the XLSX (`xlsx_export`) and the
DOCX (`docx_export`) are re-exported from here."""

from __future__ import annotations

import re

import pandas as pd

from components.charts import FONT
from components.review.deck import Deck
from components.review.docx_export import summary_docx  # noqa: F401  (re-exported)
from components.review.images import chart_png
from components.review.xlsx_export import deck_xlsx, read_tables  # noqa: F401  (re-exported)
from data_access.text import t

SHEET_BAD = re.compile(r"[\[\]:*?/\\]")


def sheet_name(name: str, taken: set[str]) -> str:
    """A valid, unique sheet name (31 characters, none of []:*?/\\)."""
    base = SHEET_BAD.sub(" ", name)[:31] or "sheet"
    out, n = base, 2
    while out in taken:
        suffix = f" ({n})"
        out, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(out)
    return out


def page_png(deck: Deck, topic: str) -> bytes:
    """The deck's chart of one topic (its lead figure) as PNG, titled (see `titled`)."""
    from components.review.deck import ranking_direction
    from data_access.review.topics import topic as topic_of

    page = next(p for p in deck.pages if p.key == topic)
    direction = ranking_direction(topic_of(topic).lead, deck.lang)
    scope = t("review.png.subtitle", deck.lang, direction=direction, scope=deck.scope)
    return chart_png(titled(page.chart, f"{page.title} · {page.chart_title}", scope))


def figure_spec(table: pd.DataFrame, key: str, lang: str, topic_title: str, scope: str) -> dict:
    """The ranking chart of the figure chosen on screen (`table` is its ranking), titled."""
    from components.review.deck import ranking_chart, ranking_direction

    spec = ranking_chart(table, key, lang, width=420, font=18)
    label = t(f"metric.{key}.label", lang)
    direction = ranking_direction(key, lang)
    subtitle = t("review.png.subtitle", lang, direction=direction, scope=scope)
    return titled(spec, f"{topic_title} · {label}", subtitle)


def titled(chart: dict, title: str, subtitle: str) -> dict:
    """A chart spec with the topic and figure as its title and the area, period and data date
    under it (a picture travels without its slide)."""
    return {
        **chart,
        "title": {
            "text": title,
            "subtitle": subtitle,
            "anchor": "start",
            "font": FONT,
            "subtitleFont": FONT,
            "fontSize": 20,
            "subtitleFontSize": 15,
        },
    }


FILE_BAD = re.compile(r'[<>:"/\\|?*\s]+')


def file_name(base: str, area: str, period: str, ext: str) -> str:
    """'社区建设工作汇报_东部社区_2022-01至2022-06.pptx': two meetings' files never share a
    name; characters a file system refuses become '-'."""
    parts = [FILE_BAD.sub("-", p).strip("-") for p in (base, area, period)]
    return "_".join(p for p in parts if p)[:150] + "." + ext
