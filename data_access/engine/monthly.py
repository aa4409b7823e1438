"""A figure month by month, and a flow's running total.

Flows group their events by month in one query (optionally by a declared dimension too). Stocks
read the (community, valid from, valid to) groups once and spread them over the months in pandas,
so a twelve-month trend is one query, not twelve. `cumulative` adds up a flow's months from a
start (money raised since the period began, by source).
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import func, null, select
from sqlalchemy.engine import Connection

from data_access.areas.queries import communities
from data_access.engine.base import CountDistinct, Flow, Latest, Metric, Stock, get
from data_access.engine.compute import by_community
from data_access.engine.periods import month_expr, period_months
from data_access.engine.sql import (
    aggregate,
    area_and_where,
    context,
    grouped,
    level_filters,
    source_for,
)
from data_access.filters import Filters

COLUMNS = ["month", "community_code", "value"]


def _frame(rows: list[dict], columns=COLUMNS) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=columns)


def _flow_by_month(
    conn, m: Metric, f: Filters, params, months, codes, by: str | None = None
) -> pd.DataFrame:
    assert isinstance(m.time, Flow)
    time = m.time
    src = source_for(m, fine=bool(f.grids))
    keys = [src.community]
    if by is not None:
        dim = m.dimension(by)
        src = dim.source or src
        keys.append(dim.column)
    period = Filters(start=months[0], end=months[-1])

    def in_period(c):
        col = c[time.date]
        return [
            period.month_in_period(col) if time.grain == "month" else period.date_in_period(col)
        ]

    def month_of_row(conn, c):
        col = c[time.date]
        return [(col if time.grain == "month" else month_expr(conn, col)).label("month")]

    found = grouped(conn, m, f, params, keys, src, extra=month_of_row, when=in_period)
    if by is None:
        values = {
            (r[0], r[1]): r[2]
            for r in zip(found[src.community], found["month"], found["value"], strict=True)
        }
        return _frame(
            [
                {"month": mo, "community_code": code, "value": values.get((code, mo), 0.0)}
                for mo in months
                for code in codes
            ]
        )
    column = m.dimension(by).column
    return (
        found.rename(columns={src.community: "community_code", column: by})[
            ["month", "community_code", by, "value"]
        ]
        .sort_values(["month", "community_code", by], na_position="last")
        .reset_index(drop=True)
    )


def _month_text(conn, col, grain: str):
    return col if grain != "date" else month_expr(conn, col)


def _stock_by_month(conn, m: Metric, f: Filters, params, months, codes) -> pd.DataFrame:
    """Group the rows by (community, valid from, valid to), then read each month's end."""
    time = m.time
    assert isinstance(time, Stock)
    src = source_for(m, fine=bool(f.grids))
    sel = src.selectable()
    c = sel.c
    ctx = context(conn, f, params)
    distinct = isinstance(m.value, CountDistinct)
    start = _month_text(conn, c[time.start], time.grain) if time.start else None
    end = _month_text(conn, c[time.end], time.grain) if time.end else None
    keys = [c[src.community]]
    if distinct:
        keys.append(c[m.value.column])
    parts = [*keys, start if start is not None else null(), end if end is not None else null()]
    group = [k for k in (*keys, start, end) if k is not None]
    agg = func.count() if distinct else aggregate(m, c)
    stmt = select(*parts, agg).select_from(sel).where(*area_and_where(src, c, ctx)).group_by(*group)
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


def monthly(
    conn: Connection, key: str, f: Filters, by: str | None = None, **params
) -> pd.DataFrame:
    """month, community_code, value over the period: each month's flow, or each month-end's stock.

    With `by` (a declared dimension of a flow): month, community_code, <by>, value, a row per
    month, community and category that counts (categories the rows hold, None included)."""
    m = get(key)
    resolved = m.resolve_params(params)
    f = level_filters(conn, key, f)
    months = period_months(conn, f)
    codes = communities(conn, f)["code"].tolist()
    if by is not None:
        if not isinstance(m.time, Flow) or m.ratio:
            raise ValueError(f"metric {key!r}: only a flow is broken down by month and category")
        if not months:
            return _frame([], ["month", "community_code", by, "value"])
        return _flow_by_month(conn, m, f, resolved, months, codes, by)
    if not months:
        return _frame([])
    if m.ratio:
        num = monthly(conn, m.ratio[0], f).set_index(["month", "community_code"])["value"]
        den = monthly(conn, m.ratio[1], f).set_index(["month", "community_code"])["value"]
        ratio = (num / den.reindex(num.index).where(lambda d: d != 0) * m.scale).astype(float)
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


def cumulative(
    conn: Connection, key: str, f: Filters, by: str | None = None, since: str | None = None
) -> pd.DataFrame:
    """A flow's running total over the chosen area, month by month: month, [by,] value (the month's
    flow) and cumulative (everything since `since`, by default the period's first month). With
    `by`, every month × every category that received anything, so each line starts at 0."""
    m = get(key)
    if not isinstance(m.time, Flow) or m.ratio:
        raise ValueError(f"metric {key!r}: only a flow has a running total")
    first = since or f.start
    wide = f.with_period(first, f.end) if first and f.end and first <= f.end else f
    frame = monthly(conn, key, wide, by=by)
    keys = ["month"] + ([by] if by else [])
    columns = [*keys, "value", "cumulative"]
    if frame.empty:
        return pd.DataFrame(columns=columns)
    per = frame.groupby(keys, dropna=False, sort=True)["value"].sum()
    months = sorted(set(period_months(conn, wide)))
    if by:
        categories = sorted(set(frame[by].dropna()))
        if not categories:
            return pd.DataFrame(columns=columns)
        index = pd.MultiIndex.from_product([months, categories], names=keys)
        per = per.reindex(index, fill_value=0.0)
        out = per.reset_index()
        out["cumulative"] = out.groupby(by)["value"].cumsum()
    else:
        out = per.reindex(months, fill_value=0.0).rename_axis("month").reset_index()
        out["cumulative"] = out["value"].cumsum()
    shown_from = f.start or months[0]
    return out[out["month"] >= shown_from][columns].reset_index(drop=True)
