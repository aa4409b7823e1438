"""The map's view in deck.gl's web-mercator: fit a box into a canvas, project, measure.

deck.gl draws the world 512 px wide at zoom 0 (twice per zoom level). A box is fitted so that all
of it lies inside the canvas less the padding, whatever its latitude: the vertical extent is
measured in mercator units, and the view's centre is the box's mercator midpoint (not the mean of
its latitudes, which would push a tall box off the bottom). Nothing here needs Streamlit.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pydeck as pdk

from data_access.areas.geo import Bounds

WORLD_PX = 512  # deck.gl: the world's width in pixels at zoom 0
EARTH_CIRCUMFERENCE_M = 40_075_016.686  # web mercator's sphere (WGS-84 equatorial radius)
MIN_ZOOM, MAX_ZOOM = 3.0, 18.0
FALLBACK_BOX = Bounds(35.0, 36.0, 104.0, 105.0)  # nothing to fit: the sample county's degree square


@dataclass(frozen=True)
class Padding:
    """Pixels kept free inside the canvas edges (the top one leaves room for area names)."""

    top: int = 34
    right: int = 16
    bottom: int = 16
    left: int = 16


def merc_y(lat: float) -> float:
    """Web-mercator y of a latitude (radians of the unit sphere; grows northwards)."""
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def lat_of(y: float) -> float:
    return math.degrees(2 * math.atan(math.exp(y)) - math.pi / 2)


@dataclass(frozen=True)
class View:
    """Where the map opens: centre, zoom, and the canvas size it was fitted for."""

    latitude: float
    longitude: float
    zoom: float
    width_px: int
    height_px: int

    @property
    def scale(self) -> float:
        """The world's width in pixels at this zoom."""
        return WORLD_PX * 2**self.zoom

    def project(self, lat: float, lon: float) -> tuple[float, float]:
        """Canvas pixels (x right, y down, origin top left) of a position."""
        x = self.width_px / 2 + (lon - self.longitude) / 360 * self.scale
        y = self.height_px / 2 - (merc_y(lat) - merc_y(self.latitude)) / (2 * math.pi) * self.scale
        return x, y

    def unproject(self, x: float, y: float) -> tuple[float, float]:
        """(lat, lon) at canvas pixels."""
        lon = self.longitude + (x - self.width_px / 2) / self.scale * 360
        lat = lat_of(merc_y(self.latitude) - (y - self.height_px / 2) / self.scale * 2 * math.pi)
        return lat, lon

    def metres_per_pixel(self) -> float:
        """Ground distance of one pixel at the view's centre latitude."""
        return EARTH_CIRCUMFERENCE_M * math.cos(math.radians(self.latitude)) / self.scale

    def deck(self) -> pdk.ViewState:
        return pdk.ViewState(
            latitude=self.latitude, longitude=self.longitude, zoom=self.zoom, pitch=0, bearing=0
        )


def _spans(box: Bounds) -> tuple[float, float]:
    """(degrees of longitude, mercator units of latitude), never zero (a single point)."""
    return (
        max(box.lon_max - box.lon_min, 1e-6),
        max(merc_y(box.lat_max) - merc_y(box.lat_min), 1e-8),
    )


def fit_view(box: Bounds, width_px: int, height_px: int, padding: Padding = Padding()) -> View:
    """The view that shows the whole box inside width × height less the padding.

    The zoom is rounded down (to 1/100), so rounding never pushes the box over the edge; it stays
    within MIN_ZOOM..MAX_ZOOM (a single point opens at street level, not at zoom 30).
    """
    inner_w = max(width_px - padding.left - padding.right, 1)
    inner_h = max(height_px - padding.top - padding.bottom, 1)
    d_lon, d_y = _spans(box)
    zoom = min(
        math.log2(inner_w * 360 / (WORLD_PX * d_lon)),
        math.log2(inner_h * 2 * math.pi / (WORLD_PX * d_y)),
    )
    zoom = min(max(math.floor(zoom * 100) / 100, MIN_ZOOM), MAX_ZOOM)
    scale = WORLD_PX * 2**zoom
    # The box's centre goes to the centre of the padded area, which sits (dx, dy) pixels right of
    # and below the canvas centre; the view's centre is the canvas centre.
    dx = (padding.left - padding.right) / 2
    dy = (padding.top - padding.bottom) / 2
    lon_c = (box.lon_min + box.lon_max) / 2 - dx * 360 / scale
    y_c = (merc_y(box.lat_min) + merc_y(box.lat_max)) / 2 + dy * 2 * math.pi / scale
    return View(lat_of(y_c), lon_c, zoom, int(width_px), int(height_px))


def map_height(
    box: Bounds, width_px: int, min_px: int, max_px: int, padding: Padding = Padding()
) -> int:
    """A canvas height that suits the box's shape at this width (a wide town needs less than a
    square community), so the fitted view leaves no empty band above and below."""
    d_lon, d_y = _spans(box)
    inner_w = max(width_px - padding.left - padding.right, 1)
    box_px = inner_w * (d_y / (2 * math.pi)) / (d_lon / 360)
    return int(min(max(box_px + padding.top + padding.bottom, min_px), max_px))
