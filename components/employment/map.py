"""The employment outcomes map, on the shared map module: grids shaded by registered job seekers
not yet placed (per 1,000 residents or counts) or by people placed in the period, with community
and grid outlines, names, a scale bar, a legend and tooltips. No request leaves the server.

Counts arrive after the protection pattern ("<3", "*"): a hidden grid has no shade.
"""

from __future__ import annotations

import json

import streamlit as st

from components import maps, page_state
from components.data import query
from components.i18n import fig, number, t
from data_access.areas import queries as common
from data_access.employment import map_queries as employment_map
from data_access.filters import Filters

SHADES = {"waiting": ("#FEE8C8", "#B30000"), "placed": ("#E5F5E0", "#006D2C")}
MEASURES = tuple(employment_map.MEASURES)
# Grids shaded one by one up to this many (the sample county, a county of 20 communities); above
# it (a city's county level: 2,000 grid outlines, 3.3 MB sent) each community is one shaded area,
# and choosing a community or grid brings the grids back.
DETAIL_MAX = 1_000


def _rate_text(value: float | None) -> str:
    return "—" if value is None else t("em.map.rate_value", value=number(value, 1))


def controls() -> tuple[str, bool]:
    """The measure shown and whether it is per 1,000 residents (both kept in the URL)."""
    left, right = st.columns([3, 2], vertical_alignment="bottom")
    measure = left.radio(
        t("em.map.measure"),
        MEASURES,
        format_func=lambda m: t(f"em.map.measure.{m}"),
        horizontal=True,
        **page_state.bound("em_map"),
    )
    per1000 = right.toggle(
        t("em.map.per1000"),
        help=t("em.map.per1000.help"),
        **page_state.bound("em_counts", to_widget=lambda v: not v, from_widget=lambda v: not v),
    )
    return measure, per1000


def outcomes_map(f: Filters) -> None:
    measure, per1000 = controls()
    county = len(query(common.grids, f.communities)) > DETAIL_MAX and not f.grids
    args = (f, measure, per1000, county)
    if not maps.cached_area_map(_parts, *args, key="em_map", alt=t("em.map.alt")):
        st.info(t("em.map.empty"))
        return
    st.caption(t("em.map.caption"))
    if county:
        st.caption(t("em.map.county_caption"))


def _parts(f: Filters, measure: str, per1000: bool, county: bool) -> maps.MapParts | None:
    frames = employment_map.map_communities if county else employment_map.map_grids
    grid = query(frames, f, measure)
    grid = grid[grid["boundary"].notna()]
    if grid.empty:
        return None
    column = "per1000" if per1000 else "value"
    shown = grid[column].dropna()
    top = max(float(shown.max()), 1.0) if not shown.empty else 1.0
    if per1000:
        low_text, high_text = _rate_text(0), _rate_text(top)
    else:
        low_text, high_text = fig(0, "persons"), fig(top, "persons")
    title = t(f"em.map.ramp.{measure}") + (t("em.map.ramp.per1000") if per1000 else "")
    ramp = maps.Ramp(title, SHADES[measure], 0, top, low_text, high_text)
    hidden_fill = [200, 200, 200, 120]
    features = []
    for r in grid.itertuples(index=False):
        value = getattr(r, column)
        fill = hidden_fill if value is None or value != value else ramp.colour(value)
        detail = t(
            f"em.map.tip.{measure}",
            count=r.count,
            rate=_rate_text(r.per1000),
            population=fig(r.population, "persons"),
        )
        features.append(
            {
                "type": "Feature",
                "geometry": json.loads(r.boundary),
                "properties": {
                    "fill": fill,
                    "grid_code": r.grid_code,
                    "count": r.count,
                    **maps.tip(
                        r.grid
                        if county
                        else t("em.map.grid_name", grid=r.grid, community=r.community),
                        detail,
                    ),
                },
            }
        )
    shaded = maps.shaded_areas("em-communities" if county else "em-grids", features)
    boundaries = query(common.boundaries, f)
    if county:  # the communities' outlines only: 2,000 grid outlines were most of the bytes
        boundaries = boundaries[boundaries["level"] == "community"]
    legend = maps.Legend(
        t("em.map.legend"),
        [
            (maps.swatch("#C8C8C8", "#C8C8C8"), t("em.map.legend.hidden")),
            (maps.line(maps.COMMUNITY_LINE, 3), t("sp.legend.community")),
            *([] if county else [(maps.line(maps.GRID_LINE, 1), t("sp.legend.grid"))]),
        ],
        [ramp],
        maps.hint("em.map.legend.hint"),
    )
    return maps.MapParts(
        boundaries,
        shaded=[shaded],
        map_legend=legend,
        box=maps.fit_box(boundaries, "grid" if f.grids else "community"),
    )
