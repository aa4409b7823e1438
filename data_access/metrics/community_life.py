"""Volunteers, groups for older residents, cadres and honours (none of them has a grid)."""

from __future__ import annotations

from sqlalchemy import select

from data_access.metrics.base import (
    Count,
    CountDistinct,
    Flow,
    Metric,
    Source,
    Stock,
    Sum,
    register,
)
from data_access.models import (
    Cadre,
    CadrePost,
    ElderlyGroup,
    Honour,
    VolunteerActivity,
    VolunteerOrg,
)


def _activities():
    return select(
        VolunteerOrg.community_code,
        VolunteerActivity.date,
        VolunteerActivity.participants,
        VolunteerActivity.residents_served,
    ).join(VolunteerOrg, VolunteerOrg.id == VolunteerActivity.org_id)


def _seats():
    """Every seat on the 两委 with its holder: a person holding two seats (一肩挑, 交叉任职) counts once."""
    return select(
        CadrePost.community_code,
        CadrePost.cadre_id,
        CadrePost.elected_on,
        CadrePost.left_on,
        Cadre.education,
        Cadre.birth_date,
        Cadre.party_member,
    ).join(Cadre, Cadre.id == CadrePost.cadre_id)


_ORGS = Source(VolunteerOrg, grid=None)
register(
    Metric(
        key="volunteers",
        unit="persons",
        source=_ORGS,
        value=Sum("members"),
        time=Stock(start="founded_on"),
    )
)
register(
    Metric(
        key="volunteer_orgs",
        unit="organisations",
        source=_ORGS,
        value=Count(),
        time=Stock(start="founded_on"),
    )
)
# Two different person-times: volunteers taking part, and residents the activities served.
for _key, _column in (
    ("volunteer_participations", "participants"),
    ("volunteer_residents_served", "residents_served"),
):
    register(
        Metric(
            key=_key,
            unit="person_times",
            source=Source(_activities, grid=None),
            value=Sum(_column),
            time=Flow("date"),
        )
    )


def _age_cutoff(ctx) -> object:
    """Born after this date: under 35 at the as-of date."""
    as_of = ctx.as_of
    try:
        return as_of.replace(year=as_of.year - 35)
    except ValueError:  # 29 February
        return as_of.replace(year=as_of.year - 35, day=28)


_CADRE_CONDITIONS = {
    "cadres": lambda c, ctx: [],
    "cadres_college_plus": lambda c, ctx: [c.education == "college_plus"],
    "cadres_below_college": lambda c, ctx: [c.education == "below"],
    "cadres_under_35": lambda c, ctx: [c.birth_date > _age_cutoff(ctx)],
    "cadres_35_plus": lambda c, ctx: [c.birth_date <= _age_cutoff(ctx)],
    "cadres_party": lambda c, ctx: [c.party_member.is_(True)],
}
for _key, _where in _CADRE_CONDITIONS.items():
    register(
        Metric(
            key=_key,
            unit="cadres",
            source=Source(_seats, grid=None, where=_where),
            value=CountDistinct("cadre_id"),
            time=Stock(start="elected_on", end="left_on"),
            as_of_where=_key in ("cadres_under_35", "cadres_35_plus"),
        )
    )

register(
    Metric(
        key="honours",
        unit="items",
        source=Source(Honour, grid=None),
        value=Count(),
        time=Stock(start="year", grain="year"),
        trend=False,
    )
)
register(
    Metric(
        key="elderly_groups",
        unit="organisations",
        source=Source(ElderlyGroup, grid=None),
        value=Count(),
        time=Stock(start="founded_on"),
    )
)
