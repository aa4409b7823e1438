"""Employment queries and metrics: hand-made people in a fresh database, then the sample county
(expectations computed from the CSVs, independently of the code under test)."""

from __future__ import annotations

import datetime as dt
import statistics

import pytest
import sqlalchemy as sa

from data_access import metrics
from data_access.admin.users import ANONYMOUS, AccessDenied, User
from data_access.db import create_schema
from data_access.employment import families as employment_families
from data_access.employment import map_queries as employment_map
from data_access.employment import queries as employment
from data_access.filters import Filters
from data_access.models import (
    Community,
    Grid,
    Jobseeker,
    JobseekerGroup,
    Target,
    ZeroEmploymentFamily,
)
from tests.conftest import EAST, OLD_TOWN, SAMPLE_PERIOD, jobseeker_groups, sample_rows

D = dt.date
C, G1, G2 = "C1", "C1G1", "C1G2"
PERIOD = Filters(start="2022-01", end="2022-06")
BORN, REGISTERED = D(1990, 1, 1), D(2022, 1, 10)
N = 0


def _person(groups=(), gender="M", birth=BORN, registered=REGISTERED, **dates):
    global N
    N += 1
    return (
        {
            "person_no": f"P{N:03d}",
            "community_code": C,
            "grid_code": dates.pop("grid", G1),
            "name": "张三丰",
            "id_number": "1",
            "gender": gender,
            "birth_date": birth,
            "registered_on": registered,
            "trained_on": dates.get("trained"),
            "informed_on": dates.get("informed"),
            "placed_on": dates.get("placed"),
            "placement_channel": dates.get("channel"),
            "family_no": dates.get("family"),
        },
        groups,
    )


@pytest.fixture
def hand_made(empty_engine):
    """One community of two grids; people whose every rule is decided by hand below."""
    create_schema(empty_engine)
    people = [
        # laid-off, placed in the period after training and information
        _person(
            ("laid_off",),
            trained=D(2022, 1, 20),
            informed=D(2022, 2, 1),
            placed=D(2022, 3, 1),
            channel="training",
        ),  # fmt: skip
        # laid-off woman of 45 at the period's end: 4050; placed directly by referral
        _person(
            ("laid_off",),
            gender="F",
            birth=D(1977, 1, 1),
            placed=D(2022, 5, 10),
            channel="referral",
        ),  # fmt: skip
        # laid-off man who turns 50 only after the period: not 4050; waiting since 2021-11: long
        _person(("laid_off",), birth=D(1972, 7, 1), registered=D(2021, 11, 1)),
        # zero-employment family member, informed, waiting (registered in March: not long)
        _person(
            ("laid_off", "zero_employment_family"),
            registered=D(2022, 3, 1),
            informed=D(2022, 3, 5),
            family="F2",
        ),  # fmt: skip
        # youth informed in the period, not placed
        _person(("youth",), informed=D(2022, 4, 1), grid=G2),
        # youth placed before the period: not one of the period's people
        _person(("youth",), registered=D(2021, 5, 1), placed=D(2021, 8, 1), grid=G2),
        # disabled youth placed in the period, after the as-of month's end? no: in June
        _person(("youth", "disabled"), placed=D(2022, 6, 30), channel="referral", grid=G2),
    ]
    families = [
        {"family_no": "F1", "community_code": C, "grid_code": G1,
         "identified_on": D(2022, 2, 1), "cleared_on": D(2022, 2, 20)},  # in time
        {"family_no": "F2", "community_code": C, "grid_code": G1,
         "identified_on": D(2022, 3, 1), "cleared_on": None},  # overdue at June's end
        {"family_no": "F3", "community_code": C, "grid_code": G1,
         "identified_on": D(2021, 3, 1), "cleared_on": D(2021, 6, 1)},  # before the period
    ]  # fmt: skip
    with empty_engine.begin() as conn:
        conn.execute(
            sa.insert(Community),
            [{"code": C, "name": "c", "town": "t", "households": 100, "population": 2000,
              "lat": 0.0, "lon": 0.0}],
        )  # fmt: skip
        conn.execute(
            sa.insert(Grid),
            [
                {"code": G1, "community_code": C, "name": "g1", "households": 50,
                 "population": 1000},
                {"code": G2, "community_code": C, "name": "g2", "households": 50,
                 "population": 1000},
            ],
        )  # fmt: skip
        conn.execute(sa.insert(ZeroEmploymentFamily), families)
        conn.execute(sa.insert(Jobseeker), [p for p, _ in people])
        conn.execute(
            sa.insert(JobseekerGroup),
            [{"person_no": p["person_no"], "group_code": g} for p, gs in people for g in gs],
        )
        conn.execute(
            sa.insert(Target),
            [{"metric_key": "reemployed", "community_code": "", "period": "2022-01..2022-12",
              "value": 10}],
        )  # fmt: skip
    with empty_engine.connect() as conn:
        yield conn


def _funnel(conn, group: str) -> dict[str, int]:
    df = employment.funnel(conn, PERIOD)
    part = df[df["group"] == group]
    return dict(zip(part["step"], part["reached"], strict=True))


