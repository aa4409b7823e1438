"""The page's settings kept in the session: review intervals and the formula tolerance.

Their widgets sit further down the page than the cards that use them, so the cards read them
from the session before the widgets are drawn.
"""

from __future__ import annotations

import streamlit as st

from data_access.queries.welfare_checks import DEFAULT_TOLERANCE_YUAN
from data_access.welfare_logic import DEFAULT_REVIEW_POLICY, ReviewPolicy

K_STABLE, K_UNSTABLE, K_TOLERANCE = "wf_review_stable", "wf_review_unstable", "wf_tolerance"


def settings() -> ReviewPolicy:
    """The review intervals of this session (defaults set on first use, the tolerance's too)."""
    st.session_state.setdefault(K_STABLE, DEFAULT_REVIEW_POLICY.stable_months)
    st.session_state.setdefault(K_UNSTABLE, DEFAULT_REVIEW_POLICY.unstable_months)
    st.session_state.setdefault(K_TOLERANCE, DEFAULT_TOLERANCE_YUAN)
    return ReviewPolicy(int(st.session_state[K_STABLE]), int(st.session_state[K_UNSTABLE]))


def tolerance() -> int:
    """The formula tolerance (yuan) the payment checks use."""
    return int(st.session_state.get(K_TOLERANCE, DEFAULT_TOLERANCE_YUAN))
