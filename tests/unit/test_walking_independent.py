"""The walking engine against an independent one on a real-shaped network made here: a jittered
street grid of multi-vertex streets with a river crossed by two bridges, dead ends and a
diagonal, places scattered among them. The independent engine works on the streets' own
segments (no cutting into pieces), finds each place's spots by brute force on a pyproj
azimuthal-equidistant plane, splits segments itself and runs a heapq Dijkstra; only the joining
rule is shared (the nearest spot, and every other segment's inside spot within 5 m more)."""

from __future__ import annotations

import heapq
import math
from collections import defaultdict

import numpy as np
from pyproj import Geod, Proj

from data_access.service_points import walking
from data_access.service_points.coverage import EARTH_RADIUS_M

LAT0, LON0 = 35.575, 104.62
# The engine measures on a sphere of EARTH_RADIUS_M (the ellipsoid differs by up to 0.2 % with
# direction at this latitude, a model choice, not an error of the walk): so does this one.
R = EARTH_RADIUS_M
GEOD = Geod(a=R, b=R)


def _town(seed: int = 7) -> list[list[tuple[float, float]]]:
    rng = np.random.default_rng(seed)
    n, step = 12, 0.0008  # about 70-90 m blocks
    lat = LAT0 + np.arange(n)[:, None] * step + rng.normal(0, step / 8, (n, n))
    lon = LON0 + np.arange(n)[None, :] * step + rng.normal(0, step / 8, (n, n))
    lines = []
    for i in range(n):  # east-west streets, broken by the river between columns 5 and 6
        row = [(lon[i, j], lat[i, j]) for j in range(n)]
        if i in (2, 9):  # the two bridges
            lines.append(row)
        else:
            lines += [row[:6], row[6:]]
    for j in range(n):  # north-south streets, some stopping short (dead ends)
        stop = n if j % 4 else n - 3
        lines.append([(lon[i, j], lat[i, j]) for i in range(stop)])
    lines.append([(lon[i, i], lat[i, i]) for i in range(0, 6)])  # a diagonal on the west bank
    return [[(float(x), float(y)) for x, y in line] for line in lines]


def _independent(lines, places, sources, extra_m=walking.SNAP_EXTRA_M):
    proj = Proj(proj="aeqd", lat_0=LAT0, lon_0=LON0, R=R)
    vid: dict[tuple[float, float], int] = {}
    coords: list[tuple[float, float]] = []  # (lon, lat)

    def node(lon, lat):
        key = (round(lon, 8), round(lat, 8))
        if key not in vid:
            vid[key] = len(coords)
            coords.append((lon, lat))
        return vid[key]

    segments = [
        (node(*a), node(*b)) for line in lines for a, b in zip(line, line[1:], strict=False)
    ]
    xy = [proj(lon, lat) for lon, lat in coords]
    spots = defaultdict(list)  # segment -> [(t, spot node)]
    doors = []
    adj = defaultdict(list)

    def link(a, b, w):
        adj[a].append((b, w))
        adj[b].append((a, w))

    for lat, lon in places:
        px, py = proj(lon, lat)
        found = []
        for k, (a, b) in enumerate(segments):
            (ax, ay), (bx, by) = xy[a], xy[b]
            dx, dy = bx - ax, by - ay
            t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
            found.append((math.hypot(ax + t * dx - px, ay + t * dy - py), k, t))
        found.sort()
        nearest = found[0][0]
        chosen = [found[0]] + [f for f in found[1:] if f[0] <= nearest + extra_m and 0 < f[2] < 1]
        door = len(coords) + 10_000_000 + len(doors)  # ids of their own
        doors.append(door)
        for d, k, t in chosen:
            spot = ("spot", len(doors), k)
            spots[k].append((t, spot))
            link(door, spot, d)
    for k, (a, b) in enumerate(segments):
        (alon, alat), (blon, blat) = coords[a], coords[b]
        chain = [(0.0, a)] + sorted(spots[k], key=lambda s: s[0]) + [(1.0, b)]
        length = GEOD.inv(alon, alat, blon, blat)[2]
        for (t0, n0), (t1, n1) in zip(chain, chain[1:], strict=False):
            link(n0, n1, (t1 - t0) * length)
    dist = {doors[s]: 0.0 for s in sources}
    heap = [(0.0, doors[s]) for s in sources]
    while heap:
        d, u = heapq.heappop(heap)
        if d > dist.get(u, math.inf):
            continue
        for v, w in adj[u]:
            if d + w < dist.get(v, math.inf):
                dist[v] = d + w
                heapq.heappush(heap, (d + w, v))
    return np.array([dist.get(door, math.inf) for door in doors])


def test_the_engine_walks_as_an_independent_one_on_a_real_shaped_town():
    lines = _town()
    rng = np.random.default_rng(11)
    places = [
        (LAT0 + rng.uniform(-0.0003, 0.0093), LON0 + rng.uniform(-0.0003, 0.0093))
        for _ in range(60)
    ]
    sources = [0, 1, 2, 3, 4]
    engine = walking.nearest_walk_m(
        walking.join(walking.streets(lines), [p[0] for p in places], [p[1] for p in places]),
        sources,
        np.arange(len(places)),
    )
    expected = _independent(lines, places, sources)
    assert np.isfinite(expected).all()
    np.testing.assert_allclose(engine, expected, rtol=1e-4, atol=0.05)
    # The river matters: some places walk far more than the straight line.
    straight = [
        min(GEOD.inv(places[s][1], places[s][0], lon, lat)[2] for s in sources)
        for lat, lon in places
    ]
    assert (engine > np.array(straight) * 1.5).sum() >= 5


def test_a_place_between_two_streets_joins_both():
    """53 m from a clinic in a straight line, 3 m from one street and 6 m from another that
    meets it only far away: it walks across to the second (the rule), not round the block."""
    a = [(104.6200, 35.5750), (104.6300, 35.5750)]  # street A, running east
    b = [(104.6200, 35.57509), (104.6300, 35.57509)]  # street B, 10 m north, parallel
    link = [(104.6300, 35.5750), (104.6300, 35.57509)]  # they meet 900 m east
    lat_place = 35.5750 + 3 / 111_000  # 3 m north of A, 7 m south of B
    places_lat = [lat_place, 35.57509]
    places_lon = [104.6210, 104.62158]  # the clinic on B, about 53 m east
    s = walking.streets([a, b, link])
    joined = walking.nearest_walk_m(walking.join(s, places_lat, places_lon), [1], [0])[0]
    alone = walking.nearest_walk_m(walking.join(s, places_lat, places_lon, 0.0), [1], [0])[0]
    assert 50 < joined < 60
    assert alone > 1_000  # round by the link 900 m away and back
