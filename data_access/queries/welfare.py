"""Social assistance (低保 and 特困): persons and households in force, by community and month."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from data_access.filters import Filters
from data_access.models import WelfareHousehold
from data_access.queries.common import series_by_community, stock_by_month

WH = WelfareHousehold


def _in_force(f: Filters, category: str):
    """Households of the category in force in the period's last month (or today, when unbounded)."""
    return (
        WH.category == category,
        f.months_cover_end(WH.start_month, WH.end_month),
        f.area_clause(WH.community_code, WH.grid_code),
    )


def persons_by_community(conn: Connection, f: Filters, category: str = "dibao") -> pd.Series:
    stmt = (
        select(WH.community_code, func.sum(WH.members))
        .where(*_in_force(f, category))
        .group_by(WH.community_code)
    )
    return series_by_community(conn, stmt, f)


def households_by_community(conn: Connection, f: Filters, category: str = "dibao") -> pd.Series:
    stmt = (
        select(WH.community_code, func.count())
        .where(*_in_force(f, category))
        .group_by(WH.community_code)
    )
    return series_by_community(conn, stmt, f)


def _by_month(conn: Connection, f: Filters, category: str, value) -> pd.DataFrame:
    stmt = (
        select(WH.community_code, WH.start_month, WH.end_month, value)
        .where(WH.category == category, f.area_clause(WH.community_code, WH.grid_code))
        .group_by(WH.community_code, WH.start_month, WH.end_month)
    )
    return stock_by_month(conn, stmt, f)


def persons_by_month(conn: Connection, f: Filters, category: str = "dibao") -> pd.DataFrame:
    return _by_month(conn, f, category, func.sum(WH.members))


def households_by_month(conn: Connection, f: Filters, category: str = "dibao") -> pd.DataFrame:
    return _by_month(conn, f, category, func.count())
