"""Walking distance along streets: a street graph, places joined to it, shortest walks.

The straight line (data_access.service_points.coverage) overstates what residents reach: streets, walls, rivers
and rail lines make real walks longer. Here the distance from a compound to a point is the
shortest walk along the walkable streets:

    door of the compound → nearest spot on a street → along streets → nearest spot → door of the point

Graph. Every street segment (a LineString's consecutive vertices) is an edge weighted by its
great-circle length; vertices at the same coordinates (to 1e-8°, about 1 mm) are one node, so
streets meet where they share a vertex, as in any GIS export (built in street_graph). Long edges are cut into pieces of
at most `MAX_PIECE_M`, which bounds the search for a place's nearest street (below).

Joining places. Each place (compound, point, what-if site) gets a door node joined by a straight
walk to its nearest spot on a street and to the spot inside every other edge within
`SNAP_EXTRA_M` (5 m) more: between two streets a few metres apart a compound walks onto either
(snapping to one sent a compound 53 m from a clinic round a 1.4 km block). Spots at an edge's
end are left out: a straight walk to the street's own next node would cut its corner. The
sample's 500 m coverage is unchanged by the rule (tests/unit/test_walking_independent.py checks
it against an independent engine). Each touched edge is split at its spots. Places at the same coordinates share a door (a
what-if point put at a compound is 0 m from it). The nearest spot is found exactly: a cKDTree over
the pieces' midpoints gives candidates within (distance to the nearest midpoint + half the
longest piece), which contains the nearest piece, and the exact point-to-segment distance picks
among them. Door walks and the split are measured on a local plane around the places (error below
0.01 % over the few metres of a door walk); street lengths are great-circle lengths.

Shortest walks. `scipy.sparse.csgraph.dijkstra` from all sources at once (`min_only`: each node's
distance to its nearest source), with an optional distance `limit` beyond which nodes stay inf —
coverage needs nothing past the largest radius, which keeps each search local.

Reuse. Building the graph and joining a city's places to it take seconds; the data change only on
an import. `Memo` keeps the last few graphs (keyed by the caller on database and data version) and
`joined` the last few joins (keyed on the graph and the places' coordinates), so a page's next
query, filter or what-if starts from them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike
from scipy import sparse
from scipy.sparse.csgraph import dijkstra
from scipy.spatial import cKDTree

from data_access.memo import Memo
from data_access.service_points.coverage import EARTH_RADIUS_M

# The street graph lives in street_graph; its names are re-exported so callers read one module.
from data_access.service_points.street_graph import (  # noqa: F401
    MAX_PIECE_M,
    FloatArray,
    GeometryError,
    IntArray,
    Line,
    Streets,
    lines_of,
    streets,
    streets_from_geojson,
    unique_positions,
)

SNAP_EXTRA_M = 5.0  # a place also joins every street within its nearest distance + this


# ------------------------------------------------------------------------------ places


@dataclass(frozen=True)
class Walks:
    """The street graph with places joined to it, ready for shortest walks.

    graph: symmetric CSR matrix of all nodes (street nodes, split spots, doors).
    doors: node of each place, in the order given. offset_m: each place's walk from its door to
    the street. u, v, w: the street edges after splitting (for drawing reachable streets), with
    lat/lon of every node.
    """

    graph: sparse.csr_matrix
    doors: IntArray
    offset_m: FloatArray
    lat: FloatArray
    lon: FloatArray
    u: IntArray
    v: IntArray
    w: FloatArray


def _plane(lat: ArrayLike, lon: ArrayLike, lat0: float, lon0: float) -> FloatArray:
    """Metres east / north of (lat0, lon0) on the local plane."""
    k = np.pi / 180 * EARTH_RADIUS_M
    x = (np.asarray(lon, dtype=float) - lon0) * k * np.cos(np.radians(lat0))
    y = (np.asarray(lat, dtype=float) - lat0) * k
    return np.column_stack((x, y))


def _candidate_edges(
    s: Streets, lat: FloatArray, lon: FloatArray, extra_m: float
) -> tuple[IntArray, IntArray, FloatArray, FloatArray]:
    """(place, edge, t, distance) of every edge that may lie within (the place's nearest
    distance + extra_m): the edges whose midpoint is within that + half the longest piece."""
    lat0, lon0 = float(np.mean(s.lat)), float(np.mean(s.lon))
    nodes = _plane(s.lat, s.lon, lat0, lon0)
    a, b = nodes[s.u], nodes[s.v]
    mid = (a + b) / 2
    half = float(np.max(np.linalg.norm(b - a, axis=1))) / 2
    p = _plane(lat, lon, lat0, lon0)
    tree = cKDTree(mid)
    d0, _ = tree.query(p, k=1)
    hits = tree.query_ball_point(p, d0 + half + extra_m + 1e-6, return_sorted=False)
    counts = np.fromiter((len(h) for h in hits), dtype=np.intp, count=len(hits))
    cand = np.concatenate([np.asarray(h, dtype=np.intp) for h in hits])
    place = np.repeat(np.arange(len(p)), counts)
    ab = b[cand] - a[cand]
    denom = np.einsum("ij,ij->i", ab, ab)
    t = np.clip(np.einsum("ij,ij->i", p[place] - a[cand], ab) / np.where(denom > 0, denom, 1), 0, 1)
    dist = np.linalg.norm(a[cand] + ab * t[:, None] - p[place], axis=1)
    return place, cand, t, dist


def nearest_edges(
    s: Streets, lat: ArrayLike, lon: ArrayLike
) -> tuple[IntArray, FloatArray, FloatArray]:
    """For each place: its nearest street edge, the fraction t along it (from u) and the distance."""
    lat = np.asarray(lat, dtype=float).reshape(-1)
    lon = np.asarray(lon, dtype=float).reshape(-1)
    place, cand, t, dist = _candidate_edges(s, lat, lon, 0.0)
    # The nearest candidate per place: sort by (place, distance), take each place's first.
    order = np.lexsort((cand, dist, place))
    first = order[np.r_[0, np.flatnonzero(np.diff(place[order])) + 1]]
    return cand[first], t[first], dist[first]


def snap_edges(
    s: Streets, lat: ArrayLike, lon: ArrayLike, extra_m: float = SNAP_EXTRA_M
) -> tuple[IntArray, IntArray, FloatArray, FloatArray]:
    """(place, edge, t, distance) of each place's nearest edge and, per street, its nearest
    spot on every other edge within the nearest distance + extra_m (module docstring).
    Sorted by place; each place's nearest edge first."""
    lat = np.asarray(lat, dtype=float).reshape(-1)
    lon = np.asarray(lon, dtype=float).reshape(-1)
    place, cand, t, dist = _candidate_edges(s, lat, lon, extra_m)
    order = np.lexsort((cand, dist, place))
    place, cand, t, dist = place[order], cand[order], t[order], dist[order]
    first = np.r_[0, np.flatnonzero(np.diff(place)) + 1]
    nearest = np.repeat(dist[first], np.diff(np.r_[first, len(place)]))
    # Besides the nearest spot only spots inside an edge (0 < t < 1): an edge's end is a node of
    # the street the place already reaches, and a straight walk to it would cut the corner.
    is_first = np.zeros(len(place), dtype=bool)
    is_first[first] = True
    keep = is_first | ((dist <= nearest + extra_m) & (t > 0) & (t < 1))
    return place[keep], cand[keep], t[keep], dist[keep]


