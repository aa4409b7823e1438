"""The street graph and the places' joins are built once per database and data version and
reused (data_access.memo.Memo): the same objects come back until the data change, and an
import is seen on the next query."""

from __future__ import annotations

import gc
import json

import numpy as np

from data_access.admin.users import User
from data_access.importing import run_import
from data_access.seeding import seed
from data_access.service_points import walking
from data_access.service_points import walking_queries as sp_walking

ADMIN = User("tester", "admin")


def test_memo_keeps_the_most_recently_used_and_drops_the_oldest():
    memo: walking.Memo[str] = walking.Memo(2)
    built: list[str] = []

    def make(value: str):
        return lambda: built.append(value) or value

    assert memo.get("a", make("a")) == "a"
    assert memo.get("b", make("b")) == "b"
    assert memo.get("a", make("a2")) == "a"  # a hit, and now the most recent
    assert memo.get("c", make("c")) == "c"  # drops b, the least recently used
    assert memo.get("b", make("b2")) == "b2"
    assert built == ["a", "b", "c", "b2"] and len(memo) == 2


def test_a_value_counts_only_while_its_owner_lives():
    memo: walking.Memo[int] = walking.Memo(4)

    class Owner:
        pass

    first, second = Owner(), Owner()
    assert memo.get(1, lambda: 10, owner=first) == 10
    assert memo.get(1, lambda: 20, owner=second) == 20  # same key, another owner
    assert memo.get(1, lambda: 30, owner=first) == 10
    old_id = id(first)
    del first
    gc.collect()
    newcomer = Owner()
    if id(newcomer) == old_id:  # the id came back: the dead owner's value must not
        assert memo.get(1, lambda: 40, owner=newcomer) == 40


def test_the_same_places_on_the_same_graph_share_one_join():
    s = walking.streets([[(0.0, 0.0), (0.01, 0.0)], [(0.01, 0.0), (0.01, 0.01)]])
    lat, lon = np.array([0.0001, 0.005]), np.array([0.002, 0.0101])
    a = walking.joined(s, lat, lon)
    assert walking.joined(s, lat.copy(), lon.copy()) is a
    moved = walking.joined(s, lat + 1e-4, lon)
    assert moved is not a
    np.testing.assert_array_equal(moved.doors, walking.join(s, lat + 1e-4, lon).doors)
    other = walking.streets([[(0.0, 0.0), (0.01, 0.0)]])
    assert walking.joined(other, lat, lon) is not a


def test_the_network_is_read_once_per_data_version_and_an_import_is_seen(empty_engine):
    seed(empty_engine)
    with empty_engine.connect() as conn:
        first = sp_walking.street_network(conn)
    with empty_engine.connect() as conn:
        assert sp_walking.street_network(conn) is first
    far = [[104.69, 35.61], [104.691, 35.61]]  # in the county, away from every sample street
    data = json.dumps(
        {
            "type": "FeatureCollection",
            "features": [
                {
                    "type": "Feature",
                    "id": "NEW-1",
                    "properties": {},
                    "geometry": {"type": "LineString", "coordinates": far},
                }
            ],
        }
    ).encode()
    done = run_import(empty_engine, "roads", data, "new.geojson", ADMIN, dry_run=False)
    assert done.written
    with empty_engine.connect() as conn:
        second = sp_walking.street_network(conn)
    assert second is not first
    assert len(second.u) == len(first.u) + 2  # 90 m cut into pieces of at most 50 m
    assert np.isclose(second.lon, 104.691).any() and not np.isclose(first.lon, 104.691).any()
