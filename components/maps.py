"""Offline maps with pydeck: our own boundaries, compounds and points, and no basemap at all.

`pdk.Deck(map_provider=None)` leaves the map style as pydeck's sentinel, which Streamlit's
frontend drops: no tiles, fonts or scripts are fetched from anywhere (with `map_style=None`
Streamlit would fetch Carto tiles; DESIGN §4). Context comes from the data: community and grid
boundaries (GeoJsonLayer), residential compounds and service points (ScatterplotLayer).

Colours: the service types use the Okabe–Ito palette (distinguishable with the common colour-vision
deficiencies and on a washed-out projector), with wine instead of vermillion, which is kept for
the one warning on the map: compounds that no point of the chosen type reaches. Shapes carry
meaning too, so nothing depends on colour alone: points are small dots with a white rim,
compounds larger discs, suggested sites open rings, scenario points get a thick black rim.
Sizes are in screen pixels, so points stay visible at every zoom. Pydeck has no legend; `legend`
draws one with Streamlit next to the map.
"""

from __future__ import annotations

import html
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
import pydeck as pdk
import streamlit as st

from components.i18n import label, number, t
from data_access import geo
from data_access.queries.sp_coverage import Scenario

TYPE_COLOURS: dict[str, str] = {
    "milk": "#0072B2",  # blue
    "mail": "#E69F00",  # orange
    "newspaper": "#009E73",  # bluish green
    "reading_room": "#CC79A7",  # reddish purple
    "convenience": "#56B4E9",  # sky blue
    "clinic": "#882255",  # wine
    "police": "#000000",  # black
    "elderly_care": "#F0E442",  # yellow (dark rim keeps it visible on white)
}
UNKNOWN_TYPE = "#7F7F7F"
WARNING = "#D55E00"  # vermillion: uncovered compounds
COVERED = "#BDBDBD"
NEUTRAL = "#C8C8C8"
INACTIVE = "#9E9E9E"
SUGGESTED = "#332288"  # indigo rings
COMMUNITY_LINE = "#3C3C3C"
GRID_LINE = "#9E9E9E"
MAP_WIDTH = 820  # the map column at 1440 px with the sidebar open: the fit assumes it
MIN_HEIGHT, MAX_HEIGHT = 380, 640
_PIXELS = pdk.types.String("pixels")
_METERS = pdk.types.String("meters")
TOOLTIP = {
    "html": "<b>{t0}</b><br/>{t1}<br/>{t2}<br/>{t3}",
    "style": {
        "fontFamily": "Microsoft YaHei, PingFang SC, Noto Sans CJK SC, sans-serif",
        "fontSize": "14px",
        "backgroundColor": "rgba(255, 255, 255, 0.96)",
        "color": "#1A1A1A",
        "border": "1px solid #9E9E9E",
        "padding": "6px 10px",
    },
}


def type_colour(code: str) -> str:
    return TYPE_COLOURS.get(code, UNKNOWN_TYPE)


def rgba(hex_colour: str, alpha: int = 255) -> list[int]:
    h = hex_colour.lstrip("#")
    return [int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16), alpha]


# ------------------------------------------------------------------------------ view


