"""The employment page's rules on hand-made people: 4050, six months, 30 days, the funnel, pace."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from data_access.employment import rules as logic
from data_access.filters import add_months, months_between

D = dt.date


# ------------------------------------------------------------------------------ 4050


@pytest.mark.parametrize(
    ("gender", "birth", "on", "expected"),
    [
        ("F", D(1982, 6, 30), D(2022, 6, 30), True),  # 40 on the day
        ("F", D(1982, 7, 1), D(2022, 6, 30), False),  # 40 the next day
        ("M", D(1972, 6, 30), D(2022, 6, 30), True),  # 50 on the day
        ("M", D(1972, 7, 1), D(2022, 6, 30), False),
        ("M", D(1977, 1, 1), D(2022, 6, 30), False),  # a man of 45 is not 4050
        ("F", D(1977, 1, 1), D(2022, 6, 30), True),  # a woman of 45 is
        ("F", D(1984, 2, 29), D(2024, 2, 29), True),  # leap-day birthday
        ("F", D(1984, 2, 29), D(2024, 2, 28), False),
    ],
)
def test_4050_is_women_40_and_men_50_at_the_as_of_date(gender, birth, on, expected):
    assert logic.is_4050(gender, birth, on) is expected


@given(
    st.sampled_from(["F", "M"]),
    st.dates(D(1950, 1, 1), D(2005, 12, 31)),
    st.dates(D(2020, 1, 1), D(2024, 12, 31)),
)
def test_4050_sql_twin_agrees(gender, birth, on):
    """The metric's SQL clause and the Python rule decide alike (evaluated in SQLite)."""
    import sqlalchemy as sa

    gender_col = sa.literal(gender)
    birth_col = sa.literal(birth, sa.Date)
    clause = logic.is_4050_clause(gender_col, birth_col, on)
    with sa.create_engine("sqlite://").connect() as conn:
        got = bool(conn.execute(sa.select(sa.case((clause, 1), else_=0))).scalar())
    assert got == logic.is_4050(gender, birth, on)


# ------------------------------------------------------------------------------ six months, 30 days


def test_six_month_rule_counts_only_people_still_waiting_after_six_months():
    as_of = D(2022, 6, 30)
    assert logic.long_cutoff(as_of) == D(2021, 12, 30)
    assert logic.is_long_unemployed(D(2021, 12, 29), None, as_of)  # six months and a day
    assert not logic.is_long_unemployed(D(2021, 12, 30), None, as_of)  # exactly six months
    assert not logic.is_long_unemployed(D(2021, 1, 1), D(2022, 3, 1), as_of)  # placed
    assert logic.is_long_unemployed(D(2021, 1, 1), D(2022, 7, 1), as_of)  # placed after as-of
    assert not logic.is_long_unemployed(D(2022, 7, 1), None, as_of)  # not registered yet
    # Month ends are clipped: six months before 31 August is 29 February in a leap year.
    assert logic.long_cutoff(D(2024, 8, 31)) == D(2024, 2, 29)


@pytest.mark.parametrize(
    ("identified", "cleared", "as_of", "status"),
    [
        (D(2022, 1, 1), D(2022, 1, 31), D(2022, 6, 30), "in_time"),  # day 30
        (D(2022, 1, 1), D(2022, 2, 1), D(2022, 6, 30), "late"),  # day 31
        (D(2022, 6, 1), None, D(2022, 6, 30), "open"),  # day 29, not due
        (D(2022, 5, 1), None, D(2022, 6, 30), "overdue"),
        (D(2022, 5, 20), D(2022, 7, 2), D(2022, 6, 30), "overdue"),  # cleared after as-of
        (D(2022, 6, 20), D(2022, 7, 2), D(2022, 6, 30), "open"),
    ],
)
def test_thirty_day_clearing_rule(identified, cleared, as_of, status):
    assert logic.clearing_status(identified, cleared, as_of) == status


# ------------------------------------------------------------------------------ funnel


