"""The facilities map on the shared map module: community offices (large dots), rooms, stations
and fields (small dots) and construction projects (rings), coloured by their state at the
period's end, over the community and grid boundaries; no basemap, so no request leaves the
server."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import maps
from components.data import query
from components.facilities.colours import STATUS_COLOURS
from components.i18n import fig, label, lang, number, t
from components.maps.layers import features
from data_access.areas import queries as common
from data_access.facilities import status as facility_status
from data_access.filters import Filters

RADIUS = {"office": 9, "facility": 5, "project": 11}
SHADES = ("#FEE6CE", "#009E73")  # light to dark: more of the required kinds in use
# Sites drawn one by one up to this many (the sample county, one community of a city); above it
# (a city's county level: 2,500 sites and 2,000 grid outlines, 2.5 MB sent) each community is
# one area shaded by its completeness, and choosing a community or grid brings the sites back.
DETAIL_MAX = 1_000


def _name(r) -> str:
    return r.name_en if lang() == "en" else r.name_zh


def _kind(r) -> str:
    if r.layer == "project":
        return t("fac.map.project_kind", phase=label("project_phase", r.kind))
    return _name(r)


def _row(r) -> dict:
    status = label("facility_status", r.status)
    area = t("fac.map.tip.area", area=fig(r.area_m2, "m2")) if pd.notna(r.area_m2) else ""
    since = (
        t("fac.map.tip.since", date=str(r.since))
        if r.since is not None and pd.notna(r.since)
        else t("fac.map.tip.no_date")
    )
    title = f"{r.community} · {_name(r)}" if r.layer != "project" else _name(r)
    return {
        "lat": r.lat,
        "lon": r.lon,
        "r": RADIUS[r.layer],
        "site_id": r.id,
        "status": r.status,
        **maps.tip(title, t("fac.map.tip.kind", kind=_kind(r), status=status), area, since),
    }


def facilities_map(f: Filters) -> None:
    county = len(query(facility_status.map_sites, f)) > DETAIL_MAX
    make = _county_parts if county else _parts
    if not maps.cached_area_map(make, f, key="fac_map", alt=t("fac.map.alt")):
        st.info(t("fac.map.empty"))
    elif county:
        st.caption(t("fac.map.county_caption"))


def _county_parts(f: Filters) -> maps.MapParts | None:
    """Communities shaded by their completeness (the matrix's declared figure), its kinds in
    use of those required in the tooltip."""
    boundaries = query(common.boundaries, f)
    outlines = boundaries[boundaries["level"] == "community"]
    areas = outlines[outlines["boundary"].notna()]
    if areas.empty:
        return None
    done = query(facility_status.completeness, f).set_index("community_code")
    ramp = maps.Ramp(t("fac.map.ramp"), SHADES, 0, 1, fig(0, "share"), fig(1, "share"))
    shaded = []
    for feature in features(areas):
        code = feature["properties"]["code"]
        share = done["share"].get(code)
        known = share is not None and pd.notna(share)
        text = t(
            "fac.map.county_tip",
            share=fig(share, "share"),
            in_use=number(done["in_use"].get(code, 0)),
            required=number(done["required"].get(code, 0)),
        )
        feature["properties"].update(
            fill=ramp.colour(share) if known else [224, 224, 224, 200],
            **maps.tip(feature["properties"]["name"], text),
        )
        shaded.append(feature)
    legend = maps.Legend(
        t("fac.map.legend"),
        [(maps.line(maps.COMMUNITY_LINE, 3), t("sp.legend.community"))],
        [ramp],
        hint=maps.hint("fac.map.county_hint"),
    )
    return maps.MapParts(
        outlines,
        shaded=[maps.shaded_areas("fac-communities", shaded)],
        map_legend=legend,
        box=maps.fit_box(outlines, "community"),
    )


def _parts(f: Filters) -> maps.MapParts | None:
    sites = query(facility_status.map_sites, f)
    if sites.empty:
        return None
    layers = []
    # Projects (rings) under facilities, offices on top.
    for layer in ("project", "facility", "office"):
        part = sites[sites["layer"] == layer]
        if part.empty:
            continue
        rows = [_row(r) for r in part.itertuples(index=False)]
        for status, colour in STATUS_COLOURS.items():
            mine = [r for r in rows if r["status"] == status]
            if not mine:
                continue
            ring = layer == "project"
            layers.append(
                maps.dots(
                    f"fac-{layer}-{status}",
                    mine,
                    get_radius="r",
                    get_fill_color=maps.rgba(colour, 0 if ring else 230),
                    get_line_color=maps.rgba(colour) if ring else [255, 255, 255, 230],
                    get_line_width=4 if ring else 1.5,
                    stroked=True,
                    filled=not ring,
                )
            )
    boundaries = query(common.boundaries, f)
    legend = maps.Legend(
        t("fac.map.legend"),
        [
            *[
                (maps.swatch(c, "#FFFFFF"), label("facility_status", s))
                for s, c in STATUS_COLOURS.items()
            ],
            (maps.swatch("#757575", "#FFFFFF", size=16), t("fac.map.legend.office")),
            (maps.swatch("#757575", "#FFFFFF", size=9), t("fac.map.legend.facility")),
            (
                maps.swatch("#757575", "#757575", size=16, ring=True, width=3),
                t("fac.map.legend.project"),
            ),
            (maps.line(maps.COMMUNITY_LINE, 3), t("sp.legend.community")),
            (maps.line(maps.GRID_LINE, 1), t("sp.legend.grid")),
        ],
        hint=maps.hint("fac.map.legend.hint"),
    )
    return maps.MapParts(
        boundaries,
        layers,
        map_legend=legend,
        box=maps.fit_box(boundaries, "community", (sites,)),
        avoid=[(r.lon, r.lat) for r in sites.itertuples(index=False)],
    )
