"""The deck: what the review screens show, as plain data for every export.

`build_deck(conn, f, lang)` reads one snapshot per card and one table per topic (the communities
ranked by each of the topic's figures); the charts are vega-lite specs. Nothing here imports
Streamlit: the page caches `build_deck` through `components.data.query`, the exports and tests
call it with a connection.
"""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import pandas as pd
from sqlalchemy.engine import Connection

from components.charts import FONT
from data_access import metrics
from data_access.areas.queries import communities
from data_access.engine.snapshot import community_snapshots, community_values
from data_access.filters import Filters
from data_access.metrics import Snapshot
from data_access.review.summary import has_data, scope_text
from data_access.review.topics import TOPICS, Topic
from data_access.text import numbers, t

STATUS_COLOURS = {"green": "#1B7F3B", "amber": "#B45309", "red": "#B91C1C"}
NO_STATUS = "#6B7280"
ATTENTION = ("red", "amber")


@dataclass(frozen=True)
class Card:
    key: str
    label: str
    value: str  # as the card shows it: '138个', '84.6万元', '<3户', '—'
    change: str  # '+12' against the previous period, '' when there is none
    status: str | None  # green / amber / red
    status_word: str  # the word beside the colour ('达到序时进度'), '' without a target
    target: str  # '目标 135个，完成 102%，序时进度 100%' or ''
    number: float | None  # the exact value (None when unknown or withheld)


@dataclass(frozen=True)
class TopicPage:
    key: str
    title: str
    cards: tuple[Card, ...]
    table: pd.DataFrame  # communities × the topic's figures, headers in the deck's language
    table_name: str
    chart: dict  # vega-lite spec: communities ranked by the lead figure, coloured by status
    chart_title: str


@dataclass(frozen=True)
class Deck:
    lang: str
    title: str
    scope: str  # area, period, data date: written on every slide, page and sheet
    pages: tuple[TopicPage, ...]
    attention: tuple[Card, ...]  # red and amber figures, red first


def status_word(s: Snapshot, lang: str) -> str:
    if s.status is None:
        return ""
    direction = "up" if s.higher_is_better else "down"
    return t(f"kpi.status.{direction}.{s.status}", lang)


def card(s: Snapshot, lang: str) -> Card:
    value = numbers.figure(
        s.value, s.unit, lang, compact=True, suppressed=s.suppressed, marker=s.marker
    )
    change = "" if s.change is None else numbers.change(s.change, s.unit, lang, s.decimals)
    target = ""
    if s.target is not None and s.status is not None:
        target = t(
            "kpi.target",
            lang,
            target=numbers.figure(s.target.value, s.unit, lang, compact=True),
            share=numbers.percent(s.progress, 0),
            expected=numbers.percent(s.expected, 0),
        )
    return Card(
        key=s.key,
        label=t(f"metric.{s.key}.label", lang),
        value=value,
        change=change,
        status=s.status,
        status_word=status_word(s, lang),
        target=target,
        number=s.value if has_data(s) else None,
    )


def ranking(conn: Connection, f: Filters, key: str, lang: str) -> pd.DataFrame:
    """The chosen communities ranked by one figure (best first): rank, name, value (a number,
    NaN where withheld), shown (the figure as a card writes it), status, status word. Status is
    the community's own against its target; under a grid filter there is none (targets are set
    for communities)."""
    comms = communities(conn, f)
    values = community_values(conn, key, f)
    m = metrics.get(key)
    snaps = {} if f.grids else community_snapshots(conn, key, f)
    rows = []
    for code, name in zip(comms["code"], comms["name"], strict=True):
        v = values.get(code)
        status = word = None
        if not f.grids:
            s = snaps[code]
            status, word = s.status, status_word(s, lang) or None
        rows.append(
            {
                "name": name,
                "value": float("nan") if v is None else float(v),
                "shown": numbers.figure(v, m.unit, lang, suppressed=v is None and bool(f.grids)),
                "status": status,
                "status_word": word or "",
            }
        )
    table = pd.DataFrame(rows, columns=["name", "value", "shown", "status", "status_word"])
    table = table.sort_values(
        "value", ascending=not m.higher_is_better, na_position="last", kind="stable"
    )
    table.insert(0, "rank", range(1, len(table) + 1))
    return table.reset_index(drop=True)


def ranking_chart(table: pd.DataFrame, title: str, unit: str) -> dict:
    """Horizontal bars in ranking order, each in its community's status colour, values at the
    bar ends (as the card writes them)."""
    data = table.assign(
        colour=[STATUS_COLOURS.get(s, NO_STATUS) for s in table["status"]],
        value=table["value"].fillna(0),
    )
    percent = numbers.unit(unit).kind == "share"
    base = alt.Chart(data).encode(
        y=alt.Y("name:N", title=None, sort=list(data["name"]), axis=alt.Axis(labelLimit=260)),
        x=alt.X(
            "value:Q",
            title=title,
            axis=alt.Axis(format=".0%" if percent else ",.0f", tickCount=3),
            # room at the bar ends for the value labels
            scale=alt.Scale(domain=[0, float(data["value"].max() or 1) * 1.35], nice=False),
        ),
    )
    chart = base.mark_bar(height=28).encode(
        color=alt.Color("colour:N", scale=None, legend=None)
    ) + base.mark_text(align="left", dx=6, fontSize=18).encode(text="shown:N")
    chart = chart.properties(width=380, height=max(300, 110 * len(data)))
    return (
        chart.configure_axis(labelFont=FONT, titleFont=FONT, labelFontSize=16, titleFontSize=16)
        .configure_text(font=FONT)
        .configure_view(strokeWidth=0)
        .to_dict()
    )


def topic_table(conn: Connection, f: Filters, topic: Topic, lang: str) -> pd.DataFrame:
    """Communities (rows) × the topic's figures (columns, numbers), headers in `lang`, in the
    order of the lead figure's ranking."""
    lead = ranking(conn, f, topic.lead, lang)
    out = pd.DataFrame({t("review.col.community", lang): lead["name"]})
    comms = communities(conn, f)
    code_of = dict(zip(comms["name"], comms["code"], strict=True))
    for key in topic.cards:
        values = community_values(conn, key, f)
        out[t(f"metric.{key}.label", lang)] = [
            float("nan") if values.get(code_of[n]) is None else values[code_of[n]]
            for n in lead["name"]
        ]
    return out


def topic_page(conn: Connection, f: Filters, topic: Topic, lang: str) -> TopicPage:
    cards = tuple(card(metrics.snapshot(conn, k, f), lang) for k in topic.cards)
    lead = ranking(conn, f, topic.lead, lang)
    chart_title = t(f"metric.{topic.lead}.label", lang)
    return TopicPage(
        key=topic.key,
        title=t(f"review.topic.{topic.key}", lang),
        cards=cards,
        table=topic_table(conn, f, topic, lang),
        table_name=t(f"review.topic.{topic.key}", lang),
        chart=ranking_chart(lead, chart_title, metrics.get(topic.lead).unit),
        chart_title=chart_title,
    )


def build_deck(conn: Connection, f: Filters, lang: str = "zh") -> Deck:
    pages = tuple(topic_page(conn, f, topic, lang) for topic in TOPICS)
    seen: dict[str, Card] = {}
    for page in pages:
        for c in page.cards:
            if c.status in ATTENTION:
                seen.setdefault(c.key, c)
    attention = tuple(sorted(seen.values(), key=lambda c: ATTENTION.index(c.status)))
    return Deck(
        lang=lang,
        title=t("review.deck.title", lang),
        scope=scope_text(conn, f, lang),
        pages=pages,
        attention=attention,
    )
