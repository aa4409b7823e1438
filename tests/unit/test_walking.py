"""Walking distances on a hand-made network, worked out by hand.

Metres east (x) and north (y) of a spot on the equator, where a degree is k metres both ways on
the mean sphere. A river runs west–east along y = 0; one bridge crosses it at x = 0:

    north street  (-400, 20) ─────────────┬───────────── (400, 20)
                                    bridge│     dead end (300, 20)–(300, 120)
    south street  (-400,-20) ─────────────┴───────────── (400,-20)

Places (each walks 10 m from its door to the street):
    P1 (300, -30): a point south of the river.       P2 (100, 30): a point north of it.
    A  (300, 130): a compound at the dead end's top. B (-100, 30): north. C (-350, -30): south.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from data_access.service_points import coverage as cov
from data_access.service_points import walking

K = math.pi / 180 * cov.EARTH_RADIUS_M  # metres per degree on the equator


def ll(x: float, y: float) -> tuple[float, float]:
    """(lon, lat) of a spot x m east and y m north of (0°, 0°)."""
    return (x / K, y / K)


STREETS = [
    [ll(-400, 20), ll(0, 20), ll(300, 20), ll(400, 20)],  # north bank
    [ll(-400, -20), ll(0, -20), ll(400, -20)],  # south bank
    [ll(0, -20), ll(0, 20)],  # the bridge
    [ll(300, 20), ll(300, 120)],  # the dead end
]
PLACES = {"P1": (300, -30), "P2": (100, 30), "A": (300, 130), "B": (-100, 30), "C": (-350, -30)}
NAMES = list(PLACES)


def _walks() -> walking.Walks:
    s = walking.streets(STREETS)
    lon, lat = zip(*(ll(*PLACES[n]) for n in NAMES), strict=True)
    return walking.join(s, lat, lon)


def _idx(*names: str) -> list[int]:
    return [NAMES.index(n) for n in names]


def test_distances_by_hand():
    w = _walks()
    d = walking.nearest_walk_m(w, _idx("P1"), _idx("A", "B", "C", "P2"))
    # A: 10 door + 300 west on the south bank + 40 bridge + 300 east + 100 up the dead end + 10.
    # B: 10 + 300 + 40 + 100 west + 10.  C: 10 + 650 west on the south bank + 10.
    # P2: 10 + 300 + 40 + 100 east + 10.
    assert d == pytest.approx([760, 460, 670, 460], abs=0.01)
    d2 = walking.nearest_walk_m(w, _idx("P2"), _idx("A", "B", "C"))
    # A: 10 + 200 east + 100 up + 10.  B: 10 + 200 west + 10.  C: 10 + 100 + 40 + 350 + 10.
    assert d2 == pytest.approx([320, 220, 510], abs=0.01)
    both = walking.nearest_walk_m(w, _idx("P1", "P2"), _idx("A", "B", "C"))
    assert both == pytest.approx([320, 220, 510], abs=0.01)


def test_compound_across_the_river_from_its_nearest_point():
    """A's nearest point in a straight line is P1 across the river (160 m); on foot it is P2."""
    lon, lat = zip(*(ll(*PLACES[n]) for n in NAMES), strict=True)
    lat, lon = np.array(lat), np.array(lon)
    line = cov.haversine_m(
        lat[_idx("A")], lon[_idx("A")], lat[_idx("P1", "P2")], lon[_idx("P1", "P2")]
    )
    assert line == pytest.approx([160, math.hypot(200, 100)], abs=0.01)
    w = _walks()
    assert (
        walking.nearest_walk_m(w, _idx("P1"), _idx("A"))[0]
        > walking.nearest_walk_m(w, _idx("P2"), _idx("A"))[0]
    )


