"""Walking coverage of the chosen area's compounds by service points: the current network per type
and community (`coverage_table`), a what-if scenario of added and closed points (`scenario`), and
greedy site suggestions on top of it (`suggestions`). The arithmetic is data_access.service_points.coverage."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd
from sqlalchemy.engine import Connection

from data_access import vocab
from data_access.filters import Filters
from data_access.service_points import coverage as cov
from data_access.service_points import walking
from data_access.service_points import walking_queries as sp_walking
from data_access.service_points.queries import compounds, operating_points
from data_access.service_points.sites import resolve_sites

COVERAGE_MEASURES: tuple[str, ...] = ("households", "residents_60_plus")
MAX_SUGGESTIONS = 10


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
    mode: how distances were measured: 'line' (straight) or 'walk' (along streets; asked for
        walking with no street network gives 'line').
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
    mode: str = "line"

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
    mode: str = "line",
) -> Scenario:
    """Coverage of the chosen area's compounds by the type's operating points, before and after
    adding sites (`added`: compound ids or 'lat,lon') and closing points (`closed`: point ids),
    by straight-line distance (mode 'line') or walking distance along streets ('walk')."""
    comps = compounds(conn, f)
    pts = operating_points(conn, f, (sp_type,))
    sites, rejected_sites = resolve_sites(conn, added)
    wanted_closed = tuple(dict.fromkeys(closed))
    known = set(pts["id"])
    rejected = [("sp_add", value, reason) for value, reason in rejected_sites]
    rejected += [("sp_close", pid, "not_operating") for pid in wanted_closed if pid not in known]
    close_mask = pts["id"].isin(wanted_closed).to_numpy()

    streets = sp_walking.street_network(conn) if mode == "walk" else None
    if streets is not None and not streets.empty:
        result = sp_walking.walk_what_if(streets, pts, comps, sites, close_mask)
    else:
        mode = "line"
        result = cov.what_if(
            pts["lat"],
            pts["lon"],
            comps["lat"],
            comps["lon"],
            sites["lat"],
            sites["lon"],
            close_mask,
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
        mode=mode,
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
    mode: str = "line",
) -> pd.DataFrame:
    """Up to k compound sites for new points of the type, on top of the scenario, chosen greedily
    (each pick adds the most `measure` given the picks before it; data_access.service_points.coverage).

    Columns: rank, compound_id, name, community, lat, lon, gain_households,
    gain_residents_60_plus, households_after, households_share_after. Fewer than k rows when
    further sites would add nothing. In mode 'walk' a site reaches the compounds within a walk
    of the radius along streets.
    """
    if measure not in COVERAGE_MEASURES:
        raise ValueError(f"measure must be one of {COVERAGE_MEASURES}, got {measure!r}")
    base = scenario(conn, f, sp_type, radius, added, closed, mode)
    comps = base.compounds
    if base.mode == "walk":
        reach = sp_walking.walk_reach(sp_walking.street_network(conn), comps, radius)
    else:
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


# A walk is a polyline from the point to the compound, so it is never shorter than the straight
# line between them; the slack covers the street network's flat-plane segment lengths against the
# great-circle distance used here (under 0.1% within a county), with room to spare.
WALK_BOUND_SLACK = 1.01


def within_walk_bound(points: pd.DataFrame, comps: pd.DataFrame, radius_m: float) -> pd.DataFrame:
    """The points within radius_m in a straight line (with WALK_BOUND_SLACK) of one of the
    compounds: the only ones a walk of radius_m or less can start from. At 200 communities a new
    community's walking table otherwise ran Dijkstra from all 20,000 of the county's points."""
    if points.empty or comps.empty:
        return points.iloc[0:0] if comps.empty else points
    gap = cov.nearest_distance_m(comps["lat"], comps["lon"], points["lat"], points["lon"])
    return points[gap <= radius_m * WALK_BOUND_SLACK + 1.0]


def coverage_table(
    conn: Connection, f: Filters, types: tuple[str, ...] = (), mode: str = "line"
) -> pd.DataFrame:
    """Share of households and of residents aged 60+ within 300 / 500 / 800 m of an operating
    point, per type and community, with an all-area row (community_code '') when the area spans
    several communities.

    Columns: type, community_code, community, households, residents_60_plus, then
    households_300 … households_800 and residents_60_plus_300 … (shares 0..1; NaN when the
    community has no one to cover). The current network only, without any what-if. Mode 'walk'
    measures along streets (straight line when there are none).
    """
    comps = compounds(conn, f)
    pts = operating_points(conn, f, types)
    streets = sp_walking.street_network(conn) if mode == "walk" else None
    walk = streets is not None and not streets.empty and len(comps) > 0
    if walk:
        pts = within_walk_bound(pts, comps, max(cov.RADII_M)).reset_index(drop=True)
    placed = sp_walking.places(streets, comps, pts) if walk else None
    codes = list(dict.fromkeys(comps["community_code"]))
    names = dict(zip(comps["community_code"], comps["community"], strict=False))
    group = comps["community_code"].map({c: i for i, c in enumerate(codes)}).to_numpy()
    with_total = len(codes) > 1
    rows = []
    for sp_type in types or tuple(vocab.SERVICE_POINT_TYPES):
        of_type = pts[pts["type"] == sp_type]
        if placed is not None:
            on_foot = walking.from_sources(
                placed.walks, placed.points(pts["type"] == sp_type), max(cov.RADII_M)
            )
            dist = on_foot[placed.walks.doors[placed.compounds]]
        else:
            dist = cov.nearest_distance_m(
                of_type["lat"], of_type["lon"], comps["lat"], comps["lon"]
            )
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
