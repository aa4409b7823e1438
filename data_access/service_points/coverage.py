"""Walking coverage of residential compounds by service points: pure numpy/scipy, no database.

A household is covered by a service type when its compound lies within the walking radius of an
operating point of that type (the life circles of GB 50180-2018: 300 / 500 / 800 m ≈ 5 / 10 / 15
minutes). Everything
here takes plain arrays (latitudes, longitudes, weights such as households or residents aged
60+), so the page, the what-if, the site suggestions, the benchmark and the tests share one
implementation, and none of it needs a database.

Distances. Points are placed on a sphere of the Earth's mean radius as 3-D Cartesian vectors (in
metres) and indexed with scipy's cKDTree. The straight-line (chord) distance between two such
vectors is a strictly increasing function of their great-circle distance (chord = 2R·sin(d/2R)),
so "nearest by chord" is exactly "nearest by great circle", and a walking radius r becomes the
chord 2R·sin(r/2R). The answers therefore equal the haversine formula's to floating-point
precision (about 1e-9 m here), wherever the county lies: there is no projection error to
document, unlike a flat (equirectangular) plane around the mean latitude, whose relative error
grows with the latitude span (≈ Δφ·tan φ: 0.3 % at 35° N for ±0.25°, i.e. 1.5 m at 500 m), and
which would make a point 499 m or 501 m from a compound fall on the wrong side of 500 m. The
remaining approximation is the sphere itself: against the WGS-84 ellipsoid, great-circle
distances differ by at most about 0.5 %, the same for every point, far below the precision of a
hand-placed map pin or the meaning of a "10-minute walk".

Cost. Building the tree is O(n log n) and each nearest-neighbour query O(log n), so 20,000 points
× 10,000 compounds take milliseconds instead of the 200 million distances of a full matrix
(see bench/bench_coverage.py and bench/RESULTS.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy import sparse
from scipy.spatial import cKDTree

EARTH_RADIUS_M = 6_371_008.8  # IUGG mean radius
RADII_M: tuple[int, ...] = (300, 500, 800)  # the life-circle radii: 5 / 10 / 15 walking minutes

FloatArray = NDArray[np.float64]
BoolArray = NDArray[np.bool_]


# ------------------------------------------------------------------------------ geometry


def to_xyz(lat: ArrayLike, lon: ArrayLike) -> FloatArray:
    """(n, 3) Cartesian coordinates in metres of WGS-84 decimal degrees on the mean sphere."""
    phi = np.radians(np.asarray(lat, dtype=float)).reshape(-1)
    lam = np.radians(np.asarray(lon, dtype=float)).reshape(-1)
    if phi.shape != lam.shape:
        raise ValueError("lat and lon must have the same length")
    cos_phi = np.cos(phi)
    return EARTH_RADIUS_M * np.column_stack(
        (cos_phi * np.cos(lam), cos_phi * np.sin(lam), np.sin(phi))
    )


def chord_of(distance_m: ArrayLike) -> FloatArray:
    """Chord length of a great-circle distance (same units, metres)."""
    d = np.asarray(distance_m, dtype=float)
    return 2 * EARTH_RADIUS_M * np.sin(np.minimum(d, np.pi * EARTH_RADIUS_M) / (2 * EARTH_RADIUS_M))


def arc_of(chord_m: ArrayLike) -> FloatArray:
    """Great-circle distance of a chord length; inf stays inf (no point at all)."""
    c = np.asarray(chord_m, dtype=float)
    finite = np.isfinite(c)
    out = np.full(c.shape, np.inf)
    out[finite] = (
        2 * EARTH_RADIUS_M * np.arcsin(np.clip(c[finite] / (2 * EARTH_RADIUS_M), 0.0, 1.0))
    )
    return out


def haversine_m(lat1: ArrayLike, lon1: ArrayLike, lat2: ArrayLike, lon2: ArrayLike) -> FloatArray:
    """Great-circle distance in metres (broadcasting), the reference the tree search must match."""
    p1, l1 = np.radians(np.asarray(lat1, dtype=float)), np.radians(np.asarray(lon1, dtype=float))
    p2, l2 = np.radians(np.asarray(lat2, dtype=float)), np.radians(np.asarray(lon2, dtype=float))
    h = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin((l2 - l1) / 2) ** 2
    return 2 * EARTH_RADIUS_M * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))


# ------------------------------------------------------------------------------ coverage


def nearest_distance_m(
    point_lat: ArrayLike, point_lon: ArrayLike, compound_lat: ArrayLike, compound_lon: ArrayLike
) -> FloatArray:
    """For each compound, the great-circle distance (m) to the nearest point; inf when there is none."""
    compounds = to_xyz(compound_lat, compound_lon)
    points = to_xyz(point_lat, point_lon)
    if len(points) == 0:
        return np.full(len(compounds), np.inf)
    if len(compounds) == 0:
        return np.zeros(0)
    chord, _ = cKDTree(points).query(compounds, k=1)
    return arc_of(chord)


def covered_mask(distance_m: FloatArray, radius_m: float) -> BoolArray:
    """Compounds whose nearest point lies within the radius (a point on the circle counts)."""
    return np.asarray(distance_m) <= radius_m


def covered(
    point_lat: ArrayLike,
    point_lon: ArrayLike,
    compound_lat: ArrayLike,
    compound_lon: ArrayLike,
    radius_m: float,
) -> BoolArray:
    """Which compounds lie within radius_m of at least one point."""
    return covered_mask(
        nearest_distance_m(point_lat, point_lon, compound_lat, compound_lon), radius_m
    )


def covered_by_radius(
    distance_m: FloatArray, radii: Sequence[float] = RADII_M
) -> dict[float, BoolArray]:
    """One nearest-point query answers every radius: {radius: covered mask}."""
    return {r: covered_mask(distance_m, r) for r in radii}


def shares_by_group(
    covered_compounds: BoolArray, weights: ArrayLike, groups: ArrayLike, n_groups: int
) -> tuple[FloatArray, FloatArray]:
    """(covered weight, total weight) per group index 0..n_groups-1 (e.g. households per community)."""
    w = np.asarray(weights, dtype=float)
    g = np.asarray(groups, dtype=np.intp)
    total = np.bincount(g, weights=w, minlength=n_groups)
    hit = np.bincount(g, weights=np.where(covered_compounds, w, 0.0), minlength=n_groups)
    return hit, total


def share(covered_compounds: BoolArray, weights: ArrayLike) -> float | None:
    """Covered share of the total weight; None when the total is zero (nothing to cover)."""
    w = np.asarray(weights, dtype=float)
    total = float(w.sum())
    return float(w[np.asarray(covered_compounds)].sum()) / total if total else None


# ------------------------------------------------------------------------------ what-if


@dataclass(frozen=True)
class WhatIf:
    """Nearest-point distances of each compound before and after a scenario (inf: no point)."""

    before_m: FloatArray
    after_m: FloatArray

    def covered_before(self, radius_m: float) -> BoolArray:
        return covered_mask(self.before_m, radius_m)

    def covered_after(self, radius_m: float) -> BoolArray:
        return covered_mask(self.after_m, radius_m)

    def gain(self, radius_m: float, weights: ArrayLike) -> float:
        """Weight newly covered minus weight that lost its cover (negative when closing dominates)."""
        w = np.asarray(weights, dtype=float)
        return float(w[self.covered_after(radius_m)].sum() - w[self.covered_before(radius_m)].sum())


def what_if(
    point_lat: ArrayLike,
    point_lon: ArrayLike,
    compound_lat: ArrayLike,
    compound_lon: ArrayLike,
    add_lat: ArrayLike = (),
    add_lon: ArrayLike = (),
    close: ArrayLike | None = None,
) -> WhatIf:
    """Coverage before and after adding points (add_lat/add_lon) and closing points (a boolean mask
    over the existing points, or their indices). Nothing is stored: the scenario is just arrays.
    """
    p_lat = np.asarray(point_lat, dtype=float).reshape(-1)
    p_lon = np.asarray(point_lon, dtype=float).reshape(-1)
    keep = np.ones(len(p_lat), dtype=bool)
    if close is not None:
        close_arr = np.asarray(close)
        if close_arr.dtype == bool:
            keep &= ~close_arr
        elif close_arr.size:
            keep[close_arr.astype(np.intp)] = False
    before = nearest_distance_m(p_lat, p_lon, compound_lat, compound_lon)
    after_lat = np.concatenate((p_lat[keep], np.asarray(add_lat, dtype=float).reshape(-1)))
    after_lon = np.concatenate((p_lon[keep], np.asarray(add_lon, dtype=float).reshape(-1)))
    after = nearest_distance_m(after_lat, after_lon, compound_lat, compound_lon)
    return WhatIf(before, after)


# ------------------------------------------------------------------------------ site suggestions


@dataclass(frozen=True)
class Pick:
    """One suggested site: the candidate's index, its marginal gain, the compounds it newly covers."""

    candidate: int
    gain: float
    newly_covered: NDArray[np.intp]


