"""The area: communities drawn along streets, their grids, and the residential compounds.

A community is bounded by a wavy north and south edge (a river bank, an old wall line) and two
side streets; a main street crosses it from west to east, and lanes run from the main street to
the edges, at different places north and south of it (T-junctions, not a lattice). Every street is
a polyline with bends, so grids have different numbers of vertices, and neighbouring grids share
their vertices exactly: the grids tile their community. Compounds lie inside their grid, away from
its edges; households and people add up exactly to the document's totals.
"""

from __future__ import annotations

import bisect
import json
import math
import random
from dataclasses import dataclass

from data_access.sample.people import People
from data_access.sample.spec import COMMUNITIES, TOWN, CommunitySpec

Pt = tuple[float, float]  # (lon, lat)
M_PER_DEG_LAT = 111_000.0
M_PER_DEG_LON = 111_000.0 * math.cos(math.radians(35.6))

COMPOUND_NAMES = {
    COMMUNITIES[0].code: [
        "文化巷", "南关家属院", "粮站家属楼", "鼓楼小区", "县委家属院", "北街小区", "供销社家属楼",
        "西关新村", "钟楼巷", "教育局家属院", "人民路小区", "电力家属楼", "老车站小区", "邮电家属院",
        "城隍庙巷", "府前小区", "百货公司家属楼", "水利小区", "新华巷", "卫生院家属楼", "丰收路小区",
        "民主巷", "税务家属院", "前进路小区", "农机家属楼", "东关旧城", "柳园小区", "和平巷",
        "工商家属院", "中山路小区", "西门外小区", "药材公司家属楼", "福寿巷", "南门小区", "林业家属院",
        "长乐小区", "育才巷", "北关新村", "棉麻公司家属楼", "安居小区", "兴隆巷", "园林小区",
    ],
    COMMUNITIES[1].code: [
        "滨河花园", "东城新苑", "阳光小区", "建设路小区", "东关新村", "金色家园", "锦绣苑", "惠民小区",
        "幸福里", "翠湖苑", "盛世华庭", "康乐小区", "东湖小区", "朝阳新居", "和谐家园", "广厦小区",
        "怡景苑", "安康小区", "学府小区", "丰泽园", "新城佳苑", "富民小区", "城东公租房", "旭日小区",
    ],
}  # fmt: skip
_NAME_ENDINGS = ("院", "楼", "村", "巷", "苑", "园", "里", "居", "庭", "城", "房", "区")
ORDINALS = "一二三四五六七八九十"


def _r(p: Pt) -> Pt:
    return (round(p[0], 6), round(p[1], 6))


class Street:
    """A west-east polyline (lat as a function of lon), with the points where others meet it."""

    def __init__(self, controls: list[Pt]):
        self.controls = sorted(_r(p) for p in controls)
        self.xs = [p[0] for p in self.controls]
        self.junctions: set[float] = set()

    def at(self, x: float) -> Pt:
        i = min(max(bisect.bisect_right(self.xs, x), 1), len(self.xs) - 1)
        (x0, y0), (x1, y1) = self.controls[i - 1], self.controls[i]
        return _r((x, y0 + (y1 - y0) * (x - x0) / (x1 - x0)))

    def between(self, xa: float, xb: float) -> list[Pt]:
        """From xa to xb (xa < xb), every bend and junction on the way included."""
        inner = {x for x in (*self.xs, *self.junctions) if xa < x < xb}
        return [self.at(xa), *(self.at(x) for x in sorted(inner)), self.at(xb)]


def _edge(rng: random.Random, x0: float, x1: float, y: float, wobble: float) -> Street:
    n = rng.randint(5, 9)
    xs = sorted({x0, x1, *(rng.uniform(x0, x1) for _ in range(n))})
    phase, amp = rng.uniform(0, math.pi), wobble * rng.uniform(0.4, 1.0)
    return Street(
        [
            (x, y + amp * math.sin(phase + 3 * (x - x0) / (x1 - x0)) + rng.uniform(-1, 1) * wobble)
            for x in xs
        ]
    )


def _lane(rng: random.Random, bottom: Pt, top: Pt, jitter: float) -> list[Pt]:
    """A street from `bottom` to `top` with one to three bends."""
    bends = rng.randint(1, 3)
    pts = [bottom]
    for k in range(1, bends + 1):
        f = k / (bends + 1) + rng.uniform(-0.08, 0.08)
        pts.append(
            _r(
                (
                    bottom[0] + (top[0] - bottom[0]) * f + rng.uniform(-jitter, jitter),
                    bottom[1] + (top[1] - bottom[1]) * f,
                )
            )
        )
    return [*pts, top]


def _positions(rng: random.Random, x0: float, x1: float, parts: int) -> list[float]:
    """Where the lanes dividing [x0, x1] into `parts` uneven parts meet a street."""
    weights = [rng.uniform(0.7, 1.4) for _ in range(parts)]
    total, acc, out = sum(weights), 0.0, []
    for w in weights[:-1]:
        acc += w
        out.append(round(x0 + (x1 - x0) * acc / total, 6))
    return out


