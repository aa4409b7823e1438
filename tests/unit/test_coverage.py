"""Walking coverage (data_access.service_points.coverage): known answers, brute-force agreement, what-if and greedy."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from data_access.service_points import coverage as cov

LAT, LON = 35.5775, 104.6300  # the sample county town
M_PER_DEG_LAT = math.pi * cov.EARTH_RADIUS_M / 180  # along a meridian, degrees ↔ metres is exact


def north_of(lat: float, metres: float) -> float:
    """The latitude `metres` due north: a great-circle distance of exactly `metres`."""
    return lat + metres / M_PER_DEG_LAT


def brute_nearest(p_lat, p_lon, c_lat, c_lon) -> np.ndarray:
    """Reference: the full haversine distance matrix, minimum per compound (math, no tree)."""
    out = []
    for clat, clon in zip(c_lat, c_lon, strict=True):
        best = math.inf
        for plat, plon in zip(p_lat, p_lon, strict=True):
            p1, p2 = math.radians(clat), math.radians(plat)
            h = (
                math.sin((p2 - p1) / 2) ** 2
                + math.cos(p1) * math.cos(p2) * math.sin(math.radians(plon - clon) / 2) ** 2
            )
            best = min(best, 2 * cov.EARTH_RADIUS_M * math.asin(math.sqrt(min(h, 1.0))))
        out.append(best)
    return np.array(out)


# ------------------------------------------------------------------------------ known answers


def test_a_point_at_the_compound_covers_it():
    d = cov.nearest_distance_m([LAT], [LON], [LAT], [LON])
    assert d[0] == pytest.approx(0.0, abs=1e-6)
    for r in cov.RADII_M:
        assert cov.covered([LAT], [LON], [LAT], [LON], r).tolist() == [True]


@pytest.mark.parametrize("radius", cov.RADII_M)
def test_one_metre_inside_covers_one_metre_outside_does_not(radius):
    inside, outside = north_of(LAT, radius - 1), north_of(LAT, radius + 1)
    assert cov.covered([inside], [LON], [LAT], [LON], radius).tolist() == [True]
    assert cov.covered([outside], [LON], [LAT], [LON], radius).tolist() == [False]


def test_499_and_501_metres_at_500():
    points_lat = [north_of(LAT, 499), north_of(LAT + 0.01, 501)]
    compounds_lat = [LAT, LAT + 0.01]
    d = cov.nearest_distance_m(points_lat, [LON, LON], compounds_lat, [LON, LON])
    assert d[0] == pytest.approx(499, abs=1e-6)
    assert d[1] == pytest.approx(501, abs=1e-6)
    assert cov.covered_mask(d, 500).tolist() == [True, False]


def test_east_west_distance_shrinks_with_latitude():
    # 0.01° of longitude is ~906 m at 35.58° N (cos φ), not the 1,112 m it is on the equator.
    d = cov.nearest_distance_m([LAT], [LON + 0.01], [LAT], [LON])[0]
    expected = brute_nearest([LAT], [LON + 0.01], [LAT], [LON])[0]
    assert d == pytest.approx(expected, abs=1e-6)
    assert 900 < d < 910
    assert cov.covered([LAT], [LON + 0.01], [LAT], [LON], 800).tolist() == [False]


def test_no_points_means_nothing_is_covered():
    d = cov.nearest_distance_m([], [], [LAT, LAT], [LON, LON + 0.001])
    assert np.isinf(d).all()
    assert not cov.covered_mask(d, 800).any()
    assert cov.nearest_distance_m([LAT], [LON], [], []).shape == (0,)


def test_shares_by_group():
    covered = np.array([True, False, True, True])
    hit, total = cov.shares_by_group(covered, [100, 50, 30, 20], [0, 0, 1, 2], 4)
    assert hit.tolist() == [100, 30, 20, 0]
    assert total.tolist() == [150, 30, 20, 0]
    assert cov.share(covered, [100, 50, 30, 20]) == pytest.approx(150 / 200)
    assert cov.share(covered, [0, 0, 0, 0]) is None


def test_what_if_adds_and_closes():
    # Two compounds 2 km apart; one point at the first. Add one at the second, close the first.
    c_lat, c_lon = [LAT, north_of(LAT, 2000)], [LON, LON]
    result = cov.what_if([LAT], [LON], c_lat, c_lon, [c_lat[1]], [LON], close=[0])
    assert result.covered_before(500).tolist() == [True, False]
    assert result.covered_after(500).tolist() == [False, True]
    assert result.gain(500, [120, 80]) == -40
    same = cov.what_if([LAT], [LON], c_lat, c_lon, [c_lat[1]], [LON], close=np.array([True]))
    assert same.after_m.tolist() == result.after_m.tolist()


# ------------------------------------------------------------------------------ properties

coord_lat = st.floats(LAT - 0.02, LAT + 0.02, allow_nan=False)
coord_lon = st.floats(LON - 0.025, LON + 0.025, allow_nan=False)
sites = st.lists(st.tuples(coord_lat, coord_lon), min_size=0, max_size=12)
nonempty_sites = st.lists(st.tuples(coord_lat, coord_lon), min_size=1, max_size=12)


def split(pairs):
    return [p[0] for p in pairs], [p[1] for p in pairs]


@settings(max_examples=60, deadline=None)
@given(points=sites, compounds=nonempty_sites)
def test_tree_search_equals_brute_force_haversine(points, compounds):
    p_lat, p_lon = split(points)
    c_lat, c_lon = split(compounds)
    got = cov.nearest_distance_m(p_lat, p_lon, c_lat, c_lon)
    want = brute_nearest(p_lat, p_lon, c_lat, c_lon)
    assert np.array_equal(np.isinf(got), np.isinf(want))
    finite = np.isfinite(want)
    assert np.allclose(got[finite], want[finite], rtol=0, atol=1e-6)


@settings(max_examples=60, deadline=None)
@given(points=sites, compounds=nonempty_sites, new=nonempty_sites)
def test_adding_points_never_lowers_coverage(points, compounds, new):
    p_lat, p_lon = split(points)
    c_lat, c_lon = split(compounds)
    n_lat, n_lon = split(new)
    weights = np.arange(1, len(compounds) + 1, dtype=float)
    result = cov.what_if(p_lat, p_lon, c_lat, c_lon, n_lat, n_lon)
    assert (result.after_m <= result.before_m).all()
    for r in cov.RADII_M:
        before, after = result.covered_before(r), result.covered_after(r)
        assert (after | ~before).all()  # everything covered before stays covered
        assert result.gain(r, weights) >= 0


@settings(max_examples=60, deadline=None)
@given(points=nonempty_sites, compounds=nonempty_sites, data=st.data())
def test_closing_points_never_raises_coverage(points, compounds, data):
    p_lat, p_lon = split(points)
    c_lat, c_lon = split(compounds)
    close = data.draw(st.lists(st.booleans(), min_size=len(points), max_size=len(points)))
    weights = np.arange(1, len(compounds) + 1, dtype=float)
    result = cov.what_if(p_lat, p_lon, c_lat, c_lon, close=np.array(close, dtype=bool))
    assert (result.after_m >= result.before_m).all()
    for r in cov.RADII_M:
        assert (result.covered_before(r) | ~result.covered_after(r)).all()
        assert result.gain(r, weights) <= 0


# ------------------------------------------------------------------------------ greedy sites


def covered_weight(chosen, c_lat, c_lon, weights, radius, already) -> float:
    """Brute force: the weight covered by the chosen candidate sites (compound locations)."""
    if not chosen:
        return float(np.sum(np.where(already, weights, 0)))
    d = brute_nearest([c_lat[i] for i in chosen], [c_lon[i] for i in chosen], c_lat, c_lon)
    return float(np.sum(np.where(already | (d <= radius), weights, 0)))


@settings(max_examples=40, deadline=None)
@given(
    clusters=st.lists(st.tuples(st.integers(1, 3), st.integers(1, 400)), min_size=1, max_size=6),
    k=st.integers(1, 4),
)
def test_greedy_is_optimal_when_reach_sets_are_disjoint(clusters, k):
    # Clusters 3 km apart; the compounds of a cluster lie within 100 m of each other, so any site
    # in a cluster reaches exactly that cluster at 500 m: disjoint reach sets, greedy is optimal.
    c_lat, c_lon, weights = [], [], []
    for i, (size, base_weight) in enumerate(clusters):
        for j in range(size):
            c_lat.append(north_of(LAT, 3000 * i + 30 * j))
            c_lon.append(LON)
            weights.append(base_weight + j)
    weights = np.array(weights, dtype=float)
    already = np.zeros(len(c_lat), dtype=bool)
    reach = cov.reach_matrix(c_lat, c_lon, c_lat, c_lon, 500)
    picks = cov.greedy_sites(reach, weights, already, k)
    greedy_total = sum(p.gain for p in picks)
    best = max(
        covered_weight(list(combo), c_lat, c_lon, weights, 500, already)
        for combo in itertools.combinations(range(len(c_lat)), min(k, len(c_lat)))
    )
    assert greedy_total == pytest.approx(best)
    assert len(picks) == min(k, len(clusters))


@settings(max_examples=60, deadline=None)
@given(
    compounds=st.lists(
        st.tuples(coord_lat, coord_lon, st.integers(0, 500)), min_size=1, max_size=15
    ),
    covered_flags=st.data(),
    k=st.integers(1, 5),
    radius=st.sampled_from(cov.RADII_M),
)
def test_first_pick_has_the_largest_single_gain_and_gains_never_rise(
    compounds, covered_flags, k, radius
):
    c_lat = [c[0] for c in compounds]
    c_lon = [c[1] for c in compounds]
    weights = np.array([c[2] for c in compounds], dtype=float)
    already = np.array(
        covered_flags.draw(
            st.lists(st.booleans(), min_size=len(compounds), max_size=len(compounds))
        )
    )
    base = covered_weight([], c_lat, c_lon, weights, radius, already)
    singles = [
        covered_weight([i], c_lat, c_lon, weights, radius, already) - base
        for i in range(len(compounds))
    ]
    # Stay clear of pairs within a micrometre of the radius, where float rounding decides.
    for i, j in itertools.combinations(range(len(compounds)), 2):
        dij = brute_nearest([c_lat[i]], [c_lon[i]], [c_lat[j]], [c_lon[j]])[0]
        assume(abs(dij - radius) > 1e-6)

    picks = cov.greedy_sites(
        cov.reach_matrix(c_lat, c_lon, c_lat, c_lon, radius), weights, already, k
    )
    if max(singles) <= 0:
        assert picks == []
        return
    assert picks[0].gain == pytest.approx(max(singles))
    assert singles[picks[0].candidate] == pytest.approx(max(singles))
    gains = [p.gain for p in picks]
    assert all(a >= b for a, b in itertools.pairwise(gains))
    assert all(g > 0 for g in gains)
    # Each pick's gain is exactly the weight of the compounds it newly covers, never counted twice.
    seen: set[int] = set()
    for p in picks:
        newly = set(p.newly_covered.tolist())
        assert not newly & seen and not any(already[list(newly)])
        assert p.gain == pytest.approx(weights[list(newly)].sum())
        seen |= newly


def test_greedy_takes_the_overlap_into_account():
    # A, B, C on a line 400 m apart. At 500 m a site at B reaches all three, A reaches A and B.
    c_lat = [LAT, north_of(LAT, 400), north_of(LAT, 800)]
    c_lon = [LON] * 3
    reach = cov.reach_matrix(c_lat, c_lon, c_lat, c_lon, 500)
    picks = cov.greedy_sites(reach, [100, 10, 100], np.zeros(3, bool), 3)
    assert [(p.candidate, p.gain) for p in picks] == [(1, 210)]  # then nothing is left to gain


def test_greedy_with_nothing_to_choose():
    empty = cov.reach_matrix([], [], [LAT], [LON], 500)
    assert cov.greedy_sites(empty, [10], [False], 3) == []
    assert (
        cov.greedy_sites(cov.reach_matrix([LAT], [LON], [LAT], [LON], 500), [10], [True], 3) == []
    )
