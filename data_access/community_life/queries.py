"""Volunteers, older residents and their groups, the 两委 and honours, as small frames.

Single figures are metrics (`data_access.community_life.metrics`); these are the tables and
charts beside them. Disputes are in `data_access.community_life.disputes`.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import func, or_, select, true
from sqlalchemy.engine import Connection

from data_access import metrics
from data_access.areas.models import Community, Grid
from data_access.areas.queries import community_names
from data_access.community_life.models import (
    Cadre,
    CadrePost,
    ElderlyGroup,
    Honour,
    VolunteerActivity,
    VolunteerOrg,
)
from data_access.facilities.models import Facility
from data_access.filters import Filters
from data_access.service_points import coverage
from data_access.service_points import queries as sp
from data_access.service_points.models import ServicePoint

ELDERLY_REACH_M = 500  # the walk an older resident is expected to manage to a service point


def _frame(conn: Connection, stmt) -> pd.DataFrame:
    return pd.DataFrame(
        # Plain tuples: pandas reads a list of row mappings key by key, much slower.
        [tuple(r) for r in conn.execute(stmt).all()],
        columns=list(stmt.selected_columns.keys()),
    )


# ------------------------------------------------------------------------------ volunteers


def _activities_in(f: Filters):
    """Conditions: activities of organisations of the chosen communities, held in the period."""
    return (
        f.area_clause(VolunteerOrg.community_code),
        f.date_in_period(VolunteerActivity.date),
    )


def volunteer_monthly(conn: Connection, f: Filters) -> pd.DataFrame:
    """month, participations, residents_served, hours of the volunteer activities, every month of
    the period (0 where nothing was held): the three volunteer flows month by month. Organisations
    have no grid: a grid filter reads their whole communities."""
    out = pd.DataFrame({"month": metrics.period_months(conn, f)})
    for col, key in (
        ("participations", "volunteer_participations"),
        ("residents_served", "volunteer_residents_served"),
        ("hours", "volunteer_hours"),
    ):
        per_month = metrics.monthly(conn, key, f).groupby("month")["value"].sum()
        out[col] = out["month"].map(per_month).fillna(0.0)
    for col in ("participations", "residents_served"):
        out[col] = out[col].astype(int)
    out["hours"] = out["hours"].astype(float)
    return out


def activity_kinds(conn: Connection, f: Filters) -> pd.DataFrame:
    """kind, activities, participations, hours, residents_served: most activities first (the
    volunteer figures by their `kind` dimension)."""
    columns = {
        "activities": "volunteer_activities",
        "participations": "volunteer_participations",
        "hours": "volunteer_hours",
        "residents_served": "volunteer_residents_served",
    }
    totals = {col: metrics.category_totals(conn, key, "kind", f) for col, key in columns.items()}
    kinds = [k for k, v in totals["activities"].items() if v > 0]
    out = pd.DataFrame({"kind": kinds})
    if out.empty:
        return pd.DataFrame(columns=["kind", *columns])
    for col, series in totals.items():
        out[col] = [float(series.get(k, 0.0)) for k in kinds]
    for col in ("activities", "participations", "residents_served"):
        out[col] = out[col].astype(int)
    return out.sort_values(["activities", "kind"], ascending=[False, True], ignore_index=True)


def top_orgs(conn: Connection, f: Filters) -> pd.DataFrame:
    """Every organisation of the chosen communities founded by the period's end: name, community,
    members, activities, participations, hours, residents_served; most hours first."""
    founded = (
        or_(VolunteerOrg.founded_on.is_(None), VolunteerOrg.founded_on <= f.end_date)
        if f.end
        else true()
    )
    orgs = _frame(
        conn,
        select(
            VolunteerOrg.id, VolunteerOrg.name, VolunteerOrg.community_code, VolunteerOrg.members
        )
        .where(f.area_clause(VolunteerOrg.community_code), founded)
        .order_by(VolunteerOrg.id),
    )
    stmt = (
        select(
            VolunteerActivity.org_id,
            func.count(),
            func.sum(VolunteerActivity.participants),
            func.sum(VolunteerActivity.hours),
            func.sum(VolunteerActivity.residents_served),
        )
        .join(VolunteerOrg, VolunteerOrg.id == VolunteerActivity.org_id)
        .where(*_activities_in(f))
        .group_by(VolunteerActivity.org_id)
    )
    done = {r[0]: r[1:] for r in conn.execute(stmt)}
    names = community_names(conn)
    cols = ["name", "community", "members", "activities", "participations", "hours", "residents_served"]  # fmt: skip
    rows = []
    for o in orgs.itertuples(index=False):
        n, part, hours, served = done.get(o.id, (0, 0, 0.0, 0))
        rows.append(
            (o.name, names.get(o.community_code, o.community_code), int(o.members), int(n),
             int(part or 0), float(hours or 0), int(served or 0))
        )  # fmt: skip
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(["hours", "name"], ascending=[False, True], ignore_index=True)


# ------------------------------------------------------------------------------ older residents


def elderly_by_area(conn: Connection, f: Filters) -> pd.DataFrame:
    """level ('community' / 'grid'), code, community, grid, population, residents_60_plus,
    residents_80_plus, share_60_plus, share_80_plus, from the compounds of the chosen area.

    Ages per compound are aggregate headcounts of the registered population (tens to hundreds per
    grid), not counts of a programme's recipients, and are published exactly."""
    names = community_names(conn)
    grid_names = dict(conn.execute(select(Grid.code, Grid.name)).all())
    rows = []
    for level in ("community", "grid"):
        parts = {
            k: metrics.breakdown(conn, k, f, level)
            for k in ("compound_population", "residents_60_plus", "residents_80_plus")
        }
        if level == "grid":
            community_of = dict(conn.execute(select(Grid.code, Grid.community_code)).all())
        for code in parts["compound_population"].index:
            pop = float(parts["compound_population"][code])
            old = float(parts["residents_60_plus"][code])
            very = float(parts["residents_80_plus"][code])
            comm = code if level == "community" else community_of.get(code, "")
            rows.append(
                {
                    "level": level,
                    "code": code,
                    "community": names.get(comm, comm),
                    "grid": grid_names.get(code, "") if level == "grid" else "",
                    "population": int(pop),
                    "residents_60_plus": int(old),
                    "residents_80_plus": int(very),
                    "share_60_plus": old / pop if pop else None,
                    "share_80_plus": very / pop if pop else None,
                }
            )
    cols = ["level", "code", "community", "grid", "population", "residents_60_plus",
            "residents_80_plus", "share_60_plus", "share_80_plus"]  # fmt: skip
    return pd.DataFrame(rows, columns=cols)


