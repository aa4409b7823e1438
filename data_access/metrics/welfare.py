"""Social assistance: 低保 and 特困 recipients, money paid, reviews due, coverage."""

from __future__ import annotations

from sqlalchemy import and_, or_, select

from data_access.metrics.base import Count, Flow, Metric, Param, Source, Stock, Sum, register
from data_access.models import Community, WelfareHousehold, WelfarePayment
from data_access.welfare_logic import DEFAULT_REVIEW_POLICY, review_cutoff

IN_FORCE = Stock(start="start_month", end="end_month", grain="month")


def _category(category: str) -> Source:
    return Source(
        WelfareHousehold, compound="compound_id", where=lambda c, ctx: [c.category == category]
    )


def review_due_clause(c, as_of, stable_months: int, unstable_months: int):
    """Due or overdue at `as_of`: yearly when income is stable, every `unstable_months` when it is
    unstable and a member can work; never reviewed counts too (SQL twin of is_review_due)."""
    short = and_(c.income_stable.is_(False), c.work_capable_members > 0)
    return or_(
        c.last_review_on.is_(None),
        and_(short, c.last_review_on <= review_cutoff(as_of, unstable_months)),
        and_(~short, c.last_review_on <= review_cutoff(as_of, stable_months)),
    )


def _payments():
    return select(
        WelfareHousehold.community_code,
        WelfareHousehold.grid_code,
        WelfareHousehold.category,
        WelfarePayment.month,
        WelfarePayment.amount_yuan,
    ).join(WelfareHousehold, WelfareHousehold.household_no == WelfarePayment.household_no)


def _dibao_where_low_income_known():
    return (
        select(
            WelfareHousehold.community_code,
            WelfareHousehold.category,
            WelfareHousehold.start_month,
            WelfareHousehold.end_month,
        )
        .join(Community, Community.code == WelfareHousehold.community_code)
        .where(Community.low_income_households.is_not(None))
    )


for _key, _category_code, _value, _unit in (
    ("dibao_persons", "dibao", Sum("members"), "persons"),
    ("dibao_households", "dibao", Count(), "households"),
    ("tekun_households", "tekun", Count(), "households"),
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
        # Only each household's latest review date is recorded, so past months would be judged
        # by reviews made later: no monthly series until review history is kept.
        trend=False,
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
# The low-income figure exists per community only: numerator and denominator ignore grids.
register(
    Metric(
        key="dibao_enrolled_where_known",
        unit="households",
        source=Source(
            _dibao_where_low_income_known,
            grid=None,
            where=lambda c, ctx: [c.category == "dibao"],
        ),
        value=Count(),
        time=IN_FORCE,
        higher_is_better=False,
        trend=False,
    )
)
register(
    Metric(
        key="low_income_households",
        unit="households",
        source=Source(Community, community="code", grid=None),
        value=Sum("low_income_households"),
        trend=False,
    )
)
register(
    Metric(
        key="dibao_coverage_low_income",
        unit="share",
        ratio=("dibao_enrolled_where_known", "low_income_households"),
        trend=False,
    )
)
