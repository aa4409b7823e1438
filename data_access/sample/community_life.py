"""Community life: volunteers and what they do, groups for older residents, disputes, the 两委
cadres of this term and the last, and honours.

Volunteer activities record two different person-times: the volunteers taking part (never more
than the organisation's members; about two dozen activities per volunteer a year) and the residents
served ("每年为群众义务服务近1万人次" counts these). What an organisation does fits it: the
关爱老人志愿队 mostly serves older residents.

The 两委: each community's party organisation committee and residents' committee (5–9 members,
article 7 of the Organic Law of Urban Residents' Committees), the secretary also chairing the
residents' committee (一肩挑) and a few more seats cross-held (交叉任职). The 29 people in office now
are the document's (8 with college education, 4 under 35, 16 party members); the term before ran
from the 2018 elections to the 2021 ones.
"""

from __future__ import annotations

import datetime as dt
import math
import random

from data_access.filters import month_end, month_start, months_between
from data_access.sample.area import Geography
from data_access.sample.output import partition
from data_access.sample.people import birth_for_age, random_date
from data_access.sample.spec import (
    AS_OF,
    COMMUNITIES,
    EARLIER_END,
    EARLIER_START,
    EAST,
    ELECTED,
    OLD_TOWN,
    PERIOD_END,
    PERIOD_START,
    PREVIOUS_ELECTED,
    RESIDENTS_SERVED,
)

# Organisation → what it does (kind: weight).
VOLUNTEER_ORGS = {
    OLD_TOWN.code: [
        ("老城社区党员志愿服务队", {"政策宣传": 30, "便民服务": 25, "卫生清扫": 20, "助老服务": 15, "治安巡逻": 10}),
        ("巾帼志愿服务队", {"助老服务": 30, "便民服务": 25, "文体活动": 20, "政策宣传": 15, "卫生清扫": 10}),
        ("平安巡逻志愿队", {"治安巡逻": 75, "政策宣传": 15, "便民服务": 10}),
        ("环境卫生志愿队", {"卫生清扫": 80, "文明劝导": 10, "便民服务": 10}),
    ],
    EAST.code: [
        ("东部社区青年志愿服务队", {"便民服务": 30, "文体活动": 25, "卫生清扫": 20, "政策宣传": 15, "助老服务": 10}),
        ("关爱老人志愿队", {"助老服务": 80, "文体活动": 10, "便民服务": 10}),
        ("文明劝导志愿队", {"文明劝导": 60, "卫生清扫": 20, "治安巡逻": 20}),
    ],
}  # fmt: skip
# Residents one activity of a kind typically reaches (a visit to older people reaches few, a
# policy stall many).
REACH = {"政策宣传": 45, "便民服务": 30, "文体活动": 35, "卫生清扫": 25, "文明劝导": 30,
         "治安巡逻": 15, "助老服务": 8}  # fmt: skip

ELDERLY_GROUPS = [
    (OLD_TOWN.code, "中青戏曲演唱社", "戏曲", 36, dt.date(2017, 3, 12)),
    (OLD_TOWN.code, "老年人晨练队", "晨练", 58, dt.date(2015, 5, 4)),
    (EAST.code, "夕阳红艺术团", "文艺", 42, dt.date(2019, 9, 9)),
]

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

# A term's 两委: party body, its seats and deputies; residents' committee seats and vice-chairs;
# seats cross-held (the secretary-chair first, then a deputy as vice-chair, then a member).
TERMS = {
    # community: (current, previous)
    OLD_TOWN.code: (("party_committee", 9, 2, 9, 2, 3), ("party_general_branch", 7, 1, 7, 2, 2)),
    EAST.code: (("party_general_branch", 7, 1, 9, 2, 2), ("party_branch", 5, 1, 7, 1, 2)),
}
# Of the people in office now: with college education, under 35 (at the records' end).
CADRE_MIX = {OLD_TOWN.code: (5, 2), EAST.code: (3, 2)}
# Of the previous term: people re-elected from the party body and from the residents' committee.
CONTINUING = {OLD_TOWN.code: (5, 4), EAST.code: (3, 4)}
DISPUTES_PER_1000_HOUSEHOLDS = 12.5  # a year
# The organisation founded during the sample year (on 重阳节, with the east's work for older
# residents): the county had 148 volunteers a year before the document's 170.
LATEST_ORG = ("关爱老人志愿队", dt.date(2021, 10, 14))
EARLIER_SERVED = 8240  # residents served the year before, by the organisations then


