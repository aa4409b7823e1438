"""Roads imported from GeoJSON through the import path: dry run, one transaction, audit, and a
Chinese reason naming each feature that is not a street line."""

from __future__ import annotations

import csv
import io
import json

from sqlalchemy import func, select

from data_access.__main__ import main as cli
from data_access.admin.users import User
from data_access.db import make_engine
from data_access.importing import run_import
from data_access.importing.coords import from_wgs84
from data_access.models import AuditLog, Road
from data_access.seeding import seed
from data_access.service_points import walking_queries as sp_walking

ADMIN = User("tester", "admin")


def _feature(fid, coords, kind="LineString", **props) -> dict:
    return {
        "type": "Feature",
        "id": fid,
        "properties": props,
        "geometry": {"type": kind, "coordinates": coords},
    }


def _collection(*features) -> bytes:
    return json.dumps({"type": "FeatureCollection", "features": list(features)}).encode()


GOOD = _collection(
    _feature("OSM-1", [[104.62, 35.575], [104.621, 35.575]], name="新街", walkable=True),
    _feature(
        "OSM-2",
        [[[104.621, 35.575], [104.622, 35.576]], [[104.622, 35.576], [104.623, 35.576]]],
        kind="MultiLineString",
    ),
    _feature("OSM-3", [[104.62, 35.57], [104.62, 35.58]], name="铁路", walkable=False),
)


def _roads(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(Road)).scalar_one()


def test_a_geojson_file_imports_after_a_dry_run_and_is_audited(empty_engine):
    seed(empty_engine)
    before = _roads(empty_engine)
    dry = run_import(empty_engine, "roads", GOOD, "streets.geojson", ADMIN, dry_run=True)
    assert not dry.problems and dry.added == 3 and not dry.written
    assert _roads(empty_engine) == before
    done = run_import(empty_engine, "roads", GOOD, "streets.geojson", ADMIN, dry_run=False)
    assert done.written and done.added == 3 and done.encoding == "geojson"
    with empty_engine.connect() as conn:
        rows = {r.id: r for r in conn.execute(select(Road).where(Road.id.like("OSM-%")))}
        logged = conn.execute(
            select(AuditLog.result, AuditLog.rows_added).where(AuditLog.action == "import")
        ).all()
    assert rows["OSM-1"].name == "新街" and rows["OSM-1"].walkable is True
    assert rows["OSM-2"].walkable is True  # no property: walkable
    assert rows["OSM-3"].walkable is False
    assert json.loads(rows["OSM-2"].geometry)["type"] == "MultiLineString"
    assert ("dry_run", 3) in logged and ("ok", 3) in logged
    # The second import changes nothing.
    again = run_import(empty_engine, "roads", GOOD, "streets.geojson", ADMIN, dry_run=False)
    assert again.added == 0 and again.unchanged == 3


def test_bad_features_are_named_with_their_number_and_reason_and_nothing_is_written(empty_engine):
    seed(empty_engine)
    before = _roads(empty_engine)
    bad = _collection(
        _feature("A", [[104.62, 35.575], [104.621, 35.575]]),
        _feature("B", [[[104.62, 35.575], [104.621, 35.575], [104.62, 35.576]]], kind="Polygon"),
        _feature(None, [[104.62, 35.575], [104.621, 35.575]]),
        _feature("D", [[104.62, 35.575]]),
        _feature("E", [[104.62, 35.575], ["东", 35.575]]),
    )
    result = run_import(empty_engine, "roads", bad, "bad.geojson", ADMIN, dry_run=False)
    text = " ".join(p.reason for p in result.problems)
    assert "第 2 个要素：几何类型为 Polygon，应为线（LineString 或 MultiLineString）" in text
    assert "第 3 个要素" not in text  # no id: its key comes from its geometry
    assert "第 4 个要素：线至少需要两个点" in text
    assert "第 5 个要素：坐标不是数字" in text
    assert "第 1 个要素" not in text
    assert not result.written and _roads(empty_engine) == before


def test_not_a_collection_and_not_json_are_refused_in_chinese(empty_engine):
    seed(empty_engine)
    r1 = run_import(empty_engine, "roads", b'{"type": "Point"}', "x.geojson", ADMIN)
    assert "FeatureCollection" in r1.problems[0].reason
    r2 = run_import(empty_engine, "roads", b'{"type": "Feature", ', "x.geojson", ADMIN)
    assert "不是有效的 JSON" in r2.problems[0].reason
    r3 = run_import(empty_engine, "compounds", GOOD, "x.geojson", ADMIN)
    assert "只能导入“道路”表" in r3.problems[0].reason


