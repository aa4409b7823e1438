"""A dry run's picture of a street or place file: its geometries as they would be stored.

The page draws them over the communities' boundaries before anything is written, so a file in
the wrong place (another county, a coordinate system mixed up) or a replace that would remove
half the town is seen, not only counted. Positions are the stored ones (WGS-84, after the crs
reprojection and any GCJ-02/BD-09 conversion). The payload stays small: lines simplified to about
2 m and rounded to 5 decimals (about 1 m), at most MAX_SHAPES shapes, the changes kept first when
a file has more (`cut` says how many were left out).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from shapely.geometry import LineString

from data_access.areas.geo import Bounds

TABLES = ("roads", "compounds", "service_points")
# The order shapes are kept in when cut; "file": a refused file's rows, drawn to show where it lies.
KINDS = ("removed", "added", "changed", "same", "file")
MAX_SHAPES = 3000
_TOLERANCE = 0.00002  # degrees: about 2 m
_DECIMALS = 5


@dataclass
class Preview:
    """Lines ({path, kind, name}) or points ({lon, lat, kind, name}) of the file; `counts` per
    kind over the whole file, `total` shapes before the cap."""

    lines: list[dict] = field(default_factory=list)
    points: list[dict] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    total: int = 0

    @property
    def shown(self) -> int:
        return len(self.lines) + len(self.points)

    @property
    def cut(self) -> int:
        return self.total - self.shown

    def bounds(self) -> Bounds | None:
        lons = [p[0] for s in self.lines for p in s["path"]] + [p["lon"] for p in self.points]
        lats = [p[1] for s in self.lines for p in s["path"]] + [p["lat"] for p in self.points]
        if not lons:
            return None
        return Bounds(min(lats), max(lats), min(lons), max(lons))


def _paths(geometry: str) -> list[list[list[float]]]:
    """The line's parts, simplified and rounded, consecutive repeats dropped."""
    geom = json.loads(geometry)
    parts = [geom["coordinates"]] if geom["type"] == "LineString" else geom["coordinates"]
    out = []
    for part in parts:
        coords = [tuple(p[:2]) for p in part]
        if len(coords) > 2:
            coords = list(LineString(coords).simplify(_TOLERANCE, preserve_topology=False).coords)
        path: list[list[float]] = []
        for x, y in coords:
            point = [round(x, _DECIMALS), round(y, _DECIMALS)]
            if not path or path[-1] != point:
                path.append(point)
        if len(path) == 1:
            path.append(path[0])  # a very short segment still shows as a dot-sized line
        out.append(path)
    return out


def of_rows(table: str, rows: Iterable[tuple[str, dict]]) -> Preview | None:
    """The preview of (kind, row) pairs of `table` (kinds: KINDS); None for other tables."""
    if table not in TABLES:
        return None
    ranked = sorted(rows, key=lambda kr: KINDS.index(kr[0]))  # stable: file order within a kind
    preview = Preview(total=len(ranked))
    for kind, _ in ranked:
        preview.counts[kind] = preview.counts.get(kind, 0) + 1
    for kind, row in ranked[:MAX_SHAPES]:
        name = str(row.get("name") or "")
        if table == "roads":
            for path in _paths(str(row["geometry"])):
                preview.lines.append({"path": path, "kind": kind, "name": name})
        elif row.get("lat") is not None and row.get("lon") is not None:
            lat, lon = float(row["lat"]), float(row["lon"])
            preview.points.append(
                {
                    "lon": round(lon, _DECIMALS),
                    "lat": round(lat, _DECIMALS),
                    "kind": kind,
                    "name": name,
                }  # fmt: skip
            )
    # A multi-part street counts once in `total` but may give several paths: compare like with
    # like, so `cut` counts streets (rows) left out.
    preview.total = len(ranked) - min(len(ranked), MAX_SHAPES) + preview.shown
    return preview