def test_funnel_counts_on_hand_made_people(hand_made):
    assert _funnel(hand_made, "laid_off") == {
        "registered": 4, "trained": 3, "informed": 3, "placed": 2,
    }  # fmt: skip
    assert _funnel(hand_made, "youth") == {
        "registered": 2, "trained": 2, "informed": 2, "placed": 1,
    }  # fmt: skip
    assert _funnel(hand_made, "4050") == {
        "registered": 1, "trained": 1, "informed": 1, "placed": 1,
    }  # fmt: skip
    assert _funnel(hand_made, "zero_employment_family")["placed"] == 0
    df = employment.funnel(hand_made, PERIOD)
    lost = df[(df["group"] == "laid_off") & (df["step"] == "trained")]["lost_share"].item()
    assert lost == pytest.approx(1 / 4)


def test_4050_metric_reads_age_at_the_periods_end(hand_made):
    assert metrics.value(hand_made, "placed_4050", PERIOD) == 1
    assert metrics.value(hand_made, "reemployed", PERIOD) == 2
    assert metrics.value(hand_made, "youth_informed", PERIOD) == 1
    assert metrics.value(hand_made, "placed", PERIOD) == 3
    assert metrics.value(hand_made, "jobseekers_waiting", PERIOD) == 3
    # At the end of 2022-08 the man born 1972-07 is 50 (but was not placed): still one.
    assert metrics.value(hand_made, "placed_4050", PERIOD.with_period("2022-01", "2022-08")) == 1


def test_six_month_and_30_day_rules_in_the_verdict(hand_made):
    df = employment_families.full_employment(hand_made, PERIOD).set_index("criterion")
    assert df.loc["long_unemployed", "numerator"] == 1  # registered 2021-11, still waiting
    assert df.loc["families", "numerator"] == 1  # F2 overdue; F3 cleared before the period
    assert df.loc["families", "denominator"] == 2
    assert df.loc["rate_all", "numerator"] == 3 and df.loc["rate_all", "denominator"] == 6
    # 就业困难: the 4050 woman (placed), the family member and the disabled youth (placed)
    assert df.loc["rate_difficult", "numerator"] == 2
    assert df.loc["rate_difficult", "denominator"] == 3
    assert not df["passed"].any()
    counts = employment_families.family_counts(hand_made, PERIOD).iloc[0]
    assert (counts["in_time"], counts["overdue"], counts["flagged"]) == (1, 1, 1)
    # Before F2's 30 days ran out it is open, and not a failure.
    march = employment_families.full_employment(hand_made, PERIOD.with_period("2022-01", "2022-03"))
    assert march.set_index("criterion").loc["families", "passed"]


def test_family_list_is_for_editors_and_masked(hand_made):
    with pytest.raises(AccessDenied):
        employment_families.family_list(hand_made, ANONYMOUS, PERIOD)
    editor = User("e", "editor", (C,))
    listed = employment_families.family_list(hand_made, editor, PERIOD)
    assert listed["family_no"].tolist() == ["F2", "F1"]  # overdue first
    assert listed["member"].tolist() == ["张*丰", ""]


def test_pace_query_uses_the_target_year(hand_made):
    p = employment.pace(hand_made, PERIOD, "reemployed", 10)
    assert employment.year_of(hand_made, PERIOD, "reemployed") == ("2022-01", "2022-12")
    assert (p.done, p.months_done, p.months_left) == (2, 6, 6)
    assert p.needed == pytest.approx(8 / 6)


def test_map_counts_are_protected(hand_made):
    grid = employment_map.map_grids(hand_made, PERIOD, "waiting").set_index("grid_code")
    # Two and one waiting: both small, both hidden, neither shaded.
    assert grid.loc[G1, "count"] == "<3" and grid.loc[G2, "count"] == "<3"
    assert grid["value"].isna().all() and grid["per1000"].isna().all()


# ------------------------------------------------------------------------------ the sample county


def _period_people(community: str | None = None) -> list[dict]:
    start, end = "2021-07-01", "2022-06-30"
    return [
        p
        for p in sample_rows("jobseekers")
        if p["registered_on"] <= end
        and (not p["placed_on"] or p["placed_on"] >= start)
        and (community is None or p["community_code"] == community)
    ]


def test_sample_funnel_of_laid_off_workers_matches_the_csv(conn):
    groups = jobseeker_groups()
    df = employment.funnel(conn, SAMPLE_PERIOD)
    for community in (OLD_TOWN, EAST):
        mine = [p for p in _period_people(community) if "laid_off" in groups[p["person_no"]]]
        placed = sum(1 for p in mine if p["placed_on"])
        part = df[(df["group"] == "laid_off") & (df["community_code"] == community)]
        got = dict(zip(part["step"], part["reached"], strict=True))
        assert got["registered"] == len(mine)
        assert got["placed"] == placed
    assert int(df[(df["group"] == "laid_off") & (df["step"] == "placed")]["reached"].sum()) == 373


def test_sample_median_days_match_the_csv(conn):
    groups = jobseeker_groups()
    days = [
        (dt.date.fromisoformat(p["placed_on"]) - dt.date.fromisoformat(p["registered_on"])).days
        for p in _period_people()
        if p["placed_on"] and "youth" in groups[p["person_no"]]
    ]
    df = employment.days_to_placement(conn, SAMPLE_PERIOD).set_index("group")
    assert df.loc["youth", "median_days"] == statistics.median(days)
    channels = employment.placements_by_channel(conn, SAMPLE_PERIOD)
    assert channels["placed"].sum() == sum(1 for p in _period_people() if p["placed_on"])
