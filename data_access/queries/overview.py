"""The overview page's questions: the communities side by side, and a metric's monthly trend."""

from __future__ import annotations

import pandas as pd
from sqlalchemy.engine import Connection

from data_access import metrics
from data_access.filters import Filters
from data_access.queries.common import communities, residents_by_community


def comparison(
    conn: Connection, f: Filters, keys: tuple[str, ...], per_thousand: bool = False
) -> pd.DataFrame:
    """One row per chosen community: code, name, households, then one column per metric key.

    With per_thousand, counts are divided by the area's households / 1,000 (ratios stay as they are),
    so communities of different size compare fairly.
    """
    comms = communities(conn, f)
    out = pd.DataFrame({"code": comms["code"], "name": comms["name"]})
    households = residents_by_community(conn, f, "households")
    out["households"] = out["code"].map(households).fillna(0).astype(int)
    for key in keys:
        series = metrics.by_community(conn, key, f)
        values = out["code"].map(series)
        if per_thousand and metrics.get(key).denominator is None:
            values = values / (out["households"].where(out["households"] > 0) / 1000)
        out[key] = values.astype(float)
    return out


def metric_by_community(
    conn: Connection, f: Filters, key: str, per_thousand: bool = False
) -> pd.DataFrame:
    """name, value of one metric for each chosen community (for a bar chart)."""
    table = comparison(conn, f, (key,), per_thousand)
    return table[["name", key]].rename(columns={key: "value"})


def trend(conn: Connection, f: Filters, key: str) -> pd.DataFrame:
    """month, series (community name), value of a metric over the period."""
    df = metrics.monthly(conn, key, f)
    if df.empty:
        return pd.DataFrame(columns=["month", "series", "value"])
    comms = communities(conn)
    names = dict(zip(comms["code"], comms["name"], strict=True))
    return pd.DataFrame(
        {"month": df["month"], "series": df["community_code"].map(names), "value": df["value"]}
    )


def trend_metrics() -> tuple[str, ...]:
    """Metrics that have a monthly series."""
    return tuple(m.key for m in metrics.all_metrics() if m.monthly_fn is not None)
