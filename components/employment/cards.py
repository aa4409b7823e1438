"""The 就业服务 headline cards: metric snapshots with change, target and status."""

from __future__ import annotations

import streamlit as st

from components import kpi
from components.i18n import t
from data_access.employment import cards as card_list
from data_access.filters import Filters


def cards(f: Filters) -> None:
    """Five cards; each says whether it has a target, as on the overview."""
    snaps = [kpi.snapshot(k, f) for k in card_list.CARDS]
    kpi.card_grid(snaps, columns=5, say_no_target=True)
    prev_f = snaps[0].previous_filters
    if prev_f is not None:
        st.caption(t("em.cards.compare", start=prev_f.start, end=prev_f.end))
    else:
        st.caption(t("em.cards.no_compare"))
