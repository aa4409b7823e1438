"""The map of older residents on the shared map module: compounds sized by residents 60+ (filled
when an elderly service point lies within the walk, open grey when not), the elderly service
points operating at the period's end and their 500 m reach. Offline: no basemap.

Residents 60+ per compound are registered headcounts (tens to hundreds), not counts of a
programme's recipients; 80+ counts, which can be small, are not put on the map.
"""

from __future__ import annotations

import math

import pandas as pd
import pydeck as pdk
import streamlit as st

from components import maps
from components.data import query
from components.i18n import fig, number, t
from components.maps import METERS, PIXELS, dots, line, rgba, swatch, tip
from components.maps.layers import features
from data_access.areas import queries as common
from data_access.community_life import queries as q
from data_access.filters import Filters

NEAR = "#009E73"
FAR = "#BDBDBD"
POINT = "#D55E00"
SHADES = ("#EDF8E9", "#006D2C")  # light to dark: more residents 60+ within reach
# Compounds and points drawn one by one up to this many (the sample county, one community of a
# city); above it (a city's county level: 10,000 compounds, 4.9 MB sent) each community is one
# shaded area, and choosing a community or grid brings the detail back.
DETAIL_MAX = 1_000


def _radii(compounds: pd.DataFrame) -> list[float]:
    """5 to 15 px, the disc's area growing with residents 60+."""
    biggest = max(float(compounds["residents_60_plus"].max()), 1.0)
    return [
        5 + 10 * math.sqrt(max(float(v), 0.0) / biggest) for v in compounds["residents_60_plus"]
    ]


def _distance(m: float) -> str:
    return number(m) if math.isfinite(m) else ""


def _compound_rows(compounds: pd.DataFrame) -> list[dict]:
    rows = []
    for c, r in zip(compounds.itertuples(index=False), _radii(compounds), strict=True):
        place = f"{c.community} · {c.grid}" if isinstance(c.grid, str) else c.community
        if not math.isfinite(c.distance_m):
            reach = t("cl.eld.map.no_point")
        elif c.covered:
            reach = t("cl.eld.map.near", m=_distance(c.distance_m))
        else:
            reach = t("cl.eld.map.far", m=_distance(c.distance_m))
        rows.append(
            {
                "lat": float(c.lat),
                "lon": float(c.lon),
                "r": round(r, 1),
                "fill": rgba(NEAR, 210) if c.covered else rgba(FAR, 200),
                "old": int(c.residents_60_plus),
                **tip(
                    c.name,
                    t("cl.eld.map.compound_tip", old=number(c.residents_60_plus)),
                    reach,
                    place,
                ),
            }
        )
    return rows


def layers(compounds: pd.DataFrame, points: pd.DataFrame) -> list[pdk.Layer]:
    """Reach circles, compounds and points, bottom to top."""
    reach = pdk.Layer(
        "ScatterplotLayer",
        data=[{"lat": float(p.lat), "lon": float(p.lon)} for p in points.itertuples()],
        id="cl-reach",
        get_position="[lon, lat]",
        radius_units=METERS,
        get_radius=q.ELDERLY_REACH_M,
        filled=True,
        stroked=True,
        get_fill_color=rgba(POINT, 34),
        get_line_color=rgba(POINT, 200),
        line_width_units=PIXELS,
        get_line_width=1.5,
        pickable=False,
    )
    point_rows = [
        {
            "lat": float(p.lat),
            "lon": float(p.lon),
            **tip(
                p.name,
                t("cl.eld.map.point_tip") + ("" if p.in_area else t("cl.eld.map.outside")),
                p.community,
            ),
        }
        for p in points.itertuples()
    ]
    return [
        reach,
        dots("cl-compounds", _compound_rows(compounds), get_radius="r", get_fill_color="fill",
             get_line_color=[90, 90, 90, 220], get_line_width=1, stroked=True, filled=True),
        dots("cl-points", point_rows, get_radius=8, get_fill_color=rgba(POINT),
             get_line_color=[255, 255, 255, 255], get_line_width=2, stroked=True, filled=True),
    ]  # fmt: skip


