"""Employment services: placements and information given, by community and month."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import func, literal, select
from sqlalchemy.engine import Connection
from sqlalchemy.sql import ColumnElement

from data_access.filters import Filters
from data_access.models import Jobseeker
from data_access.queries.common import flow_by_month, month_expr, series_by_community

JS = Jobseeker


def in_group(group: str) -> ColumnElement:
    """The person belongs to `group` (groups is a comma-separated list of codes)."""
    return (literal(",") + JS.groups + literal(",")).like(f"%,{group},%")


def _count_by_community(conn: Connection, f: Filters, group: str, date_col) -> pd.Series:
    stmt = (
        select(JS.community_code, func.count())
        .where(
            in_group(group),
            f.date_in_period(date_col),
            f.area_clause(JS.community_code, JS.grid_code),
        )
        .group_by(JS.community_code)
    )
    return series_by_community(conn, stmt, f)


def _count_by_month(conn: Connection, f: Filters, group: str, date_col) -> pd.DataFrame:
    month = month_expr(conn, date_col)
    stmt = (
        select(JS.community_code, month, func.count())
        .where(
            in_group(group),
            f.date_in_period(date_col),
            f.area_clause(JS.community_code, JS.grid_code),
        )
        .group_by(JS.community_code, month)
    )
    return flow_by_month(conn, stmt, f)


def reemployed_by_community(conn: Connection, f: Filters) -> pd.Series:
    """Laid-off workers placed in a job during the period."""
    return _count_by_community(conn, f, "laid_off", JS.placed_on)


def reemployed_by_month(conn: Connection, f: Filters) -> pd.DataFrame:
    return _count_by_month(conn, f, "laid_off", JS.placed_on)


def youth_informed_by_community(conn: Connection, f: Filters) -> pd.Series:
    """Young job seekers given labour-market information during the period."""
    return _count_by_community(conn, f, "youth", JS.informed_on)


def youth_informed_by_month(conn: Connection, f: Filters) -> pd.DataFrame:
    return _count_by_month(conn, f, "youth", JS.informed_on)
