"""The service-point map: compounds, points, walking circles, a scenario and suggested sites,
drawn with components.maps over the area's boundaries and names.

Shapes carry meaning, so nothing depends on colour alone: points are small dots with a white rim,
compounds larger discs (by households), suggested sites open rings, scenario points get a thick
black rim. Sizes are in screen pixels, so points stay visible at every zoom.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd
import pydeck as pdk

from components import maps
from components.i18n import label, number, t
from components.maps import METERS, PIXELS, dots, line, rgba, swatch, tip
from components.service_points.area_map import area_layers, area_legend, reached_layer
from components.service_points.colours import (
    COVERED,
    INACTIVE,
    NEUTRAL,
    SUGGESTED,
    TYPE_COLOURS,
    WARNING,
    type_colour,
)
from data_access.service_points.coverage_queries import Scenario
from data_access.service_points.walking_queries import WalkingAreas


@dataclass(frozen=True)
class MapData:
    """What the service-point map shows; every frame comes from data_access.queries."""

    boundaries: pd.DataFrame  # common.boundaries() of the area
    points: pd.DataFrame  # points() of the area: operating and not, of the shown types
    compounds: pd.DataFrame  # compounds() of the area (scenario.compounds when a type is chosen)
    scenario: Scenario | None = None
    suggested: pd.DataFrame | None = None
    fit_grids: bool = False  # grids were chosen: fit the view to them, not to whole communities
    areas: WalkingAreas | None = None  # walking-time areas to draw (walking mode, one type)


def box_of(data: MapData):
    """The box the map opens on: the chosen communities (or grids), else what is drawn."""
    level = "grid" if data.fit_grids else "community"
    return maps.fit_box(data.boundaries, level, (data.compounds, data.points))


def view_of(data: MapData, width_px: int = maps.DESKTOP_FIT_PX, mobile: bool = False) -> maps.View:
    """The opening view, as the page computes it for a device of that width."""
    return maps.view_for(box_of(data), width_px, mobile)


# ------------------------------------------------------------------------------ rows


def _metres(value: float, mode: str = "line") -> str:
    if not math.isfinite(value):
        return t("sp.map.no_point")
    return t("sp.map.walk_metres" if mode == "walk" else "sp.map.metres", m=number(value))


def _radii(compounds: pd.DataFrame) -> list[float]:
    """A compound's disc in pixels: 5 to 14 px, its area growing with its households."""
    if compounds.empty:
        return []
    biggest = max(float(compounds["households"].max()), 1.0)
    return [5 + 9 * math.sqrt(max(float(h), 0.0) / biggest) for h in compounds["households"]]


def _compound_rows(compounds: pd.DataFrame, scenario: Scenario | None) -> list[dict]:
    rows = []
    for c, r in zip(compounds.itertuples(), _radii(compounds), strict=True):
        place = f"{c.community} · {c.grid}" if isinstance(c.grid, str) else c.community
        people = t(
            "sp.map.people", households=number(c.households), elderly=number(c.residents_60_plus)
        )
        style = {"lat": c.lat, "lon": c.lon, "r": r}
        if scenario is None:
            style.update(fill=rgba(NEUTRAL, 200), line=rgba("#757575"), w=1)
            rows.append({**style, **tip(c.name, people, place)})
            continue
        kind = label("sp_type", scenario.sp_type)
        if bool(c.covered_after):
            style.update(fill=rgba(COVERED, 210), line=rgba("#757575"), w=1)
            reach = t("sp.map.covered", type=kind, distance=_metres(c.dist_after, scenario.mode))
        else:
            style.update(fill=rgba(WARNING, 235), line=rgba("#3C1400"), w=2)
            reach = t(
                "sp.map.uncovered",
                type=kind,
                radius=scenario.radius,
                distance=_metres(c.dist_after, scenario.mode),
            )
        rows.append({**style, **tip(c.name, people, reach, place)})
    return rows


def _point_row(p, status_text: str, extra: str = "") -> dict:
    kind = label("sp_type", p.type)
    opened = t("sp.map.opened", date=p.opened_on) if getattr(p, "opened_on", "") else ""
    place = p.community + (f" · {p.grid}" if isinstance(getattr(p, "grid", None), str) else "")
    return {
        "lat": p.lat,
        "lon": p.lon,
        "fill": rgba(type_colour(p.type)),
        **tip(
            p.name, t("sp.map.type_status", type=kind, status=status_text) + extra, opened, place
        ),
    }


# ------------------------------------------------------------------------------ layers


