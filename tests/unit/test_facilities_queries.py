"""The 设施建设 queries on a hand-made county (a temp database per backend): the matrix and
completeness with missing, planned and late rooms; projects' phases and delays; money by source
and over the months; office space against the standard. And the sample county's figures, counted
here from the CSVs."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pandas as pd
import pytest
from sqlalchemy import insert

from data_access import metrics
from data_access.db import create_schema
from data_access.facilities import projects as facility_projects
from data_access.facilities import status as facility_status
from data_access.filters import Filters
from data_access.models import (
    Community,
    Facility,
    FacilityKind,
    Funding,
    Project,
    ProjectPhasePlan,
    Target,
)
from tests.conftest import EAST, OLD_TOWN, SAMPLE_PERIOD, sample_rows

D = dt.date
A, B = "100000000001", "100000000002"
PERIOD = Filters(start="2022-01", end="2022-06")


def full(model, rows: list[dict]) -> list[dict]:
    """Rows with every column of the table (None where not given), so one INSERT takes them all."""
    cols = [c.name for c in model.__table__.columns]
    return [{c: r.get(c) for c in cols} for r in rows]


@pytest.fixture
def hand(empty_engine):
    create_schema(empty_engine)
    with empty_engine.begin() as conn:
        conn.execute(
            insert(Community),
            full(
                Community,
                [
                    {
                        "code": A,
                        "name": "A",
                        "town": "T",
                        "households": 1000,
                        "population": 3000,
                        "lat": 30.0,
                        "lon": 120.0,
                    },
                    {
                        "code": B,
                        "name": "B",
                        "town": "T",
                        "households": 500,
                        "population": 1500,
                        "lat": 30.0,
                        "lon": 120.1,
                    },
                ],
            ),
        )
        conn.execute(
            insert(FacilityKind),
            full(
                FacilityKind,
                [
                    {
                        "code": c,
                        "name_zh": c,
                        "name_en": c,
                        "group_kind": g,
                        "required": r,
                        "sort_order": k,
                    }  # fmt: skip
                    for k, (c, g, r) in enumerate(
                        [
                            ("office", "room", True),
                            ("library", "room", True),
                            ("ground", "field", True),
                            ("spare", "other", False),
                        ]  # fmt: skip
                    )
                ],
            ),
        )
        rows = [
            # A: all three required kinds, one only in use from July (after the period).
            ("F1", A, "office", 100, "in_use", None),
            ("F2", A, "library", 40, "in_use", D(2022, 7, 1)),
            ("F3", A, "ground", 500, "in_use", D(2020, 1, 1)),
            ("F4", A, "spare", 60, "in_use", D(2020, 1, 1)),  # not required: no completeness
            # B: two offices (counted once), a planned library, no ground.
            ("F5", B, "office", 30, "in_use", D(2019, 1, 1)),
            ("F6", B, "office", 20, "in_use", D(2021, 1, 1)),
            ("F7", B, "library", 35, "planned", None),
        ]
        conn.execute(
            insert(Facility),
            full(
                Facility,
                [
                    {
                        "id": i,
                        "community_code": c,
                        "kind": k,
                        "area_m2": a,
                        "status": s,
                        "responsible_dept": "dept",
                        "in_use_since": since,
                        **({"lat": 30.0, "lon": 120.0} if i in ("F1", "F7") else {}),
                    }  # fmt: skip
                    for i, c, k, a, s, since in rows
                ],
            ),
        )
        conn.execute(
            insert(Project),
            full(
                Project,
                [
                    {
                        "id": "P1",
                        "community_code": A,
                        "name": "late",
                        "phase": "construction",
                        "design_ended_on": D(2022, 2, 10),
                        "demolition_ended_on": D(2022, 4, 1),
                        "budget_yuan": 500000,
                        "floor_area_m2": 400,
                    },
                    {
                        "id": "P2",
                        "community_code": B,
                        "name": "early",
                        "phase": "in_use",
                        "construction_started_on": D(2022, 1, 5),
                        "construction_ended_on": D(2022, 3, 1),
                        "in_use_since": D(2022, 3, 10),
                        "budget_yuan": 100000,
                    },
                ],
            ),  # fmt: skip
        )
        conn.execute(
            insert(ProjectPhasePlan),
            full(
                ProjectPhasePlan,
                [
                    {
                        "project_id": "P1",
                        "phase": "design",
                        "planned_start": D(2021, 11, 1),
                        "planned_end": D(2022, 1, 31),
                    },
                    {
                        "project_id": "P1",
                        "phase": "demolition",
                        "planned_start": None,
                        "planned_end": None,
                    },  # no planned date: not judged
                    {
                        "project_id": "P1",
                        "phase": "construction",
                        "planned_start": D(2022, 4, 1),
                        "planned_end": D(2022, 5, 31),
                    },
                    {
                        "project_id": "P2",
                        "phase": "construction",
                        "planned_start": D(2022, 1, 1),
                        "planned_end": D(2022, 3, 31),
                    },
                ],
            ),  # fmt: skip
        )
        conn.execute(
            insert(Funding),
            full(
                Funding,
                [
                    {
                        "id": "M1",
                        "community_code": A,
                        "project_id": "P1",
                        "source": "county",
                        "amount_yuan": 100000,
                        "received_on": D(2022, 1, 15),
                        "purpose": "x",
                    },
                    {
                        "id": "M2",
                        "community_code": A,
                        "project_id": "P1",
                        "source": "higher_level",
                        "amount_yuan": 50000,
                        "received_on": D(2022, 3, 2),
                        "purpose": "y",
                    },
                    {
                        "id": "M3",
                        "community_code": B,
                        "project_id": "P2",
                        "source": "county",
                        "amount_yuan": 70000,
                        "received_on": D(2022, 2, 20),
                        "purpose": "x",
                    },
                    {
                        "id": "M4",
                        "community_code": B,
                        "project_id": None,
                        "source": "county",
                        "amount_yuan": 9999,
                        "received_on": D(2021, 12, 31),
                        "purpose": "x",
                    },  # before
                ],
            ),  # fmt: skip
        )
        conn.execute(
            insert(Target),
            full(
                Target,
                [
                    {
                        "metric_key": "office_m2_per_100_households",
                        "community_code": "",
                        "period": "2022-01..2022-12",
                        "value": 20,
                    }
                ],
            ),  # fmt: skip
        )
    with empty_engine.connect() as conn:
        yield conn


def test_matrix_and_completeness_on_hand_made_rooms(hand):
    m = facility_status.matrix(hand, PERIOD).set_index(["community_code", "kind"])
    assert m.loc[(A, "library"), "status"] == "missing"  # in use only from July
    assert m.loc[(B, "office"), "area_m2"] == 50  # two rooms, one kind
    assert m.loc[(B, "library"), "status"] == "planned"
    assert m.loc[(B, "ground"), "status"] == "missing"
    assert "spare" not in m.index.get_level_values("kind")
    share = facility_status.completeness(hand, PERIOD).set_index("community_code")["share"]
    assert share[A] == pytest.approx(2 / 3) and share[B] == pytest.approx(1 / 3)
    # In July the library is in use: A is complete.
    july = Filters(start="2022-07", end="2022-07")
    assert facility_status.completeness(hand, july).set_index("community_code")["share"][A] == 1
    # The card's metric agrees with the matrix: 3 of 6 kinds.
    assert metrics.value(hand, "facility_completeness", PERIOD) == pytest.approx(3 / 6)


def test_projects_phases_and_delays(hand):
    p = facility_projects.projects(hand, PERIOD).set_index("id")
    assert p.loc["P1", "phase"] == "construction" and p.loc["P1", "not_started"]
    # Design ended 10 days late; construction due 31 May has not started by 30 June: 30 days.
    assert p.loc["P1", "late_days"] == 30 and p.loc["P1", "late_phase"] == "construction"
    assert p.loc["P2", "phase"] == "in_use" and p.loc["P2", "late_days"] == -30  # finished early
    assert p.loc["P1", "received_yuan"] == 150000 and p.loc["P2", "received_yuan"] == 70000
    ph = facility_projects.phases(hand, PERIOD).set_index(["project_id", "phase"])
    assert ph.loc[("P1", "design"), "late_days"] == 10
    assert pd.isna(ph.loc[("P1", "demolition"), "late_days"])  # no planned date: not judged
    # Seen from February: design done (10 days late), demolition running, P2 building on time.
    feb = Filters(start="2022-01", end="2022-02")
    ph = facility_projects.phases(hand, feb).set_index(["project_id", "phase"])
    assert ph.loc[("P1", "design"), "state"] == "done"
    assert ph.loc[("P1", "demolition"), "state"] == "current"
    assert ph.loc[("P2", "construction"), "state"] == "current"
    assert ph.loc[("P2", "construction"), "late_days"] == 0


def test_funding_by_source_purpose_and_months(hand):
    by = facility_projects.funding_by(hand, PERIOD, "source").set_index("key")["amount_yuan"]
    assert by.to_dict() == {"county": 170000, "higher_level": 50000}  # December's money is out
    purpose = facility_projects.funding_by(hand, PERIOD, "purpose").set_index("key")["amount_yuan"]
    assert purpose.to_dict() == {"x": 170000, "y": 50000}
    cum = facility_projects.funding_cumulative(hand, PERIOD)
    assert list(cum["month"].unique()) == [f"2022-0{m}" for m in range(1, 7)]
    last = cum[cum["month"] == "2022-06"].set_index("source")["cumulative"]
    assert last.to_dict() == {"county": 170000, "higher_level": 50000}
    only_b = Filters((B,), (), "2022-01", "2022-06")
    assert facility_projects.funding_by(hand, only_b, "source")["amount_yuan"].sum() == 70000


def test_office_space_against_the_standard(hand):
    o = facility_status.office_space(hand, PERIOD).set_index("community_code")
    # A: office 100 + spare 60 (the library only from July; the ground is a field).
    assert o.loc[A, "area_m2"] == 160 and o.loc[A, "per_100"] == pytest.approx(16)
    assert o.loc[B, "area_m2"] == 50 and o.loc[B, "per_100"] == pytest.approx(10)
    assert o.loc[A, "standard"] == 20 and o.loc[B, "standard"] == 20
    ratio = metrics.value(hand, "office_m2_per_100_households", PERIOD)
    assert ratio == pytest.approx(210 / 1500 * 100)


# ------------------------------------------------------------------------------ the sample county


def test_sample_county_matrix_is_complete_and_funding_adds_up(conn):
    shares = facility_status.completeness(conn, SAMPLE_PERIOD).set_index("community_code")
    assert shares.loc[OLD_TOWN, "share"] == 1 and shares.loc[EAST, "share"] == 1
    required = [k["code"] for k in sample_rows("facility_kinds") if k["required"] == "true"]
    assert set(shares["required"]) == {len(required)}
    by = facility_projects.funding_by(conn, SAMPLE_PERIOD, "source").set_index("key")
    expected = Counter()
    for r in sample_rows("funding"):
        if "2021-07-01" <= r["received_on"] <= "2022-06-30":  # the sample year
            expected[r["source"]] += float(r["amount_yuan"])
    assert by["amount_yuan"].to_dict() == dict(expected)
    assert sum(expected.values()) == 846000


def test_sample_county_projects_match_the_source(conn):
    p = facility_projects.projects(conn, SAMPLE_PERIOD).set_index("id")
    old = p[p["community_code"] == OLD_TOWN].iloc[0]
    assert old["phase"] == "construction" and old["not_started"]
    assert old["floor_area_m2"] > 400 and old["land_mu"] == 2 and old["rooms"] == 5
    assert old["late_days"] > 0  # design and demolition ran late against the plan
    east = p[(p["community_code"] == EAST) & (p["floor_area_m2"] < 200)].iloc[0]
    assert east["phase"] == "in_use" and east["floor_area_m2"] > 190
    fitness = sum(
        float(r["amount_yuan"]) for r in sample_rows("funding") if r["project_id"] == "XM03"
    )
    assert fitness == 200000 == p.loc["XM03", "received_yuan"]


def test_project_money_against_budgets_and_map_sites(hand):
    money = facility_projects.project_money(hand, PERIOD)
    p1 = money[money["project_id"] == "P1"].set_index("source")
    assert p1["amount_yuan"].to_dict() == {"county": 100000, "higher_level": 50000}
    assert set(p1["budget_yuan"]) == {500000}
    # Before any money came in, a project still has its budget row.
    dec = Filters(start="2021-12", end="2021-12")
    early = facility_projects.project_money(hand, dec).set_index("project_id")
    assert pd.isna(early.loc["P1", "source"]) and early.loc["P1", "budget_yuan"] == 500000
    sites = facility_status.map_sites(hand, PERIOD).set_index("id")
    assert set(sites.index) == {"F1", "F7"}  # only what has a recorded place
    assert sites.loc["F1", "layer"] == "office" and sites.loc["F1", "status"] == "in_use"
    assert sites.loc["F7", "layer"] == "facility" and sites.loc["F7", "status"] == "planned"
