"""Streets and places checked against where the county is: outside the county (with the distance
and a hint), swapped coordinates, GCJ-02 / BD-09 not declared. Nothing is written on refusal."""

from __future__ import annotations

import csv
import io
import json

from sqlalchemy import func, select

from data_access.admin.users import User
from data_access.db import create_schema
from data_access.importing import run_import
from data_access.importing.coords import from_wgs84
from data_access.models import Community, Compound, Grid, Road
from data_access.seeding import SAMPLE_DIR, seed

ADMIN = User("tester", "admin")


def _collection(lines: list[list[list[float]]], start: int = 1) -> bytes:
    features = [
        {
            "type": "Feature",
            "id": f"T-{n}",
            "properties": {},
            "geometry": {"type": "LineString", "coordinates": line},
        }
        for n, line in enumerate(lines, start=start)
    ]
    return json.dumps({"type": "FeatureCollection", "features": features}).encode()


def _count(engine, model) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(model)).scalar_one()


def _sample_roads(system: str = "wgs84") -> bytes:
    """The sample county's streets as a GeoJSON file, positions given in `system`."""
    features = []
    with open(SAMPLE_DIR / "roads.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            geom = json.loads(row["geometry"])
            parts = [geom["coordinates"]] if geom["type"] == "LineString" else geom["coordinates"]
            moved = [
                [list(from_wgs84(lat, lon, system))[::-1] for lon, lat in part] for part in parts
            ]
            geom["coordinates"] = moved[0] if geom["type"] == "LineString" else moved
            walkable = row["walkable"] == "true"
            props = {"name": row["name"], "walkable": walkable}
            features.append(
                {"type": "Feature", "id": row["id"], "properties": props, "geometry": geom}
            )
    return json.dumps({"type": "FeatureCollection", "features": features}).encode()


def test_streets_left_in_finland_are_refused_with_the_distance_and_nothing_is_written(
    empty_engine,
):
    seed(empty_engine)
    before = _count(empty_engine, Road)
    helsinki = [[[24.94, 60.17], [24.941, 60.171]], [[24.941, 60.171], [24.942, 60.171]]]
    result = run_import(
        empty_engine, "roads", _collection(helsinki), "hki.geojson", ADMIN, dry_run=False
    )
    lines = [p.line() for p in result.problems]
    rows = [p for p in result.problems if p.row is not None]
    assert len(rows) == 2 and all("坐标不在本县范围内（距本县约" in p.reason for p in rows)
    km = float(rows[0].reason.split("约 ")[1].split(" 公里")[0].replace(",", ""))
    assert 5_500 < km < 6_500  # Helsinki to Gansu, great circle: about 6,100 km
    assert any("2 行（共 2 行）不在本县社区范围内" in line and "其他县" in line for line in lines)
    assert not result.written and _count(empty_engine, Road) == before


def test_one_street_outside_is_named_by_its_row_and_the_rest_are_not(empty_engine):
    seed(empty_engine)
    inside = [[104.62, 35.575], [104.621, 35.575]]
    away = [[104.62, 35.575], [104.9, 35.575]]  # runs 25 km east: about 20 km past the margin
    result = run_import(empty_engine, "roads", _collection([inside, away]), "x.geojson", ADMIN)
    named = [p for p in result.problems if p.row is not None]
    assert [p.row for p in named] == [2] and named[0].column == "geometry"
    assert "请确认坐标系" in " ".join(p.reason for p in result.problems if p.row is None)


def _western_county(engine) -> None:
    """One community in Kashgar (lat 39.47, lon 75.99), where swapped degrees stay in range."""
    create_schema(engine)
    ring = [[75.97, 39.45], [76.01, 39.45], [76.01, 39.49], [75.97, 39.49], [75.97, 39.45]]
    with engine.begin() as conn:
        conn.execute(
            Community.__table__.insert().values(
                code="653101000001", name="西域社区", town="喀什", households=100,
                population=300, lat=39.47, lon=75.99,
                boundary=json.dumps({"type": "Polygon", "coordinates": [ring]}),
            )
        )  # fmt: skip
        conn.execute(
            Grid.__table__.insert().values(
                code="653101000001001", community_code="653101000001", name="一网格",
                households=100, population=300,
            )
        )  # fmt: skip


def test_swapped_coordinates_in_western_china_are_refused_with_the_hint(empty_engine):
    _western_county(empty_engine)
    swapped = [[[39.47, 75.99], [39.471, 75.991]], [[39.471, 75.991], [39.472, 75.991]]]
    result = run_import(
        empty_engine, "roads", _collection(swapped), "s.geojson", ADMIN, dry_run=False
    )
    text = " ".join(p.reason for p in result.problems)
    assert "纬度和经度可能写反了" in text
    assert not result.written and _count(empty_engine, Road) == 0
    right = [[[lat, lon] for lon, lat in line] for line in swapped]
    ok = run_import(empty_engine, "roads", _collection(right), "r.geojson", ADMIN, dry_run=False)
    assert not ok.problems and ok.written


def test_swapped_compound_coordinates_are_refused_with_the_hint(empty_engine):
    _western_county(empty_engine)
    header = "id,community_code,grid_code,name,households,population,residents_60_plus,"
    header += "residents_80_plus,lat,lon\n"
    data = (header + "XQ9,653101000001,653101000001001,新村,10,30,5,1,75.99,39.47\n").encode()
    result = run_import(empty_engine, "compounds", data, "c.csv", ADMIN, dry_run=False)
    text = " ".join(p.line() for p in result.problems)
    assert "纬度和经度可能写反了" in text and "第2行" in text
    assert _count(empty_engine, Compound) == 0


def test_the_sample_streets_in_undeclared_gcj02_are_refused_and_import_once_declared(
    empty_engine,
):
    seed(empty_engine)
    with empty_engine.connect() as conn:
        stored = dict(conn.execute(select(Road.id, Road.geometry)).all())
    data = _sample_roads("gcj02")
    refused = run_import(empty_engine, "roads", data, "gcj.geojson", ADMIN, dry_run=False)
    text = " ".join(p.reason for p in refused.problems)
    assert "按 GCJ-02（高德、腾讯） 读取" in text and "--coordinates gcj02" in text
    assert not refused.written
    with empty_engine.connect() as conn:
        assert dict(conn.execute(select(Road.id, Road.geometry)).all()) == stored
    declared = run_import(
        empty_engine, "roads", data, "gcj.geojson", ADMIN, dry_run=True, coordinates="gcj02"
    )
    assert not declared.problems
    # BD-09 too; and the true file passes as it is.
    bd = run_import(empty_engine, "roads", _sample_roads("bd09"), "bd.geojson", ADMIN)
    assert "--coordinates bd09" in " ".join(p.reason for p in bd.problems)
    assert not run_import(empty_engine, "roads", _sample_roads(), "w.geojson", ADMIN).problems


def test_wgs84_streets_declared_as_gcj02_are_refused_too(empty_engine):
    seed(empty_engine)
    wrong = run_import(
        empty_engine, "roads", _sample_roads(), "w.geojson", ADMIN, coordinates="gcj02"
    )
    assert "--coordinates wgs84" in " ".join(p.reason for p in wrong.problems)


def test_compounds_in_undeclared_gcj02_are_refused_against_the_stored_streets(empty_engine):
    seed(empty_engine)
    with open(SAMPLE_DIR / "compounds.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        lat, lon = from_wgs84(float(row["lat"]), float(row["lon"]), "gcj02")
        row["lat"], row["lon"] = f"{lat:.6f}", f"{lon:.6f}"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    data = out.getvalue().encode()
    refused = run_import(empty_engine, "compounds", data, "c.csv", ADMIN, dry_run=False)
    assert "--coordinates gcj02" in " ".join(p.reason for p in refused.problems)
    assert not refused.written
    declared = run_import(empty_engine, "compounds", data, "c.csv", ADMIN, coordinates="gcj02")
    assert not declared.problems


def test_swapped_streets_in_the_sample_county_are_out_of_range_with_the_hint(empty_engine):
    seed(empty_engine)
    swapped = [[[35.575, 104.62], [35.575, 104.621]]]
    result = run_import(empty_engine, "roads", _collection(swapped), "s.geojson", ADMIN)
    text = " ".join(p.reason for p in result.problems)
    assert "坐标超出范围" in text and "纬度和经度可能写反了" in text
