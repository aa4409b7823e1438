"""The overview page's questions: the communities side by side, and a metric's monthly trend."""

from __future__ import annotations

import pandas as pd
from sqlalchemy.engine import Connection

from data_access import metrics
from data_access.areas.queries import communities, community_names
from data_access.engine.protection import protected_monthly
from data_access.engine.snapshot import community_snapshots, community_values
from data_access.filters import Filters, add_months

# The overview's cards: one headline figure of each domain.
CARDS: tuple[str, ...] = (
    "service_points",
    "dibao_persons",
    "tekun_households",
    "reemployed",
    "youth_informed",
    "volunteers",
    "funding_raised",
    "facility_completeness",
)


def comparison(
    conn: Connection, f: Filters, keys: tuple[str, ...], per_thousand: bool = False
) -> pd.DataFrame:
    """One row per chosen community: code, name, households, then one column per metric key.

    Values are the metric per community as a card would show it (a small count under a grid
    filter is suppressed: NaN). With per_thousand, counts are divided by the area's households
    / 1,000 (ratios stay as they are), so communities of different size compare fairly.
    """
    comms = communities(conn, f)
    out = pd.DataFrame({"code": comms["code"], "name": comms["name"]})
    households = metrics.by_community(conn, "households", f)
    out["households"] = out["code"].map(households).fillna(0).astype(int)
    for key in keys:
        values = out["code"].map(community_values(conn, key, f)).astype(float)
        if per_thousand and not metrics.get(key).is_ratio:
            values = values / (out["households"].where(out["households"] > 0) / 1000)
        out[key] = values.astype(float)
    return out


def metric_by_community(
    conn: Connection, f: Filters, key: str, per_thousand: bool = False
) -> pd.DataFrame:
    """name, value of one metric for each chosen community (for a bar chart)."""
    table = comparison(conn, f, (key,), per_thousand)
    return table[["name", key]].rename(columns={key: "value"})


def trend_filters(conn: Connection, f: Filters) -> Filters:
    """The trend's months: the chosen period and the twelve months before it, as far back as
    the data reaches, so the line shows the same months a year earlier (同比) beside the
    period's own (24 months for a work year)."""
    span = metrics.data_period(conn)
    if span is None or f.start is None or f.end is None:
        return f
    return f.with_period(max(span[0], add_months(f.start, -12)), f.end)


def trend(conn: Connection, f: Filters, key: str) -> pd.DataFrame:
    """month, series (community name), value of a metric over `trend_filters(f)`; under a grid
    filter a month whose chosen grids may not be published is a gap in the line."""
    df = protected_monthly(conn, key, trend_filters(conn, f))
    if df.empty:
        return pd.DataFrame(columns=["month", "series", "value"])
    names = community_names(conn)
    values = df["value"].astype(float)
    return pd.DataFrame(
        {"month": df["month"], "series": df["community_code"].map(names), "value": values}
    )


def status_table(conn: Connection, f: Filters, keys: tuple[str, ...]) -> pd.DataFrame:
    """One row per chosen community: code, name, then per metric key its snapshot (value, target,
    status) as the community's own card would show it; for the communities × figures grid."""
    comms = communities(conn, f)
    out = pd.DataFrame({"code": comms["code"], "name": comms["name"]})
    whole = Filters(f.communities, (), f.start, f.end)
    for key in keys:
        snaps = community_snapshots(conn, key, whole)
        out[key] = out["code"].map(snaps)
    return out
