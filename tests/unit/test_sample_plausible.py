"""The sample county is one a civil-affairs official would believe: it agrees with the source
document, the law and time, and does not look generated. Each test holds one point of the audit
(issue 10) on the generated CSVs, so a later change of the generator cannot bring it back."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter, defaultdict

import pytest

from data_access.sample.community_life import VOLUNTEER_ORGS
from tests.conftest import EAST, OLD_TOWN, ROOT, jobseeker_groups, sample_rows

END = "2022-06-30"


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _age(birth: str, on: str) -> int:
    b, d = _date(birth), _date(on)
    return d.year - b.year - ((d.month, d.day) < (b.month, b.day))


# ------------------------------------------------------------------------------ the source document


def test_the_eastern_elderly_centre_is_this_years_and_one_place_in_both_tables():
    """ "建成了社区养老服务中心" this year: one 养老服务中心 in the county, the east's, opened in 2022,
    the same place (coordinates, date) in facilities and service_points."""
    points = {p["id"]: p for p in sample_rows("service_points")}
    centres = [p for p in points.values() if p["type"] == "elderly_care"]
    assert [p["community_code"] for p in centres] == [EAST]
    facility = [f for f in sample_rows("facilities") if f["kind"] == "elderly_service_centre"]
    assert len(facility) == 1 and facility[0]["community_code"] == EAST
    assert facility[0]["in_use_since"].startswith("2022")
    assert facility[0]["service_point_id"] == centres[0]["id"]


def test_a_facility_that_is_a_service_point_is_one_place():
    points = {p["id"]: p for p in sample_rows("service_points")}
    linked = [f for f in sample_rows("facilities") if f["service_point_id"]]
    assert {f["kind"] for f in linked} == {"police_room", "elderly_service_centre"}
    for f in linked:
        p = points[f["service_point_id"]]
        assert (f["lat"], f["lon"], f["in_use_since"]) == (p["lat"], p["lon"], p["opened_on"])
        assert f["community_code"] == p["community_code"]
    # Every 警务室 and 养老服务中心 point is such a facility: none without one behind it.
    behind = {f["service_point_id"] for f in linked}
    assert {p["id"] for p in points.values() if p["type"] in ("police", "elderly_care")} == behind


def test_volunteer_participants_never_exceed_the_organisation():
    members = {o["id"]: int(o["members"]) for o in sample_rows("volunteer_orgs")}
    for a in sample_rows("volunteer_activities"):
        assert 1 <= int(a["participants"]) <= members[a["org_id"]], a["id"]


def test_a_volunteers_activities_a_year_are_plausible():
    """A couple a week at most: participations per member over the sample year ≤ 104."""
    orgs = {o["id"]: o for o in sample_rows("volunteer_orgs")}
    taking_part = Counter()
    for a in sample_rows("volunteer_activities"):
        if "2021-07-01" <= a["date"] <= END:
            taking_part[a["org_id"]] += int(a["participants"])
    for org_id, total in taking_part.items():
        per_member = total / int(orgs[org_id]["members"])
        assert 5 <= per_member <= 104, (orgs[org_id]["name"], per_member)


def test_residents_served_is_nearly_ten_thousand_and_differs_from_participations():
    activities = [
        a for a in sample_rows("volunteer_activities") if "2021-07-01" <= a["date"] <= END
    ]
    served = sum(int(a["residents_served"]) for a in activities)
    taking_part = sum(int(a["participants"]) for a in activities)
    assert 9_500 <= served < 10_000 and taking_part < served


@pytest.mark.parametrize(
    ("org", "kind"),
    [
        ("关爱老人志愿队", "助老服务"),
        ("平安巡逻志愿队", "治安巡逻"),
        ("环境卫生志愿队", "卫生清扫"),
    ],
)
def test_what_an_organisation_does_fits_it(org, kind):
    ids = {o["id"] for o in sample_rows("volunteer_orgs") if o["name"] == org}
    kinds = Counter(a["kind"] for a in sample_rows("volunteer_activities") if a["org_id"] in ids)
    assert kinds[kind] / sum(kinds.values()) >= 0.6, kinds


def test_every_activity_kind_is_one_its_organisation_does():
    profiles = {name: kinds for orgs in VOLUNTEER_ORGS.values() for name, kinds in orgs}
    names = {o["id"]: o["name"] for o in sample_rows("volunteer_orgs")}
    for a in sample_rows("volunteer_activities"):
        assert a["kind"] in profiles[names[a["org_id"]]], a


# ------------------------------------------------------------------------------ the law


def _terms() -> dict[tuple[str, str], list[dict]]:
    """(community, elected_on) → the seats of that term."""
    terms = defaultdict(list)
    for p in sample_rows("cadre_posts"):
        terms[(p["community_code"], p["elected_on"])].append(p)
    return terms


PARTY_SIZES = {
    "party_committee": range(5, 10),  # 社区党委
    "party_general_branch": range(5, 8),  # 党总支
    "party_branch": range(3, 8),  # 党支部
}


def test_every_committee_has_a_lawful_size_and_one_head():
    terms = _terms()
    assert len(terms) == 4  # two communities, this term and the last
    for (community, elected), seats in terms.items():
        bodies = Counter(s["body"] for s in seats)
        # Organic Law of Urban Residents' Committees, article 7: five to nine members.
        assert 5 <= bodies["residents_committee"] <= 9, (community, elected)
        party = [b for b in bodies if b != "residents_committee"]
        assert len(party) == 1 and bodies[party[0]] in PARTY_SIZES[party[0]], (community, bodies)
        posts = Counter((s["body"], s["post"]) for s in seats)
        assert posts[("residents_committee", "chair")] == 1
        assert posts[(party[0], "secretary")] == 1
        # A person holds at most one seat on each body.
        assert len({(s["cadre_id"], s["body"]) for s in seats}) == len(seats)


def test_the_secretary_chairs_the_residents_committee_and_seats_are_cross_held():
    for seats in _terms().values():
        secretary = next(s["cadre_id"] for s in seats if s["post"] == "secretary")
        chair = next(s["cadre_id"] for s in seats if s["post"] == "chair")
        assert secretary == chair  # 一肩挑
        holders = Counter(s["cadre_id"] for s in seats)
        assert sum(1 for n in holders.values() if n == 2) >= 2  # 交叉任职 beyond the secretary


def test_the_29_cadres_in_office_match_the_document():
    people = {c["id"]: c for c in sample_rows("cadres")}
    now = {
        s["cadre_id"]
        for s in sample_rows("cadre_posts")
        if s["elected_on"] <= END and (not s["left_on"] or s["left_on"] > END)
    }
    assert len(now) == 29
    chosen = [people[i] for i in now]
    assert sum(c["education"] == "college_plus" for c in chosen) == 8
    assert sum(_age(c["birth_date"], END) < 35 for c in chosen) == 4
    assert sum(c["party_member"] == "true" for c in chosen) == 16
    # Party-body members are party members.
    for s in sample_rows("cadre_posts"):
        if s["body"] != "residents_committee":
            assert people[s["cadre_id"]]["party_member"] == "true"


def test_the_previous_term_ends_when_the_new_one_is_elected():
    terms = _terms()
    for community in (OLD_TOWN, EAST):
        dates = sorted(e for c, e in terms if c == community)
        previous, current = dates
        assert all(s["left_on"] == current for s in terms[(community, previous)])
        assert all(not s["left_on"] for s in terms[(community, current)])


def _laid_off() -> list[dict]:
    groups = jobseeker_groups()
    return [p for p in sample_rows("jobseekers") if "laid_off" in groups.get(p["person_no"], ())]


def test_no_one_is_placed_past_the_statutory_retirement_age():
    """Men retire at 60, women workers at 50."""
    for p in sample_rows("jobseekers"):
        limit = 60 if p["gender"] == "M" else 50
        for event in ("registered_on", "placed_on"):
            if p[event]:
                assert _age(p["birth_date"], p[event]) < limit, (p["person_no"], event)


def test_laid_off_workers_were_mostly_born_1955_to_1975():
    placed = [p for p in _laid_off() if p["placed_on"] and "2021-07-01" <= p["placed_on"] <= END]
    years = [int(p["birth_date"][:4]) for p in placed]
    assert len(placed) == 373
    assert sum(1955 <= y <= 1975 for y in years) / len(years) >= 0.6
    assert sum(y > 1980 for y in years) / len(years) <= 0.1
    assert max(years) <= 1985


def test_4050_is_not_stored_but_follows_from_age():
    """Women 40+ and men 50+ at the date a figure is read: computed, never a stored mark."""
    assert all(g != "4050" for gs in jobseeker_groups().values() for g in gs)
    ages = [_age(p["birth_date"], END) for p in _laid_off() if not p["placed_on"]]
    assert any(a >= 40 for a in ages)


def test_tekun_persons_are_supported_at_the_standard():
    standard = {
        (r["category"], r["effective_from"][:7]): float(r["yuan_per_person_month"])
        for r in sample_rows("welfare_standards")
    }
    latest = max(m for c, m in standard if c == "tekun")
    for h in sample_rows("welfare_households"):
        if h["category"] == "tekun" and not h["end_month"]:
            assert float(h["monthly_benefit_yuan"]) == standard[("tekun", latest)] * int(
                h["members"]
            )


def test_near_poor_households_lie_between_the_standard_and_one_and_a_half_times_it():
    households = {h["household_no"]: h for h in sample_rows("welfare_households")}
    below = []
    for r in sample_rows("near_poor_households"):
        income = float(r["per_capita_income_yuan"])
        if r["dibao_household_no"]:
            # Enrolled when an assessment found the income below the standard: monitoring ends
            # with the month of that assessment, when 低保 starts.
            h = households[r["dibao_household_no"]]
            assert r["monitored_to"] == h["start_month"] == r["assessed_on"][:7]
        elif income < 700:
            below.append(r["household_no"])
        else:
            assert income < 1.5 * 700
    assert len(below) == 1  # the one deliberate 应保未保 case


# ------------------------------------------------------------------------------ time


def test_no_review_after_a_household_left_or_after_the_records_end():
    households = {h["household_no"]: h for h in sample_rows("welfare_households")}
    latest = {}
    for r in sample_rows("welfare_reviews"):
        h = households[r["household_no"]]
        assert r["reviewed_on"][:7] >= h["start_month"], r
        assert r["reviewed_on"] <= END, r
        if h["end_month"]:
            assert r["reviewed_on"][:7] <= h["end_month"], r
        latest[r["household_no"]] = max(latest.get(r["household_no"], ""), r["reviewed_on"])
    for no, h in households.items():
        assert h["last_review_on"] == latest.get(no, ""), no  # the last of the history


def test_service_point_spells_follow_each_other_and_agree_with_the_point():
    spells = defaultdict(list)
    for s in sample_rows("service_point_states"):
        spells[s["point_id"]].append(s)
    for p in sample_rows("service_points"):
        mine = sorted(spells[p["id"]], key=lambda s: s["valid_from"])
        assert mine[0]["valid_from"] == p["opened_on"]
        for a, b in zip(mine, mine[1:], strict=False):
            assert a["valid_to"] == b["valid_from"] and a["status"] != b["status"]
        assert mine[-1]["valid_to"] == p["closed_on"]
        now = "closed" if p["closed_on"] else mine[-1]["status"]
        assert p["status"] == now, p["id"]
    suspended_later = [
        s for s in sample_rows("service_point_states")
        if s["status"] == "suspended" and s["valid_from"] > "2021-07-01"
    ]  # fmt: skip
    assert len(suspended_later) >= 3  # suspensions have dates, inside the year


# ------------------------------------------------------------------------------ does not look generated


def test_surnames_are_spread_as_in_china():
    names = [h["head_name"] for h in sample_rows("welfare_households")]
    names += [p["name"] for p in sample_rows("jobseekers")]
    names += [h["head_name"] for h in sample_rows("near_poor_households")]
    surnames = Counter(n[0] for n in names)
    top10 = sum(n for _s, n in surnames.most_common(10)) / len(names)
    assert 0.30 <= top10 <= 0.50
    assert 0.04 <= surnames["王"] / len(names) <= 0.10  # about 7%


def test_incomes_are_not_all_round_numbers():
    incomes = [
        float(h["per_capita_income_yuan"])
        for h in sample_rows("welfare_households") + sample_rows("near_poor_households")
        if float(h["per_capita_income_yuan"]) > 0
    ]
    assert sum(v % 5 == 0 for v in incomes) / len(incomes) < 0.4


@pytest.mark.parametrize(("table", "column"), [("welfare_households", "head_id_number"),
                                               ("jobseekers", "id_number")])  # fmt: skip
def test_id_sequence_digits_do_not_rise_in_row_order(table, column):
    seqs = [int(r[column][14:17]) for r in sample_rows(table)]
    steps = Counter(b - a for a, b in zip(seqs, seqs[1:], strict=False))
    assert steps.most_common(1)[0][1] / len(seqs) < 0.05
    assert len({r[column] for r in sample_rows(table)}) == len(seqs)


def test_households_that_left_are_spread_among_the_case_numbers():
    for community in (OLD_TOWN, EAST):
        cases = sorted(
            (h["household_no"], h["status"])
            for h in sample_rows("welfare_households")
            if h["category"] == "dibao" and h["community_code"] == community
        )
        run = longest = 0
        for _no, status in cases:
            run = run + 1 if status != "active" else 0
            longest = max(longest, run)
        assert longest <= 4


def test_point_names_carry_no_running_numbers_and_closed_points_no_marker():
    points = sample_rows("service_points")
    names = [p["name"] for p in points]
    assert not [n for n in names if re.search(r"[0-9０-９]", n)]
    assert len(set(names)) == len(names)
    closed = [p["name"] for p in points if p["status"] != "operating"]
    assert closed and not [n for n in closed if n.endswith(("(原)", "（原）"))]


def test_disputes_are_not_split_by_a_round_rule():
    per = Counter(d["community_code"] for d in sample_rows("disputes"))
    assert (per[OLD_TOWN], per[EAST]) != (64, 32)
    assert per[OLD_TOWN] != 2 * per[EAST]
    # More where more people live: per 1,000 households within a factor of two.
    households = {c["code"]: int(c["households"]) for c in sample_rows("communities")}
    rates = [per[c] / households[c] for c in (OLD_TOWN, EAST)]
    assert max(rates) / min(rates) < 2


def _ring(geojson: str) -> list[tuple[float, float]]:
    return [tuple(p) for p in json.loads(geojson)["coordinates"][0][:-1]]


def _area(ring) -> float:
    return abs(
        sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True))
    )


def test_grids_are_drawn_along_streets_not_a_lattice():
    grids = sample_rows("grids")
    vertices = Counter(len(_ring(g["boundary"])) for g in grids)
    assert len(vertices) >= 4 and vertices[4] < len(grids) / 2
    for community in sample_rows("communities"):
        mine = [g for g in grids if g["community_code"] == community["code"]]
        # The grids tile their community exactly (shared edges, no gaps or overlaps).
        assert sum(_area(_ring(g["boundary"])) for g in mine) == pytest.approx(
            _area(_ring(community["boundary"])), rel=1e-9
        )
        # Neighbours share their vertices: each inner vertex belongs to two grids or more.
        outline = set(_ring(community["boundary"]))
        shared = Counter(p for g in mine for p in set(_ring(g["boundary"])))
        assert all(n >= 2 for p, n in shared.items() if p not in outline)


def test_the_data_dictionary_says_targets_are_assumptions():
    text = (ROOT / "sample_data" / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## targets") :]
    assert "assumption" in section