def ring_geojson(ring: list[Pt]) -> str:
    return json.dumps({"type": "Polygon", "coordinates": [[*map(list, ring), list(ring[0])]]})


def inside(p: Pt, ring: list[Pt]) -> bool:
    x, y = p
    hit = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            hit = not hit
    return hit


def metres_to_edge(p: Pt, ring: list[Pt]) -> float:
    best = math.inf
    px, py = p[0] * M_PER_DEG_LON, p[1] * M_PER_DEG_LAT
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        ax, ay = x1 * M_PER_DEG_LON, y1 * M_PER_DEG_LAT
        bx, by = x2 * M_PER_DEG_LON, y2 * M_PER_DEG_LAT
        dx, dy = bx - ax, by - ay
        t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / ((dx * dx + dy * dy) or 1)))
        best = min(best, math.hypot(px - ax - t * dx, py - ay - t * dy))
    return best


def metres(a: Pt, b: Pt) -> float:
    return math.hypot((a[0] - b[0]) * M_PER_DEG_LON, (a[1] - b[1]) * M_PER_DEG_LAT)


@dataclass
class CompoundRec:
    id: str
    community: str
    grid: str
    name: str
    households: int
    population: int
    r60: int
    r80: int
    lon: float
    lat: float


def layout(
    rng: random.Random, spec: CommunitySpec
) -> tuple[list[Pt], list[list[Pt]], dict[str, list[list[Pt]]]]:
    """The community's outline, its grids' rings (north of the main street west to east, then
    south of it), drawn along streets, and the streets themselves ({"main": [line], "north",
    "south", "lanes": [line, ...]}, sharing their vertices where they meet). Recording the
    streets draws nothing from `rng`, so the grids and compounds are as they were."""
    x0, y0, x1, y1 = spec.bbox
    w, h = x1 - x0, y1 - y0
    south = _edge(rng, x0, x1, y0, 0.05 * h)
    north = _edge(rng, x0, x1, y1, 0.05 * h)
    main = _edge(rng, x0, x1, y0 + h * rng.uniform(0.44, 0.56), 0.035 * h)

    def side(x: float) -> tuple[list[Pt], list[Pt]]:
        low = _lane(rng, south.at(x), main.at(x), 0.02 * w)
        high = _lane(rng, main.at(x), north.at(x), 0.02 * w)
        return low, high

    west_low, west_high = side(x0)
    east_low, east_high = side(x1)
    lanes_n, lanes_s = [west_high], [west_low]
    for a in _positions(rng, x0, x1, spec.grids_north):
        top = a + rng.uniform(-0.04, 0.04) * w
        lanes_n.append(_lane(rng, main.at(a), north.at(top), 0.015 * w))
        main.junctions.add(a)
        north.junctions.add(round(top, 6))
    for b in _positions(rng, x0, x1, spec.grids_south):
        bottom = b + rng.uniform(-0.04, 0.04) * w
        lanes_s.append(_lane(rng, south.at(bottom), main.at(b), 0.015 * w))
        main.junctions.add(b)
        south.junctions.add(round(bottom, 6))
    lanes_n.append(east_high)
    lanes_s.append(east_low)

    rings = []
    for lanes, low, high in ((lanes_n, main, north), (lanes_s, south, main)):
        for left, right in zip(lanes, lanes[1:], strict=False):
            ring = (
                low.between(left[0][0], right[0][0])
                + right[1:]
                + list(reversed(high.between(left[-1][0], right[-1][0])))[1:]
                + list(reversed(left))[1:-1]
            )
            rings.append(ring)
    west = west_low + west_high[1:]
    east = east_low + east_high[1:]
    outline = (
        south.between(x0, x1)
        + east[1:]
        + list(reversed(north.between(x0, x1)))[1:]
        + list(reversed(west))[1:-1]
    )
    streets = {
        "main": [main.between(x0, x1)],
        "north": [north.between(x0, x1)],
        "south": [south.between(x0, x1)],
        "lanes": [*lanes_n, *lanes_s],
    }
    return outline, rings, streets


