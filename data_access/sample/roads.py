"""The sample county's street network: the streets its grids are drawn along, a lane from every
compound's gate to the nearest street, the links between the two communities, and two barriers.

- Streets: each community's main street, its north and south edges and the lanes between them
  (`area.layout`), so the network fits the grids exactly (grid edges are streets).
- Gates: every compound has a lane (no name) from its centre to the nearest street that does not
  cross a barrier; the street gets a vertex there, so the lane joins it. Paths (no name) run
  through each grid between neighbouring compounds, as alleys and courtyards do.
- A river runs north–south between the old town and the east community; it is crossed only by the
  main street's bridge and a footbridge on the south edge (no link in the north).
- A rail line (not walkable) crosses the old town from south to north; the main street passes
  under it, the north and south edges end on either side of it, so residents on one side walk
  round by the main street.

One row per street (per piece where the rail line cuts it); streets meet where they share a vertex,
which is where the walking graph joins them. Deterministic: it draws from its own generator
(`<seed>:roads`) and reads the area without drawing from the area's, so no other table changed.
"""

from __future__ import annotations

import json
import random

from scipy.spatial import Delaunay

from data_access.sample.area import M_PER_DEG_LAT, M_PER_DEG_LON, Geography, Pt, _r, metres
from data_access.sample.spec import EAST, OLD_TOWN

STREET_NAMES = {
    OLD_TOWN.code: {"main": "人民街", "north": "北关街", "south": "南关街", "lane": "老城{n}巷"},
    EAST.code: {"main": "建设路", "north": "东环北路", "south": "滨河南路", "lane": "东城{n}巷"},
}
BRIDGES = (("main", "东关大桥"), ("south", "南门人行桥"))
RAIL_NAME = "城关铁路专用线"
MAX_PATH_M = 350  # longest path through a block between two compounds
RAIL_GAP_M = 12  # a street cut by the rail line ends this far from the track
ORDINALS = "一二三四五六七八九十"


def _cross(p1: Pt, p2: Pt, q1: Pt, q2: Pt) -> float | None:
    """Where segment p1–p2 crosses segment q1–q2, as the fraction along p1–p2; None if it does not."""
    d = (p2[0] - p1[0]) * (q2[1] - q1[1]) - (p2[1] - p1[1]) * (q2[0] - q1[0])
    if d == 0:
        return None
    s = ((q1[0] - p1[0]) * (q2[1] - q1[1]) - (q1[1] - p1[1]) * (q2[0] - q1[0])) / d
    u = ((q1[0] - p1[0]) * (p2[1] - p1[1]) - (q1[1] - p1[1]) * (p2[0] - p1[0])) / d
    return s if 0 <= s <= 1 and 0 <= u <= 1 else None


def _crosses(a: Pt, b: Pt, barrier: list[Pt]) -> float | None:
    hits = [
        h
        for q1, q2 in zip(barrier, barrier[1:], strict=False)
        if (h := _cross(a, b, q1, q2)) is not None
    ]
    return min(hits) if hits else None


def _along(a: Pt, b: Pt, f: float) -> Pt:
    return _r((a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f))


def _cut(line: list[Pt], barrier: list[Pt]) -> list[list[Pt]]:
    """The line in pieces that stop RAIL_GAP_M short of the barrier on either side."""
    pieces, current = [], [line[0]]
    for a, b in zip(line, line[1:], strict=False):
        f = _crosses(a, b, barrier)
        if f is None:
            current.append(b)
            continue
        gap = RAIL_GAP_M / max(metres(a, b), 1e-9)
        current.append(_along(a, b, max(f - gap, 0.0)))
        pieces.append(current)
        current = [_along(a, b, min(f + gap, 1.0)), b]
    pieces.append(current)
    return [p for p in pieces if len(p) >= 2 and metres(p[0], p[-1]) > 1]


def _project(p: Pt, a: Pt, b: Pt) -> tuple[float, Pt]:
    """Distance (m) from p to segment a–b and the nearest spot on it."""
    ax, ay = a[0] * M_PER_DEG_LON, a[1] * M_PER_DEG_LAT
    bx, by = b[0] * M_PER_DEG_LON, b[1] * M_PER_DEG_LAT
    px, py = p[0] * M_PER_DEG_LON, p[1] * M_PER_DEG_LAT
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / ((dx * dx + dy * dy) or 1)))
    spot = _r((a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t))
    return metres(p, spot), spot


