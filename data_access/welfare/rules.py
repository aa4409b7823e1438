"""The rules of social assistance as plain functions: benefit, eligibility, review, what-if.

No database here: queries in `queries/welfare*.py` feed these with already aggregated rows, the
page and the tests call them directly. Money is in yuan; the benefit is rounded to the yuan,
halves up, as payment sheets are (and as SQL's ROUND does on both SQLite and PostgreSQL).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from data_access.filters import add_months, month_of

# ------------------------------------------------------------------------------ standards


@dataclass(frozen=True)
class Standard:
    """The local standard for a category: yuan per person per month, and the minimum benefit if set."""

    category: str
    yuan_per_person_month: float
    min_benefit_yuan: float | None = None
    effective_from: dt.date | None = None

    @property
    def first_month(self) -> str | None:
        """The first whole month it applies to: a standard effective mid-month counts from the next month."""
        if self.effective_from is None:
            return None
        month = month_of(self.effective_from)
        return month if self.effective_from.day == 1 else add_months(month, 1)


def standard_in_force(standards: Iterable[Standard], category: str, month: str) -> Standard | None:
    """The category's standard that applies to `month` ('YYYY-MM'); None before the first one."""
    applicable = [
        s
        for s in standards
        if s.category == category and (s.first_month is None or s.first_month <= month)
    ]
    if not applicable:
        return None
    return max(applicable, key=lambda s: s.first_month or "")


# ------------------------------------------------------------------------------ the benefit


def round_yuan(amount: float) -> int:
    """Round to the yuan, halves away from zero (Python's round() would round halves to even)."""
    return int(Decimal(str(amount)).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def is_eligible(per_capita_income: float, standard: float) -> bool:
    """A household qualifies when its assessed monthly income per member is below the standard."""
    return per_capita_income < standard


def monthly_benefit(
    members: int, per_capita_income: float, standard: float, min_benefit: float | None = None
) -> int:
    """The gap formula: (standard − per-capita income) × members, each member's gap floored at the
    minimum benefit where one is set; 0 for a household that does not qualify."""
    if members < 1:
        raise ValueError("a household has at least one member")
    if not is_eligible(per_capita_income, standard):
        return 0
    gap = standard - per_capita_income
    if min_benefit is not None:
        gap = max(gap, min_benefit)
    return round_yuan(gap * members)


def benefit_mismatch(recorded: float, expected: float, tolerance: float) -> bool:
    """The recorded benefit is off the formula by more than the tolerance (yuan)."""
    return abs(recorded - expected) > tolerance


# ------------------------------------------------------------------------------ the what-if


@dataclass(frozen=True)
class Scenario:
    """What the roster would get at a given standard (a scenario only: nothing is written)."""

    standard: float
    min_benefit: float | None
    households: int
    persons: int
    monthly_budget: int

    @property
    def yearly_budget(self) -> int:
        return self.monthly_budget * 12


@dataclass(frozen=True)
class ScenarioChange:
    households: int
    persons: int
    monthly_budget: int
    yearly_budget: int


def scenario(
    groups: Iterable[tuple[float, int, int]], standard: float, min_benefit: float | None = None
) -> Scenario:
    """Apply the formula at `standard` to (per-capita income, members, households) groups.

    Groups rather than households: the query aggregates the roster by income and size, so the
    what-if moves no personal row and costs the same at county or city scale.
    """
    households = persons = budget = 0
    for income, members, count in groups:
        if not is_eligible(float(income), standard):
            continue
        households += int(count)
        persons += int(count) * int(members)
        budget += int(count) * monthly_benefit(int(members), float(income), standard, min_benefit)
    return Scenario(standard, min_benefit, households, persons, budget)


def what_if_bounds(current: float) -> tuple[int, int, int]:
    """(lowest, highest, step) of the standard a user may try around today's `current` standard.

    From 200 yuan below to 300 above (raises are the usual question), in steps of 10 yuan when
    today's standard is a multiple of 10 (else 5, else 1) so that today's value is on the slider.
    """
    today = round_yuan(current)
    step = 10 if today % 10 == 0 else 5 if today % 5 == 0 else 1
    return max(step, today - 200), today + 300, step


def change(new: Scenario, base: Scenario) -> ScenarioChange:
    """new − base, field by field (the what-if against today)."""
    return ScenarioChange(
        households=new.households - base.households,
        persons=new.persons - base.persons,
        monthly_budget=new.monthly_budget - base.monthly_budget,
        yearly_budget=new.yearly_budget - base.yearly_budget,
    )


# ------------------------------------------------------------------------------ reviews


@dataclass(frozen=True)
class ReviewPolicy:
    """How often a 低保 household's eligibility is reviewed, in months.

    Yearly when the household's income is stable; every six months when it is unstable and a
    member can work (their income may change quickly). Counties review more often, so these are
    settings, adjustable on the page.
    """

    stable_months: int = 12
    unstable_months: int = 6

    def __post_init__(self) -> None:
        for value in (self.stable_months, self.unstable_months):
            if not 1 <= value <= 36:
                raise ValueError("a review interval is between 1 and 36 months")


DEFAULT_REVIEW_POLICY = ReviewPolicy()


def review_interval_months(
    income_stable: bool, work_capable_members: int, policy: ReviewPolicy = DEFAULT_REVIEW_POLICY
) -> int:
    """Unstable income with a member able to work → the short interval; everyone else → the long one."""
    if not income_stable and work_capable_members > 0:
        return policy.unstable_months
    return policy.stable_months


def shift_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (or earlier), clamped to the month's last day (31 Aug − 6 → 28 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def review_cutoff(as_of: dt.date, interval_months: int) -> dt.date:
    """A household last reviewed on or before this date is due at `as_of`."""
    return shift_months(as_of, -interval_months)


def is_review_due(
    last_review_on: dt.date | None,
    income_stable: bool,
    work_capable_members: int,
    as_of: dt.date,
    policy: ReviewPolicy = DEFAULT_REVIEW_POLICY,
) -> bool:
    """Due (or overdue) at `as_of`: never reviewed, or last reviewed a full interval ago or more."""
    if last_review_on is None:
        return True
    interval = review_interval_months(income_stable, work_capable_members, policy)
    return last_review_on <= review_cutoff(as_of, interval)
