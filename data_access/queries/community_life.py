"""Volunteers, elderly groups, cadres and honours, by community."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import func, or_, select
from sqlalchemy.engine import Connection

from data_access.filters import Filters
from data_access.models import Cadre, ElderlyGroup, Honour, VolunteerActivity, VolunteerOrg
from data_access.queries.common import flow_by_month, month_expr, series_by_community


def _orgs_existing(f: Filters):
    founded = VolunteerOrg.founded_on
    if f.end_date is None:
        return True
    return or_(founded.is_(None), founded <= f.end_date)


def volunteers_by_community(conn: Connection, f: Filters) -> pd.Series:
    """Members of the volunteer organisations founded by the end of the period."""
    stmt = (
        select(VolunteerOrg.community_code, func.sum(VolunteerOrg.members))
        .where(_orgs_existing(f), f.area_clause(VolunteerOrg.community_code))
        .group_by(VolunteerOrg.community_code)
    )
    return series_by_community(conn, stmt, f)


def volunteer_orgs_by_community(conn: Connection, f: Filters) -> pd.Series:
    stmt = (
        select(VolunteerOrg.community_code, func.count())
        .where(_orgs_existing(f), f.area_clause(VolunteerOrg.community_code))
        .group_by(VolunteerOrg.community_code)
    )
    return series_by_community(conn, stmt, f)


def person_times_by_community(conn: Connection, f: Filters) -> pd.Series:
    """Volunteer service person-times in the period."""
    stmt = (
        select(VolunteerOrg.community_code, func.sum(VolunteerActivity.person_times))
        .join(VolunteerOrg, VolunteerOrg.id == VolunteerActivity.org_id)
        .where(f.date_in_period(VolunteerActivity.date), f.area_clause(VolunteerOrg.community_code))
        .group_by(VolunteerOrg.community_code)
    )
    return series_by_community(conn, stmt, f)


def person_times_by_month(conn: Connection, f: Filters) -> pd.DataFrame:
    month = month_expr(conn, VolunteerActivity.date)
    stmt = (
        select(VolunteerOrg.community_code, month, func.sum(VolunteerActivity.person_times))
        .join(VolunteerOrg, VolunteerOrg.id == VolunteerActivity.org_id)
        .where(f.date_in_period(VolunteerActivity.date), f.area_clause(VolunteerOrg.community_code))
        .group_by(VolunteerOrg.community_code, month)
    )
    return flow_by_month(conn, stmt, f)


def _as_of(f: Filters) -> dt.date:
    return f.end_date or dt.date.today()


def cadres_by_community(conn: Connection, f: Filters, which: str = "all") -> pd.Series:
    """Elected cadres; which = all | college_plus | below | under_35 | over_35 | party (ages at the period's end)."""
    as_of = _as_of(f)
    try:
        cutoff = as_of.replace(year=as_of.year - 35)
    except ValueError:  # 29 February
        cutoff = as_of.replace(year=as_of.year - 35, day=28)
    conditions = {
        "all": True,
        "college_plus": Cadre.education == "college_plus",
        "below": Cadre.education == "below",
        "under_35": Cadre.birth_date > cutoff,
        "over_35": Cadre.birth_date <= cutoff,
        "party": Cadre.party_member.is_(True),
    }
    elected = or_(Cadre.elected_on.is_(None), Cadre.elected_on <= as_of)
    stmt = (
        select(Cadre.community_code, func.count())
        .where(conditions[which], elected, f.area_clause(Cadre.community_code))
        .group_by(Cadre.community_code)
    )
    return series_by_community(conn, stmt, f)


def honours_by_community(conn: Connection, f: Filters) -> pd.Series:
    """Honours awarded up to the period's end year (honours accumulate over the years)."""
    stmt = select(Honour.community_code, func.count()).where(f.area_clause(Honour.community_code))
    if f.end:
        stmt = stmt.where(Honour.year <= int(f.end[:4]))
    return series_by_community(conn, stmt.group_by(Honour.community_code), f)


def elderly_groups_by_community(conn: Connection, f: Filters) -> pd.Series:
    stmt = select(ElderlyGroup.community_code, func.count()).where(
        f.area_clause(ElderlyGroup.community_code)
    )
    if f.end_date:
        stmt = stmt.where(
            or_(ElderlyGroup.founded_on.is_(None), ElderlyGroup.founded_on <= f.end_date)
        )
    return series_by_community(conn, stmt.group_by(ElderlyGroup.community_code), f)


def elderly_groups(conn: Connection, f: Filters) -> pd.DataFrame:
    """community_code, name, kind, members of the groups for older residents."""
    stmt = (
        select(
            ElderlyGroup.community_code, ElderlyGroup.name, ElderlyGroup.kind, ElderlyGroup.members
        )
        .where(f.area_clause(ElderlyGroup.community_code))
        .order_by(ElderlyGroup.id)
    )
    return pd.DataFrame(
        conn.execute(stmt).all(), columns=["community_code", "name", "kind", "members"]
    )
