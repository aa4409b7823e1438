"""Status words, and figures judged by a rule of their own instead of by progress to a target.

A status is a colour (green / amber / red); the word beside it must read right for the figure's
direction. Where higher is better the words are about progress (达到序时进度 / 略慢于序时进度 /
明显落后); where lower is better, a word such as "明显超出目标" sounds like praise, so the words
are about a ceiling: 控制在目标内 / 未达目标 / 超出控制线.

Some figures are judged by the rule their own page applies: 零就业家庭 are cleared dynamically
(one member employed within 30 days of identification), so two families identified last week
are on track while one open for 40 days is not. A domain registers such a rule here
(`register_status_rule`); the engine imports no domain. The rule returns a status per
community; an area's status is its worst community's.

Cards, rankings, the attention list, the deck and every export read `status_word` (and
`status_rule_text` in a card's ⓘ), so the same figure says the same thing everywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Literal

from sqlalchemy.engine import Connection

from data_access.engine.base import get
from data_access.filters import Filters
from data_access.text import numbers, t

if TYPE_CHECKING:
    from data_access.engine.snapshot import Snapshot

Status = Literal["green", "amber", "red"]
WORST_FIRST: tuple[Status, ...] = ("red", "amber", "green")
Rule = Callable[[Connection, Filters], Mapping[str, Status]]

_RULES: dict[str, Rule] = {}


def register_status_rule(key: str, rule: Rule) -> None:
    """`rule(conn, f)` → community code → status, for every chosen community (f has no grids)."""
    if key in _RULES:
        raise ValueError(f"metric {key!r} has a status rule already")
    get(key)  # an unknown metric fails at import
    _RULES[key] = rule


def has_rule(key: str) -> bool:
    return key in _RULES


def rule_statuses(conn: Connection, key: str, f: Filters) -> Mapping[str, Status]:
    """The rule's status per chosen community (empty under a grid filter: rules are per
    community)."""
    if key not in _RULES or f.grids:
        return {}
    return _RULES[key](conn, f)


def worst(statuses: Iterable[Status]) -> Status | None:
    """An area's status from its communities': the worst one (None when there are none)."""
    found = set(statuses)
    return next((s for s in WORST_FIRST if s in found), None)


def _direction(key: str) -> str:
    if has_rule(key):
        return f"rule.{key}"
    return "up" if get(key).higher_is_better else "down"


def status_word(s: Snapshot, lang: str) -> str:
    """The word beside a status colour ('' without a status): by the figure's rule when it has
    one, otherwise by its direction."""
    if s.status is None:
        return ""
    return t(f"kpi.status.{_direction(s.key)}.{s.status}", lang)


def short_word(s: Snapshot, lang: str) -> str:
    """The status in a word or two, for tables ('' without a status)."""
    if s.status is None:
        return ""
    return t(f"kpi.short.{_direction(s.key)}.{s.status}", lang)


def status_rule_text(key: str, lang: str) -> str:
    """How the figure's status is decided, for a card's ⓘ."""
    return t(f"kpi.status_rule.{_direction(key)}", lang)


def ranking_direction(key: str, lang: str) -> str:
    """Which end of a ranking is better: '越高越好，由高到低排列' / '越低越好，由低到高排列'."""
    return t(f"review.ranking.order.{'up' if get(key).higher_is_better else 'down'}", lang)


def target_line(s: Snapshot, lang: str) -> str:
    """'目标 135个 · 完成 102% · 序时进度 100%', with '（自 2021-07 累计）' where a flow is
    measured from a target period that starts before the chosen period (the share is of the
    year to date, not of the months shown); '目标 0户' against a target of none; '' without a
    target. Cards and every export write this one line, so 61人 beside 完成 94% never reads as
    61 ÷ 125."""
    if s.target is None or s.status is None:
        return ""
    goal = numbers.figure(s.target.value, s.unit, lang, compact=True)
    if s.progress is None:
        return t("kpi.target.only", lang, target=goal)
    share, expected = numbers.percent(s.progress, 0), numbers.percent(s.expected, 0)
    since = progress_since(s, lang)
    if since is None:
        return t("kpi.target", lang, target=goal, share=share, expected=expected)
    return t(
        "kpi.target.since",
        lang,
        target=goal,
        start=since[0],
        so_far=since[1],
        share=share,
        expected=expected,
    )


def progress_since(s: Snapshot, lang: str) -> tuple[str, str] | None:
    """(first month, the figure counted since then) when the share done counts from an earlier
    month than the period's (a flow's target runs from its own start: 东部's half year shows
    61人 but is 94% done with 118人 since 2021-07), said where the percentage stands."""
    if s.target is None or s.toward_target is None or get(s.key).kind != "flow":
        return None
    if s.filters.start == s.target.start:
        return None
    return s.target.start, numbers.figure(s.toward_target, s.unit, lang, compact=True)
