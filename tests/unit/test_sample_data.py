"""The sample county is internally consistent, realistic, and exactly what the generator makes."""

from __future__ import annotations

import datetime as dt
import filecmp
import json
from collections import defaultdict

import pytest

from data_access.sample import SampleCounty, generate
from data_access.seeding import SAMPLE_DIR
from tests.conftest import jobseeker_groups, sample_rows


def inside(lon: float, lat: float, geojson: str) -> bool:
    """Ray casting on the polygon's outer ring."""
    ring = json.loads(geojson)["coordinates"][0]
    hit = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            hit = not hit
    return hit


def test_the_committed_csvs_are_what_the_generator_makes(tmp_path):
    generate(tmp_path)
    names = sorted(p.name for p in SAMPLE_DIR.glob("*.csv"))
    match, mismatch, errors = filecmp.cmpfiles(SAMPLE_DIR, tmp_path, names, shallow=False)
    assert not mismatch and not errors, mismatch + errors


def test_households_and_people_add_up():
    comms = {c["code"]: c for c in sample_rows("communities")}
    grids = sample_rows("grids")
    compounds = sample_rows("compounds")
    per_grid = defaultdict(lambda: [0, 0])
    for c in compounds:
        per_grid[c["grid_code"]][0] += int(c["households"])
        per_grid[c["grid_code"]][1] += int(c["population"])
        assert int(c["residents_80_plus"]) <= int(c["residents_60_plus"]) <= int(c["population"])
    per_comm = defaultdict(lambda: [0, 0])
    for g in grids:
        assert per_grid[g["code"]] == [int(g["households"]), int(g["population"])]
        per_comm[g["community_code"]][0] += int(g["households"])
        per_comm[g["community_code"]][1] += int(g["population"])
    for code, c in comms.items():
        assert per_comm[code] == [int(c["households"]), int(c["population"])]


@pytest.mark.parametrize("table_name", ["compounds", "service_points", "facilities", "projects"])
def test_locations_lie_inside_their_boundaries(table_name):
    comms = {c["code"]: c["boundary"] for c in sample_rows("communities")}
    grids = {g["code"]: g["boundary"] for g in sample_rows("grids")}
    for row in sample_rows(table_name):
        lon, lat = float(row["lon"]), float(row["lat"])
        assert inside(lon, lat, comms[row["community_code"]]), row
        if row.get("grid_code"):
            assert inside(lon, lat, grids[row["grid_code"]]), row


def test_recipients_incomes_are_below_the_standard():
    for h in sample_rows("welfare_households"):
        month = h["end_month"] or "2022-06"
        standard, _minimum = SampleCounty.standard_at(h["category"], month)
        assert 0 <= float(h["per_capita_income_yuan"]) < standard, h["household_no"]
        assert (h["status"] == "active") == (h["end_month"] == "")


def test_monthly_records_cover_the_sample_year_and_the_year_before():
    """2020-07..2022-06: the sample year and the year before it (for 同比), every month of each."""
    months = {
        f"{y}-{m:02d}"
        for y, m in [(2020, m) for m in range(7, 13)]
        + [(2021, m) for m in range(1, 13)]
        + [(2022, m) for m in range(1, 7)]
    }
    assert {p["month"] for p in sample_rows("welfare_payments")} == months
    for table_name, column in (
        ("volunteer_activities", "date"),
        ("disputes", "reported_on"),
        ("funding", "received_on"),
    ):
        for row in sample_rows(table_name):
            assert "2020-07-01" <= row[column] <= "2022-06-30", (table_name, row)
    for table_name, column in (("volunteer_activities", "date"), ("disputes", "reported_on")):
        assert {r[column][:7] for r in sample_rows(table_name)} == months, table_name


def test_people_have_plausible_ages_matching_their_id_numbers():
    groups = jobseeker_groups()
    for p in sample_rows("jobseekers"):
        birth = dt.date.fromisoformat(p["birth_date"])
        assert p["id_number"][6:14] == birth.strftime("%Y%m%d")
        assert (int(p["id_number"][16]) % 2 == 1) == (p["gender"] == "M")
        if "youth" in groups.get(p["person_no"], ()):
            informed = dt.date.fromisoformat(p["informed_on"] or p["registered_on"])
            assert 16 <= (informed - birth).days // 365 <= 35
        if p["placed_on"]:
            assert p["registered_on"] <= p["placed_on"]
    for c in sample_rows("cadres"):
        assert (
            22 <= (dt.date(2022, 6, 30) - dt.date.fromisoformat(c["birth_date"])).days // 365 <= 62
        )


def test_generation_is_deterministic():
    a, b = SampleCounty(7).build(), SampleCounty(7).build()
    assert a["welfare_households"] == b["welfare_households"]
    assert SampleCounty(8).build()["compounds"] != a["compounds"]
