"""Service points: how many operate, and how many per 1,000 households.

Read from the points' dated states (`service_point_states`): a month counts the points whose
operating spell covers its last day, so a point suspended today still counts in the months before
its suspension, and one that reopened counts again from then.
"""

from __future__ import annotations

from sqlalchemy import exists, select
from sqlalchemy.sql import ColumnElement

from data_access.engine.base import Count, Metric, Source, Stock, register
from data_access.filters import Filters
from data_access.service_points.models import ServicePoint, ServicePointState

OPERATING = "operating"
# A state holds from `valid_from` until the day before `valid_to` (NULL: still holds).
SPELL = Stock(start="valid_from", end="valid_to")


def _spells():
    return select(
        ServicePoint.community_code,
        ServicePoint.grid_code,
        ServicePoint.type,
        ServicePointState.status,
        ServicePointState.valid_from,
        ServicePointState.valid_to,
    ).join(ServicePoint, ServicePoint.id == ServicePointState.point_id)


def state_at_end(f: Filters, status: str) -> ColumnElement:
    """A point's state at the period's end is `status`: a spell of that state covers the period's
    last day (with no period end, the state now) — the rule `SPELL` gives the figure below, for
    queries that list points row by row."""
    S = ServicePointState
    return exists().where(
        S.point_id == ServicePoint.id,
        S.status == status,
        f.dates_cover_end(S.valid_from, S.valid_to),
    )


def operating_clause(f: Filters) -> ColumnElement:
    """Operating at the period's end, as the `service_points` figure counts it."""
    return state_at_end(f, OPERATING)


register(
    Metric(
        key="service_points",
        unit="points",
        source=Source(_spells, where=lambda c, ctx: [c.status == OPERATING]),
        value=Count(),
        time=SPELL,
        dimensions={"type": "type"},
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