def spot_in(rng: random.Random, ring: list[Pt], margin_m: float, near: Pt | None = None,
            radius_m: float = 0.0) -> Pt:  # fmt: skip
    """A random spot inside the ring at least `margin_m` from its edges (near `near` when given)."""
    xs, ys = [p[0] for p in ring], [p[1] for p in ring]
    for attempt in range(2000):
        if near is not None:
            r = radius_m * (1 + attempt // 200)
            p = (
                near[0] + rng.uniform(-r, r) / M_PER_DEG_LON,
                near[1] + rng.uniform(-r, r) / M_PER_DEG_LAT,
            )
        else:
            p = (rng.uniform(min(xs), max(xs)), rng.uniform(min(ys), max(ys)))
        p = _r(p)
        if inside(p, ring) and metres_to_edge(p, ring) >= margin_m * (0.5 if attempt > 1500 else 1):
            return p
    raise RuntimeError("no spot found inside the ring")


class Geography:
    """Builds communities, grids and compounds; other modules place things near compounds."""

    def __init__(self, rng: random.Random, people: People):
        self.rng = rng
        self.people = people
        self.compounds: list[CompoundRec] = []
        self.grid_rings: dict[str, list[Pt]] = {}
        self.outlines: dict[str, list[Pt]] = {}
        self.streets: dict[str, dict[str, list[list[Pt]]]] = {}  # community → layout()'s streets

    def build(self, tables: dict[str, list[dict]]) -> None:
        communities, grids = [], []
        for spec in COMMUNITIES:
            outline, rings, streets = layout(self.rng, spec)
            self.outlines[spec.code] = outline
            self.streets[spec.code] = streets
            codes = [f"{spec.code}{n:03d}" for n in range(1, len(rings) + 1)]
            self.grid_rings.update(zip(codes, rings, strict=True))
            recs = self._compounds(spec, codes)
            self.compounds.extend(recs)
            xs, ys = [p[0] for p in outline], [p[1] for p in outline]
            communities.append(
                {
                    "code": spec.code,
                    "name": spec.name,
                    "town": TOWN,
                    "households": spec.households,
                    "population": spec.population,
                    "lat": round((min(ys) + max(ys)) / 2, 6),
                    "lon": round((min(xs) + max(xs)) / 2, 6),
                    "boundary": ring_geojson(outline),
                }
            )
            for n, code in enumerate(codes, start=1):
                members = [r for r in recs if r.grid == code]
                grids.append(
                    {
                        "code": code,
                        "community_code": spec.code,
                        "name": f"{spec.name[:-2]}第{ORDINALS[n - 1]}网格",
                        "households": sum(r.households for r in members),
                        "population": sum(r.population for r in members),
                        "grid_worker": self.people.name(self.rng.random() < 0.35, public=True),
                        "boundary": ring_geojson(self.grid_rings[code]),
                    }
                )
        tables["communities"] = communities
        tables["grids"] = grids
        tables["compounds"] = [
            {
                "id": r.id,
                "community_code": r.community,
                "grid_code": r.grid,
                "name": r.name,
                "households": r.households,
                "population": r.population,
                "residents_60_plus": r.r60,
                "residents_80_plus": r.r80,
                "lat": r.lat,
                "lon": r.lon,
            }
            for r in self.compounds
        ]

    def _compounds(self, spec: CommunitySpec, codes: list[str]) -> list[CompoundRec]:
        rng = self.rng
        names = [n if n.endswith(_NAME_ENDINGS) else n + "小区" for n in COMPOUND_NAMES[spec.code]]
        rng.shuffle(names)
        # More compounds where a grid is bigger, at least two in each.
        areas = [_area(self.grid_rings[c]) * rng.uniform(0.7, 1.3) for c in codes]
        extra = len(names) - 2 * len(codes)
        counts = [2 + k for k in _partition(extra, areas)]
        placed: list[tuple[str, Pt]] = []
        for code, count in zip(codes, counts, strict=True):
            ring = self.grid_rings[code]
            for _ in range(count):
                for _attempt in range(300):
                    p = spot_in(rng, ring, 45)
                    if all(metres(p, q) > 110 for _c, q in placed):
                        break
                placed.append((code, p))
        hh = _partition(spec.households, [rng.lognormvariate(0, 0.55) for _ in placed])
        ratio = spec.population / spec.households
        pop = _partition(spec.population, [h * rng.uniform(ratio * 0.85, ratio * 1.15) for h in hh])
        recs = []
        for k, ((code, p), name) in enumerate(zip(placed, names, strict=True), start=1):
            r60 = round(pop[k - 1] * rng.uniform(spec.older_share - 0.06, spec.older_share + 0.06))
            recs.append(
                CompoundRec(
                    id=f"XQ{spec.code[-2:]}{k:03d}",
                    community=spec.code,
                    grid=code,
                    name=name,
                    households=hh[k - 1],
                    population=pop[k - 1],
                    r60=r60,
                    r80=round(r60 * rng.uniform(0.10, 0.20)),
                    lon=p[0],
                    lat=p[1],
                )
            )
        return recs

    # -- used by the other modules --------------------------------------------------------------

    def compounds_of(self, community: str) -> list[CompoundRec]:
        return [c for c in self.compounds if c.community == community]

    def weighted_compound(self, community: str) -> CompoundRec:
        comps = self.compounds_of(community)
        return self.rng.choices(comps, weights=[c.households for c in comps])[0]

    def spot_near(self, comp: CompoundRec, radius_m: float = 60) -> tuple[float, float]:
        """(lat, lon) of a spot near the compound, inside its grid."""
        lon, lat = spot_in(self.rng, self.grid_rings[comp.grid], 12, (comp.lon, comp.lat), radius_m)
        return lat, lon


def _area(ring: list[Pt]) -> float:
    return abs(
        sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True))
    )


def _partition(total: int, weights: list[float]) -> list[int]:
    from data_access.sample.output import partition

    return partition(total, weights)