def elderly_groups(conn: Connection, f: Filters) -> pd.DataFrame:
    """community_code, community, name, kind, members, founded_on of the groups for older
    residents founded by the period's end."""
    founded = (
        or_(ElderlyGroup.founded_on.is_(None), ElderlyGroup.founded_on <= f.end_date)
        if f.end
        else true()
    )
    stmt = (
        select(
            ElderlyGroup.community_code,
            Community.name.label("community"),
            ElderlyGroup.name,
            ElderlyGroup.kind,
            ElderlyGroup.members,
            ElderlyGroup.founded_on,
        )
        .join(Community, Community.code == ElderlyGroup.community_code)
        .where(f.area_clause(ElderlyGroup.community_code), founded)
        .order_by(ElderlyGroup.id)
    )
    return _frame(conn, stmt)


def elderly_centres(conn: Connection, f: Filters) -> pd.DataFrame:
    """The elderly service centres (facilities of kind elderly_service_centre) of the chosen
    communities: community, status, area_m2, in_use_since, responsible_dept, point_id, and the
    status of its service point at the period's end (operating / suspended / closed / '' when it
    has none or had not opened), point_name, open_at_end (in use by the period's end)."""
    stmt = (
        select(
            Facility.id,
            Community.name.label("community"),
            Facility.status,
            Facility.area_m2,
            Facility.in_use_since,
            Facility.responsible_dept,
            Facility.service_point_id.label("point_id"),
        )
        .join(Community, Community.code == Facility.community_code)
        .where(Facility.kind == "elderly_service_centre", f.area_clause(Facility.community_code))
        .order_by(Facility.id)
    )
    out = _frame(conn, stmt)
    points = sp.points(conn, Filters(start=f.start, end=f.end), ("elderly_care",))
    status = dict(zip(points["id"], points["status"], strict=True))
    names = dict(conn.execute(select(ServicePoint.id, ServicePoint.name)).all())
    out["point_status"] = [status.get(p, "") if p else "" for p in out["point_id"]]
    out["point_name"] = [names.get(p, "") if p else "" for p in out["point_id"]]
    # The facility's status is today's; before it came into use it was not in use yet.
    out["open_at_end"] = [
        since is None or f.end_date is None or since <= f.end_date for since in out["in_use_since"]
    ]
    return out


def elderly_map(conn: Connection, f: Filters) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(compounds, points) for the map of older residents.

    compounds: id, name, community, grid, residents_60_plus, lat, lon, distance_m (to the nearest
    elderly service point operating at the period's end anywhere in the county: people walk
    across community lines), covered (within ELDERLY_REACH_M). points: id, name, community, grid,
    status, lat, lon, in_area of the elderly service points operating at the period's end."""
    compounds = sp.compounds(conn, f)
    county = sp.points(conn, Filters(start=f.start, end=f.end), ("elderly_care",))
    county = county[county["operating"]].reset_index(drop=True)
    in_area = sp.points(conn, f, ("elderly_care",))
    county["in_area"] = county["id"].isin(set(in_area["id"]))
    distance = coverage.nearest_distance_m(
        county["lat"].astype(float), county["lon"].astype(float),
        compounds["lat"].astype(float), compounds["lon"].astype(float),
    )  # fmt: skip
    compounds = compounds.assign(distance_m=distance, covered=distance <= ELDERLY_REACH_M)
    return compounds, county