class RoadNetwork:
    def __init__(self, rng: random.Random, geo: Geography):
        self.rng = rng
        self.geo = geo
        self.lines: list[tuple[str | None, bool, list[Pt]]] = []  # (name, walkable, line)

    def _rail(self) -> list[Pt]:
        """South to north across the old town, about 62 % of the way east, with a slight bend."""
        x0, y0, x1, y1 = OLD_TOWN.bbox
        x = x0 + (x1 - x0) * self.rng.uniform(0.58, 0.66)
        bend = (x1 - x0) * self.rng.uniform(-0.03, 0.03)
        return [
            _r((x - bend, y0 - 0.004)),
            _r((x + bend, (y0 + y1) / 2)),
            _r((x - bend, y1 + 0.004)),
        ]

    def build(self, tables: dict[str, list[dict]]) -> None:
        rail = self._rail()
        streets: list[tuple[str | None, list[Pt]]] = []
        for code, parts in self.geo.streets.items():
            names = STREET_NAMES[code]
            for kind in ("main", "north", "south"):
                streets.append((names[kind], list(parts[kind][0])))
            for n, lane in enumerate(parts["lanes"], start=1):
                label = names["lane"].format(n=ORDINALS[n - 1] if n <= 10 else n)
                streets.append((label, list(lane)))
        # The two communities' streets meet across the river only at the bridges.
        west, east = self.geo.streets[OLD_TOWN.code], self.geo.streets[EAST.code]
        for kind, name in BRIDGES:
            streets.append((name, [west[kind][0][-1], east[kind][0][0]]))
        # The rail line cuts every street but the main street (an underpass).
        main_street = STREET_NAMES[OLD_TOWN.code]["main"]
        cut: list[tuple[str | None, list[Pt]]] = []
        for name, line in streets:
            pieces = [line] if name == main_street else _cut(line, rail)
            cut.extend((name, p) for p in pieces)
        cut = self._gates(cut, rail)
        self.lines = [(name, True, line) for name, line in cut] + [(RAIL_NAME, False, rail)]
        tables["roads"] = [
            {
                "id": f"RD{n:05d}",
                "name": name,
                "walkable": walkable,
                "geometry": json.dumps(
                    {"type": "LineString", "coordinates": [list(p) for p in line]}
                ),
            }
            for n, (name, walkable, line) in enumerate(self.lines, start=1)
        ]

    def _gates(
        self, streets: list[tuple[str | None, list[Pt]]], rail: list[Pt]
    ) -> list[tuple[str | None, list[Pt]]]:
        """A lane from each compound to its nearest street not across the rail; the street gets
        a vertex where the lane meets it."""
        out = [(name, list(line)) for name, line in streets]
        gates = []
        for c in self.geo.compounds:
            p = (c.lon, c.lat)
            options = sorted(
                (*_project(p, a, b), i, k)
                for i, (_n, line) in enumerate(out)
                for k, (a, b) in enumerate(zip(line, line[1:], strict=False))
            )
            for _d, spot, i, k in options:
                if _crosses(p, spot, rail) is None:
                    line = out[i][1]
                    if spot not in line:
                        line.insert(k + 1, spot)
                    gates.append((None, [p, spot]))
                    break
        return out + gates + self._paths(rail)

    def _paths(self, rail: list[Pt]) -> list[tuple[str | None, list[Pt]]]:
        """Paths through each grid between neighbouring compounds (the edges of their Delaunay
        triangulation up to MAX_PATH_M long, none across the rail line): the alleys and courtyards
        one walks through inside a block."""
        paths = []
        for grid in sorted({c.grid for c in self.geo.compounds}):
            members = [(c.lon, c.lat) for c in self.geo.compounds if c.grid == grid]
            pairs: set[tuple[int, int]] = {(0, 1)} if len(members) == 2 else set()
            if len(members) > 2:
                for tri in Delaunay(members).simplices:
                    for i, j in ((0, 1), (1, 2), (0, 2)):
                        a, b = sorted((int(tri[i]), int(tri[j])))
                        pairs.add((a, b))
            for a, b in sorted(pairs):
                p, q = members[a], members[b]
                if metres(p, q) <= MAX_PATH_M and _crosses(p, q, rail) is None:
                    paths.append((None, [p, q]))
        return paths