def _seats(body: str, party: int, deputies: int, rc: int, vice: int, shared: int):
    """(person index, body, post) of one term; people 0..party-1 sit on the party body."""
    seats = [(0, body, "secretary")]
    seats += [(k, body, "deputy_secretary") for k in range(1, deputies + 1)]
    seats += [(k, body, "member") for k in range(deputies + 1, party)]
    rc_people = [0, 1, *range(deputies + 1, deputies + 1 + shared - 2)][:shared]
    rc_posts = ["chair", "vice_chair"] + ["member"] * (shared - 2)
    nxt = party
    for _ in range(vice - (1 if shared >= 2 else 0)):
        rc_people.append(nxt)
        rc_posts.append("vice_chair")
        nxt += 1
    while len(rc_people) < rc:
        rc_people.append(nxt)
        rc_posts.append("member")
        nxt += 1
    seats += [(p, "residents_committee", post) for p, post in zip(rc_people, rc_posts, strict=True)]
    return seats, nxt


def _poisson(rng: random.Random, lam: float) -> int:
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


class CommunityLife:
    def __init__(self, rng: random.Random, geo: Geography, earlier: random.Random):
        self.rng = rng
        self.geo = geo
        # The year before is drawn from a generator of its own, so the sample year's draws stay
        # as they were.
        self.earlier = earlier

    def build(self, tables: dict[str, list[dict]]) -> None:
        self._volunteers(tables)
        tables["elderly_groups"] = [
            {"id": f"LN{k:02d}", "community_code": c, "name": n, "kind": kind, "members": m,
             "founded_on": d}
            for k, (c, n, kind, m, d) in enumerate(ELDERLY_GROUPS, start=1)
        ]  # fmt: skip
        self._disputes(tables)
        self._cadres(tables)
        tables["honours"] = [
            {"id": f"RY{k:02d}", "community_code": c, "title": t, "level": lv, "awarded_by": by,
             "year": y}
            for k, (c, t, lv, by, y) in enumerate(HONOURS, start=1)
        ]  # fmt: skip

    def _volunteers(self, tables: dict[str, list[dict]]) -> None:
        rng = self.rng
        orgs, profiles = [], {}
        for spec in COMMUNITIES:
            for (name, kinds), members in zip(
                VOLUNTEER_ORGS[spec.code], spec.volunteer_org_members, strict=True
            ):
                org_id = f"ZY{len(orgs) + 1:02d}"
                profiles[org_id] = kinds
                orgs.append(
                    {
                        "id": org_id,
                        "community_code": spec.code,
                        "name": name,
                        "members": members,
                        "founded_on": random_date(rng, dt.date(2012, 1, 1), dt.date(2020, 12, 31)),
                    }
                )
        for org in orgs:
            if org["name"] == LATEST_ORG[0]:
                org["founded_on"] = LATEST_ORG[1]
        tables["volunteer_orgs"] = orgs
        sample_year = self._activities(rng, orgs, profiles, PERIOD_START, PERIOD_END)
        # The year before: fewer organisations (the 关爱老人志愿队 was not yet founded), fewer
        # residents served.
        earlier_year = self._activities(self.earlier, orgs, profiles, EARLIER_START, EARLIER_END)
        rows = sorted(earlier_year + sample_year, key=lambda a: (a["date"], a["org_id"]))
        tables["volunteer_activities"] = [
            {"id": f"HD{k:05d}", **a} for k, a in enumerate(rows, start=1)
        ]

    @staticmethod
    def _activities(rng: random.Random, orgs: list[dict], profiles: dict, first: str,
                    last: str) -> list[dict]:  # fmt: skip
        """Each organisation's activities from month `first` to `last`, none before it was
        founded; the residents served over them add up to RESIDENTS_SERVED in the sample year
        and to EARLIER_SERVED the year before."""
        slots = []
        for org in orgs:
            kinds = profiles[org["id"]]
            for month in months_between(first, last):
                for _ in range(rng.randint(2, 5)):
                    kind = rng.choices(list(kinds), weights=list(kinds.values()))[0]
                    day = random_date(rng, month_start(month), month_end(month))
                    taking_part = max(3, round(org["members"] * rng.uniform(0.25, 0.7)))
                    slots.append((org, day, kind, min(taking_part, org["members"])))
        slots.sort(key=lambda s: (s[1], s[0]["id"]))
        reach = [REACH[s[2]] * rng.uniform(0.6, 1.4) for s in slots]
        hours = [round(s[3] * rng.uniform(1.5, 3.0) * 2) / 2 for s in slots]
        # Every draw is made before the activities before a founding are left out, so leaving
        # them out changes no other draw.
        kept = [k for k, s in enumerate(slots) if s[1] >= s[0]["founded_on"]]
        total = RESIDENTS_SERVED if first == PERIOD_START else EARLIER_SERVED
        served = partition(total, [reach[k] for k in kept])
        return [
            {
                "org_id": slots[k][0]["id"],
                "date": slots[k][1],
                "kind": slots[k][2],
                "participants": slots[k][3],
                "residents_served": reached,
                "hours": hours[k],
            }
            for k, reached in zip(kept, served, strict=True)
        ]

    def _disputes(self, tables: dict[str, list[dict]]) -> None:
        rows = self._dispute_rows(self.rng, tables["grids"], PERIOD_START, PERIOD_END)
        rows += self._dispute_rows(self.earlier, tables["grids"], EARLIER_START, EARLIER_END)
        rows.sort(key=lambda r: (r["reported_on"], r["grid_code"]))
        tables["disputes"] = [{"id": f"JF{k:04d}", **r} for k, r in enumerate(rows, start=1)]

    @staticmethod
    def _dispute_rows(rng: random.Random, grids: list[dict], first: str, last: str) -> list[dict]:
        rows = []
        for grid in grids:
            lam = grid["households"] * DISPUTES_PER_1000_HOUSEHOLDS / 1000 / 12
            for month in months_between(first, last):
                for _ in range(_poisson(rng, lam)):
                    reported = random_date(rng, month_start(month), month_end(month))
                    outcome = rng.choices(["mediated", "referred", "pending"], weights=[86, 8, 6])[
                        0
                    ]
                    if (AS_OF - reported).days > 45 and outcome == "pending":
                        outcome = "mediated"
                    resolved = (
                        reported + dt.timedelta(days=rng.randint(0, 20))
                        if outcome != "pending"
                        else None
                    )
                    if resolved is not None and resolved > AS_OF:
                        # Not settled by the records' end: still open then, not closed that day.
                        outcome, resolved = "pending", None
                    rows.append(
                        {
                            "community_code": grid["community_code"],
                            "grid_code": grid["code"],
                            "reported_on": reported,
                            "category": rng.choices(
                                ["neighbour", "family", "property", "labour", "other"],
                                weights=[40, 20, 22, 8, 10],
                            )[0],
                            "resolved_on": resolved,
                            "outcome": outcome,
                        }
                    )
        return rows

    def _cadres(self, tables: dict[str, list[dict]]) -> None:
        rng = self.rng
        people, posts = [], []
        for spec in COMMUNITIES:
            current, previous = TERMS[spec.code]
            seats, count = _seats(*current)
            party_now = current[1]
            college, young = CADRE_MIX[spec.code]
            # Attributes of the people in office now.
            ages = [birth_for_age(rng, rng.randint(36, 59), AS_OF) for _ in range(count)]
            young_ones = rng.sample(range(2, count), young)
            for k in young_ones:
                ages[k] = birth_for_age(rng, rng.randint(26, 34), AS_OF)
            educated = {0, *rng.sample(range(1, count), college - 1)}
            now = [
                {"party": k < party_now, "college": k in educated, "birth": ages[k]}
                for k in range(count)
            ]
            # The previous term: some of today's people, and some who have left.
            prev_seats, prev_count = _seats(*previous)
            party_prev = previous[1]
            keep_party, keep_rc = CONTINUING[spec.code]
            seniors = [k for k in range(count) if k not in young_ones]
            from_party = [k for k in seniors if k < party_now]
            from_rc = [k for k in seniors if k >= party_now]
            # The old town's secretary was re-elected; the east's previous secretary retired.
            others = rng.sample([k for k in from_party if k != 0], keep_party - 1)
            party_keep: list[int | None] = [0, *others] if spec is OLD_TOWN else [None, *others]
            rc_keep: list[int | None] = list(rng.sample(from_rc, keep_rc))
            leavers = []
            prev_people: list[int | None] = []
            for k in range(prev_count):
                pool = party_keep if k < party_prev else rc_keep
                who = pool.pop(0) if pool else None
                prev_people.append(who)
                if who is None:
                    leavers.append((k, k < party_prev))
            ids = {}
            for k, attrs in enumerate(now):
                ids[("now", k)] = len(people)
                people.append({"community_code": spec.code, **attrs})
            for k, party in leavers:
                ids[("prev", k)] = len(people)
                people.append(
                    {
                        "community_code": spec.code,
                        "party": party,
                        "college": rng.random() < 0.2,
                        "birth": birth_for_age(rng, rng.randint(55, 62), AS_OF),
                    }
                )
            for k, body, post in seats:
                posts.append((ids[("now", k)], spec.code, body, post, ELECTED[spec.code], None))
            for k, body, post in prev_seats:
                who = prev_people[k]
                person = ids[("now", who)] if who is not None else ids[("prev", k)]
                posts.append(
                    (person, spec.code, body, post, PREVIOUS_ELECTED[spec.code], ELECTED[spec.code])
                )
        tables["cadres"] = [
            {
                "id": f"GB{k + 1:03d}",
                "community_code": p["community_code"],
                "education": "college_plus" if p["college"] else "below",
                "birth_date": p["birth"],
                "party_member": p["party"],
            }
            for k, p in enumerate(people)
        ]
        tables["cadre_posts"] = sorted(
            (
                {
                    "cadre_id": f"GB{person + 1:03d}",
                    "body": body,
                    "elected_on": elected,
                    "community_code": comm,
                    "post": post,
                    "left_on": left,
                }
                for person, comm, body, post, elected, left in posts
            ),
            key=lambda r: (r["community_code"], r["elected_on"], r["body"], r["cadre_id"]),
        )
