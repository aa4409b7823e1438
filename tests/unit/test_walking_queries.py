"""The service-point queries in walking mode on the sample county (SQLite and, with
TEST_DATABASE_URL, PostgreSQL): walking never beats the straight line, the straight-line mode is
today's figures, and the what-if and suggestions use the same walking distances."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from data_access.filters import Filters
from data_access.service_points import coverage_queries as sp_coverage
from data_access.service_points import walking_queries as sp_walking

F = Filters(start="2021-07", end="2022-06")


def test_straight_line_mode_is_todays_table_and_walking_never_covers_more(conn):
    today = sp_coverage.coverage_table(conn, F)
    line = sp_coverage.coverage_table(conn, F, (), "line")
    walk = sp_coverage.coverage_table(conn, F, (), "walk")
    pd.testing.assert_frame_equal(today, line)
    shares = [c for c in line.columns if c.startswith(("households_", "residents_60_plus_"))]
    assert (walk[shares].fillna(0).to_numpy() <= line[shares].fillna(0).to_numpy() + 1e-12).all()
    # The river and the rail line make a difference somewhere at 500 m.
    assert (walk["households_500"] < line["households_500"] - 1e-9).any()


def test_the_walking_what_if_and_suggestions_agree(conn):
    base = sp_coverage.scenario(conn, F, "clinic", 500, (), (), "walk")
    assert base.mode == "walk"
    line = sp_coverage.scenario(conn, F, "clinic", 500)
    assert (base.compounds["dist_before"] >= line.compounds["dist_before"] - 1e-6).all()
    picks = sp_coverage.suggestions(conn, F, "clinic", 500, 2, "households", (), (), "walk")
    first = picks.iloc[0]
    after = sp_coverage.scenario(conn, F, "clinic", 500, (first["compound_id"],), (), "walk")
    assert after.figures(500)["change"] == first["gain_households"]
    # A point at a compound is 0 m from it on foot too.
    row = after.compounds[after.compounds["id"] == first["compound_id"]].iloc[0]
    assert row["dist_after"] < 1e-6


def test_walking_areas_grow_with_the_minutes(conn):
    areas = sp_walking.areas(conn, F, "police")
    assert areas is not None
    lengths = {r: len(p) for r, p in areas.pieces.items()}
    assert 0 < lengths[300] <= lengths[500] <= lengths[800]
    c = areas.compounds
    assert set(c["minutes"]) <= {0, 5, 10, 15}
    assert (c.loc[c["minutes"] == 5, "walk_m"] <= 300).all()
    assert np.isinf(c.loc[c["minutes"] == 0, "walk_m"]).all()
    assert sp_walking.areas(conn, F, "police", "NO-SUCH-POINT") is None
    assert len(areas.barriers) == 1 and len(areas.barriers[0]) >= 2  # the sample's rail line


@pytest.mark.parametrize(
    "area", [(), ("629901100001",), ("629901100002",)], ids=["county", "old town", "east"]
)
def test_leaving_out_points_beyond_walking_reach_changes_no_figure(conn, area, monkeypatch):
    """coverage_table walks only from points within 800 m in a straight line of the area's
    compounds; walking from every point of the county must give the very same table."""
    f = Filters(communities=area, start=F.start, end=F.end)
    pruned = sp_coverage.coverage_table(conn, f, (), "walk")
    kept = {}

    def every_point(points, comps, radius_m):
        kept["n"] = len(sp_coverage_bound(points, comps, radius_m))
        kept["all"] = len(points)
        return points

    sp_coverage_bound = sp_coverage.within_walk_bound
    monkeypatch.setattr(sp_coverage, "within_walk_bound", every_point)
    full = sp_coverage.coverage_table(conn, f, (), "walk")
    pd.testing.assert_frame_equal(pruned, full, check_exact=False, rtol=0, atol=1e-12)
    if area:  # the other community's far points are left out: the bound does something
        assert kept["n"] < kept["all"]


def test_the_walk_bound_keeps_exactly_the_points_near_a_compound():
    comps = pd.DataFrame({"lat": [30.0], "lon": [120.0]})
    # 0.001° of latitude is 111.2 m: points 700, 800, 808 and 820 m north.
    points = pd.DataFrame({"lat": 30.0 + np.array([700, 800, 808, 820]) / 111_195.0, "lon": 120.0})
    kept = sp_coverage.within_walk_bound(points, comps, 800)
    assert len(kept) == 3  # 820 m is past 800 m plus the 1% slack
    assert sp_coverage.within_walk_bound(points, comps.iloc[0:0], 800).empty
