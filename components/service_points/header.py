"""The top of the service-point page: title, the type and radius controls, and the sentences
that say what is missing (no point at all, none of the type, none in a community)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.i18n import lang, t
from components.service_points import state as s
from components.service_points import walking
from components.service_points.formatting import ALL, radius_name, type_name
from components.shell import page_header
from data_access import vocab
from data_access.filters import Filters
from data_access.service_points.coverage import RADII_M
from data_access.text import join


def title_caption(f: Filters) -> None:
    page_header(t("sp.title"), t("sp.subtitle"), f, t("sp.as_of", end=f.end or t("sp.now")))


def controls(state: s.PageState) -> s.PageState:
    """The type filter and the walking radius, above everything they steer."""
    left, right, third = st.columns([2, 3, 2], vertical_alignment="bottom")
    st.session_state[s.W_TYPE] = state.sp_type
    left.selectbox(
        t("sp.type"),
        (ALL, *vocab.SERVICE_POINT_TYPES),
        format_func=type_name,
        key=s.W_TYPE,
        on_change=s.on_type,
        help=t("sp.type.help"),
    )
    st.session_state[s.W_RADIUS] = state.radius
    right.radio(
        t("sp.radius"),
        RADII_M,
        format_func=radius_name,
        key=s.W_RADIUS,
        on_change=s.on_radius,
        horizontal=True,
        help=t("sp.radius.help"),
    )
    walking.mode_switch(state, third)
    return s.current()


def empty_area() -> None:
    st.info(t("sp.empty.area"))


def empty_states(state: s.PageState, points: pd.DataFrame, rates: pd.DataFrame) -> None:
    """Say in a sentence what is missing: no point at all, none of the type, none in a community."""
    operating = points[points["operating"]]
    kind = type_name(state.sp_type)
    if operating.empty:
        key = "sp.empty.type" if state.sp_type else "sp.empty.points"
        st.info(t(key, type=kind))
        return
    without = rates.loc[~rates["community_code"].isin(operating["community_code"]), "community"]
    if len(without):
        st.info(t("sp.empty.community", names=join(list(without), lang()), type=kind))


def pick_a_type() -> None:
    """With all types shown, the what-if waits for one type."""
    st.info(t("sp.whatif.pick_type"), icon=":material/touch_app:")
