"""Service points: operating points by community and over time; the service-point page's points,
compounds, per-1,000-household rates, walking coverage, what-if scenarios and site suggestions."""

from __future__ import annotations

import json
import math
import unicodedata
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import and_, case, func, literal, or_, select, true
from sqlalchemy.engine import Connection
from sqlalchemy.sql import ColumnElement, Select

from data_access import coverage as cov
from data_access import metrics, vocab
from data_access.filters import Filters
from data_access.models import Community, Compound, Grid, ServicePoint
from data_access.queries.common import communities


def operating_clause(f: Filters) -> ColumnElement:
    """Operating at the period's end: opened by then, not closed by then, not suspended.

    With no period end it is simply the current status 'operating'. A suspended point carries no
    date for its suspension, so it counts as not operating whatever the period.
    """
    if not f.end:
        return ServicePoint.status == "operating"
    return and_(
        ServicePoint.status != "suspended",
        f.dates_cover_end(ServicePoint.opened_on, ServicePoint.closed_on),
    )


# ------------------------------------------------------------------------------ the service-point page
#
# Points and compounds come from SQL already narrowed by the Filters; the coverage arithmetic runs
# on their coordinates in data_access.coverage (numpy/scipy), so the what-if reuses it unchanged.

COVERAGE_MEASURES: tuple[str, ...] = ("households", "residents_60_plus")
SITE_REASONS = ("not_number", "out_of_area", "unknown_site", "not_operating")
MAX_SUGGESTIONS = 10


class SiteError(ValueError):
    """A what-if site that cannot be used; `reason` is one of SITE_REASONS (the UI words it)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _period_only(f: Filters) -> Filters:
    """The same period over the whole county: residents walk to points across community lines."""
    return Filters(start=f.start, end=f.end)


def _exists_at_end(f: Filters) -> ColumnElement:
    return ServicePoint.opened_on <= f.end_date if f.end else true()


def _frame(conn: Connection, stmt: Select) -> pd.DataFrame:
    return pd.DataFrame(
        conn.execute(stmt).mappings().all(), columns=list(stmt.selected_columns.keys())
    )


def points(conn: Connection, f: Filters, types: tuple[str, ...] = ()) -> pd.DataFrame:
    """Service points of the chosen area that exist at the period's end (opened by then).

    Columns: id, name, type, status, opened_on (ISO text), lat, lon, community_code, community,
    grid_code, grid, operating. `status` is the status at the period's end: operating per
    `operating_clause`, else suspended or closed. Points closed before the period began are left
    out (history, not the current network); suspended ones stay, since they may reopen.
    """
    operating = operating_clause(f)
    status = case(
        (operating, literal("operating")),
        (ServicePoint.status == "suspended", literal("suspended")),
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
            or_(operating, ServicePoint.status == "suspended", recent),
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
    """community_code, community, type, points: operating points per community and type (no zeros)."""
    stmt = (
        select(
            ServicePoint.community_code,
            Community.name.label("community"),
            ServicePoint.type,
            func.count().label("points"),
        )
        .join(Community, Community.code == ServicePoint.community_code)
        .where(
            operating_clause(f), f.area_clause(ServicePoint.community_code, ServicePoint.grid_code)
        )
        .group_by(ServicePoint.community_code, Community.name, ServicePoint.type)
        .order_by(ServicePoint.community_code, ServicePoint.type)
    )
    df = _frame(conn, stmt)
    df["points"] = df["points"].astype(int)
    return df


def rates_by_community(conn: Connection, f: Filters) -> pd.DataFrame:
    """community_code, community, points, households, per_1000 for each chosen community."""
    comms = communities(conn, f)
    pts = metrics.by_community(conn, "service_points", f)
    hh = metrics.by_community(conn, "households", f)
    out = pd.DataFrame({"community_code": comms["code"], "community": comms["name"]})
    out["points"] = out["community_code"].map(pts).fillna(0).astype(int)
    out["households"] = out["community_code"].map(hh).fillna(0).astype(int)
    out["per_1000"] = (
        out["points"] / (out["households"].where(out["households"] > 0) / 1000)
    ).astype(float)
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


def operating_points(conn: Connection, f: Filters, types: tuple[str, ...] = ()) -> pd.DataFrame:
    """Operating points at the period's end in the whole county, with in_area = inside the chosen
    area: id, name, type, lat, lon, community_code, community, opened_on, in_area.

    Coverage counts every one of them: a household walks to the nearest point whether or not it
    stands in the same community.
    """
    in_area = case((f.area_clause(ServicePoint.community_code, ServicePoint.grid_code), 1), else_=0)
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
            in_area.label("in_area"),
        )
        .join(Community, Community.code == ServicePoint.community_code)
        .where(operating_clause(_period_only(f)))
        .order_by(ServicePoint.id)
    )
    if types:
        stmt = stmt.where(ServicePoint.type.in_(types))
    df = _frame(conn, stmt)
    df["in_area"] = df["in_area"].astype(bool)
    df["opened_on"] = df["opened_on"].map(lambda d: d.isoformat() if d is not None else "")
    return df


def county_bounds(conn: Connection) -> tuple[float, float, float, float] | None:
    """(lat_min, lat_max, lon_min, lon_max) of all communities' boundaries: where a what-if point
    may go. Falls back to the compounds' extent when no boundary is recorded; None when empty."""
    lats: list[float] = []
    lons: list[float] = []
    for (text,) in conn.execute(select(Community.boundary).where(Community.boundary.is_not(None))):
        for lon, lat in _coordinates(json.loads(text)):
            lats.append(lat)
            lons.append(lon)
    if not lats:
        row = conn.execute(
            select(
                func.min(Compound.lat),
                func.max(Compound.lat),
                func.min(Compound.lon),
                func.max(Compound.lon),
            )
        ).one()
        return None if row[0] is None else (row[0], row[1], row[2], row[3])
    return min(lats), max(lats), min(lons), max(lons)


