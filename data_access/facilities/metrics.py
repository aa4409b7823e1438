"""Facilities and funding: "六室三站一场" completeness, money raised."""

from __future__ import annotations

from sqlalchemy import select

from data_access.areas.models import Community
from data_access.engine.base import (
    Count,
    CountDistinct,
    Flow,
    Latest,
    Metric,
    Source,
    Stock,
    Sum,
    register,
)
from data_access.facilities.models import Facility, FacilityKind, Funding


def _required_facilities():
    return (
        select(Facility.community_code, Facility.kind, Facility.status, Facility.in_use_since)
        .join(FacilityKind, FacilityKind.code == Facility.kind)
        .where(FacilityKind.required.is_(True))
    )


def _required_slots():
    """Every community × every required kind: what each community must have."""
    return select(Community.code.label("community_code"), FacilityKind.code.label("kind")).join(
        FacilityKind, FacilityKind.required.is_(True)
    )


register(
    Metric(
        key="funding_raised",
        unit="yuan",
        source=Source(Funding, grid=None),
        value=Sum("amount_yuan"),
        time=Flow("received_on"),
        dimensions={"source": "source", "purpose": "purpose", "project": "project_id"},
    )
)
# A kind counts once however many rooms of it there are; no date means long in use.
register(
    Metric(
        key="facility_kinds_in_use",
        unit="items",
        source=Source(_required_facilities, grid=None, where=lambda c, ctx: [c.status == "in_use"]),
        value=CountDistinct("kind"),
        time=Stock(start="in_use_since"),
    )
)
register(
    Metric(
        key="facility_kinds_required",
        unit="items",
        source=Source(_required_slots, grid=None),
        value=Count(),
        time=Latest(),
        trend=False,
    )
)
register(
    Metric(
        key="facility_completeness",
        unit="share",
        ratio=("facility_kinds_in_use", "facility_kinds_required"),
    )
)


def _indoor_facilities():
    """Facilities with a floor (rooms, stations, other service rooms; not outdoor fields)."""
    return (
        select(Facility.community_code, Facility.area_m2, Facility.status, Facility.in_use_since)
        .join(FacilityKind, FacilityKind.code == Facility.kind)
        .where(FacilityKind.group_kind != "field")
    )


# Office and service space: the floor area of the rooms and stations in use (fields excluded).
register(
    Metric(
        key="office_area",
        unit="m2",
        source=Source(_indoor_facilities, grid=None, where=lambda c, ctx: [c.status == "in_use"]),
        value=Sum("area_m2"),
        time=Stock(start="in_use_since"),
    )
)
register(
    Metric(
        key="office_m2_per_100_households",
        unit="m2_per_100_households",
        ratio=("office_area", "households"),
        scale=100,
    )
)
