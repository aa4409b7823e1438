"""Metric declarations and what is derived from them: every level agrees with every other."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from data_access import metrics, overview
from data_access.db import create_schema
from data_access.employment.metrics import in_group
from data_access.engine import base as engine_base
from data_access.engine.base import Count, Flow, Metric, Source, Stock, register
from data_access.filters import Filters, months_between
from data_access.models import Jobseeker
from data_access.text import STRINGS
from data_access.text.numbers import UNITS
from tests import welfare_expected
from tests.conftest import EAST, OLD_TOWN, SAMPLE_PERIOD, sample_rows

MONTHS = months_between("2021-07", "2022-06")
EAST_GRIDS = tuple(f"{EAST}00{i}" for i in range(1, 7))
OLD_GRIDS = tuple(f"{OLD_TOWN}00{i}" for i in range(1, 9))
ADDITIVE = [m.key for m in metrics.all_metrics() if m.is_additive]
GRID_LEVEL_ADDITIVE = [k for k in ADDITIVE if metrics.grid_level(k)]


def test_every_metric_has_label_help_and_a_known_unit():
    for m in metrics.all_metrics():
        assert f"metric.{m.key}.label" in STRINGS, m.key
        assert f"metric.{m.key}.help" in STRINGS, m.key
        assert m.unit in UNITS, m.key


def test_overview_cards_are_registered():
    for key in overview.CARDS:
        metrics.get(key)


def test_a_metric_is_declared_once_and_a_ratio_needs_its_parts():
    with pytest.raises(ValueError, match="defined twice"):
        register(metrics.get("reemployed"))
    with pytest.raises(ValueError, match="register"):
        register(Metric(key="t_ratio", unit="share", ratio=("no_such", "households")))
    with pytest.raises(ValueError, match="source"):
        Metric(key="t_empty", unit="persons")


def test_parameters_are_checked(conn):
    with pytest.raises(ValueError):
        metrics.value(conn, "dibao_review_due", SAMPLE_PERIOD, stable_months=0)
    with pytest.raises(ValueError):
        metrics.value(conn, "reemployed", SAMPLE_PERIOD, stable_months=12)
    default = metrics.value(conn, "dibao_review_due", SAMPLE_PERIOD)
    explicit = metrics.value(
        conn, "dibao_review_due", SAMPLE_PERIOD, stable_months=12, unstable_months=6
    )
    assert default == explicit == welfare_expected.reviews_due(12, 6)
    assert metrics.value(conn, "dibao_review_due", SAMPLE_PERIOD, stable_months=6) > default


def test_metrics_on_an_empty_database_are_zero_or_none(empty_engine):
    create_schema(empty_engine)
    with empty_engine.connect() as conn:
        for m in metrics.all_metrics():
            value = metrics.value(conn, m.key, SAMPLE_PERIOD)
            assert value in (0, None), (m.key, value)
            assert metrics.snapshot(conn, m.key, SAMPLE_PERIOD).status is None


# ------------------------------------------------------------------------------ levels agree


@pytest.mark.parametrize("key", ADDITIVE)
def test_total_is_the_sum_of_communities(conn, key):
    f = SAMPLE_PERIOD
    assert metrics.by_community(conn, key, f).sum() == pytest.approx(metrics.value(conn, key, f))


@pytest.mark.parametrize("key", GRID_LEVEL_ADDITIVE)
def test_grids_add_up_to_the_community_for_grid_level_metrics(conn, key):
    f = Filters((EAST,), (), SAMPLE_PERIOD.start, SAMPLE_PERIOD.end)
    assert metrics.by_grid(conn, key, f).sum() == pytest.approx(metrics.value(conn, key, f))
    one = Filters((), (EAST_GRIDS[0],), SAMPLE_PERIOD.start, SAMPLE_PERIOD.end)
    assert metrics.value(conn, key, one) == pytest.approx(
        metrics.by_grid(conn, key, f)[EAST_GRIDS[0]]
    )


def test_community_level_metrics_have_no_grid_breakdown(conn):
    with pytest.raises(ValueError, match="no grid"):
        metrics.by_grid(conn, "volunteers", SAMPLE_PERIOD)


@pytest.mark.parametrize(
    "key", [m.key for m in metrics.all_metrics() if m.kind in ("stock", "latest")]
)
def test_a_stock_by_month_ends_at_the_period_value(conn, key):
    series = metrics.monthly(conn, key, SAMPLE_PERIOD)
    for month in ("2021-09", SAMPLE_PERIOD.end):
        shown = series[series["month"] == month].set_index("community_code")["value"]
        at = metrics.by_community(conn, key, SAMPLE_PERIOD.with_period(month, month))
        assert shown.to_dict() == pytest.approx(at.to_dict()), month


@pytest.mark.parametrize(
    "key",
    [
        m.key
        for m in metrics.all_metrics()
        if m.kind == "flow" and not m.time.last_month_only and m.is_additive
    ],
)
def test_a_flow_by_month_adds_up_to_the_period_value(conn, key):
    series = metrics.monthly(conn, key, SAMPLE_PERIOD)
    assert series["value"].sum() == pytest.approx(metrics.value(conn, key, SAMPLE_PERIOD))


def test_money_paid_in_the_last_month_is_that_months_flow(conn):
    series = metrics.monthly(conn, "dibao_paid_month", SAMPLE_PERIOD)
    june = series[series["month"] == "2022-06"]["value"].sum()
    assert june == pytest.approx(metrics.value(conn, "dibao_paid_month", SAMPLE_PERIOD))


@pytest.mark.parametrize("key", [m.key for m in metrics.all_metrics() if m.is_ratio])
def test_a_ratio_is_sum_over_sum_at_every_level(conn, key):
    m = metrics.get(key)
    num, den = m.ratio
    f = SAMPLE_PERIOD
    total_den = metrics.value(conn, den, f)
    expected = metrics.value(conn, num, f) / total_den * m.scale if total_den else None
    assert metrics.value(conn, key, f) == pytest.approx(expected)
    per = metrics.by_community(conn, key, f)
    nums, dens = metrics.by_community(conn, num, f), metrics.by_community(conn, den, f)
    for code in per.index:
        if dens[code]:
            assert per[code] == pytest.approx(nums[code] / dens[code] * m.scale)


def test_completeness_reads_each_month_as_it_was(conn):
    series = metrics.monthly(conn, "facility_completeness", SAMPLE_PERIOD)
    east = series[series["community_code"] == EAST].set_index("month")["value"]
    # Before the move into the bought office: the police room and the three stations only.
    assert east["2021-07"] == pytest.approx(0.4)
    assert east["2021-12"] == pytest.approx(0.8)  # office, library, recreation and party rooms
    assert east["2022-05"] == pytest.approx(1.0)


communities_st = st.sets(st.sampled_from([OLD_TOWN, EAST]), max_size=2)
period_st = st.tuples(st.sampled_from(MONTHS), st.sampled_from(MONTHS)).map(sorted)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(key=st.sampled_from(ADDITIVE), period=period_st)
def test_additive_metrics_add_over_disjoint_communities(conn, key, period):
    start, end = period
    both = metrics.value(conn, key, Filters((OLD_TOWN, EAST), (), start, end))
    old = metrics.value(conn, key, Filters((OLD_TOWN,), (), start, end))
    east = metrics.value(conn, key, Filters((EAST,), (), start, end))
    assert both == pytest.approx(old + east)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    key=st.sampled_from(GRID_LEVEL_ADDITIVE),
    grids=st.sets(st.sampled_from(EAST_GRIDS + OLD_GRIDS), min_size=1, max_size=4),
    period=period_st,
)
def test_grid_selections_add_up(conn, key, grids, period):
    start, end = period
    chosen = metrics.value(conn, key, Filters((), tuple(grids), start, end))
    parts = sum(metrics.value(conn, key, Filters((), (g,), start, end)) for g in grids)
    assert chosen == pytest.approx(parts)


def test_adding_a_figure_is_one_declaration(conn):
    """The example the architecture notes give: disabled persons placed, as a flow."""
    key = "t_placed_disabled"
    request_cleanup = engine_base._REGISTRY  # the registry is global: take the example out again
    register(
        Metric(
            key=key,
            unit="persons",
            source=Source(Jobseeker, where=lambda c, ctx: [in_group(c.person_no, "disabled")]),
            value=Count(),
            time=Flow("placed_on"),
        )
    )
    try:
        f = SAMPLE_PERIOD
        total = metrics.value(conn, key, f)
        assert total > 0
        assert metrics.by_community(conn, key, f).sum() == total
        assert metrics.monthly(conn, key, f)["value"].sum() == total
    finally:
        request_cleanup.pop(key)


# ------------------------------------------------------------------------------ targets and snapshots


def target_in_csv(key: str, community: str = "") -> float:
    """The sample's target (targets.csv; the targets are assumptions of the sample)."""
    rows = [
        r
        for r in sample_rows("targets")
        if (r["metric_key"], r["community_code"]) == (key, community)
    ]
    assert len(rows) == 1
    return float(rows[0]["value"])


