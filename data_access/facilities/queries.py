"""Facilities ("六室三站一场"), construction projects and funding, by community."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from data_access.facilities.models import Facility, FacilityKind, Funding, Project
from data_access.filters import Filters


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


def _in_use_by_end(f: Filters) -> list:
    """In use, and (when the period has an end) in use since on or before it; no date = long in use."""
    clauses = [Facility.status == "in_use"]
    if f.end_date is not None:
        clauses.append(func.coalesce(Facility.in_use_since, f.end_date) <= f.end_date)
    return clauses


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
