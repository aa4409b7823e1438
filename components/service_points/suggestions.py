"""Site suggestions for new points of one type: k compounds chosen greedily on top of the
scenario, each with its marginal gain, adopted into the what-if in one click."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.i18n import t
from components.service_points import state as s
from components.service_points.formatting import how, type_name
from components.service_points.state import PageState
from components.tables import data_table
from data_access.service_points.coverage_queries import COVERAGE_MEASURES, MAX_SUGGESTIONS


def suggestions(state: PageState, suggested: pd.DataFrame | None) -> None:
    """K sites chosen greedily, each with its marginal gain; one click adopts them all."""
    kind = type_name(state.sp_type)
    st.header(t("sp.suggest.title", type=kind))
    st.caption(t("sp.suggest.caption", r=state.radius) + how(state.mode))
    left, right = st.columns([1, 2], vertical_alignment="bottom")
    st.session_state[s.W_K] = state.k
    left.number_input(
        t("sp.suggest.k"),
        min_value=0,
        max_value=MAX_SUGGESTIONS,
        step=1,
        key=s.W_K,
        on_change=s.on_k,
        help=t("sp.suggest.k.help", max=MAX_SUGGESTIONS),
    )
    st.session_state[s.W_MEASURE] = state.measure
    right.radio(
        t("sp.suggest.measure"),
        COVERAGE_MEASURES,
        format_func=lambda m: t(f"sp.measure.{m}"),
        key=s.W_MEASURE,
        on_change=s.on_measure,
        horizontal=True,
    )
    if state.k == 0 or suggested is None:
        st.caption(t("sp.suggest.off"))
        return
    if suggested.empty:
        st.info(t("sp.suggest.none", type=kind, r=state.radius))
        return
    table = suggested.assign(households_share_after=suggested["households_share_after"] * 100)
    data_table(
        table[
            [
                "rank",
                "name",
                "community",
                "gain_households",
                "gain_residents_60_plus",
                "households_share_after",
            ]
        ],
        column_config={
            "rank": st.column_config.NumberColumn(t("sp.suggest.col.rank"), format="%d"),
            "name": st.column_config.TextColumn(t("sp.col.compound")),
            "community": st.column_config.TextColumn(t("common.community")),
            "gain_households": st.column_config.NumberColumn(
                t("sp.suggest.col.gain_households"),
                help=t("sp.suggest.col.gain.help"),
                format="+%d",
            ),
            "gain_residents_60_plus": st.column_config.NumberColumn(
                t("sp.suggest.col.gain_elderly"), format="+%d"
            ),
            "households_share_after": st.column_config.NumberColumn(
                t("sp.suggest.col.share_after", r=state.radius), format="%.1f%%"
            ),
        },
        key="spw_suggested",
    )
    if len(suggested) < state.k:
        st.caption(t("sp.suggest.fewer", n=len(suggested)))
    st.button(
        t("sp.suggest.adopt", n=len(suggested)),
        on_click=s.adopt,
        args=(tuple(suggested["compound_id"]),),
        type="primary",
        key="spw_adopt",
        icon=":material/add_location_alt:",
    )
