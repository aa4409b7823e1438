"""Sections drawn on demand: a page draws its first screen, and of the rest only the section the
reader chose in a segmented control (kept in the URL through the page state).

`st.tabs` would not do: it runs and sends every tab, seen or not, and at a city's scale the
charts and maps of the unseen tabs were most of what the browser had to draw. One section at a
time is also what a projector wants (one topic per screen).
"""

from __future__ import annotations

import streamlit as st

from components import page_state
from components.i18n import t


def chosen(param: str, sections: tuple[str, ...], label_key: str, text_prefix: str) -> str:
    """Draw the control of the page's `sections` (each shown as `t(f"{text_prefix}.{code}")`),
    bound to the page-state parameter `param`; the code of the section to draw. Clicking the
    chosen button again keeps it (a segmented control would otherwise choose nothing)."""
    keep = page_state.state()[param]
    picked = st.segmented_control(
        t(label_key),
        sections,
        format_func=lambda code: t(f"{text_prefix}.{code}"),
        **page_state.bound(param, from_widget=lambda value: value or keep),
    )
    return picked or keep
