"""Deriving every level of a figure from its declaration: total, by community, by grid, by month.

One GROUP BY query per level, built from the declaration's source, value and time; ratios are
sum ÷ sum at every level (never an average of ratios). Stocks by month read the (community, valid
from, valid to) groups once and spread them over the months in pandas, so a twelve-month trend is
one query, not twelve.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import pandas as pd
from sqlalchemy import func, null, or_, select
from sqlalchemy.engine import Connection
from sqlalchemy.sql import ColumnElement

from data_access.areas.models import Compound
from data_access.areas.queries import communities, grids
from data_access.engine.base import (
    Context,
    Count,
    CountDistinct,
    Flow,
    Latest,
    Metric,
    Source,
    Stock,
    Sum,
    get,
)
from data_access.engine.periods import data_period, month_expr, period_months
from data_access.filters import Filters, month_of


def end_month(conn: Connection, f: Filters) -> str:
    """The month stocks are read at: the period's last month, else the data's last, else now."""
    if f.end:
        return f.end
    span = data_period(conn)
    return span[1] if span else month_of(dt.date.today())


def _context(conn: Connection, f: Filters, params: Mapping[str, object]) -> Context:
    return Context(filters=f, end_month=end_month(conn, f), params=dict(params))


def _source(m: Metric, fine: bool) -> Source:
    assert m.source is not None
    return m.fine_source if (fine and m.fine_source is not None) else m.source


def _aggregate(m: Metric, c) -> ColumnElement:
    value = m.value
    if isinstance(value, Count):
        return func.count()
    if isinstance(value, CountDistinct):
        return func.count(func.distinct(c[value.column]))
    if isinstance(value, Sum):
        return func.sum(c[value.column])
    raise TypeError(f"unknown value {value!r}")


def _area_and_where(src: Source, c, ctx: Context) -> list[ColumnElement]:
    f = ctx.filters
    grid_col = c[src.grid] if src.grid else None
    clauses = [f.area_clause(c[src.community], grid_col)]
    if src.where is not None:
        clauses.extend(src.where(c, ctx))
    return clauses


def _at_end(m: Metric, c, ctx: Context) -> list[ColumnElement]:
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


def _codes(conn: Connection, f: Filters, level: str) -> list[str]:
    if level == "community":
        return communities(conn, f)["code"].tolist()
    if level == "compound":
        stmt = (
            select(Compound.id)
            .where(f.area_clause(Compound.community_code, Compound.grid_code))
            .order_by(Compound.id)
        )
        return list(conn.execute(stmt).scalars())
    table = grids(conn, f.communities)
    if f.grids:
        table = table[table["code"].isin(f.grids)]
    return table["code"].tolist()


def _series(codes: list[str], values: Mapping[str, float], level: str) -> pd.Series:
    return pd.Series(
        [float(values.get(code) or 0) for code in codes],
        index=pd.Index(codes, name=f"{level}_code"),
        dtype=float,
    )


def _base_by(conn: Connection, m: Metric, f: Filters, params, level: str) -> pd.Series:
    src = _source(m, fine=level != "community" or bool(f.grids))
    column = {"community": src.community, "grid": src.grid, "compound": src.compound}[level]
    if column is None:
        raise ValueError(f"metric {m.key!r} has no {level} breakdown")
    sel = src.selectable()
    c = sel.c
    ctx = _context(conn, f, params)
    key_col = c[column]
    stmt = (
        select(key_col, _aggregate(m, c))
        .select_from(sel)
        .where(*_area_and_where(src, c, ctx), *_at_end(m, c, ctx))
        .group_by(key_col)
    )
    found = {row[0]: row[1] for row in conn.execute(stmt)}
    return _series(_codes(conn, f, level), found, level)


def _ratio(num: pd.Series, den: pd.Series, scale: float) -> pd.Series:
    return (num / den.where(den != 0) * scale).astype(float)


def breakdown(
    conn: Connection, key: str, f: Filters, level: str = "community", **params
) -> pd.Series:
    """The metric per community, grid or compound of the chosen area; every one appears (0 when
    none)."""
    m = get(key)
    resolved = m.resolve_params(params)
    if m.ratio:
        num = breakdown(conn, m.ratio[0], f, level)
        den = breakdown(conn, m.ratio[1], f, level)
        return _ratio(num, den, m.scale)
    return _base_by(conn, m, f, resolved, level)


def by_community(conn: Connection, key: str, f: Filters, **params) -> pd.Series:
    return breakdown(conn, key, f, "community", **params)


def by_grid(conn: Connection, key: str, f: Filters, **params) -> pd.Series:
    return breakdown(conn, key, f, "grid", **params)


def by_compound(conn: Connection, key: str, f: Filters, **params) -> pd.Series:
    """Per residential compound (for sources that record one): the finest level, for the map."""
    return breakdown(conn, key, f, "compound", **params)


def value(conn: Connection, key: str, f: Filters, **params) -> float | None:
    """The metric for the whole chosen area: a sum, or for ratios sum(numerator) ÷ sum(denominator)."""
    m = get(key)
    if m.ratio:
        num = float(by_community(conn, m.ratio[0], f).sum())
        den = float(by_community(conn, m.ratio[1], f).sum())
        return num / den * m.scale if den else None
    return float(by_community(conn, key, f, **params).sum())


# ------------------------------------------------------------------------------ by month


def _frame(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["month", "community_code", "value"])


def _flow_by_month(conn, m: Metric, f: Filters, params, months, codes) -> pd.DataFrame:
    assert isinstance(m.time, Flow)
    src = _source(m, fine=bool(f.grids))
    sel = src.selectable()
    c = sel.c
    ctx = _context(conn, f, params)
    col = c[m.time.date]
    period = Filters(start=months[0], end=months[-1])
    in_period = (
        period.month_in_period(col) if m.time.grain == "month" else period.date_in_period(col)
    )
    month = col if m.time.grain == "month" else month_expr(conn, col)
    stmt = (
        select(c[src.community], month, _aggregate(m, c))
        .select_from(sel)
        .where(*_area_and_where(src, c, ctx), in_period)
        .group_by(c[src.community], month)
    )
    found = {(r[0], r[1]): float(r[2] or 0) for r in conn.execute(stmt)}
    return _frame(
        [
            {"month": mo, "community_code": code, "value": found.get((code, mo), 0.0)}
            for mo in months
            for code in codes
        ]
    )


def _month_text(conn, col, grain: str):
    return col if grain != "date" else month_expr(conn, col)


def _stock_by_month(conn, m: Metric, f: Filters, params, months, codes) -> pd.DataFrame:
    """Group the rows by (community, valid from, valid to), then read each month's end."""
    time = m.time
    assert isinstance(time, Stock)
    src = _source(m, fine=bool(f.grids))
    sel = src.selectable()
    c = sel.c
    ctx = _context(conn, f, params)
    distinct = isinstance(m.value, CountDistinct)
    start = _month_text(conn, c[time.start], time.grain) if time.start else None
    end = _month_text(conn, c[time.end], time.grain) if time.end else None
    keys = [c[src.community]]
    if distinct:
        keys.append(c[m.value.column])
    parts = [*keys, start if start is not None else null(), end if end is not None else null()]
    group = [k for k in (*keys, start, end) if k is not None]
    agg = func.count() if distinct else _aggregate(m, c)
    stmt = (
        select(*parts, agg).select_from(sel).where(*_area_and_where(src, c, ctx)).group_by(*group)
    )
    cols = ["community_code", *(["member"] if distinct else []), "first", "last", "value"]
    groups = pd.DataFrame(conn.execute(stmt).all(), columns=cols)
    # A NULL start is valid since before the records; a NULL end is still valid.
    year = time.grain == "year"
    first = groups["first"].map(lambda v: (0 if year else "") if pd.isna(v) else v)
    last = groups["last"].map(lambda v: "9999-12" if pd.isna(v) else v)
    rows = []
    for month in months:
        live = first <= (int(month[:4]) if year else month)
        if time.end:
            live &= last >= month if time.grain == "month" else last > month
        current = groups[live]
        if distinct:
            sums = current.groupby("community_code")["member"].nunique()
        else:
            sums = current.groupby("community_code")["value"].sum()
        rows.extend(
            {"month": month, "community_code": code, "value": float(sums.get(code, 0))}
            for code in codes
        )
    return _frame(rows)