def _walk_layer(s: Scenario, closed_ids: set[str]) -> pdk.Layer:
    """The walking radius around every point of the type that counts, and every new site."""
    kind_colour = type_colour(s.sp_type)
    centres = [
        {"lat": p.lat, "lon": p.lon}
        for p in s.points.itertuples()
        if (p.in_area or p.nearby) and p.id not in closed_ids
    ] + [{"lat": a.lat, "lon": a.lon} for a in s.added.itertuples()]
    return pdk.Layer(
        "ScatterplotLayer",
        data=centres,
        id="walk",
        get_position="[lon, lat]",
        radius_units=METERS,
        get_radius=s.radius,
        filled=True,
        stroked=True,
        get_fill_color=rgba(kind_colour, 34),
        # Outline darkened so light colours (yellow) still show the circle's edge.
        get_line_color=[int(v * 0.7) for v in rgba(kind_colour)[:3]] + [170],
        line_width_units=PIXELS,
        get_line_width=1.5,
        pickable=False,
    )


def _scenario_layers(s: Scenario) -> list[pdk.Layer]:
    """Points the scenario closes (grey, black rim) and the sites it adds (black ring)."""
    kind = label("sp_type", s.sp_type)
    added = [
        {
            "lat": a.lat,
            "lon": a.lon,
            **tip(
                t("sp.map.added", type=kind),
                a.label,
                t("sp.map.latlon", lat=f"{a.lat:.6f}", lon=f"{a.lon:.6f}"),
            ),
        }
        for a in s.added.itertuples()
    ]
    closed = [
        {**_point_row(p, t("sp.map.closed_in_scenario")), "fill": rgba(INACTIVE)}
        for p in s.closed.itertuples()
    ]
    return [
        dots("sp-closed", closed, get_radius=7, get_fill_color="fill",
             get_line_color=[0, 0, 0, 255], get_line_width=2, stroked=True, filled=True),
        dots("sp-added", added, get_radius=7, get_fill_color=rgba(type_colour(s.sp_type)),
             get_line_color=[255, 255, 255, 255], get_line_width=2, stroked=True, filled=True),
        # A black ring around each new point: scenario points read apart from existing ones
        # whatever the type's colour (black police points included).
        pdk.Layer(
            "ScatterplotLayer",
            data=[{"lat": a.lat, "lon": a.lon} for a in s.added.itertuples()],
            id="sp-added-ring", get_position="[lon, lat]", radius_units=PIXELS,
            line_width_units=PIXELS, get_radius=11, get_line_color=[0, 0, 0, 255],
            get_line_width=2.5, stroked=True, filled=False, pickable=False,
        ),
    ]  # fmt: skip


def _suggested_layer(suggested: pd.DataFrame) -> pdk.Layer:
    rows = [
        {
            "lat": g.lat,
            "lon": g.lon,
            **tip(
                t("sp.map.suggested", rank=g.rank, name=g.name),
                t(
                    "sp.map.gain",
                    households=number(g.gain_households),
                    elderly=number(g.gain_residents_60_plus),
                ),
                g.community,
            ),
        }
        for g in suggested.itertuples()
    ]
    return dots("sp-suggested", rows, get_radius=14, get_line_color=rgba(SUGGESTED),
                get_line_width=3, stroked=True, filled=False)  # fmt: skip


def markers(data: MapData) -> list[pdk.Layer]:
    """Walking circles, compounds, points, the scenario and suggestions, bottom to top."""
    s = data.scenario
    operating = data.points[data.points["operating"]]
    inactive = data.points[~data.points["operating"]]
    closed_ids = set(s.closed["id"]) if s is not None else set()
    point_px = 8 if s is not None else 6  # one type: few points, draw them larger
    status = {code: label("sp_status", code) for code in ("operating", "suspended", "closed")}
    # Walking: the streets within reach say it; a straight-line circle would overstate it.
    layers = [_walk_layer(s, closed_ids)] if s is not None and s.mode == "line" else []
    if data.areas is not None:
        layers.extend(area_layers(data.areas))
        ids = list(data.compounds["id"])
        layers.append(
            reached_layer(data.areas, dict(zip(ids, _radii(data.compounds), strict=True)))
        )
    layers.append(
        dots("compounds", _compound_rows(data.compounds, s), get_radius="r",
             get_fill_color="fill", get_line_color="line", get_line_width="w",
             stroked=True, filled=True)
    )  # fmt: skip
    layers.append(
        dots("sp-inactive", [_point_row(p, status.get(p.status, p.status))
                             for p in inactive.itertuples()],
             get_radius=5, get_fill_color=[255, 255, 255, 255], get_line_color=rgba(INACTIVE),
             get_line_width=2, stroked=True, filled=True)
    )  # fmt: skip
    if s is not None:
        nearby = s.points[s.points["nearby"] & ~s.points["id"].isin(closed_ids)]
        rows = [
            {
                **_point_row(p, status["operating"], t("sp.map.outside")),
                "fill": rgba(type_colour(p.type), 150),
            }
            for p in nearby.itertuples()
        ]
        layers.append(
            dots("sp-nearby", rows, get_radius=point_px, get_fill_color="fill",
                 get_line_color=[255, 255, 255, 255], get_line_width=1.5, stroked=True,
                 filled=True)
        )  # fmt: skip
    shown = operating[~operating["id"].isin(closed_ids)]
    layers.append(
        dots("sp-points", [_point_row(p, status["operating"]) for p in shown.itertuples()],
             get_radius=point_px, get_fill_color="fill", get_line_color=[40, 40, 40, 230],
             get_line_width=1.2, stroked=True, filled=True)
    )  # fmt: skip
    if s is not None:
        layers.extend(_scenario_layers(s))
    if data.suggested is not None and not data.suggested.empty:
        layers.append(_suggested_layer(data.suggested))
    return layers


