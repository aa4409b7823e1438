"""Employment services: laid-off workers re-employed, young people given job information."""

from __future__ import annotations

from sqlalchemy import literal

from data_access.metrics.base import Count, Flow, Metric, Source, register
from data_access.models import Jobseeker


def in_group(groups_column, group: str):
    """The person belongs to `group` (the column holds a comma-separated list of codes)."""
    return (literal(",") + groups_column + literal(",")).like(f"%,{group},%")


def _group(group: str) -> Source:
    return Source(Jobseeker, where=lambda c, ctx: [in_group(c.groups, group)])


register(
    Metric(
        key="reemployed",
        unit="persons",
        source=_group("laid_off"),
        value=Count(),
        time=Flow("placed_on"),
    )
)
register(
    Metric(
        key="youth_informed",
        unit="persons",
        source=_group("youth"),
        value=Count(),
        time=Flow("informed_on"),
    )
)
