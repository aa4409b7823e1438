"""Social assistance: 低保 and 特困 recipients, money paid, reviews due, coverage, 应保未保.

Every figure is read as it stood at the period's end: households in force then, the reviews made
by then (the review history, never a later review), the 低保边缘 households monitored then and
assessed by then.
"""

from __future__ import annotations

from sqlalchemy import and_, exists, func, not_, or_, select

from data_access.engine.base import Count, Flow, Metric, Param, Source, Stock, Sum, register
from data_access.engine.protection import Covered, register_protection
from data_access.welfare.models import (
    NearPoorHousehold,
    WelfareHousehold,
    WelfarePayment,
    WelfareReview,
    WelfareStandard,
)
from data_access.welfare.rules import DEFAULT_REVIEW_POLICY, review_cutoff

IN_FORCE = Stock(start="start_month", end="end_month", grain="month")


def _category(category: str) -> Source:
    return Source(
        WelfareHousehold, compound="compound_id", where=lambda c, ctx: [c.category == category]
    )


def latest_review(household_no, as_of):
    """The household's latest review made on or before `as_of` (NULL: none by then)."""
    return (
        select(func.max(WelfareReview.reviewed_on))
        .where(WelfareReview.household_no == household_no, WelfareReview.reviewed_on <= as_of)
        .scalar_subquery()
    )


def review_due_clause(c, as_of, stable_months: int, unstable_months: int):
    """Due or overdue at `as_of`, judged by the reviews made by then: yearly when income is stable,
    every `unstable_months` when it is unstable and a member can work; never reviewed counts too
    (SQL twin of is_review_due)."""
    short = and_(c.income_stable.is_(False), c.work_capable_members > 0)
    last = latest_review(c.household_no, as_of)
    return or_(
        last.is_(None),
        and_(short, last <= review_cutoff(as_of, unstable_months)),
        and_(~short, last <= review_cutoff(as_of, stable_months)),
    )


def dibao_standard_at(as_of):
    """The 低保 standard in force on `as_of` (yuan per person per month)."""
    return (
        select(WelfareStandard.yuan_per_person_month)
        .where(WelfareStandard.category == "dibao", WelfareStandard.effective_from <= as_of)
        .order_by(WelfareStandard.effective_from.desc())
        .limit(1)
        .scalar_subquery()
    )


def missed_clause(c, ctx):
    """应保未保 at the period's end: a monitored 低保边缘 household whose income, as assessed by
    then, is below the standard in force then, and who is not enrolled in 低保 then."""
    month = ctx.end_month
    enrolled = exists().where(
        WelfareHousehold.household_no == c.dibao_household_no,
        WelfareHousehold.start_month <= month,
        or_(WelfareHousehold.end_month.is_(None), WelfareHousehold.end_month >= month),
    )
    return [
        c.assessed_on <= ctx.as_of,
        c.per_capita_income_yuan < dibao_standard_at(ctx.as_of),
        not_(enrolled),
    ]


def _payments():
    return select(
        WelfareHousehold.community_code,
        WelfareHousehold.grid_code,
        WelfareHousehold.category,
        WelfarePayment.month,
        WelfarePayment.amount_yuan,
    ).join(WelfareHousehold, WelfareHousehold.household_no == WelfarePayment.household_no)


# 低保 is counted in persons and households; 特困 too (the ministry counts 特困人员 in persons).
for _key, _category_code, _value, _unit in (
    ("dibao_persons", "dibao", Sum("members"), "persons"),
    ("dibao_households", "dibao", Count(), "households"),
    ("tekun_households", "tekun", Count(), "households"),
    ("tekun_persons", "tekun", Sum("members"), "persons"),
):
    register(
        Metric(
            key=_key,
            unit=_unit,
            source=_category(_category_code),
            value=_value,
            time=IN_FORCE,
            higher_is_better=False,
            protected_by=(_category_code,),
        )
    )

register(
    Metric(
        key="dibao_paid_month",
        unit="yuan",
        source=Source(_payments, where=lambda c, ctx: [c.category == "dibao"]),
        value=Sum("amount_yuan"),
        time=Flow("month", grain="month", last_month_only=True),
        higher_is_better=False,
        protected_by=("dibao",),  # the money of one or two households is their income
    )
)
register(
    Metric(
        key="dibao_benefit_per_person",
        unit="yuan",
        ratio=("dibao_paid_month", "dibao_persons"),
        protected_by=("dibao",),
    )
)
register(
    Metric(
        key="dibao_review_due",
        unit="households",
        source=Source(
            WelfareHousehold,
            compound="compound_id",
            where=lambda c, ctx: [
                c.category == "dibao",
                review_due_clause(
                    c, ctx.as_of, ctx.params["stable_months"], ctx.params["unstable_months"]
                ),
            ],
        ),
        value=Count(),
        time=IN_FORCE,
        params={
            "stable_months": Param(DEFAULT_REVIEW_POLICY.stable_months, range(1, 37)),
            "unstable_months": Param(DEFAULT_REVIEW_POLICY.unstable_months, range(1, 37)),
        },
        higher_is_better=False,
        protected_by=("review_due", "dibao"),
        as_of_where=True,
    )
)
register(
    Metric(
        key="dibao_coverage_population",
        unit="share",
        ratio=("dibao_persons", "population"),
        protected_by=("dibao",),
    )
)
register(
    Metric(
        key="near_poor_households",
        unit="households",
        source=Source(NearPoorHousehold, compound="compound_id"),
        value=Count(),
        time=Stock(start="monitored_from", end="monitored_to", grain="month"),
        higher_is_better=False,
        protected_by=("near_poor",),
    )
)
register(
    Metric(
        key="dibao_missed",
        unit="households",
        source=Source(NearPoorHousehold, compound="compound_id", where=missed_clause),
        value=Count(),
        time=Stock(start="monitored_from", end="monitored_to", grain="month"),
        higher_is_better=False,
        protected_by=("dibao_missed", "near_poor"),
        as_of_where=True,
    )
)

# The counts shown below community level, and how they are protected (engine.protection).
register_protection(Covered("dibao", ("dibao_households", "dibao_persons")))
register_protection(Covered("tekun", ("tekun_households", "tekun_persons")))
register_protection(Covered("review_due", ("dibao_review_due",), with_params=True))
register_protection(Covered("near_poor", ("near_poor_households",)))
register_protection(Covered("dibao_missed", ("dibao_missed",)))
