"""Places and streets checked against where the county is, before anything is written.

The county's extent is the box around its communities' boundaries, community centres and
compounds, plus a margin of 0.05° (about 5 km). Every compound, service point (any row with lat
and lon) and every vertex of a street must fall inside it; a row outside is named with its
distance to the county, and one line for the file says the likely cause:

- swapped coordinates: most rows outside fall inside once latitude and longitude are swapped;
- another county or the wrong coordinate system: the rows are more than 50 km away;
- otherwise: check the coordinate system (WGS-84; GCJ-02 or BD-09 declared with --coordinates).

Coordinates from Chinese web maps shifted by GCJ-02 (a few hundred metres) or BD-09 (about a
kilometre more) stay inside the margin, so they are caught by how well the file lines up with
what is stored instead (`misalignment`): the median distance from the county's compounds and
service points to the nearest street of a street file (or, for a file of places, from its places
to the stored streets) is measured as declared and as if the file were in each other system. The
file is refused when another system halves that median and saves at least 15 m, with at least
10 places to measure. A shift of hundreds of metres is unrelated to where streets run, so a
correctly declared file is not beaten by half by chance; a refused file may also mean the stored
places themselves were imported in the wrong system, and the message says so.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from data_access.areas.geo import bounds
from data_access.importing.coords import SYSTEMS, from_wgs84, to_wgs84
from data_access.models import Community, Compound, Road, ServicePoint
from data_access.service_points.coverage import haversine_m
from data_access.text import numbers, t

_LANG = "zh"
MARGIN_DEG = 0.05  # about 5 km
CHINA_BOX = (18.0, 54.0, 73.0, 136.0)  # lat min/max, lon min/max
FAR_KM = 50.0  # further than this: another county, or not the county's coordinates at all
SHOWN_ROWS = 20  # rows named one by one; the file's line counts the rest
# The misalignment rule (module docstring).
MIN_PLACES = 10
BETTER_FACTOR = 0.5
MIN_SAVING_M = 15.0
_NEAR_M = 500.0  # places further than this from every street of the file do not measure it


@dataclass(frozen=True)
class Extent:
    lat_min: float
    lat_max: float
    lon_min: float
    lon_max: float
    county: bool  # False: the box of China, used before any community is imported

    def contains(self, lat: float, lon: float) -> bool:
        m = MARGIN_DEG if self.county else 0.0
        return (
            self.lat_min - m <= lat <= self.lat_max + m
            and self.lon_min - m <= lon <= self.lon_max + m
        )

    def distance_km(self, lat: float, lon: float) -> float:
        """Great-circle distance to the nearest point of the box (without the margin)."""
        near_lat = min(max(lat, self.lat_min), self.lat_max)
        near_lon = min(max(lon, self.lon_min), self.lon_max)
        return float(haversine_m(lat, lon, near_lat, near_lon)) / 1000


def county_extent(conn: Connection) -> Extent | None:
    """The box of the county's communities (boundaries and centres) and compounds."""
    lats, lons = [], []
    for model in (Community, Compound):
        row = conn.execute(
            select(
                func.min(model.lat), func.max(model.lat), func.min(model.lon), func.max(model.lon)
            )
        ).one()
        if row[0] is not None:
            lats += [row[0], row[1]]
            lons += [row[2], row[3]]
    box = bounds(conn.execute(select(Community.boundary)).scalars())
    if box is not None:
        lats += [box.lat_min, box.lat_max]
        lons += [box.lon_min, box.lon_max]
    if not lats:
        return None
    return Extent(min(lats), max(lats), min(lons), max(lons), county=True)


def china_extent() -> Extent:
    return Extent(*CHINA_BOX, county=False)


def outside_reason(extent: Extent, lat: float, lon: float) -> str:
    """The reason for one row outside: how far it is from the county."""
    if not extent.county:
        return t("import.cell.outside_china", _LANG)
    km = numbers.plain(extent.distance_km(lat, lon), 1)
    return t("import.extent.outside", _LANG, km=km)


def file_hint(extent: Extent, outside: list[tuple[float, float]], total_rows: int) -> str:
    """One line for the file: how many rows are outside and the likely cause."""
    swapped = sum(extent.contains(lon, lat) for lat, lon in outside)
    if swapped * 2 >= len(outside):
        cause = t("import.extent.hint_swapped", _LANG)
    elif extent.county and np.median([extent.distance_km(*p) for p in outside]) > FAR_KM:
        cause = t("import.extent.hint_far", _LANG, km=FAR_KM)
    else:
        cause = t("import.extent.hint_system", _LANG)
    count = numbers.plain(len(outside))
    where = "import.extent.file_county" if extent.county else "import.extent.file_china"
    return t(where, _LANG, count=count, total=numbers.plain(total_rows), cause=cause)


# ------------------------------------------------------------------ alignment (GCJ-02, BD-09)


def _street_lines(geometries: list[str]) -> list[list[tuple[float, float]]]:
    lines = []
    for text in geometries:
        geom = json.loads(text)
        parts = [geom["coordinates"]] if geom["type"] == "LineString" else geom["coordinates"]
        lines += [[(float(x), float(y)) for x, y, *_ in part] for part in parts]
    return lines


