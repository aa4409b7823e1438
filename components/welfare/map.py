"""The aggregated map of the 社会救助 page: grids shaded by recipient households, compounds as
circles, community outlines; no basemap, so no request leaves the server.

Kept as it was when the page was split: the shared map module will take it over.
"""

from __future__ import annotations

import json
import math

import pydeck as pdk
import streamlit as st

from components import charts
from components.data import query
from components.i18n import t
from data_access.filters import Filters
from data_access.queries import common, welfare_breakdowns

MAP_WIDTH_PX, MAP_HEIGHT_PX = 900, 480
RED = [198, 40, 40]
BLUE = [0, 114, 178]


def _view(features: list[dict]) -> pdk.ViewState:
    """Centre and zoom that fit the grids' outlines into the map (at least MAP_WIDTH_PX wide)."""
    lons, lats = [], []
    for feature in features:
        for ring in feature["geometry"]["coordinates"]:
            lons.extend(p[0] for p in ring)
            lats.extend(p[1] for p in ring)
    centre_lat = (min(lats) + max(lats)) / 2
    # deck.gl's world is 512 px wide at zoom 0; latitudes stretch by 1 / cos(latitude).
    lon_span = max(max(lons) - min(lons), 1e-4)
    lat_span = max(max(lats) - min(lats), 1e-4) / math.cos(math.radians(centre_lat))
    zoom = min(
        math.log2(MAP_WIDTH_PX * 360 / (512 * lon_span)),
        math.log2(MAP_HEIGHT_PX * 0.9 * 360 / (512 * lat_span)),
    )
    return pdk.ViewState(
        latitude=centre_lat,
        longitude=(min(lons) + max(lons)) / 2,
        zoom=round(max(8.0, min(17.0, zoom - 0.15)), 2),
    )


def recipients_map(f: Filters) -> None:
    """Grids shaded by recipient households and compounds as circles; no basemap, no outside request."""
    grid = query(welfare_breakdowns.map_grids, f)
    grid = grid[grid["boundary"].notna()]
    if grid.empty:
        st.info(t("wf.map.empty"))
        return
    compounds = query(welfare_breakdowns.map_compounds, f)
    heaviest = max(float(grid["weight"].max()), 1.0)
    features = [
        {
            "type": "Feature",
            "geometry": json.loads(r.boundary),
            "properties": {
                "name": t("wf.map.grid_name", grid=r.grid, community=r.community),
                "tip": t(
                    "wf.map.tip",
                    dibao=r.dibao_households,
                    persons=r.dibao_persons,
                    tekun=r.tekun_households,
                ),
                "fill": [*RED, int(25 + 175 * r.weight / heaviest)],
            },
        }
        for r in grid.itertuples(index=False)
    ]
    outlines = query(common.boundaries, f)
    outlines = outlines[(outlines["level"] == "community") & outlines["boundary"].notna()]
    layers = [
        pdk.Layer(
            "GeoJsonLayer",
            id="wf-grids",
            data={"type": "FeatureCollection", "features": features},
            filled=True,
            stroked=True,
            get_fill_color="properties.fill",
            get_line_color=[90, 90, 90, 200],
            line_width_min_pixels=1,
            pickable=True,
        ),
        pdk.Layer(
            "GeoJsonLayer",
            id="wf-communities",
            data={
                "type": "FeatureCollection",
                "features": [
                    {"type": "Feature", "geometry": json.loads(b), "properties": {}}
                    for b in outlines["boundary"]
                ],
            },
            filled=False,
            stroked=True,
            get_line_color=[40, 40, 40, 255],
            line_width_min_pixels=3,
            pickable=False,
        ),
    ]
    if not compounds.empty:
        points = [
            {
                "name": r.compound,
                "tip": t(
                    "wf.map.tip",
                    dibao=r.dibao_households,
                    persons=r.dibao_persons,
                    tekun=r.tekun_households,
                ),
                "lon": r.lon,
                "lat": r.lat,
                "radius": round(14 + 7 * math.sqrt(r.weight), 1),
            }
            for r in compounds.itertuples(index=False)
        ]
        layers.append(
            pdk.Layer(
                "ScatterplotLayer",
                id="wf-compounds",
                data=points,
                get_position="[lon, lat]",
                get_radius="radius",  # metres (deck.gl's default unit; pydeck would turn a
                # radius_units string into an expression)
                get_fill_color=[*BLUE, 190],
                get_line_color=[255, 255, 255, 230],
                stroked=True,
                line_width_min_pixels=1,
                pickable=True,
            )
        )
    deck = pdk.Deck(
        map_provider=None,
        layers=layers,
        initial_view_state=_view(features),
        tooltip={
            "html": "<b>{name}</b><br/>{tip}",
            "style": {"fontFamily": charts.FONT, "fontSize": "13px"},
        },
    )
    st.pydeck_chart(deck, height=MAP_HEIGHT_PX)
    st.caption(t("wf.map.caption"))
