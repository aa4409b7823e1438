"""Social assistance (低保 and 特困): the month figures are read at, the standards, coverage and
the monthly trends. The other questions have modules of their own:

- `welfare_scenario`: the "raise the standard" what-if
- `welfare_checks`: payment integrity and reviews due
- `welfare_breakdowns`: household size, grids and the map (small counts suppressed)
- `welfare_personal`: the masked roster and drill-down lists, for editors only

The headline figures (persons, households, money paid, reviews due, coverage rates) are metric
declarations (`data_access.welfare.metrics`), read through `data_access.metrics`.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import select
from sqlalchemy.engine import Connection

from data_access import metrics
from data_access.areas.queries import communities, community_names
from data_access.engine.protection import protected_monthly
from data_access.filters import Filters, month_end, month_of
from data_access.welfare.models import WelfareHousehold, WelfareStandard
from data_access.welfare.rules import Standard, standard_in_force

WH = WelfareHousehold


def in_force(f: Filters, category: str) -> tuple:
    """WHERE clauses: households of the category in force in the period's last month (or today,
    when unbounded), in the chosen area."""
    return (
        WH.category == category,
        f.months_cover_end(WH.start_month, WH.end_month),
        f.area_clause(WH.community_code, WH.grid_code),
    )


# ------------------------------------------------------------------------------ the month and standard


def as_of_month(conn: Connection, f: Filters) -> str:
    """The month stock figures are read at (the metrics' as-of month)."""
    return metrics.end_month(conn, f)


def review_as_of(conn: Connection, f: Filters) -> dt.date:
    """The day reviews are judged at: the last day of the as-of month."""
    return month_end(as_of_month(conn, f))


def latest_month(conn: Connection) -> str:
    """The newest month with records: 'now' for a household's current benefit."""
    span = metrics.data_period(conn)
    return span[1] if span else month_of(dt.date.today())


def standards(conn: Connection) -> tuple[Standard, ...]:
    rows = conn.execute(
        select(
            WelfareStandard.category,
            WelfareStandard.yuan_per_person_month,
            WelfareStandard.min_benefit_yuan,
            WelfareStandard.effective_from,
        ).order_by(WelfareStandard.category, WelfareStandard.effective_from)
    ).all()
    return tuple(
        Standard(
            r.category,
            float(r.yuan_per_person_month),
            None if r.min_benefit_yuan is None else float(r.min_benefit_yuan),
            r.effective_from,
        )
        for r in rows
    )


def current_standard(conn: Connection, f: Filters, category: str = "dibao") -> Standard | None:
    """The standard in force in the period's last month ("today's standard" of the what-if)."""
    return standard_in_force(standards(conn), category, as_of_month(conn, f))


# ------------------------------------------------------------------------------ coverage


def coverage_by_community(conn: Connection, f: Filters) -> pd.DataFrame:
    """Per community: 低保 persons, population and their ratio; 低保 households; 低保边缘 households
    monitored and, among them, 应保未保 (income below the standard, not enrolled).

    Community-level counts are exact (no suppression); with a grid filter every figure is that of
    the chosen grids.
    """
    comms = communities(conn, f)
    out = pd.DataFrame({"code": comms["code"], "name": comms["name"]})
    for column, key in (
        ("dibao_persons", "dibao_persons"),
        ("population", "population"),
        ("dibao_households", "dibao_households"),
        ("near_poor_households", "near_poor_households"),
        ("dibao_missed", "dibao_missed"),
        ("population_rate", "dibao_coverage_population"),
    ):
        out[column] = out["code"].map(metrics.by_community(conn, key, f)).astype(float)
    return out


# ------------------------------------------------------------------------------ trends


def persons_trend(conn: Connection, f: Filters) -> pd.DataFrame:
    """month, series (community name), value: 低保 persons in force at each month's end.

    With a grid filter a month whose chosen grids may not be published is a gap (None).
    """
    df = protected_monthly(conn, "dibao_persons", f)
    return pd.DataFrame(
        {
            "month": df["month"],
            "series": df["community_code"].map(community_names(conn)),
            "value": df["value"],
        }
    )


def paid_trend(conn: Connection, f: Filters) -> pd.DataFrame:
    """month, series (community name), value: 低保 money paid for each month (yuan); with a grid
    filter, gaps where the chosen grids' households may not be published."""
    df = protected_monthly(conn, "dibao_paid_month", f)
    return pd.DataFrame(
        {
            "month": df["month"],
            "series": df["community_code"].map(community_names(conn)),
            "value": df["value"],
        }
    )
