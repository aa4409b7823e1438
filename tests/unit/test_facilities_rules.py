"""The rules of the 设施建设 page on hand-made facilities and projects (no database):
completeness, a cell's status at a date, a project's phase at a date and its days late."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from data_access import vocab
from data_access.facilities import rules as logic

D = dt.date
KINDS = ["office", "library", "dibao_station", "outdoor_fitness"]


def project(**dates) -> dict:
    base = {
        "phase": "design",
        "design_ended_on": None,
        "demolition_ended_on": None,
        "construction_started_on": None,
        "construction_ended_on": None,
        "in_use_since": None,
    }
    return {**base, **dates}


def by_phase(rows) -> dict[str, logic.PhaseRow]:
    return {r.phase: r for r in rows}


# ------------------------------------------------------------------------------ completeness


def test_completeness_counts_required_kinds_in_use_only():
    cells = {"office": "in_use", "library": "planned", "dibao_station": "under_construction"}
    assert logic.completeness(cells, KINDS) == 0.25  # outdoor_fitness missing altogether
    cells = dict.fromkeys(KINDS, "in_use")
    assert logic.completeness(cells, KINDS) == 1.0
    assert logic.completeness({"extra": "in_use"}, KINDS) == 0.0  # a kind not required adds nothing
    assert logic.completeness({}, []) is None


def test_several_rooms_of_one_kind_count_once_by_the_best():
    assert logic.best_status(["missing", "in_use", "planned"]) == "in_use"
    assert logic.best_status(["planned", "under_construction"]) == "under_construction"
    assert logic.best_status([]) == "missing"


def test_a_room_in_use_only_after_the_period_was_missing_then():
    assert logic.status_at("in_use", D(2022, 5, 18), D(2021, 12, 31)) == "missing"
    assert logic.status_at("in_use", D(2022, 5, 18), D(2022, 6, 30)) == "in_use"
    assert logic.status_at("in_use", None, D(2000, 1, 31)) == "in_use"  # no date: long in use
    assert logic.status_at("planned", D(2022, 5, 18), D(2021, 1, 31)) == "planned"


@given(st.dictionaries(st.sampled_from(KINDS), st.sampled_from(vocab.FACILITY_STATUSES)))
def test_completeness_is_the_share_in_use(cells):
    share = logic.completeness(cells, KINDS)
    assert 0 <= share <= 1
    assert share * len(KINDS) == sum(1 for s in cells.values() if s == "in_use")


# ------------------------------------------------------------------------------ phases and delays


OLD_OFFICE = project(
    phase="construction", design_ended_on=D(2022, 3, 25), demolition_ended_on=D(2022, 6, 15)
)
OLD_PLAN = {
    "design": (D(2021, 10, 1), D(2022, 2, 28)),
    "demolition": (D(2022, 3, 1), D(2022, 5, 31)),
    "construction": (D(2022, 7, 1), D(2023, 6, 30)),
}


def test_late_phases_count_days_past_their_planned_end():
    rows = by_phase(logic.phases(OLD_OFFICE, OLD_PLAN, D(2022, 6, 30)))
    assert rows["design"].late_days == 25
    assert rows["demolition"].late_days == 15
    assert rows["construction"].state == "current" and rows["construction"].actual_start is None
    assert rows["construction"].late_days == 0  # not due yet
    assert rows["completed"].late_days is None and rows["completed"].state == "not_started"


def test_a_phase_with_no_planned_date_is_not_judged():
    plan = {"design": (None, None), "demolition": (D(2022, 3, 1), None)}
    rows = by_phase(logic.phases(OLD_OFFICE, plan, D(2022, 6, 30)))
    assert rows["design"].late_days is None
    assert rows["demolition"].late_days is None
    assert rows["construction"].late_days is None  # no plan row at all


def test_a_running_phase_past_its_planned_end_is_late_by_the_period_end():
    rows = by_phase(logic.phases(OLD_OFFICE, OLD_PLAN, D(2023, 8, 31)))
    assert rows["construction"].state == "current"
    assert rows["construction"].late_days == (D(2023, 8, 31) - D(2023, 6, 30)).days


def test_a_project_finished_early_has_negative_delays():
    centre = project(
        phase="in_use",
        construction_started_on=D(2022, 3, 1),
        construction_ended_on=D(2022, 5, 10),
        in_use_since=D(2022, 5, 18),
    )
    plan = {
        "construction": (D(2022, 3, 1), D(2022, 5, 31)),
        "completed": (D(2022, 6, 1), D(2022, 6, 15)),
        "in_use": (D(2022, 6, 15), None),
    }
    rows = by_phase(logic.phases(centre, plan, D(2022, 6, 30)))
    assert rows["construction"].late_days == -21
    assert rows["completed"].late_days == -28
    assert rows["in_use"].state == "current" and rows["in_use"].late_days is None
    assert all((r.late_days or 0) <= 0 for r in rows.values())


def test_the_phase_at_a_past_date_is_read_from_the_dates():
    assert logic.phase_at(OLD_OFFICE, OLD_PLAN, D(2021, 12, 31)) == "design"  # by the plan
    assert logic.phase_at(OLD_OFFICE, OLD_PLAN, D(2022, 4, 30)) == "demolition"
    assert logic.phase_at(OLD_OFFICE, OLD_PLAN, D(2022, 6, 30)) == "construction"
    assert logic.phase_at(OLD_OFFICE, {}, D(2021, 1, 31)) is None  # nothing begun, no plan
    assert logic.phase_at(OLD_OFFICE, OLD_PLAN, None) == "construction"  # today's record


@given(st.dates(D(2021, 1, 1), D(2024, 12, 31)))
def test_phase_states_run_done_then_current_then_not_started(as_of):
    states = [r.state for r in logic.phases(OLD_OFFICE, OLD_PLAN, as_of)]
    order = {"done": 0, "current": 1, "not_started": 2}
    assert [order[s] for s in states] == sorted(order[s] for s in states)
    assert states.count("current") <= 1
