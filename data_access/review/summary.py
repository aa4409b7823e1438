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
        Sentence("cadres", ("cadres",)),  # 选举产生 only when elected in the period (`_cadres`)
        # Apart from the total: one withheld small count drops the profile, not the cadres.
        Sentence(
            "cadres_profile",
            ("cadres_college_plus", "cadres_under_35", "cadres_party"),
            compare=False,
        ),
        Sentence("honours", ("honours",)),
    ),
    # before the money: 六室三站一场 and the construction projects of the period (`_facilities`)
    "facilities": (Sentence("funding", ("funding_raised",)),),
}


@dataclass(frozen=True)
class Paragraph:
    topic: str  # a topic key, or "problems" / "next"
    heading: str
    items: tuple[str, ...]  # its sentences; a summary numbers them 一是…二是… (`numbered`)
    lang: str = "zh"

    @property
    def text(self) -> str:
        """The sentences as one paragraph, numbered where there are several (一是……；二是……。
        / First, …; second, ….)."""
        return numbered(self.items, self.lang)


@dataclass(frozen=True)
class Summary:
    """A county 工作总结: title, opening paragraph, then headings 一、二、三… — one per topic with
    data, 存在问题 (the red and amber figures) and 下一步工作 — each a paragraph."""

    title: str
    scope: str  # area, period and data date
    paragraphs: tuple[Paragraph, ...]
    opening: str = ""
    author: str = ""  # the office that issues it (the DOCX's author)
    lang: str = "zh"

    def heading(self, i: int) -> str:
        """'一、社区服务网点' / '1. Service coverage' for the i-th paragraph (0-based)."""
        p = self.paragraphs[i]
        return t("summary.heading", self.lang, n=ordinal(i + 1, self.lang), heading=p.heading)

    @property
    def text(self) -> str:
        """Plain text: title, scope, opening, then each numbered heading and its paragraph."""
        parts = [self.title, self.scope, self.opening]
        for i, p in enumerate(self.paragraphs):
            parts += [self.heading(i), p.text]
        return "\n\n".join(x for x in parts if x)


def ordinal(n: int, lang: str) -> str:
    """一 … 十 in Chinese (a summary has at most ten parts), 1, 2 … in English."""
    numerals = t("summary.numerals", lang).split()
    return numerals[n - 1] if n <= len(numerals) else str(n)


def numbered(items: tuple[str, ...], lang: str) -> str:
    """'一是A；二是B。' from sentences 'A。', 'B。' (a single sentence stays as it is)."""
    if len(items) < 2:
        return "".join(items) if lang == "zh" else " ".join(items)
    parts = [
        t("summary.nth", lang, n=ordinal(i, lang), text=item.rstrip(t("summary.end", lang)).strip())
        for i, item in enumerate(items, start=1)
    ]
    return t("summary.clause_sep", lang).join(parts) + t("summary.end", lang)


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
    if kind == "money":  # 84.6万元, as an office writes money, not 846,000元
        return numbers.figure(value, unit, lang, compact=True)
    if kind == "share":
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
        money = numbers.unit(s.unit).kind == "money"  # 6.5万元, as the figure itself reads
        amount = numbers.figure(size, s.unit, lang, decimals=s.decimals, compact=money)
    return t(f"summary.change.{'up' if s.change > 0 else 'down'}", lang, diff=amount)


def sentence(s: Sentence, snaps: dict[str, Snapshot], lang: str) -> str | None:
    """The sentence filled in, or None when one of its figures has no data."""
    if not all(has_data(snaps[k]) for k in s.figures):
        return None
    values = {k: _amount(snaps[k].value, snaps[k].unit, lang) for k in s.figures}
    if s.compare:
        values["change"] = change_clause(snaps[s.figures[0]], lang)
    return t(f"summary.s.{s.name}", lang, **values)


def _cadres(conn: Connection, f: Filters, snaps: dict[str, Snapshot], lang: str) -> str | None:
    """选举产生社区干部N名 only for people elected within the period; otherwise the cadres in
    office (现有社区干部N名), so a half year after the election does not repeat it."""
    from data_access.review.events import cadres_elected

    if not has_data(snaps["cadres"]):
        return None
    elected = cadres_elected(conn, f)
    if elected:
        return t("summary.s.cadres", lang, cadres=numbers.plain(elected), change="")
    return t("summary.s.cadres_now", lang, cadres=_amount(snaps["cadres"].value, "cadres", lang))


