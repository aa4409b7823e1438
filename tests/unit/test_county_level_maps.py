"""The figures the county-level maps shade communities by are the pages' own figures, per
community: they add up to the area's figure and agree with it for each community alone."""

from __future__ import annotations

from data_access.community_life import queries as cl
from data_access.filters import Filters
from tests.conftest import EAST

PERIOD = Filters(start="2021-07", end="2022-06")


def test_elderly_reach_by_community_adds_up_to_the_area_and_each_community(conn):
    by_community = cl.elderly_reach_by_community(conn, PERIOD)
    whole = cl.elderly_reach(conn, PERIOD)
    for column in ("residents_60_plus", "covered_60_plus", "compounds", "covered_compounds"):
        assert by_community[column].sum() == whole[column]
    east = by_community.set_index("community_code").loc[EAST]
    alone = cl.elderly_reach(conn, Filters((EAST,), start="2021-07", end="2022-06"))
    assert east["covered_60_plus"] == alone["covered_60_plus"] > 0
    assert east["residents_60_plus"] == alone["residents_60_plus"]


def test_the_sample_county_is_drawn_in_detail_and_a_city_is_not():
    import pandas as pd

    from components.service_points.county_map import DETAIL_MAX, detailed

    rows = pd.DataFrame({"id": range(DETAIL_MAX)})
    assert detailed(rows.iloc[:138], rows.iloc[:66])
    assert detailed(rows.iloc[: DETAIL_MAX - 10], rows.iloc[:10])
    assert not detailed(rows, rows.iloc[:1])
