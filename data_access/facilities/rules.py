"""The rules of the 设施建设 page, without a database: completeness of "六室三站一场", a project's
phases (planned against actual) and how many days a phase ran late.

Completeness: a community's required kinds (facility_kinds.required) in use at the period's end ÷
required kinds; a kind counts once however many rooms of it there are, and a room whose
in-use date is after the period's end was not in use then. Status of a cell: the best status of
the kind's rooms at that date (in use > under construction > planned > missing).

Phases, in order: design, demolition, construction, completed, in use. What happened comes from
the project's dates: design ends on design_ended_on; demolition runs from there to
demolition_ended_on; construction from construction_started_on to construction_ended_on;
"completed" from then until in_use_since; in use from then on. The plan comes from
project_phase_plans. A phase is late by (its actual end − its planned end) days; a phase not
finished by the as-of date is late by (as-of − planned end) once its planned end has passed.
A phase without a planned end is not judged (no delay, not "on time"). A negative figure means
the phase ended early.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from data_access import vocab

STATUS_RANK = {s: k for k, s in enumerate(vocab.FACILITY_STATUSES)}  # missing < ... < in_use


def status_at(status: str, in_use_since: dt.date | None, as_of: dt.date | None) -> str:
    """A facility's status at `as_of`: in use from its date on (no date: long in use); a room in
    use only after `as_of` was not there yet, so it counts as missing then."""
    since = _known(in_use_since)
    started = since is None or as_of is None or since <= as_of
    if status == "in_use" and not started:
        return "missing"
    return status


def best_status(statuses: Iterable[str]) -> str:
    """The best status of a kind's rooms (several rooms of one kind count once); none = missing."""
    return max(statuses, key=lambda s: STATUS_RANK[s], default="missing")


def completeness(cells: Mapping[str, str], required: Iterable[str]) -> float | None:
    """Share of the required kinds whose cell is in use; None when nothing is required."""
    kinds = list(required)
    if not kinds:
        return None
    return sum(1 for k in kinds if cells.get(k, "missing") == "in_use") / len(kinds)


@dataclass(frozen=True)
class PhaseRow:
    phase: str
    actual_start: dt.date | None
    actual_end: dt.date | None  # None: not ended (or no date recorded)
    planned_start: dt.date | None
    planned_end: dt.date | None
    state: str  # done / current / not_started
    late_days: int | None  # None: no planned end (or not due yet and not started)


def actual_dates(project: Mapping) -> dict[str, tuple[dt.date | None, dt.date | None]]:
    """(start, end) of each phase from the project's dates; None where not recorded."""
    design_end = project.get("design_ended_on")
    demolition_end = project.get("demolition_ended_on")
    start = project.get("construction_started_on")
    built = project.get("construction_ended_on")
    in_use = project.get("in_use_since")
    return {
        "design": (None, design_end),
        "demolition": (design_end, demolition_end),
        "construction": (start, built),
        "completed": (built, in_use),
        "in_use": (in_use, None),
    }


def _known(d: object) -> dt.date | None:
    """A date or None (pandas gives NaT / NaN / Timestamp for date cells)."""
    if d is None or d != d:  # None, NaN, NaT
        return None
    if isinstance(d, dt.datetime):  # pandas' Timestamp too
        return d.date()
    assert isinstance(d, dt.date), d
    return d


def phase_at(project: Mapping, plans: Mapping[str, tuple], as_of: dt.date | None) -> str | None:
    """The phase a project is in at `as_of` (None = today's recorded phase). Read from the
    latest phase that had begun: a phase has begun when its start date (or the end of the phase
    before it) has passed. Without any date by then, the latest phase whose planned start had
    passed; None when nothing had begun."""
    if as_of is None:
        return project["phase"]
    dates = {p: (_known(s), _known(e)) for p, (s, e) in actual_dates(project).items()}
    order = list(vocab.PROJECT_PHASES)
    ended = [p for p in order if dates[p][1] is not None and dates[p][1] <= as_of]
    begun = [p for p in order if dates[p][0] is not None and dates[p][0] <= as_of]
    best = None
    for p in order:
        if p in begun:
            best = p
        if p in ended and order.index(p) + 1 < len(order):
            nxt = order[order.index(p) + 1]
            if best is None or order.index(nxt) > order.index(best):
                best = nxt
    if best is not None:
        # A phase whose recorded end has not come yet stays the phase; the record never moves past
        # the project's phase of today.
        recorded = order.index(project["phase"])
        return order[min(order.index(best), recorded)]
    planned = [p for p in order if _known(plans.get(p, (None, None))[0]) is not None
               and _known(plans[p][0]) <= as_of]  # fmt: skip
    return planned[-1] if planned else None


def phases(project: Mapping, plans: Mapping[str, tuple], as_of: dt.date) -> list[PhaseRow]:
    """Every phase of a project with its actual and planned dates and the days it ran late by
    `as_of` (see the module's rule). Phases after the current one are not started."""
    current = phase_at(project, plans, as_of)
    order = list(vocab.PROJECT_PHASES)
    now = order.index(current) if current is not None else -1
    rows = []
    for k, p in enumerate(order):
        start, end = (_known(d) for d in actual_dates(project)[p])
        plan_start, plan_end = (_known(d) for d in plans.get(p, (None, None)))
        if start is not None and start > as_of:
            start = None
        if end is not None and end > as_of:
            end = None
        state = "done" if k < now else "current" if k == now else "not_started"
        if state != "done":
            end = None
        if state == "not_started":
            start = None
        rows.append(
            PhaseRow(
                p, start, end, plan_start, plan_end, state, late_days(state, end, plan_end, as_of)
            )
        )
    return rows


def late_days(
    state: str, actual_end: dt.date | None, planned_end: dt.date | None, as_of: dt.date
) -> int | None:
    """Days a phase ran past its planned end (negative: ended early); see the module's rule."""
    if planned_end is None:
        return None
    if state == "done":
        return (actual_end - planned_end).days if actual_end is not None else None
    if as_of > planned_end:
        return (as_of - planned_end).days
    return 0 if state == "current" else None
