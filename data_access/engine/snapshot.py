"""What a card shows about a figure, computed once: the snapshot.

value, the previous period's value and the change, the same period a year earlier (where the data
reaches), the target and its period, progress, the progress expected by now and the status it
gives, and whether the value is suppressed. Cards, comparison tables, exports and the drafted
summary read snapshots, so the number and its colour are the same wherever they appear.

Status (按序时进度, "against the time elapsed"): for a figure where higher is better, green when
progress is at or above the share of the target period elapsed, amber from 90% of it, red below.
Flows are measured year to date (from the target period's start to the chosen period's end), so
a quarter is judged against the year's target at that point of the year. Where lower is better
the rule turns round: green at or below the expected level, amber up to a tenth above, red
beyond; a ceiling on a stock holds at every moment, so its expected level is the target itself.
A figure with a rule of its own (`engine.status`, e.g. 零就业家庭's 30-day clearing) takes its
status from that rule wherever it has a target.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import pandas as pd
from sqlalchemy import select
from sqlalchemy.engine import Connection

from data_access.admin.models import Target as TargetRow
from data_access.areas.queries import communities, grids
from data_access.engine.base import get, is_sensitive
from data_access.engine.compute import by_community, value
from data_access.engine.periods import data_period
from data_access.engine.protection import grids_open, marker_for
from data_access.engine.status import Status, has_rule, rule_statuses, worst
from data_access.filters import Filters, add_months, months_between

AMBER_FROM = 0.9  # of the expected progress
NoTarget = Literal["grid", "none", "period", "partial"]


@dataclass(frozen=True)
class Target:
    value: float
    period: str  # 'YYYY-MM..YYYY-MM'

    @property
    def start(self) -> str:
        return self.period.split("..")[0]

    @property
    def end(self) -> str:
        return self.period.split("..")[-1]


@dataclass(frozen=True)
class Snapshot:
    key: str
    filters: Filters
    params: tuple[tuple[str, object], ...]
    value: float | None  # None when unknown or suppressed
    suppressed: bool
    marker: str | None  # how a suppressed value is shown: "<3" (1 or 2) or "*" (withheld)
    previous: float | None
    previous_filters: Filters | None
    change: float | None
    last_year: float | None
    last_year_filters: Filters | None
    target: Target | None
    no_target: NoTarget | None  # why there is no target, when there is none
    toward_target: float | None  # what is measured against the target (year to date for flows)
    progress: float | None
    expected: float | None
    status: Status | None

    @property
    def unit(self) -> str:
        return get(self.key).unit

    @property
    def decimals(self) -> int:
        return get(self.key).shown_decimals

    @property
    def higher_is_better(self) -> bool:
        return get(self.key).higher_is_better


def _in_data(span: tuple[str, str] | None, f: Filters | None) -> Filters | None:
    """f when the data (spanning `span`) reaches back to its start, else None."""
    if f is None or span is None or f.start is None or f.start < span[0]:
        return None
    return f


def _shifted(f: Filters, months: int) -> Filters | None:
    if not (f.start and f.end):
        return None
    return f.with_period(add_months(f.start, months), add_months(f.end, months))


def target(conn: Connection, key: str, f: Filters) -> Target | None:
    """The target for the chosen area in force at the period's end (see `_target`)."""
    return _target(conn, key, f)[0]


def _target(conn: Connection, key: str, f: Filters) -> tuple[Target | None, NoTarget | None]:
    """County target when no community (or every community) is chosen; otherwise the sum of the
    chosen communities' targets when each has one (a ratio's target applies to one community).
    Targets are set for communities, so a grid filter has none."""
    return _target_among(_target_rows(conn, key), lambda: set(communities(conn)["code"]), key, f)


def _target_rows(conn: Connection, key: str) -> list:
    return list(
        conn.execute(
            select(TargetRow.community_code, TargetRow.period, TargetRow.value).where(
                TargetRow.metric_key == key
            )
        ).all()
    )


