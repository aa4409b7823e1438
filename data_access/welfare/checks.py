"""Checks on 低保 and 特困 records: payments against the roster and the benefit formula, and the
households due for their periodic review.

The lists here carry household numbers but no name or ID number; the masked drill-down lists an
editor sees are built from them in `welfare_personal`. What a viewer gets are the counts
(`integrity_summary`, `review_due_breakdown`).
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Numeric, and_, case, func, literal, null, or_, select, union_all
from sqlalchemy.engine import Connection

from data_access import metrics, privacy
from data_access.areas.queries import communities
from data_access.filters import Filters
from data_access.welfare.metrics import review_due_clause
from data_access.welfare.models import WelfarePayment
from data_access.welfare.queries import WH, in_force, latest_month, review_as_of, standards
from data_access.welfare.rules import DEFAULT_REVIEW_POLICY, ReviewPolicy, Standard

WP = WelfarePayment

# Recorded benefits within this many yuan of the formula are not flagged (rounding, small
# adjustments); the page lets the user change it.
DEFAULT_TOLERANCE_YUAN = 10
INTEGRITY_CHECKS: tuple[str, ...] = ("missing_payment", "paid_after_end", "benefit_mismatch")


# ------------------------------------------------------------------------------ payment integrity


def _months_in_data(conn: Connection, f: Filters) -> list[str]:
    span = metrics.data_period(conn)
    if span is None:
        return []
    return [m for m in metrics.period_months(conn, f) if span[0] <= m <= span[1]]


def missing_payments(conn: Connection, f: Filters) -> pd.DataFrame:
    """household_no, community_code, grid_code, category, month, monthly_benefit_yuan for every month
    of the period in which a household was in force but received no payment.

    A suspended household with no end month expects no payment, so it is left out.
    """
    cols = [
        "household_no",
        "community_code",
        "grid_code",
        "category",
        "month",
        "monthly_benefit_yuan",
    ]
    months = _months_in_data(conn, f)
    if not months:
        return pd.DataFrame(columns=cols)
    parts = [select(literal(m).label("month")) for m in months]
    months_sq = (parts[0] if len(parts) == 1 else union_all(*parts)).subquery("months")
    month = months_sq.c.month
    stmt = (
        select(
            WH.household_no,
            WH.community_code,
            WH.grid_code,
            WH.category,
            month,
            WH.monthly_benefit_yuan,
        )
        .select_from(WH)
        .join(
            months_sq,
            and_(WH.start_month <= month, or_(WH.end_month.is_(None), WH.end_month >= month)),
        )
        .outerjoin(WP, and_(WP.household_no == WH.household_no, WP.month == month))
        .where(
            WP.household_no.is_(None),
            or_(WH.status != "suspended", WH.end_month.is_not(None)),
            f.area_clause(WH.community_code, WH.grid_code),
        )
        .order_by(WH.household_no, month)
    )
    return pd.DataFrame(conn.execute(stmt).all(), columns=cols)


def paid_after_end(conn: Connection, f: Filters) -> pd.DataFrame:
    """household_no, community_code, grid_code, category, month, amount_yuan of payments made in the
    period for a month after the household's last month in force (exited or suspended)."""
    cols = ["household_no", "community_code", "grid_code", "category", "month", "amount_yuan"]
    stmt = (
        select(
            WH.household_no, WH.community_code, WH.grid_code, WH.category, WP.month, WP.amount_yuan
        )
        .join(WH, WH.household_no == WP.household_no)
        .where(
            WH.end_month.is_not(None),
            WP.month > WH.end_month,
            f.month_in_period(WP.month),
            f.area_clause(WH.community_code, WH.grid_code),
        )
        .order_by(WH.household_no, WP.month)
    )
    return pd.DataFrame(conn.execute(stmt).all(), columns=cols)


def _formula_sql(all_standards: tuple[Standard, ...], reference_month):
    """SQL for the benefit the formula gives a household at the standard of `reference_month`:
    低保 the gap formula, 特困 the standard for each person.

    The standards table is tiny, so it is unrolled into CASE branches (newest first) with bound
    values; NULL where no standard applies (such households cannot be checked).
    """
    ordered = sorted(
        (s for s in all_standards if s.first_month),
        key=lambda s: s.first_month,
        reverse=True,
    )
    if not ordered:
        return null()
    money = Numeric(14, 2)

    def pick(attr: str):
        branches = [
            (
                and_(WH.category == s.category, reference_month >= s.first_month),
                literal(getattr(s, attr), money) if getattr(s, attr) is not None else null(),
            )
            for s in ordered
        ]
        return case(*branches, else_=null())

    std, minimum = pick("yuan_per_person_month"), pick("min_benefit_yuan")
    gap = std - WH.per_capita_income_yuan
    floored = case((and_(minimum.is_not(None), gap < minimum), minimum), else_=gap)
    return case(
        (std.is_(None), null()),
        # 特困 persons are supported at the standard whatever their income.
        (WH.category == "tekun", func.round(std * WH.members)),
        (WH.per_capita_income_yuan >= std, literal(0, money)),
        else_=func.round(floored * WH.members),
    )