def _coordinates(geometry: dict) -> list[tuple[float, float]]:
    """Every (lon, lat) of a GeoJSON Polygon / MultiPolygon / Feature."""
    if geometry.get("type") == "Feature":
        return _coordinates(geometry.get("geometry") or {})
    out: list[tuple[float, float]] = []

    def walk(node) -> None:
        if (
            isinstance(node, list | tuple)
            and len(node) >= 2
            and all(isinstance(v, int | float) for v in node[:2])
        ):
            out.append((float(node[0]), float(node[1])))
        elif isinstance(node, list | tuple):
            for child in node:
                walk(child)

    walk(geometry.get("coordinates", []))
    return out


def parse_coordinates(
    lat_text: str, lon_text: str, bounds: tuple[float, float, float, float] | None
) -> tuple[float, float]:
    """A typed what-if site: two decimal numbers (WGS-84) inside the county's bounding area.

    Raises SiteError('not_number') or SiteError('out_of_area'). Full-width digits and signs from a
    Chinese input method are accepted.
    """
    try:
        lat = float(unicodedata.normalize("NFKC", str(lat_text)).strip())
        lon = float(unicodedata.normalize("NFKC", str(lon_text)).strip())
    except ValueError:
        raise SiteError("not_number") from None
    if not (math.isfinite(lat) and math.isfinite(lon)):
        raise SiteError("not_number")
    if bounds is None:
        raise SiteError("out_of_area")
    lat_min, lat_max, lon_min, lon_max = bounds
    if not (lat_min <= lat <= lat_max and lon_min <= lon <= lon_max):
        raise SiteError("out_of_area")
    return round(lat, 6), round(lon, 6)


def coordinates_key(lat: float, lon: float) -> str:
    """The URL form of a typed site: 'lat,lon' with 6 decimals (≈ 0.1 m)."""
    return f"{lat:.6f},{lon:.6f}"


def _resolve_sites(
    conn: Connection, entries: tuple[str, ...]
) -> tuple[pd.DataFrame, list[tuple[str, str]]]:
    """URL entries (a compound id, or 'lat,lon') → sites (entry as given, key in canonical form,
    label, compound_id, lat, lon) and the rejected ones as (entry, reason)."""
    wanted = tuple(dict.fromkeys(e.strip() for e in entries if e.strip()))
    found = {
        r.id: r
        for r in conn.execute(
            select(Compound.id, Compound.name, Compound.lat, Compound.lon).where(
                Compound.id.in_(wanted)
            )
        )
    }
    bounds = county_bounds(conn) if any(e not in found for e in wanted) else None
    rows, rejected = [], []
    for entry in wanted:
        if entry in found:
            c = found[entry]
            rows.append(
                {
                    "entry": entry,
                    "key": entry,
                    "label": c.name,
                    "compound_id": entry,
                    "lat": c.lat,
                    "lon": c.lon,
                }
            )
            continue
        parts = unicodedata.normalize("NFKC", entry).split(",")
        if len(parts) != 2:
            rejected.append((entry, "unknown_site"))
            continue
        try:
            lat, lon = parse_coordinates(parts[0], parts[1], bounds)
        except SiteError as err:
            rejected.append((entry, err.reason))
            continue
        key = coordinates_key(lat, lon)
        rows.append(
            {"entry": entry, "key": key, "label": key, "compound_id": None, "lat": lat, "lon": lon}
        )
    sites = pd.DataFrame(rows, columns=["entry", "key", "label", "compound_id", "lat", "lon"])
    return sites.drop_duplicates("key").reset_index(drop=True), rejected


