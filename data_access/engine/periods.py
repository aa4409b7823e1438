"""The data's period: which months the monthly records cover.

A table whose rows are the programme's monthly records names the column that dates them
(`__period_column__` on its model: 低保 payments, volunteer activities, disputes); the engine reads
their first and last month. The engine knows no domain table: a new table of monthly records only
declares its column.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from data_access.filters import Filters, month_of, months_between
from data_access.orm import Base


def period_columns() -> list:
    """The dating column of every model that declares `__period_column__`, by table name."""
    found = [
        (mapper.class_.__tablename__, getattr(mapper.class_, mapper.class_.__period_column__))
        for mapper in Base.registry.mappers
        if getattr(mapper.class_, "__period_column__", None)
    ]
    return [column for _, column in sorted(found, key=lambda pair: pair[0])]


def data_period(conn: Connection) -> tuple[str, str] | None:
    """First and last month that the registered monthly records cover; None when empty.

    One statement of scalar subqueries: each lone min() or max() of an indexed column is one
    index lookup, where a min() and max() side by side made SQLite read the whole index (720,000
    payments at 200 communities), and every figure asks for the period."""
    columns = period_columns()
    if not columns:
        return None
    bounds = [select(agg(col)).scalar_subquery() for col in columns for agg in (func.min, func.max)]
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
