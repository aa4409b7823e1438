"""Community and grid names on the map, so a reader finds their way without a basemap.

Names are placed for the opening view, in pixels: a community's name just above its outline (or,
when that is off the canvas, inside it), a grid's name inside the grid where it covers the fewest
dots. A name that does not fit inside its grid, or would overlap another name or leave the
canvas, is left out (a phone shows the community names only). deck.gl's TextLayer draws them with
a white halo; it builds its glyph atlas from `character_set`, which must hold every character
(the Chinese ones are not in its default ASCII set), and the CJK font stack of the app.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pydeck as pdk

from components.maps.layers import drawn
from components.maps.view import View
from data_access.areas import geo

FONT = "Noto Sans CJK SC, Microsoft YaHei, PingFang SC, sans-serif"
SIZES = {"community": 15, "grid": 12}
WEIGHTS = {"community": 700, "grid": 400}
COLOURS = {"community": [26, 26, 26, 255], "grid": [40, 40, 40, 255]}
ABOVE_PX = 5  # gap between a community's outline and its name
DOT_PX = 7  # a dot's radius when the caller gives none
MAX_COVERED = 0  # a name never hides a dot: where it cannot avoid them, it is left out
CANDIDATES = 14  # grid of candidate positions per side inside an area
INSIDE = 0.75  # share of a name's width that must lie inside its area

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in canvas pixels


@dataclass(frozen=True)
class Label:
    text: str
    lon: float
    lat: float
    level: str  # 'community' or 'grid'
    above: bool = False  # drawn above the position (a community's name over its outline)


def character_set(texts: Iterable[str]) -> str:
    """Every character the texts use, once, sorted: the TextLayer's glyph atlas."""
    return "".join(sorted({c for text in texts for c in text}))


def text_size(text: str, size: int) -> tuple[float, float]:
    """Approximate (width, height) in pixels: a CJK glyph is one em, Latin about 0.6 em."""
    width = sum(size if ord(c) >= 0x2E80 else 0.6 * size for c in text)
    return width + 6, size * 1.3  # the halo on both sides


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _on_canvas(box: Box, view: View) -> bool:
    return box[0] >= 0 and box[1] >= 0 and box[2] <= view.width_px and box[3] <= view.height_px


class _Placer:
    def __init__(self, view: View, avoid: Sequence[Sequence[float]]):
        self.view = view
        self.kept: list[Box] = []
        dots = [(*view.project(d[1], d[0]), d[2] if len(d) > 2 else DOT_PX) for d in avoid]
        self.dots = np.array(dots, dtype=float).reshape(-1, 3)

    def free(self, box: Box) -> bool:
        return _on_canvas(box, self.view) and not any(_overlaps(box, k) for k in self.kept)

    def above(self, ring: geo.Ring, text: str, size: int) -> Label | None:
        lon = (min(p[0] for p in ring) + max(p[0] for p in ring)) / 2
        lat = max(p[1] for p in ring)
        x, y = self.view.project(lat, lon)
        w, h = text_size(text, size)
        box = (x - w / 2, y - ABOVE_PX - h, x + w / 2, y - ABOVE_PX)
        if not self.free(box):
            return None
        self.kept.append(box)
        return Label(text, lon, lat, "community", above=True)

    def inside(self, polygon: list[geo.Ring], text: str, size: int, level: str) -> Label | None:
        """The free spot inside the polygon that covers no dot, the whole name within it if
        possible, nearest the middle. Candidates are a grid over the area, tested at once."""
        rings = [
            np.array([self.view.project(lat, lon) for lon, lat in ring], dtype=float)
            for ring in polygon
        ]
        (x_lo, y_lo), (x_hi, y_hi) = rings[0].min(axis=0), rings[0].max(axis=0)
        w, h = text_size(text, size)
        if x_hi - x_lo < w * INSIDE or y_hi - y_lo < h:
            return None
        fx, fy = np.meshgrid(
            np.linspace(0.05, 0.95, CANDIDATES), np.linspace(0.05, 0.95, CANDIDATES)
        )
        x = (x_lo + fx * (x_hi - x_lo)).ravel()
        y = (y_lo + fy * (y_hi - y_lo)).ravel()
        boxes = np.column_stack((x - w / 2, y - h / 2, x + w / 2, y + h / 2))
        # The name may reach a little over the outline at both ends, never leave the area.
        core = _corners_inside(
            rings, x - w * INSIDE / 2, x + w * INSIDE / 2, boxes[:, 1], boxes[:, 3]
        )
        ok = (core == 4) & (self._dots_in(boxes) <= MAX_COVERED)
        ok &= np.array([self.free(tuple(b)) for b in boxes])
        if not ok.any():
            return None
        # Prefer the whole name inside its area, then the middle of the area.
        over = 4 - _corners_inside(rings, boxes[:, 0], boxes[:, 2], boxes[:, 1], boxes[:, 3])
        cx, cy = geo.centroid([tuple(p) for p in rings[0]])
        score = over / 2 + np.hypot(x - cx, y - cy) / (4 * max(w, h))
        best = int(np.argmin(np.where(ok, score, np.inf)))
        box = tuple(float(v) for v in boxes[best])
        self.kept.append(box)
        lat, lon = self.view.unproject(float(x[best]), float(y[best]))
        return Label(text, lon, lat, level)

    def _dots_in(self, boxes: np.ndarray) -> np.ndarray:
        """How many dots touch each box (a dot touches when its centre is nearer than its radius)."""
        if not len(self.dots):
            return np.zeros(len(boxes), dtype=int)
        near = (
            (self.dots[:, 0] + self.dots[:, 2] > boxes[:, 0].min())
            & (self.dots[:, 0] - self.dots[:, 2] < boxes[:, 2].max())
            & (self.dots[:, 1] + self.dots[:, 2] > boxes[:, 1].min())
            & (self.dots[:, 1] - self.dots[:, 2] < boxes[:, 3].max())
        )
        d = self.dots[near]
        x, y, r = d[None, :, 0], d[None, :, 1], d[None, :, 2]
        dx = np.maximum(np.maximum(boxes[:, 0:1] - x, x - boxes[:, 2:3]), 0)
        dy = np.maximum(np.maximum(boxes[:, 1:2] - y, y - boxes[:, 3:4]), 0)
        return (dx**2 + dy**2 < r**2).sum(axis=1)


