"""The headline cards of the 设施建设 page: metric snapshots."""

from __future__ import annotations

import streamlit as st

from components import kpi
from components.i18n import t
from data_access.facilities import cards as card_list
from data_access.filters import Filters


def cards(f: Filters) -> None:
    """Completeness, kinds in use, money raised and space per 100 households."""
    kpi.card_grid([kpi.snapshot(k, f) for k in card_list.CARDS], columns=4)
    if f.grids:
        st.caption(t("fac.not_grid"))
