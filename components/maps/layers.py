"""deck.gl layers every map shares: area boundaries, areas shaded by a value, dots in screen pixels.

Boundaries give the reader the shape of the place with no basemap: community areas get a light
fill and a dark outline, grids a thin grey one. None of them is pickable, so hovering only ever
describes what a page put on top. pydeck turns plain strings into expressions, so constant string
properties are wrapped in `pdk.types.String`.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import pydeck as pdk

from data_access.areas import geo

PIXELS = pdk.types.String("pixels")
METERS = pdk.types.String("meters")
AREA_FILL = "#F3F1EA"
COMMUNITY_LINE = "#3C3C3C"
GRID_LINE = "#9E9E9E"


def rgba(hex_colour: str, alpha: int = 255) -> list[int]:
    h = hex_colour.lstrip("#")
    return [int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16), alpha]


def drawn(boundaries: pd.DataFrame, level: str) -> pd.DataFrame:
    """The rows of one level ('community' or 'grid') that have a recorded boundary."""
    if boundaries.empty:
        return boundaries
    return boundaries[(boundaries["level"] == level) & boundaries["boundary"].notna()]


def features(rows: pd.DataFrame, **properties: Sequence) -> list[dict]:
    """GeoJSON features of boundary rows, with code and name (and any extra columns given)."""
    extra = {k: list(v) for k, v in properties.items()}
    return [
        {
            "type": "Feature",
            "geometry": geo.as_geometry(r.boundary),
            "properties": {
                "code": r.code,
                "name": r.name,
                **{k: v[i] for k, v in extra.items()},
            },
        }
        for i, r in enumerate(rows.itertuples())
    ]


def boundary_layers(boundaries: pd.DataFrame, *, fill_alpha: int = 255) -> list[pdk.Layer]:
    """Community areas (light fill, dark outline) under grid outlines; fill_alpha 0 leaves the
    areas clear (over a basemap or a shading)."""
    layers = []
    for level, fill, line, width in (
        ("community", rgba(AREA_FILL, fill_alpha), rgba(COMMUNITY_LINE), 3),
        ("grid", [0, 0, 0, 0], rgba(GRID_LINE, 200), 1),
    ):
        layers.append(
            pdk.Layer(
                "GeoJsonLayer",
                data={"type": "FeatureCollection", "features": features(drawn(boundaries, level))},
                id=f"boundaries-{level}",
                stroked=True,
                filled=level == "community" and fill_alpha > 0,
                get_fill_color=fill,
                get_line_color=line,
                line_width_units=PIXELS,
                get_line_width=width,
                line_width_min_pixels=width,
                pickable=False,
            )
        )
    return layers


def shaded_areas(layer_id: str, shaded: list[dict], pickable: bool = True) -> pdk.Layer:
    """Areas filled by a value (a choropleth): GeoJSON features whose properties carry `fill`
    ([r, g, b, a], e.g. from `legend.Ramp.colour`) and the tooltip fields."""
    return pdk.Layer(
        "GeoJsonLayer",
        data={"type": "FeatureCollection", "features": shaded},
        id=layer_id,
        filled=True,
        stroked=False,
        get_fill_color="properties.fill",
        pickable=pickable,
    )


def dots(layer_id: str, data: list[dict], **style) -> pdk.Layer:
    """Pickable circles sized in screen pixels (visible at every zoom); rows carry lat and lon."""
    return pdk.Layer(
        "ScatterplotLayer",
        data=data,
        id=layer_id,
        get_position="[lon, lat]",
        radius_units=PIXELS,
        line_width_units=PIXELS,
        pickable=True,
        **style,
    )
