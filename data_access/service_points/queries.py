"""Service points and the compounds they serve, as data frames: the points of the chosen area, the
county's operating points, residential compounds, operating points per type and community, and
points per 1,000 households. Walking coverage and what-if scenarios built on them are in
data_access.service_points.coverage_queries; typed what-if sites in data_access.service_points.sites."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import case, func, literal, or_, select, true
from sqlalchemy.engine import Connection
from sqlalchemy.sql import ColumnElement, Select

from data_access import metrics
from data_access.areas import geo
from data_access.areas.models import Community, Compound, Grid
from data_access.areas.queries import communities, community_names
from data_access.db import data_version
from data_access.filters import Filters
from data_access.memo import Memo
from data_access.service_points.metrics import operating_clause, state_at_end
from data_access.service_points.models import ServicePoint

# Points and compounds come from SQL already narrowed by the Filters; the coverage arithmetic runs
# on their coordinates in data_access.service_points.coverage (numpy/scipy), so the what-if reuses it unchanged.


def _period_only(f: Filters) -> Filters:
    """The same period over the whole county: residents walk to points across community lines."""
    return Filters(start=f.start, end=f.end)


def _exists_at_end(f: Filters) -> ColumnElement:
    return ServicePoint.opened_on <= f.end_date if f.end else true()


def _frame(conn: Connection, stmt: Select) -> pd.DataFrame:
    return pd.DataFrame(
        # Plain tuples: pandas reads a list of row mappings key by key, much slower.
        [tuple(r) for r in conn.execute(stmt).all()],
        columns=list(stmt.selected_columns.keys()),
    )


def points(conn: Connection, f: Filters, types: tuple[str, ...] = ()) -> pd.DataFrame:
    """Service points of the chosen area that exist at the period's end (opened by then).

    Columns: id, name, type, status, opened_on (ISO text), lat, lon, community_code, community,
    grid_code, grid, operating. `status` is the status at the period's end: operating per
    `operating_clause`, else suspended (a suspended spell covers the end) or closed. Points closed
    before the period began are left out (history, not the current network); suspended ones stay,
    since they may reopen.
    """
    operating = operating_clause(f)
    suspended = state_at_end(f, "suspended")
    status = case(
        (operating, literal("operating")),
        (suspended, literal("suspended")),
        else_=literal("closed"),
    )
    recent = (
        or_(ServicePoint.closed_on.is_(None), ServicePoint.closed_on >= f.start_date)
        if f.start
        else true()
    )
    stmt = (
        select(
            ServicePoint.id,
            ServicePoint.name,
            ServicePoint.type,
            status.label("status"),
            ServicePoint.opened_on,
            ServicePoint.lat,
            ServicePoint.lon,
            ServicePoint.community_code,
            Community.name.label("community"),
            ServicePoint.grid_code,
            Grid.name.label("grid"),
        )
        .join(Community, Community.code == ServicePoint.community_code)
        .outerjoin(Grid, Grid.code == ServicePoint.grid_code)
        .where(
            f.area_clause(ServicePoint.community_code, ServicePoint.grid_code),
            _exists_at_end(f),
            or_(operating, suspended, recent),
        )
        .order_by(ServicePoint.id)
    )
    if types:
        stmt = stmt.where(ServicePoint.type.in_(types))
    df = _frame(conn, stmt)
    df["opened_on"] = df["opened_on"].map(lambda d: d.isoformat() if d is not None else "")
    df["operating"] = df["status"] == "operating"
    return df


def type_counts(conn: Connection, f: Filters) -> pd.DataFrame:
    """community_code, community, type, points: operating points per community and type (no zeros),
    the `service_points` figure broken down by its `type` dimension."""
    df = metrics.by_category(conn, "service_points", "type", f)
    df = df[df["value"] > 0]
    names = community_names(conn)
    return pd.DataFrame(
        {
            "community_code": df["community_code"].tolist(),
            "community": [names.get(c, c) for c in df["community_code"]],
            "type": df["type"].tolist(),
            "points": df["value"].astype(int).tolist(),
        }
    )


def rates_by_community(conn: Connection, f: Filters) -> pd.DataFrame:
    """community_code, community, points, households, per_1000 for each chosen community: the
    declared figures `service_points`, `households` and their ratio `sp_per_1000_households`."""
    comms = communities(conn, f)
    out = pd.DataFrame({"community_code": comms["code"], "community": comms["name"]})
    for column, key in (
        ("points", "service_points"),
        ("households", "households"),
        ("per_1000", "sp_per_1000_households"),
    ):
        out[column] = out["community_code"].map(metrics.by_community(conn, key, f))
    out["points"] = out["points"].fillna(0).astype(int)
    out["households"] = out["households"].fillna(0).astype(int)
    out["per_1000"] = out["per_1000"].astype(float)
    return out


def compounds(conn: Connection, f: Filters) -> pd.DataFrame:
    """Residential compounds of the chosen area: id, name, community_code, community, grid_code,
    grid, households, residents_60_plus, lat, lon."""
    stmt = (
        select(
            Compound.id,
            Compound.name,
            Compound.community_code,
            Community.name.label("community"),
            Compound.grid_code,
            Grid.name.label("grid"),
            Compound.households,
            Compound.residents_60_plus,
            Compound.lat,
            Compound.lon,
        )
        .join(Community, Community.code == Compound.community_code)
        .outerjoin(Grid, Grid.code == Compound.grid_code)
        .where(f.area_clause(Compound.community_code, Compound.grid_code))
        .order_by(Compound.id)
    )
    return _frame(conn, stmt)


# The county's operating points, per engine, data version, period end and types: every coverage
# figure, what-if and suggestion of a filter asks for them (all 20,000 at 200 communities) while
# only `in_area` depends on the chosen area, so a new community filter no longer reads them again.
_COUNTY_POINTS: Memo[pd.DataFrame] = Memo(8)


def operating_points(conn: Connection, f: Filters, types: tuple[str, ...] = ()) -> pd.DataFrame:
    """Operating points at the period's end in the whole county, with in_area = inside the chosen
    area: id, name, type, lat, lon, community_code, community, opened_on, in_area.

    Coverage counts every one of them: a household walks to the nearest point whether or not it
    stands in the same community.
    """
    county = _period_only(f)
    key = (data_version(conn), county.start, county.end, tuple(types))
    df = _COUNTY_POINTS.get(key, lambda: _county_points(conn, county, types), owner=conn.engine)
    in_area = pd.Series(True, index=df.index)  # f.area_clause, row by row
    if f.communities:
        in_area &= df["community_code"].isin(f.communities)
    if f.grids:
        in_area &= df["grid_code"].isin(f.grids)
    return df.drop(columns="grid_code").assign(in_area=in_area.astype(bool))


def _county_points(conn: Connection, county: Filters, types: tuple[str, ...]) -> pd.DataFrame:
    stmt = (
        select(
            ServicePoint.id,
            ServicePoint.name,
            ServicePoint.type,
            ServicePoint.lat,
            ServicePoint.lon,
            ServicePoint.community_code,
            Community.name.label("community"),
            ServicePoint.opened_on,
            ServicePoint.grid_code,
        )
        .join(Community, Community.code == ServicePoint.community_code)
        .where(operating_clause(county))
        .order_by(ServicePoint.id)
    )
    if types:
        stmt = stmt.where(ServicePoint.type.in_(types))
    df = _frame(conn, stmt)
    df["opened_on"] = df["opened_on"].map(lambda d: d.isoformat() if d is not None else "")
    return df


def county_bounds(conn: Connection) -> geo.Bounds | None:
    """(lat_min, lat_max, lon_min, lon_max) of all communities' boundaries: where a what-if point
    may go. Falls back to the compounds' extent when no boundary is recorded; None when empty."""
    rows = conn.execute(select(Community.boundary).where(Community.boundary.is_not(None)))
    box = geo.bounds(text for (text,) in rows)
    if box is not None:
        return box
    row = conn.execute(
        select(
            func.min(Compound.lat),
            func.max(Compound.lat),
            func.min(Compound.lon),
            func.max(Compound.lon),
        )
    ).one()
    return None if row[0] is None else geo.Bounds(row[0], row[1], row[2], row[3])
