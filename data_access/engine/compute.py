"""Deriving every level of a figure from its declaration: total, by community, by grid, by
compound (by month: `monthly`; by category: `categories`).

One GROUP BY query per level, built from the declaration's source, value and time (`sql`); ratios
are sum ÷ sum at every level (never an average of ratios); a median is read from the area's rows.
A figure not kept per grid is read for the chosen grids' communities (`sql.level_filters`).
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import select
from sqlalchemy.engine import Connection

from data_access.areas.models import Compound
from data_access.areas.queries import communities, grids
from data_access.engine.base import Median, Metric, get
from data_access.engine.sql import end_month, grouped, level_filters, source_for
from data_access.filters import Filters

__all__ = ["breakdown", "by_community", "by_compound", "by_grid", "end_month", "value"]


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


def _base_by(conn: Connection, m: Metric, f: Filters, params, level: str) -> pd.Series:
    src = source_for(m, fine=level != "community" or bool(f.grids))
    column = {"community": src.community, "grid": src.grid, "compound": src.compound}[level]
    if column is None:
        raise ValueError(f"metric {m.key!r} has no {level} breakdown")
    found = grouped(conn, m, f, params, [column], src)
    values = dict(zip(found[column], found["value"], strict=True))
    median = isinstance(m.value, Median)
    codes = _codes(conn, f, level)
    return pd.Series(
        [values.get(code, float("nan") if median else 0.0) for code in codes],
        index=pd.Index(codes, name=f"{level}_code"),
        dtype=float,
    )


def _ratio(num: pd.Series, den: pd.Series, scale: float) -> pd.Series:
    return (num / den.where(den != 0) * scale).astype(float)


def breakdown(
    conn: Connection, key: str, f: Filters, level: str = "community", **params
) -> pd.Series:
    """The metric per community, grid or compound of the chosen area; every one appears (0 when
    none)."""
    m = get(key)
    resolved = m.resolve_params(params)
    f = level_filters(conn, key, f)
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
    """The metric for the whole chosen area: a sum, for ratios sum(numerator) ÷ sum(denominator),
    for a median the median of the area's rows (None when there are none)."""
    m = get(key)
    f = level_filters(conn, key, f)
    if m.ratio:
        num = float(by_community(conn, m.ratio[0], f).sum())
        den = float(by_community(conn, m.ratio[1], f).sum())
        return num / den * m.scale if den else None
    if isinstance(m.value, Median):
        resolved = m.resolve_params(params)
        found = grouped(conn, m, f, resolved, [], source_for(m, fine=bool(f.grids)))
        return float(found["value"].iloc[0]) if not found.empty else None
    return float(by_community(conn, key, f, **params).sum())