@pytest.mark.parametrize(
    ("communities", "grids", "community_target"),
    [
        ((), (), ""),  # the county's own target
        ((OLD_TOWN, EAST), (), ""),  # every community = the county
        ((EAST,), (), EAST),  # a community's own target
        ((EAST,), (f"{EAST}001",), None),  # targets are not set per grid
    ],
)
def test_target_for_the_chosen_area(conn, communities, grids, community_target):
    f = Filters(communities, grids, SAMPLE_PERIOD.start, SAMPLE_PERIOD.end)
    goal = metrics.target(conn, "reemployed", f)
    expected = None if community_target is None else target_in_csv("reemployed", community_target)
    assert (goal.value if goal else None) == expected


def test_target_applies_to_a_period_inside_its_months(conn):
    goal = metrics.target(conn, "reemployed", Filters(start="2021-07", end="2021-12"))
    assert goal.value == target_in_csv("reemployed")
    assert metrics.target(conn, "reemployed", Filters(start="2020-01", end="2020-12")) is None


def test_ratio_target_of_several_communities_without_their_own_is_none(conn):
    f = Filters((EAST,), (), SAMPLE_PERIOD.start, SAMPLE_PERIOD.end)
    assert metrics.target(conn, "facility_completeness", f) is None


def test_snapshot_of_the_full_year(conn):
    s = metrics.snapshot(conn, "reemployed", SAMPLE_PERIOD)
    goal = target_in_csv("reemployed")
    assert (s.value, s.target.value, s.expected) == (373, goal, 1.0)
    assert s.progress == pytest.approx(373 / goal)
    assert s.status == "green"  # the county met its target
    # The records reach back one year (2020-07): the previous twelve months are the year before.
    year_before = Filters((), (), "2020-07", "2021-06")
    assert s.previous_filters == s.last_year_filters == year_before
    assert s.previous == s.last_year == metrics.value(conn, "reemployed", year_before)
    assert s.change == 373 - s.previous


