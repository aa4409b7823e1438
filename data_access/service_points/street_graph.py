"""The walkable street graph: GeoJSON street lines read, cut into short pieces, and joined where
they share a vertex (to 1e-8°, about 1 mm), as in any GIS export. Long edges are cut into pieces
of at most `MAX_PIECE_M`, which bounds the search for a place's nearest street
(data_access.service_points.walking joins places to the graph and finds the shortest walks).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from data_access.service_points.coverage import haversine_m

MAX_PIECE_M = 50.0  # longest street piece after cutting
_ROUND = 8  # decimals of a degree that identify a vertex (≈ 1 mm)

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.intp]
Line = Sequence[Sequence[float]]  # [(lon, lat), ...]


class GeometryError(ValueError):
    """A street geometry that is not a LineString or MultiLineString of (lon, lat) numbers."""


def lines_of(geometry: str | dict) -> list[list[tuple[float, float]]]:
    """The lines of a GeoJSON LineString / MultiLineString (text or dict) as [(lon, lat), ...]."""
    geom = json.loads(geometry) if isinstance(geometry, str) else geometry
    if not isinstance(geom, dict):
        raise GeometryError("not_object")
    kind, coords = geom.get("type"), geom.get("coordinates")
    if kind == "LineString":
        parts = [coords]
    elif kind == "MultiLineString":
        parts = coords if isinstance(coords, list) else None
    else:
        raise GeometryError("not_line")
    if not parts:
        raise GeometryError("no_coordinates")
    lines = []
    for part in parts:
        if not isinstance(part, list) or len(part) < 2:
            raise GeometryError("too_few_points")
        line = []
        for pos in part:
            if (
                not isinstance(pos, list | tuple)
                or len(pos) < 2
                or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in pos[:2])
            ):
                raise GeometryError("not_number")
            lon, lat = float(pos[0]), float(pos[1])
            if not (-180 <= lon <= 180 and -90 <= lat <= 90) or not np.isfinite([lon, lat]).all():
                raise GeometryError("out_of_range")
            line.append((lon, lat))
        lines.append(line)
    return lines


@dataclass(frozen=True)
class Streets:
    """The walkable street graph: nodes (lat, lon) and undirected edges u–v of length w metres."""

    lat: FloatArray
    lon: FloatArray
    u: IntArray
    v: IntArray
    w: FloatArray

    @property
    def empty(self) -> bool:
        return len(self.u) == 0

    @property
    def length_m(self) -> float:
        return float(self.w.sum())


def streets(lines: Iterable[Line]) -> Streets:
    """The graph of street lines ([(lon, lat), ...] each), long edges cut into ≤ MAX_PIECE_M pieces."""
    a_lon, a_lat, b_lon, b_lat = [], [], [], []
    for line in lines:
        arr = np.asarray(line, dtype=float).reshape(-1, 2)
        if len(arr) < 2:
            continue
        a_lon.append(arr[:-1, 0])
        a_lat.append(arr[:-1, 1])
        b_lon.append(arr[1:, 0])
        b_lat.append(arr[1:, 1])
    if not a_lon:
        z = np.zeros(0)
        return Streets(z, z, z.astype(np.intp), z.astype(np.intp), z)
    lon0, lat0 = np.concatenate(a_lon), np.concatenate(a_lat)
    lon1, lat1 = np.concatenate(b_lon), np.concatenate(b_lat)
    length = haversine_m(lat0, lon0, lat1, lon1)
    pieces = np.maximum(np.ceil(length / MAX_PIECE_M).astype(np.intp), 1)
    # Cut each segment into `pieces` equal parts: vertex k of segment s at fraction k / pieces[s].
    seg = np.repeat(np.arange(len(length)), pieces)
    k = np.arange(len(seg)) - np.repeat(np.cumsum(pieces) - pieces, pieces)
    f0, f1 = k / pieces[seg], (k + 1) / pieces[seg]
    p_lon0 = lon0[seg] + (lon1[seg] - lon0[seg]) * f0
    p_lat0 = lat0[seg] + (lat1[seg] - lat0[seg]) * f0
    p_lon1 = lon0[seg] + (lon1[seg] - lon0[seg]) * f1
    p_lat1 = lat0[seg] + (lat1[seg] - lat0[seg]) * f1
    nodes, index = unique_positions(np.r_[p_lon0, p_lon1], np.r_[p_lat0, p_lat1])
    u, v = index[: len(seg)], index[len(seg) :]
    w = length[seg] / pieces[seg]
    keep = u != v  # a zero-length segment joins nothing
    return Streets(nodes[:, 1].copy(), nodes[:, 0].copy(), u[keep], v[keep], w[keep])


def unique_positions(lon: FloatArray, lat: FloatArray) -> tuple[FloatArray, IntArray]:
    """(unique (lon, lat) rows rounded to _ROUND decimals, index of each input row in them).
    Sorting the two integer columns is many times faster than np.unique(axis=0)."""
    scale = 10.0**_ROUND
    x, y = np.round(lon * scale).astype(np.int64), np.round(lat * scale).astype(np.int64)
    order = np.lexsort((y, x))
    xs, ys = x[order], y[order]
    new = np.ones(len(order), dtype=bool)
    new[1:] = (xs[1:] != xs[:-1]) | (ys[1:] != ys[:-1])
    inverse = np.empty(len(order), dtype=np.intp)
    inverse[order] = np.cumsum(new) - 1
    nodes = np.column_stack((xs[new] / scale, ys[new] / scale))
    return nodes, inverse


def streets_from_geojson(geometries: Iterable[str | dict]) -> Streets:
    """The graph of GeoJSON LineStrings / MultiLineStrings (only the walkable ones are passed)."""
    return streets(line for g in geometries for line in lines_of(g))
