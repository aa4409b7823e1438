"""The rules of the employment page, in plain Python (unit-tested on hand-made people) with SQL
twins where a metric needs them.

- 4050: women aged 40 and over, men aged 50 and over on the date a figure is read (the common
  definition of 4050人员 among 就业困难人员; people past retirement age are not registered).
- Long unemployed: registered, not placed, and registered more than six calendar months before
  the as-of date.
- 动态清零: a zero-employment family is cleared in time when a member is employed within 30 days
  of the family being identified.
- The path to a job: registered → trained → informed → placed; each person counts at the
  furthest step reached by the as-of date, and a step's funnel count is everyone who reached it
  or a later one.
- Pace to the year's target: the monthly pace needed for the rest of the year against the pace
  so far, and the month the target is reached if that pace holds.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import and_, or_

from data_access.filters import add_months, month_of, months_between

AGE_4050 = {"F": 40, "M": 50}
LONG_MONTHS = 6
CLEAR_DAYS = 30
STEPS: tuple[str, ...] = ("registered", "trained", "informed", "placed")
GROUPS: tuple[str, ...] = ("laid_off", "4050", "zero_employment_family", "youth", "disabled")
DIFFICULT: tuple[str, ...] = ("4050", "zero_employment_family", "disabled")  # 就业困难人员
FULL_EMPLOYMENT_RATE = 0.95


def years_before(day: dt.date, years: int) -> dt.date:
    """The same day `years` earlier (29 February → 28 February)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months earlier, clipped to the month's last day."""
    month = add_months(month_of(day), -months)
    year, mon = int(month[:4]), int(month[5:])
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, mon, min(d, day.day))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def age_on(birth: dt.date, on: dt.date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def is_4050(gender: str, birth: dt.date, on: dt.date) -> bool:
    """Women 40 and over, men 50 and over on `on`."""
    return age_on(birth, on) >= AGE_4050[gender]


def is_4050_clause(gender_col, birth_col, on: dt.date):
    """SQL twin of is_4050."""
    return or_(
        and_(gender_col == "F", birth_col <= years_before(on, AGE_4050["F"])),
        and_(gender_col == "M", birth_col <= years_before(on, AGE_4050["M"])),
    )


def long_cutoff(as_of: dt.date) -> dt.date:
    """Registered before this day and still waiting at `as_of`: more than six months."""
    return months_before(as_of, LONG_MONTHS)


def is_long_unemployed(registered: dt.date, placed: dt.date | None, as_of: dt.date) -> bool:
    """Registered by `as_of`, not placed by then, and registered more than six months before."""
    waiting = registered <= as_of and (placed is None or placed > as_of)
    return waiting and registered < long_cutoff(as_of)


def clearing_status(identified: dt.date, cleared: dt.date | None, as_of: dt.date) -> str:
    """'in_time' (cleared within 30 days), 'late' (cleared after), 'overdue' (not cleared and
    past 30 days at `as_of`), 'open' (not cleared, still within its 30 days)."""
    deadline = identified + dt.timedelta(days=CLEAR_DAYS)
    if cleared is not None and cleared <= as_of:
        return "in_time" if cleared <= deadline else "late"
    return "overdue" if as_of > deadline else "open"


def furthest_step(
    trained: dt.date | None, informed: dt.date | None, placed: dt.date | None, as_of: dt.date
) -> str:
    """The furthest step of the path a person has reached by `as_of`."""
    if placed is not None and placed <= as_of:
        return "placed"
    if informed is not None and informed <= as_of:
        return "informed"
    if trained is not None and trained <= as_of:
        return "trained"
    return "registered"


def funnel_counts(furthest: Mapping[str, int]) -> dict[str, int]:
    """Step → people who reached it or a later one, from counts by furthest step."""
    out, running = {}, 0
    for step in reversed(STEPS):
        running += int(furthest.get(step, 0))
        out[step] = running
    return {s: out[s] for s in STEPS}


def step_losses(funnel: Mapping[str, int]) -> dict[str, float | None]:
    """Step → share of the previous step's people who did not reach it (None: nobody before)."""
    out: dict[str, float | None] = {}
    for before, step in zip(STEPS, STEPS[1:], strict=False):
        out[step] = None if not funnel[before] else 1 - funnel[step] / funnel[before]
    return out


# ------------------------------------------------------------------------------ pace


@dataclass(frozen=True)
class Pace:
    target: float
    done: float  # from the year's first month to the as-of month
    months_done: int
    months_left: int
    pace_so_far: float  # per month
    needed: float | None  # per month for the rest of the year; None when no month is left
    met: bool
    reach_month: str | None  # when the target is (or would be) reached at the pace so far
    reach_in_year: bool


def pace(
    target: float, monthly: Mapping[str, float], year_start: str, year_end: str, as_of: str
) -> Pace:
    """The pace to `target` over the year [year_start, year_end], read at month `as_of`.

    `monthly` holds the events per month. Already met: the month the running total reached the
    target. Not met: the month it would be reached at the average pace so far (None with no
    event yet); needed is what is left divided by the months left."""
    as_of = min(max(as_of, year_start), year_end)
    months = months_between(year_start, as_of)
    done = float(sum(monthly.get(m, 0) for m in months))
    months_left = len(months_between(add_months(as_of, 1), year_end))
    so_far = done / len(months) if months else 0.0
    met = done >= target
    reach: str | None = None
    if met:
        running = 0.0
        for m in months:
            running += monthly.get(m, 0)
            if running >= target:
                reach = m
                break
        needed: float | None = 0.0
    else:
        needed = (target - done) / months_left if months_left else None
        if so_far > 0:
            reach = add_months(as_of, math.ceil((target - done) / so_far - 1e-9))
    return Pace(
        target=float(target),
        done=done,
        months_done=len(months),
        months_left=months_left,
        pace_so_far=so_far,
        needed=needed,
        met=met,
        reach_month=reach,
        reach_in_year=reach is not None and reach <= year_end,
    )