def test_a_period_before_the_records_has_no_previous_or_year_earlier_value(conn):
    s = metrics.snapshot(conn, "reemployed", Filters((), (), "2020-07", "2021-06"))
    assert s.value is not None
    assert s.previous is None and s.change is None and s.previous_filters is None
    assert s.last_year is None and s.last_year_filters is None


@pytest.mark.parametrize(
    ("key", "status"),
    [("reemployed", "amber"), ("volunteers", "red"), ("youth_informed", "green")],
)
def test_one_community_lags_so_the_colours_mean_something(conn, key, status):
    """The east community is slightly behind on re-employment (90–100% of its target with the
    year gone) and clearly behind on volunteers (below 90%); most targets are met."""
    east = Filters((EAST,), (), SAMPLE_PERIOD.start, SAMPLE_PERIOD.end)
    s = metrics.snapshot(conn, key, east)
    assert s.progress == pytest.approx(s.value / target_in_csv(key, EAST))
    assert s.status == status


def test_a_quarter_is_judged_year_to_date_against_the_time_elapsed(conn):
    q = Filters((), (), "2022-01", "2022-03")
    s = metrics.snapshot(conn, "reemployed", q)
    year_to_date = metrics.value(conn, "reemployed", Filters((), (), "2021-07", "2022-03"))
    assert s.value == metrics.value(conn, "reemployed", q)
    assert s.toward_target == year_to_date
    assert s.expected == pytest.approx(9 / 12)
    assert s.progress == pytest.approx(year_to_date / target_in_csv("reemployed"))
    assert s.previous == metrics.value(conn, "reemployed", Filters((), (), "2021-10", "2021-12"))
    assert s.change == s.value - s.previous


def test_a_stock_target_is_read_at_the_periods_end(conn):
    s = metrics.snapshot(conn, "service_points", Filters((), (), "2022-01", "2022-03"))
    assert s.toward_target == s.value
    assert s.expected == pytest.approx(9 / 12)


def test_a_small_count_below_community_level_is_suppressed_in_the_snapshot(conn):
    in_force = [h["grid_code"] for h in welfare_expected.households("tekun")]
    small = sorted(g for g in set(in_force) if in_force.count(g) in (1, 2))
    assert small, "the sample has a grid with one or two 特困 households"
    f = Filters((), (small[0],), SAMPLE_PERIOD.start, SAMPLE_PERIOD.end)
    assert metrics.value(conn, "tekun_households", f) == in_force.count(small[0])
    s = metrics.snapshot(conn, "tekun_households", f)
    assert s.suppressed and s.value is None and s.change is None and s.status is None
    whole = metrics.snapshot(conn, "tekun_households", Filters((EAST,), (), "2021-07", "2022-06"))
    assert not whole.suppressed and whole.value == 20


@pytest.mark.parametrize(
    ("progress", "expected", "higher", "status"),
    [
        (1.06, 1.0, True, "green"),
        (0.93, 1.0, True, "amber"),
        (0.89, 1.0, True, "red"),
        (0.70, 0.75, True, "amber"),
        (0.75, 0.75, True, "green"),
        (0.5, 0.0, True, "green"),
        (0.9, 1.0, False, "green"),
        (1.05, 1.0, False, "amber"),
        (1.2, 1.0, False, "red"),
        (None, 1.0, True, None),
    ],
)
def test_status_rule(progress, expected, higher, status):
    from data_access.engine.snapshot import status_for

    assert status_for(progress, expected, higher) == status


@given(
    progress=st.floats(0, 3, allow_nan=False),
    expected=st.floats(0.01, 1, allow_nan=False),
)
def test_status_never_improves_as_progress_falls(progress, expected):
    from data_access.engine.snapshot import status_for

    rank = {"green": 2, "amber": 1, "red": 0}
    assert (
        rank[status_for(progress, expected, True)]
        >= rank[status_for(progress * 0.9, expected, True)]
    )
    assert (
        rank[status_for(progress, expected, False)]
        <= rank[status_for(progress * 0.9, expected, False)]
    )


def test_stock_time_rules_are_declared():
    assert isinstance(metrics.get("service_points").time, Stock)
    assert isinstance(metrics.get("reemployed").time, Flow)
