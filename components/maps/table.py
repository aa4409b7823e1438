"""A map's facts as a table, one tap away (a switch under the map): the name and hover lines of every object the map draws
(the same rows its layers carry, so no second query), for a screen reader, a keyboard and a touch
screen, none of which can hover."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
import pydeck as pdk
import streamlit as st

from components.i18n import t
from components.maps.tooltip import LINES


def _objects(data: object) -> list[dict]:
    if isinstance(data, dict) and "features" in data:  # a GeoJSON FeatureCollection
        data = data["features"]
    if not isinstance(data, list):
        return []
    return [o.get("properties", o) if isinstance(o, dict) else {} for o in data]


SEP = " · "  # between a hover box's lines, as the captions join their parts in both languages


def tip_rows(layers: Iterable[pdk.Layer]) -> tuple[tuple[str, str], ...]:
    """(name, details) of every object with a hover box, in drawing order, each once."""
    rows: dict[tuple[str, str], None] = {}
    for layer in layers:
        for obj in _objects(getattr(layer, "data", None)):
            name = obj.get("t0")
            if not name:
                continue
            lines = [str(obj.get(f"t{i}") or "") for i in range(1, LINES + 1)]
            rows[(str(name), SEP.join(x for x in lines if x))] = None
    return tuple(rows)


def map_table(rows: tuple[tuple[str, str], ...], key: str | None) -> None:
    """Under a map: a switch that shows its rows as a table (nothing when the map has no hover
    boxes). Drawn only when switched on: at 200 communities the rows run to thousands."""
    if not rows:
        return
    from components.tables import data_table  # tables imports nothing of maps; kept lazy anyway

    if st.toggle(t("map.table", n=len(rows)), key=f"{key or 'map'}_table"):
        data_table(pd.DataFrame(rows, columns=[t("map.table.name"), t("map.table.details")]))
