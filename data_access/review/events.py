"""Events of the chosen period for the work summary: elections held and construction milestones
reached. A summary states what happened in its period — a half year after the election does not
say 选举产生社区干部14名, and the new office's 412 平方米 comes from the project's own row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from data_access.community_life.models import CadrePost
from data_access.facilities.models import Project
from data_access.filters import Filters

MILESTONES = (  # column → the step it ends, in the order a project goes
    ("design_ended_on", "design"),
    ("demolition_ended_on", "demolition"),
    ("construction_started_on", "started"),
    ("construction_ended_on", "built"),
    ("in_use_since", "in_use"),
)


def _bounds(f: Filters) -> tuple[dt.date | None, dt.date | None]:
    return f.start_date, f.end_date


def _inside(day: dt.date | None, f: Filters) -> bool:
    start, end = _bounds(f)
    return day is not None and (start is None or day >= start) and (end is None or day <= end)


def _date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def cadres_elected(conn: Connection, f: Filters) -> int:
    """People elected to a seat within the period, in the chosen communities."""
    start, end = _bounds(f)
    stmt = select(func.count(func.distinct(CadrePost.cadre_id)))
    if f.communities:
        stmt = stmt.where(CadrePost.community_code.in_(f.communities))
    if start is not None:
        stmt = stmt.where(CadrePost.elected_on >= start)
    if end is not None:
        stmt = stmt.where(CadrePost.elected_on <= end)
    return int(conn.execute(stmt).scalar() or 0)


@dataclass(frozen=True)
class ProjectNews:
    name: str
    floor_area_m2: float | None
    steps: tuple[str, ...]  # the milestones reached within the period, in order


def projects_news(conn: Connection, f: Filters) -> list[ProjectNews]:
    """Construction projects of the chosen communities with a milestone inside the period."""
    columns = [Project.name, Project.floor_area_m2, *(getattr(Project, c) for c, _ in MILESTONES)]
    stmt = select(*columns).order_by(Project.id)
    if f.communities:
        stmt = stmt.where(Project.community_code.in_(f.communities))
    out = []
    for row in conn.execute(stmt).mappings():
        steps = tuple(step for column, step in MILESTONES if _inside(_date(row[column]), f))
        if steps:
            out.append(ProjectNews(row["name"], row["floor_area_m2"], steps))
    return out