def test_coverage_differs_from_the_straight_line_exactly_where_it_should():
    lon, lat = zip(*(ll(*PLACES[n]) for n in NAMES), strict=True)
    lat, lon = np.array(lat), np.array(lon)
    comps, pts = _idx("A", "B", "C"), _idx("P1")
    line = cov.nearest_distance_m(lat[pts], lon[pts], lat[comps], lon[comps])
    walk = walking.nearest_walk_m(_walks(), pts, comps)
    # Straight line: A 160, B √(400² + 60²) ≈ 404.5, C √(650² + 0²) = 650.
    assert line == pytest.approx([160, math.hypot(400, 60), 650], abs=0.01)
    assert walk == pytest.approx([760, 460, 670], abs=0.01)
    assert cov.covered_mask(line, 500).tolist() == [True, True, False]
    # Only A, across the river, loses its cover at 500 m; at 800 m all three are covered both ways.
    assert cov.covered_mask(walk, 500).tolist() == [False, True, False]
    assert cov.covered_mask(walk, 800).tolist() == [True, True, True]
    assert (walk >= line - 1e-6).all()


def test_limit_leaves_far_places_unreached():
    d = walking.nearest_walk_m(_walks(), _idx("P1"), _idx("A", "B", "C"), limit=500)
    assert np.isinf(d[0]) and d[1] == pytest.approx(460, abs=0.01) and np.isinf(d[2])


def test_places_on_the_same_edge_and_at_the_same_spot():
    """Two doors on one street piece walk straight along it; a place on a door is 0 m away."""
    s = walking.streets([[ll(0, 0), ll(40, 0)]])
    lon, lat = zip(ll(10, 5), ll(30, -5), ll(10, 5), strict=True)
    w = walking.join(s, lat, lon)
    d = walking.nearest_walk_m(w, [0], [1, 2])
    assert d == pytest.approx([5 + 20 + 5, 0], abs=0.01)


def test_parallel_streets_count_the_shortest():
    s = walking.streets([[ll(0, 0), ll(100, 0)], [ll(0, 0), ll(100, 0)]])
    lon, lat = zip(ll(0, 0), ll(100, 0), strict=True)
    assert walking.nearest_walk_m(walking.join(s, lat, lon), [0], [1])[0] == pytest.approx(
        100, abs=0.01
    )


def test_reach_pieces_add_up_to_the_streets_within_reach():
    """From P1 with 400 m: its door 10, the south bank east 100 (to the end) and west 300 to the
    bridge, then 90 further west; the bridge 40; 50 each way on the north bank: 630 m of street."""
    w = _walks()
    dist = walking.from_sources(w, _idx("P1"))
    pieces = walking.reach_pieces(w, dist, 400)
    a = np.array(pieces)
    total = cov.haversine_m(a[:, 1], a[:, 0], a[:, 3], a[:, 2]).sum()
    assert total == pytest.approx(630, abs=0.05)


def test_reach_matrix_matches_nearest_walks():
    w = _walks()
    reach = walking.reach_matrix(w, _idx("P1", "P2"), _idx("A", "B", "C"), 500).toarray()
    assert reach.tolist() == [[0, 1, 0], [1, 1, 0]]


@pytest.mark.parametrize(
    ("geometry", "reason"),
    [
        ('{"type": "Point", "coordinates": [1, 2]}', "not_line"),
        ('{"type": "LineString", "coordinates": [[1, 2]]}', "too_few_points"),
        ('{"type": "LineString", "coordinates": [[1, 2], ["a", 3]]}', "not_number"),
        ('{"type": "LineString", "coordinates": [[1, 2], [200, 3]]}', "out_of_range"),
        ('{"type": "MultiLineString", "coordinates": []}', "no_coordinates"),
    ],
)
def test_bad_geometries_are_refused_with_a_reason(geometry, reason):
    with pytest.raises(walking.GeometryError) as err:
        walking.lines_of(geometry)
    assert str(err.value) == reason


def test_no_streets_no_walk():
    s = walking.streets([])
    assert s.empty
    w = walking.join(s, [0.0], [0.0])
    assert np.isinf(w.offset_m).all()
