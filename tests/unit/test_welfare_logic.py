"""The rules of social assistance on hand-made households: benefit, eligibility, what-if, reviews."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from data_access.welfare.rules import (
    ReviewPolicy,
    Scenario,
    Standard,
    benefit_mismatch,
    change,
    is_eligible,
    is_review_due,
    monthly_benefit,
    review_cutoff,
    review_interval_months,
    round_yuan,
    scenario,
    shift_months,
    standard_in_force,
    what_if_bounds,
)

# ------------------------------------------------------------------------------ benefit and eligibility


@pytest.mark.parametrize(
    ("members", "income", "standard", "minimum", "benefit"),
    [
        (3, 400, 700, 60, 900),  # (700 − 400) × 3
        (1, 0, 700, 60, 700),  # no income: the whole standard
        (2, 680, 700, 60, 120),  # gap 20 < minimum 60: 60 × 2
        (2, 680, 700, None, 40),  # no minimum set: the plain gap
        (4, 699.5, 700, 60, 240),  # just below the standard still qualifies, at the minimum
        (1, 700, 700, 60, 0),  # at the standard: not eligible, nothing
        (5, 820, 700, 60, 0),  # above the standard: nothing, the minimum does not apply
        (1, 260, 910, None, 650),  # 特困: 910 − 260
        (3, 333.3, 700, None, 1100),  # 366.7 × 3 = 1100.1 → 1100
    ],
)
def test_benefit_formula_on_hand_made_households(members, income, standard, minimum, benefit):
    assert monthly_benefit(members, income, standard, minimum) == benefit


def test_eligibility_is_income_strictly_below_the_standard():
    assert is_eligible(699.99, 700)
    assert not is_eligible(700, 700)
    assert not is_eligible(700.01, 700)
    assert is_eligible(0, 1)


def test_benefit_rounds_halves_up_to_the_yuan():
    # 1 member, 698.5 gap: Python's round() would give 698 (halves to even); payment sheets say 699.
    assert monthly_benefit(1, 1.5, 700) == 699
    assert round_yuan(2.5) == 3 and round_yuan(3.5) == 4 and round_yuan(2.49) == 2


def test_a_household_has_at_least_one_member():
    with pytest.raises(ValueError):
        monthly_benefit(0, 100, 700)


@given(
    members=st.integers(1, 8),
    income=st.integers(0, 2000).map(lambda v: v / 2),
    standard=st.integers(1, 1500),
    raise_by=st.integers(0, 300),
    minimum=st.one_of(st.none(), st.integers(1, 100)),
)
def test_a_higher_standard_never_lowers_a_benefit(members, income, standard, raise_by, minimum):
    low = monthly_benefit(members, income, standard, minimum)
    high = monthly_benefit(members, income, standard + raise_by, minimum)
    assert high >= low >= 0
    if is_eligible(income, standard) and minimum is not None:
        assert low >= round_yuan(minimum * members)


def test_mismatch_is_beyond_the_tolerance_only():
    assert not benefit_mismatch(905, 900, 10)
    assert not benefit_mismatch(890, 900, 10)
    assert benefit_mismatch(889, 900, 10)
    assert benefit_mismatch(1000, 900, 10)


# ------------------------------------------------------------------------------ standards


STANDARDS = (
    Standard("dibao", 650, 50, dt.date(2021, 1, 1)),
    Standard("dibao", 700, 60, dt.date(2022, 1, 1)),
    Standard("tekun", 845, None, dt.date(2021, 1, 1)),
    Standard("dibao", 760, 60, dt.date(2023, 3, 15)),  # mid-month: applies from April
)


@pytest.mark.parametrize(
    ("category", "month", "expected"),
    [
        ("dibao", "2020-12", None),
        ("dibao", "2021-01", 650),
        ("dibao", "2021-12", 650),
        ("dibao", "2022-01", 700),
        ("dibao", "2023-03", 700),
        ("dibao", "2023-04", 760),
        ("tekun", "2022-06", 845),
    ],
)
def test_standard_in_force_for_a_month(category, month, expected):
    found = standard_in_force(STANDARDS, category, month)
    assert (found.yuan_per_person_month if found else None) == expected


# ------------------------------------------------------------------------------ the what-if

# (per-capita income, members, households) groups of a small roster
GROUPS = [(400, 3, 2), (680, 1, 1), (720, 2, 1), (0, 1, 3)]


def test_scenario_applies_the_formula_to_every_group():
    s = scenario(GROUPS, 700, 60)
    # 2 × 900 + 1 × 60 + (720 ≥ 700: not eligible) + 3 × 700
    assert (s.households, s.persons, s.monthly_budget) == (6, 10, 3960)
    assert s.yearly_budget == 12 * 3960


def test_raising_the_standard_brings_in_households_and_money():
    today, raised = scenario(GROUPS, 700, 60), scenario(GROUPS, 750, 60)
    # 720 now qualifies: (750 − 720 = 30 < 60) → 60 × 2; the others gain 50 per person, the
    # 680 household moves from the 60 minimum to a 70 gap.
    assert raised.households == 7 and raised.persons == 12
    assert raised.monthly_budget == 2 * 1050 + 70 + 120 + 3 * 750
    delta = change(raised, today)
    assert (delta.households, delta.persons) == (1, 2)
    assert delta.monthly_budget == raised.monthly_budget - today.monthly_budget
    assert delta.yearly_budget == 12 * delta.monthly_budget


def test_scenario_of_an_empty_roster_is_zero():
    assert scenario([], 700, 60) == Scenario(700, 60, 0, 0, 0)


@pytest.mark.parametrize(
    ("current", "bounds"),
    [(700, (500, 1000, 10)), (845, (645, 1145, 5)), (151, (1, 451, 1)), (120, (10, 420, 10))],
)
def test_what_if_bounds_put_today_on_the_slider(current, bounds):
    low, high, step = what_if_bounds(current)
    assert (low, high, step) == bounds
    assert (current - low) % step == 0 and low <= current <= high


# ------------------------------------------------------------------------------ reviews


def test_review_interval_depends_on_income_and_work_capacity():
    assert review_interval_months(True, 0) == 12
    assert review_interval_months(True, 2) == 12  # stable income: yearly even with workers
    assert review_interval_months(False, 0) == 12  # unstable, nobody can work: yearly
    assert review_interval_months(False, 1) == 6
    policy = ReviewPolicy(stable_months=6, unstable_months=3)
    assert review_interval_months(True, 0, policy) == 6
    assert review_interval_months(False, 1, policy) == 3


def test_shift_months_clamps_to_the_end_of_the_month():
    assert shift_months(dt.date(2022, 8, 31), -6) == dt.date(2022, 2, 28)
    assert shift_months(dt.date(2024, 2, 29), 12) == dt.date(2025, 2, 28)
    assert shift_months(dt.date(2022, 1, 15), -1) == dt.date(2021, 12, 15)
    assert review_cutoff(dt.date(2022, 6, 30), 12) == dt.date(2021, 6, 30)


@pytest.mark.parametrize(
    ("last", "stable", "workers", "due"),
    [
        (dt.date(2021, 6, 30), True, 0, True),  # exactly a year before: due
        (dt.date(2021, 7, 1), True, 0, False),
        (dt.date(2021, 12, 30), False, 1, True),  # six months for unstable income with a worker
        (dt.date(2021, 12, 31), False, 1, False),
        (dt.date(2021, 12, 30), False, 0, False),  # nobody can work: yearly
        (None, True, 0, True),  # never reviewed
    ],
)
def test_review_due_at_the_end_of_june_2022(last, stable, workers, due):
    assert is_review_due(last, stable, workers, dt.date(2022, 6, 30)) is due


def test_review_policy_rejects_nonsense_intervals():
    with pytest.raises(ValueError):
        ReviewPolicy(stable_months=0)
    with pytest.raises(ValueError):
        ReviewPolicy(unstable_months=60)
