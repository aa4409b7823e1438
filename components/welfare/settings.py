"""The page's settings kept in the session: review intervals and the formula tolerance.

Their widgets sit further down the page than the cards that use them, so the cards read them
from the session before the widgets are drawn. The values live under keys of their own, not in
the widgets' state, which Streamlit forgets when the reader opens another page (the intervals
and tolerance went back to their defaults after a visit to 总览); each widget is given the
kept value as its starting value and copies its own back when changed. (Putting the value into
the widget's state instead drew the stepper at its minimum after such a visit.)
"""

from __future__ import annotations

import streamlit as st

from data_access.welfare.checks import DEFAULT_TOLERANCE_YUAN
from data_access.welfare.rules import DEFAULT_REVIEW_POLICY, ReviewPolicy

# Widget keys; each value is kept under _VALUE + the widget key.
K_STABLE, K_UNSTABLE, K_TOLERANCE = "wf_review_stable", "wf_review_unstable", "wf_tolerance"
_VALUE = "_setting:"
DEFAULTS = {
    K_STABLE: DEFAULT_REVIEW_POLICY.stable_months,
    K_UNSTABLE: DEFAULT_REVIEW_POLICY.unstable_months,
    K_TOLERANCE: DEFAULT_TOLERANCE_YUAN,
}


def _value(key: str) -> int:
    return int(st.session_state.get(_VALUE + key, DEFAULTS[key]))


def settings() -> ReviewPolicy:
    """The review intervals of this session (a widget just changed already counts)."""
    for key in DEFAULTS:
        if key in st.session_state:  # the widget's newest value, before the widget is drawn
            st.session_state[_VALUE + key] = int(st.session_state[key])
    return ReviewPolicy(_value(K_STABLE), _value(K_UNSTABLE))


def tolerance() -> int:
    """The formula tolerance (yuan) the payment checks use."""
    return _value(K_TOLERANCE)


def bound(key: str) -> dict:
    """Keyword arguments for the widget of a setting: its key, the kept value to start from."""

    def copy_back() -> None:
        st.session_state[_VALUE + key] = int(st.session_state[key])

    return {"key": key, "value": _value(key), "on_change": copy_back}
