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

from components.chart_text import described
from components.charts import FONT
from data_access import metrics
from data_access.areas.queries import communities
from data_access.engine import status
from data_access.engine.snapshot import community_snapshots, community_values
from data_access.filters import Filters
from data_access.metrics import Snapshot
from data_access.review.summary import area_text, has_data, scope_text
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
    target: str  # as the card writes it (`status.target_line`), '' without a target
    number: float | None  # the exact value (None when unknown or withheld)
    target_value: float | None = None  # the target's number, where there is one


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
    area: str = ""  # '东部社区' / '全部社区': in every slide title and file name
    period: str = ""  # '2022-01至2022-06'

    def slide_title(self, title: str) -> str:
        """'劳动就业 · 东部社区 2022-01至2022-06': a slide says what it shows of what."""
        return " · ".join(p for p in (title, f"{self.area} {self.period}".strip()) if p)


def period_text(f: Filters, lang: str) -> str:
    """'2022-01至2022-06' (one month: '2022-06'), for titles and file names."""
    start, end = f.start or "—", f.end or "—"
    return start if start == end else t("review.period", lang, start=start, end=end)


def status_word(s: Snapshot, lang: str) -> str:
    return status.status_word(s, lang)


def ranking_status_word(s: Snapshot, lang: str) -> str:
    """A ranking's status cell: the status word, or why there is none ('未设目标')."""
    if s.status is not None:
        return status.status_word(s, lang)
    if s.no_target is not None:
        return t(f"kpi.no_target.{s.no_target}", lang)
    return ""


def card(s: Snapshot, lang: str) -> Card:
    value = numbers.figure(
        s.value, s.unit, lang, compact=True, suppressed=s.suppressed, marker=s.marker
    )
    change = "" if s.change is None else numbers.change(s.change, s.unit, lang, s.decimals)
    return Card(
        key=s.key,
        label=t(f"metric.{s.key}.label", lang),
        value=value,
        change=change,
        status=s.status,
        status_word=status_word(s, lang),
        target=status.target_line(s, lang),
        number=s.value if has_data(s) else None,
        target_value=s.target.value if s.target is not None else None,
    )


