"""Queries every page needs: the area (communities, grids), the data's period, and grouping helpers."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import func, literal, select, union_all
from sqlalchemy.engine import Connection

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
    """First and last month that monthly records cover (payments, activities, disputes); None when empty.

    One statement of six scalar subqueries: each lone min() or max() of an indexed column is one
    index lookup, where a min() and max() side by side made SQLite read the whole index (720,000
    payments at 200 communities), and every figure asks for the period."""
    bounds = [
        select(agg(col)).scalar_subquery()
        for col in (WelfarePayment.month, VolunteerActivity.date, Dispute.reported_on)
        for agg in (func.min, func.max)
    ]
    row = conn.execute(select(*bounds)).one()
    firsts, lasts = [], []
    for first, last in zip(row[0::2], row[1::2], strict=True):
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


def month_expr(conn: Connection, col):
    """'YYYY-MM' of a date column, in the dialect at hand."""
    if conn.dialect.name == "postgresql":
        return func.to_char(col, "YYYY-MM")
    return func.strftime("%Y-%m", col)


def community_names(conn: Connection) -> dict[str, str]:
    """code → name of every community (the one lookup every page and export uses)."""
    comms = communities(conn)
    return dict(zip(comms["code"], comms["name"], strict=True))
