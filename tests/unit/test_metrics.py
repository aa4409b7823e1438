"""The KPI registry: complete definitions, sensible behaviour on empty data, target rules."""

from __future__ import annotations

import pytest

from data_access import metrics
from data_access.db import create_schema
from data_access.filters import Filters
from tests.conftest import EAST, OLD_TOWN, SAMPLE_PERIOD


def test_every_metric_is_fully_described():
    for m in metrics.all_metrics():
        assert m.label_zh and m.label_en and m.help_zh and m.help_en, m.key
        assert m.kind in ("stock", "flow", "ratio")
        assert (m.kind == "ratio") == (m.denominator is not None), m.key


def test_overview_cards_are_registered():
    for key in metrics.OVERVIEW_CARDS:
        metrics.get(key)


def test_metrics_on_an_empty_database_are_zero_or_none(empty_engine):
    create_schema(empty_engine)
    with empty_engine.connect() as conn:
        for m in metrics.all_metrics():
            value = metrics.value(conn, m.key, SAMPLE_PERIOD)
            assert value in (0, None), (m.key, value)


def test_formatting():
    assert metrics.get("dibao_persons").format(1276) == "1,276人"
    assert metrics.get("dibao_persons").format(1276, "en") == "1,276"
    assert metrics.get("funding_raised").format(846000, "en") == "¥846,000"
    assert metrics.get("facility_completeness").format(0.9) == "90.0%"
    assert metrics.get("service_points").format(None) == "—"


@pytest.mark.parametrize(
    ("communities", "grids", "expected"),
    [
        ((), (), 400),  # the county's own target
        ((OLD_TOWN, EAST), (), 400),  # every community = the county
        ((EAST,), (), 130),  # a community's own target
        ((EAST,), (f"{EAST}001",), None),  # targets are not set per grid
    ],
)
def test_target_for_the_chosen_area(conn, communities, grids, expected):
    f = Filters(communities, grids, SAMPLE_PERIOD.start, SAMPLE_PERIOD.end)
    goal = metrics.target(conn, "reemployed", f)
    assert (goal[0] if goal else None) == expected


def test_target_applies_to_a_period_inside_its_months(conn):
    assert metrics.target(conn, "reemployed", Filters(start="2021-07", end="2021-12"))[0] == 400
    assert metrics.target(conn, "reemployed", Filters(start="2020-01", end="2020-12")) is None


def test_ratio_target_of_several_communities_without_their_own_is_none(conn):
    f = Filters((EAST,), (), SAMPLE_PERIOD.start, SAMPLE_PERIOD.end)
    assert metrics.target(conn, "facility_completeness", f) is None


def test_monthly_stock_ends_at_the_period_value(conn):
    series = metrics.monthly(conn, "dibao_persons", SAMPLE_PERIOD)
    last = series[series["month"] == SAMPLE_PERIOD.end]["value"].sum()
    assert last == metrics.value(conn, "dibao_persons", SAMPLE_PERIOD)


def test_monthly_flow_adds_up_to_the_period_value(conn):
    for key in ("reemployed", "youth_informed", "volunteer_person_times", "funding_raised"):
        assert metrics.monthly(conn, key, SAMPLE_PERIOD)["value"].sum() == metrics.value(
            conn, key, SAMPLE_PERIOD
        )


def test_monthly_ratio_equals_the_metric_read_at_each_month(conn):
    series = metrics.monthly(conn, "facility_completeness", SAMPLE_PERIOD)
    for month in ("2021-07", "2021-12", "2022-05"):
        at_month = metrics.by_community(
            conn, "facility_completeness", SAMPLE_PERIOD.with_period(month, month)
        )
        shown = series[series["month"] == month].set_index("community_code")["value"]
        assert shown.to_dict() == at_month.to_dict()
