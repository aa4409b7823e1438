"""The service-point page's charts: points per type, per community stacked by type (in the map's
colours), and points per 1,000 households."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import charts, device
from components.i18n import label, t
from components.service_points.colours import TYPE_COLOURS, type_colour
from components.service_points.formatting import ALL, type_name
from components.service_points.state import PageState


def _type_colours_by_label() -> dict[str, str]:
    return {label("sp_type", code): colour for code, colour in TYPE_COLOURS.items()}


def charts_section(state: PageState, counts: pd.DataFrame, rates: pd.DataFrame) -> None:
    """Points per type, per community (stacked by type, in the map's colours), per 1,000 households."""
    st.subheader(t("sp.charts.title"))
    if counts.empty:
        st.info(t("sp.empty.points", type=type_name(ALL)))
        return
    colours = _type_colours_by_label()
    for code in set(counts["type"]) - set(TYPE_COLOURS):
        colours[label("sp_type", code)] = type_colour(code)
    typed = counts.assign(type=counts["type"].map(lambda c: label("sp_type", c)))
    left, right = st.columns(2, gap="large")
    with left:
        st.markdown(f"**{t('sp.charts.by_type')}**")
        per_type = typed.groupby("type", as_index=False)["points"].sum()
        per_type = per_type.rename(columns={"points": "value"})
        order = per_type.sort_values("value", ascending=False)["type"].tolist()
        st.altair_chart(
            charts.stacked_bars(
                per_type, "type", "type", t("sp.charts.points"), t("sp.col.type"),
                colours, order=order, legend=False,
            ),
            width="stretch",
        )  # fmt: skip
    with right:
        chosen = (
            typed if not state.sp_type else typed[typed["type"] == label("sp_type", state.sp_type)]
        )
        st.markdown(f"**{t('sp.charts.by_community', type=type_name(state.sp_type))}**")
        if chosen.empty:
            st.info(t("sp.empty.type", type=type_name(state.sp_type)))
        else:
            st.altair_chart(
                charts.stacked_bars(
                    chosen.rename(columns={"points": "value"}), "community", "type",
                    t("sp.charts.points"), t("sp.col.type"), colours,
                    legend_columns=1 if device.is_mobile() else 2,
                ),
                width="stretch",
            )  # fmt: skip
    st.markdown(f"**{t('sp.charts.per_1000')}**")
    per_1000 = rates.dropna(subset=["per_1000"]).assign(
        series=t("sp.charts.per_1000.series"), value=lambda d: d["per_1000"]
    )
    if per_1000.empty:
        st.info(t("common.no_data"))
        return
    st.altair_chart(
        charts.stacked_bars(
            per_1000, "community", "series", t("sp.charts.per_1000.axis"), "",
            {t("sp.charts.per_1000.series"): charts.PALETTE[0]}, legend=False, fmt=",.1f",
            integer=False,
        ),
        width="stretch",
    )  # fmt: skip
    st.caption(t("sp.charts.per_1000.caption"))