def reach_matrix(
    candidate_lat: ArrayLike,
    candidate_lon: ArrayLike,
    compound_lat: ArrayLike,
    compound_lon: ArrayLike,
    radius_m: float,
) -> sparse.csr_matrix:
    """Sparse (candidates × compounds) 0/1 matrix: which compounds a point at each candidate reaches."""
    cands = to_xyz(candidate_lat, candidate_lon)
    comps = to_xyz(compound_lat, compound_lon)
    shape = (len(cands), len(comps))
    if not len(cands) or not len(comps):
        return sparse.csr_matrix(shape, dtype=np.float64)
    hits = cKDTree(comps).query_ball_point(cands, float(chord_of(radius_m)), return_sorted=False)
    lengths = np.fromiter((len(h) for h in hits), dtype=np.intp, count=len(hits))
    indptr = np.concatenate(([0], np.cumsum(lengths)))
    indices = (
        np.concatenate([np.asarray(h, dtype=np.intp) for h in hits if h])
        if indptr[-1]
        else np.zeros(0, dtype=np.intp)
    )
    return sparse.csr_matrix((np.ones(len(indices)), indices, indptr), shape=shape)


def greedy_sites(
    reach: sparse.csr_matrix, weights: ArrayLike, already_covered: ArrayLike, k: int
) -> list[Pick]:
    """Greedy maximal covering: k times, take the candidate that adds the most uncovered weight.

    Each pick's gain is its marginal gain given the picks before it, so the gains never increase.
    Greedy is within (1 − 1/e) of the best k-set in general and exact when the candidates' reach
    sets do not overlap. Ties go to the lower candidate index (stable results for a given input).
    Stops early when no candidate adds anything.
    """
    is_covered = np.asarray(already_covered, dtype=bool).copy()
    w = np.asarray(weights, dtype=float)
    picks: list[Pick] = []
    for _ in range(max(int(k), 0)):
        if reach.shape[0] == 0:
            break
        gains = reach @ np.where(is_covered, 0.0, w)
        best = int(np.argmax(gains))
        if gains[best] <= 0:
            break
        row = reach.indices[reach.indptr[best] : reach.indptr[best + 1]]
        newly = np.sort(row[~is_covered[row]])
        picks.append(Pick(best, float(gains[best]), newly))
        is_covered[row] = True
    return picks
