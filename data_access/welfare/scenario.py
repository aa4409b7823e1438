"""The 低保 "raise the standard" what-if: the roster at the period's end under another standard.

A scenario only: nothing is written. It needs three numbers per household (income per member,
members, count), grouped in SQL, so no personal row leaves the database.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from data_access.filters import Filters
from data_access.welfare.queries import WH, current_standard, in_force
from data_access.welfare.rules import Scenario, scenario

CURVE_COLUMNS = ["standard", "households", "persons", "monthly_budget", "yearly_budget"]


def income_groups(conn: Connection, f: Filters, category: str = "dibao") -> pd.DataFrame:
    """per_capita_income_yuan, members, households of the households in force, grouped."""
    stmt = (
        select(WH.per_capita_income_yuan, WH.members, func.count())
        .where(*in_force(f, category))
        .group_by(WH.per_capita_income_yuan, WH.members)
        .order_by(WH.per_capita_income_yuan, WH.members)
    )
    return pd.DataFrame(
        conn.execute(stmt).all(), columns=["per_capita_income_yuan", "members", "households"]
    )


def what_if(conn: Connection, f: Filters, standard: float | None = None) -> Scenario | None:
    """The 低保 roster at the period's end under `standard` (default: today's standard).

    The minimum benefit stays today's. None when no standard is recorded.
    """
    today = current_standard(conn, f, "dibao")
    if today is None:
        return None
    groups = income_groups(conn, f, "dibao").itertuples(index=False, name=None)
    chosen = today.yuan_per_person_month if standard is None else float(standard)
    return scenario(groups, chosen, today.min_benefit_yuan)


def what_if_curve(conn: Connection, f: Filters, standards: tuple[float, ...]) -> pd.DataFrame:
    """standard, households, persons, monthly_budget, yearly_budget for each standard in `standards`."""
    today = current_standard(conn, f, "dibao")
    if today is None:
        return pd.DataFrame(columns=CURVE_COLUMNS)
    # One query for the whole curve: every point reuses the same grouped roster.
    groups = list(income_groups(conn, f, "dibao").itertuples(index=False, name=None))
    rows = []
    for value in standards:
        s = scenario(groups, float(value), today.min_benefit_yuan)
        rows.append([s.standard, s.households, s.persons, s.monthly_budget, s.yearly_budget])
    return pd.DataFrame(rows, columns=CURVE_COLUMNS)
