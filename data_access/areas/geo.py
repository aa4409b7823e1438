"""Stored GeoJSON boundaries read one way everywhere: coordinates, boxes, polygons, containment.

Boundaries are stored as GeoJSON text in WGS-84 decimal degrees. Everything that needs
their coordinates (the county's box for what-if sites, the map's view, name labels) walks them
here, so a Polygon, MultiPolygon, Feature or FeatureCollection is read one way everywhere; the
geometry itself (area, containment, centroid) is shapely's.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

from shapely.geometry import Point, Polygon

LonLat = tuple[float, float]
Ring = list[LonLat]


class Bounds(NamedTuple):
    """A box in degrees; unpacks as (lat_min, lat_max, lon_min, lon_max)."""

    lat_min: float
    lat_max: float
    lon_min: float
    lon_max: float


def as_geometry(value: str | dict | None) -> dict:
    """A GeoJSON object from stored text (or an already parsed object); {} for nothing."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return {}
    if isinstance(value, str):
        return json.loads(value) if value.strip() else {}
    return value


def _is_position(node: Any) -> bool:
    return (
        isinstance(node, list | tuple)
        and len(node) >= 2
        and all(isinstance(v, int | float) and not isinstance(v, bool) for v in node[:2])
    )


def _walk(node: Any) -> Iterator[LonLat]:
    if _is_position(node):
        yield float(node[0]), float(node[1])
    elif isinstance(node, list | tuple):
        for child in node:
            yield from _walk(child)


def coordinates(geometry: str | dict | None) -> list[LonLat]:
    """Every (lon, lat) of a GeoJSON geometry, Feature or FeatureCollection (GeometryCollections
    included), in order; anything that is not a position is skipped."""
    geo = as_geometry(geometry)
    kind = geo.get("type")
    if kind == "Feature":
        return coordinates(geo.get("geometry"))
    if kind == "FeatureCollection":
        return [p for feature in geo.get("features") or [] for p in coordinates(feature)]
    if kind == "GeometryCollection":
        return [p for part in geo.get("geometries") or [] for p in coordinates(part)]
    return list(_walk(geo.get("coordinates", [])))


def bounds(geometries: Iterable[str | dict | None]) -> Bounds | None:
    """The box around every coordinate of the geometries; None when they hold none."""
    lons, lats = [], []
    for geometry in geometries:
        for lon, lat in coordinates(geometry):
            lons.append(lon)
            lats.append(lat)
    if not lats:
        return None
    return Bounds(min(lats), max(lats), min(lons), max(lons))


def bounds_of_points(lats: Iterable[float], lons: Iterable[float]) -> Bounds | None:
    lats, lons = [float(v) for v in lats], [float(v) for v in lons]
    if not lats:
        return None
    return Bounds(min(lats), max(lats), min(lons), max(lons))


def polygons(geometry: str | dict | None) -> list[list[Ring]]:
    """The polygons of a geometry as lists of rings (outer ring first, then holes)."""
    geo = as_geometry(geometry)
    kind = geo.get("type")
    if kind == "Feature":
        return polygons(geo.get("geometry"))
    if kind == "FeatureCollection":
        return [p for feature in geo.get("features") or [] for p in polygons(feature)]
    if kind == "GeometryCollection":
        return [p for part in geo.get("geometries") or [] for p in polygons(part)]
    coords = geo.get("coordinates") or []
    if kind == "Polygon":
        return [[list(_walk(ring)) for ring in coords]]
    if kind == "MultiPolygon":
        return [[list(_walk(ring)) for ring in polygon] for polygon in coords]
    return []


def _polygon(polygon: list[Ring]) -> Polygon:
    return Polygon(polygon[0], polygon[1:])


def ring_area(ring: Ring) -> float:
    """Unsigned area in square degrees; enough to tell a large part from a small one."""
    return float(Polygon(ring).area) if len(ring) >= 3 else 0.0


def largest_polygon(geometry: str | dict | None) -> list[Ring]:
    """The polygon (outer ring and holes) with the largest outer ring; [] when there is none."""
    found = [p for p in polygons(geometry) if p and len(p[0]) >= 3]
    return max(found, key=lambda p: ring_area(p[0])) if found else []


def in_polygon(polygon: list[Ring], lon: float, lat: float) -> bool:
    """Inside the outer ring and outside every hole."""
    if not polygon or len(polygon[0]) < 3:
        return False
    return bool(_polygon(polygon).contains(Point(lon, lat)))


def centroid(ring: Ring) -> LonLat:
    """Area centroid of a ring (its vertex mean when the ring has no area)."""
    shape = Polygon(ring) if len(ring) >= 3 else None
    if shape is None or shape.area < 1e-18:
        return sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring)
    return float(shape.centroid.x), float(shape.centroid.y)
