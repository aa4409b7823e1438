"""Service points and their dated states.

Each point has spells of operating or suspended (`service_point_states`), so a month's count uses
what was true at that month's end: a point suspended in March counts as operating in February.
The 警务室 of each community and the east community's 养老服务中心 are also facilities; they are
built here at the place the facilities module then refers to (one place, one set of coordinates
and dates). Names say where a point is, never a running number; closed points keep their name.
"""

from __future__ import annotations

import datetime as dt
import random

from data_access.sample.area import CompoundRec, Geography
from data_access.sample.people import random_date
from data_access.sample.spec import COMMUNITIES, EAST_CENTRE_OPENED
from data_access.vocab import label

# Where in or by a compound a second or third point of a kind stands.
PLACES = ("东门", "西门", "南门", "北门", "东区", "西区", "南区", "北区", "中区", "后街")
# Shops that host milk and newspaper points.
SHOPS = ("便民超市", "副食店", "果蔬店", "粮油店", "小卖部", "便利店", "烟酒店", "早餐店")
SPARSE = ("reading_room", "convenience", "clinic", "police", "elderly_care")


class ServicePoints:
    def __init__(self, rng: random.Random, geo: Geography):
        self.rng = rng
        self.geo = geo
        self.rows: list[dict] = []
        self.states: list[dict] = []
        self.names: set[str] = set()
        # community → the police point; the east community's elderly-care centre
        self.police: dict[str, dict] = {}
        self.elderly_centre: dict | None = None

    def _name(self, host: CompoundRec, sp_type: str) -> str:
        kind = label("sp_type", sp_type)
        options = [f"{host.name}{kind}"]
        if sp_type in ("milk", "newspaper"):
            options += [f"{host.name}{shop}{kind}" for shop in self.rng.sample(SHOPS, len(SHOPS))]
        options += [f"{host.name}{place}{kind}" for place in self.rng.sample(PLACES, len(PLACES))]
        name = next(n for n in options if n not in self.names)
        self.names.add(name)
        return name

    def _point(self, community: str, host: CompoundRec, sp_type: str, opened: dt.date,
               lat_lon: tuple[float, float] | None = None) -> dict:  # fmt: skip
        lat, lon = lat_lon or self.geo.spot_near(host, 28)
        row = {
            "id": "",
            "community_code": community,
            "grid_code": host.grid,
            "type": sp_type,
            "name": self._name(host, sp_type),
            "lat": lat,
            "lon": lon,
            "status": "operating",
            "opened_on": opened,
            "closed_on": None,
        }
        self.rows.append(row)
        return row

    def build(self, tables: dict[str, list[dict]], sites: dict[str, CompoundRec]) -> None:
        rng = self.rng
        for spec in COMMUNITIES:
            comps = self.geo.compounds_of(spec.code)
            for sp_type, count in spec.points.items():
                if sp_type == "police":
                    # The community's 警务室, at its office since the office opened.
                    host = sites[f"office:{spec.code}"]
                    opened = random_date(rng, dt.date(2009, 3, 1), dt.date(2014, 6, 30))
                    self.police[spec.code] = self._point(spec.code, host, sp_type, opened)
                    continue
                if sp_type == "elderly_care":
                    host = sites[f"centre:{spec.code}"]
                    self.elderly_centre = self._point(spec.code, host, sp_type, EAST_CENTRE_OPENED)
                    continue
                if sp_type in SPARSE:
                    # Sparse services sit in the bigger compounds, one per compound, so gaps remain.
                    pool = sorted(
                        comps, key=lambda c: c.households * rng.uniform(0.3, 1.0), reverse=True
                    )
                    hosts = pool[:count]
                else:
                    hosts = [self.geo.weighted_compound(spec.code) for _ in range(count)]
                for host in hosts:
                    recent = rng.random() < 0.12
                    opened = (
                        random_date(rng, dt.date(2021, 7, 1), dt.date(2022, 6, 20))
                        if recent
                        else random_date(rng, dt.date(2011, 5, 1), dt.date(2021, 6, 30))
                    )
                    self._point(spec.code, host, sp_type, opened)
        ordinary = [r for r in self.rows if r["type"] in ("milk", "newspaper", "mail")]
        # Two points that were suspended for a while during the year and are running again.
        for row in rng.sample([r for r in ordinary if r["opened_on"] < dt.date(2021, 1, 1)], 2):
            row["_pause"] = (
                random_date(rng, dt.date(2021, 8, 1), dt.date(2021, 11, 30)),
                random_date(rng, dt.date(2021, 12, 15), dt.date(2022, 3, 31)),
            )
        # Points that closed during the year or are suspended now: real programmes lose some.
        for status, count in (("closed", 5), ("suspended", 3)):
            for _ in range(count):
                spec = rng.choices(COMMUNITIES, weights=[2, 1])[0]
                sp_type = rng.choice(["milk", "newspaper", "mail", "reading_room"])
                host = self.geo.weighted_compound(spec.code)
                row = self._point(
                    spec.code,
                    host,
                    sp_type,
                    random_date(rng, dt.date(2014, 1, 1), dt.date(2020, 6, 30)),
                )
                row["status"] = status
                if status == "closed":
                    row["closed_on"] = random_date(rng, dt.date(2021, 8, 1), dt.date(2022, 5, 31))
                else:
                    row["_suspended"] = random_date(rng, dt.date(2022, 1, 10), dt.date(2022, 6, 10))
        # Numbered in order of opening, as a register would be.
        self.rows.sort(key=lambda r: (r["opened_on"], r["name"]))
        for k, row in enumerate(self.rows, start=1):
            row["id"] = f"FW{k:04d}"
            self.states.extend(self._states(row))
        tables["service_points"] = [
            {k: v for k, v in r.items() if not k.startswith("_")} for r in self.rows
        ]
        tables["service_point_states"] = self.states

    @staticmethod
    def _states(row: dict) -> list[dict]:
        spells: list[tuple[dt.date, dt.date | None, str]] = []
        opened = row["opened_on"]
        if "_pause" in row:
            stop, resume = row["_pause"]
            spells = [
                (opened, stop, "operating"),
                (stop, resume, "suspended"),
                (resume, None, "operating"),
            ]
        elif "_suspended" in row:
            spells = [
                (opened, row["_suspended"], "operating"),
                (row["_suspended"], None, "suspended"),
            ]
        else:
            spells = [(opened, row["closed_on"], "operating")]
        return [
            {"point_id": row["id"], "valid_from": a, "valid_to": b, "status": s}
            for a, b, s in spells
        ]
