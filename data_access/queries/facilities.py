"""Facilities ("六室三站一场"), construction projects and funding, by community."""

from __future__ import annotations

import datetime

import pandas as pd
from sqlalchemy import func, literal, null, select
from sqlalchemy.engine import Connection

from data_access.filters import Filters
from data_access.models import Facility, FacilityKind, Funding, Project
from data_access.queries.common import (
    communities,
    flow_by_month,
    month_expr,
    series_by_community,
    stock_by_month,
)


def funding_by_community(conn: Connection, f: Filters) -> pd.Series:
    """Money received in the period, yuan."""
    stmt = (
        select(Funding.community_code, func.sum(Funding.amount_yuan))
        .where(f.date_in_period(Funding.received_on), f.area_clause(Funding.community_code))
        .group_by(Funding.community_code)
    )
    return series_by_community(conn, stmt, f)


def funding_by_month(conn: Connection, f: Filters) -> pd.DataFrame:
    month = month_expr(conn, Funding.received_on)
    stmt = (
        select(Funding.community_code, month, func.sum(Funding.amount_yuan))
        .where(f.date_in_period(Funding.received_on), f.area_clause(Funding.community_code))
        .group_by(Funding.community_code, month)
    )
    return flow_by_month(conn, stmt, f)


def required_kinds(conn: Connection) -> pd.DataFrame:
    """code, name_zh, name_en, group_kind of the facilities every community must have."""
    stmt = (
        select(
            FacilityKind.code, FacilityKind.name_zh, FacilityKind.name_en, FacilityKind.group_kind
        )
        .where(FacilityKind.required.is_(True))
        .order_by(FacilityKind.sort_order)
    )
    return pd.DataFrame(
        conn.execute(stmt).mappings().all(), columns=["code", "name_zh", "name_en", "group_kind"]
    )


def _in_use_clause(f: Filters):
    return [*_in_use_by_end(f), FacilityKind.required.is_(True)]


def _in_use_by_end(f: Filters) -> list:
    """In use, and (when the period has an end) in use since on or before it; no date = long in use."""
    clauses = [Facility.status == "in_use"]
    if f.end_date is not None:
        clauses.append(func.coalesce(Facility.in_use_since, f.end_date) <= f.end_date)
    return clauses


def required_in_use_by_community(conn: Connection, f: Filters) -> pd.Series:
    """Required kinds in use by the period's end (a kind counts once however many rooms)."""
    stmt = (
        select(Facility.community_code, func.count(func.distinct(Facility.kind)))
        .join(FacilityKind, FacilityKind.code == Facility.kind)
        .where(*_in_use_clause(f), f.area_clause(Facility.community_code))
        .group_by(Facility.community_code)
    )
    return series_by_community(conn, stmt, f)


def required_slots_by_community(conn: Connection, f: Filters) -> pd.Series:
    """How many required kinds each chosen community must have (the same list for all)."""
    n = len(required_kinds(conn))
    codes = communities(conn, f)["code"].tolist()
    return pd.Series(
        [float(n)] * len(codes), index=pd.Index(codes, name="community_code"), dtype=float
    )


def completeness_by_month(conn: Connection, f: Filters) -> pd.DataFrame:
    """Share of required kinds in use at each month's end, by community (one query for all months)."""
    # Each (community, kind) counts once, from the month its first facility came into use;
    # no date means long in use.
    first_use = func.min(func.coalesce(Facility.in_use_since, datetime.date(1900, 1, 1)))
    stmt = (
        select(Facility.community_code, month_expr(conn, first_use), null(), literal(1))
        .join(FacilityKind, FacilityKind.code == Facility.kind)
        .where(
            Facility.status == "in_use",
            FacilityKind.required.is_(True),
            f.area_clause(Facility.community_code),
        )
        .group_by(Facility.community_code, Facility.kind)
    )
    df = stock_by_month(conn, stmt, f)
    slots = df["community_code"].map(required_slots_by_community(conn, f))
    df["value"] = (df["value"] / slots.where(slots > 0)).fillna(0.0).astype(float)
    return df


def projects(conn: Connection, f: Filters) -> pd.DataFrame:
    """Every construction project of the chosen communities with its size, phase and phase dates."""
    cols = [c for c in Project.__table__.columns]
    stmt = select(*cols).where(f.area_clause(Project.community_code)).order_by(Project.id)
    return pd.DataFrame(conn.execute(stmt).all(), columns=[c.name for c in cols])


def funding_by_project(conn: Connection, f: Filters) -> pd.DataFrame:
    """project_id, source, amount_yuan received in the period (project_id empty for general funds)."""
    stmt = (
        select(Funding.project_id, Funding.source, func.sum(Funding.amount_yuan))
        .where(f.date_in_period(Funding.received_on), f.area_clause(Funding.community_code))
        .group_by(Funding.project_id, Funding.source)
        .order_by(Funding.project_id, Funding.source)
    )
    return pd.DataFrame(conn.execute(stmt).all(), columns=["project_id", "source", "amount_yuan"])


def facilities_in_use(conn: Connection, f: Filters) -> pd.DataFrame:
    """community_code, kind, name_zh, group_kind, required of facilities in use by the period's end."""
    clauses = [*_in_use_by_end(f), f.area_clause(Facility.community_code)]
    stmt = (
        select(
            Facility.community_code,
            Facility.kind,
            FacilityKind.name_zh,
            FacilityKind.group_kind,
            FacilityKind.required,
        )
        .join(FacilityKind, FacilityKind.code == Facility.kind)
        .where(*clauses)
        .order_by(Facility.community_code, FacilityKind.sort_order)
    )
    return pd.DataFrame(
        conn.execute(stmt).all(),
        columns=["community_code", "kind", "name_zh", "group_kind", "required"],
    )
