"""Facilities ("六室三站一场"), construction projects and the money raised for them.

The figures of the source: the old-town office on 2 mu, 5 rooms × 3 floors, over 400 m², designed
and cleared, construction not started; the east office of nearly 200 m² bought for 300,000+ yuan;
200,000 yuan of fitness equipment and the east 养老服务中心 built this year; 800,000+ yuan raised
from the county, the townships and departments, and higher levels. A facility that is also a
service point (警务室, 养老服务中心) refers to it and shares its place and opening date.
"""

from __future__ import annotations

import datetime as dt
import random

from data_access.sample.area import CompoundRec, Geography
from data_access.sample.people import random_date
from data_access.sample.service_points import ServicePoints
from data_access.sample.spec import (
    COMMUNITIES,
    EAST,
    EAST_CENTRE_OPENED,
    EAST_OFFICE_MOVE,
    OLD_TOWN,
)

FACILITY_KINDS = [
    # code, zh, en, group, required, responsible department (for the sample rooms)
    ("office", "办公室", "Office", "room", True, "城关镇人民政府"),
    ("police_room", "警务室", "Police room", "room", True, "县公安局"),
    ("library", "图书室", "Library", "room", True, "县文化和旅游局"),
    ("recreation_room", "娱乐室", "Recreation room", "room", True, "县文化和旅游局"),
    ("fitness_room", "健身室", "Fitness room", "room", True, "县体育局"),
    ("party_room", "党员活动室", "Party-member room", "room", True, "县委组织部"),
    ("labour_station", "劳动保障工作站", "Labour-security station", "station", True,
     "县人力资源和社会保障局"),
    ("dibao_station", "低保站", "Minimum-allowance station", "station", True, "县民政局"),
    ("family_planning_station", "计划生育服务站", "Family-planning station", "station", True,
     "县卫生健康局"),
    ("outdoor_fitness", "室外健身场", "Outdoor fitness ground", "field", True, "县体育局"),
    ("elderly_service_centre", "养老服务中心", "Elderly service centre", "other", False, "县民政局"),
]  # fmt: skip

EAST_OFFICE_M2 = 196  # "现办公用房只有近200平方米"
EAST_CENTRE_M2 = 260
# The east community's rooms in the office it bought (XM02), in use from the move: 194 of its
# 196 m². The stations stayed in the old rented rooms (the new office has no space for them),
# which is why the east's space is short; the fitness room shares the 养老服务中心's building
# (XM03), whose 260 m² the two rooms fill.
EAST_OFFICE_ROOMS = {"office": 48, "library": 46, "recreation_room": 56, "party_room": 44}
EAST_OLD_ROOMS = {"labour_station": 33, "dibao_station": 31, "family_planning_station": 30}
EAST_CENTRE_ROOMS = ("fitness_room", "outdoor_fitness", "elderly_service_centre")

FUNDING = [
    # project, community, source, yuan, received, purpose
    ("XM01", OLD_TOWN.code, "county", 150000, dt.date(2021, 9, 15), "新址办公用房前期及拆迁"),
    ("XM01", OLD_TOWN.code, "township_departments", 80000, dt.date(2021, 11, 20),
     "新址办公用房前期及拆迁"),
    ("XM01", OLD_TOWN.code, "higher_level", 100000, dt.date(2022, 3, 10), "新址办公用房建设"),
    ("XM02", EAST.code, "county", 120000, dt.date(2021, 8, 5), "办公用房购置"),
    ("XM02", EAST.code, "township_departments", 66000, dt.date(2021, 10, 12), "办公设施购置"),
    ("XM02", EAST.code, "higher_level", 130000, dt.date(2022, 1, 18), "办公用房购置"),
    ("XM03", EAST.code, "higher_level", 120000, dt.date(2021, 12, 8), "大型体育健身器材"),
    ("XM03", EAST.code, "county", 80000, dt.date(2022, 4, 22), "养老服务中心及健身器材"),
    # The year before: upkeep and the east's rented rooms, no project yet (an assumption of the
    # sample, listed after this year's so their numbers stay as they were).
    (None, OLD_TOWN.code, "county", 60000, dt.date(2020, 9, 18), "社区服务设施维修"),
    (None, EAST.code, "township_departments", 45000, dt.date(2020, 11, 5), "租用办公用房"),
    (None, OLD_TOWN.code, "township_departments", 38000, dt.date(2021, 3, 22), "办公设施更新"),
    (None, EAST.code, "county", 52000, dt.date(2021, 5, 14), "社区服务站设备"),
]  # fmt: skip


# The plan each project was approved with (project, phase, planned start, planned end). The old
# town's office was meant to be designed by February 2022 and cleared by May, and to be built
# from July 2022 to June 2023 ("即将动工建设": design ran about a month late, demolition a
# fortnight). The east office was bought and fitted out ahead of its plan; the east 养老服务中心
# and its fitness equipment were installed three weeks early.
PHASE_PLANS = [
    ("XM01", "design", dt.date(2021, 10, 1), dt.date(2022, 2, 28)),
    ("XM01", "demolition", dt.date(2022, 3, 1), dt.date(2022, 5, 31)),
    ("XM01", "construction", dt.date(2022, 7, 1), dt.date(2023, 6, 30)),
    ("XM01", "completed", dt.date(2023, 7, 1), dt.date(2023, 8, 31)),
    ("XM01", "in_use", dt.date(2023, 9, 1), None),
    ("XM02", "construction", dt.date(2021, 8, 1), dt.date(2021, 12, 31)),
    ("XM02", "in_use", dt.date(2022, 1, 1), None),
    ("XM03", "construction", dt.date(2022, 3, 1), dt.date(2022, 5, 31)),
    ("XM03", "completed", dt.date(2022, 6, 1), dt.date(2022, 6, 15)),
    ("XM03", "in_use", dt.date(2022, 6, 15), None),
]