def test_furthest_step_and_funnel_counts_on_hand_made_people():
    as_of = D(2022, 6, 30)
    people = [
        (None, None, None),  # registered only
        (D(2022, 1, 1), None, None),  # trained
        (None, D(2022, 2, 1), None),  # informed without training
        (D(2022, 1, 1), D(2022, 2, 1), D(2022, 3, 1)),  # placed
        (None, None, D(2022, 4, 1)),  # placed directly
        (D(2022, 1, 1), None, D(2022, 8, 1)),  # placed after the as-of date: trained
    ]
    steps = [logic.furthest_step(*p, as_of) for p in people]
    assert steps == ["registered", "trained", "informed", "placed", "placed", "trained"]
    counts = {s: steps.count(s) for s in set(steps)}
    funnel = logic.funnel_counts(counts)
    assert funnel == {"registered": 6, "trained": 5, "informed": 3, "placed": 2}
    lost = logic.step_losses(funnel)
    assert lost["trained"] == pytest.approx(1 / 6)
    assert lost["informed"] == pytest.approx(2 / 5)
    assert lost["placed"] == pytest.approx(1 / 3)
    assert logic.step_losses(logic.funnel_counts({}))["placed"] is None


@given(st.dictionaries(st.sampled_from(logic.STEPS), st.integers(0, 500)))
def test_funnel_never_grows_and_starts_with_everyone(counts):
    funnel = logic.funnel_counts(counts)
    values = [funnel[s] for s in logic.STEPS]
    assert values == sorted(values, reverse=True)
    assert funnel["registered"] == sum(counts.values())
    assert funnel["placed"] == counts.get("placed", 0)


# ------------------------------------------------------------------------------ pace


YEAR = ("2021-07", "2022-06")


def test_pace_when_the_target_is_already_met():
    monthly = {m: 40 for m in months_between(*YEAR)}
    p = logic.pace(100, monthly, *YEAR, "2021-12")
    assert p.met and p.needed == 0
    assert p.reach_month == "2021-09"  # 40, 80, 120
    assert p.done == 240 and p.months_done == 6 and p.months_left == 6
    assert p.reach_in_year


def test_pace_with_no_placement_yet():
    p = logic.pace(120, {}, *YEAR, "2021-09")
    assert not p.met and p.done == 0 and p.pace_so_far == 0
    assert p.months_left == 9
    assert p.needed == pytest.approx(120 / 9)
    assert p.reach_month is None and not p.reach_in_year


def test_pace_for_a_period_ending_mid_year():
    monthly = {"2021-07": 10, "2021-08": 20, "2021-09": 30, "2022-01": 999}
    p = logic.pace(300, monthly, *YEAR, "2021-09")
    assert p.done == 60  # January is after the as-of month: not counted
    assert p.pace_so_far == pytest.approx(20)
    assert p.needed == pytest.approx(240 / 9)
    # 240 left at 20 a month: 12 more months, after the year ends.
    assert p.reach_month == "2022-09" and not p.reach_in_year


def test_pace_at_the_years_end_without_the_target():
    monthly = {m: 10 for m in months_between(*YEAR)}
    p = logic.pace(150, monthly, *YEAR, "2022-06")
    assert p.months_left == 0 and p.needed is None and not p.met
    assert p.reach_month == "2022-09"


@given(
    st.integers(1, 2000),
    st.lists(st.integers(0, 80), min_size=12, max_size=12),
    st.integers(0, 11),
)
def test_pace_reach_month_is_consistent(target, counts, upto):
    months = months_between(*YEAR)
    monthly = dict(zip(months, counts, strict=True))
    as_of = months[upto]
    p = logic.pace(target, monthly, *YEAR, as_of)
    assert p.done == sum(counts[: upto + 1])
    assert p.months_done + p.months_left == 12
    if p.met:
        assert p.reach_month <= as_of
        assert sum(counts[: months.index(p.reach_month) + 1]) >= target
    elif p.pace_so_far > 0:
        ahead = len(months_between(add_months(as_of, 1), p.reach_month))
        assert p.done + ahead * p.pace_so_far >= target - 1e-6
        assert p.done + (ahead - 1) * p.pace_so_far < target
    if not p.met and p.months_left:
        assert p.needed * p.months_left == pytest.approx(target - p.done)
