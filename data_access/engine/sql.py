"""The statement every derived figure is read with: the declaration's source narrowed to the area,
its rows chosen by the period, grouped by the keys a level asks for and aggregated by its value.

`compute` (total, community, grid, compound), `categories` (by a declared dimension) and
`monthly` (by month, cumulative) all build on `grouped`, so a figure is counted one way at every
level. A `Median` is not additive: its rows are read and the median taken in pandas per group.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd
from sqlalchemy import func, or_, select
from sqlalchemy.engine import Connection
from sqlalchemy.sql import ColumnElement

from data_access.areas.models import Grid
from data_access.engine.base import (
    Context,
    Count,
    CountDistinct,
    Flow,
    Median,
    Metric,
    Source,
    Stock,
    Sum,
    grid_level,
)
from data_access.engine.periods import data_period
from data_access.filters import Filters, month_of


def end_month(conn: Connection, f: Filters) -> str:
    """The month stocks are read at: the period's last month, else the data's last, else now."""
    if f.end:
        return f.end
    span = data_period(conn)
    return span[1] if span else month_of(dt.date.today())


def context(conn: Connection, f: Filters, params: Mapping[str, object]) -> Context:
    return Context(filters=f, end_month=end_month(conn, f), params=dict(params))


def level_filters(conn: Connection, key: str, f: Filters) -> Filters:
    """The filters a figure is read under. A figure not kept per grid (volunteers, money raised,
    office space), or a ratio with such a part, is read for the communities of the chosen grids:
    never the whole county under a grid filter, and a ratio's numerator and denominator always
    come from one area (the grid's office space over the grid's households was 240.8 m² per 100)."""
    if not f.grids or grid_level(key):
        return f
    owners = conn.execute(
        select(Grid.community_code).where(Grid.code.in_(f.grids)).distinct()
    ).scalars()
    return Filters(tuple(owners), (), f.start, f.end)


def source_for(m: Metric, fine: bool) -> Source:
    assert m.source is not None
    return m.fine_source if (fine and m.fine_source is not None) else m.source


def aggregate(m: Metric, c) -> ColumnElement:
    value = m.value
    if isinstance(value, Count):
        return func.count()
    if isinstance(value, CountDistinct):
        return func.count(func.distinct(c[value.column]))
    if isinstance(value, Sum):
        return func.sum(c[value.column])
    raise TypeError(f"{value!r} is not aggregated in SQL")


def area_and_where(src: Source, c, ctx: Context) -> list[ColumnElement]:
    f = ctx.filters
    grid_col = c[src.grid] if src.grid else None
    clauses = [f.area_clause(c[src.community], grid_col)]
    if src.where is not None:
        clauses.extend(src.where(c, ctx))
    return clauses


def at_end(m: Metric, c, ctx: Context) -> list[ColumnElement]:
    """The rows that count for the period: events inside it, or states valid at its end."""
    time, f = m.time, ctx.filters
    if isinstance(time, Flow):
        period = (
            Filters(start=ctx.end_month, end=ctx.end_month)
            if time.last_month_only
            else Filters(start=f.start, end=f.end)
        )
        col = c[time.date]
        return [
            period.month_in_period(col) if time.grain == "month" else period.date_in_period(col)
        ]
    if isinstance(time, Stock):
        clauses: list[ColumnElement] = []
        if time.grain == "year":
            if time.start:
                start = c[time.start]
                clauses.append(or_(start.is_(None), start <= int(ctx.end_month[:4])))
            return clauses
        bound = ctx.end_month if time.grain == "month" else ctx.as_of
        if time.start:
            start = c[time.start]
            clauses.append(or_(start.is_(None), start <= bound))
        if time.end:
            end = c[time.end]
            still = end >= bound if time.grain == "month" else end > bound
            clauses.append(or_(end.is_(None), still))
        return clauses
    return []


def grouped(
    conn: Connection,
    m: Metric,
    f: Filters,
    params: Mapping[str, object],
    keys: Sequence[str],
    src: Source,
    extra: Callable[[Connection, Any], Sequence[ColumnElement]] | None = None,
    when: Callable[[Any], Sequence[ColumnElement]] | None = None,
) -> pd.DataFrame:
    """The figure's value per distinct combination of the source's columns `keys`, as a frame of
    the keys and `value` (no row where nothing counts). `extra(conn, columns)` gives further
    labelled columns to group by (a month expression); `when(columns)` replaces the period's rule
    (by month, every month of a range counts, not only the period's end)."""
    sel = src.selectable()
    c = sel.c
    ctx = context(conn, f, params)
    group = [c[k].label(k) for k in keys] + list(extra(conn, c) if extra else ())
    names = [g.key for g in group]
    rows_in_time = when(c) if when is not None else at_end(m, c, ctx)
    where = [*area_and_where(src, c, ctx), *rows_in_time]
    if isinstance(m.value, Median):
        return _medians(conn, m.value, c, sel, group, names, where)
    stmt = select(*group, aggregate(m, c)).select_from(sel).where(*where)
    if group:
        stmt = stmt.group_by(*group)
    frame = pd.DataFrame([tuple(r) for r in conn.execute(stmt)], columns=[*names, "value"])
    frame["value"] = frame["value"].astype(float).fillna(0.0)  # a sum of no value is 0
    return frame


def _medians(conn, value: Median, c, sel, group, names, where) -> pd.DataFrame:
    """The median per group, from the rows (not additive, so never from SQL sums)."""
    cols = [c[value.column].label("_value")]
    if value.since:
        cols.append(c[value.since].label("_since"))
    stmt = select(*group, *cols).select_from(sel).where(*where, c[value.column].is_not(None))
    rows = pd.DataFrame(
        [tuple(r) for r in conn.execute(stmt)], columns=[*names, *(col.key for col in cols)]
    )
    if value.since:
        rows["_value"] = [
            (pd.Timestamp(a) - pd.Timestamp(b)).days
            for a, b in zip(rows["_value"], rows["_since"], strict=True)
        ]
    rows["_value"] = rows["_value"].astype(float)
    if not names:
        median = rows["_value"].median() if not rows.empty else None
        return pd.DataFrame({"value": [] if median is None else [float(median)]})
    out = rows.groupby(names, sort=True, dropna=False)["_value"].median()
    return out.rename("value").reset_index()
