"""The drafted work summary (工作总结, data paragraphs) for the chosen area and period.

Sentences are modelled on the source document's ("共设立……社区服务网点138个", "为1276名低保对象发放
低保金", "共安排下岗职工再就业373人" ...). Every number comes from a snapshot, formatted by
`data_access.text.numbers`; a sentence whose figure has no data (unknown, withheld for privacy, or
not kept at grid level when grids are chosen) is left out, never filled with a zero; a figure that
changed against the previous period says by how much. The words are in
`data_access/text/locale/review.py`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.engine import Connection

from data_access import metrics
from data_access.areas.queries import communities
from data_access.filters import Filters
from data_access.metrics import Snapshot
from data_access.text import join, numbers, t

SnapshotFn = Callable[[Connection, str, Filters], Snapshot]


@dataclass(frozen=True)
class Sentence:
    """Text key `summary.s.<name>`; its placeholders are the metric keys of `figures`. The first
    figure is the one whose change against the previous period the sentence reports, unless
    `compare` is off (a breakdown of the sentence before it, whose total already says it)."""

    name: str
    figures: tuple[str, ...]
    compare: bool = True


# topic → its sentences, in the order a summary reads
SENTENCES: dict[str, tuple[Sentence, ...]] = {
    "service": (Sentence("service_points", ("service_points",)),),
    "assistance": (
        Sentence("dibao", ("dibao_persons", "dibao_households")),
        Sentence("dibao_paid", ("dibao_paid_month",)),
        Sentence("tekun", ("tekun_households",)),
    ),
    "employment": (
        Sentence("reemployed", ("reemployed",)),
        Sentence("youth", ("youth_informed",)),
    ),
    "life": (
        Sentence("volunteers", ("volunteers", "volunteer_orgs")),
        Sentence("served", ("volunteer_residents_served",)),
        Sentence("disputes", ("disputes_mediated",)),
        Sentence("elderly", ("elderly_groups",)),
        Sentence("cadres", ("cadres",)),
        # Apart from the total: one withheld small count drops the profile, not the cadres.
        Sentence(
            "cadres_profile",
            ("cadres_college_plus", "cadres_under_35", "cadres_party"),
            compare=False,
        ),
        Sentence("honours", ("honours",)),
    ),
    "facilities": (Sentence("funding", ("funding_raised",)),),
}


@dataclass(frozen=True)
class Paragraph:
    topic: str
    heading: str
    text: str


@dataclass(frozen=True)
class Summary:
    title: str
    scope: str  # area, period and data date
    paragraphs: tuple[Paragraph, ...]

    @property
    def text(self) -> str:
        """Plain text: title, scope, then each heading and paragraph."""
        parts = [self.title, self.scope]
        for p in self.paragraphs:
            parts += [p.heading, p.text]
        return "\n\n".join(parts)


def area_text(conn: Connection, f: Filters, lang: str) -> str:
    """'老城社区' / '全部社区' (plus the number of grids chosen), as the page header says it."""
    if f.communities:
        text = join(communities(conn, f)["name"].tolist(), lang)
    else:
        text = t("common.all_communities", lang)
    if f.grids:
        text += " · " + t("common.grids_selected", lang, n=len(f.grids))
    return text


def scope_text(conn: Connection, f: Filters, lang: str) -> str:
    """'范围：全部社区；期间：2021-07 至 2022-06；数据截至 2022-06' — written on every screen and
    export."""
    span = metrics.data_period(conn)
    return t(
        "review.scope",
        lang,
        area=area_text(conn, f, lang),
        start=f.start or "—",
        end=f.end or "—",
        as_of=span[1] if span else "—",
    )


def has_data(s: Snapshot) -> bool:
    """A figure a sentence may state: known, published, and kept at the chosen level."""
    if s.value is None or s.suppressed or numbers.is_missing(s.value):
        return False
    return not (s.filters.grids and not metrics.grid_level(s.key))


def _amount(value: float, unit: str, lang: str) -> str:
    """A figure inside a sentence: counts without their measure word (the sentence has it),
    money and shares as the formatter writes them."""
    kind = numbers.unit(unit).kind
    if kind in ("money", "share"):
        return numbers.figure(value, unit, lang)
    return numbers.plain(value, numbers.unit(unit).decimals)


def change_clause(s: Snapshot, lang: str) -> str:
    """'，比上期增加12人' / '，比上期减少3户' / '，与上期持平'; '' when there is no previous period."""
    if s.change is None:
        return ""
    if numbers.is_zero(s.change, s.unit, s.decimals):
        return t("summary.change.same", lang)
    size = abs(s.change)
    if numbers.unit(s.unit).kind == "share":
        amount = numbers.change(size, s.unit, lang, s.decimals).lstrip("+")
    else:
        amount = numbers.figure(size, s.unit, lang, decimals=s.decimals)
    return t(f"summary.change.{'up' if s.change > 0 else 'down'}", lang, diff=amount)


def sentence(s: Sentence, snaps: dict[str, Snapshot], lang: str) -> str | None:
    """The sentence filled in, or None when one of its figures has no data."""
    if not all(has_data(snaps[k]) for k in s.figures):
        return None
    values = {k: _amount(snaps[k].value, snaps[k].unit, lang) for k in s.figures}
    if s.compare:
        values["change"] = change_clause(snaps[s.figures[0]], lang)
    return t(f"summary.s.{s.name}", lang, **values)


def draft(
    conn: Connection, f: Filters, lang: str = "zh", snap: SnapshotFn = metrics.snapshot
) -> Summary:
    """The summary's data paragraphs for the filters; topics with no sentence left are left out."""
    keys = {k for group in SENTENCES.values() for s in group for k in s.figures}
    snaps = {k: snap(conn, k, f) for k in sorted(keys)}
    space = "" if lang == "zh" else " "  # Chinese sentences run on; English ones take a space
    paragraphs = []
    for topic, group in SENTENCES.items():
        said = [text for s in group if (text := sentence(s, snaps, lang)) is not None]
        if said:
            heading = t(f"review.topic.{topic}", lang)
            paragraphs.append(Paragraph(topic, heading, space.join(said)))
    title = t("summary.title", lang, area=area_text(conn, f, lang))
    return Summary(title, scope_text(conn, f, lang), tuple(paragraphs))
