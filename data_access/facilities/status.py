"""The state of "六室三站一场" by community, the places on the facilities map, office space.

Facilities are kept per community (no grid): a grid filter narrows them to the grids'
communities. Statuses are read at the period's end (`facilities_logic.status_at`).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import select
from sqlalchemy.engine import Connection

from data_access import metrics
from data_access.admin.models import Target
from data_access.areas.models import Community, Grid
from data_access.areas.queries import community_names
from data_access.facilities import rules as logic
from data_access.facilities.models import Facility, FacilityKind, Project
from data_access.facilities.queries import required_kinds
from data_access.filters import Filters
from data_access.text import t

OFFICE_STANDARD_KEY = "office_m2_per_100_households"
MATRIX_COLUMNS = [
    "community_code",
    "community",
    "kind",
    "name_zh",
    "name_en",
    "group_kind",
    "status",
    "area_m2",
    "responsible_dept",
    "in_use_since",
]


def chosen_communities(conn: Connection, f: Filters) -> tuple[str, ...]:
    """The chosen communities, or those of the chosen grids, or all."""
    if f.communities:
        return f.communities
    stmt = select(Community.code).order_by(Community.code)
    if f.grids:
        stmt = (
            select(Grid.community_code)
            .where(Grid.code.in_(f.grids))
            .distinct()
            .order_by(Grid.community_code)
        )
    return tuple(conn.execute(stmt).scalars())


def _facilities(conn: Connection, codes: tuple[str, ...]) -> pd.DataFrame:
    stmt = (
        select(
            Facility.id,
            Facility.community_code,
            Facility.kind,
            Facility.status,
            Facility.area_m2,
            Facility.responsible_dept,
            Facility.in_use_since,
            Facility.lat,
            Facility.lon,
            FacilityKind.name_zh,
            FacilityKind.name_en,
            FacilityKind.group_kind,
            FacilityKind.required,
        )
        .join(FacilityKind, FacilityKind.code == Facility.kind)
        .where(Facility.community_code.in_(codes))
        .order_by(Facility.community_code, FacilityKind.sort_order, Facility.id)
    )
    rows = [tuple(r) for r in conn.execute(stmt).all()]
    return pd.DataFrame(rows, columns=list(stmt.selected_columns.keys()))


def _names(conn: Connection, codes: tuple[str, ...]) -> dict[str, str]:
    stmt = select(Community.code, Community.name).where(Community.code.in_(codes))
    return dict(conn.execute(stmt).all())


def matrix(conn: Connection, f: Filters) -> pd.DataFrame:
    """One row per chosen community × required kind: its status at the period's end (best of
    its rooms), total area, responsible departments and since when it is in use."""
    codes = chosen_communities(conn, f)
    kinds = required_kinds(conn)
    names = _names(conn, codes)
    fac = _facilities(conn, codes)
    as_of = f.end_date
    # One pass over the rooms: filtering the frame per community and kind was quadratic.
    rooms_of: dict[tuple[str, str], list] = {}
    for r in fac.itertuples():
        rooms_of.setdefault((r.community_code, r.kind), []).append(r)
    rows = []
    for code in codes:
        for k in kinds.itertuples(index=False):
            rooms = rooms_of.get((code, k.code), [])
            statuses = [logic.status_at(r.status, r.in_use_since, as_of) for r in rooms]
            status = logic.best_status(statuses)
            best = [r for r, s in zip(rooms, statuses, strict=True) if s == status]
            since = [r.in_use_since for r in best if pd.notna(r.in_use_since)]
            depts = sorted({d for r in best if isinstance(d := r.responsible_dept, str) and d})
            area = sum(float(r.area_m2) for r in best if pd.notna(r.area_m2))
            rows.append(
                {
                    "community_code": code,
                    "community": names.get(code, code),
                    "kind": k.code,
                    "name_zh": k.name_zh,
                    "name_en": k.name_en,
                    "group_kind": k.group_kind,
                    "status": status,
                    "area_m2": area if best and status != "missing" else None,
                    "responsible_dept": t("common.list_sep", "zh").join(depts)
                    if status != "missing"
                    else "",
                    "in_use_since": min(since) if status == "in_use" and since else None,
                }
            )
    return pd.DataFrame(rows, columns=MATRIX_COLUMNS)


def completeness(conn: Connection, f: Filters) -> pd.DataFrame:
    """community_code, community, in_use, required, share: completeness per chosen community —
    the declared figures `facility_kinds_in_use`, `facility_kinds_required` and their ratio."""
    in_use = metrics.by_community(conn, "facility_kinds_in_use", f)
    names = community_names(conn)
    return pd.DataFrame(
        {
            "community_code": in_use.index.tolist(),
            "community": [names.get(c, c) for c in in_use.index],
            "in_use": in_use.astype(int).tolist(),
            "required": metrics.by_community(conn, "facility_kinds_required", f)
            .reindex(in_use.index)
            .astype(int)
            .tolist(),
            "share": metrics.by_community(conn, "facility_completeness", f)
            .reindex(in_use.index)
            .tolist(),
        },
        columns=["community_code", "community", "in_use", "required", "share"],
    )


def map_sites(conn: Connection, f: Filters) -> pd.DataFrame:
    """Places on the facilities map: layer ('office', 'facility', 'project'), id, community,
    kind (facility kind or project phase), status, area_m2, since, lat, lon, name_zh, name_en."""
    codes = chosen_communities(conn, f)
    names = _names(conn, codes)
    as_of = f.end_date
    rows = []
    for r in _facilities(conn, codes).itertuples(index=False):
        if pd.isna(r.lat) or pd.isna(r.lon):
            continue
        rows.append(
            {
                "layer": "office" if r.kind == "office" else "facility",
                "id": r.id,
                "community": names.get(r.community_code, r.community_code),
                "kind": r.kind,
                "status": logic.status_at(r.status, r.in_use_since, as_of),
                "area_m2": r.area_m2,
                "since": r.in_use_since,
                "lat": r.lat,
                "lon": r.lon,
                "name_zh": r.name_zh,
                "name_en": r.name_en,
            }
        )
    stmt = (
        select(*Project.__table__.columns)
        .where(Project.community_code.in_(codes))
        .order_by(Project.id)
    )
    for p in conn.execute(stmt).all():
        if p.lat is None or p.lon is None:
            continue
        phase = logic.phase_at(dict(p._mapping), {}, as_of)
        if phase is None and as_of is not None and p.in_use_since is None:
            phase = "design"
        rows.append(
            {
                "layer": "project",
                "id": p.id,
                "community": names.get(p.community_code, p.community_code),
                "kind": phase or p.phase,
                "status": _project_status(phase),
                "area_m2": p.floor_area_m2,
                "since": p.in_use_since if phase == "in_use" else None,
                "lat": p.lat,
                "lon": p.lon,
                "name_zh": p.name,
                "name_en": p.name,
            }
        )
    cols = ["layer", "id", "community", "kind", "status", "area_m2", "since", "lat", "lon"]
    return pd.DataFrame(rows, columns=[*cols, "name_zh", "name_en"])


def _project_status(phase: str | None) -> str:
    """A project site coloured like a facility: in use, under construction, or planned."""
    if phase == "in_use":
        return "in_use"
    if phase in ("construction", "completed"):
        return "under_construction"
    return "planned"


def office_space(conn: Connection, f: Filters) -> pd.DataFrame:
    """community_code, community, households, area_m2 (rooms and stations in use at the period's
    end, fields excluded), per_100 (m² per 100 households) and standard (the target of
    office_m2_per_100_households in force at the period's end; None when the county set none)."""
    codes = chosen_communities(conn, f)
    fac = _facilities(conn, codes)
    as_of = f.end_date
    stmt = (
        select(Community.code, Community.name, Community.households)
        .where(Community.code.in_(codes))
        .order_by(Community.code)
    )
    area_of: dict[str, float] = {}
    for r in fac[fac["group_kind"] != "field"].itertuples():
        if pd.notna(r.area_m2) and logic.status_at(r.status, r.in_use_since, as_of) == "in_use":
            area_of[r.community_code] = area_of.get(r.community_code, 0.0) + float(r.area_m2)
    standards = _standards(conn, codes, f)
    rows = []
    for code, name, households in conn.execute(stmt).all():
        area = area_of.get(code, 0)
        rows.append(
            {
                "community_code": code,
                "community": name,
                "households": households,
                "area_m2": area,
                "per_100": area / households * 100 if households else None,
                "standard": standards.get(code, standards.get("")),
            }
        )
    cols = ["community_code", "community", "households", "area_m2", "per_100", "standard"]
    return pd.DataFrame(rows, columns=cols)


def office_standard(conn: Connection, community: str, f: Filters) -> float | None:
    """The office-space standard (m² per 100 households) in force for a community at the
    period's end: its own target, else the county's."""
    found = _standards(conn, (community,), f)
    return found.get(community, found.get(""))


def _standards(conn: Connection, communities: tuple[str, ...], f: Filters) -> dict[str, float]:
    """Community code ('' for the county) → the standard in force at the period's end, read in
    one query for all the communities."""
    month = f.end or dt.date.today().strftime("%Y-%m")
    stmt = select(Target.community_code, Target.period, Target.value).where(
        Target.metric_key == OFFICE_STANDARD_KEY, Target.community_code.in_((*communities, ""))
    )
    found: dict[str, tuple[str, float]] = {}
    for comm, period, value in conn.execute(stmt).all():
        start = period.partition("..")[0]
        # A standard stays in force until a later one replaces it.
        if start <= month and (comm not in found or start > found[comm][0]):
            found[comm] = (start, float(value))
    return {comm: value for comm, (_, value) in found.items()}
