"""Street files as a county's GIS exports them: GDAL/QGIS GeoJSON without feature ids, with a
`crs` member (CRS84, CGCS2000, Gauss-Krüger), imported through the one import path."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from data_access.admin.users import User
from data_access.importing import run_import
from data_access.models import Road
from data_access.seeding import seed

ADMIN = User("tester", "admin")
# Three streets of the sample county (WGS-84 lon, lat), the second drawn as GDAL writes a
# MultiLineString.
STREETS = [
    ("新街", [[104.62, 35.575], [104.621, 35.575], [104.6215, 35.5755]]),
    ("", [[104.621, 35.575], [104.621, 35.576]]),
    ("东巷", [[104.6215, 35.5755], [104.622, 35.576]]),
]
# The same positions in CGCS2000 / 3-degree Gauss-Krüger CM 105E (EPSG:4544), easting first as
# GDAL writes them; computed once with PROJ 9 (cs2cs EPSG:4326 EPSG:4544) and written out so the
# test does not check pyproj against itself.
GK_4544 = {
    (104.62, 35.575): (465554.8267, 3938453.2192),
}


def _gdal_file(crs: str | None, streets=STREETS, transform=None) -> bytes:
    """A FeatureCollection as `ogr2ogr -f GeoJSON` writes it: a name, a crs, no feature ids."""
    features = []
    for name, line in streets:
        coords = [list(transform(*p)) if transform else p for p in line]
        features.append(
            {
                "type": "Feature",
                "properties": {"name": name or None, "highway": "residential"},
                "geometry": {"type": "LineString", "coordinates": coords},
            }
        )
    doc: dict = {"type": "FeatureCollection", "name": "streets", "features": features}
    if crs:
        doc["crs"] = {"type": "name", "properties": {"name": crs}}
    return json.dumps(doc, ensure_ascii=False).encode()


def _stored(engine) -> dict[str, Road]:
    with engine.connect() as conn:
        return {r.id: r for r in conn.execute(select(Road).where(Road.id.like("G%")))}


def test_a_gdal_geojson_without_ids_in_crs84_imports_with_ids_from_its_geometry(empty_engine):
    seed(empty_engine)
    data = _gdal_file("urn:ogc:def:crs:OGC:1.3:CRS84")
    done = run_import(empty_engine, "roads", data, "streets.geojson", ADMIN, dry_run=False)
    assert not done.problems and done.added == 3
    rows = _stored(empty_engine)
    assert len(rows) == 3 and all(len(key) == 17 for key in rows)
    assert {r.name or "" for r in rows.values()} == {"新街", "", "东巷"}
    # The same file again changes nothing: the keys are stable.
    again = run_import(empty_engine, "roads", data, "streets.geojson", ADMIN, dry_run=False)
    assert again.added == 0 and again.unchanged == 3
    # A street drawn the other way, renamed, is the same row updated.
    turned = [(n + "路", line[::-1]) for n, line in STREETS]
    third = run_import(
        empty_engine, "roads", _gdal_file(None, turned), "s.geojson", ADMIN, dry_run=False
    )
    assert third.added == 0 and third.updated == 3


def test_the_same_streets_in_gauss_kruger_epsg_4544_import_to_the_same_rows(empty_engine):
    from pyproj import Transformer

    seed(empty_engine)
    to_gk = Transformer.from_crs("EPSG:4326", "EPSG:4544", always_xy=True).transform
    easting, northing = to_gk(104.62, 35.575)
    want_e, want_n = GK_4544[(104.62, 35.575)]
    assert abs(easting - want_e) < 0.01 and abs(northing - want_n) < 0.01
    data = _gdal_file("urn:ogc:def:crs:EPSG::4544", transform=to_gk)
    assert b"3938453." in data  # metres in the file, not degrees
    done = run_import(empty_engine, "roads", data, "gk.geojson", ADMIN, dry_run=False)
    assert not done.problems and done.added == 3
    crs84 = _gdal_file("urn:ogc:def:crs:OGC:1.3:CRS84")
    same = run_import(empty_engine, "roads", crs84, "wgs.geojson", ADMIN, dry_run=False)
    assert same.added == 0 and same.unchanged == 3  # reprojected to the very same positions
    first = next(r for r in _stored(empty_engine).values() if r.name == "新街")
    lon, lat = json.loads(first.geometry)["coordinates"][0]
    assert abs(lon - 104.62) < 1e-7 and abs(lat - 35.575) < 1e-7


def test_cgcs2000_geographic_is_taken_as_wgs84_to_the_centimetre(empty_engine):
    seed(empty_engine)
    data = _gdal_file("EPSG:4490")
    done = run_import(empty_engine, "roads", data, "cgcs.geojson", ADMIN, dry_run=False)
    assert not done.problems and done.added == 3
    first = next(r for r in _stored(empty_engine).values() if r.name == "新街")
    lon, lat = json.loads(first.geometry)["coordinates"][0]
    assert abs(lon - 104.62) < 1e-6 and abs(lat - 35.575) < 1e-6


def test_metres_without_a_crs_and_an_unknown_crs_are_refused_with_the_export_to_make(
    empty_engine,
):
    from pyproj import Transformer

    seed(empty_engine)
    to_gk = Transformer.from_crs("EPSG:4326", "EPSG:4544", always_xy=True).transform
    bare = run_import(empty_engine, "roads", _gdal_file(None, transform=to_gk), "gk.geojson", ADMIN)
    text = " ".join(p.reason for p in bare.problems)
    assert "投影坐标" in text and "EPSG:4544" in text
    unknown = run_import(
        empty_engine, "roads", _gdal_file("EPSG:999999"), "x.geojson", ADMIN, dry_run=False
    )
    assert "EPSG:999999 无法识别" in unknown.problems[0].reason
    assert not _stored(empty_engine)


def test_repeated_lines_without_ids_get_numbered_keys():
    from data_access.importing.geojson import rows_of_geojson
    from data_access.importing.spec import table_spec

    line = STREETS[0]
    sheet = rows_of_geojson(_gdal_file(None, [line, line, STREETS[1]]), table_spec("roads"))
    keys = [row["id"] for _, row in sheet.rows]
    assert keys[1] == keys[0] + "-2" and len(set(keys)) == 3


def test_an_id_property_or_osm_id_is_used_when_the_feature_has_no_id():
    from data_access.importing.geojson import rows_of_geojson
    from data_access.importing.spec import table_spec

    features = [
        {"type": "Feature", "properties": {"osm_id": 42}, "geometry": {
            "type": "LineString", "coordinates": STREETS[0][1]}},
        {"type": "Feature", "properties": {"id": "R-7"}, "geometry": {
            "type": "LineString", "coordinates": STREETS[1][1]}},
    ]  # fmt: skip
    data = json.dumps({"type": "FeatureCollection", "features": features}).encode()
    sheet = rows_of_geojson(data, table_spec("roads"))
    assert [row["id"] for _, row in sheet.rows] == ["42", "R-7"]


def test_the_templates_say_positions_are_wgs84_and_name_the_coordinates_option():
    import io

    from openpyxl import load_workbook

    from data_access.importing.templates import template

    for table, column in (("compounds", "lat"), ("service_points", "lon"), ("roads", "geometry")):
        book = load_workbook(io.BytesIO(template(table)))
        notes = {row[1]: row[3] for row in book.worksheets[1].iter_rows(values_only=True)}
        assert "WGS-84" in notes[column] and "--coordinates" in notes[column], table


def test_shapefiles_geopackages_and_kml_are_named_with_the_export_to_make(empty_engine, tmp_path):
    import io
    import sqlite3
    import zipfile

    seed(empty_engine)
    gpkg = tmp_path / "streets.gpkg"
    sqlite3.connect(gpkg).execute("CREATE TABLE gpkg_contents (table_name TEXT)").connection.close()
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as archive:
        for ext in ("shp", "shx", "dbf", "prj"):
            archive.writestr(f"streets.{ext}", b"\x00\x00\x27\x0a" if ext == "shp" else b"")
    files = {
        "Shapefile": b"\x00\x00\x27\x0a" + b"\x00" * 96,
        "GeoPackage": gpkg.read_bytes(),
        "KML": b'<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"></kml>',
    }
    for kind, data in [*files.items(), ("Shapefile", zipped.getvalue())]:
        result = run_import(empty_engine, "roads", data, "f", ADMIN)
        reason = result.problems[0].reason
        assert f"这是 {kind} 文件" in reason and "GeoJSON" in reason, kind


_POSITION = st.tuples(
    st.floats(104.5, 104.7, allow_nan=False), st.floats(35.5, 35.7, allow_nan=False)
).map(lambda p: [round(p[0], 7), round(p[1], 7)])


@given(st.lists(_POSITION, min_size=2, max_size=8, unique_by=tuple))
def test_a_derived_key_ignores_direction_and_follows_every_vertex(line):
    from data_access.importing.geojson import derived_id, line_geometry

    forward = derived_id(line_geometry({"type": "LineString", "coordinates": line}))
    backward = derived_id(line_geometry({"type": "LineString", "coordinates": line[::-1]}))
    assert forward == backward
    moved = [line[0], *line[1:-1], [line[-1][0] + 1e-6, line[-1][1]]]
    assert derived_id(line_geometry({"type": "LineString", "coordinates": moved})) != forward
