"""A GeoJSON file of streets → rows of the `roads` table, numbered by feature.

A county exports its street network from its own GIS or from an OpenStreetMap extract as a
FeatureCollection of LineString / MultiLineString features. Each feature is one row: its `id`
(the feature's, else `properties.id`, `osm_id` or `@id`) is the key, `properties.name` the
street's name and `properties.walkable` (true when absent) whether people walk along it.

What QGIS, GDAL and geopandas write has no feature id at all: such a feature's key is derived
from its geometry (`G` + 16 hex digits of a hash of the WGS-84 line, the same whichever way the
line runs), so re-importing the same file, or a file where only names changed, updates the same
rows. Two features with the very same line get `-2`, `-3`… in file order.

A `crs` member is honoured (`crs.py`): CGCS2000 and Gauss-Krüger files are reprojected to WGS-84.
The geometry is checked here (line type, at least two positions, numbers, degrees in range) and
stored as normalised GeoJSON text; coordinates in GCJ-02 or BD-09 are converted to WGS-84 like
any other coordinates. Every feature that cannot be read is named in one message
(第 3 个要素：…), nothing is written.
"""

from __future__ import annotations

import codecs
import hashlib
import json

from data_access.importing import limits
from data_access.importing.coords import to_wgs84
from data_access.importing.crs import CrsProblem, Reproject, crs_name, reprojector
from data_access.importing.reading import FileProblem, SheetRows
from data_access.importing.spec import TableSpec
from data_access.service_points.walking import GeometryError, lines_of
from data_access.text import numbers, t

_LANG = "zh"
_HEADERS = ("id", "name", "walkable", "geometry")
# The column that holds a street's line: checked the same way in a CSV or workbook (validate).
LINE_COLUMN = ("roads", "geometry")
_SHOWN_PROBLEMS = 20  # a broken export can have thousands: the first ones say what is wrong
_ID_PROPERTIES = (
    "id",
    "osm_id",
    "@id",
)  # properties that name a feature (GDAL's OSM driver: osm_id)
_DERIVED_PREFIX = "G"


def looks_like_geojson(data: bytes) -> bool:
    """A file that opens with `{` is JSON (or meant to be): read as GeoJSON, so a broken or
    single-quoted one gets a JSON error, never a CSV reader's guess at columns."""
    head = data[:4096].removeprefix(codecs.BOM_UTF8).lstrip()
    return head.startswith(b"{")


# json's reasons, in Chinese; anything else is "格式错误".
_JSON_REASONS = {
    "Expecting property name enclosed in double quotes": "import.json.quotes",
    "Expecting value": "import.json.value",
    "Unterminated string starting at": "import.json.string",
    "Expecting ',' delimiter": "import.json.comma",
    "Expecting ':' delimiter": "import.json.colon",
    "Extra data": "import.json.extra",
}


def _json_problem(err: json.JSONDecodeError) -> str:
    """Where (line, column and character from the start: a minified file is one line) and why."""
    key = _JSON_REASONS.get(err.msg, "import.json.other")
    if err.pos >= len(err.doc.rstrip()):  # the text stops mid-way: an export or upload cut short
        key = "import.json.truncated"
    return t(
        "import.geojson.not_json",
        _LANG,
        line=numbers.plain(err.lineno),
        column=numbers.plain(err.colno),
        offset=numbers.plain(err.pos + 1),
        reason=t(key, _LANG),
    )


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


def _given_id(feature: dict, props: dict) -> str | None:
    """The feature's own id, else the first id-like property; None when it has none."""
    for key in (feature.get("id"), *(props.get(name) for name in _ID_PROPERTIES)):
        if key is None or isinstance(key, bool) or not isinstance(key, str | int):
            continue
        if str(key).strip():
            return str(key).strip()
    return None


def derived_id(geometry: str) -> str:
    """A key for a street from its stored (WGS-84, normalised) geometry: the same line drawn
    the other way gets the same key, a moved vertex a new one."""
    geom = json.loads(geometry)
    parts = [geom["coordinates"]] if geom["type"] == "LineString" else geom["coordinates"]
    canonical = sorted(min(part, part[::-1]) for part in parts)
    digest = hashlib.sha256(json.dumps(canonical).encode()).hexdigest()
    return _DERIVED_PREFIX + digest[:16]


