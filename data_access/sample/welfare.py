"""Social assistance: 低保 and 特困 households, their payments and reviews, and the 低保边缘
households the office monitors.

低保 pays the gap between the standard and the household's assessed income per member (at least the
minimum); 特困 persons are supported at the 特困 standard whatever their income. Case numbers run in
order of enrolment, so households that left are spread among those still in force. Reviews are a
history (yearly for stable income, every six months when income is unstable and a member can
work), made only while the household is in force. The deliberate irregularities the welfare page's
checks must find are listed in sample_data/README.md.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from contextlib import contextmanager

from data_access.filters import add_months, month_end, month_start, months_between
from data_access.sample.area import Geography
from data_access.sample.people import People, random_date
from data_access.sample.spec import (
    AS_OF,
    COMMUNITIES,
    DIBAO_STANDARDS,
    EARLIER_START,
    OLD_TOWN,
    PERIOD_END,
    PERIOD_START,
    TEKUN_STANDARDS,
    CommunitySpec,
)

# The one 低保边缘 household whose income fell below the raised standard and who was not enrolled:
# 应保未保, for the welfare page to show.
MISSED_INCOME = 676
MISSED_ASSESSED = dt.date(2022, 3, 16)


def standard_at(category: str, month: str) -> tuple[float, float | None]:
    table = DIBAO_STANDARDS if category == "dibao" else TEKUN_STANDARDS
    day = month_start(month)
    applicable = [s for s in table if s[0] <= day][-1]
    return applicable[1], applicable[2]


def benefit(category: str, month: str, members: int, pci: float) -> int:
    """低保: the gap formula; 特困: the basic-living standard for each person."""
    std, minimum = standard_at(category, month)
    if category == "tekun":
        return round(std * members)
    gap = std - pci
    if minimum is not None:
        gap = max(gap, minimum)
    return round(gap * members)


# Draws of a monitored household's income, mapped into the band at its assessment's date.
_DRAWN = (705, 1045)


def _in_band(drawn: int, assessed: dt.date) -> int:
    """An income above the 低保 standard and below 1.5 times it at the assessment's date (the
    低保边缘 band then), and above every later standard too: the standard only rises, and a
    household it overtook would have been reassessed (the sample's one 应保未保 case aside)."""
    standard = [s for s in DIBAO_STANDARDS if s[0] <= assessed][-1][1]
    low, high = DIBAO_STANDARDS[-1][1] + 1, int(1.5 * standard) - 1
    return low + round((drawn - _DRAWN[0]) * (high - low) / (_DRAWN[1] - _DRAWN[0]))


def _shift(day: dt.date, months: int) -> dt.date:
    first = month_start(add_months(f"{day:%Y-%m}", months))
    return min(first.replace(day=min(day.day, 28)), month_end(f"{first:%Y-%m}"))


class Welfare:
    def __init__(self, rng: random.Random, geo: Geography, people: People, earlier: random.Random):
        self.rng = rng
        self.earlier = earlier  # for the year before (see `_earlier_exits`)
        self.geo = geo
        self.people = people
        self.irregular: dict[str, list] = {}

    def _household(self, spec: CommunitySpec, category: str, members: int, status: str) -> dict:
        rng = self.rng
        comp = self.geo.weighted_compound(spec.code)
        male = rng.random() < 0.55
        age = rng.randint(28, 84) if category == "dibao" else rng.randint(60, 92)
        birth = random_date(rng, dt.date(2022 - age, 1, 1), dt.date(2022 - age, 12, 28))
        if category == "dibao":
            pci = 0 if rng.random() < 0.07 else int(rng.triangular(30, 640, 430))
        else:
            pci = 0 if rng.random() < 0.6 else rng.randint(40, 320)  # a small pension at most
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
        stable = category == "tekun" or rng.random() < 0.7
        return {
            "household_no": "",
            "community_code": spec.code,
            "grid_code": comp.grid,
            "compound_id": comp.id,
            "category": category,
            "head_name": self.people.name(male),
            "head_id_number": self.people.id_number(birth, male),
            "members": members,
            "per_capita_income_yuan": pci,
            "monthly_benefit_yuan": benefit(category, end or PERIOD_END, members, pci),
            "start_month": start,
            "end_month": end,
            "status": status,
            "last_review_on": None,
            "income_stable": stable,
            "work_capable_members": 0
            if stable or members == 1
            else rng.randint(1, min(2, members - 1)),
        }

    @contextmanager
    def _drawing_from(self, rng: random.Random) -> Iterator[None]:
        """Draw households (their compound, name and ID number too) from `rng`: the year before's
        are drawn from a generator of their own, so the sample year's draws stay as they were."""
        saved = self.rng, self.geo.rng, self.people.rng
        self.rng = self.geo.rng = self.people.rng = rng
        try:
            yield
        finally:
            self.rng, self.geo.rng, self.people.rng = saved

    def _earlier_exits(self, spec: CommunitySpec) -> list[dict]:
        """Households that left during the year before (EARLIER_START..EARLIER_END): 低保 ones
        whose income rose above the standard of the time, and a 特困 person who died."""
        rng = self.rng
        out = []
        for category, count in (("dibao", spec.dibao_exits_earlier), ("tekun", 1)):
            for _ in range(count):
                status = "suspended" if rng.random() < 0.15 else "exited"
                size = rng.choice([1, 2, 2, 3, 4]) if category == "dibao" else 1
                h = self._household(
                    spec, category, size, status if category == "dibao" else "exited"
                )
                h["start_month"] = add_months(EARLIER_START, -rng.randint(6, 80))
                h["end_month"] = add_months(EARLIER_START, rng.randint(0, 10))
                if category == "dibao":
                    # Below the standard of 2020 (610) while in force.
                    h["per_capita_income_yuan"] = round(h["per_capita_income_yuan"] * 600 / 640)
                h["monthly_benefit_yuan"] = benefit(
                    category, h["end_month"], h["members"], h["per_capita_income_yuan"]
                )
                out.append(h)
        return out

    def _reviews(self, h: dict, rng: random.Random | None = None) -> list[dict]:
        """Reviews from enrolment on, each cycle a little early or late, none after the household
        left or after the records end."""
        rng = rng or self.rng
        short = not h["income_stable"] and h["work_capable_members"] > 0
        interval = 6 if short else 12
        last_day = min(AS_OF, month_end(h["end_month"]) if h["end_month"] else AS_OF)
        day = month_start(h["start_month"]) + dt.timedelta(days=rng.randint(2, 20))
        out = []
        while day <= last_day:
            out.append({"household_no": h["household_no"], "reviewed_on": day})
            late = rng.randint(20, 110) if rng.random() < 0.1 else rng.randint(-20, 12)
            day = _shift(day, interval) + dt.timedelta(days=late)
        return out

    def build(self, tables: dict[str, list[dict]]) -> None:
        rng = self.rng
        tables["welfare_standards"] = [
            {"effective_from": d, "category": c, "yuan_per_person_month": s, "min_benefit_yuan": m}
            for c, table in (("dibao", DIBAO_STANDARDS), ("tekun", TEKUN_STANDARDS))
            for d, s, m in table
        ]
        households: list[dict] = []
        earlier_ids: set[int] = set()  # the year before's households (reviewed by self.earlier)
        for spec in COMMUNITIES:
            persons, mine = 0, []
            while persons < spec.dibao_persons:
                size = rng.choices([1, 2, 3, 4, 5, 6], weights=[30, 29, 24, 11, 4, 2])[0]
                size = min(size, spec.dibao_persons - persons)
                mine.append(self._household(spec, "dibao", size, "active"))
                persons += size
            for _ in range(spec.dibao_exits):
                status = "suspended" if rng.random() < 0.15 else "exited"
                mine.append(self._household(spec, "dibao", rng.choice([1, 2, 2, 3, 4]), status))
            for _ in range(spec.tekun_households):
                mine.append(
                    self._household(spec, "tekun", 1 if rng.random() < 0.85 else 2, "active")
                )
            for _ in range(2 if spec is OLD_TOWN else 1):
                mine.append(self._household(spec, "tekun", 1, "exited"))
            # Case numbers in order of enrolment, per community and kind of assistance.
            for category, prefix in (("dibao", "DB"), ("tekun", "TK")):
                cases = [h for h in mine if h["category"] == category]
                cases.sort(key=lambda h: (h["start_month"], rng.random()))
                for k, h in enumerate(cases, start=1):
                    h["household_no"] = f"{prefix}{spec.code[-2:]}{k:05d}"
            with self._drawing_from(self.earlier):
                left_before = self._earlier_exits(spec)
                self._renumber(spec, mine, left_before)
            earlier_ids.update(id(h) for h in left_before)
            mine += left_before
            households.extend(sorted(mine, key=lambda h: h["household_no"]))

        reviews: list[dict] = []
        for h in households:
            mine = self._reviews(h, self.earlier if id(h) in earlier_ids else None)
            reviews.extend(mine)
            h["last_review_on"] = mine[-1]["reviewed_on"] if mine else None

        payments: list[dict] = []
        for h in households:
            first = max(h["start_month"], EARLIER_START)  # the records reach a year back
            last = min(h["end_month"] or PERIOD_END, PERIOD_END)
            for month in months_between(first, last):
                amount = benefit(h["category"], month, h["members"], h["per_capita_income_yuan"])
                payments.append(
                    {"household_no": h["household_no"], "month": month, "amount_yuan": amount}
                )
        self._add_irregularities(households, payments)
        tables["welfare_households"] = households
        tables["welfare_payments"] = payments
        tables["welfare_reviews"] = sorted(
            reviews, key=lambda r: (r["household_no"], r["reviewed_on"])
        )
        tables["near_poor_households"] = self._near_poor(households)

    def _renumber(self, spec: CommunitySpec, cases: list[dict], added: list[dict]) -> None:
        """Number `added` among `cases` in order of enrolment: the cases keep their order, an
        added household comes after the cases enrolled in the same month or before."""
        rng = self.rng
        for category, prefix in (("dibao", "DB"), ("tekun", "TK")):
            old = sorted(
                (h for h in cases if h["category"] == category), key=lambda h: h["household_no"]
            )
            new = sorted(
                (h for h in added if h["category"] == category),
                key=lambda h: (h["start_month"], rng.random()),
            )
            merged = sorted(old + new, key=lambda h: h["start_month"])  # stable: old first
            for k, h in enumerate(merged, start=1):
                h["household_no"] = f"{prefix}{spec.code[-2:]}{k:05d}"

    def _near_poor(self, households: list[dict]) -> list[dict]:
        """低保边缘 households: income between the standard and 1.5 times it. A few were enrolled
        in 低保 during the year when a new assessment found their income below the standard; one
        was not (the deliberate 应保未保 case)."""
        rng = self.rng
        rows: list[dict] = []
        for spec in COMMUNITIES:
            for _ in range(round(spec.households * 0.011)):
                comp = self.geo.weighted_compound(spec.code)
                male = rng.random() < 0.55
                birth = random_date(rng, dt.date(1945, 1, 1), dt.date(1992, 12, 31))
                since = add_months(PERIOD_END, -rng.randint(2, 40))
                # A few left monitoring this year (income rose for good).
                until = (
                    add_months(PERIOD_END, -rng.randint(1, 5))
                    if since <= add_months(PERIOD_END, -6) and rng.random() < 0.08
                    else None
                )
                row = {
                    "community_code": spec.code,
                    "grid_code": comp.grid,
                    "compound_id": comp.id,
                    "head_name": self.people.name(male),
                    "head_id_number": self.people.id_number(birth, male),
                    "members": rng.choices([1, 2, 3, 4, 5], weights=[20, 30, 28, 15, 7])[0],
                    "per_capita_income_yuan": rng.randint(*_DRAWN),
                    "assessed_on": random_date(
                        rng,
                        max(month_start(since), dt.date(2021, 7, 1)),
                        month_end(until) if until else AS_OF,
                    ),
                    "monitored_from": since,
                    "monitored_to": until,
                    "dibao_household_no": None,
                }
                row["per_capita_income_yuan"] = _in_band(
                    row["per_capita_income_yuan"], row["assessed_on"]
                )
                rows.append(row)
        joined = [
            h
            for h in households
            if h["category"] == "dibao" and PERIOD_START < h["start_month"] <= PERIOD_END
        ]
        for h in rng.sample(joined, min(5, len(joined))):
            rows.append(
                {
                    "community_code": h["community_code"],
                    "grid_code": h["grid_code"],
                    "compound_id": h["compound_id"],
                    "head_name": h["head_name"],
                    "head_id_number": h["head_id_number"],
                    "members": h["members"],
                    "per_capita_income_yuan": h["per_capita_income_yuan"],
                    "assessed_on": month_start(h["start_month"])
                    + dt.timedelta(days=rng.randint(1, 9)),
                    "monitored_from": add_months(h["start_month"], -rng.randint(6, 30)),
                    # Monitored until the assessment that enrolled it, in the month 低保 began
                    # (not a month without either: that month would count as 应保未保).
                    "monitored_to": h["start_month"],
                    "dibao_household_no": h["household_no"],
                }
            )
        comp = self.geo.weighted_compound(OLD_TOWN.code)
        birth = random_date(rng, dt.date(1958, 1, 1), dt.date(1966, 12, 31))
        rows.append(
            {
                "community_code": OLD_TOWN.code,
                "grid_code": comp.grid,
                "compound_id": comp.id,
                "head_name": self.people.name(False),
                "head_id_number": self.people.id_number(birth, False),
                "members": 2,
                "per_capita_income_yuan": MISSED_INCOME,
                "assessed_on": MISSED_ASSESSED,
                "monitored_from": "2020-09",
                "monitored_to": None,
                "dibao_household_no": None,
            }
        )
        out = []
        for spec in COMMUNITIES:
            mine = [r for r in rows if r["community_code"] == spec.code]
            mine.sort(key=lambda r: (r["monitored_from"], rng.random()))
            for k, r in enumerate(mine, start=1):
                out.append({"household_no": f"BY{spec.code[-2:]}{k:04d}", **r})
        self.irregular["dibao_missed"] = [
            r["household_no"] for r in out if r["per_capita_income_yuan"] == MISSED_INCOME
        ]
        return out

    def _add_irregularities(self, households: list[dict], payments: list[dict]) -> None:
        """Deliberate data problems of the kind the integrity panel exists to catch."""
        rng = self.rng
        active = [
            h
            for h in households
            if h["status"] == "active"
            and h["category"] == "dibao"
            and h["start_month"] < PERIOD_START
        ]
        exited = [
            h
            for h in households
            if h["status"] == "exited" and PERIOD_START <= h["end_month"] < PERIOD_END
        ]
        picks = rng.sample(active, 7)
        self.irregular.update(missing_payment=[], paid_after_exit=[], benefit_mismatch=[])
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
        # 3. Four households whose recorded benefit is off the formula (a data-entry slip carried
        # into payments).
        for h in picks[3:7]:
            wrong = h["monthly_benefit_yuan"] + rng.choice([-1, 1]) * rng.randint(60, 150)
            h["monthly_benefit_yuan"] = max(wrong, 30)
            for p in payments:
                if p["household_no"] == h["household_no"] and p["month"] >= "2022-01":
                    p["amount_yuan"] = h["monthly_benefit_yuan"]
            self.irregular["benefit_mismatch"].append(h["household_no"])
        payments.sort(key=lambda p: (p["household_no"], p["month"]))
