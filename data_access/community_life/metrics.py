"""Volunteers, older residents, disputes, cadres and honours.

Volunteers, groups, cadres and honours have no grid; older residents are counted from the
compounds (grid and compound level), disputes per grid (protected below community level as
`disputes` in `data_access.engine.protection`).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import case, literal, select

from data_access.areas.models import Community, Compound
from data_access.community_life.models import (
    Cadre,
    CadrePost,
    Dispute,
    ElderlyGroup,
    Honour,
    VolunteerActivity,
    VolunteerOrg,
)
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
from data_access.engine.protection import Covered, register_protection

# The party branch's bodies of the 两委 (the other is the residents' committee).
PARTY_BODIES = ("party_committee", "party_general_branch", "party_branch")


def _activities():
    return select(
        VolunteerOrg.community_code,
        VolunteerActivity.date,
        VolunteerActivity.kind,
        VolunteerActivity.participants,
        VolunteerActivity.residents_served,
        VolunteerActivity.hours,
    ).join(VolunteerOrg, VolunteerOrg.id == VolunteerActivity.org_id)


def _seats():
    """Every seat on the 两委 with its holder: a person holding two seats (一肩挑, 交叉任职) counts once."""
    return select(
        CadrePost.community_code,
        CadrePost.cadre_id,
        CadrePost.body,
        case(
            (CadrePost.body.in_(PARTY_BODIES), literal("party")), else_=literal("residents")
        ).label("side"),
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
for _key, _column, _unit in (
    ("volunteer_participations", "participants", "person_times"),
    ("volunteer_residents_served", "residents_served", "person_times"),
    ("volunteer_hours", "hours", "hours"),
):
    register(
        Metric(
            key=_key,
            unit=_unit,
            source=Source(_activities, grid=None),
            value=Sum(_column),
            time=Flow("date"),
            dimensions={"kind": "kind"},
        )
    )
register(
    Metric(
        key="volunteer_hours_per_volunteer",
        unit="hours",
        ratio=("volunteer_hours", "volunteers"),
        decimals=1,
        trend=False,
    )
)
register(
    Metric(
        key="volunteer_activities",
        unit="activities",
        source=Source(_activities, grid=None),
        value=Count(),
        time=Flow("date"),
        dimensions={"kind": "kind"},
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
            # by body: the people on each body; by side: on the party branch's bodies or on the
            # residents' committee (a person on both counts once on each side, once in all).
            dimensions={"body": "body", "side": "side"},
        )
    )
register(
    Metric(
        key="cadre_seats",
        unit="seats",
        source=Source(_seats, grid=None),
        value=Count(),
        time=Stock(start="elected_on", end="left_on"),
        trend=False,
        dimensions={"body": "body"},
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

# ------------------------------------------------------------------------------ per 1,000 residents

# Volunteers have no grid, so the rate is read against whole communities' residents (no
# fine_source): under a grid filter both parts stay community-wide and the rate keeps its meaning.
register(
    Metric(
        key="residents_community",
        unit="persons",
        source=Source(Community, community="code", grid=None),
        value=Sum("population"),
        time=Latest(),
        trend=False,
    )
)
register(
    Metric(
        key="volunteers_per_1000",
        unit="per_1000_residents",
        ratio=("volunteers", "residents_community"),
        scale=1000,
        trend=False,
    )
)

# ------------------------------------------------------------------------------ older residents

_COMPOUNDS = Source(Compound, grid="grid_code", compound="id")
for _key, _column in (
    ("residents_60_plus", "residents_60_plus"),
    ("residents_80_plus", "residents_80_plus"),
    ("compound_population", "population"),
):
    register(
        Metric(
            key=_key,
            unit="persons",
            source=_COMPOUNDS,
            value=Sum(_column),
            time=Latest(),
            trend=False,
        )
    )
for _key, _part in (("share_60_plus", "residents_60_plus"), ("share_80_plus", "residents_80_plus")):
    register(
        Metric(
            key=_key,
            unit="share",
            ratio=(_part, "compound_population"),
            trend=False,
        )
    )

# ------------------------------------------------------------------------------ disputes

OPEN_DAYS = 30  # "open for more than 30 days"
_DISPUTES_PROTECTED = ("disputes",)


def _open_since(ctx) -> dt.date:
    """Reported on or before this day: open for more than OPEN_DAYS days at the as-of date."""
    return ctx.as_of - dt.timedelta(days=OPEN_DAYS + 1)


register(
    Metric(
        key="disputes_screened",
        unit="disputes",
        source=Source(Dispute),
        value=Count(),
        time=Flow("reported_on"),
        higher_is_better=False,
        protected_by=_DISPUTES_PROTECTED,
    )
)
register(
    Metric(
        key="disputes_mediated",
        unit="disputes",
        source=Source(Dispute, where=lambda c, ctx: [c.outcome == "mediated"]),
        value=Count(),
        time=Flow("reported_on"),
        protected_by=_DISPUTES_PROTECTED,
    )
)
register(
    Metric(
        key="disputes_mediated_share",
        unit="share",
        ratio=("disputes_mediated", "disputes_screened"),
        protected_by=_DISPUTES_PROTECTED,
    )
)
# Open at the period's last day (not resolved by then: resolved_on is the first day closed) and
# reported more than 30 days before it.
register(
    Metric(
        key="disputes_open_30",
        unit="disputes",
        source=Source(Dispute, where=lambda c, ctx: [c.reported_on <= _open_since(ctx)]),
        value=Count(),
        time=Stock(start="reported_on", end="resolved_on"),
        higher_is_better=False,
        protected_by=("disputes_open",),
        as_of_where=True,
    )
)

# The counts shown below community level, and how they are protected (engine.protection):
# disputes reported are events over the chosen period, not a state at its last month.
register_protection(
    Covered("disputes", ("disputes_screened", "disputes_mediated"), over_period=True)
)
register_protection(Covered("disputes_open", ("disputes_open_30",)))
