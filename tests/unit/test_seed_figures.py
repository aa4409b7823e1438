"""The sample county reproduces the source document's figures (README: "The sample county"),
through the metrics catalog.

Runs on SQLite and, when TEST_DATABASE_URL is set, on PostgreSQL.
"""

from __future__ import annotations

import pytest

from data_access import metrics
from data_access.areas import queries as common
from data_access.community_life import queries as community_life
from data_access.facilities import queries as facilities
from tests.conftest import EAST, OLD_TOWN, SAMPLE_PERIOD, operating_ids, sample_rows


def test_two_communities_with_the_documents_households_and_people(conn):
    comms = common.communities(conn).set_index("name")
    assert comms.loc["老城社区", ["households", "population"]].tolist() == [5180, 17460]
    assert comms.loc["东部社区", ["households", "population"]].tolist() == [2458, 6586]


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("service_points", 138),
        ("dibao_persons", 1276),
        ("tekun_households", 58),
        ("reemployed", 373),
        ("youth_informed", 530),
        ("volunteer_orgs", 7),
        ("volunteers", 170),
        ("cadres", 29),
        ("cadres_college_plus", 8),
        ("cadres_under_35", 4),
        ("cadres_party", 16),
        ("honours", 12),
        ("elderly_groups", 3),
        ("facility_completeness", 1.0),
    ],
)
def test_headline_figure(conn, key, expected):
    assert metrics.value(conn, key, SAMPLE_PERIOD) == expected


def test_cadres_below_college_and_over_35_complete_the_split(conn):
    f = SAMPLE_PERIOD
    assert metrics.value(conn, "cadres_below_college", f) == 21
    assert metrics.value(conn, "cadres_35_plus", f) == 25


def test_volunteers_served_nearly_ten_thousand_residents(conn):
    """ "每年为群众义务服务近1万人次" counts residents served, not volunteers taking part."""
    served = metrics.value(conn, "volunteer_residents_served", SAMPLE_PERIOD)
    assert 9_500 <= served < 10_000  # "近1万人次"
    taking_part = metrics.value(conn, "volunteer_participations", SAMPLE_PERIOD)
    # 170 volunteers: at most two activities a week each, so far fewer than the residents served.
    assert 0 < taking_part <= 170 * 104 and taking_part < served


def test_the_eastern_office_is_nearly_200_square_metres(conn):
    """ "现办公用房只有近200平方米"."""
    p = facilities.projects(conn, SAMPLE_PERIOD).set_index("id")
    office = p[(p["community_code"] == EAST) & p["name"].str.contains("办公")].iloc[0]
    assert 180 <= office["floor_area_m2"] < 200


def test_cadres_in_office_from_the_2021_elections_and_the_term_before(conn):
    """Every month of the period shows the cadres then in office: the previous term until the
    October 2021 elections, the 29 from then on (never 0 before the election date)."""
    series = metrics.monthly(conn, "cadres", SAMPLE_PERIOD).groupby("month")["value"].sum()
    assert (series > 0).all()
    assert (series[series.index >= "2021-11"] == 29).all()
    assert series["2021-07"] != 29  # the previous term had other people


def test_tekun_counted_in_households_and_persons(conn):
    households = metrics.value(conn, "tekun_households", SAMPLE_PERIOD)
    persons = metrics.value(conn, "tekun_persons", SAMPLE_PERIOD)
    assert households == 58 and households < persons < 2 * households


def test_money_raised_is_over_800_thousand_from_the_three_sources(conn):
    assert 800_000 < metrics.value(conn, "funding_raised", SAMPLE_PERIOD) < 900_000
    by_source = (
        facilities.funding_by_project(conn, SAMPLE_PERIOD).groupby("source")["amount_yuan"].sum()
    )
    assert set(by_source.index) == {"county", "township_departments", "higher_level"}


def test_old_town_office_project_matches_the_document(conn):
    p = facilities.projects(conn, SAMPLE_PERIOD).set_index("community_code").loc[OLD_TOWN]
    assert (p["land_mu"], p["rooms"], p["floors"]) == (2, 5, 3)
    assert p["floor_area_m2"] > 400
    assert p["design_ended_on"] is not None and p["demolition_ended_on"] is not None
    assert p["construction_started_on"] is None and p["phase"] == "construction"


def test_east_office_and_fitness_money(conn):
    projects = facilities.projects(conn, SAMPLE_PERIOD).set_index("id")
    money = (
        facilities.funding_by_project(conn, SAMPLE_PERIOD)
        .groupby("project_id")["amount_yuan"]
        .sum()
    )
    east = projects[projects["community_code"] == EAST]
    office = east[east["name"].str.contains("办公")].index[0]
    fitness = east[east["name"].str.contains("健身")].index[0]
    assert 300_000 < money[office] < 400_000 and projects.loc[office, "phase"] == "in_use"
    assert money[fitness] == 200_000


def test_six_rooms_three_stations_one_field_in_both_communities(conn):
    in_use = facilities.facilities_in_use(conn, SAMPLE_PERIOD)
    required = in_use[in_use["required"]]
    groups = required.groupby(["community_code", "group_kind"])["kind"].nunique().unstack()
    assert groups.loc[OLD_TOWN].to_dict() == {"field": 1, "room": 6, "station": 3}
    assert groups.loc[EAST].to_dict() == {"field": 1, "room": 6, "station": 3}
    assert "elderly_service_centre" in set(in_use[in_use["community_code"] == EAST]["kind"])


def test_elderly_groups_are_the_documents_three(conn):
    names = set(community_life.elderly_groups(conn, SAMPLE_PERIOD)["name"])
    assert names == {"中青戏曲演唱社", "老年人晨练队", "夕阳红艺术团"}


def test_community_figures_add_up_to_the_county(conn):
    for key in ("service_points", "dibao_persons", "reemployed", "youth_informed", "volunteers"):
        per_community = metrics.by_community(conn, key, SAMPLE_PERIOD)
        assert per_community.sum() == metrics.value(conn, key, SAMPLE_PERIOD)
        assert set(per_community.index) == {OLD_TOWN, EAST}


@pytest.mark.parametrize("month", ["2021-07", "2021-12", "2022-03"])
def test_service_points_of_a_past_month_use_only_what_was_valid_then(conn, month):
    """A point suspended (or closed) later still counts in the months before; one that was
    suspended then does not, even though it operates today."""
    day = f"{month}-31"  # each of these months has 31 days
    expected = len(operating_ids(day))
    f = SAMPLE_PERIOD.with_period(month, month)
    assert metrics.value(conn, "service_points", f) == expected
    series = metrics.monthly(conn, "service_points", SAMPLE_PERIOD)
    assert series[series["month"] == month]["value"].sum() == expected
    suspended_now = {p["id"] for p in sample_rows("service_points") if p["status"] == "suspended"}
    assert suspended_now & operating_ids(day)  # suspended in 2022, operating then