def _target_among(
    rows: list, all_codes: Callable[[], set[str]], key: str, f: Filters
) -> tuple[Target | None, NoTarget | None]:
    """`_target` from the metric's target rows and (when needed) every community's code."""
    if not rows:
        return None, "none"
    if f.grids:
        return None, "grid"
    periods = sorted({r.period for r in rows})
    if f.end is not None:
        periods = [p for p in periods if p.split("..")[0] <= f.end <= p.split("..")[-1]]
    if not periods:
        return None, "period"
    period = periods[-1]
    in_period = {r.community_code: r.value for r in rows if r.period == period}
    every = all_codes()
    chosen = set(f.communities) or every
    if chosen == every and "" in in_period:
        return Target(float(in_period[""]), period), None
    if not chosen.issubset(in_period):
        return None, "partial"
    if get(key).ratio is not None:
        if len(chosen) != 1:
            return None, "partial"
        return Target(float(in_period[next(iter(chosen))]), period), None
    return Target(float(sum(in_period[c] for c in chosen)), period), None


def _elapsed(t: Target, f: Filters) -> float:
    """Share of the target period elapsed at the chosen period's end (序时进度)."""
    months = months_between(t.start, t.end)
    if not months or f.end is None:
        return 1.0
    done = len([m for m in months if m <= f.end])
    return done / len(months)


def status_for(
    progress: float | None, expected: float | None, higher_is_better: bool
) -> Status | None:
    if progress is None or expected is None:
        return None
    if higher_is_better:
        if progress >= expected:
            return "green"
        return "amber" if progress >= AMBER_FROM * expected else "red"
    if progress <= expected:
        return "green"
    return "amber" if progress <= expected / AMBER_FROM else "red"


def _hidden(conn: Connection, key: str, f: Filters, params) -> bool:
    """Below community level, published only where the small-count protection allows."""
    return bool(f.grids) and is_sensitive(key) and not grids_open(conn, key, f, **params)


def snapshot(conn: Connection, key: str, f: Filters, **params) -> Snapshot:
    """Everything a card says about `key` for the filters (see the module's docstring)."""
    resolved = get(key).resolve_params(params)
    return _snapshot(
        conn,
        key,
        f,
        resolved,
        lambda g: value(conn, key, g, **resolved),
        data_period(conn),
        _target(conn, key, f),
        (lambda: worst(rule_statuses(conn, key, f).values())) if has_rule(key) else None,
    )


def community_snapshots(conn: Connection, key: str, f: Filters, **params) -> dict[str, Snapshot]:
    """code → snapshot(conn, key, (that community alone, f's period)) for every chosen community,
    for a ranking by status. The values come from one query per period for all communities
    instead of one per community and period (a county of 200 communities asked ~1,600 queries
    for one ranking), and each snapshot is then made by the same code as `snapshot`."""
    if f.grids:
        raise ValueError("community snapshots are of whole communities")
    resolved = get(key).resolve_params(params)
    codes = communities(conn, f)["code"].tolist()
    per_period: dict[tuple[str | None, str | None], Callable[[str], float | None]] = {}

    def value_of(code: str, g: Filters) -> float | None:
        period = (g.start, g.end)
        if period not in per_period:
            per_period[period] = _community_values(
                conn, key, Filters(f.communities, (), g.start, g.end), resolved
            )
        return per_period[period](code)

    span = data_period(conn)
    rows = _target_rows(conn, key)
    every: list[set[str]] = []

    def all_codes() -> set[str]:
        if not every:
            every.append(set(communities(conn)["code"]))
        return every[0]

    by_rule = rule_statuses(conn, key, f) if has_rule(key) else None  # one query for all
    out = {}
    for code in codes:
        one = Filters((code,), (), f.start, f.end)
        goal = _target_among(rows, all_codes, key, one)
        ruled = None if by_rule is None else (lambda code=code: by_rule.get(code))
        out[code] = _snapshot(
            conn, key, one, resolved, lambda g, code=code: value_of(code, g), span, goal, ruled
        )
    return out