def build(rng: random.Random, geo: Geography, points: ServicePoints,
          sites: dict[str, CompoundRec], tables: dict[str, list[dict]]) -> None:  # fmt: skip
    tables["facility_kinds"] = [
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
        office = sites[f"office:{spec.code}"]
        for code, _zh, _en, group, required, dept in FACILITY_KINDS:
            if not required and spec is OLD_TOWN:
                continue
            n += 1
            point = None
            if code == "police_room":
                point = points.police[spec.code]
            elif code == "elderly_service_centre":
                point = points.elderly_centre
            if point is not None:
                since, (lat, lon) = point["opened_on"], (point["lat"], point["lon"])
            else:
                if spec is EAST and code in ("library", "recreation_room"):
                    since = EAST_OFFICE_MOVE  # opened when the office moved to its new rooms
                elif spec is EAST and code in ("outdoor_fitness", "fitness_room"):
                    since = EAST_CENTRE_OPENED  # the 200,000 yuan of fitness equipment
                else:
                    since = random_date(rng, dt.date(2008, 1, 1), dt.date(2020, 12, 31))
                if spec is EAST and code in EAST_OFFICE_ROOMS:
                    since = EAST_OFFICE_MOVE  # the office and party room moved in with them
                lat, lon = geo.spot_near(office, 35)
            area = {
                "room": rng.randint(20, 60),
                "station": rng.randint(15, 35),
                "field": rng.randint(300, 800),
                "other": EAST_CENTRE_M2,
            }[group]
            if spec is EAST:
                area = EAST_OFFICE_ROOMS.get(code, EAST_OLD_ROOMS.get(code, area))
            rows.append(
                {
                    "id": f"SS{n:03d}",
                    "community_code": spec.code,
                    "kind": code,
                    "area_m2": area,
                    "status": "in_use",
                    "responsible_dept": dept,
                    "in_use_since": since,
                    "lat": lat,
                    "lon": lon,
                    "service_point_id": point["id"] if point else None,
                }
            )
    tables["facilities"] = rows

    olat, olon = geo.spot_near(sites[f"new_office:{OLD_TOWN.code}"], 40)
    elat, elon = geo.spot_near(sites[f"office:{EAST.code}"], 30)
    centre = points.elderly_centre
    tables["projects"] = [
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
            "floor_area_m2": EAST_OFFICE_M2,
            "floors": 2,
            "rooms": 4,
            "budget_yuan": 316000,
            "phase": "in_use",
            "design_ended_on": None,
            "demolition_ended_on": None,
            # Bought, then fitted out from mid-August ("购置"; the plan's construction phase).
            "construction_started_on": dt.date(2021, 8, 16),
            "construction_ended_on": dt.date(2021, 12, 10),
            "in_use_since": EAST_OFFICE_MOVE,
        },
        {
            "id": "XM03",
            "community_code": EAST.code,
            "name": "东部社区大型健身器材及养老服务中心",
            "lat": centre["lat"],
            "lon": centre["lon"],
            "land_mu": None,
            "floor_area_m2": EAST_CENTRE_M2,
            "floors": 1,
            "rooms": 4,
            "budget_yuan": 200000,
            "phase": "in_use",
            "design_ended_on": None,
            "demolition_ended_on": None,
            "construction_started_on": dt.date(2022, 3, 1),
            "construction_ended_on": dt.date(2022, 5, 10),
            "in_use_since": EAST_CENTRE_OPENED,
        },
    ]
    _house_rooms(rows, tables["projects"])
    tables["project_phase_plans"] = [
        {"project_id": proj, "phase": phase, "planned_start": start, "planned_end": end}
        for proj, phase, start, end in PHASE_PLANS
    ]
    tables["funding"] = [
        {
            "id": f"ZJ{k:03d}",
            "community_code": comm,
            "project_id": proj,
            "source": source,
            "amount_yuan": amount,
            "received_on": day,
            "purpose": purpose,
        }
        for k, (proj, comm, source, amount, day, purpose) in enumerate(FUNDING, start=1)
    ]


def _house_rooms(facilities: list[dict], projects: list[dict]) -> None:
    """A room in a project's building stands at the building's place (one place, like a facility
    that is also a service point): the east's office rooms in XM02, the fitness room and
    equipment at the 养老服务中心 (XM03), whose room takes the floor the fitness room leaves."""
    office = next(p for p in projects if p["id"] == "XM02")
    centre = next(p for p in projects if p["id"] == "XM03")
    east = [f for f in facilities if f["community_code"] == EAST.code]
    for f in east:
        if f["kind"] in EAST_OFFICE_ROOMS:
            f["lat"], f["lon"] = office["lat"], office["lon"]
        elif f["kind"] in EAST_CENTRE_ROOMS:
            f["lat"], f["lon"] = centre["lat"], centre["lon"]
    fitness = next(f for f in east if f["kind"] == "fitness_room")
    hall = next(f for f in east if f["kind"] == "elderly_service_centre")
    hall["area_m2"] = EAST_CENTRE_M2 - fitness["area_m2"]
