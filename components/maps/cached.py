"""An area map built once per data version, filters, language and screen, then only redrawn.

At 200 communities a map's deck (2,000 grid outlines, thousands of dots, names placed around
them) took seconds to assemble and serialise, on every rerun, even when only another section's
widget had moved. `cached_area_map(make, *args, key=..., alt=...)` calls `make(*args)` only when
something it depends on changed: `make` returns the map's `MapParts` (or None: nothing to draw)
and may call `query`; the finished deck is kept as its JSON. The cache is bounded.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import pydeck as pdk
import streamlit as st

from components import device
from components.data import current_version, fn_key
from components.i18n import lang
from components.maps import basemap, legend
from components.maps.area import build, fit_box, show, view_for
from components.maps.scale import ScaleBar, scale_bar
from components.maps.table import map_table, tip_rows
from data_access.areas import geo


@dataclass
class MapParts:
    """What `area_map` takes, gathered by a page's map builder."""

    boundaries: object  # the frame of data_access.areas.queries.boundaries
    markers: Sequence[pdk.Layer] = ()
    shaded: Sequence[pdk.Layer] = ()
    map_legend: legend.Legend | None = None
    box: geo.Bounds | None = None
    avoid: Sequence[Sequence[float]] = field(default_factory=tuple)
    tooltip: dict | None = None


@dataclass(frozen=True)
class BuiltMap:
    spec: str  # the deck's JSON
    tooltip: dict | None
    height_px: int
    bar: ScaleBar
    map_legend: legend.Legend | None
    rows: tuple[tuple[str, str], ...] = ()  # the map's facts as a table (maps.table)


class _SerialisedDeck(pdk.Deck):
    """A deck whose JSON was made before: Streamlit only asks it for its JSON and tooltip."""

    def __init__(self, spec: str, tooltip: dict | None):
        super().__init__(map_provider=None, tooltip=tooltip or True)
        self._spec = spec

    def to_json(self) -> str:
        return self._spec


@st.cache_data(show_spinner=False, max_entries=16)  # a deck is megabytes at N=200
def _built(
    _make: Callable[..., MapParts | None],
    make_id: tuple[str, int],
    _args: tuple,
    identity: object,
    language: str,
    version: int,
    width_px: int,
    mobile: bool,
    tiles: str | None,
) -> BuiltMap | None:
    parts = _make(*_args)
    if parts is None:
        return None
    view = view_for(parts.box or fit_box(parts.boundaries), width_px, mobile)
    drawn = build(
        parts.boundaries,
        parts.markers,
        view=view,
        shaded=parts.shaded,
        avoid=parts.avoid,
        tiles=tiles,
        tooltip=parts.tooltip,
    )
    tooltip = drawn.deck._tooltip
    return BuiltMap(
        drawn.deck.to_json(),
        tooltip if isinstance(tooltip, dict) else None,
        view.height_px,
        scale_bar(view),
        parts.map_legend,
        tip_rows(drawn.deck.layers),
    )


def cached_area_map(
    make: Callable[..., MapParts | None],
    *args,
    key: str,
    alt: str | None = None,
    same_as: object = None,
) -> bool:
    """Draw the map `make(*args)` describes (see module doc); False when there is nothing to
    draw. Arguments must be hashable values, as for `query`. `same_as`, when given, is a small
    value that (with the data version) decides everything in `args`, e.g. the filters and page
    state the frames in `args` were queried with: the map is then kept under it and the frames
    are not hashed on every rerun (at 200 communities that took longer than drawing the page)."""
    built = _built(
        make,
        fn_key(make),
        args,
        args if same_as is None else same_as,
        lang(),
        current_version(),
        device.fit_width_px(),
        device.is_mobile(),
        basemap.tile_url(),
    )
    if built is None:
        return False
    deck = _SerialisedDeck(built.spec, built.tooltip)
    show(deck, built.height_px, built.bar, built.map_legend, key=key, alt=alt)
    map_table(built.rows, key)
    return True