def _in_ring(ring: np.ndarray, px: np.ndarray, py: np.ndarray) -> np.ndarray:
    """Even-odd rule for many points at once (ring: (n, 2) pixels, closed or not)."""
    x1, y1 = ring[:, 0][None, :], ring[:, 1][None, :]
    x2, y2 = np.roll(ring[:, 0], -1)[None, :], np.roll(ring[:, 1], -1)[None, :]
    px, py = px[:, None], py[:, None]
    crosses = (y1 > py) != (y2 > py)
    with np.errstate(divide="ignore", invalid="ignore"):
        x_at = x1 + (py - y1) * (x2 - x1) / (y2 - y1)
    return (crosses & (px < x_at)).sum(axis=1) % 2 == 1


def _corners_inside(rings: list[np.ndarray], x0, x1, y0, y1) -> np.ndarray:
    """How many of each box's four corners lie inside the polygon (outer ring, not in a hole)."""
    count = np.zeros(len(x0), dtype=int)
    for cx, cy in ((x0, y0), (x1, y0), (x0, y1), (x1, y1)):
        inside = _in_ring(rings[0], cx, cy)
        for hole in rings[1:]:
            inside &= ~_in_ring(hole, cx, cy)
        count += inside
    return count


def place_names(
    boundaries: pd.DataFrame, view: View, avoid: Sequence[Sequence[float]] = ()
) -> list[Label]:
    """Labels for the opening view: communities first (above their outlines, else inside), then
    grids, largest first. `avoid`: (lon, lat) or (lon, lat, radius px) of the dots a name should
    not cover (a name that cannot avoid them is left out)."""
    placer = _Placer(view, avoid)
    labels: list[Label] = []
    for r in drawn(boundaries, "community").itertuples():
        polygon = geo.largest_polygon(r.boundary)
        if not polygon or not isinstance(r.name, str):
            continue
        size = SIZES["community"]
        label = placer.above(polygon[0], r.name, size) or placer.inside(
            polygon, r.name, size, "community"
        )
        if label:
            labels.append(label)
    grids = []
    for r in drawn(boundaries, "grid").itertuples():
        polygon = geo.largest_polygon(r.boundary)
        if polygon and isinstance(r.name, str):
            grids.append((geo.ring_area(polygon[0]), r.name, polygon))
    for _, name, polygon in sorted(grids, key=lambda g: -g[0]):
        label = placer.inside(polygon, name, SIZES["grid"], "grid")
        if label:
            labels.append(label)
    return labels


def name_layers(labels: Sequence[Label]) -> list[pdk.Layer]:
    """One TextLayer per level (its own size and weight), drawn above everything else."""
    layers = []
    for level in ("grid", "community"):
        mine = [lb for lb in labels if lb.level == level]
        if not mine:
            continue
        above = [lb for lb in mine if lb.above]
        for part, rows in (("above", above), ("inside", [lb for lb in mine if not lb.above])):
            if not rows:
                continue
            layers.append(
                pdk.Layer(
                    "TextLayer",
                    data=[{"lon": lb.lon, "lat": lb.lat, "name": lb.text} for lb in rows],
                    id=f"names-{level}" + ("" if part == "inside" else "-above"),
                    get_position="[lon, lat]",
                    get_text="name",
                    get_size=SIZES[level],
                    get_color=COLOURS[level],
                    font_family=pdk.types.String(FONT),
                    font_weight=WEIGHTS[level],
                    character_set=pdk.types.String(character_set(lb.text for lb in rows)),
                    get_text_anchor=pdk.types.String("middle"),
                    get_alignment_baseline=pdk.types.String(
                        "bottom" if part == "above" else "center"
                    ),
                    get_pixel_offset=[0, -ABOVE_PX if part == "above" else 0],
                    font_settings={"sdf": True},
                    outline_width=4,
                    outline_color=[255, 255, 255, 235],
                    pickable=False,
                )
            )
    return layers