def fit_view(
    lat_min: float,
    lat_max: float,
    lon_min: float,
    lon_max: float,
    width_px: int = MAP_WIDTH,
    height_px: int = MAX_HEIGHT,
    padding: float = 0.12,
) -> pdk.ViewState:
    """The view that shows the box whole: deck.gl's web-mercator world is 512 px wide at zoom 0."""
    lat_c, lon_c = (lat_min + lat_max) / 2, (lon_min + lon_max) / 2
    d_lon = max(lon_max - lon_min, 1e-4)

    def merc(lat: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    d_y = max(merc(lat_max) - merc(lat_min), 1e-6)
    zoom_x = math.log2(width_px * 360 / (512 * d_lon))
    zoom_y = math.log2(height_px * 2 * math.pi / (512 * d_y))
    zoom = min(zoom_x, zoom_y) - math.log2(1 + 2 * padding)
    return pdk.ViewState(
        latitude=lat_c, longitude=lon_c, zoom=round(min(max(zoom, 3), 18), 2), pitch=0, bearing=0
    )


def _bounds(
    boundaries: pd.DataFrame, *frames: pd.DataFrame, level: str = "community"
) -> tuple[float, float, float, float]:
    """Box of the chosen communities' (or grids') boundaries, or of whatever is drawn when no
    boundary is recorded."""
    lats: list[float] = []
    lons: list[float] = []
    for text in boundaries.loc[boundaries["level"] == level, "boundary"].dropna():
        for lon, lat in geo.coordinates(text):
            lats.append(lat)
            lons.append(lon)
    if not lats:
        for df in frames:
            if df is not None and not df.empty:
                lats.extend(df["lat"].astype(float))
                lons.extend(df["lon"].astype(float))
    if not lats:
        return 35.0, 36.0, 104.0, 105.0
    return min(lats), max(lats), min(lons), max(lons)


# ------------------------------------------------------------------------------ layers


def _tip(title: str, *lines: str) -> dict[str, str]:
    """The four tooltip fields every pickable object carries (the template needs all of them)."""
    padded = [*lines, "", "", ""][:3]
    return {"t0": title, "t1": padded[0], "t2": padded[1], "t3": padded[2]}


def _metres(value: float) -> str:
    return t("sp.map.metres", m=number(value)) if math.isfinite(value) else t("sp.map.no_point")


def boundary_layers(boundaries: pd.DataFrame) -> list[pdk.Layer]:
    """Community areas (light fill, dark outline) under grid outlines; not pickable, so hovering
    the map only ever describes a point or a compound."""
    layers = []
    for level, fill, line, width in (
        ("community", rgba("#F3F1EA", 255), rgba(COMMUNITY_LINE), 3),
        ("grid", [0, 0, 0, 0], rgba(GRID_LINE, 200), 1),
    ):
        rows = boundaries[(boundaries["level"] == level) & boundaries["boundary"].notna()]
        features = [
            {
                "type": "Feature",
                "geometry": json.loads(r.boundary),
                "properties": {"code": r.code, "name": r.name},
            }
            for r in rows.itertuples()
        ]
        layers.append(
            pdk.Layer(
                "GeoJsonLayer",
                data={"type": "FeatureCollection", "features": features},
                id=f"boundaries-{level}",
                stroked=True,
                filled=level == "community",
                get_fill_color=fill,
                get_line_color=line,
                line_width_units=_PIXELS,
                get_line_width=width,
                line_width_min_pixels=width,
                pickable=False,
            )
        )
    return layers


def _dots(layer_id: str, data: list[dict], **style) -> pdk.Layer:
    return pdk.Layer(
        "ScatterplotLayer",
        data=data,
        id=layer_id,
        get_position="[lon, lat]",
        radius_units=_PIXELS,
        line_width_units=_PIXELS,
        pickable=True,
        **style,
    )


def _compound_rows(compounds: pd.DataFrame, scenario: Scenario | None) -> list[dict]:
    if compounds.empty:
        return []
    biggest = max(float(compounds["households"].max()), 1.0)
    rows = []
    for c in compounds.itertuples():
        r = 5 + 9 * math.sqrt(max(float(c.households), 0.0) / biggest)
        place = f"{c.community} · {c.grid}" if isinstance(c.grid, str) else c.community
        people = t(
            "sp.map.people", households=number(c.households), elderly=number(c.residents_60_plus)
        )
        style = {"lat": c.lat, "lon": c.lon, "r": r}
        if scenario is None:
            style.update(fill=rgba(NEUTRAL, 200), line=rgba("#757575"), w=1)
            rows.append({**style, **_tip(c.name, people, place)})
            continue
        kind = label("sp_type", scenario.sp_type)
        if bool(c.covered_after):
            style.update(fill=rgba(COVERED, 210), line=rgba("#757575"), w=1)
            reach = t("sp.map.covered", type=kind, distance=_metres(c.dist_after))
        else:
            style.update(fill=rgba(WARNING, 235), line=rgba("#3C1400"), w=2)
            reach = t(
                "sp.map.uncovered",
                type=kind,
                radius=scenario.radius,
                distance=_metres(c.dist_after),
            )
        rows.append({**style, **_tip(c.name, people, reach, place)})
    return rows


def _point_row(p, status_text: str, extra: str = "") -> dict:
    kind = label("sp_type", p.type)
    opened = t("sp.map.opened", date=p.opened_on) if getattr(p, "opened_on", "") else ""
    place = p.community + (f" · {p.grid}" if isinstance(getattr(p, "grid", None), str) else "")
    return {
        "lat": p.lat,
        "lon": p.lon,
        "fill": rgba(type_colour(p.type)),
        **_tip(
            p.name, t("sp.map.type_status", type=kind, status=status_text) + extra, opened, place
        ),
    }


@dataclass(frozen=True)
class MapData:
    """What the service-point map shows; every frame comes from data_access.queries.service_points."""

    boundaries: pd.DataFrame
    points: pd.DataFrame  # points() of the area: operating and not, of the shown types
    compounds: pd.DataFrame  # compounds() of the area (scenario.compounds when a type is chosen)
    scenario: Scenario | None = None
    suggested: pd.DataFrame | None = None
    fit_grids: bool = False  # grids were chosen: fit the view to them, not to whole communities


def build_deck(data: MapData) -> pdk.Deck:
    """The deck: boundaries, walking circles, compounds, points, scenario and suggestions."""
    s = data.scenario
    layers = boundary_layers(data.boundaries)
    operating = data.points[data.points["operating"]]
    inactive = data.points[~data.points["operating"]]
    closed_ids = set(s.closed["id"]) if s is not None else set()
    point_px = 8 if s is not None else 6  # one type: few points, draw them larger

    if s is not None:
        kind_colour = type_colour(s.sp_type)
        centres = [
            {"lat": p.lat, "lon": p.lon}
            for p in s.points.itertuples()
            if (p.in_area or p.nearby) and p.id not in closed_ids
        ] + [{"lat": a.lat, "lon": a.lon} for a in s.added.itertuples()]
        layers.append(
            pdk.Layer(
                "ScatterplotLayer",
                data=centres,
                id="walk",
                get_position="[lon, lat]",
                radius_units=_METERS,
                get_radius=s.radius,
                filled=True,
                stroked=True,
                get_fill_color=rgba(kind_colour, 34),
                # Outline darkened so light colours (yellow) still show the circle's edge.
                get_line_color=[int(v * 0.7) for v in rgba(kind_colour)[:3]] + [170],
                line_width_units=_PIXELS,
                get_line_width=1.5,
                pickable=False,
            )
        )

    layers.append(
        _dots(
            "compounds",
            _compound_rows(data.compounds, s),
            get_radius="r",
            get_fill_color="fill",
            get_line_color="line",
            get_line_width="w",
            stroked=True,
            filled=True,
        )
    )
    status_label = {code: label("sp_status", code) for code in ("operating", "suspended", "closed")}
    layers.append(
        _dots(
            "sp-inactive",
            [_point_row(p, status_label.get(p.status, p.status)) for p in inactive.itertuples()],
            get_radius=5,
            get_fill_color=[255, 255, 255, 255],
            get_line_color=rgba(INACTIVE),
            get_line_width=2,
            stroked=True,
            filled=True,
        )
    )
    if s is not None:
        nearby = s.points[s.points["nearby"] & ~s.points["id"].isin(closed_ids)]
        layers.append(
            _dots(
                "sp-nearby",
                [
                    {
                        **_point_row(p, status_label["operating"], t("sp.map.outside")),
                        "fill": rgba(type_colour(p.type), 150),
                    }
                    for p in nearby.itertuples()
                ],
                get_radius=point_px,
                get_fill_color="fill",
                get_line_color=[255, 255, 255, 255],
                get_line_width=1.5,
                stroked=True,
                filled=True,
            )
        )
    shown = operating[~operating["id"].isin(closed_ids)]
    layers.append(
        _dots(
            "sp-points",
            [_point_row(p, status_label["operating"]) for p in shown.itertuples()],
            get_radius=point_px,
            get_fill_color="fill",
            get_line_color=[40, 40, 40, 230],
            get_line_width=1.2,
            stroked=True,
            filled=True,
        )
    )
    if s is not None:
        layers.append(
            _dots(
                "sp-closed",
                [
                    {**_point_row(p, t("sp.map.closed_in_scenario")), "fill": rgba(INACTIVE)}
                    for p in s.closed.itertuples()
                ],
                get_radius=7,
                get_fill_color="fill",
                get_line_color=[0, 0, 0, 255],
                get_line_width=2,
                stroked=True,
                filled=True,
            )
        )
        kind = label("sp_type", s.sp_type)
        layers.append(
            _dots(
                "sp-added",
                [
                    {
                        "lat": a.lat,
                        "lon": a.lon,
                        **_tip(
                            t("sp.map.added", type=kind),
                            a.label,
                            t("sp.map.latlon", lat=f"{a.lat:.6f}", lon=f"{a.lon:.6f}"),
                        ),
                    }
                    for a in s.added.itertuples()
                ],
                get_radius=7,
                get_fill_color=rgba(type_colour(s.sp_type)),
                get_line_color=[255, 255, 255, 255],
                get_line_width=2,
                stroked=True,
                filled=True,
            )
        )
        # A black ring around each new point: scenario points read apart from existing ones
        # whatever the type's colour (black police points included).
        layers.append(
            pdk.Layer(
                "ScatterplotLayer",
                data=[{"lat": a.lat, "lon": a.lon} for a in s.added.itertuples()],
                id="sp-added-ring",
                get_position="[lon, lat]",
                radius_units=_PIXELS,
                line_width_units=_PIXELS,
                get_radius=11,
                get_line_color=[0, 0, 0, 255],
                get_line_width=2.5,
                stroked=True,
                filled=False,
                pickable=False,
            )
        )
    if data.suggested is not None and not data.suggested.empty:
        layers.append(
            _dots(
                "sp-suggested",
                [
                    {
                        "lat": g.lat,
                        "lon": g.lon,
                        **_tip(
                            t("sp.map.suggested", rank=g.rank, name=g.name),
                            t(
                                "sp.map.gain",
                                households=number(g.gain_households),
                                elderly=number(g.gain_residents_60_plus),
                            ),
                            g.community,
                        ),
                    }
                    for g in data.suggested.itertuples()
                ],
                get_radius=14,
                get_line_color=rgba(SUGGESTED),
                get_line_width=3,
                stroked=True,
                filled=False,
            )
        )
    bounds = data_bounds(data)
    view = fit_view(*bounds, height_px=map_height(*bounds))
    return pdk.Deck(layers=layers, initial_view_state=view, map_provider=None, tooltip=TOOLTIP)


def data_bounds(data: MapData) -> tuple[float, float, float, float]:
    level = "grid" if data.fit_grids else "community"
    return _bounds(data.boundaries, data.compounds, data.points, level=level)


def map_height(lat_min: float, lat_max: float, lon_min: float, lon_max: float) -> int:
    """A height that suits the area's shape (a wide county town needs less than one square
    community), so the fitted view leaves no empty band above and below."""
    d_lon = math.radians(max(lon_max - lon_min, 1e-4))
    d_y = math.log(math.tan(math.pi / 4 + math.radians(lat_max) / 2)) - math.log(
        math.tan(math.pi / 4 + math.radians(lat_min) / 2)
    )
    return int(min(max(MAP_WIDTH * d_y / d_lon + 70, MIN_HEIGHT), MAX_HEIGHT))


# ------------------------------------------------------------------------------ legend


def _swatch(
    fill: str,
    line: str = "#282828",
    size: int = 12,
    ring: bool = False,
    width: float = 1,
    halo: bool = False,
) -> str:
    background = "transparent" if ring else fill
    shadow = "box-shadow:0 0 0 2px #FFFFFF,0 0 0 4px #000000;margin-left:3px;" if halo else ""
    return (
        f'<span style="display:inline-block;width:{size}px;height:{size}px;border-radius:50%;'
        f"background:{background};border:{width}px solid {line};{shadow}"
        f'vertical-align:middle;margin-right:{10 if halo else 6}px;flex:none"></span>'
    )


def _line(colour: str, width: int) -> str:
    return (
        f'<span style="display:inline-block;width:18px;height:0;border-top:{width}px solid {colour};'
        f'vertical-align:middle;margin-right:6px;flex:none"></span>'
    )


def legend_items(data: MapData) -> list[tuple[str, str]]:
    """(swatch HTML, text) rows, only for what is on the map."""
    items: list[tuple[str, str]] = []
    operating = data.points[data.points["operating"]]
    counts = operating["type"].value_counts()
    for code in [c for c in TYPE_COLOURS if c in counts] + [
        c for c in counts.index if c not in TYPE_COLOURS
    ]:
        items.append(
            (
                _swatch(type_colour(code)),
                t("sp.legend.type", type=label("sp_type", code), n=int(counts[code])),
            )
        )
    s = data.scenario
    if s is not None and s.points["nearby"].any():
        items.append((_swatch(type_colour(s.sp_type) + "96", "#FFFFFF"), t("sp.legend.nearby")))
    if (~data.points["operating"]).any():
        items.append((_swatch("#FFFFFF", INACTIVE, width=2), t("sp.legend.inactive")))
    if s is not None:
        if not s.closed.empty:
            items.append((_swatch(INACTIVE, "#000000", width=2), t("sp.legend.closed")))
        if not s.added.empty:
            items.append(
                (_swatch(type_colour(s.sp_type), "#FFFFFF", 10, halo=True), t("sp.legend.added"))
            )
    if data.suggested is not None and not data.suggested.empty:
        items.append((_swatch("", SUGGESTED, 16, ring=True, width=3), t("sp.legend.suggested")))
    if s is not None:
        items.append(
            (
                _swatch(type_colour(s.sp_type) + "22", type_colour(s.sp_type) + "78", 16),
                t("sp.legend.walk", radius=s.radius),
            )
        )
        items.append((_swatch(COVERED, "#757575", 14), t("sp.legend.covered")))
        items.append(
            (_swatch(WARNING, "#3C1400", 14, width=2), t("sp.legend.uncovered", radius=s.radius))
        )
    elif not data.compounds.empty:
        items.append((_swatch(NEUTRAL, "#757575", 14), t("sp.legend.compound")))
    items.append((_line(COMMUNITY_LINE, 3), t("sp.legend.community")))
    items.append((_line(GRID_LINE, 1), t("sp.legend.grid")))
    return items


def legend(items: Sequence[tuple[str, str]]) -> None:
    rows = "".join(
        f'<div style="display:flex;align-items:center;margin:3px 0;font-size:14px;line-height:1.3">'
        f"{swatch}<span>{html.escape(text)}</span></div>"
        for swatch, text in items
    )
    st.markdown(f"**{t('sp.legend.title')}**")
    st.markdown(rows, unsafe_allow_html=True)
    st.caption(t("sp.legend.hint"))


def service_point_map(data: MapData) -> None:
    """The map with its legend beside it."""
    left, right = st.columns([4, 1], gap="medium")
    deck = build_deck(data)
    with left:
        st.pydeck_chart(
            deck,
            height=map_height(*data_bounds(data)),
            width="stretch",
            key="sp_map",
            alt=t("sp.map.alt"),
        )
    with right:
        legend(legend_items(data))