def _facilities(conn: Connection, f: Filters, snaps: dict[str, Snapshot], lang: str) -> list[str]:
    """'“六室三站一场”配备齐全' when every required facility is in use, and the construction
    projects with a milestone inside the period (老城社区新址办公用房（建筑面积412平方米）…)."""
    from data_access.review.events import projects_news

    out = []
    complete = snaps["facility_completeness"]
    if has_data(complete) and complete.value >= 1:
        out.append(t("summary.s.facilities_complete", lang))
    sep = t("common.list_sep", lang)
    for news in projects_news(conn, f):
        steps = sep.join(t(f"summary.step.{s}", lang) for s in news.steps)
        if news.floor_area_m2:
            area = numbers.plain(news.floor_area_m2)
            out.append(t("summary.s.project_area", lang, name=news.name, area=area, steps=steps))
        else:
            out.append(t("summary.s.project", lang, name=news.name, steps=steps))
    return out


def attention(snaps: list[Snapshot], lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """存在问题 (each red, then each amber figure: its value, status and target line) and
    下一步工作 (what to do about each, and a closing task)."""
    from data_access.engine import status as rules

    flagged = [s for colour in ("red", "amber") for s in snaps if s.status == colour]
    problems, steps = [], []
    for s in flagged:
        label = t(f"metric.{s.key}.label", lang)
        value = numbers.figure(s.value, s.unit, lang, compact=True)
        problems.append(
            t(
                "summary.problem",
                lang,
                label=label,
                value=value,
                word=rules.status_word(s, lang),
                target=rules.target_line(s, lang),
            )
        )
        kind = f"rule.{s.key}" if rules.has_rule(s.key) else "up" if s.higher_is_better else "down"
        steps.append(t(f"summary.next.{kind}", lang, label=label))
    steps.append(t("summary.next.general", lang))
    return tuple(problems), tuple(steps)


def draft(
    conn: Connection, f: Filters, lang: str = "zh", snap: SnapshotFn = metrics.snapshot
) -> Summary:
    """The summary for the filters: an opening, a part per topic with data (topics with no
    sentence left are left out), 存在问题 when a figure is red or amber, 下一步工作."""
    from data_access.review.topics import TOPICS

    keys = {k for group in SENTENCES.values() for s in group for k in s.figures}
    keys |= {k for topic in TOPICS for k in topic.cards} | {"facility_completeness"}
    snaps = {k: snap(conn, k, f) for k in sorted(keys)}
    paragraphs = []
    for topic, group in SENTENCES.items():
        said = _facilities(conn, f, snaps, lang) if topic == "facilities" else []
        for s in group:
            cadres = s.name == "cadres"  # 选举产生 only inside the period
            text = _cadres(conn, f, snaps, lang) if cadres else sentence(s, snaps, lang)
            if text is None:
                continue
            if s.name == "cadres_profile" and said:
                # 其中…: part of the cadres' item, not an item of its own; English sentences
                # are spaced ("were elected. Of them"), Chinese ones are not
                said[-1] += ("" if lang == "zh" else " ") + text
            else:
                said.append(text)
        if said:
            heading = t(f"review.topic.{topic}", lang)
            paragraphs.append(Paragraph(topic, heading, tuple(said), lang))
    cards = [snaps[k] for k in dict.fromkeys(k for topic in TOPICS for k in topic.cards)]
    problems, steps = attention(cards, lang)
    if problems:
        paragraphs.append(Paragraph("problems", t("summary.problems", lang), problems, lang))
    paragraphs.append(Paragraph("next", t("summary.next", lang), steps, lang))
    area = area_text(conn, f, lang)
    period = t("review.period", lang, start=f.start or "—", end=f.end or "—")
    return Summary(
        title=t("summary.title", lang, area=area),
        scope=scope_text(conn, f, lang),
        paragraphs=tuple(paragraphs),
        opening=t("summary.opening", lang, period=period, area=area),
        author=t("summary.author", lang),
        lang=lang,
    )