def test_the_command_line_imports_roads_and_the_network_reads_them(tmp_path, capsys, monkeypatch):
    url = f"sqlite:///{tmp_path / 'roads.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    engine = make_engine(url)
    seed(engine)
    path = tmp_path / "streets.geojson"
    path.write_bytes(GOOD)
    assert cli(["import", "roads", str(path), "--dry-run"]) == 0
    assert "新增3" in capsys.readouterr().out
    assert cli(["import", "roads", str(path)]) == 0
    with engine.connect() as conn:
        streets = sp_walking.street_network(conn)
    # The rail line (not walkable) is not in the network; the two walkable features are.
    with engine.connect() as conn:
        ids = set(conn.execute(select(Road.id)).scalars())
    assert {"OSM-1", "OSM-2", "OSM-3"} <= ids
    assert not any(
        abs(lat - 35.58) < 1e-9 and abs(lon - 104.62) < 1e-9
        for lat, lon in zip(streets.lat, streets.lon, strict=True)
    )


def test_without_walkable_roads_walking_falls_back(empty_engine):
    seed(empty_engine)
    with empty_engine.begin() as conn:
        conn.execute(Road.__table__.update().values(walkable=False))
    with empty_engine.connect() as conn:
        assert not sp_walking.has_roads(conn)
        assert sp_walking.walkable_mode(conn, "walk") == "line"
        assert sp_walking.street_network(conn).empty


def test_hostile_geojson_is_refused_before_parsing_or_with_a_reason():
    from data_access.importing import limits
    from data_access.importing.geojson import rows_of_geojson
    from data_access.importing.reading import FileProblem
    from data_access.importing.spec import table_spec

    spec = table_spec("roads")
    huge = b'{"type": "FeatureCollection", "features": [' + b" " * limits.MAX_FILE_BYTES + b"]}"
    deep = b'{"type": "FeatureCollection", "features": ' + b"[" * 200_000 + b"]" * 200_000 + b"}"
    for data, reason in ((huge, "MB"), (deep, "FeatureCollection")):
        try:
            rows_of_geojson(data, spec)
        except FileProblem as problem:
            assert reason in str(problem)
        else:
            raise AssertionError("a hostile file was read")