def _median_distance(
    lines: list[list[tuple[float, float]]], places: list[tuple[float, float]], shift: tuple
) -> tuple[float, int]:
    """Median metres from each place to its nearest street (streets moved by `shift` degrees
    (dlat, dlon)), over the places within _NEAR_M; and how many places that is."""
    from shapely import STRtree, linestrings, points

    lat0 = float(np.mean([p[0] for p in places]))
    lon0 = float(np.mean([p[1] for p in places]))
    kx, ky = 111_320 * math.cos(math.radians(lat0)), 110_574.0
    dlat, dlon = shift
    coords = np.array([p for line in lines for p in line], dtype=float)
    coords = np.column_stack(((coords[:, 0] + dlon - lon0) * kx, (coords[:, 1] + dlat - lat0) * ky))
    indices = np.repeat(np.arange(len(lines)), [len(line) for line in lines])
    shapes = linestrings(coords, indices=indices)
    spots = points([((lon - lon0) * kx, (lat - lat0) * ky) for lat, lon in places])
    _, distance = STRtree(shapes).query_nearest(spots, return_distance=True, all_matches=False)
    near = distance[distance <= _NEAR_M]
    return (float(np.median(near)) if len(near) else math.inf), len(near)


def _shift(lat: float, lon: float, declared: str, other: str) -> tuple[float, float]:
    """(dlat, dlon) that moves a position converted as `declared` to where it lands when the
    file's numbers are read as `other` (constant across a county to within metres)."""
    raw_lat, raw_lon = from_wgs84(lat, lon, declared)
    other_lat, other_lon = to_wgs84(raw_lat, raw_lon, other)
    return other_lat - lat, other_lon - lon


def misalignment(
    lines: list[list[tuple[float, float]]],
    places: list[tuple[float, float]],
    declared: str,
    moving: str,
) -> str | None:
    """The refusal when the file lines up far better read in another coordinate system.
    `moving` is "lines" when the file holds the streets, "places" when it holds the places."""
    if not lines or len(places) < MIN_PLACES:
        return None
    stated, used = _median_distance(lines, places, (0.0, 0.0))
    if used < MIN_PLACES:
        return None
    lat0 = float(np.mean([p[0] for p in places]))
    lon0 = float(np.mean([p[1] for p in places]))
    for other in SYSTEMS:
        if other == declared:
            continue
        dlat, dlon = _shift(lat0, lon0, declared, other)
        # Moving the file's places by d is moving the streets by -d.
        shift = (dlat, dlon) if moving == "lines" else (-dlat, -dlon)
        better, _ = _median_distance(lines, places, shift)
        if better <= stated * BETTER_FACTOR and stated - better >= MIN_SAVING_M:
            moved_m = haversine_m(lat0, lon0, lat0 + dlat, lon0 + dlon)
            return t(
                "import.extent.misaligned",
                _LANG,
                system=t(f"admin.coordinates.{other}", _LANG),  # the page's own choice
                code=other,
                moved=numbers.plain(float(moved_m)),
                before=numbers.plain(stated),
                after=numbers.plain(better),
            )
    return None


def stored_places(conn: Connection) -> list[tuple[float, float]]:
    """(lat, lon) of the county's compounds and service points."""
    out = []
    for model in (Compound, ServicePoint):
        out += [(lat, lon) for lat, lon in conn.execute(select(model.lat, model.lon)) if lat]
    return out


def stored_streets(conn: Connection) -> list[list[tuple[float, float]]]:
    geometries = conn.execute(select(Road.geometry).where(Road.walkable)).scalars()
    return _street_lines(list(geometries))


def file_streets(geometries: list[str]) -> list[list[tuple[float, float]]]:
    return _street_lines(geometries)


# ------------------------------------------------------------------ the checks of a file

Finding = tuple[int | None, str, str, str]  # (row, column name, value shown, reason)


def _positions(table: str, row: dict) -> list[tuple[float, float]]:
    """(lat, lon) of a row: its lat/lon cells, or every vertex of a street."""
    if table == "roads":
        text = row.get("geometry")
        if not isinstance(text, str):
            return []
        return [(lat, lon) for line in _street_lines([text]) for lon, lat in line]
    lat, lon = row.get("lat"), row.get("lon")
    return [] if lat is None or lon is None else [(lat, lon)]


def check_rows(
    conn: Connection, table: str, rows: list[dict], numbers_: list[int], coordinates: str
) -> list[Finding]:
    """Rows outside the county (each named, the first SHOWN_ROWS) and the file's line; then, when
    all are inside, whether the file lines up better in another coordinate system."""
    column = "geometry" if table == "roads" else "lat"
    extent = None if table == "communities" else county_extent(conn)
    extent = extent or china_extent()
    findings: list[Finding] = []
    outside: list[tuple[float, float]] = []
    for number, row in zip(numbers_, rows, strict=True):
        positions = _positions(table, row)
        away = [p for p in positions if not extent.contains(*p)]
        if not away:
            continue
        far = max(away, key=lambda p: extent.distance_km(*p))
        outside.append(far)
        if len(outside) <= SHOWN_ROWS:
            shown = f"{far[0]}, {far[1]}"
            findings.append((number, column, shown, outside_reason(extent, *far)))
    if outside:
        findings.append((None, "", "", file_hint(extent, outside, len(rows))))
        return findings
    if not extent.county or table not in ("roads", "compounds", "service_points"):
        return findings
    if table == "roads":
        walkable = [
            r["geometry"]
            for r in rows
            if isinstance(r.get("geometry"), str) and r.get("walkable") is not False
        ]
        lines, places, moving = file_streets(walkable), stored_places(conn), "lines"
    else:
        places = [p for r in rows for p in _positions(table, r)]
        lines, moving = stored_streets(conn), "places"
    refusal = misalignment(lines, places, coordinates, moving)
    if refusal:
        findings.append((None, "", "", refusal))
    return findings
