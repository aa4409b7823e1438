"""Generate the sample county (sample_data/*.csv) deterministically from a seed.

    python -m data_access.sample [--out sample_data] [--seed 2022]

A fictional county town with the two communities of the source document (2022 work summary).
Every headline figure of DESIGN §10 is built in exactly; everything else is random but
plausible and internally consistent: compounds add up to grids, grids to communities; points
and compounds lie inside their grid's boundary; 低保 incomes are below the standard and the
recorded benefits follow the gap formula, apart from a handful of deliberate irregularities
that the welfare page's integrity panel must find (listed in sample_data/README.md).
All names and ID numbers are invented; the region code 629901 does not exist.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from data_access.filters import add_months, month_end, month_start, months_between
from data_access.idcard import make_id_number

REGION = "629901"  # fictional county: no real region has this code
TOWN = "城关镇"
PERIOD_START, PERIOD_END = "2021-07", "2022-06"
AS_OF = dt.date(2022, 6, 30)
TARGET_PERIOD = f"{PERIOD_START}..{PERIOD_END}"

# ---------------------------------------------------------------- figures of the source document


@dataclass(frozen=True)
class CommunitySpec:
    code: str
    name: str
    households: int
    population: int
    bbox: tuple[float, float, float, float]  # lon_min, lat_min, lon_max, lat_max
    cols: int
    rows: int
    dibao_persons: int
    tekun_households: int
    reemployed: int
    youth_informed: int
    volunteer_org_members: tuple[int, ...]
    cadres: int
    cadres_college: int
    cadres_under_35: int
    cadres_party: int
    points: dict[str, int]
    # Low-income households the civil-affairs office identified as eligible (a constant of the
    # sample, not drawn from the random generator): the denominator of coverage by households.
    low_income_households: int


OLD_TOWN = CommunitySpec(
    code=f"{REGION}100001",
    name="老城社区",
    households=5180,
    population=17460,
    bbox=(104.6150, 35.5720, 104.6370, 35.5850),
    cols=4,
    rows=2,
    dibao_persons=870,
    tekun_households=38,
    reemployed=255,
    youth_informed=362,
    volunteer_org_members=(32, 28, 25, 21),
    cadres=17,
    cadres_college=5,
    cadres_under_35=2,
    cadres_party=9,
    points={
        "milk": 26,
        "mail": 20,
        "newspaper": 22,
        "reading_room": 8,
        "convenience": 7,
        "clinic": 4,
        "police": 3,
        "elderly_care": 3,
    },
    low_income_households=426,
)
EAST = CommunitySpec(
    code=f"{REGION}100002",
    name="东部社区",
    households=2458,
    population=6586,
    bbox=(104.6385, 35.5705, 104.6555, 35.5840),
    cols=3,
    rows=2,
    dibao_persons=406,
    tekun_households=20,
    reemployed=118,
    youth_informed=168,
    volunteer_org_members=(26, 22, 16),
    cadres=12,
    cadres_college=3,
    cadres_under_35=2,
    cadres_party=7,
    points={
        "milk": 12,
        "mail": 10,
        "newspaper": 10,
        "reading_room": 4,
        "convenience": 3,
        "clinic": 2,
        "police": 1,
        "elderly_care": 3,
    },
    low_income_households=203,
)
COMMUNITIES = (OLD_TOWN, EAST)
VOLUNTEER_PERSON_TIMES = 9860  # "每年为群众义务服务近1万人次"

DIBAO_STANDARDS = ((dt.date(2021, 1, 1), 650, 50), (dt.date(2022, 1, 1), 700, 60))
TEKUN_STANDARDS = ((dt.date(2021, 1, 1), 845, None), (dt.date(2022, 1, 1), 910, None))

SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN_M = "伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林建国志文德胜海亮永学晨"
GIVEN_F = "芳娜敏静丽艳娟霞秀玲桂英兰红梅琳燕萍雪慧婷倩颖晶洁佳欣悦蓉琴莉瑶凤翠"

COMPOUND_NAMES = {
    OLD_TOWN.code: [
        "文化巷",
        "南关家属院",
        "粮站家属楼",
        "鼓楼小区",
        "县委家属院",
        "北街小区",
        "供销社家属楼",
        "西关新村",
        "钟楼巷",
        "教育局家属院",
        "人民路小区",
        "电力家属楼",
        "老车站小区",
        "邮电家属院",
        "城隍庙巷",
        "府前小区",
        "百货公司家属楼",
        "水利小区",
        "新华巷",
        "卫生院家属楼",
        "丰收路小区",
        "民主巷",
        "税务家属院",
        "前进路小区",
        "农机家属楼",
        "东关旧城",
        "柳园小区",
        "和平巷",
        "工商家属院",
        "中山路小区",
        "西门外小区",
        "药材公司家属楼",
        "福寿巷",
        "南门小区",
        "林业家属院",
        "长乐小区",
        "育才巷",
        "北关新村",
        "棉麻公司家属楼",
        "安居小区",
        "兴隆巷",
        "园林小区",
    ],
    EAST.code: [
        "滨河花园",
        "东城新苑",
        "阳光小区",
        "建设路小区",
        "东关新村",
        "金色家园",
        "锦绣苑",
        "惠民小区",
        "幸福里",
        "翠湖苑",
        "盛世华庭",
        "康乐小区",
        "东湖小区",
        "朝阳新居",
        "和谐家园",
        "广厦小区",
        "怡景苑",
        "安康小区",
        "学府小区",
        "丰泽园",
        "新城佳苑",
        "富民小区",
        "城东公租房",
        "旭日小区",
    ],
}

VOLUNTEER_ORG_NAMES = {
    OLD_TOWN.code: ["老城社区党员志愿服务队", "巾帼志愿服务队", "平安巡逻志愿队", "环境卫生志愿队"],
    EAST.code: ["东部社区青年志愿服务队", "关爱老人志愿队", "文明劝导志愿队"],
}
VOLUNTEER_KINDS = ["卫生清扫", "治安巡逻", "助老服务", "政策宣传", "文体活动", "便民服务"]

HONOURS = [
    (OLD_TOWN.code, "全市青年文明社区", "city", "共青团市委", 2013),
    (OLD_TOWN.code, "全市安全社区", "city", "市综治委", 2015),
    (OLD_TOWN.code, "全市示范社区", "city", "市民政局", 2016),
    (OLD_TOWN.code, "全省促进就业先进社区", "province", "省人力资源和社会保障厅", 2018),
    (OLD_TOWN.code, "全省社区建设示范社区", "province", "省民政厅", 2020),
    (OLD_TOWN.code, "全市先进示范社区", "city", "市委、市政府", 2021),
    (OLD_TOWN.code, "全市和谐社区示范点", "city", "市民政局", 2022),
    (EAST.code, "全市青年文明社区", "city", "共青团市委", 2016),
    (EAST.code, "全市安全社区", "city", "市综治委", 2018),
    (EAST.code, "全市促进就业先进社区", "city", "市人力资源和社会保障局", 2019),
    (EAST.code, "全省社区建设示范社区", "province", "省民政厅", 2021),
    (EAST.code, "全市先进示范社区", "city", "市委、市政府", 2022),
]

FACILITY_KINDS = [
    # code, zh, en, group, required, responsible department (for the sample rooms)
    ("office", "办公室", "Office", "room", True, "城关镇人民政府"),
    ("police_room", "警务室", "Police room", "room", True, "县公安局"),
    ("library", "图书室", "Library", "room", True, "县文化和旅游局"),
    ("recreation_room", "娱乐室", "Recreation room", "room", True, "县文化和旅游局"),
    ("fitness_room", "健身室", "Fitness room", "room", True, "县体育局"),
    ("party_room", "党员活动室", "Party-member room", "room", True, "县委组织部"),
    (
        "labour_station",
        "劳动保障工作站",
        "Labour-security station",
        "station",
        True,
        "县人力资源和社会保障局",
    ),
    ("dibao_station", "低保站", "Minimum-allowance station", "station", True, "县民政局"),
    (
        "family_planning_station",
        "计划生育服务站",
        "Family-planning station",
        "station",
        True,
        "县卫生健康局",
    ),
    ("outdoor_fitness", "室外健身场", "Outdoor fitness ground", "field", True, "县体育局"),
    (
        "elderly_service_centre",
        "养老服务中心",
        "Elderly service centre",
        "other",
        False,
        "县民政局",
    ),
]

ELDERLY_GROUPS = [
    (OLD_TOWN.code, "中青戏曲演唱社", "戏曲", 36, dt.date(2017, 3, 12)),
    (OLD_TOWN.code, "老年人晨练队", "晨练", 58, dt.date(2015, 5, 4)),
    (EAST.code, "夕阳红艺术团", "文艺", 42, dt.date(2019, 9, 9)),
]

# ---------------------------------------------------------------- helpers


def partition(total: int, weights: Sequence[float]) -> list[int]:
    """Split an integer total in proportion to weights, exactly (largest remainder)."""
    wsum = sum(weights)
    raw = [total * w / wsum for w in weights]
    out = [int(r) for r in raw]
    order = sorted(range(len(raw)), key=lambda i: raw[i] - out[i], reverse=True)
    for i in order[: total - sum(out)]:
        out[i] += 1
    return out


def random_date(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def person_name(rng: random.Random, male: bool) -> str:
    chars = GIVEN_M if male else GIVEN_F
    given = rng.choice(chars) + (rng.choice(chars) if rng.random() < 0.7 else "")
    return rng.choice(SURNAMES) + given


class Lattice:
    """A community divided into cols × rows grid cells whose shared corners are jittered.

    Each cell is a convex quadrilateral, so bilinear interpolation of (u, v) in (0, 1)² lands
    inside it; the community boundary is the lattice's outer ring.
    """

    def __init__(self, rng: random.Random, spec: CommunitySpec):
        lon0, lat0, lon1, lat1 = spec.bbox
        self.cols, self.rows = spec.cols, spec.rows
        dx, dy = (lon1 - lon0) / spec.cols, (lat1 - lat0) / spec.rows
        self.v = [
            [
                (
                    round(lon0 + i * dx + rng.uniform(-0.12, 0.12) * dx, 6),
                    round(lat0 + j * dy + rng.uniform(-0.12, 0.12) * dy, 6),
                )
                for j in range(spec.rows + 1)
            ]
            for i in range(spec.cols + 1)
        ]

    def corners(self, i: int, j: int) -> list[tuple[float, float]]:
        v = self.v
        return [v[i][j], v[i + 1][j], v[i + 1][j + 1], v[i][j + 1]]

    def point(self, i: int, j: int, u: float, w: float) -> tuple[float, float]:
        (x00, y00), (x10, y10), (x11, y11), (x01, y01) = self.corners(i, j)
        lon = (1 - u) * (1 - w) * x00 + u * (1 - w) * x10 + u * w * x11 + (1 - u) * w * x01
        lat = (1 - u) * (1 - w) * y00 + u * (1 - w) * y10 + u * w * y11 + (1 - u) * w * y01
        return round(lat, 6), round(lon, 6)

    def cell_geojson(self, i: int, j: int) -> str:
        ring = self.corners(i, j)
        return json.dumps({"type": "Polygon", "coordinates": [[*map(list, ring), list(ring[0])]]})

    def outline_geojson(self) -> str:
        c, r = self.cols, self.rows
        ring = (
            [self.v[i][0] for i in range(c + 1)]
            + [self.v[c][j] for j in range(1, r + 1)]
            + [self.v[i][r] for i in range(c - 1, -1, -1)]
            + [self.v[0][j] for j in range(r - 1, 0, -1)]
        )
        return json.dumps({"type": "Polygon", "coordinates": [[*map(list, ring), list(ring[0])]]})

    def centre(self) -> tuple[float, float]:
        pts = [p for col in self.v for p in col]
        return (
            round(sum(p[1] for p in pts) / len(pts), 6),
            round(sum(p[0] for p in pts) / len(pts), 6),
        )


@dataclass
class CompoundRec:
    id: str
    community: str
    grid: str
    cell: tuple[int, int]
    uv: tuple[float, float]
    name: str
    households: int
    population: int
    r60: int
    r80: int
    lat: float
    lon: float


class SampleCounty:
    def __init__(self, seed: int = 2022):
        self.rng = random.Random(seed)
        self.tables: dict[str, list[dict]] = {}
        self._id_seq = 0

    def new_id_number(self, birth: dt.date, male: bool) -> str:
        self._id_seq += 7
        return make_id_number(REGION, birth, self._id_seq, male)

    # -- geography ---------------------------------------------------------------------------

    def build_geography(self) -> None:
        communities, grids, compounds = [], [], []
        self.lattices: dict[str, Lattice] = {}
        self.compounds: list[CompoundRec] = []
        self.grid_cells: dict[str, tuple[str, tuple[int, int]]] = {}
        worker_no = 0
        for spec in COMMUNITIES:
            rng = self.rng
            lat = Lattice(rng, spec)
            self.lattices[spec.code] = lat
            cells = [(i, j) for j in range(spec.rows) for i in range(spec.cols)]
            names = list(COMPOUND_NAMES[spec.code])
            per_cell = partition(len(names), [rng.uniform(0.8, 1.2) for _ in cells])
            recs: list[CompoundRec] = []
            for n, (cell, count) in enumerate(zip(cells, per_cell, strict=True), start=1):
                grid_code = f"{spec.code}{n:03d}"
                self.grid_cells[grid_code] = (spec.code, cell)
                placed: list[tuple[float, float]] = []
                for _ in range(count):
                    for _attempt in range(200):
                        uv = (rng.uniform(0.1, 0.9), rng.uniform(0.1, 0.9))
                        if all(abs(uv[0] - a) + abs(uv[1] - b) > 0.28 for a, b in placed):
                            break
                    placed.append(uv)
                    plat, plon = lat.point(*cell, *uv)
                    recs.append(
                        CompoundRec(
                            id="",
                            community=spec.code,
                            grid=grid_code,
                            cell=cell,
                            uv=uv,
                            name=names.pop(0),
                            households=0,
                            population=0,
                            r60=0,
                            r80=0,
                            lat=plat,
                            lon=plon,
                        )
                    )
            # Households and people: exact community totals, uneven compounds (40..400 households).
            hh = partition(spec.households, [rng.lognormvariate(0, 0.55) for _ in recs])
            ratio = spec.population / spec.households
            pop = partition(
                spec.population, [h * rng.uniform(ratio * 0.85, ratio * 1.15) for h in hh]
            )
            for k, rec in enumerate(recs, start=1):
                rec.id = f"XQ{spec.code[-2:]}{k:03d}"
                rec.households, rec.population = hh[k - 1], pop[k - 1]
                older = 0.24 if spec is OLD_TOWN else 0.16
                rec.r60 = round(rec.population * rng.uniform(older - 0.06, older + 0.06))
                rec.r80 = round(rec.r60 * rng.uniform(0.10, 0.20))
            self.compounds.extend(recs)
            clat, clon = lat.centre()
            communities.append(
                {
                    "code": spec.code,
                    "name": spec.name,
                    "town": TOWN,
                    "households": spec.households,
                    "population": spec.population,
                    "lat": clat,
                    "lon": clon,
                    "boundary": lat.outline_geojson(),
                    "low_income_households": spec.low_income_households,
                }
            )
            for n, cell in enumerate(cells, start=1):
                grid_code = f"{spec.code}{n:03d}"
                members = [r for r in recs if r.grid == grid_code]
                worker_no += 1
                grids.append(
                    {
                        "code": grid_code,
                        "community_code": spec.code,
                        "name": f"{spec.name[:-2]}第{'一二三四五六七八九十'[n - 1]}网格",
                        "households": sum(r.households for r in members),
                        "population": sum(r.population for r in members),
                        "grid_worker": person_name(rng, rng.random() < 0.4),
                        "boundary": lat.cell_geojson(*cell),
                    }
                )
            compounds.extend(
                {
                    "id": r.id,
                    "community_code": r.community,
                    "grid_code": r.grid,
                    "name": r.name
                    if r.name.endswith(
                        ("院", "楼", "村", "巷", "苑", "园", "里", "居", "庭", "城", "房", "区")
                    )
                    else r.name + "小区",
                    "households": r.households,
                    "population": r.population,
                    "residents_60_plus": r.r60,
                    "residents_80_plus": r.r80,
                    "lat": r.lat,
                    "lon": r.lon,
                }
                for r in recs
            )
        self.tables["communities"] = communities
        self.tables["grids"] = grids
        self.tables["compounds"] = compounds

    def location_near(self, comp: CompoundRec, spread: float) -> tuple[float, float]:
        """A spot in the compound's grid cell, near the compound (spread in cell units)."""
        u = min(0.97, max(0.03, comp.uv[0] + self.rng.uniform(-spread, spread)))
        w = min(0.97, max(0.03, comp.uv[1] + self.rng.uniform(-spread, spread)))
        return self.lattices[comp.community].point(*comp.cell, u, w)

    def compounds_of(self, community: str) -> list[CompoundRec]:
        return [c for c in self.compounds if c.community == community]

    def weighted_compound(self, community: str) -> CompoundRec:
        comps = self.compounds_of(community)
        return self.rng.choices(comps, weights=[c.households for c in comps])[0]

    # -- service points ------------------------------------------------------------------------

    def build_service_points(self) -> None:
        from data_access.vocab import label as vocab_label

        rows: list[dict] = []
        rng = self.rng
        n = 0
        for spec in COMMUNITIES:
            comps = self.compounds_of(spec.code)
            for sp_type, count in spec.points.items():
                sparse = count <= 8
                if sparse:
                    # Sparse services sit in the bigger compounds, one per compound, so gaps remain.
                    pool = sorted(
                        comps, key=lambda c: c.households * rng.uniform(0.3, 1.0), reverse=True
                    )
                    hosts = pool[:count]
                else:
                    hosts = [self.weighted_compound(spec.code) for _ in range(count)]
                for k, host in enumerate(hosts, start=1):
                    n += 1
                    plat, plon = self.location_near(host, 0.05)
                    recent = rng.random() < 0.15
                    opened = (
                        random_date(rng, dt.date(2021, 7, 1), dt.date(2022, 6, 20))
                        if recent
                        else random_date(rng, dt.date(2012, 3, 1), dt.date(2021, 6, 30))
                    )
                    rows.append(
                        {
                            "id": f"FW{n:04d}",
                            "community_code": spec.code,
                            "grid_code": host.grid,
                            "type": sp_type,
                            "name": f"{host.name}{vocab_label('sp_type', sp_type)}"
                            + (f"{k}" if not sparse and k > 1 else ""),
                            "lat": plat,
                            "lon": plon,
                            "status": "operating",
                            "opened_on": opened,
                            "closed_on": None,
                        }
                    )
        # Points that closed during the year or are suspended: real programmes lose some.
        for status, count in (("closed", 5), ("suspended", 3)):
            for _ in range(count):
                n += 1
                spec = rng.choice(COMMUNITIES)
                sp_type = rng.choice(["milk", "newspaper", "mail", "reading_room"])
                host = self.weighted_compound(spec.code)
                plat, plon = self.location_near(host, 0.05)
                opened = random_date(rng, dt.date(2015, 1, 1), dt.date(2019, 12, 31))
                rows.append(
                    {
                        "id": f"FW{n:04d}",
                        "community_code": spec.code,
                        "grid_code": host.grid,
                        "type": sp_type,
                        "name": f"{host.name}{vocab_label('sp_type', sp_type)}(原)",
                        "lat": plat,
                        "lon": plon,
                        "status": status,
                        "opened_on": opened,
                        "closed_on": random_date(rng, dt.date(2021, 8, 1), dt.date(2022, 5, 31))
                        if status == "closed"
                        else None,
                    }
                )
        self.tables["service_points"] = rows

    # -- facilities, projects, funding ---------------------------------------------------------

    def build_facilities(self) -> None:
        rng = self.rng
        self.tables["facility_kinds"] = [
            {
                "code": code,
                "name_zh": zh,
                "name_en": en,
                "group_kind": group,
                "required": required,
                "sort_order": k,
            }
            for k, (code, zh, en, group, required, _dept) in enumerate(FACILITY_KINDS, start=1)
        ]
        rows, n = [], 0
        for spec in COMMUNITIES:
            office = self.weighted_compound(spec.code)
            for code, _zh, _en, group, required, dept in FACILITY_KINDS:
                if not required and spec is OLD_TOWN:
                    continue
                n += 1
                if spec is EAST and code in ("library", "recreation_room"):
                    since = dt.date(2021, 12, 20)  # opened when the office moved to its new rooms
                elif spec is EAST and code in (
                    "elderly_service_centre",
                    "outdoor_fitness",
                    "fitness_room",
                ):
                    since = dt.date(
                        2022, 5, 18
                    )  # bought with the 200,000 yuan for fitness equipment
                else:
                    since = random_date(rng, dt.date(2008, 1, 1), dt.date(2020, 12, 31))
                plat, plon = self.location_near(office, 0.02)
                area = {
                    "room": rng.randint(20, 60),
                    "station": rng.randint(15, 35),
                    "field": rng.randint(300, 800),
                    "other": 260,
                }[group]
                rows.append(
                    {
                        "id": f"SS{n:03d}",
                        "community_code": spec.code,
                        "kind": code,
                        "area_m2": area,
                        "status": "in_use",
                        "responsible_dept": dept,
                        "in_use_since": since,
                        "lat": plat,
                        "lon": plon,
                    }
                )
        self.tables["facilities"] = rows

        old_site = self.weighted_compound(OLD_TOWN.code)
        east_site = self.weighted_compound(EAST.code)
        olat, olon = self.location_near(old_site, 0.03)
        elat, elon = self.location_near(east_site, 0.03)
        self.tables["projects"] = [
            {
                "id": "XM01",
                "community_code": OLD_TOWN.code,
                "name": "老城社区新址办公用房建设",
                "lat": olat,
                "lon": olon,
                "land_mu": 2,
                "floor_area_m2": 412,
                "floors": 3,
                "rooms": 5,
                "budget_yuan": 680000,
                "phase": "construction",
                "design_ended_on": dt.date(2022, 3, 25),
                "demolition_ended_on": dt.date(2022, 6, 15),
                "construction_started_on": None,
                "construction_ended_on": None,
                "in_use_since": None,
            },
            {
                "id": "XM02",
                "community_code": EAST.code,
                "name": "东部社区办公用房及办公设施购置",
                "lat": elat,
                "lon": elon,
                "land_mu": None,
                "floor_area_m2": 380,
                "floors": 2,
                "rooms": 9,
                "budget_yuan": 316000,
                "phase": "in_use",
                "design_ended_on": None,
                "demolition_ended_on": None,
                "construction_started_on": None,
                "construction_ended_on": dt.date(2021, 12, 10),
                "in_use_since": dt.date(2021, 12, 20),
            },
            {
                "id": "XM03",
                "community_code": EAST.code,
                "name": "东部社区大型健身器材及养老服务中心",
                "lat": elat,
                "lon": elon,
                "land_mu": None,
                "floor_area_m2": 260,
                "floors": 1,
                "rooms": 4,
                "budget_yuan": 200000,
                "phase": "in_use",
                "design_ended_on": None,
                "demolition_ended_on": None,
                "construction_started_on": dt.date(2022, 3, 1),
                "construction_ended_on": dt.date(2022, 5, 10),
                "in_use_since": dt.date(2022, 5, 18),
            },
        ]
        funding = [
            (
                "XM01",
                OLD_TOWN.code,
                "county",
                150000,
                dt.date(2021, 9, 15),
                "新址办公用房前期及拆迁",
            ),
            (
                "XM01",
                OLD_TOWN.code,
                "township_departments",
                80000,
                dt.date(2021, 11, 20),
                "新址办公用房前期及拆迁",
            ),
            (
                "XM01",
                OLD_TOWN.code,
                "higher_level",
                100000,
                dt.date(2022, 3, 10),
                "新址办公用房建设",
            ),
            ("XM02", EAST.code, "county", 120000, dt.date(2021, 8, 5), "办公用房购置"),
            (
                "XM02",
                EAST.code,
                "township_departments",
                66000,
                dt.date(2021, 10, 12),
                "办公设施购置",
            ),
            ("XM02", EAST.code, "higher_level", 130000, dt.date(2022, 1, 18), "办公用房购置"),
            ("XM03", EAST.code, "higher_level", 120000, dt.date(2021, 12, 8), "大型体育健身器材"),
            ("XM03", EAST.code, "county", 80000, dt.date(2022, 4, 22), "养老服务中心及健身器材"),
        ]
        self.tables["funding"] = [
            {
                "id": f"ZJ{k:03d}",
                "community_code": comm,
                "project_id": proj,
                "source": source,
                "amount_yuan": amount,
                "received_on": day,
                "purpose": purpose,
            }
            for k, (proj, comm, source, amount, day, purpose) in enumerate(funding, start=1)
        ]

    # -- welfare -------------------------------------------------------------------------------

    @staticmethod
    def standard_at(category: str, month: str) -> tuple[float, float | None]:
        table = DIBAO_STANDARDS if category == "dibao" else TEKUN_STANDARDS
        day = month_start(month)
        applicable = [s for s in table if s[0] <= day][-1]
        return applicable[1], applicable[2]

    @classmethod
    def benefit(cls, category: str, month: str, members: int, pci: float) -> int:
        std, minimum = cls.standard_at(category, month)
        gap = std - pci
        if minimum is not None:
            gap = max(gap, minimum)
        return round(gap * members)

    def build_welfare(self) -> None:
        rng = self.rng
        self.tables["welfare_standards"] = [
            {
                "effective_from": d,
                "category": "dibao",
                "yuan_per_person_month": s,
                "min_benefit_yuan": m,
            }
            for d, s, m in DIBAO_STANDARDS
        ] + [
            {
                "effective_from": d,
                "category": "tekun",
                "yuan_per_person_month": s,
                "min_benefit_yuan": m,
            }
            for d, s, m in TEKUN_STANDARDS
        ]
        households: list[dict] = []
        n = 0

        def add(spec: CommunitySpec, category: str, members: int, status: str) -> dict:
            nonlocal n
            n += 1
            comp = self.weighted_compound(spec.code)
            male = rng.random() < 0.55
            age = rng.randint(28, 84) if category == "dibao" else rng.randint(60, 92)
            birth = random_date(rng, dt.date(2022 - age, 1, 1), dt.date(2022 - age, 12, 28))
            if category == "dibao":
                pci = round(rng.triangular(0, 640, 420) / 5) * 5
            else:
                pci = round(rng.uniform(0, 260) / 5) * 5
            if status == "active":
                start = (
                    add_months(PERIOD_START, rng.randint(0, 11))
                    if rng.random() < 0.12
                    else add_months(PERIOD_START, -rng.randint(1, 110))
                )
                end = None
            else:
                start = add_months(PERIOD_START, -rng.randint(6, 80))
                end = add_months(PERIOD_START, rng.randint(0, 10))
            stable = rng.random() < 0.7
            last_month = end or PERIOD_END
            row = {
                "household_no": f"DB{spec.code[-2:]}{n:05d}"
                if category == "dibao"
                else f"TK{spec.code[-2:]}{n:05d}",
                "community_code": spec.code,
                "grid_code": comp.grid,
                "compound_id": comp.id,
                "category": category,
                "head_name": person_name(rng, male),
                "head_id_number": self.new_id_number(birth, male),
                "members": members,
                "per_capita_income_yuan": pci,
                "monthly_benefit_yuan": self.benefit(category, last_month, members, pci),
                "start_month": start,
                "end_month": end,
                "status": status,
                "last_review_on": max(
                    random_date(rng, dt.date(2021, 5, 1), dt.date(2022, 6, 28)),
                    min(month_start(start) + dt.timedelta(days=9), AS_OF),
                ),
                "income_stable": stable,
                "work_capable_members": 0
                if stable or members == 1
                else rng.randint(1, min(2, members - 1)),
            }
            households.append(row)
            return row

        for spec in COMMUNITIES:
            persons = 0
            while persons < spec.dibao_persons:
                size = rng.choices([1, 2, 3, 4, 5, 6], weights=[30, 29, 24, 11, 4, 2])[0]
                size = min(size, spec.dibao_persons - persons)
                add(spec, "dibao", size, "active")
                persons += size
            for _ in range(spec.tekun_households):
                add(spec, "tekun", 1 if rng.random() < 0.85 else 2, "active")
            exits = 30 if spec is OLD_TOWN else 15
            for k in range(exits):
                add(spec, "dibao", rng.choice([1, 2, 2, 3, 4]), "exited" if k % 8 else "suspended")
            for _ in range(2 if spec is OLD_TOWN else 1):
                add(spec, "tekun", 1, "exited")

        # Payments: one per household and month in force within the sample year.
        payments: list[dict] = []
        for h in households:
            first = max(h["start_month"], PERIOD_START)
            last = min(h["end_month"] or PERIOD_END, PERIOD_END)
            for month in months_between(first, last):
                payments.append(
                    {
                        "household_no": h["household_no"],
                        "month": month,
                        "amount_yuan": self.benefit(
                            h["category"], month, h["members"], h["per_capita_income_yuan"]
                        ),
                    }
                )
        self._add_welfare_irregularities(households, payments)
        self.tables["welfare_households"] = households
        self.tables["welfare_payments"] = payments

    def _add_welfare_irregularities(self, households: list[dict], payments: list[dict]) -> None:
        """Deliberate data problems of the kind the integrity panel exists to catch."""
        rng = self.rng
        active = [
            h
            for h in households
            if h["status"] == "active"
            and h["category"] == "dibao"
            and h["start_month"] < PERIOD_START
        ]
        exited = [h for h in households if h["status"] == "exited" and h["end_month"] < PERIOD_END]
        picks = rng.sample(active, 7)
        self.irregular = {"missing_payment": [], "paid_after_exit": [], "benefit_mismatch": []}
        # 1. Three active households with a month not paid.
        for h in picks[:3]:
            month = add_months(PERIOD_START, rng.randint(3, 10))
            payments[:] = [
                p
                for p in payments
                if not (p["household_no"] == h["household_no"] and p["month"] == month)
            ]
            self.irregular["missing_payment"].append((h["household_no"], month))
        # 2. Two exited households paid one more month after their last month.
        for h in rng.sample(exited, 2):
            month = add_months(h["end_month"], 1)
            payments.append(
                {
                    "household_no": h["household_no"],
                    "month": month,
                    "amount_yuan": h["monthly_benefit_yuan"],
                }
            )
            self.irregular["paid_after_exit"].append((h["household_no"], month))
        # 3. Four households whose recorded benefit is off the formula (a data-entry slip carried into payments).
        for h in picks[3:7]:
            wrong = h["monthly_benefit_yuan"] + rng.choice([-1, 1]) * rng.randint(60, 150)
            h["monthly_benefit_yuan"] = max(wrong, 30)
            for p in payments:
                if p["household_no"] == h["household_no"] and p["month"] >= "2022-01":
                    p["amount_yuan"] = h["monthly_benefit_yuan"]
            self.irregular["benefit_mismatch"].append(h["household_no"])
        payments.sort(key=lambda p: (p["household_no"], p["month"]))

    # -- employment ----------------------------------------------------------------------------

    def build_employment(self) -> None:
        rng = self.rng
        people: list[dict] = []
        families: list[dict] = []
        n = 0
        period_start, period_end = month_start(PERIOD_START), month_end(PERIOD_END)

        def person(spec: CommunitySpec, age_range: tuple[int, int], when: dt.date) -> dict:
            nonlocal n
            n += 1
            male = rng.random() < 0.52
            age = rng.randint(*age_range)
            birth = random_date(
                rng,
                dt.date(when.year - age - 1, when.month, 1),
                dt.date(when.year - age, when.month, 1),
            )
            comp = self.weighted_compound(spec.code)
            return {
                "person_no": f"JY{spec.code[-2:]}{n:05d}",
                "community_code": spec.code,
                "grid_code": comp.grid,
                "name": person_name(rng, male),
                "id_number": self.new_id_number(birth, male),
                "gender": "M" if male else "F",
                "birth_date": birth,
                "groups": "",
                "registered_on": None,
                "trained_on": None,
                "informed_on": None,
                "placed_on": None,
                "placement_channel": None,
                "family_no": None,
            }

        def age_on(birth: dt.date, day: dt.date) -> int:
            return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))

        def laid_off(spec: CommunitySpec, placed: dt.date | None, registered: dt.date) -> dict:
            p = person(spec, (30, 58), registered)
            groups = ["laid_off"]
            age = age_on(p["birth_date"], registered)
            if (p["gender"] == "F" and age >= 40) or (p["gender"] == "M" and age >= 50):
                groups.append("4050")
            if rng.random() < 0.03:
                groups.append("disabled")
            channel = None
            if placed:
                channel = rng.choices(
                    ["one_to_one", "training", "referral", "public_post", "self_employed"],
                    weights=[20, 25, 35, 10, 10],
                )[0]
            trained = None
            if channel == "training" or (placed and rng.random() < 0.2):
                trained = registered + dt.timedelta(days=rng.randint(5, 40))
                if placed and trained > placed:
                    trained = placed
            p.update(
                groups=",".join(groups),
                registered_on=registered,
                trained_on=trained,
                informed_on=registered + dt.timedelta(days=rng.randint(1, 20))
                if rng.random() < 0.5
                else None,
                placed_on=placed,
                placement_channel=channel,
            )
            if placed and p["informed_on"] and p["informed_on"] > placed:
                p["informed_on"] = placed
            return p

        fam_no = 0
        for spec in COMMUNITIES:
            # Laid-off workers placed during the year: the document's 373.
            placed_people = []
            for _ in range(spec.reemployed):
                placed = random_date(rng, period_start, period_end)
                registered = placed - dt.timedelta(days=rng.randint(15, 300))
                placed_people.append(laid_off(spec, placed, registered))
            # Some of them came from zero-employment families, cleared when the member was placed.
            for p in rng.sample(placed_people, 9 if spec is OLD_TOWN else 5):
                fam_no += 1
                family = {
                    "family_no": f"LJ{spec.code[-2:]}{fam_no:03d}",
                    "community_code": spec.code,
                    "grid_code": p["grid_code"],
                    "identified_on": max(p["registered_on"], period_start - dt.timedelta(days=60)),
                    "cleared_on": p["placed_on"],
                }
                families.append(family)
                p["groups"] += ",zero_employment_family"
                p["family_no"] = family["family_no"]
                p["placement_channel"] = "one_to_one"
            people.extend(placed_people)
            # Placed before the year, and still waiting.
            for _ in range(rng.randint(35, 45)):
                placed = random_date(rng, dt.date(2020, 1, 1), period_start - dt.timedelta(days=1))
                people.append(
                    laid_off(spec, placed, placed - dt.timedelta(days=rng.randint(15, 200)))
                )
            for _ in range(rng.randint(40, 60) if spec is OLD_TOWN else rng.randint(20, 30)):
                people.append(
                    laid_off(spec, None, random_date(rng, dt.date(2021, 1, 1), period_end))
                )
            # Young job seekers given labour-market information during the year: the document's 530.
            for k in range(spec.youth_informed):
                informed = random_date(rng, period_start, period_end)
                p = person(spec, (18, 30), informed)
                registered = informed - dt.timedelta(days=rng.randint(0, 60))
                placed = (
                    informed + dt.timedelta(days=rng.randint(10, 120))
                    if rng.random() < 0.62
                    else None
                )
                if placed and placed > AS_OF:
                    placed = None
                channel = (
                    rng.choices(
                        ["referral", "training", "self_employed", "public_post"],
                        weights=[55, 25, 12, 8],
                    )[0]
                    if placed
                    else None
                )
                p.update(
                    groups="youth" + (",disabled" if k % 97 == 0 else ""),
                    registered_on=registered,
                    trained_on=informed + dt.timedelta(days=rng.randint(3, 30))
                    if channel == "training"
                    else None,
                    informed_on=informed,
                    placed_on=placed,
                    placement_channel=channel,
                )
                if p["trained_on"] and placed and p["trained_on"] > placed:
                    p["trained_on"] = placed
                people.append(p)
            # Young people informed before the year or registered but not yet informed.
            for _ in range(rng.randint(25, 35)):
                informed = random_date(
                    rng, dt.date(2021, 1, 1), period_start - dt.timedelta(days=1)
                )
                p = person(spec, (18, 30), informed)
                p.update(
                    groups="youth",
                    registered_on=informed - dt.timedelta(days=rng.randint(0, 30)),
                    informed_on=informed,
                )
                people.append(p)
            for _ in range(rng.randint(10, 20)):
                registered = random_date(rng, dt.date(2022, 5, 1), period_end)
                p = person(spec, (18, 30), registered)
                p.update(groups="youth", registered_on=registered)
                people.append(p)
        self.tables["zero_employment_families"] = families
        self.tables["jobseekers"] = people

    # -- community life ------------------------------------------------------------------------

    def build_community_life(self) -> None:
        rng = self.rng
        orgs, n = [], 0
        for spec in COMMUNITIES:
            for name, members in zip(
                VOLUNTEER_ORG_NAMES[spec.code], spec.volunteer_org_members, strict=True
            ):
                n += 1
                orgs.append(
                    {
                        "id": f"ZY{n:02d}",
                        "community_code": spec.code,
                        "name": name,
                        "members": members,
                        "founded_on": random_date(rng, dt.date(2012, 1, 1), dt.date(2020, 12, 31)),
                    }
                )
        self.tables["volunteer_orgs"] = orgs

        slots = []
        for org in orgs:
            for month in months_between(PERIOD_START, PERIOD_END):
                for _ in range(rng.randint(3, 5)):
                    day = random_date(rng, month_start(month), month_end(month))
                    slots.append(
                        (
                            org,
                            day,
                            rng.choice(VOLUNTEER_KINDS),
                            org["members"] * rng.uniform(0.4, 1.0),
                        )
                    )
        slots.sort(key=lambda s: (s[1], s[0]["id"]))
        person_times = partition(VOLUNTEER_PERSON_TIMES, [s[3] for s in slots])
        self.tables["volunteer_activities"] = [
            {
                "id": f"HD{k:05d}",
                "org_id": org["id"],
                "date": day,
                "kind": kind,
                "person_times": pt,
                "hours": round(pt * rng.uniform(1.5, 3.0) * 2) / 2,
            }
            for k, ((org, day, kind, _w), pt) in enumerate(
                zip(slots, person_times, strict=True), start=1
            )
        ]

        self.tables["elderly_groups"] = [
            {
                "id": f"LN{k:02d}",
                "community_code": comm,
                "name": name,
                "kind": kind,
                "members": members,
                "founded_on": founded,
            }
            for k, (comm, name, kind, members, founded) in enumerate(ELDERLY_GROUPS, start=1)
        ]

        disputes, n = [], 0
        for spec in COMMUNITIES:
            for _ in range(64 if spec is OLD_TOWN else 32):
                n += 1
                reported = random_date(rng, month_start(PERIOD_START), month_end(PERIOD_END))
                outcome = rng.choices(["mediated", "referred", "pending"], weights=[86, 8, 6])[0]
                if (AS_OF - reported).days > 45 and outcome == "pending":
                    outcome = "mediated"
                resolved = (
                    reported + dt.timedelta(days=rng.randint(0, 20))
                    if outcome != "pending"
                    else None
                )
                if resolved and resolved > AS_OF:
                    resolved = AS_OF
                disputes.append(
                    {
                        "id": f"JF{n:04d}",
                        "community_code": spec.code,
                        "grid_code": self.weighted_compound(spec.code).grid,
                        "reported_on": reported,
                        "category": rng.choices(
                            ["neighbour", "family", "property", "labour", "other"],
                            weights=[40, 20, 22, 8, 10],
                        )[0],
                        "resolved_on": resolved,
                        "outcome": outcome,
                    }
                )
        self.tables["disputes"] = sorted(disputes, key=lambda d: d["id"])

        cadres, n = [], 0
        for spec in COMMUNITIES:
            roles = ["党支部书记", "居委会主任", "居委会副主任", "居委会副主任"] + [
                "居委会委员"
            ] * (spec.cadres - 4)
            college = set(rng.sample(range(spec.cadres), spec.cadres_college))
            young = set(rng.sample(range(spec.cadres), spec.cadres_under_35))
            party = set(rng.sample(range(spec.cadres), spec.cadres_party)) | {0}
            if len(party) > spec.cadres_party:
                party.discard(max(party - {0}))
            for k in range(spec.cadres):
                n += 1
                if k in young:
                    birth = random_date(rng, dt.date(1989, 1, 1), dt.date(1997, 12, 31))
                else:
                    birth = random_date(rng, dt.date(1962, 1, 1), dt.date(1986, 12, 31))
                cadres.append(
                    {
                        "id": f"GB{n:03d}",
                        "community_code": spec.code,
                        "role": roles[k],
                        "education": "college_plus" if k in college else "below",
                        "birth_date": birth,
                        "party_member": k in party,
                        "elected_on": dt.date(2021, 10, 26),
                    }
                )
        self.tables["cadres"] = cadres

        self.tables["honours"] = [
            {
                "id": f"RY{k:02d}",
                "community_code": comm,
                "title": title,
                "level": level,
                "awarded_by": by,
                "year": year,
            }
            for k, (comm, title, level, by, year) in enumerate(HONOURS, start=1)
        ]

    def build_targets(self) -> None:
        targets = [
            ("service_points", "", 150),
            ("service_points", OLD_TOWN.code, 100),
            ("service_points", EAST.code, 50),
            ("reemployed", "", 400),
            ("reemployed", OLD_TOWN.code, 270),
            ("reemployed", EAST.code, 130),
            ("youth_informed", "", 500),
            ("youth_informed", OLD_TOWN.code, 340),
            ("youth_informed", EAST.code, 160),
            ("volunteers", "", 200),
            ("volunteers", OLD_TOWN.code, 120),
            ("volunteers", EAST.code, 80),
            ("volunteer_person_times", "", 10000),
            ("funding_raised", "", 1000000),
            ("facility_completeness", "", 1.0),
        ]
        self.tables["targets"] = [
            {"metric_key": key, "community_code": comm, "period": TARGET_PERIOD, "value": value}
            for key, comm, value in targets
        ]

    def build(self) -> dict[str, list[dict]]:
        self.build_geography()
        self.build_service_points()
        self.build_facilities()
        self.build_welfare()
        self.build_employment()
        self.build_community_life()
        self.build_targets()
        return self.tables


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def write_csv(path: Path, rows: Iterable[dict]) -> int:
    rows = list(rows)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(v) for k, v in row.items()})
    return len(rows)


def generate(out_dir: Path, seed: int = 2022) -> dict[str, int]:
    """Write one CSV per table into out_dir; returns the row count per table."""
    out_dir.mkdir(parents=True, exist_ok=True)
    tables = SampleCounty(seed).build()
    return {name: write_csv(out_dir / f"{name}.csv", rows) for name, rows in tables.items()}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="生成示例县数据（确定性，可复现）")
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).resolve().parent.parent / "sample_data"
    )
    parser.add_argument("--seed", type=int, default=2022)
    args = parser.parse_args(argv)
    for name, count in generate(args.out, args.seed).items():
        print(f"{name}: {count}")


if __name__ == "__main__":
    main()