def ranking(conn: Connection, f: Filters, key: str, lang: str) -> pd.DataFrame:
    """The chosen communities ranked by one figure (best first: highest or, where lower is
    better, lowest — `ranking_title` says which): rank, name, value (a number,
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
        state = word = None
        if not f.grids:
            s = snaps[code]
            state, word = s.status, ranking_status_word(s, lang) or None
        rows.append(
            {
                "name": name,
                "value": float("nan") if v is None else float(v),
                "shown": numbers.figure(v, m.unit, lang, suppressed=v is None and bool(f.grids)),
                "status": state,
                "status_word": word or "",
            }
        )
    table = pd.DataFrame(rows, columns=["name", "value", "shown", "status", "status_word"])
    table = table.sort_values(
        "value", ascending=not m.higher_is_better, na_position="last", kind="stable"
    )
    table.insert(0, "rank", range(1, len(table) + 1))
    return table.reset_index(drop=True)


def ranking_direction(key: str, lang: str) -> str:
    """Which end of the ranking is better, said under its title."""
    return status.ranking_direction(key, lang)


CHART_MOST = 8  # bars in a ranking chart: the best four and the last four beyond that


def ranking_ends(table: pd.DataFrame, lang: str, most: int = CHART_MOST) -> pd.DataFrame:
    """The rows a ranking chart draws: all of them up to `most`, else the best `most // 2` and
    the last `most - most // 2` with one row between saying in words how many are in the table
    only (at 200 communities a bar each would be 14,000 px tall on a 720 px screen)."""
    if len(table) <= most:
        return table
    head = most // 2
    left_out = len(table) - most
    gap = {
        "name": t("review.ranking.gap", lang, n=numbers.count_text(left_out)),
        "value": float("nan"),
        "shown": "",
        "status": None,
        "status_word": "",
    }
    if "rank" in table.columns:
        gap["rank"] = pd.NA
    return pd.concat(
        [table.head(head), pd.DataFrame([gap]), table.tail(most - head)], ignore_index=True
    )


def ranking_chart(
    table: pd.DataFrame,
    key: str,
    lang: str,
    *,
    width: int = 380,
    font: int = 16,
    bar_height: int = 110,
    most: int = CHART_MOST,
) -> dict:
    """Horizontal bars in ranking order, each in its community's status colour (grey where
    there is none), values at the bar ends (as the card writes them); titled with the figure and
    which end is better. Beyond `most` communities only both ends are drawn
    (`ranking_ends`), so a county of 200 keeps a chart a screen can hold. A slide draws it
    narrower with larger type (`SLIDE_CHART`) so its text is at least 12 pt once the picture is
    fitted beside the cards."""
    shown = ranking_ends(table, lang, most)
    # The bars are keyed by name: two communities of one name (a generated county has them; a
    # real one may, in two towns) would be drawn as one bar, their labels over each other.
    repeated = shown["name"].duplicated(keep=False) & shown["shown"].ne("")
    place = shown["rank"] if "rank" in shown.columns else pd.Series(range(1, len(shown) + 1))
    shown = shown.assign(
        name=[
            t("review.ranking.same_name", lang, name=n, rank=r) if twin else n
            for n, r, twin in zip(shown["name"], place, repeated, strict=True)
        ]
    )
    # Only what the chart draws: the gap row's missing rank would be NaN, which is not JSON (the
    # slide's PNG renderer refused a 200-community deck).
    data = shown[["name", "value", "shown", "status"]].assign(
        colour=[STATUS_COLOURS.get(s, NO_STATUS) for s in shown["status"]],
        status=[s if isinstance(s, str) else None for s in shown["status"]],  # the gap: NaN
        value=shown["value"].fillna(0),
    )
    rows = len(data)
    # Streamlit fits the whole chart, titles and axis included, into `height`: up to three rows
    # keep the sample's proportions; more rows get a band each that their labels fit in.
    step = bar_height if rows <= 3 else max(24.0, font * 1.6)
    height = bar_height * 2.7 if rows <= 3 else max(bar_height * 2.7, step * rows + 3 * font + 60)
    percent = numbers.unit(metrics.get(key).unit).kind == "share"
    base = alt.Chart(data).encode(
        y=alt.Y(
            "name:N",
            title=None,
            sort=list(data["name"]),
            axis=alt.Axis(labelLimit=260, labelOverlap=False),
        ),
        x=alt.X(
            "value:Q",
            title=None,
            axis=alt.Axis(format=".0%" if percent else ",.0f", tickCount=3),
            # room at the bar ends for the value labels
            scale=alt.Scale(domain=[0, float(data["value"].max() or 1) * 1.45], nice=False),
        ),
    )
    chart = base.mark_bar(height=min(28, int(step * 0.6))).encode(
        color=alt.Color("colour:N", scale=None, legend=None)
    ) + base.mark_text(align="left", dx=6, fontSize=font + 2).encode(text="shown:N")
    chart = chart.properties(
        width=width,
        height=int(max(bar_height * 2.7, height)),
        title=alt.TitleParams(
            t(f"metric.{key}.label", lang),
            subtitle=ranking_direction(key, lang),
            anchor="start",
            fontSize=font + 2,
            subtitleFontSize=font,
        ),
    )
    chart = described(chart, lang)  # read aloud as the screen's ranking, highest and lowest
    return (
        chart.configure_axis(labelFont=FONT, titleFont=FONT, labelFontSize=font, titleFontSize=font)
        .configure_title(font=FONT, subtitleFont=FONT)
        .configure_text(font=FONT)
        .configure_view(strokeWidth=0)
        .to_dict()
    )


SLIDE_CHART = {"width": 220, "font": 22}  # see `ranking_chart`


def unit_header(key: str, lang: str) -> str:
    """'筹措资金（元）' / 'Money raised (yuan)': the figure's label and its unit."""
    word = t(f"unit.{metrics.get(key).unit}", lang).strip()
    return t("review.unit_header", lang, label=t(f"metric.{key}.label", lang), unit=word)


def topic_table(conn: Connection, f: Filters, topic: Topic, lang: str) -> pd.DataFrame:
    """Communities (rows) × the topic's figures (columns, numbers), headers in `lang` with the
    unit, in the order of the lead figure's ranking."""
    lead = ranking(conn, f, topic.lead, lang)
    out = pd.DataFrame({t("review.col.community", lang): lead["name"]})
    comms = communities(conn, f)
    code_of = dict(zip(comms["name"], comms["code"], strict=True))
    for key in topic.cards:
        values = community_values(conn, key, f)
        out[unit_header(key, lang)] = [
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
        chart=ranking_chart(lead, topic.lead, lang, **SLIDE_CHART),
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
        area=area_text(conn, f, lang),
        period=period_text(f, lang),
    )