def _csv(*rows: tuple[str, str, str, str]) -> bytes:
    """A roads CSV as a clerk saves it: the template's Chinese headers, GeoJSON text geometry."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["编号", "道路名称", "可步行", "几何（GeoJSON 线）"])
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


LINE = json.dumps({"type": "LineString", "coordinates": [[104.62, 35.575], [104.621, 35.575]]})


def test_a_roads_csv_imports_with_its_geometry_normalised(empty_engine):
    seed(empty_engine)
    data = _csv(("CSV-1", "新街", "是", LINE), ("CSV-2", "", "否", LINE))
    done = run_import(empty_engine, "roads", data, "roads.csv", ADMIN, dry_run=False)
    assert not done.problems and done.written and done.added == 2
    with empty_engine.connect() as conn:
        rows = {r.id: r for r in conn.execute(select(Road).where(Road.id.like("CSV-%")))}
    assert json.loads(rows["CSV-1"].geometry) == json.loads(LINE)
    assert rows["CSV-1"].walkable is True and rows["CSV-2"].walkable is False


def test_bad_geometry_cells_in_a_roads_csv_name_row_column_and_reason_and_nothing_is_written(
    empty_engine,
):
    seed(empty_engine)
    before = _roads(empty_engine)
    polygon = {"type": "Polygon", "coordinates": [[[104.62, 35.575], [104.621, 35.575]]]}
    data = _csv(
        ("G-1", "", "", LINE),
        ("G-2", "", "", "{not json"),
        ("G-3", "", "", json.dumps(polygon)),
        ("G-4", "", "", json.dumps({"type": "LineString", "coordinates": [[104.62, 35.575]]})),
        (
            "G-5",
            "",
            "",
            json.dumps({"type": "LineString", "coordinates": [[104.62, 35.5], ["东", 35]]}),
        ),
        (
            "G-6",
            "",
            "",
            json.dumps({"type": "LineString", "coordinates": [[104.62, 95], [104.6, 35]]}),
        ),
    )
    result = run_import(empty_engine, "roads", data, "roads.csv", ADMIN, dry_run=False)
    lines = [p.line() for p in result.problems]
    column = "几何（GeoJSON 线）"
    assert f'第3行 "{column}": 不是有效的 GeoJSON 几何文本' in lines
    assert f'第4行 "{column}": 几何类型为 Polygon，应为线（LineString 或 MultiLineString）' in lines
    assert f'第5行 "{column}": 线至少需要两个点' in lines
    assert f'第6行 "{column}": 坐标不是数字' in lines
    assert f'第7行 "{column}": 坐标超出范围（经度 −180～180，纬度 −90～90）' in lines
    assert len(lines) == 5  # row 2, the good line, is not named; each bad cell once
    assert not result.written and _roads(empty_engine) == before


def test_a_roads_csv_in_gcj02_is_stored_in_wgs84_like_a_geojson_file(empty_engine):
    seed(empty_engine)
    wgs = [(35.575, 104.62), (35.575, 104.621)]
    gcj = [from_wgs84(lat, lon, "gcj02") for lat, lon in wgs]
    line = json.dumps({"type": "LineString", "coordinates": [[lon, lat] for lat, lon in gcj]})
    done = run_import(
        empty_engine, "roads", _csv(("GCJ-1", "", "", line)), "roads.csv", ADMIN,
        dry_run=False, coordinates="gcj02",
    )  # fmt: skip
    assert done.written and not done.problems
    with empty_engine.connect() as conn:
        stored = json.loads(conn.execute(select(Road.geometry).where(Road.id == "GCJ-1")).scalar())
    for (lon, lat), (want_lat, want_lon) in zip(stored["coordinates"], wgs, strict=True):
        assert abs(lat - want_lat) < 1e-5 and abs(lon - want_lon) < 1e-5


def test_replace_removes_a_segment_missing_from_the_new_file_in_one_transaction(empty_engine):
    seed(empty_engine)
    first = run_import(empty_engine, "roads", GOOD, "a.geojson", ADMIN, dry_run=False)
    assert first.written
    with empty_engine.connect() as conn:
        sample_ids = set(conn.execute(select(Road.id)).scalars()) - {"OSM-1", "OSM-2", "OSM-3"}
    renamed = _feature("OSM-1", [[104.62, 35.575], [104.621, 35.575]], name="新街北段")
    cleaned = _collection(renamed, json.loads(GOOD)["features"][1])  # OSM-3 left out
    dry = run_import(empty_engine, "roads", cleaned, "b.geojson", ADMIN, dry_run=True, replace=True)
    assert not dry.problems and not dry.written
    assert dry.updated_keys == ["OSM-1"] and dry.added_keys == []
    assert "OSM-3" in dry.removed_keys and set(dry.removed_keys) == sample_ids | {"OSM-3"}
    assert _roads(empty_engine) == len(sample_ids) + 3  # the dry run changed nothing
    done = run_import(
        empty_engine, "roads", cleaned, "b.geojson", ADMIN, dry_run=False, replace=True
    )
    assert done.written and done.removed == len(sample_ids) + 1
    with empty_engine.connect() as conn:
        rows = dict(conn.execute(select(Road.id, Road.name)).all())
        logged = conn.execute(
            select(AuditLog.message).where(AuditLog.result == "ok").order_by(AuditLog.id.desc())
        ).first()
    assert rows == {"OSM-1": "新街北段", "OSM-2": None}
    assert f"删除了 {done.removed} 行" in logged.message


def test_replace_is_refused_for_other_tables_and_a_refused_file_removes_nothing(empty_engine):
    seed(empty_engine)
    before = _roads(empty_engine)
    other = run_import(empty_engine, "compounds", b"id\n", "c.csv", ADMIN, replace=True)
    assert "只有道路网可以整体替换" in other.problems[0].reason
    bad = _collection(_feature("X", [[104.62, 35.575]]))
    refused = run_import(
        empty_engine, "roads", bad, "x.geojson", ADMIN, dry_run=False, replace=True
    )
    assert refused.problems and _roads(empty_engine) == before


def test_the_command_line_replace_lists_what_it_removes(tmp_path, capsys, monkeypatch):
    url = f"sqlite:///{tmp_path / 'replace.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    engine = make_engine(url)
    seed(engine)
    path = tmp_path / "streets.geojson"
    path.write_bytes(GOOD)
    assert cli(["import", "roads", str(path), "--replace", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "新增3" in out and "删除" in out and "RD00001" in out and "另有" in out
    assert cli(["import", "roads", str(path), "--replace"]) == 0
    with engine.connect() as conn:
        assert set(conn.execute(select(Road.id)).scalars()) == {"OSM-1", "OSM-2", "OSM-3"}


def test_a_truncated_minified_file_names_the_character_where_it_breaks(empty_engine):
    seed(empty_engine)
    cut = GOOD[:-40]  # json.dumps writes one line: "line 1" alone would say nothing
    assert b"\n" not in cut
    result = run_import(empty_engine, "roads", cut, "cut.geojson", ADMIN)
    reason = result.problems[0].reason
    assert "第 1 行" in reason and f"第 {len(cut) + 1:,} 个字符" in reason
    assert "中断" in reason


def test_single_quoted_pseudo_json_gets_a_json_error_not_a_csv_one(empty_engine):
    seed(empty_engine)
    data = b"{'type': 'FeatureCollection', 'features': []}"
    result = run_import(empty_engine, "roads", data, "q.geojson", ADMIN)
    reason = result.problems[0].reason
    assert "不是有效的 JSON" in reason and "双引号" in reason and "第 2 个字符" in reason


def test_the_command_line_refuses_an_oversized_file_from_its_size_without_reading_it(
    tmp_path, capsys, monkeypatch
):
    from pathlib import Path

    from data_access.importing import limits

    url = f"sqlite:///{tmp_path / 'big.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    path = tmp_path / "huge.geojson"
    with open(path, "wb") as f:  # sparse: 51 MB on paper, nothing on disk
        f.truncate(limits.MAX_FILE_BYTES + 1024 * 1024)

    def never(self):
        raise AssertionError("the file was read")

    monkeypatch.setattr(Path, "read_bytes", never)
    assert cli(["import", "roads", str(path)]) == 2
    assert "超过上限 50 MB" in capsys.readouterr().err
