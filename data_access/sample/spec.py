"""The figures the sample county reproduces, and the constants every domain module shares.

The source document is a county's 2022 work summary on its two harmonious demonstration
communities; the figures it states are fixed here, everything else the modules draw at random.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

REGION = "629901"  # fictional county: no real region has this code
TOWN = "城关镇"
PERIOD_START, PERIOD_END = "2021-07", "2022-06"
AS_OF = dt.date(2022, 6, 30)
TARGET_PERIOD = f"{PERIOD_START}..{PERIOD_END}"
# The work year before (2020-07..2021-06): the monthly records reach back to it, so every figure
# has the same months a year earlier to compare with (同比). The document states no figure of it:
# it is drawn to be believable (fewer points and volunteers, the east in its old rooms, the old
# town's office not yet designed) and leaves the sample year's figures as they were.
EARLIER_START, EARLIER_END = "2020-07", "2021-06"


@dataclass(frozen=True)
class CommunitySpec:
    code: str
    name: str
    households: int
    population: int
    bbox: tuple[float, float, float, float]  # lon_min, lat_min, lon_max, lat_max
    # Grids north and south of the main street (the streets run differently on each side).
    grids_north: int
    grids_south: int
    dibao_persons: int
    tekun_households: int
    reemployed: int
    youth_informed: int
    volunteer_org_members: tuple[int, ...]
    points: dict[str, int]
    older_share: float  # residents 60+ of the population
    dibao_exits: int  # households that left (or were suspended) during the records
    # The year before: laid-off workers placed and young people informed (added to those the
    # sample year's draws already placed in it).
    reemployed_earlier: int
    youth_informed_earlier: int
    dibao_exits_earlier: int  # 低保 households that left during the year before


OLD_TOWN = CommunitySpec(
    code=f"{REGION}100001",
    name="老城社区",
    households=5180,
    population=17460,
    bbox=(104.6150, 35.5720, 104.6370, 35.5850),
    grids_north=3,
    grids_south=5,
    dibao_persons=870,
    tekun_households=38,
    reemployed=255,
    youth_informed=362,
    volunteer_org_members=(32, 28, 25, 21),
    # One 警务室 (the community's police room) and no 养老服务中心: the old town has none.
    points={
        "milk": 28,
        "mail": 21,
        "newspaper": 24,
        "reading_room": 8,
        "convenience": 7,
        "clinic": 4,
        "police": 1,
    },
    older_share=0.24,
    dibao_exits=30,
    reemployed_earlier=196,
    youth_informed_earlier=296,
    dibao_exits_earlier=26,
)
EAST = CommunitySpec(
    code=f"{REGION}100002",
    name="东部社区",
    households=2458,
    population=6586,
    bbox=(104.6385, 35.5705, 104.6555, 35.5840),
    grids_north=3,
    grids_south=3,
    dibao_persons=406,
    tekun_households=20,
    reemployed=118,
    youth_informed=168,
    volunteer_org_members=(26, 22, 16),
    # The 养老服务中心 is the one built this year (the 200,000-yuan paragraph).
    points={
        "milk": 13,
        "mail": 11,
        "newspaper": 10,
        "reading_room": 4,
        "convenience": 3,
        "clinic": 2,
        "police": 1,
        "elderly_care": 1,
    },
    older_share=0.16,
    dibao_exits=15,
    reemployed_earlier=82,
    youth_informed_earlier=121,
    dibao_exits_earlier=12,
)
COMMUNITIES = (OLD_TOWN, EAST)

# "每年为群众义务服务近1万人次": residents served by volunteer activities over the sample year.
RESIDENTS_SERVED = 9860

DIBAO_STANDARDS = (
    (dt.date(2020, 1, 1), 610, 45),
    (dt.date(2021, 1, 1), 650, 50),
    (dt.date(2022, 1, 1), 700, 60),
)
# 特困: 1.3 times the 低保 standard, as the county sets it.
TEKUN_STANDARDS = (
    (dt.date(2020, 1, 1), 790, None),
    (dt.date(2021, 1, 1), 845, None),
    (dt.date(2022, 1, 1), 910, None),
)

# The 两委 elections: the term in office now, and the one before it (the three-year term of the
# time; it ended when the new committees were elected).
ELECTED = {OLD_TOWN.code: dt.date(2021, 10, 26), EAST.code: dt.date(2021, 10, 28)}
PREVIOUS_ELECTED = {OLD_TOWN.code: dt.date(2018, 10, 23), EAST.code: dt.date(2018, 10, 25)}

# When the facilities bought with this year's money came into use.
EAST_OFFICE_MOVE = dt.date(2021, 12, 20)  # the east office moved into its purchased rooms
EAST_CENTRE_OPENED = dt.date(2022, 5, 18)  # fitness equipment and the 养老服务中心
