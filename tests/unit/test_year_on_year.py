"""同比: the sample reaches back to 2020-07, so every overview card of the work year 2021-07..2022-06
has the same months a year earlier. Each card's year-earlier value equals a computation over
2020-07..2021-06 made here from the CSVs with pandas, for figures of each kind (flows, stocks,
a ratio), county-wide and for one community."""

from __future__ import annotations

import pandas as pd
import pytest

from data_access import metrics, overview
from data_access.filters import Filters, default_period
from tests.conftest import EAST, OLD_TOWN, ROOT, SAMPLE_PERIOD

EARLIER = ("2020-07", "2021-06")
EARLIER_FIRST, EARLIER_LAST = "2020-07-01", "2021-06-30"


def _csv(table: str) -> pd.DataFrame:
    return pd.read_csv(ROOT / "sample_data" / f"{table}.csv", dtype=str, keep_default_na=False)


def _chosen(df: pd.DataFrame, community: str | None) -> pd.DataFrame:
    return df if community is None else df[df["community_code"] == community]


# Independent computations over the year before (2020-07..2021-06); stocks at its last day/month.


def service_points(community: str | None) -> float:
    states = _csv("service_point_states")
    points = _csv("service_points")[["id", "community_code"]]
    states = states.merge(points, left_on="point_id", right_on="id")
    day = EARLIER_LAST
    operating = states[
        (states["status"] == "operating")
        & (states["valid_from"] <= day)
        & ((states["valid_to"] == "") | (states["valid_to"] > day))
    ]
    return float(_chosen(operating, community)["point_id"].nunique())


def _in_force(category: str, community: str | None) -> pd.DataFrame:
    h = _csv("welfare_households")
    month = EARLIER[1]
    h = h[
        (h["category"] == category)
        & (h["start_month"] <= month)
        & ((h["end_month"] == "") | (h["end_month"] >= month))
    ]
    return _chosen(h, community)


def dibao_persons(community: str | None) -> float:
    return float(_in_force("dibao", community)["members"].astype(int).sum())


def tekun_households(community: str | None) -> float:
    return float(len(_in_force("tekun", community)))


def _group_event(group: str, column: str, community: str | None) -> float:
    people = _csv("jobseekers")
    groups = _csv("jobseeker_groups")
    members = set(groups.loc[groups["group_code"] == group, "person_no"])
    hit = people[
        people["person_no"].isin(members)
        & (people[column] >= EARLIER_FIRST)
        & (people[column] <= EARLIER_LAST)
        & (people[column] != "")
    ]
    return float(len(_chosen(hit, community)))


def reemployed(community: str | None) -> float:
    return _group_event("laid_off", "placed_on", community)


def youth_informed(community: str | None) -> float:
    return _group_event("youth", "informed_on", community)


def volunteers(community: str | None) -> float:
    orgs = _chosen(_csv("volunteer_orgs"), community)
    return float(orgs.loc[orgs["founded_on"] <= EARLIER_LAST, "members"].astype(int).sum())


def funding_raised(community: str | None) -> float:
    money = _chosen(_csv("funding"), community)
    inside = (money["received_on"] >= EARLIER_FIRST) & (money["received_on"] <= EARLIER_LAST)
    return float(money.loc[inside, "amount_yuan"].astype(float).sum())


def facility_completeness(community: str | None) -> float:
    """Required kinds in use on the last day (a kind once per community) ÷ required kinds of
    every chosen community."""
    kinds = _csv("facility_kinds")
    required = set(kinds.loc[kinds["required"] == "true", "code"])
    rooms = _chosen(_csv("facilities"), community)
    in_use = rooms[
        rooms["kind"].isin(required)
        & (rooms["status"] == "in_use")
        & ((rooms["in_use_since"] == "") | (rooms["in_use_since"] <= EARLIER_LAST))
    ]
    communities = 1 if community else len(_csv("communities"))
    done = in_use.groupby("community_code")["kind"].nunique().sum()
    return float(done) / (len(required) * communities)


EXPECTED = {
    "service_points": service_points,  # a stock of dated spells
    "dibao_persons": dibao_persons,  # a stock of months in force
    "tekun_households": tekun_households,
    "reemployed": reemployed,  # a flow
    "youth_informed": youth_informed,
    "volunteers": volunteers,  # a stock from a founding date
    "funding_raised": funding_raised,  # a flow of money
    "facility_completeness": facility_completeness,  # a ratio
}


def test_every_overview_card_is_checked_here():
    assert set(EXPECTED) == set(overview.CARDS)


@pytest.mark.parametrize("community", [None, OLD_TOWN, EAST], ids=["county", "old", "east"])
@pytest.mark.parametrize("key", overview.CARDS)
def test_a_cards_year_earlier_value_is_the_same_months_a_year_before(conn, key, community):
    f = Filters((community,) if community else (), (), SAMPLE_PERIOD.start, SAMPLE_PERIOD.end)
    s = metrics.snapshot(conn, key, f)
    assert s.last_year_filters is not None
    assert (s.last_year_filters.start, s.last_year_filters.end) == EARLIER
    assert s.last_year == pytest.approx(EXPECTED[key](community))


def test_the_year_before_is_believable_and_differs_from_the_sample_year(conn):
    """Fewer points, volunteers, placements and less money a year earlier; the east not yet in
    its bought office; every figure of the sample year as the document states it."""
    now = {k: metrics.snapshot(conn, k, SAMPLE_PERIOD) for k in overview.CARDS}
    assert now["service_points"].value == 138 and now["dibao_persons"].value == 1276
    assert now["reemployed"].value == 373 and now["youth_informed"].value == 530
    assert now["volunteers"].value == 170 and now["funding_raised"].value == 846_000
    for key in ("service_points", "volunteers", "reemployed", "youth_informed", "funding_raised"):
        assert 0 < now[key].last_year < now[key].value, key
    assert now["facility_completeness"].last_year < now["facility_completeness"].value == 1.0


def test_the_records_reach_two_work_years_and_the_app_opens_on_the_latest(conn):
    span = metrics.data_period(conn)
    assert span == ("2020-07", "2022-06")
    assert default_period(*span) == (SAMPLE_PERIOD.start, SAMPLE_PERIOD.end)


def test_the_overview_trend_shows_the_year_before_too(conn):
    shown = overview.trend_filters(conn, SAMPLE_PERIOD)
    assert (shown.start, shown.end) == ("2020-07", "2022-06")
    months = overview.trend(conn, SAMPLE_PERIOD, "dibao_persons")["month"].unique()
    assert len(months) == 24
