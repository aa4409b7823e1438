"""AppTest: the service-point page by walking distance on the sample county.

Expected figures are walked here independently of data_access.service_points.walking: the sample's roads CSV
read with plain Python, each place joined to its nearest street segment by brute force, and
Dijkstra with heapq (no numpy, no scipy, no 50 m pieces).
"""

from __future__ import annotations

import heapq
import json
import math
from functools import cache

import pytest

from tests.app.conftest import assert_clean
from tests.app.test_service_points import (
    PAGE,
    covered,
    deck,
    layer,
    metres,
    operating,
    shown_scenario,
)
from tests.conftest import sample_rows

K = 6_371_008.8 * math.pi / 180  # metres per degree of latitude on the mean sphere
TYPES = ("milk", "mail", "newspaper", "reading_room", "convenience", "clinic", "police",
         "elderly_care")  # fmt: skip


def _xy(lon: float, lat: float, lat0: float) -> tuple[float, float]:
    return lon * K * math.cos(math.radians(lat0)), lat * K


def _dist(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle metres between (lon, lat) positions."""
    return metres({"lat": a[1], "lon": a[0]}, {"lat": b[1], "lon": b[0]})


@cache
def _segments() -> tuple[tuple[tuple[float, float], tuple[float, float]], ...]:
    out = []
    for road in sample_rows("roads"):
        if road["walkable"].lower() != "true":
            continue
        coords = json.loads(road["geometry"])["coordinates"]
        for a, b in zip(coords, coords[1:], strict=False):
            out.append((tuple(a), tuple(b)))
    return tuple(out)


def walks_from(
    sources: list[tuple[float, float]], targets: list[tuple[float, float]]
) -> list[float]:
    """For each target (lon, lat), the shortest walk (m) to the nearest source (lon, lat)."""
    segs = _segments()
    spots: dict[int, list[tuple[float, str, float]]] = {}  # segment → (t, door, offset)
    for place in {*sources, *targets}:
        best = None
        px, py = _xy(*place, place[1])
        for i, (a, b) in enumerate(segs):
            ax, ay = _xy(*a, place[1])
            bx, by = _xy(*b, place[1])
            dx, dy = bx - ax, by - ay
            d2 = dx * dx + dy * dy
            t = 0.0 if d2 == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / d2))
            d = math.hypot(ax + t * dx - px, ay + t * dy - py)
            if best is None or d < best[0]:
                best = (d, i, t)
        spots.setdefault(best[1], []).append((best[2], place, best[0]))
    graph: dict[object, list[tuple[object, float]]] = {}

    def edge(u: object, v: object, w: float) -> None:
        graph.setdefault(u, []).append((v, w))
        graph.setdefault(v, []).append((u, w))

    key = lambda p: (round(p[0], 8), round(p[1], 8))  # noqa: E731 — a vertex is its position
    for i, (a, b) in enumerate(segs):
        length = _dist(a, b)
        if i not in spots:
            edge(key(a), key(b), length)
            continue
        previous, t_prev = key(a), 0.0
        for t, place, offset in sorted(spots[i]):
            node = ("spot", i, t)
            edge(previous, node, (t - t_prev) * length)
            edge(node, ("door", place), offset)
            previous, t_prev = node, t
        edge(previous, key(b), (1 - t_prev) * length)
    best: dict[object, float] = {}
    queue = [(0.0, n, ("door", s)) for n, s in enumerate(sources)]  # n: nodes never compared
    pushed = len(queue)
    while queue:
        d, _n, node = heapq.heappop(queue)
        if node in best:
            continue
        best[node] = d
        for nxt, w in graph.get(node, ()):
            if nxt not in best:
                pushed += 1
                heapq.heappush(queue, (d + w, pushed, nxt))
    return [best.get(("door", t), math.inf) for t in targets]


def _pos(row: dict) -> tuple[float, float]:
    return (float(row["lon"]), float(row["lat"]))


def walk_covered(points: list[dict], radius: float = 500) -> set[str]:
    comps = sample_rows("compounds")
    dist = walks_from([_pos(p) for p in points], [_pos(c) for c in comps])
    return {c["id"] for c, d in zip(comps, dist, strict=True) if d <= radius}


def households(ids: set[str]) -> int:
    return sum(int(c["households"]) for c in sample_rows("compounds") if c["id"] in ids)


def _frame(at, column: str):
    return next(d.value for d in at.dataframe if column in d.value.columns)


# ------------------------------------------------------------------------------ both modes


def test_both_modes_side_by_side_walking_never_exceeds_the_straight_line(open_page):
    at = open_page(PAGE, sp_mode="walk")
    assert_clean(at)
    compare = _frame(at, "gap_households")
    total = households({c["id"] for c in sample_rows("compounds")})
    assert len(compare) == len(TYPES)
    for row, sp_type in zip(compare.itertuples(), TYPES, strict=True):
        line = households(covered(operating(sp_type)))
        walk = households(walk_covered(operating(sp_type)))
        assert walk <= line
        assert row.line == pytest.approx(line / total * 100)
        assert row.walk == pytest.approx(walk / total * 100)
        assert row.gap_households == line - walk
    # Somewhere the straight line overstates: the river and the rail line are in the sample.
    assert (compare["gap_households"] > 0).any()
    # The coverage table (last) is by walking in walking mode.
    table = at.dataframe[-1].value
    total_row = table[(table["community"] == "合计") & (table["type"] == "医疗卫生服务室")]
    expected = households(walk_covered(operating("clinic"))) / total * 100
    assert total_row["households_500"].iloc[0] == pytest.approx(expected)


def test_straight_line_mode_keeps_todays_figures_and_circles(open_page):
    at = open_page(PAGE, sp_type="clinic")
    assert_clean(at)
    assert layer(at, "walk")  # the straight-line circles
    assert not layer(at, "walk-area-300")
    table = at.dataframe[-1].value
    total = households({c["id"] for c in sample_rows("compounds")})
    row = table[(table["community"] == "合计")]
    assert row["households_500"].iloc[0] == pytest.approx(
        households(covered(operating("clinic"))) / total * 100
    )
    cards = {m.label: m.value for m in at.metric}
    assert cards["按直线 · 500 米覆盖（户）"] == cards["500 米覆盖率（户）"]


def test_the_what_if_by_walking_gives_the_before_and_after_walked_here(open_page):
    sp_type = "clinic"
    pts = operating(sp_type)
    hit = walk_covered(pts)
    comps = sample_rows("compounds")
    site = max((c for c in comps if c["id"] not in hit), key=lambda c: int(c["households"]))
    at = open_page(PAGE, sp_type=sp_type, sp_mode="walk", sp_add=[site["id"]])
    assert_clean(at)
    after = hit | walk_covered([*pts, site])
    assert shown_scenario(at) == (households(hit), households(after))
    assert households(after) > households(hit)
    # The walking-time areas of every clinic, three bands, and the compounds they reach.
    spec_ids = [lyr["id"] for lyr in deck(at)["layers"]]
    assert {"walk-area-300", "walk-area-500", "walk-area-800"} <= set(spec_ids)
    assert "walk" not in spec_ids  # no straight-line circle in walking mode
    reached = layer(at, "walk-area-reached")
    assert len(reached) == len(walk_covered([*pts, site], 800))
    legend = " ".join(m.value for m in at.markdown)
    assert "步行 5 分钟（300 米）内的街道" in legend


def test_one_points_walking_area_and_switching_it_off(open_page):
    point = operating("police")[0]
    at = open_page(PAGE, sp_type="police", sp_mode="walk", sp_area=point["id"])
    assert_clean(at)
    reached = layer(at, "walk-area-reached")
    assert len(reached) == len(walk_covered([point], 800))
    off = open_page(PAGE, sp_type="police", sp_mode="walk", sp_area="none")
    assert_clean(off)
    assert not layer(off, "walk-area-300")
    stale = open_page(PAGE, sp_type="police", sp_mode="walk", sp_area="SP-NOPE")
    assert_clean(stale)
    assert any("SP-NOPE" in w.value for w in stale.warning)
