"""Walking-time areas on the service-point map: the streets within 5 / 10 / 15 minutes' walk of
the chosen points in three shades of one blue (darkest nearest), and a ring in the same shade
around each compound they reach. Drawn under the compounds and points, so those stay on top."""

from __future__ import annotations

import pydeck as pdk

from components.i18n import t
from components.maps import PIXELS, line, rgba, swatch
from data_access.service_points.walking_queries import AREA_MINUTES, WalkingAreas

# Sequential blues (ColorBrewer), dark to light: readable over the grey base map and apart from
# the vermillion of uncovered compounds.
SHADES = {300: "#08519C", 500: "#4292C6", 800: "#9ECAE1"}
WIDTHS = {300: 4, 500: 5, 800: 6}  # px: the farther band is wider, so nearer ones sit inside it


BARRIER = "#5A5A5A"  # a rail line: dark grey, drawn under the streets


def area_layers(areas: WalkingAreas) -> list[pdk.Layer]:
    """The lines nobody walks along, then the street pieces, farthest band first, so the nearer
    (darker) bands are drawn over it."""
    layers = [
        pdk.Layer(
            "PathLayer",
            data=[{"path": [list(p) for p in line]} for line in areas.barriers],
            id="walk-barriers",
            get_path="path",
            get_color=rgba(BARRIER, 230),
            width_units=PIXELS,
            get_width=3,
            pickable=False,
        )
    ]
    for radius in sorted(AREA_MINUTES, reverse=True):
        paths = [{"path": [[a, b], [c, d]]} for a, b, c, d in areas.pieces[radius]]
        layers.append(
            pdk.Layer(
                "PathLayer",
                data=paths,
                id=f"walk-area-{radius}",
                get_path="path",
                get_color=rgba(SHADES[radius], 235),
                width_units=PIXELS,
                get_width=WIDTHS[radius],
                cap_rounded=True,
                joint_rounded=True,
                pickable=False,
            )
        )
    return layers


def reached_layer(areas: WalkingAreas, radii_px: dict[str, float]) -> pdk.Layer:
    """A ring around each compound the areas reach, in the shade of the nearest band reaching it."""
    rows = []
    for c in areas.compounds.itertuples():
        band = next((r for r in sorted(AREA_MINUTES) if c.walk_m <= r), None)
        if band is not None:
            rows.append(
                {"lat": c.lat, "lon": c.lon, "r": radii_px.get(c.id, 8) + 3,
                 "colour": rgba(SHADES[band])}
            )  # fmt: skip
    return pdk.Layer(
        "ScatterplotLayer",
        data=rows,
        id="walk-area-reached",
        get_position="[lon, lat]",
        radius_units=PIXELS,
        get_radius="r",
        line_width_units=PIXELS,
        get_line_width=2.5,
        get_line_color="colour",
        stroked=True,
        filled=False,
        pickable=False,
    )


def area_legend(areas: WalkingAreas) -> list[tuple[str, str]]:
    items = [
        (line(SHADES[r], WIDTHS[r]), t("sp.legend.area", minutes=AREA_MINUTES[r], r=r))
        for r in sorted(AREA_MINUTES)
    ]
    if areas.barriers:
        items.append((line(BARRIER, 3), t("sp.legend.barrier")))
    if (areas.compounds["minutes"] > 0).any():
        items.append((swatch("", SHADES[300], 14, ring=True, width=2), t("sp.legend.reached")))
    return items
