"""The service-point page's charts: points per type, per community stacked by type (in the map's
colours), and points per 1,000 households."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from components import charts, device
from components.i18n import label, t
from components.rendered import chart
from components.service_points.colours import TYPE_COLOURS, type_colour
from components.service_points.formatting import ALL, type_name
from components.service_points.state import PageState


def _type_colours_by_label() -> dict[str, str]:
    return {label("sp_type", code): colour for code, colour in TYPE_COLOURS.items()}


def _colours(counts: pd.DataFrame) -> dict[str, str]:
    colours = _type_colours_by_label()
    for code in set(counts["type"]) - set(TYPE_COLOURS):
        colours[label("sp_type", code)] = type_colour(code)
    return colours


def _typed(counts: pd.DataFrame) -> pd.DataFrame:
    return counts.assign(type=counts["type"].map(lambda c: label("sp_type", c)))


def _by_type_chart(counts: pd.DataFrame) -> alt.LayerChart:
    per_type = _typed(counts).groupby("type", as_index=False)["points"].sum()
    per_type = per_type.rename(columns={"points": "value"})
    order = per_type.sort_values("value", ascending=False)["type"].tolist()
    return charts.stacked_bars(
        per_type, "type", "type", t("sp.charts.points"), t("sp.col.type"), _colours(counts),
        order=order, legend=False,
    )  # fmt: skip


def _by_community_chart(
    counts: pd.DataFrame, sp_type: str | None, legend_columns: int
) -> alt.LayerChart:
    typed = _typed(counts)
    chosen = typed if not sp_type else typed[typed["type"] == label("sp_type", sp_type)]
    return charts.stacked_bars(
        chosen.rename(columns={"points": "value"}), "community", "type",
        t("sp.charts.points"), t("sp.col.type"), _colours(counts),
        legend_columns=legend_columns,
    )  # fmt: skip


def _per_1000(rates: pd.DataFrame) -> pd.DataFrame:
    return rates.dropna(subset=["per_1000"]).assign(
        series=t("sp.charts.per_1000.series"), value=lambda d: d["per_1000"]
    )


def _per_1000_chart(rates: pd.DataFrame) -> alt.LayerChart:
    return charts.stacked_bars(
        _per_1000(rates), "community", "series", t("sp.charts.per_1000.axis"), "",
        {t("sp.charts.per_1000.series"): charts.PALETTE[0]}, legend=False, fmt=",.1f",
        integer=False,
    )  # fmt: skip


def charts_section(state: PageState, counts: pd.DataFrame, rates: pd.DataFrame) -> None:
    """Points per type, per community (stacked by type, in the map's colours), per 1,000 households.

    Each chart is built from the frames once per data version and language (`chart`), so only
    what decides which chart shows is computed on every rerun."""
    st.header(t("sp.charts.title"))
    if counts.empty:
        st.info(t("sp.empty.points", type=type_name(ALL)))
        return
    left, right = st.columns(2, gap="large")
    with left:
        st.markdown(f"**{t('sp.charts.by_type')}**")
        chart(_by_type_chart, counts)
    with right:
        st.markdown(f"**{t('sp.charts.by_community', type=type_name(state.sp_type))}**")
        # The chosen type's points, by the label the chart filters on (as it was drawn before).
        shown = not state.sp_type or any(
            label("sp_type", c) == label("sp_type", state.sp_type) for c in set(counts["type"])
        )
        if not shown:
            st.info(t("sp.empty.type", type=type_name(state.sp_type)))
        else:
            chart(_by_community_chart, counts, state.sp_type, 1 if device.is_mobile() else 2)
    st.markdown(f"**{t('sp.charts.per_1000')}**")
    if not rates["per_1000"].notna().any():
        st.info(t("common.no_data"))
        return
    chart(_per_1000_chart, rates)
    st.caption(t("sp.charts.per_1000.caption"))