@dataclass(frozen=True)
class Scenario:
    """A what-if for one service type at one radius: nothing of it is written anywhere.

    compounds: the area's compounds with dist_before / dist_after (m, inf = no point) and
        covered_before / covered_after at the radius.
    summary: per radius, per measure (households, residents_60_plus): total, before, after.
    points: operating points of the type that count for the area: in_area ones and, outside the
        area, those within the largest radius of one of its compounds (nearby).
    added, closed: the scenario's new sites and the points it closes.
    uncovered: compounds still out of reach at the radius after the scenario, largest first.
    rejected: (parameter, value, reason) of inputs that were ignored.
    """

    sp_type: str
    radius: int
    compounds: pd.DataFrame
    summary: pd.DataFrame
    points: pd.DataFrame
    added: pd.DataFrame
    closed: pd.DataFrame
    uncovered: pd.DataFrame
    rejected: tuple[tuple[str, str, str], ...]

    @property
    def active(self) -> bool:
        return not (self.added.empty and self.closed.empty)

    def figures(self, radius: int, measure: str = "households") -> dict[str, float | None]:
        """total, before, after, before_share, after_share, change (after − before) at a radius."""
        row = self.summary[
            (self.summary["radius"] == radius) & (self.summary["measure"] == measure)
        ]
        total, before, after = (float(row[c].iloc[0]) for c in ("total", "before", "after"))
        return {
            "total": total,
            "before": before,
            "after": after,
            "before_share": before / total if total else None,
            "after_share": after / total if total else None,
            "change": after - before,
        }


def scenario(
    conn: Connection,
    f: Filters,
    sp_type: str,
    radius: int = 500,
    added: tuple[str, ...] = (),
    closed: tuple[str, ...] = (),
) -> Scenario:
    """Coverage of the chosen area's compounds by the type's operating points, before and after
    adding sites (`added`: compound ids or 'lat,lon') and closing points (`closed`: point ids)."""
    comps = compounds(conn, f)
    pts = operating_points(conn, f, (sp_type,))
    sites, rejected_sites = _resolve_sites(conn, added)
    wanted_closed = tuple(dict.fromkeys(closed))
    known = set(pts["id"])
    rejected = [("sp_add", value, reason) for value, reason in rejected_sites]
    rejected += [("sp_close", pid, "not_operating") for pid in wanted_closed if pid not in known]
    close_mask = pts["id"].isin(wanted_closed).to_numpy()

    result = cov.what_if(
        pts["lat"], pts["lon"], comps["lat"], comps["lon"], sites["lat"], sites["lon"], close_mask
    )
    comps = comps.assign(
        dist_before=result.before_m,
        dist_after=result.after_m,
        covered_before=result.covered_before(radius),
        covered_after=result.covered_after(radius),
    )
    summary = [
        {
            "radius": r,
            "measure": measure,
            "total": float(comps[measure].sum()),
            "before": float(comps.loc[result.covered_before(r), measure].sum()),
            "after": float(comps.loc[result.covered_after(r), measure].sum()),
        }
        for r in cov.RADII_M
        for measure in COVERAGE_MEASURES
    ]

    # Points outside the area matter when they reach one of its compounds.
    reach = cov.nearest_distance_m(comps["lat"], comps["lon"], pts["lat"], pts["lon"])
    pts = pts.assign(nearby=~pts["in_area"] & (reach <= max(cov.RADII_M)), closed=close_mask)
    shown = pts[pts["in_area"] | pts["nearby"] | pts["closed"]].reset_index(drop=True)
    uncovered = (
        comps[~comps["covered_after"]]
        .sort_values(["households", "id"], ascending=[False, True])
        .reset_index(drop=True)
    )
    return Scenario(
        sp_type=sp_type,
        radius=int(radius),
        compounds=comps,
        summary=pd.DataFrame(summary, columns=["radius", "measure", "total", "before", "after"]),
        points=shown,
        added=sites,
        closed=pts[pts["closed"]].reset_index(drop=True),
        uncovered=uncovered,
        rejected=tuple(rejected),
    )


