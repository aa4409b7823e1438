"""The service-point map at county level: communities shaded by their figure, not every point.

At 200 communities the detailed map (20,000 points, 10,000 compounds, 2,000 grid outlines) sent
11 MB to the browser and took seconds of software WebGL to draw. When the area shown holds more
than `DETAIL_MAX` points and compounds together, the map shows each community as one shaded area
instead: its points, households and points per 1,000 households (the declared figures of
`rates_by_community`) and, when one type is chosen, the share of households that type reaches
(the coverage table's figure). A what-if's added and closed points and the suggested sites stay
on it (a handful). Choosing a community or a grid in the sidebar draws its points and compounds:
Streamlit's deck.gl map tells the server nothing about zooming, so detail comes with the filter.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import maps
from components.i18n import fig, number, t
from components.maps.layers import drawn, features
from components.service_points.colours import SUGGESTED
from components.service_points.map import MapData, _scenario_layers, _suggested_layer
from data_access.service_points.coverage_queries import Scenario

# A county of the sample's size and any one community of a city stay in detail.
DETAIL_MAX = 1_000
SHADES = ("#EFF3FF", "#08519C")  # light to dark: more points per household / more reached


def detailed(points: pd.DataFrame, compounds: pd.DataFrame) -> bool:
    """Whether the map draws every point and compound (else: communities shaded)."""
    return len(points) + len(compounds) <= DETAIL_MAX


def _shares(table: pd.DataFrame, scenario: Scenario | None) -> dict[str, float]:
    """community code → share of households the chosen type reaches within the chosen radius."""
    if scenario is None or table.empty:
        return {}
    column = f"households_{scenario.radius}"
    rows = table[(table["type"] == scenario.sp_type) & (table["community_code"] != "")]
    return {c: float(v) for c, v in zip(rows["community_code"], rows[column], strict=True)}


def _ramp(values: pd.Series, unit: str, title: str) -> maps.Ramp:
    top = max(float(values.max()) if values.notna().any() else 0.0, 1.0)
    return maps.Ramp(title, SHADES, 0, top, fig(0, unit), fig(top, unit))


def county_parts(data: MapData, rates: pd.DataFrame, table: pd.DataFrame) -> maps.MapParts:
    """Communities shaded (by coverage of the chosen type, else points per 1,000 households),
    their outlines and names; the scenario's own points and the suggestions on top."""
    s = data.scenario
    shares = _shares(table, s)
    by_code = rates.set_index("community_code")
    areas = drawn(data.boundaries, "community")
    if s is not None:
        values = pd.Series([shares.get(c) for c in areas["code"]], dtype=float)
        ramp = maps.Ramp(
            t("sp.county.ramp.share", r=s.radius), SHADES, 0, 1, fig(0, "share"), fig(1, "share")
        )
    else:
        values = pd.Series([by_code["per_1000"].get(c) for c in areas["code"]], dtype=float)
        ramp = _ramp(values, "per_1000_households", t("sp.county.ramp.rate"))
    shaded = []
    for feature, value in zip(features(areas), values, strict=True):
        code = feature["properties"]["code"]
        lines = [
            t(
                "sp.county.tip",
                points=number(by_code["points"].get(code, 0)),
                households=number(by_code["households"].get(code, 0)),
                rate=number(by_code["per_1000"].get(code), 1),
            )
        ]
        if s is not None:
            lines.append(t("sp.county.tip.share", r=s.radius, share=fig(value, "share")))
        fill = ramp.colour(value) if pd.notna(value) else [224, 224, 224, 200]
        feature["properties"].update(fill=fill, **maps.tip(feature["properties"]["name"], *lines))
        shaded.append(feature)
    markers = []
    items = []
    if s is not None:
        markers.extend(_scenario_layers(s))
    if data.suggested is not None and not data.suggested.empty:
        markers.append(_suggested_layer(data.suggested))
        items.append((maps.swatch("", SUGGESTED, 16, ring=True, width=3), t("sp.legend.suggested")))
    items.append((maps.line(maps.COMMUNITY_LINE, 3), t("sp.legend.community")))
    outlines = data.boundaries[data.boundaries["level"] == "community"]
    return maps.MapParts(
        outlines,
        markers,
        shaded=[maps.shaded_areas("sp-communities", shaded)],
        map_legend=maps.Legend(
            t("sp.legend.title"), items, [ramp], hint=maps.hint("sp.county.hint")
        ),
        box=maps.fit_box(outlines, "community"),
    )


def county_map(data: MapData, rates: pd.DataFrame, table: pd.DataFrame, same_as: object) -> None:
    """The county-level map, built once per filters, page state and data version (as the detailed
    one), with a line saying how to see the points."""
    maps.cached_area_map(
        county_parts, data, rates, table, key="sp_map", alt=t("sp.county.alt"), same_as=same_as
    )
    st.caption(t("sp.county.caption", n=number(int(data.points["operating"].sum()))))
