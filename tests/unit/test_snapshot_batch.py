"""Snapshots of every community at once (a ranking by status) are the snapshots one community at a
time would give: same value, previous period, last year, target, progress and status."""

from __future__ import annotations

import pytest

from data_access import metrics
from data_access.db import make_engine
from data_access.engine.snapshot import community_snapshots
from data_access.filters import Filters
from data_access.sample import scale, scale_load

PERIODS = (
    Filters(),
    Filters(start="2021-07", end="2022-06"),
    Filters(start="2022-01", end="2022-06"),
    Filters(start="2022-04", end="2022-06"),
    Filters(start="2022-06", end="2022-06"),
    Filters(start="2021-07", end="2021-09"),
)


@pytest.fixture(scope="module")
def county(tmp_path_factory):
    """A generated county of five communities (the sample has two), loaded as the CLI loads it."""
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('batch') / 'county.db'}")
    scale_load.load(engine, scale.generate(5, 11), "bulk")
    yield engine
    engine.dispose()


def _one_at_a_time(conn, key: str, f: Filters) -> dict:
    codes = list(metrics.by_community(conn, "population", f).index)
    return {
        code: metrics.snapshot(conn, key, Filters((code,), (), f.start, f.end)) for code in codes
    }


@pytest.mark.parametrize("f", PERIODS, ids=lambda f: f"{f.start}..{f.end}")
def test_on_the_sample_county(conn, f):
    for m in metrics.all_metrics():
        assert community_snapshots(conn, m.key, f) == _one_at_a_time(conn, m.key, f), m.key


@pytest.mark.parametrize("f", PERIODS[:3], ids=lambda f: f"{f.start}..{f.end}")
def test_on_a_generated_county_and_a_choice_of_communities(county, f):
    with county.connect() as conn:
        codes = tuple(metrics.by_community(conn, "population", Filters()).index)
        some = Filters(codes[1:4], (), f.start, f.end)
        for chosen in (f, some):
            for m in metrics.all_metrics():
                batch = community_snapshots(conn, m.key, chosen)
                assert batch == _one_at_a_time(conn, m.key, chosen), m.key


def test_a_grid_filter_has_no_community_snapshots(conn):
    with pytest.raises(ValueError):
        community_snapshots(conn, "dibao_persons", Filters(grids=("G1",)))