def _graph(u: IntArray, v: IntArray, w: FloatArray, size: int) -> sparse.csr_matrix:
    """CSR matrix of undirected edges; of parallel edges the shortest counts (a sparse matrix
    would add them up), and a 0 m edge stays an edge (a sparse zero would be no edge)."""
    lo, hi = np.minimum(u, v), np.maximum(u, v)
    order = np.lexsort((w, hi, lo))
    lo, hi, w = lo[order], hi[order], w[order]
    first = np.ones(len(lo), dtype=bool)
    first[1:] = (lo[1:] != lo[:-1]) | (hi[1:] != hi[:-1])
    w = np.maximum(w[first], 1e-9)
    return sparse.coo_matrix((w, (lo[first], hi[first])), shape=(size, size)).tocsr()


def join(s: Streets, lat: ArrayLike, lon: ArrayLike, extra_m: float | None = None) -> Walks:
    """The graph with a door for each place (lat, lon) joined to its nearest street spot and to
    every street within `extra_m` more (module docstring)."""
    lat = np.asarray(lat, dtype=float).reshape(-1)
    lon = np.asarray(lon, dtype=float).reshape(-1)
    n = len(s.lat)
    if len(lat) == 0 or s.empty:
        graph = _graph(s.u, s.v, s.w, n)
        # No street to walk along: every place is out of reach (no door, -1).
        return Walks(graph, np.full(len(lat), -1, np.intp), np.full(len(lat), np.inf), s.lat, s.lon,
                     s.u, s.v, s.w)  # fmt: skip
    # Places at the same spot share a door.
    lonlat, place_spot = unique_positions(lon, lat)
    spots = lonlat[:, ::-1]  # (lat, lon)
    extra = SNAP_EXTRA_M if extra_m is None else extra_m
    spot_of, edge, t, dist = snap_edges(s, spots[:, 0], spots[:, 1], extra)
    m, k = len(spots), len(edge)
    split = np.arange(n, n + k)  # the spot on each street a place joins
    door = np.arange(n + k, n + k + m)
    offset = np.full(m, np.inf)
    np.minimum.at(offset, spot_of, dist)  # the door walk to the nearest street
    # Split each touched edge at its spots, in order along it: u – s1 – s2 – … – v.
    order = np.lexsort((t, edge))
    e_sorted, t_sorted, s_sorted = edge[order], t[order], split[order]
    new_first = np.r_[True, e_sorted[1:] != e_sorted[:-1]]
    new_last = np.r_[e_sorted[1:] != e_sorted[:-1], True]
    prev_node = np.where(new_first, s.u[e_sorted], np.r_[0, s_sorted[:-1]])
    prev_t = np.where(new_first, 0.0, np.r_[0.0, t_sorted[:-1]])
    w_e = s.w[e_sorted]
    chain_u = np.r_[prev_node, s_sorted[new_last]]
    chain_v = np.r_[s_sorted, s.v[e_sorted[new_last]]]
    chain_w = np.r_[(t_sorted - prev_t) * w_e, (1 - t_sorted[new_last]) * w_e[new_last]]
    kept = np.ones(len(s.u), dtype=bool)
    kept[edge] = False
    u = np.r_[s.u[kept], chain_u]
    v = np.r_[s.v[kept], chain_v]
    w = np.r_[s.w[kept], chain_w]
    all_u, all_v, all_w = np.r_[u, split], np.r_[v, door[spot_of]], np.r_[w, dist]
    graph = _graph(all_u, all_v, all_w, n + k + m)
    snap_ab = np.column_stack(
        (s.lat[s.u[edge]], s.lon[s.u[edge]], s.lat[s.v[edge]], s.lon[s.v[edge]])
    )
    split_lat = snap_ab[:, 0] + (snap_ab[:, 2] - snap_ab[:, 0]) * t
    split_lon = snap_ab[:, 1] + (snap_ab[:, 3] - snap_ab[:, 1]) * t
    all_lat = np.r_[s.lat, split_lat, spots[:, 0]]
    all_lon = np.r_[s.lon, split_lon, spots[:, 1]]
    return Walks(graph, door[place_spot], offset[place_spot], all_lat, all_lon, u, v, w)


