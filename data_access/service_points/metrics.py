"""Service points: how many operate, and how many per 1,000 households.

Read from the points' dated states (`service_point_states`): a month counts the points whose
operating spell covers its last day, so a point suspended today still counts in the months before
its suspension, and one that reopened counts again from then.
"""

from __future__ import annotations

from sqlalchemy import select

from data_access.engine.base import Count, Metric, Source, Stock, register
from data_access.service_points.models import ServicePoint, ServicePointState


def _spells():
    return select(
        ServicePoint.community_code,
        ServicePoint.grid_code,
        ServicePoint.type,
        ServicePointState.status,
        ServicePointState.valid_from,
        ServicePointState.valid_to,
    ).join(ServicePoint, ServicePoint.id == ServicePointState.point_id)


register(
    Metric(
        key="service_points",
        unit="points",
        source=Source(_spells, where=lambda c, ctx: [c.status == "operating"]),
        value=Count(),
        time=Stock(start="valid_from", end="valid_to"),
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