def elderly_map(f: Filters) -> None:
    county = _county_level(f)
    make = _county_parts if county else _parts
    if not maps.cached_area_map(make, f, key="cl_map", alt=t("cl.eld.map.alt")):
        st.info(t("cl.eld.map.empty"))
        return
    radius = q.ELDERLY_REACH_M
    if query(q.elderly_map, f)[1].empty:
        st.caption(t("cl.eld.map.none"))
    reach = query(q.elderly_reach, f)
    st.caption(
        t(
            "cl.eld.map.caption",
            radius=radius,
            covered=number(reach["covered_60_plus"]),
            total=number(reach["residents_60_plus"]),
        )
    )
    if county:
        st.caption(t("cl.eld.map.county_caption"))


def _county_level(f: Filters) -> bool:
    """More compounds and points than DETAIL_MAX in the area: draw communities instead."""
    compounds, points = query(q.elderly_map, f)
    return len(compounds) + len(points) > DETAIL_MAX


def _county_parts(f: Filters) -> maps.MapParts | None:
    """Communities shaded by the share of residents 60+ within the reach of an elderly service
    point (`elderly_reach` per community), with the counts in their tooltips."""
    boundaries = query(common.boundaries, f)
    outlines = boundaries[boundaries["level"] == "community"]
    areas = outlines[outlines["boundary"].notna()]
    if areas.empty:
        return None
    reach = query(q.elderly_reach_by_community, f).set_index("community_code")
    old = areas["code"].map(reach["residents_60_plus"]).fillna(0)
    near = areas["code"].map(reach["covered_60_plus"]).fillna(0)
    shares = (near / old.where(old > 0)).astype(float)
    radius = q.ELDERLY_REACH_M
    ramp = maps.Ramp(
        t("cl.eld.map.ramp", radius=radius), SHADES, 0, 1, fig(0, "share"), fig(1, "share")
    )
    shaded = []
    for feature, share, o, n in zip(features(areas), shares, old, near, strict=True):
        fill = ramp.colour(share) if pd.notna(share) else rgba(FAR, 200)
        text = t("cl.eld.map.community_tip", near=number(n), old=number(o), radius=radius)
        name = feature["properties"]["name"]
        feature["properties"].update(fill=fill, **tip(name, text, fig(share, "share")))
        shaded.append(feature)
    return maps.MapParts(
        outlines,
        shaded=[maps.shaded_areas("cl-communities", shaded)],
        map_legend=maps.Legend(
            t("cl.eld.legend"),
            [(line(maps.COMMUNITY_LINE, 3), t("sp.legend.community"))],
            [ramp],
            hint=maps.hint("cl.eld.map.county_hint"),
        ),
        box=maps.fit_box(outlines, "community"),
    )


def _parts(f: Filters) -> maps.MapParts | None:
    compounds, points = query(q.elderly_map, f)
    if compounds.empty:
        return None
    radius = q.ELDERLY_REACH_M
    boundaries = query(common.boundaries, f)
    items = []
    if not points.empty:
        items.append((swatch(POINT, "#FFFFFF"), t("cl.eld.legend.point")))
        items.append(
            (swatch(POINT + "22", POINT + "C8", 16), t("cl.eld.legend.reach", radius=radius))
        )
    if compounds["covered"].any():
        items.append((swatch(NEAR, "#5A5A5A", 14), t("cl.eld.legend.near", radius=radius)))
    items.append((swatch(FAR, "#5A5A5A", 14), t("cl.eld.legend.far", radius=radius)))
    items.append((line(maps.COMMUNITY_LINE, 3), t("sp.legend.community")))
    items.append((line(maps.GRID_LINE, 1), t("sp.legend.grid")))
    return maps.MapParts(
        boundaries,
        layers(compounds, points),
        map_legend=maps.Legend(t("cl.eld.legend"), items, hint=maps.hint("cl.eld.legend.hint")),
        box=maps.fit_box(boundaries, "grid" if f.grids else "community", (compounds,)),
        avoid=list(
            zip(
                compounds["lon"].astype(float),
                compounds["lat"].astype(float),
                _radii(compounds),
                strict=True,
            )
        ),
    )
