"""The 社会救助 headline cards (metric snapshots) and whether the area has any recipient."""

from __future__ import annotations

import streamlit as st

from components import kpi
from components.data import query
from components.i18n import t
from data_access import metrics
from data_access.filters import Filters
from data_access.welfare import cards as card_list
from data_access.welfare.rules import ReviewPolicy


def has_recipients(f: Filters) -> bool:
    """Any 低保 or 特困 household in force in the area at the period's end (else: the empty state)."""
    total = query(metrics.value, "dibao_households", f) + query(
        metrics.value, "tekun_households", f
    )
    return total > 0


def cards(f: Filters, policy: ReviewPolicy) -> None:
    """The headline cards in rows of four (persons and households of each kind side by side),
    with change against the previous period."""
    review = {"stable_months": policy.stable_months, "unstable_months": policy.unstable_months}
    snaps = [
        kpi.snapshot(k, f, **(review if k == "dibao_review_due" else {})) for k in card_list.CARDS
    ]
    review_help = t(
        "wf.cards.review_help", stable=policy.stable_months, unstable=policy.unstable_months
    )
    kpi.card_grid(snaps, columns=4, extra_help={"dibao_review_due": review_help})
    prev_f = snaps[0].previous_filters
    if prev_f is not None:
        st.caption(t("wf.cards.compare", start=prev_f.start, end=prev_f.end))
    else:
        st.caption(t("wf.cards.no_compare"))
