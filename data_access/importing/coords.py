"""Coordinates from Chinese web maps, brought to WGS-84 (what the database and the maps use).

AMap (高德) and Tencent give GCJ-02, Baidu gives BD-09. The conversion is `prcoords`'
(public domain): its "bored" inverses iterate to a fixed point, where one-step inverses err by
up to about 3.5 m.
"""

from __future__ import annotations

import prcoords

SYSTEMS: tuple[str, ...] = ("wgs84", "gcj02", "bd09")


def to_wgs84(lat: float, lon: float, system: str) -> tuple[float, float]:
    """(lat, lon) in WGS-84 of a point given in `system`."""
    if system == "wgs84":
        return lat, lon
    if system == "gcj02":
        point = prcoords.gcj_wgs_bored(prcoords.Coords(lat, lon))
    elif system == "bd09":
        point = prcoords.bd_wgs_bored(prcoords.Coords(lat, lon))
    else:
        raise ValueError(f"unknown coordinate system {system!r}")
    return point.lat, point.lon


def from_wgs84(lat: float, lon: float, system: str) -> tuple[float, float]:
    """(lat, lon) of a WGS-84 point in `system` (for tests and for a clerk's check on a web map)."""
    if system == "wgs84":
        return lat, lon
    point = prcoords.Coords(lat, lon)
    converted = prcoords.wgs_gcj(point) if system == "gcj02" else prcoords.wgs_bd(point)
    return converted.lat, converted.lon
