"""Service points: how many operate, and how many per 1,000 households."""

from __future__ import annotations

from data_access.metrics.base import Count, Metric, Source, Stock, register
from data_access.models import ServicePoint

# A suspended point carries no date for its suspension, so it counts as not operating whatever
# the period (the sample-data issue gives points dated states).
_POINTS = Source(ServicePoint, where=lambda c, ctx: [c.status != "suspended"])

register(
    Metric(
        key="service_points",
        unit="points",
        source=_POINTS,
        value=Count(),
        time=Stock(start="opened_on", end="closed_on"),
    )
)
register(
    Metric(
        key="sp_per_1000_households",
        unit="per_1000_households",
        ratio=("service_points", "households"),
        scale=1000,
    )
)