def _community_values(
    conn: Connection, key: str, f: Filters, params
) -> Callable[[str], float | None]:
    """code → `value(conn, key, (that community, f's period))`, from one breakdown over f's
    communities: a community's figure is its entry (a ratio: its numerator ÷ its denominator)."""
    m = get(key)
    if m.ratio:
        nums = by_community(conn, m.ratio[0], f)
        dens = by_community(conn, m.ratio[1], f)

        def ratio(code: str) -> float | None:
            num, den = float(nums[[code]].sum()), float(dens[[code]].sum())
            return num / den * m.scale if den else None

        return ratio
    series = by_community(conn, key, f, **params)
    return lambda code: float(series[[code]].sum())


def _snapshot(
    conn: Connection,
    key: str,
    f: Filters,
    resolved: dict,
    value_at: Callable[[Filters], float | None],
    span: tuple[str, str] | None,
    target: tuple[Target | None, NoTarget | None],
    ruled: Callable[[], Status | None] | None = None,
) -> Snapshot:
    m = get(key)
    current = value_at(f)
    hidden = _hidden(conn, key, f, resolved)

    prev_f = _in_data(span, f.previous_period())
    previous = value_at(prev_f) if prev_f else None
    year_f = _in_data(span, _shifted(f, -12))
    last_year = value_at(year_f) if year_f else None
    prev_hidden = prev_f is not None and _hidden(conn, key, prev_f, resolved)
    change = None
    if current is not None and previous is not None and not (hidden or prev_hidden):
        change = current - previous

    goal, why_not = target
    toward = progress = expected = None
    status = None
    if goal is not None and current is not None and not hidden:
        toward = current
        if m.kind == "flow" and f.end is not None and f.end >= goal.start:
            year_to_date = Filters(f.communities, f.grids, goal.start, f.end)
            if year_to_date != f:
                # The progress line gives the year-to-date figure away: only where it is published.
                toward = (
                    None if _hidden(conn, key, year_to_date, resolved) else value_at(year_to_date)
                )
        elapsed = _elapsed(goal, f)
        expected = elapsed if (m.higher_is_better or m.kind == "flow") else 1.0
        if goal.value:
            progress = toward / goal.value if toward is not None else None
            status = status_for(progress, expected, m.higher_is_better)
        else:
            status = "green" if (toward or 0) <= 0 or m.higher_is_better else "red"
        if ruled is not None:
            status = ruled()

    return Snapshot(
        key=key,
        filters=f,
        params=tuple(sorted(resolved.items())),
        value=None if hidden else current,
        suppressed=hidden,
        marker=_marker(conn, key, f, resolved) if hidden else None,
        previous=None if prev_hidden else previous,
        previous_filters=prev_f,
        change=change,
        last_year=None
        if year_f is not None and _hidden(conn, key, year_f, resolved)
        else last_year,
        last_year_filters=year_f,
        target=goal,
        no_target=why_not,
        toward_target=toward,
        progress=progress,
        expected=expected,
        status=status,
    )


def _marker(conn: Connection, key: str, f: Filters, params) -> str:
    return marker_for(conn, key, f, **params)


def community_values(conn: Connection, key: str, f: Filters, **params) -> dict[str, float | None]:
    """The metric per chosen community as a comparison table shows it: None where a grid filter
    selects grids of that community whose figure may not be published."""
    series = by_community(conn, key, f, **params)
    if not (f.grids and is_sensitive(key)):
        return {code: (None if pd.isna(v) else float(v)) for code, v in series.items()}
    table = grids(conn)
    community_of = dict(zip(table["code"], table["community_code"], strict=True))
    out: dict[str, float | None] = {}
    for code, v in series.items():
        chosen = tuple(g for g in f.grids if community_of.get(g) == code)
        part = Filters((code,), chosen, f.start, f.end)
        out[code] = (
            None
            if pd.isna(v) or (chosen and not grids_open(conn, key, part, **params))
            else float(v)
        )
    return out
