"""Queries every page needs: the area (communities, grids), the data's period, and grouping helpers."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import func, literal, select, union_all
from sqlalchemy.engine import Connection
from sqlalchemy.sql import Select

from data_access.filters import Filters, month_of, months_between
from data_access.models import Community, Dispute, Grid, VolunteerActivity, WelfarePayment


def communities(conn: Connection, f: Filters | None = None) -> pd.DataFrame:
    """code, name, town, households, population, lat, lon of the chosen communities (all when none chosen)."""
    stmt = select(
        Community.code,
        Community.name,
        Community.town,
        Community.households,
        Community.population,
        Community.lat,
        Community.lon,
    ).order_by(Community.code)
    if f is not None and f.communities:
        stmt = stmt.where(Community.code.in_(f.communities))
    return pd.DataFrame(
        conn.execute(stmt).mappings().all(), columns=list(stmt.selected_columns.keys())
    )


def grids(conn: Connection, community_codes: tuple[str, ...] = ()) -> pd.DataFrame:
    """code, community_code, name, households, population of the grids (of the given communities)."""
    stmt = select(
        Grid.code, Grid.community_code, Grid.name, Grid.households, Grid.population
    ).order_by(Grid.code)
    if community_codes:
        stmt = stmt.where(Grid.community_code.in_(community_codes))
    return pd.DataFrame(
        conn.execute(stmt).mappings().all(), columns=list(stmt.selected_columns.keys())
    )


def boundaries(conn: Connection, f: Filters) -> pd.DataFrame:
    """level ('community'/'grid'), code, community_code, name, boundary (GeoJSON text) of the chosen area."""
    comm = select(
        literal("community").label("level"),
        Community.code,
        Community.code.label("community_code"),
        Community.name,
        Community.boundary,
    ).where(f.area_clause(Community.code))
    grid = select(
        literal("grid").label("level"),
        Grid.code,
        Grid.community_code,
        Grid.name,
        Grid.boundary,
    ).where(f.area_clause(Grid.community_code, Grid.code))
    rows = conn.execute(union_all(comm, grid)).mappings().all()
    return pd.DataFrame(rows, columns=["level", "code", "community_code", "name", "boundary"])


def data_period(conn: Connection) -> tuple[str, str] | None:
    """First and last month that monthly records cover (payments, activities, disputes); None when empty."""
    firsts, lasts = [], []
    for lo, hi in (
        (func.min(WelfarePayment.month), func.max(WelfarePayment.month)),
        (func.min(VolunteerActivity.date), func.max(VolunteerActivity.date)),
        (func.min(Dispute.reported_on), func.max(Dispute.reported_on)),
    ):
        first, last = conn.execute(select(lo, hi)).one()
        if first is None:
            continue
        firsts.append(first if isinstance(first, str) else month_of(first))
        lasts.append(last if isinstance(last, str) else month_of(last))
    if not firsts:
        return None
    return min(firsts), max(lasts)


def period_months(conn: Connection, f: Filters) -> list[str]:
    """The months of the filter's period, unbounded ends taken from the data."""
    span = data_period(conn)
    start = f.start or (span[0] if span else None)
    end = f.end or (span[1] if span else None)
    if not start or not end:
        return []
    return months_between(start, end)


def series_by_community(conn: Connection, stmt: Select, f: Filters) -> pd.Series:
    """Run a (community_code, value) GROUP BY query; every chosen community appears, missing ones as 0."""
    codes = communities(conn, f)["code"].tolist()
    values = {row[0]: row[1] for row in conn.execute(stmt)}
    return pd.Series(
        [float(values.get(c) or 0) for c in codes],
        index=pd.Index(codes, name="community_code"),
        dtype=float,
    )


def month_expr(conn: Connection, col):
    """'YYYY-MM' of a date column, in the dialect at hand."""
    if conn.dialect.name == "postgresql":
        return func.to_char(col, "YYYY-MM")
    return func.strftime("%Y-%m", col)


def stock_by_month(
    conn: Connection, stmt: Select, f: Filters, end_exclusive: bool = False
) -> pd.DataFrame:
    """Month-end values of a stock from (community_code, first_month, last_month, value) groups.

    last_month NULL means still open; with end_exclusive the last month no longer counts (a point
    closed in March is not operating at the end of March). SQL groups the rows; spreading the
    groups over the months is cheap.
    """
    months = period_months(conn, f)
    groups = pd.DataFrame(
        conn.execute(stmt).all(), columns=["community_code", "first", "last", "value"]
    )
    codes = communities(conn, f)["code"].tolist()
    rows = []
    for month in months:
        still_open = groups["last"] > month if end_exclusive else groups["last"] >= month
        live = groups[(groups["first"] <= month) & (groups["last"].isna() | still_open)]
        sums = live.groupby("community_code")["value"].sum()
        rows.extend(
            {"month": month, "community_code": c, "value": float(sums.get(c, 0))} for c in codes
        )
    return pd.DataFrame(rows, columns=["month", "community_code", "value"])


def flow_by_month(conn: Connection, stmt: Select, f: Filters) -> pd.DataFrame:
    """Per-month values of a flow from a (community_code, month, value) GROUP BY; zeros filled in."""
    months = period_months(conn, f)
    codes = communities(conn, f)["code"].tolist()
    found = {(r[0], r[1]): float(r[2] or 0) for r in conn.execute(stmt)}
    rows = [
        {"month": m, "community_code": c, "value": found.get((c, m), 0.0)}
        for m in months
        for c in codes
    ]
    return pd.DataFrame(rows, columns=["month", "community_code", "value"])


def residents_by_community(conn: Connection, f: Filters, measure: str = "households") -> pd.Series:
    """Registered households (or population) of the chosen area per community.

    Whole communities, or only the chosen grids when grids are chosen: the denominator of every
    per-household and per-resident rate, so rates mean the same on every page.
    """
    if measure not in ("households", "population"):
        raise ValueError(f"measure must be households or population, not {measure!r}")
    if f.grids:
        stmt = (
            select(Grid.community_code, func.sum(getattr(Grid, measure)))
            .where(f.area_clause(Grid.community_code, Grid.code))
            .group_by(Grid.community_code)
        )
    else:
        stmt = select(Community.code, getattr(Community, measure)).where(
            f.area_clause(Community.code)
        )
    return series_by_community(conn, stmt, f)
