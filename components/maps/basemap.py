"""An optional basemap from the county's own tile server. Off by default: nothing leaves the machine.

Set `MAP_TILE_URL` in the environment, or `tile_url` under `[map]` in `.streamlit/secrets.toml`,
to a z/x/y template of 256-px raster tiles on the intranet, e.g.
`http://gis.county.local/tiles/{z}/{x}/{y}.png`. The map then gets one deck.gl BitmapLayer per
tile around the area, loaded by the browser from that server; every other map layer stays the
same, and the community areas are drawn see-through so the tiles show. Without the setting the
deck is `pdk.Deck(map_provider=None)`, as always: pydeck's map-style sentinel, which Streamlit
drops, so no tile, font or script is fetched from anywhere (`map_style=None` would make Streamlit
fetch Carto's tiles: never use it).
"""

from __future__ import annotations

import logging
import math
import os

import pydeck as pdk
import streamlit as st

from components.maps.view import View, lat_of, merc_y

ENV = "MAP_TILE_URL"
TILE_PX = 256
MAX_TILE_ZOOM = 19
MAX_TILES = 48
REACH = 1.6  # tiles cover this many times the fitted canvas, so a little panning stays on tiles
log = logging.getLogger(__name__)


def valid_template(url: str) -> bool:
    return (
        url.startswith(("http://", "https://", "/"))
        and all(p in url for p in ("{z}", "{x}", "{y}"))
        and not any(c in url for c in "\"'<> ")
    )


def tile_url() -> str | None:
    """The tile template from the environment or the secrets file; None (no basemap) when unset
    or malformed (logged)."""
    url = os.environ.get(ENV, "").strip()
    if not url:
        try:
            if st.secrets.load_if_toml_exists():
                url = str(st.secrets.get("map", {}).get("tile_url", "")).strip()
        except Exception:  # an unreadable secrets file must not take the map down
            log.exception("could not read [map] tile_url from the secrets file")
    if not url:
        return None
    if not valid_template(url):
        log.error("ignoring the map tile URL %r: it needs {z}, {x} and {y}", url)
        return None
    return url


def tile_of(lat: float, lon: float, z: int) -> tuple[int, int]:
    """The z/x/y tile (slippy-map numbering, y from the north) holding a position."""
    n = 2**z
    x = int((lon + 180) / 360 * n)
    y = int((1 - merc_y(lat) / math.pi) / 2 * n)
    return min(max(x, 0), n - 1), min(max(y, 0), n - 1)


def tile_bounds(x: int, y: int, z: int) -> list[float]:
    """[west, south, east, north] of a tile."""
    n = 2**z
    west, east = x / n * 360 - 180, (x + 1) / n * 360 - 180
    north = lat_of(math.pi * (1 - 2 * y / n))
    south = lat_of(math.pi * (1 - 2 * (y + 1) / n))
    return [west, south, east, north]


def tiles_for(view: View) -> tuple[int, list[tuple[int, int]]]:
    """(tile zoom, [(x, y)]) covering REACH × the fitted canvas at the view's sharpness: deck.gl's
    512-px world at zoom z is 256-px tiles at z + 1; fewer, coarser tiles past MAX_TILES."""
    z = min(max(round(view.zoom + 1), 0), MAX_TILE_ZOOM)
    half_w, half_h = view.width_px * REACH / 2, view.height_px * REACH / 2
    cx, cy = view.width_px / 2, view.height_px / 2
    north, west = view.unproject(cx - half_w, cy - half_h)
    south, east = view.unproject(cx + half_w, cy + half_h)
    while True:
        x0, y0 = tile_of(north, west, z)
        x1, y1 = tile_of(south, east, z)
        tiles = [(x, y) for y in range(y0, y1 + 1) for x in range(x0, x1 + 1)]
        if len(tiles) <= MAX_TILES or z == 0:
            return z, tiles
        z -= 1


def tile_layers(url: str, view: View) -> list[pdk.Layer]:
    """One BitmapLayer per tile, under everything else."""
    z, tiles = tiles_for(view)
    return [
        pdk.Layer(
            "BitmapLayer",
            id=f"basemap-{z}-{x}-{y}",
            image=pdk.types.String(
                url.replace("{z}", str(z)).replace("{x}", str(x)).replace("{y}", str(y))
            ),
            bounds=tile_bounds(x, y, z),
            pickable=False,
        )
        for x, y in tiles
    ]
