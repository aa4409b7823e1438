"""An OpenStreetMap extract (.osm.pbf) written here with pyosmium imports as the county's streets:
the walkable-ways tag rule, ways outside the county left out, OSM way ids as keys."""

from __future__ import annotations

import json

import osmium
import pytest
from osmium.osm.mutable import Node, Way
from sqlalchemy import select

from data_access.__main__ import main as cli
from data_access.admin.users import User
from data_access.db import make_engine
from data_access.importing import run_import
from data_access.importing.osm import walkable
from data_access.models import Road
from data_access.seeding import seed

ADMIN = User("tester", "admin")
NODES = {
    1: (104.620, 35.575),
    2: (104.621, 35.575),
    3: (104.622, 35.576),
    4: (104.623, 35.576),
    5: (104.624, 35.577),
    8: (117.20, 39.12),  # Tianjin: in the province-sized extract, not in the county
    9: (117.21, 39.12),
}
WAYS = [
    (101, [1, 2, 3], {"highway": "residential", "name": "新街"}),
    (102, [3, 4], {"highway": "footway"}),
    (103, [4, 5], {"highway": "motorway", "name": "高速"}),  # kept, not walkable
    (104, [2, 4], {"highway": "cycleway"}),  # no foot access: not walkable
    (105, [1, 3], {"highway": "construction"}),  # left out
    (106, [2, 5], {"building": "yes"}),  # not a street
    (107, [8, 9], {"highway": "residential"}),  # outside the county
    (108, [3, 5], {"highway": "service", "access": "private"}),  # kept, not walkable
]


def _extract(path) -> bytes:
    writer = osmium.SimpleWriter(str(path))
    for node_id, location in NODES.items():
        writer.add_node(Node(id=node_id, location=location))
    for way_id, nodes, tags in WAYS:
        writer.add_way(Way(id=way_id, nodes=nodes, tags=tags))
    writer.close()
    return path.read_bytes()


def test_a_small_extract_imports_by_the_tag_rule(empty_engine, tmp_path):
    seed(empty_engine)
    data = _extract(tmp_path / "county.osm.pbf")
    done = run_import(empty_engine, "roads", data, "county.osm.pbf", ADMIN, dry_run=False)
    assert not done.problems and done.written and done.encoding == "osm.pbf"
    with empty_engine.connect() as conn:
        rows = {r.id: r for r in conn.execute(select(Road).where(Road.id.like("w%")))}
    assert set(rows) == {"w101", "w102", "w103", "w104", "w108"}
    assert rows["w101"].walkable and rows["w101"].name == "新街" and rows["w102"].walkable
    assert not rows["w103"].walkable and not rows["w104"].walkable and not rows["w108"].walkable
    line = json.loads(rows["w101"].geometry)
    assert line == {"type": "LineString", "coordinates": [list(NODES[n]) for n in (1, 2, 3)]}
    again = run_import(empty_engine, "roads", data, "county.osm.pbf", ADMIN, dry_run=False)
    assert again.added == 0 and again.unchanged == 5


def test_the_command_line_imports_an_extract(tmp_path, capsys, monkeypatch):
    url = f"sqlite:///{tmp_path / 'osm.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    seed(make_engine(url))
    path = tmp_path / "county.osm.pbf"
    _extract(path)
    assert cli(["import", "roads", str(path)]) == 0
    assert "新增5" in capsys.readouterr().out


def test_a_broken_extract_and_another_table_are_refused(empty_engine, tmp_path):
    seed(empty_engine)
    data = _extract(tmp_path / "x.osm.pbf")
    cut = run_import(empty_engine, "roads", data[: len(data) // 2], "cut.osm.pbf", ADMIN)
    assert "无法读取这个 OpenStreetMap 文件" in cut.problems[0].reason
    other = run_import(empty_engine, "compounds", data, "x.osm.pbf", ADMIN)
    assert "只能导入“道路”表" in other.problems[0].reason


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        ({"highway": "pedestrian"}, True),
        ({"highway": "steps"}, True),
        ({"highway": "primary"}, True),
        ({"highway": "cycleway", "foot": "designated"}, True),
        ({"highway": "residential", "foot": "no"}, False),
        ({"highway": "service", "access": "private", "foot": "yes"}, True),
        ({"highway": "trunk"}, False),
        ({"highway": "proposed"}, None),
        ({"highway": "pedestrian", "area": "yes"}, None),
        ({"railway": "rail"}, None),
    ],
)
def test_the_walkable_ways_rule(tags, expected):
    assert walkable(tags) is expected
