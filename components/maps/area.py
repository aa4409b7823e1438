"""An area map: boundaries, a page's layers, names, an optional basemap, a scale bar and a legend.

`build` assembles the deck (no Streamlit: tests call it); `area_map` draws it with the scale bar
under the map and the legend beside it (under it on a phone, where Streamlit stacks columns).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
import pydeck as pdk
import streamlit as st
from pydeck.bindings.json_tools import default_serialize

from components import device
from components.i18n import fig, t
from components.maps import basemap, legend, names
from components.maps.layers import boundary_layers, drawn
from components.maps.scale import ScaleBar, scale_bar, scale_bar_html
from components.maps.table import map_table, tip_rows
from components.maps.tooltip import tooltip as default_tooltip
from components.maps.view import FALLBACK_BOX, Padding, View, fit_view, map_height
from data_access.areas import geo

HEIGHTS_PX = {"desktop": (380, 640), "mobile": (220, 480)}


class CompactDeck(pdk.Deck):
    """A deck whose JSON is compact. pydeck writes it with indent=2, which makes Python's json
    module fall back from its C encoder to the pure-Python one: at 2,000 grid outlines that
    took seconds per run. Same keys and values, no whitespace."""

    def to_json(self) -> str:
        return json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"))


@dataclass(frozen=True)
class AreaMap:
    deck: pdk.Deck
    view: View
    labels: list[names.Label]

    @property
    def height_px(self) -> int:
        return self.view.height_px


def fit_box(
    boundaries: pd.DataFrame, level: str = "community", extent: Sequence[pd.DataFrame] = ()
) -> geo.Bounds:
    """The box to open on: the boundaries of `level` ('community' or 'grid'), or, when none is
    recorded, whatever the frames in `extent` (lat, lon columns) hold."""
    box = geo.bounds(drawn(boundaries, level)["boundary"]) if not boundaries.empty else None
    if box is None:
        frames = [df for df in extent if df is not None and not df.empty]
        box = geo.bounds_of_points(
            [v for df in frames for v in df["lat"].astype(float)],
            [v for df in frames for v in df["lon"].astype(float)],
        )
    return box or FALLBACK_BOX


def view_for(box: geo.Bounds, width_px: int, mobile: bool = False) -> View:
    """The opening view of a box at a width, with a height that suits its shape."""
    low, high = HEIGHTS_PX["mobile" if mobile else "desktop"]
    padding = Padding()
    return fit_view(box, width_px, map_height(box, width_px, low, high, padding), padding)


def build(
    boundaries: pd.DataFrame,
    markers: Sequence[pdk.Layer] = (),
    *,
    view: View,
    shaded: Sequence[pdk.Layer] = (),
    avoid: Sequence[Sequence[float]] = (),
    tiles: str | None = None,
    tooltip: dict | None = None,
) -> AreaMap:
    """Layers bottom to top: basemap tiles, shaded areas, boundaries, markers, names."""
    labels = names.place_names(boundaries, view, avoid)
    layers = [
        *(basemap.tile_layers(tiles, view) if tiles else []),
        *shaded,
        *boundary_layers(boundaries, fill_alpha=90 if tiles else 0 if shaded else 255),
        *markers,
        *names.name_layers(labels),
    ]
    deck = CompactDeck(
        layers=layers,
        initial_view_state=view.deck(),
        map_provider=None,  # no basemap, no request: never map_style=None (Carto's tiles)
        tooltip=tooltip or default_tooltip(),
    )
    return AreaMap(deck, view, labels)


def area_map(
    boundaries: pd.DataFrame,
    markers: Sequence[pdk.Layer] = (),
    *,
    shaded: Sequence[pdk.Layer] = (),
    map_legend: legend.Legend | None = None,
    box: geo.Bounds | None = None,
    avoid: Sequence[Sequence[float]] = (),
    tooltip: dict | None = None,
    key: str | None = None,
    alt: str | None = None,
) -> AreaMap:
    """Draw an area map fitted to `box` (default: the communities' boundaries) for the reader's
    device, the scale bar under it and the legend beside it."""
    mobile = device.is_mobile()
    view = view_for(box or fit_box(boundaries), device.fit_width_px(), mobile)
    drawn_map = build(
        boundaries,
        markers,
        view=view,
        shaded=shaded,
        avoid=avoid,
        tiles=basemap.tile_url(),
        tooltip=tooltip,
    )
    show(drawn_map.deck, view.height_px, scale_bar(view), map_legend, key=key, alt=alt)
    map_table(tip_rows(drawn_map.deck.layers), key)
    return drawn_map


def show(
    deck: pdk.Deck,
    height_px: int,
    bar: ScaleBar,
    map_legend: legend.Legend | None,
    *,
    key: str | None,
    alt: str | None,
) -> None:
    """A built deck with the scale bar under it and the legend beside it."""
    left, right = (
        st.columns([4, 1], gap="medium") if map_legend is not None else (st.container(), None)
    )
    with left:
        st.pydeck_chart(deck, height=height_px, width="stretch", key=key, alt=alt)
        st.markdown(
            scale_bar_html(bar, fig(bar.metres, "metres"), t("map.scale")),
            unsafe_allow_html=True,
        )
    if right is not None:
        with right:
            legend.draw(map_legend)
