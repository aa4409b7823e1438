"""A GeoJSON file of streets → rows of the `roads` table, numbered by feature.

A county exports its street network from its own GIS or from an OpenStreetMap extract as a
FeatureCollection of LineString / MultiLineString features. Each feature is one row: its `id`
(the feature's, else `properties.id`) is the key, `properties.name` the street's name and
`properties.walkable` (true when absent) whether people walk along it. The geometry is checked
here (line type, at least two positions, numbers, degrees in range) and stored as normalised
GeoJSON text; coordinates in GCJ-02 or BD-09 are converted to WGS-84 like any other coordinates.
Every feature that cannot be read is named in one message (第 3 个要素：…), nothing is written.
"""

from __future__ import annotations

import codecs
import json

from data_access.importing import limits
from data_access.importing.coords import to_wgs84
from data_access.importing.reading import FileProblem, SheetRows
from data_access.importing.spec import TableSpec
from data_access.service_points.walking import GeometryError, lines_of
from data_access.text import t

_LANG = "zh"
_HEADERS = ("id", "name", "walkable", "geometry")
# The column that holds a street's line: checked the same way in a CSV or workbook (validate).
LINE_COLUMN = ("roads", "geometry")
_SHOWN_PROBLEMS = 20  # a broken export can have thousands: the first ones say what is wrong


def looks_like_geojson(data: bytes) -> bool:
    """A JSON object whose first bytes name a GeoJSON type (not a CSV or a workbook)."""
    head = data[:4096].removeprefix(codecs.BOM_UTF8).lstrip()
    return head.startswith(b"{") and b'"type"' in head


def _converted(lines: list[list[tuple[float, float]]], system: str) -> list[list[list[float]]]:
    out = []
    for line in lines:
        part = []
        for lon, lat in line:
            if system != "wgs84":
                lat, lon = to_wgs84(lat, lon, system)
            part.append([round(lon, 7), round(lat, 7)])
        out.append(part)
    return out


def _feature_row(feature: object, coordinates: str) -> dict[str, object]:
    """One feature's row; ValueError with the reason (Chinese) when it cannot be one."""
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        raise ValueError(t("import.geojson.not_feature", _LANG))
    props = feature.get("properties") or {}
    if not isinstance(props, dict):
        raise ValueError(t("import.geojson.not_feature", _LANG))
    key = feature.get("id", props.get("id"))
    if key is None or isinstance(key, bool) or not isinstance(key, str | int) or str(key) == "":
        raise ValueError(t("import.geojson.no_id", _LANG))
    walkable = props.get("walkable", "")
    return {
        "id": str(key),
        "name": props.get("name") or "",
        "walkable": "" if walkable is None else walkable,
        "geometry": line_geometry(feature.get("geometry"), coordinates),
    }


def line_geometry(geometry: object, coordinates: str = "wgs84") -> str:
    """A street's geometry (a GeoJSON dict, or its text as a CSV / workbook cell holds it) as the
    `roads.geometry` text in WGS-84; ValueError with the reason (Chinese) when it is not a line."""
    if isinstance(geometry, str):
        try:
            geometry = json.loads(geometry)
        except json.JSONDecodeError:
            raise ValueError(t("import.geojson.not_geometry_text", _LANG)) from None
    try:
        lines = lines_of(geometry if geometry is not None else {})
    except GeometryError as err:
        kind = geometry.get("type") if isinstance(geometry, dict) else None
        raise ValueError(t(f"import.geojson.{err}", _LANG, kind=kind or "—")) from None
    parts = _converted(lines, coordinates)
    geom = (
        {"type": "LineString", "coordinates": parts[0]}
        if len(parts) == 1
        else {"type": "MultiLineString", "coordinates": parts}
    )
    return json.dumps(geom, separators=(", ", ": "))


def rows_of_geojson(data: bytes, spec: TableSpec, coordinates: str = "wgs84") -> SheetRows:
    """The features as rows (row number = feature number, from 1); FileProblem naming every
    feature that is not a street line, or when the file is not a FeatureCollection."""
    if spec.name != "roads":
        raise FileProblem(t("import.geojson.only_roads", _LANG))
    too_big = limits.size_problem(len(data))
    if too_big:
        raise FileProblem(too_big)
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        where = getattr(err, "lineno", None)
        raise FileProblem(t("import.geojson.not_json", _LANG, line=where or "—")) from None
    except RecursionError:  # arrays nested thousands deep: no street is written like that
        raise FileProblem(t("import.geojson.not_collection", _LANG)) from None
    if isinstance(doc, dict) and doc.get("type") == "Feature":
        doc = {"type": "FeatureCollection", "features": [doc]}
    if not isinstance(doc, dict) or not isinstance(doc.get("features"), list):
        raise FileProblem(t("import.geojson.not_collection", _LANG))
    too_many = limits.grid_problem(len(doc["features"]), len(_HEADERS))
    if too_many:
        raise FileProblem(too_many)
    rows, problems = [], []
    for number, feature in enumerate(doc["features"], start=1):
        try:
            rows.append((number, _feature_row(feature, coordinates)))
        except ValueError as err:
            problems.append(t("import.geojson.feature", _LANG, n=number, reason=str(err)))
    if problems:
        more = len(problems) - _SHOWN_PROBLEMS
        text = "".join(problems[:_SHOWN_PROBLEMS])
        if more > 0:
            text += t("import.geojson.more", _LANG, n=more)
        raise FileProblem(text.strip())
    headers = {name: name for name in _HEADERS}
    return SheetRows(rows, headers, (), "geojson")
