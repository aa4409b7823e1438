"""The dry run's picture of a street or place file (data_access.importing.preview): positions as
stored, every change kind counted, the changes kept first when the file is cut to MAX_SHAPES;
and a replace that fails while writing leaves the network as it was."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from data_access.admin.users import User
from data_access.importing import apply, preview, run_import
from data_access.models import Road
from data_access.seeding import seed

ADMIN = User("tester", "admin")


def _road(fid: str, coords: list) -> dict:
    return {
        "id": fid,
        "name": fid,
        "geometry": json.dumps({"type": "LineString", "coordinates": coords}),
    }


def test_a_line_is_simplified_and_rounded_but_keeps_its_ends():
    straight = [
        [104.6 + i * 1e-5, 35.5 + i * 1e-9] for i in range(100)
    ]  # 100 vertices, nearly a line
    got = preview.of_rows("roads", [("added", _road("A", straight))])
    (path,) = [s["path"] for s in got.lines]
    assert len(path) == 2 and path[0] == [104.6, 35.5] and path[-1] == [104.60099, 35.5]
    assert got.counts == {"added": 1} and got.cut == 0


@settings(max_examples=30, deadline=None)
@given(
    st.lists(st.sampled_from(preview.KINDS), min_size=1, max_size=60),
    st.integers(min_value=1, max_value=40),
)
def test_a_cut_file_keeps_removed_added_changed_before_the_unchanged(kinds, cap):
    rows = [
        (k, {"name": str(i), "lat": 35.5, "lon": 104.6 + i * 1e-4}) for i, k in enumerate(kinds)
    ]
    old = preview.MAX_SHAPES
    preview.MAX_SHAPES = cap
    try:
        got = preview.of_rows("compounds", rows)
    finally:
        preview.MAX_SHAPES = old
    assert got.shown == min(cap, len(kinds)) and got.cut == len(kinds) - got.shown
    assert sum(got.counts.values()) == len(kinds)  # counted over the whole file
    ranks = [preview.KINDS.index(p["kind"]) for p in got.points]
    assert ranks == sorted(ranks)
    left_out = sorted(preview.KINDS.index(k) for k in kinds)[got.shown :]
    assert not left_out or min(left_out) >= max(ranks)


def test_other_tables_have_no_preview():
    assert preview.of_rows("welfare_households", []) is None


def test_a_replace_whose_write_fails_writes_nothing(empty_engine, monkeypatch):
    seed(empty_engine)
    with empty_engine.connect() as conn:
        before = set(conn.execute(select(Road.id)).scalars())
    lane = {"type": "Feature", "id": "NEW", "properties": {},
            "geometry": {"type": "LineString", "coordinates": [[104.66, 35.59], [104.661, 35.59]]}}  # fmt: skip
    data = json.dumps({"type": "FeatureCollection", "features": [lane]}).encode()

    def broken(conn):  # the database gives way after the deletes, before the commit
        raise OperationalError("UPDATE data_version", {}, Exception("disk I/O error"))

    monkeypatch.setattr(apply, "bump_data_version", broken)
    result = run_import(
        empty_engine, "roads", data, "new.geojson", ADMIN, dry_run=False, replace=True
    )
    assert result.problems and not result.written and result.removed == 0
    with empty_engine.connect() as conn:
        assert set(conn.execute(select(Road.id)).scalars()) == before


@pytest.mark.parametrize("table", ["compounds", "service_points"])
def test_places_are_points_at_their_stored_position(table):
    got = preview.of_rows(
        table, [("changed", {"name": "甲", "lat": 35.1234567, "lon": 104.7654321})]
    )
    assert got.points == [{"lon": 104.76543, "lat": 35.12346, "kind": "changed", "name": "甲"}]


def test_a_refused_file_far_from_the_county_is_drawn_where_it_lies(empty_engine):
    seed(empty_engine)
    far = [[114.66, 35.59], [114.661, 35.59]]  # ten degrees east: another province
    lane = {
        "type": "Feature",
        "properties": {},
        "geometry": {"type": "LineString", "coordinates": far},
    }
    data = json.dumps({"type": "FeatureCollection", "features": [lane]}).encode()
    result = run_import(empty_engine, "roads", data, "far.geojson", ADMIN, dry_run=True)
    assert any("不在本县" in p.reason for p in result.problems)
    assert [(s["kind"], s["path"]) for s in result.preview.lines] == [("file", far)]