def benefit_mismatches(
    conn: Connection, f: Filters, tolerance: float = DEFAULT_TOLERANCE_YUAN
) -> pd.DataFrame:
    """household_no, community_code, grid_code, category, recorded, expected, difference for households
    in force at some time in the period whose recorded monthly benefit is off the formula by more
    than `tolerance` yuan.

    The recorded benefit is the current one, so it is checked against the standard of the
    household's last month in force (the newest month of data for a household still in force),
    whatever the period.
    """
    cols = [
        "household_no",
        "community_code",
        "grid_code",
        "category",
        "recorded",
        "expected",
        "difference",
    ]
    months = _months_in_data(conn, f)
    if not months:
        return pd.DataFrame(columns=cols)
    reference = func.coalesce(WH.end_month, literal(latest_month(conn)))
    expected = _formula_sql(standards(conn), reference)
    stmt = (
        select(
            WH.household_no,
            WH.community_code,
            WH.grid_code,
            WH.category,
            WH.monthly_benefit_yuan,
            expected,
        )
        .where(
            WH.start_month <= months[-1],
            or_(WH.end_month.is_(None), WH.end_month >= months[0]),
            f.area_clause(WH.community_code, WH.grid_code),
            expected.is_not(None),
            func.abs(WH.monthly_benefit_yuan - expected) > tolerance,
        )
        .order_by(WH.household_no)
    )
    rows = [
        (*r[:4], float(r[4]), float(r[5]), float(r[4]) - float(r[5])) for r in conn.execute(stmt)
    ]
    return pd.DataFrame(rows, columns=cols)


def integrity_found(
    conn: Connection, f: Filters, tolerance: float = DEFAULT_TOLERANCE_YUAN
) -> dict[str, pd.DataFrame]:
    """check → its list (household numbers, no names), in the order of INTEGRITY_CHECKS."""
    return {
        "missing_payment": missing_payments(conn, f),
        "paid_after_end": paid_after_end(conn, f),
        "benefit_mismatch": benefit_mismatches(conn, f, tolerance),
    }


def integrity_summary(
    conn: Connection, f: Filters, tolerance: float = DEFAULT_TOLERANCE_YUAN
) -> pd.DataFrame:
    """check, cases, households, amount_yuan for the three payment checks (counts only, no names).

    missing_payment: household-months unpaid, amount = the benefit not paid; paid_after_end:
    payments, amount paid; benefit_mismatch: households, amount = |recorded − formula| per month.
    """
    found = integrity_found(conn, f, tolerance)
    amounts = {
        "missing_payment": found["missing_payment"]["monthly_benefit_yuan"].astype(float).sum(),
        "paid_after_end": found["paid_after_end"]["amount_yuan"].astype(float).sum(),
        "benefit_mismatch": found["benefit_mismatch"]["difference"].abs().sum(),
    }
    rows = [
        (check, len(found[check]), found[check]["household_no"].nunique(), float(amounts[check]))
        for check in INTEGRITY_CHECKS
    ]
    return pd.DataFrame(rows, columns=["check", "cases", "households", "amount_yuan"])


# ------------------------------------------------------------------------------ reviews


def review_due_breakdown(
    conn: Connection, f: Filters, policy: ReviewPolicy = DEFAULT_REVIEW_POLICY
) -> pd.DataFrame:
    """Per community: 低保 households in force, those on the short (six-month) cycle, and due ones
    on each cycle. Community-level, so exact; with a grid filter the counts are suppressed."""
    as_of = review_as_of(conn, f)
    short = and_(WH.income_stable.is_(False), WH.work_capable_members > 0)
    due = review_due_clause(WH, as_of, policy.stable_months, policy.unstable_months)
    stmt = (
        select(
            WH.community_code,
            func.count(),
            func.sum(case((short, 1), else_=0)),
            func.sum(case((and_(due, ~short), 1), else_=0)),
            func.sum(case((and_(due, short), 1), else_=0)),
        )
        .where(*in_force(f, "dibao"))
        .group_by(WH.community_code)
    )
    found = {r[0]: r[1:] for r in conn.execute(stmt)}
    comms = communities(conn, f)
    cols = ["households", "short_cycle", "due_long_cycle", "due_short_cycle"]
    rows = [
        {
            "community": name,
            **dict(zip(cols, [int(v or 0) for v in found.get(code, (0,) * 4)], strict=True)),
        }
        for code, name in zip(comms["code"], comms["name"], strict=True)
    ]
    out = pd.DataFrame(rows, columns=["community", *cols])
    out["due"] = out["due_long_cycle"] + out["due_short_cycle"]
    return privacy.suppress_columns(out, [*cols, "due"], fine=bool(f.grids))
