"""A figure broken down by one of its declared dimensions (a point's type, money's source, a
placement's channel, a cadre's body), per community and for the whole chosen area.

The breakdown is counted exactly as the figure is (`sql.grouped`), so the categories of a
community add up to its figure (for a dimension a row holds once), a ratio is sum ÷ sum per
category, and a median is taken over the category's rows.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy.engine import Connection

from data_access.engine.base import Median, get
from data_access.engine.sql import grouped, level_filters, source_for
from data_access.filters import Filters


def by_category(conn: Connection, key: str, dim: str, f: Filters, **params) -> pd.DataFrame:
    """community_code, <dim>, value: the figure per chosen community and category, a row for
    each combination that counts (categories as the rows hold them, None included)."""
    m = get(key)
    f = level_filters(conn, key, f)
    columns = ["community_code", dim, "value"]
    if m.ratio:
        num = by_category(conn, m.ratio[0], dim, f).set_index(["community_code", dim])["value"]
        den = by_category(conn, m.ratio[1], dim, f).set_index(["community_code", dim])["value"]
        both = num.index.union(den.index)
        num, den = num.reindex(both, fill_value=0.0), den.reindex(both, fill_value=0.0)
        ratio = (num / den.where(den != 0) * m.scale).astype(float)
        return ratio.rename("value").reset_index()[columns]
    resolved = m.resolve_params(params)
    dimension = m.dimension(dim)
    src = dimension.source or source_for(m, fine=bool(f.grids))
    found = grouped(conn, m, f, resolved, [src.community, dimension.column], src)
    found = found.rename(columns={src.community: "community_code", dimension.column: dim})
    return found[columns].sort_values(
        ["community_code", dim], na_position="last", ignore_index=True
    )


def category_totals(conn: Connection, key: str, dim: str, f: Filters, **params) -> pd.Series:
    """The figure per category over the whole chosen area (index: the category), largest first
    (ties by category)."""
    m = get(key)
    f = level_filters(conn, key, f)
    if m.ratio:
        num = category_totals(conn, m.ratio[0], dim, f)
        den = category_totals(conn, m.ratio[1], dim, f)
        both = num.index.union(den.index)
        num, den = num.reindex(both, fill_value=0.0), den.reindex(both, fill_value=0.0)
        out = (num / den.where(den != 0) * m.scale).astype(float)
    elif isinstance(m.value, Median):
        dimension = m.dimension(dim)
        src = dimension.source or source_for(m, fine=bool(f.grids))
        found = grouped(conn, m, f, m.resolve_params(params), [dimension.column], src)
        out = found.set_index(dimension.column)["value"].astype(float)
    else:
        out = by_category(conn, key, dim, f, **params).groupby(dim, dropna=False)["value"].sum()
    out.index.name = dim
    order = sorted(out.index, key=lambda k: (-(out[k] if pd.notna(out[k]) else -1), str(k)))
    return out.reindex(order).rename("value")