def dot_positions(data: MapData) -> list[tuple[float, float, float]]:
    """(lon, lat, radius px) of every compound and point: where names should not go."""
    c, p = data.compounds, data.points
    out = list(zip(c["lon"].astype(float), c["lat"].astype(float), _radii(c), strict=True))
    return out + [
        (float(lon), float(lat), 8.0) for lon, lat in zip(p["lon"], p["lat"], strict=True)
    ]


# ------------------------------------------------------------------------------ legend


def legend_items(data: MapData) -> list[tuple[str, str]]:
    """(swatch HTML, text) rows, only for what is on the map."""
    items: list[tuple[str, str]] = []
    counts = data.points[data.points["operating"]]["type"].value_counts()
    known = [c for c in TYPE_COLOURS if c in counts]
    for code in known + [c for c in counts.index if c not in TYPE_COLOURS]:
        text = t("sp.legend.type", type=label("sp_type", code), n=int(counts[code]))
        items.append((swatch(type_colour(code)), text))
    s = data.scenario
    if s is not None and s.points["nearby"].any():
        items.append((swatch(type_colour(s.sp_type) + "96", "#FFFFFF"), t("sp.legend.nearby")))
    if (~data.points["operating"]).any():
        items.append((swatch("#FFFFFF", INACTIVE, width=2), t("sp.legend.inactive")))
    if s is not None:
        if not s.closed.empty:
            items.append((swatch(INACTIVE, "#000000", width=2), t("sp.legend.closed")))
        if not s.added.empty:
            added = swatch(type_colour(s.sp_type), "#FFFFFF", 10, halo=True)
            items.append((added, t("sp.legend.added")))
    if data.suggested is not None and not data.suggested.empty:
        items.append((swatch("", SUGGESTED, 16, ring=True, width=3), t("sp.legend.suggested")))
    if data.areas is not None:
        items.extend(area_legend(data.areas))
    if s is not None and s.mode == "line":
        colour = type_colour(s.sp_type)
        walk = swatch(colour + "22", colour + "78", 16)
        items.append((walk, t("sp.legend.walk", radius=s.radius)))
    if s is not None:
        items.append((swatch(COVERED, "#757575", 14), t("sp.legend.covered")))
        uncovered = swatch(WARNING, "#3C1400", 14, width=2)
        items.append((uncovered, t("sp.legend.uncovered", radius=s.radius)))
    elif not data.compounds.empty:
        items.append((swatch(NEUTRAL, "#757575", 14), t("sp.legend.compound")))
    items.append((line(maps.COMMUNITY_LINE, 3), t("sp.legend.community")))
    items.append((line(maps.GRID_LINE, 1), t("sp.legend.grid")))
    return items


def service_point_map(data: MapData, same_as: object) -> None:
    """The map with its scale bar under it and its legend beside it, built once per map data
    (20,000 points at 200 communities took seconds to turn into a deck on every rerun).
    `same_as`: what the data was queried with (the filters and the page state in use), which
    the map is kept under instead of its frames."""
    maps.cached_area_map(_parts, data, key="sp_map", alt=t("sp.map.alt"), same_as=same_as)


def _parts(data: MapData) -> maps.MapParts:
    return maps.MapParts(
        data.boundaries,
        markers(data),
        map_legend=maps.Legend(
            t("sp.legend.title"), legend_items(data), hint=maps.hint("sp.legend.hint")
        ),
        box=box_of(data),
        avoid=dot_positions(data),
    )
