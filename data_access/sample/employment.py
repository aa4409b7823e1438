"""Employment services: laid-off workers, zero-employment families and young job seekers.

下岗职工 of the restructuring years were mostly born 1955–1975; those still looking for work in
2021–22 are the younger of them (men up to 59, women up to 49: nobody is placed past the statutory
retirement age of 60 for men and 50 for women workers), with some laid off later, born up to 1985.
"4050" is not stored: it follows from gender and birth date when a figure is read.

Groups leave as rows of `jobseeker_groups` (one per person and group). A zero-employment family
is identified shortly before the member who clears it is placed (动态清零: within a month as a
rule, a few late), and the old town has two families identified in its last month and not yet
cleared, whose members are still looking for work.
"""

from __future__ import annotations

import datetime as dt
import random

from data_access.filters import month_end, month_start
from data_access.sample.area import Geography
from data_access.sample.people import People, age_on, random_date
from data_access.sample.spec import (
    AS_OF,
    COMMUNITIES,
    EARLIER_END,
    EARLIER_START,
    OLD_TOWN,
    PERIOD_END,
    PERIOD_START,
)

RETIREMENT_AGE = {"M": 60, "F": 50}  # women workers


class Employment:
    def __init__(self, rng: random.Random, geo: Geography, people: People, earlier: random.Random):
        self.rng = rng
        self.earlier = earlier  # for the year before (see `_earlier_year`)
        self.geo = geo
        self.people = people
        self.n = 0

    def _person(self, community: str, male: bool, birth: dt.date) -> dict:
        self.n += 1
        comp = self.geo.weighted_compound(community)
        return {
            "person_no": f"JY{community[-2:]}{self.n:05d}",
            "community_code": community,
            "grid_code": comp.grid,
            "name": self.people.name(male),
            "id_number": self.people.id_number(birth, male),
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

    def _laid_off_birth(self, male: bool, latest_event: dt.date) -> dt.date:
        """Born mostly 1955–1975, some later; young enough to work until `latest_event`."""
        rng = self.rng
        retire = RETIREMENT_AGE["M" if male else "F"]
        # The day before the retirement birthday must be after the latest event.
        # (An event on 29 February counts from 1 March of a year that has no such day.)
        day = latest_event
        if (day.month, day.day) == (2, 29) and (day.year - retire) % 4:
            day = dt.date(day.year, 3, 1)
        oldest = day.replace(year=day.year - retire) + dt.timedelta(days=1)
        if male:
            year = rng.choices([(1955, 1975), (1976, 1980), (1981, 1985)], weights=[88, 9, 3])[0]
        else:
            year = rng.choices([(1955, 1975), (1976, 1980), (1981, 1985)], weights=[52, 40, 8])[0]
        start = max(dt.date(year[0], 1, 1), oldest)
        end = dt.date(year[1], 12, 31)
        if start > end:  # that cohort has retired: the youngest of the main cohort
            start, end = oldest, max(oldest, dt.date(1975, 12, 31))
        return random_date(rng, start, end)

    def _laid_off(self, community: str, placed: dt.date | None, registered: dt.date) -> dict:
        rng = self.rng
        male = rng.random() < 0.6
        # Below retirement age on the records' last day, the latest day a figure is read, so
        # nobody placed counts as 4050 past retirement age.
        birth = self._laid_off_birth(male, AS_OF)
        p = self._person(community, male, birth)
        groups = ["laid_off"]
        age = age_on(birth, registered)
        if (not male and age >= 40) or (male and age >= 50):
            groups.append("4050")  # kept for the draws below; not stored (see the docstring)
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
        informed = (
            registered + dt.timedelta(days=rng.randint(1, 20)) if rng.random() < 0.5 else None
        )
        if placed and informed and informed > placed:
            informed = placed
        p.update(
            groups=",".join(groups),
            registered_on=registered,
            trained_on=trained,
            informed_on=informed,
            placed_on=placed,
            placement_channel=channel,
        )
        return p

    def _youth(self, community: str, informed: dt.date | None, registered: dt.date) -> dict:
        rng = self.rng
        male = rng.random() < 0.52
        age = rng.randint(18, 30)
        when = informed or registered
        birth = random_date(
            rng,
            dt.date(when.year - age - 1, when.month, 1),
            dt.date(when.year - age, when.month, 1),
        )
        p = self._person(community, male, birth)
        p.update(groups="youth" + (",disabled" if rng.random() < 0.01 else ""))
        p.update(registered_on=registered, informed_on=informed)
        return p

    def build(self, tables: dict[str, list[dict]]) -> None:
        rng = self.rng
        people: list[dict] = []
        families: list[dict] = []
        period_start, period_end = month_start(PERIOD_START), month_end(PERIOD_END)
        fam_no = 0
        for spec in COMMUNITIES:
            # Laid-off workers placed during the year: the document's 373.
            placed_people = []
            for _ in range(spec.reemployed):
                placed = random_date(rng, period_start, period_end)
                registered = placed - dt.timedelta(days=rng.randint(15, 300))
                placed_people.append(self._laid_off(spec.code, placed, registered))
            # Some came from zero-employment families, cleared when the member was placed.
            for p in rng.sample(placed_people, 9 if spec is OLD_TOWN else 5):
                fam_no += 1
                family = {
                    "family_no": f"LJ{spec.code[-2:]}{fam_no:03d}",
                    "community_code": spec.code,
                    "grid_code": p["grid_code"],
                    # Days from identification to clearing: mostly within the month, a few late
                    # (a fixed spread, so the other draws of the sample stay as they were).
                    "identified_on": max(
                        p["registered_on"],
                        p["placed_on"] - dt.timedelta(days=8 + (fam_no * 13) % 35),
                    ),
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
                registered = placed - dt.timedelta(days=rng.randint(15, 200))
                people.append(self._laid_off(spec.code, placed, registered))
            for _ in range(rng.randint(40, 60) if spec is OLD_TOWN else rng.randint(20, 30)):
                registered = random_date(rng, dt.date(2021, 1, 1), period_end)
                people.append(self._laid_off(spec.code, None, registered))
            # Young job seekers given labour-market information during the year: the document's 530.
            for _ in range(spec.youth_informed):
                people.append(self._informed_youth(spec.code, period_start, period_end))
            # Young people informed before the year, or registered but not yet informed.
            for _ in range(rng.randint(25, 35)):
                informed = random_date(
                    rng, dt.date(2021, 1, 1), period_start - dt.timedelta(days=1)
                )
                people.append(
                    self._youth(
                        spec.code, informed, informed - dt.timedelta(days=rng.randint(0, 30))
                    )
                )
            for _ in range(rng.randint(10, 20)):
                people.append(
                    self._youth(spec.code, None, random_date(rng, dt.date(2022, 5, 1), period_end))
                )
        self._earlier_year(people, families, fam_no)
        self._open_families(people, families)
        self._training_while_waiting(people)
        tables["zero_employment_families"] = families
        tables["jobseeker_groups"] = [
            {"person_no": p["person_no"], "group_code": g}
            for p in people
            for g in p.pop("groups").split(",")
            if g and g != "4050"
        ]
        tables["jobseekers"] = people

    def _informed_youth(self, community: str, first: dt.date, last: dt.date) -> dict:
        """A young person given job information between `first` and `last`, placed within four
        months as a rule (by the records' end)."""
        rng = self.rng
        informed = random_date(rng, first, last)
        p = self._youth(community, informed, informed - dt.timedelta(days=rng.randint(0, 60)))
        placed = informed + dt.timedelta(days=rng.randint(10, 120)) if rng.random() < 0.62 else None
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
        trained = (
            informed + dt.timedelta(days=rng.randint(3, 30)) if channel == "training" else None
        )
        if trained and placed and trained > placed:
            trained = placed
        p.update(trained_on=trained, placed_on=placed, placement_channel=channel)
        return p

    def _earlier_year(self, people: list[dict], families: list[dict], fam_no: int) -> None:
        """The work year before (EARLIER_START..EARLIER_END): more laid-off workers placed and
        young people informed, and the zero-employment families cleared then. Drawn from a
        generator of their own after the sample year's people, so those stay as they were."""
        sample_rng, self.rng = self.rng, self.earlier
        rng = self.rng
        first, last = month_start(EARLIER_START), month_end(EARLIER_END)
        for spec in COMMUNITIES:
            placed_people = []
            for _ in range(spec.reemployed_earlier):
                placed = random_date(rng, first, last)
                registered = placed - dt.timedelta(days=rng.randint(15, 300))
                placed_people.append(self._laid_off(spec.code, placed, registered))
            for p in rng.sample(placed_people, 6 if spec is OLD_TOWN else 3):
                fam_no += 1
                families.append(
                    {
                        "family_no": f"LJ{spec.code[-2:]}{fam_no:03d}",
                        "community_code": spec.code,
                        "grid_code": p["grid_code"],
                        "identified_on": max(
                            p["registered_on"],
                            p["placed_on"] - dt.timedelta(days=rng.randint(5, 30)),
                        ),
                        "cleared_on": p["placed_on"],
                    }
                )
                p["groups"] += ",zero_employment_family"
                p["family_no"] = families[-1]["family_no"]
                p["placement_channel"] = "one_to_one"
            people.extend(placed_people)
            for _ in range(spec.youth_informed_earlier):
                people.append(self._informed_youth(spec.code, first, last))
        self.rng = sample_rng

    @staticmethod
    def _training_while_waiting(people: list[dict]) -> None:
        """Every third person still waiting has been on a training course since registering (a
        fixed pick, so the other draws of the sample stay as they were)."""
        for p in people:
            n = int(p["person_no"][-5:])
            if p["placed_on"] is None and p["trained_on"] is None and n % 3 == 0:
                trained = p["registered_on"] + dt.timedelta(days=10 + n % 20)
                if trained <= AS_OF:
                    p["trained_on"] = trained

    @staticmethod
    def _open_families(people: list[dict], families: list[dict]) -> None:
        """Two old-town families identified in the last month, not yet cleared: the members are
        the two laid-off workers of the old town registered last and still waiting."""
        waiting = sorted(
            (
                p
                for p in people
                if p["community_code"] == OLD_TOWN.code
                and p["placed_on"] is None
                and "laid_off" in p["groups"].split(",")
            ),
            key=lambda p: (p["registered_on"], p["person_no"]),
        )
        for n, p in enumerate(waiting[-2:], start=1):
            family_no = f"LJ{OLD_TOWN.code[-2:]}{900 + n:03d}"
            families.append(
                {
                    "family_no": family_no,
                    "community_code": OLD_TOWN.code,
                    "grid_code": p["grid_code"],
                    "identified_on": max(p["registered_on"], dt.date(2022, 6, 1)),
                    "cleared_on": None,
                }
            )
            p["groups"] += ",zero_employment_family"
            p["family_no"] = family_no