def elderly_reach(conn: Connection, f: Filters) -> dict[str, int]:
    """residents_60_plus of the chosen area and those living within ELDERLY_REACH_M of an
    operating elderly service point; compounds likewise."""
    compounds, _ = elderly_map(conn, f)
    near = compounds[compounds["covered"]]
    return {
        "residents_60_plus": int(compounds["residents_60_plus"].sum()),
        "covered_60_plus": int(near["residents_60_plus"].sum()),
        "compounds": len(compounds),
        "covered_compounds": len(near),
    }


def elderly_reach_by_community(conn: Connection, f: Filters) -> pd.DataFrame:
    """community_code, residents_60_plus, covered_60_plus, compounds, covered_compounds: the
    figures of `elderly_reach` for each community of the chosen area (the county-level map)."""
    compounds, _ = elderly_map(conn, f)
    near = compounds["residents_60_plus"].where(compounds["covered"], 0)
    grouped = compounds.assign(covered_60_plus=near, covered_compounds=compounds["covered"])
    out = grouped.groupby("community_code", sort=True).agg(
        residents_60_plus=("residents_60_plus", "sum"),
        covered_60_plus=("covered_60_plus", "sum"),
        compounds=("id", "size"),
        covered_compounds=("covered_compounds", "sum"),
    )
    return out.astype(int).reset_index()


# ------------------------------------------------------------------------------ the 两委


def _seats_at_end(f: Filters):
    """Seats held on the period's last day (now, with no period end)."""
    return f.dates_cover_end(CadrePost.elected_on, CadrePost.left_on)


def cadres_by_body(conn: Connection, f: Filters) -> pd.DataFrame:
    """community, body, seats, people of the bodies of the 两委 in office at the period's end, and
    one 'both' row per community: people sitting on both (counted once in the total) — the
    `cadre_seats` and `cadres` figures by body and by side."""
    seats = metrics.by_category(conn, "cadre_seats", "body", f)
    people = metrics.by_category(conn, "cadres", "body", f).set_index(["community_code", "body"])
    sides = metrics.by_category(conn, "cadres", "side", f).set_index(["community_code", "side"])
    everyone = metrics.by_community(conn, "cadres", f)
    names = community_names(conn)
    rows = []
    for comm in sorted(set(seats["community_code"])):
        mine = seats[seats["community_code"] == comm]
        name = names.get(comm, comm)
        for body, held in zip(mine["body"], mine["value"], strict=True):
            rows.append((name, body, int(held), int(people["value"].get((comm, body), 0))))
        total = int(everyone.get(comm, 0))
        on_both = sum(int(sides["value"].get((comm, side), 0)) for side in ("party", "residents"))
        rows.append((name, "both", on_both - total, on_both - total))
        rows.append((name, "total", int(mine["value"].sum()), total))
    return pd.DataFrame(rows, columns=["community", "body", "seats", "people"])


def cadre_profile(conn: Connection, f: Filters) -> pd.DataFrame:
    """community, education, age_band ('under_35' / '35_plus' at the period's end), party_member,
    cadres: the people in office at the period's end, each once however many seats."""
    as_of = f.end_date
    if as_of is None:
        as_of = pd.Timestamp(metrics.end_month(conn, f) + "-01").to_period("M").end_time.date()
    people = select(CadrePost.cadre_id).where(
        f.area_clause(CadrePost.community_code), _seats_at_end(f)
    )
    stmt = select(
        Cadre.id, Cadre.community_code, Cadre.education, Cadre.birth_date, Cadre.party_member
    ).where(Cadre.id.in_(people))
    frame = _frame(conn, stmt)
    try:
        cutoff = as_of.replace(year=as_of.year - 35)
    except ValueError:  # 29 February
        cutoff = as_of.replace(year=as_of.year - 35, day=28)
    names = community_names(conn)
    cols = ["community", "education", "age_band", "party_member", "cadres"]
    if frame.empty:
        return pd.DataFrame(columns=cols)
    frame["age_band"] = ["under_35" if b > cutoff else "35_plus" for b in frame["birth_date"]]
    frame["community"] = frame["community_code"].map(names)
    frame["party_member"] = frame["party_member"].astype(bool)
    out = (
        frame.groupby(["community", "education", "age_band", "party_member"], sort=True)
        .size()
        .reset_index(name="cadres")
    )
    return out[cols]


# ------------------------------------------------------------------------------ honours


def honours(conn: Connection, f: Filters) -> pd.DataFrame:
    """year, level, title, community, awarded_by of the honours awarded up to the period's end
    year, newest first."""
    stmt = (
        select(
            Honour.year,
            Honour.level,
            Honour.title,
            Community.name.label("community"),
            Honour.awarded_by,
        )
        .join(Community, Community.code == Honour.community_code)
        .where(f.area_clause(Honour.community_code))
        .order_by(Honour.year.desc(), Honour.id)
    )
    end_year = int(metrics.end_month(conn, f)[:4])
    stmt = stmt.where(Honour.year <= end_year)
    return _frame(conn, stmt)