def _reprojected(geometry: object, reproject: Reproject | None) -> object:
    """The geometry with its positions brought to WGS-84; unchanged when there is nothing to do
    or it is not a line of numbers (line_geometry then says what is wrong with it)."""
    if reproject is None or not isinstance(geometry, dict):
        return geometry
    kind, coords = geometry.get("type"), geometry.get("coordinates")
    parts = [coords] if kind == "LineString" else coords if kind == "MultiLineString" else None
    if not isinstance(parts, list) or not parts:
        return geometry
    for part in parts:
        if not isinstance(part, list) or len(part) < 2:
            return geometry
        for pos in part:
            if not isinstance(pos, list | tuple) or len(pos) < 2:
                return geometry
            if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in pos[:2]):
                return geometry
    moved = [
        [list(p) for p in reproject([(float(x), float(y)) for x, y, *_ in part])] for part in parts
    ]
    return {"type": kind, "coordinates": moved[0] if kind == "LineString" else moved}


def _feature_row(
    feature: object, coordinates: str, reproject: Reproject | None
) -> dict[str, object]:
    """One feature's row; ValueError with the reason (Chinese) when it cannot be one."""
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        raise ValueError(t("import.geojson.not_feature", _LANG))
    props = feature.get("properties") or {}
    if not isinstance(props, dict):
        raise ValueError(t("import.geojson.not_feature", _LANG))
    walkable = props.get("walkable", "")
    geometry = line_geometry(_reprojected(feature.get("geometry"), reproject), coordinates)
    return {
        "id": _given_id(feature, props),
        "name": props.get("name") or "",
        "walkable": "" if walkable is None else walkable,
        "geometry": geometry,
    }


def _number_derived_ids(rows: list[tuple[int, dict[str, object]]]) -> None:
    """Keys for the features without one; a line repeated in the file gets -2, -3, …"""
    seen: dict[str, int] = {}
    for _, row in rows:
        if row["id"] is not None:
            continue
        key = derived_id(str(row["geometry"]))
        seen[key] = seen.get(key, 0) + 1
        row["id"] = key if seen[key] == 1 else f"{key}-{seen[key]}"


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


def _range_hint(features: list) -> str:
    """Why positions are out of range: metres (a projected export without its `crs`), or
    [lat, lon] written where GeoJSON wants [lon, lat]."""
    for feature in features:
        geom = feature.get("geometry") if isinstance(feature, dict) else None
        coords = geom.get("coordinates") if isinstance(geom, dict) else None
        while isinstance(coords, list) and coords and isinstance(coords[0], list):
            coords = coords[0]
        if not (isinstance(coords, list) and len(coords) >= 2):
            continue
        x, y = coords[:2]
        if not all(isinstance(v, int | float) for v in (x, y)):
            continue
        if abs(x) > 360 or abs(y) > 360:
            return t("import.crs.projected_hint", _LANG)
        if abs(y) <= 180 and abs(x) <= 90:
            return t("import.geojson.swapped_hint", _LANG)
    return ""


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
    except UnicodeDecodeError:
        raise FileProblem(t("import.json.encoding", _LANG)) from None
    except json.JSONDecodeError as err:
        raise FileProblem(_json_problem(err)) from None
    except RecursionError:  # arrays nested thousands deep: no street is written like that
        raise FileProblem(t("import.geojson.not_collection", _LANG)) from None
    if isinstance(doc, dict) and doc.get("type") == "Feature":
        doc = {"type": "FeatureCollection", "features": [doc]}
    if not isinstance(doc, dict) or not isinstance(doc.get("features"), list):
        raise FileProblem(t("import.geojson.not_collection", _LANG))
    try:
        name = crs_name(doc.get("crs"))
        reproject = reprojector(name)
    except CrsProblem as err:
        raise FileProblem(str(err)) from None
    too_many = limits.grid_problem(len(doc["features"]), len(_HEADERS))
    if too_many:
        raise FileProblem(too_many)
    rows, problems = [], []
    out_of_range = t("import.geojson.out_of_range", _LANG)
    for number, feature in enumerate(doc["features"], start=1):
        try:
            rows.append((number, _feature_row(feature, coordinates, reproject)))
        except ValueError as err:  # CrsProblem too: a position outside the declared zone
            problems.append(t("import.geojson.feature", _LANG, n=number, reason=str(err)))
    if problems:
        more = len(problems) - _SHOWN_PROBLEMS
        text = "".join(problems[:_SHOWN_PROBLEMS])
        if more > 0:
            text += t("import.geojson.more", _LANG, n=more)
        if name is None and any(out_of_range in p for p in problems):
            text += _range_hint(doc["features"])
        raise FileProblem(text.strip())
    _number_derived_ids(rows)
    headers = {name: name for name in _HEADERS}
    return SheetRows(rows, headers, (), "geojson")