def suggestions(
    conn: Connection,
    f: Filters,
    sp_type: str,
    radius: int = 500,
    k: int = 3,
    measure: str = "households",
    added: tuple[str, ...] = (),
    closed: tuple[str, ...] = (),
) -> pd.DataFrame:
    """Up to k compound sites for new points of the type, on top of the scenario, chosen greedily
    (each pick adds the most `measure` given the picks before it; data_access.coverage).

    Columns: rank, compound_id, name, community, lat, lon, gain_households,
    gain_residents_60_plus, households_after, households_share_after. Fewer than k rows when
    further sites would add nothing.
    """
    if measure not in COVERAGE_MEASURES:
        raise ValueError(f"measure must be one of {COVERAGE_MEASURES}, got {measure!r}")
    base = scenario(conn, f, sp_type, radius, added, closed)
    comps = base.compounds
    reach = cov.reach_matrix(comps["lat"], comps["lon"], comps["lat"], comps["lon"], radius)
    picks = cov.greedy_sites(
        reach, comps[measure], comps["covered_after"], min(int(k), MAX_SUGGESTIONS)
    )
    total = float(comps["households"].sum())
    covered_hh = float(comps.loc[comps["covered_after"], "households"].sum())
    rows = []
    for rank, pick in enumerate(picks, start=1):
        c = comps.iloc[pick.candidate]
        newly = comps.iloc[pick.newly_covered]
        covered_hh += float(newly["households"].sum())
        rows.append(
            {
                "rank": rank,
                "compound_id": c["id"],
                "name": c["name"],
                "community": c["community"],
                "lat": float(c["lat"]),
                "lon": float(c["lon"]),
                "gain_households": int(newly["households"].sum()),
                "gain_residents_60_plus": int(newly["residents_60_plus"].sum()),
                "households_after": int(covered_hh),
                "households_share_after": covered_hh / total if total else None,
            }
        )
    columns = [
        "rank",
        "compound_id",
        "name",
        "community",
        "lat",
        "lon",
        "gain_households",
        "gain_residents_60_plus",
        "households_after",
        "households_share_after",
    ]
    return pd.DataFrame(rows, columns=columns)


def coverage_table(conn: Connection, f: Filters, types: tuple[str, ...] = ()) -> pd.DataFrame:
    """Share of households and of residents aged 60+ within 300 / 500 / 800 m of an operating
    point, per type and community, with an all-area row (community_code '') when the area spans
    several communities.

    Columns: type, community_code, community, households, residents_60_plus, then
    households_300 … households_800 and residents_60_plus_300 … (shares 0..1; NaN when the
    community has no one to cover). The current network only, without any what-if.
    """
    comps = compounds(conn, f)
    pts = operating_points(conn, f, types)
    codes = list(dict.fromkeys(comps["community_code"]))
    names = dict(zip(comps["community_code"], comps["community"], strict=False))
    group = comps["community_code"].map({c: i for i, c in enumerate(codes)}).to_numpy()
    with_total = len(codes) > 1
    rows = []
    for sp_type in types or tuple(vocab.SERVICE_POINT_TYPES):
        of_type = pts[pts["type"] == sp_type]
        dist = cov.nearest_distance_m(of_type["lat"], of_type["lon"], comps["lat"], comps["lon"])
        block: dict[str, dict] = {
            c: {"type": sp_type, "community_code": c, "community": names[c]} for c in codes
        }
        if with_total:
            block[""] = {"type": sp_type, "community_code": "", "community": ""}
        for measure in COVERAGE_MEASURES:
            weights = comps[measure].to_numpy(dtype=float)
            totals = None
            for r in cov.RADII_M:
                hit, totals = cov.shares_by_group(
                    cov.covered_mask(dist, r), weights, group, len(codes)
                )
                for i, c in enumerate(codes):
                    block[c][f"{measure}_{r}"] = hit[i] / totals[i] if totals[i] else math.nan
                if with_total:
                    block[""][f"{measure}_{r}"] = (
                        hit.sum() / totals.sum() if totals.sum() else math.nan
                    )
            for i, c in enumerate(codes):
                block[c][measure] = int(totals[i]) if totals is not None else 0
            if with_total:
                block[""][measure] = int(totals.sum()) if totals is not None else 0
        rows.extend(block.values())
    columns = ["type", "community_code", "community", *COVERAGE_MEASURES]
    columns += [f"{m}_{r}" for m in COVERAGE_MEASURES for r in cov.RADII_M]
    return pd.DataFrame(rows, columns=columns)
