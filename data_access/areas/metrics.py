"""The area's residents: registered households and population, the denominators of every rate.

Kept per community and per grid: a grid filter reads the chosen grids' figures (`fine_source`),
so a rate means the same on every page whatever the area.
"""

from __future__ import annotations

from data_access.areas.models import Community, Grid
from data_access.engine.base import Latest, Metric, Source, Sum, register

_COMMUNITIES = Source(Community, community="code", grid=None)
_GRIDS = Source(Grid, community="community_code", grid="code")

for _measure, _unit in (("households", "households"), ("population", "persons")):
    register(
        Metric(
            key=_measure,
            unit=_unit,
            source=_COMMUNITIES,
            fine_source=_GRIDS,
            value=Sum(_measure),
            time=Latest(),
            trend=False,
        )
    )
