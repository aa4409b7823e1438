"""The aggregated map of the 社会救助 page, on the shared map module: grids shaded by the
recipient households that may be published, compounds as circles, names, scale and legend; no
basemap unless the county has its own tile server, so no request leaves the server.

Counts arrive after the county's protection pattern ("<3", "*"); a hidden count adds nothing to a
grid's shade or a circle's size, so neither can be read back into a number.
"""

from __future__ import annotations

import json
import math

import streamlit as st

from components import maps
from components.data import query
from components.i18n import fig, number, t
from data_access.areas import queries as common
from data_access.filters import Filters
from data_access.welfare import breakdowns as welfare_breakdowns
from data_access.welfare import queries as welfare_queries

SHADES = ("#FDE0DD", "#C51B8A")  # light to dark: more published recipient households
CIRCLE = "#0072B2"
COUNTS = ("dibao_households", "dibao_persons", "tekun_households")
# Grids and compounds drawn one by one up to this many (the sample county, one community of a
# city); above it (a city's county level: 2,000 grids, 9,000 compounds, 5.5 MB sent) each
# community is one shaded area, and choosing a community or grid brings the detail back.
DETAIL_MAX = 1_000


def _detail(row) -> str:
    return t(
        "wf.map.tip",
        dibao=row.dibao_households,
        persons=row.dibao_persons,
        tekun=row.tekun_households,
    )


def recipients_map(f: Filters) -> None:
    """Grids shaded by published recipient households and compounds as circles (communities
    shaded instead at a city's county level), built once per data version, filters and language
    (a rerun that moves another widget only redraws it)."""
    county = _county_level(f)
    make = _county_parts if county else _parts
    if not maps.cached_area_map(make, f, key="wf_map", alt=t("wf.map.alt")):
        st.info(t("wf.map.empty"))
        return
    st.caption(t("wf.map.county_caption" if county else "wf.map.caption"))


def _county_level(f: Filters) -> bool:
    """More grids and compounds than DETAIL_MAX in the area: draw communities instead."""
    grid = query(welfare_breakdowns.map_grids, f)
    return len(grid) + len(query(welfare_breakdowns.map_compounds, f)) > DETAIL_MAX


def _parts(f: Filters) -> maps.MapParts | None:
    grid = query(welfare_breakdowns.map_grids, f)
    grid = grid[grid["boundary"].notna()]
    if grid.empty:
        return None
    compounds = query(welfare_breakdowns.map_compounds, f)
    top = max(float(grid["weight"].max()), 1.0)
    ramp = maps.Ramp(t("wf.map.ramp"), SHADES, 0, top, fig(0, "households"), fig(top, "households"))
    shaded = maps.shaded_areas(
        "wf-grids",
        [
            {
                "type": "Feature",
                "geometry": json.loads(r.boundary),
                "properties": {
                    "fill": ramp.colour(r.weight),
                    "grid_code": r.grid_code,
                    **{c: getattr(r, c) for c in COUNTS},
                    **maps.tip(
                        t("wf.map.grid_name", grid=r.grid, community=r.community), _detail(r)
                    ),
                },
            }
            for r in grid.itertuples(index=False)
        ],
    )
    biggest = max(float(compounds["weight"].max()), 1.0) if not compounds.empty else 1.0
    circles = maps.dots(
        "wf-compounds",
        [
            {
                "lat": r.lat,
                "lon": r.lon,
                "r": round(4 + 8 * math.sqrt(r.weight / biggest), 1),
                "compound_id": r.compound_id,
                **{c: getattr(r, c) for c in COUNTS},
                **maps.tip(r.compound, _detail(r)),
            }
            for r in compounds.itertuples(index=False)
        ],
        get_radius="r",
        get_fill_color=maps.rgba(CIRCLE, 190),
        get_line_color=[255, 255, 255, 230],
        get_line_width=1,
        stroked=True,
        filled=True,
    )
    boundaries = query(common.boundaries, f)
    legend = maps.Legend(
        t("wf.map.legend"),
        [
            (maps.swatch(CIRCLE, "#FFFFFF"), t("wf.map.legend.compound")),
            (maps.line(maps.COMMUNITY_LINE, 3), t("sp.legend.community")),
            (maps.line(maps.GRID_LINE, 1), t("sp.legend.grid")),
        ],
        [ramp],
        maps.hint("wf.map.legend.hint"),
    )
    return maps.MapParts(
        boundaries,
        markers=[circles],
        shaded=[shaded],
        map_legend=legend,
        box=maps.fit_box(boundaries, "grid" if f.grids else "community"),
        avoid=[(r.lon, r.lat) for r in compounds.itertuples(index=False)],
    )


def _county_parts(f: Filters) -> maps.MapParts | None:
    """Communities shaded by 低保 households, with their persons and coverage of the population
    (`coverage_by_community`, the declared figures; community counts are not suppressed)."""
    boundaries = query(common.boundaries, f)
    outlines = boundaries[boundaries["level"] == "community"]
    areas = outlines[outlines["boundary"].notna()]
    if areas.empty:
        return None
    figures = query(welfare_queries.coverage_by_community, f).set_index("code")
    values = areas["code"].map(figures["dibao_households"]).fillna(0).astype(float)
    top = max(float(values.max()), 1.0)
    ramp = maps.Ramp(
        t("wf.map.ramp.community"), SHADES, 0, top, fig(0, "households"), fig(top, "households")
    )
    shaded = [
        {
            "type": "Feature",
            "geometry": json.loads(r.boundary),
            "properties": {
                "fill": ramp.colour(v),
                **maps.tip(
                    r.name,
                    t(
                        "wf.map.community_tip",
                        dibao=number(figures["dibao_households"].get(r.code)),
                        persons=number(figures["dibao_persons"].get(r.code)),
                        rate=fig(figures["population_rate"].get(r.code), "share"),
                    ),
                ),
            },
        }
        for r, v in zip(areas.itertuples(index=False), values, strict=True)
    ]
    legend = maps.Legend(
        t("wf.map.legend"),
        [(maps.line(maps.COMMUNITY_LINE, 3), t("sp.legend.community"))],
        [ramp],
        maps.hint("wf.map.county_hint"),
    )
    return maps.MapParts(
        outlines,
        shaded=[maps.shaded_areas("wf-communities", shaded)],
        map_legend=legend,
        box=maps.fit_box(outlines, "community"),
    )
