"""Filters and month arithmetic: the contract every query relies on."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from data_access.filters import (
    Filters,
    add_months,
    default_period,
    is_month,
    month_end,
    month_of,
    month_start,
    months_between,
)

months = st.builds(lambda y, m: f"{y:04d}-{m:02d}", st.integers(1990, 2100), st.integers(1, 12))


@given(months, st.integers(-500, 500))
def test_add_months_round_trips(month, n):
    assert add_months(add_months(month, n), -n) == month
    assert is_month(add_months(month, n))


@given(months, months)
def test_months_between_is_inclusive_and_ordered(a, b):
    start, end = sorted((a, b))
    span = months_between(start, end)
    if len(span) > 400:
        return
    assert span[0] == start and span[-1] == end
    assert span == sorted(span) and len(set(span)) == len(span)
    assert all(add_months(x, 1) == y for x, y in zip(span, span[1:], strict=False))


@given(months)
def test_month_start_and_end_bracket_the_month(month):
    assert month_of(month_start(month)) == month == month_of(month_end(month))
    assert month_end(month).day in (28, 29, 30, 31)


@pytest.mark.parametrize("bad", ["2022-13", "2022-1", "22-01", "2022/01", "", "abcd-ef"])
def test_bad_months_are_refused(bad):
    assert not is_month(bad)
    with pytest.raises(ValueError):
        Filters(start=bad)


def test_start_after_end_is_refused():
    with pytest.raises(ValueError):
        Filters(start="2022-06", end="2022-01")


def test_equal_selections_are_equal_cache_keys():
    a = Filters(communities=("B", "A", "A"), grids=("g2", "g1"), start="2021-07", end="2022-06")
    b = Filters(communities=("A", "B"), grids=("g1", "g2"), start="2021-07", end="2022-06")
    assert a == b and hash(a) == hash(b)


def test_previous_period_has_the_same_length_and_ends_before():
    f = Filters(start="2022-01", end="2022-06")
    prev = f.previous_period()
    assert (prev.start, prev.end) == ("2021-07", "2021-12")
    assert Filters().previous_period() is None


def test_february_end_in_a_leap_year():
    assert month_end("2024-02").day == 29 and month_end("2023-02").day == 28


@given(months, st.integers(0, 60))
def test_the_default_period_is_the_latest_twelve_months_of_the_data(last, back):
    """The app opens on the latest work year, or on all of the data when it covers less."""
    first = add_months(last, -back)
    start, end = default_period(first, last)
    assert end == last and first <= start <= end
    assert len(months_between(start, end)) == min(12, back + 1)
