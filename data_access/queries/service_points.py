"""Service points: counts of operating points by community and over time."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import and_, func, select
from sqlalchemy.engine import Connection
from sqlalchemy.sql import ColumnElement

from data_access.filters import Filters
from data_access.models import ServicePoint
from data_access.queries.common import month_expr, series_by_community, stock_by_month


def operating_clause(f: Filters) -> ColumnElement:
    """Operating at the period's end: opened by then, not closed by then, not suspended.

    With no period end it is simply the current status 'operating'. A suspended point carries no
    date for its suspension, so it counts as not operating whatever the period.
    """
    if not f.end:
        return ServicePoint.status == "operating"
    return and_(
        ServicePoint.status != "suspended",
        f.dates_cover_end(ServicePoint.opened_on, ServicePoint.closed_on),
    )


def operating_points_by_community(conn: Connection, f: Filters) -> pd.Series:
    stmt = (
        select(ServicePoint.community_code, func.count())
        .where(
            operating_clause(f), f.area_clause(ServicePoint.community_code, ServicePoint.grid_code)
        )
        .group_by(ServicePoint.community_code)
    )
    return series_by_community(conn, stmt, f)


def operating_points_by_month(conn: Connection, f: Filters) -> pd.DataFrame:
    stmt = (
        select(
            ServicePoint.community_code,
            month_expr(conn, ServicePoint.opened_on),
            month_expr(conn, ServicePoint.closed_on),
            func.count(),
        )
        .where(
            ServicePoint.status != "suspended",
            f.area_clause(ServicePoint.community_code, ServicePoint.grid_code),
        )
        .group_by(
            ServicePoint.community_code,
            month_expr(conn, ServicePoint.opened_on),
            month_expr(conn, ServicePoint.closed_on),
        )
    )
    return stock_by_month(conn, stmt, f, end_exclusive=True)