def monthly(conn: Connection, key: str, f: Filters, **params) -> pd.DataFrame:
    """month, community_code, value over the period: each month's flow, or each month-end's stock."""
    m = get(key)
    resolved = m.resolve_params(params)
    months = period_months(conn, f)
    codes = communities(conn, f)["code"].tolist()
    if not months:
        return _frame([])
    if m.ratio:
        num = monthly(conn, m.ratio[0], f).set_index(["month", "community_code"])["value"]
        den = monthly(conn, m.ratio[1], f).set_index(["month", "community_code"])["value"]
        ratio = _ratio(num, den.reindex(num.index), m.scale)
        return ratio.rename("value").reset_index()
    if m.as_of_where or isinstance(m.time, Latest):
        rows = []
        for month in months if m.as_of_where else months[-1:]:
            at = Filters(f.communities, f.grids, month, month)
            series = by_community(conn, key, at, **resolved)
            rows.extend(
                {"month": month, "community_code": code, "value": float(series.get(code, 0))}
                for code in codes
            )
        if isinstance(m.time, Latest) and not m.as_of_where:
            rows = [{**r, "month": month} for month in months for r in rows]
        return _frame(rows)
    if isinstance(m.time, Flow):
        return _flow_by_month(conn, m, f, resolved, months, codes)
    return _stock_by_month(conn, m, f, resolved, months, codes)
