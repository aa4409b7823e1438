"""Walking distances for the service-point page: the street network from the `roads` table, nearest
walks from compounds to points, the what-if and reach by walking, and walking-time areas.

The arithmetic is data_access.service_points.walking; this module reads the roads and puts compounds, points and
what-if sites on the network in one go. Modes: "line" (straight line, data_access.service_points.coverage) and
"walk" (along streets); with no walkable road the walk falls back to the straight line, and the
page says so (`has_roads`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike
from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from data_access.areas.roads import Road
from data_access.db import data_state
from data_access.filters import Filters
from data_access.service_points import coverage as cov
from data_access.service_points import queries as sp
from data_access.service_points import walking
from data_access.service_points.sites import resolve_sites

MODES: tuple[str, ...] = ("line", "walk")
# GB 50180-2018's life circles: 5, 10 and 15 minutes' walk are 300, 500 and 800 m, the page's radii.
AREA_MINUTES: dict[int, int] = {300: 5, 500: 10, 800: 15}


def has_roads(conn: Connection) -> bool:
    """Whether the database has at least one walkable road (else walking falls back)."""
    return bool(conn.execute(select(func.count()).where(Road.walkable.is_(True))).scalar_one())


# A graph per database (its engine: one URL can reach several schemas) and data version: every
# write bumps the version, so an import is read on the next query and older graphs age out.
_NETWORKS: walking.Memo[walking.Streets] = walking.Memo(4)


def street_network(conn: Connection) -> walking.Streets:
    """The walkable roads as a street graph, built once per database and data version."""
    version = data_state(conn)[0]
    return _NETWORKS.get(version, lambda: read_network(conn), owner=conn.engine)


def read_network(conn: Connection) -> walking.Streets:
    """The walkable roads as the connection sees them now, uncached (the import reads its own
    uncommitted network); a row whose geometry cannot be read is refused at import, one that
    got in some other way is left out rather than stop the page."""
    lines = []
    for (geometry,) in conn.execute(select(Road.geometry).where(Road.walkable.is_(True))):
        try:
            lines.extend(walking.lines_of(geometry))
        except (walking.GeometryError, ValueError):
            continue
    return walking.streets(lines)


def walkable_mode(conn: Connection, mode: str) -> str:
    """The mode actually used: 'walk' only when there are streets to walk along."""
    return "walk" if mode == "walk" and has_roads(conn) else "line"


@dataclass(frozen=True)
class Places:
    """Compounds (first), then points, then extra sites, joined to the street network."""

    walks: walking.Walks
    n_compounds: int
    n_points: int

    @property
    def compounds(self) -> np.ndarray:
        return np.arange(self.n_compounds)

    def points(self, which: ArrayLike | None = None) -> np.ndarray:
        idx = np.arange(self.n_compounds, self.n_compounds + self.n_points)
        return idx if which is None else idx[np.asarray(which, dtype=bool)]

    def extra(self) -> np.ndarray:
        return np.arange(self.n_compounds + self.n_points, len(self.walks.doors))


def places(
    streets: walking.Streets,
    compounds: pd.DataFrame,
    points: pd.DataFrame,
    sites: pd.DataFrame | None = None,
) -> Places:
    frames = [compounds, points] + ([sites] if sites is not None else [])
    lat = np.concatenate([f["lat"].to_numpy(dtype=float) for f in frames])
    lon = np.concatenate([f["lon"].to_numpy(dtype=float) for f in frames])
    return Places(walking.joined(streets, lat, lon), len(compounds), len(points))


def nearest_m(
    mode: str,
    streets: walking.Streets | None,
    points: pd.DataFrame,
    compounds: pd.DataFrame,
) -> np.ndarray:
    """For each compound, the distance (m) to the nearest of the points: straight or walked."""
    if mode != "walk" or streets is None or streets.empty:
        return cov.nearest_distance_m(
            points["lat"], points["lon"], compounds["lat"], compounds["lon"]
        )
    p = places(streets, compounds, points)
    return walking.nearest_walk_m(p.walks, p.points(), p.compounds)


def walk_what_if(
    streets: walking.Streets,
    points: pd.DataFrame,
    compounds: pd.DataFrame,
    sites: pd.DataFrame,
    close: np.ndarray,
) -> cov.WhatIf:
    """Walking distances before and after adding the sites and closing the `close` points."""
    p = places(streets, compounds, points, sites)
    before = walking.nearest_walk_m(p.walks, p.points(), p.compounds)
    after_sources = np.concatenate((p.points(~np.asarray(close, dtype=bool)), p.extra()))
    after = walking.nearest_walk_m(p.walks, after_sources, p.compounds)
    return cov.WhatIf(before, after)


def walk_reach(streets: walking.Streets, compounds: pd.DataFrame, radius_m: float):
    """(compounds × compounds) reach by walking: a point at compound i reaches compound j."""
    p = places(streets, compounds, compounds.iloc[0:0])
    return walking.reach_matrix(p.walks, p.compounds, p.compounds, radius_m)


@dataclass(frozen=True)
class WalkingAreas:
    """The streets within 5 / 10 / 15 minutes' walk of the chosen points, and the compounds reached.

    pieces: {radius m: [(lon0, lat0, lon1, lat1), ...]} of street reachable within that walk.
    barriers: the lines of the roads nobody walks along (a rail line): why some walks go round.
    compounds: the area's compounds with walk_m (inf when past the largest radius) and minutes
        (5, 10, 15; 0 when not reached).
    sources: the points the walks start from (id, name, lat, lon).
    """

    pieces: dict[int, list[tuple[float, float, float, float]]]
    compounds: pd.DataFrame
    sources: pd.DataFrame
    barriers: tuple[tuple[tuple[float, float], ...], ...] = ()


def barrier_lines(conn: Connection) -> tuple[tuple[tuple[float, float], ...], ...]:
    """The lines of the roads that are not walkable (rail lines, expressways), as (lon, lat)."""
    out = []
    for (geometry,) in conn.execute(select(Road.geometry).where(Road.walkable.is_(False))):
        try:
            out.extend(tuple(tuple(p) for p in line) for line in walking.lines_of(geometry))
        except (walking.GeometryError, ValueError):
            continue
    return tuple(out)


def walking_areas(
    streets: walking.Streets, points: pd.DataFrame, compounds: pd.DataFrame
) -> WalkingAreas:
    """Walking-time areas from all the given points at once (one point: pass a one-row frame)."""
    limit = max(AREA_MINUTES)
    p = places(streets, compounds, points)
    dist = walking.from_sources(p.walks, p.points(), limit)
    walk = dist[p.walks.doors[p.compounds]] if len(compounds) else np.zeros(0)
    minutes = np.zeros(len(walk), dtype=int)
    for radius in sorted(AREA_MINUTES, reverse=True):
        minutes[walk <= radius] = AREA_MINUTES[radius]
    pieces = {r: walking.reach_pieces(p.walks, dist, r) for r in AREA_MINUTES}
    return WalkingAreas(
        pieces,
        compounds.assign(walk_m=walk, minutes=minutes),
        points[["id", "name", "lat", "lon"]].reset_index(drop=True),
    )


def areas(
    conn: Connection,
    f: Filters,
    sp_type: str,
    source: str = "all",
    added: tuple[str, ...] = (),
    closed: tuple[str, ...] = (),
) -> WalkingAreas | None:
    """Walking-time areas of the type's points for the chosen area's compounds: from every
    operating point of the type after the what-if (`source` 'all'), or from one point (its id).
    None when there is no street network or no such point."""
    streets = street_network(conn)
    if streets.empty:
        return None
    pts = sp.operating_points(conn, f, (sp_type,))
    if source == "all":
        sites, _rejected = resolve_sites(conn, added)
        kept = pts[~pts["id"].isin(closed)][["id", "name", "lat", "lon"]]
        extra = sites.rename(columns={"key": "id", "label": "name"})[["id", "name", "lat", "lon"]]
        chosen = pd.concat([kept, extra], ignore_index=True)
    else:
        chosen = pts[pts["id"] == source][["id", "name", "lat", "lon"]]
    if chosen.empty:
        return None
    found = walking_areas(streets, chosen, sp.compounds(conn, f))
    return replace(found, barriers=barrier_lines(conn))
