"""The dry run's map: a street or place file over the communities' boundaries, before any write.

Drawn with the app's offline maps (components.maps: no basemap, no tile, nothing fetched). The
shapes come from the check itself (data_access.importing.preview): positions as they would be
stored, coloured by what the import would do to them, the removed segments of a replace too.
The view fits the boundaries and the file together, so a file lying beside the county shows
beside it, not alone.
"""

from __future__ import annotations

import pydeck as pdk
import streamlit as st

from components import maps
from components.data import query
from components.i18n import number, t
from data_access.areas import queries as areas_queries
from data_access.areas.geo import Bounds
from data_access.filters import Filters
from data_access.importing.preview import KINDS, Preview

COLOURS = {
    "added": "#2166AC",
    "changed": "#E08214",
    "removed": "#B2182B",
    "same": "#ABABAB",
    "file": "#762A83",
}
# Unchanged streets light and thin: they often run along a boundary, whose dark outline and the
# changes must stay readable above them.
WIDTHS = {"added": 4, "changed": 4, "removed": 4, "same": 2, "file": 4}


def _union(a: Bounds | None, b: Bounds | None) -> Bounds | None:
    if a is None or b is None:
        return a or b
    return Bounds(
        min(a.lat_min, b.lat_min),
        max(a.lat_max, b.lat_max),
        min(a.lon_min, b.lon_min),
        max(a.lon_max, b.lon_max),
    )


def _layer(preview: Preview) -> pdk.Layer:
    words = {k: t(f"admin.kind.{k}") for k in KINDS}
    if preview.lines:
        data = [
            {
                "path": s["path"],
                "color": maps.rgba(COLOURS[s["kind"]]),
                "width": WIDTHS[s["kind"]],
                **maps.tip(s["name"] or words[s["kind"]], words[s["kind"]]),
            }  # fmt: skip
            # Drawn in order: the unchanged first, the changes on top of them.
            for s in sorted(preview.lines, key=lambda s: s["kind"] != "same")
        ]
        return pdk.Layer(
            "PathLayer",
            data=data,
            id="admin-preview-lines",
            get_path="path",
            get_color="color",
            width_units=maps.PIXELS,
            get_width="width",
            width_min_pixels=1,
            pickable=True,
        )
    data = [
        {
            "lon": p["lon"],
            "lat": p["lat"],
            "color": maps.rgba(COLOURS[p["kind"]]),
            **maps.tip(p["name"] or words[p["kind"]], words[p["kind"]]),
        }  # fmt: skip
        for p in preview.points
    ]
    return maps.dots(
        "admin-preview-points",
        data,
        get_fill_color="color",
        get_line_color=[255, 255, 255, 255],
        get_radius=5,
        stroked=True,
        get_line_width=1,
    )


def _items(preview: Preview) -> list[tuple[str, str]]:
    """('删除', '删除：1段') … — the kinds the file has, in the legend's order."""
    key = "admin.preview.item.lines" if preview.lines else "admin.preview.item.points"
    return [
        (k, t(key, kind=t(f"admin.kind.{k}"), count=number(preview.counts[k])))
        for k in KINDS
        if preview.counts.get(k)
    ]


def counts_text(preview: Preview) -> str:
    """'删除：1段、新增：1段' for the map's description."""
    return t("common.list_sep").join(text for _, text in _items(preview))


def preview_map(preview: Preview | None) -> None:
    """The map under the check's summary; nothing when the file has no shape to draw."""
    if preview is None or not preview.shown:
        return
    st.markdown(f"**{t('admin.preview.title')}**")
    boundaries = query(areas_queries.boundaries, Filters())
    communities = boundaries[boundaries["level"] == "community"]
    box = _union(maps.fit_box(communities), preview.bounds())
    items = [
        (
            maps.line(COLOURS[k], WIDTHS[k]) if preview.lines else maps.swatch(COLOURS[k]),
            text,
        )
        for k, text in _items(preview)
    ]
    items.append((maps.line(maps.COMMUNITY_LINE, 3), t("admin.preview.boundary")))
    what = t("admin.preview.what.lines" if preview.lines else "admin.preview.what.points")
    maps.area_map(
        communities,  # the grids' outlines would hide short streets at a county's zoom
        [_layer(preview)],
        map_legend=maps.Legend(
            t("admin.preview.legend"), items, hint=maps.hint("admin.preview.hint")
        ),
        box=box,
        key="admin_preview_map",
        alt=t("admin.preview.alt", what=what, counts=counts_text(preview)),
    )
    if preview.cut > 0:
        st.caption(t("admin.preview.cut", shown=number(preview.shown), cut=number(preview.cut)))