def from_sources(walks: Walks, sources: ArrayLike, limit: float = np.inf) -> FloatArray:
    """Every node's shortest walk (m) to the nearest of the source places (indices into the
    places given to `join`); inf where none lies within `limit`."""
    src = np.unique(walks.doors[np.asarray(sources, dtype=np.intp).reshape(-1)])
    src = src[src >= 0]
    if len(src) == 0:
        return np.full(walks.graph.shape[0], np.inf)
    return dijkstra(walks.graph, directed=False, indices=src, min_only=True, limit=limit)


def nearest_walk_m(
    walks: Walks, sources: ArrayLike, targets: ArrayLike, limit: float = np.inf
) -> FloatArray:
    """For each target place, the shortest walk (m) to the nearest source place; inf past limit."""
    dist = np.r_[from_sources(walks, sources, limit), np.inf]  # door -1: no street, inf
    return dist[walks.doors[np.asarray(targets, dtype=np.intp).reshape(-1)]]


def reach_matrix(
    walks: Walks, candidates: ArrayLike, targets: ArrayLike, radius_m: float
) -> sparse.csr_matrix:
    """Sparse (candidates × targets) 0/1 matrix: which targets lie within a walk of radius_m of a
    point at each candidate place (the walking counterpart of coverage.reach_matrix)."""
    cand = np.asarray(candidates, dtype=np.intp).reshape(-1)
    tgt_doors = walks.doors[np.asarray(targets, dtype=np.intp).reshape(-1)]
    # Dijkstra returns a dense row per source: chunks of ~40 MB keep a city's memory in check.
    chunk = max(1, int(5_000_000 // max(walks.graph.shape[0], 1)))
    blocks = []
    for start in range(0, len(cand), chunk):
        src = walks.doors[cand[start : start + chunk]]
        d = dijkstra(walks.graph, directed=False, indices=src, limit=radius_m)
        blocks.append(sparse.csr_matrix((d[:, tgt_doors] <= radius_m).astype(np.float64)))
    if not blocks:
        return sparse.csr_matrix((0, len(tgt_doors)), dtype=np.float64)
    return sparse.vstack(blocks, format="csr")


# ------------------------------------------------------------------------------ walking areas


def reach_pieces(
    walks: Walks, node_dist: FloatArray, limit_m: float
) -> list[tuple[float, float, float, float]]:
    """The street pieces within limit_m of the sources, as (lon0, lat0, lon1, lat1): whole edges
    both ends reach, and the reachable stretch from each end of an edge reached from one side."""
    du, dv, w = node_dist[walks.u], node_dist[walks.v], walks.w
    a = np.clip(limit_m - du, 0, w)  # metres reachable from u's end
    b = np.clip(limit_m - dv, 0, w)
    a = np.where(np.isfinite(du), a, 0)
    b = np.where(np.isfinite(dv), b, 0)
    lat_u, lon_u = walks.lat[walks.u], walks.lon[walks.u]
    lat_v, lon_v = walks.lat[walks.v], walks.lon[walks.v]
    safe_w = np.where(w > 0, w, 1)
    whole = (a + b >= w) & ((a > 0) | (b > 0) | (w == 0))
    out = np.column_stack((lon_u, lat_u, lon_v, lat_v))[whole].tolist()
    # An edge reached from one end only (or from both, with a gap): the stretch from each end.
    ends = ((lon_u, lat_u, lon_v, lat_v, a), (lon_v, lat_v, lon_u, lat_u, b))
    for lon0, lat0, lon1, lat1, reach in ends:
        part = ~whole & (reach > 0)
        f = (reach / safe_w)[part]
        stretch = np.column_stack((
            lon0[part], lat0[part],
            lon0[part] + (lon1[part] - lon0[part]) * f,
            lat0[part] + (lat1[part] - lat0[part]) * f,
        ))  # fmt: skip
        out += stretch.tolist()
    return [tuple(p) for p in out]


# ------------------------------------------------------------------------------ reuse

# A few joins: the page's area filter, its what-if sites and the suggestions each place their own
# set of compounds and points; a city's join holds a few MB.
_JOINS: Memo[Walks] = Memo(8)


def joined(s: Streets, lat: ArrayLike, lon: ArrayLike) -> Walks:
    """`join(s, lat, lon)`, reused while the same graph object is given the same places."""
    lat = np.ascontiguousarray(lat, dtype=float).reshape(-1)
    lon = np.ascontiguousarray(lon, dtype=float).reshape(-1)
    digest = hashlib.blake2b(lat.tobytes() + lon.tobytes(), digest_size=16).digest()
    return _JOINS.get((len(lat), digest), lambda: join(s, lat, lon), owner=s)
