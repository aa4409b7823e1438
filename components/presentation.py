"""Presentation mode on any page (`?present=1`): the sidebar hidden and the type large enough to
read from the back of a room at 1920×1080 and 1280×720.

The mode is one session value kept in the URL with the filters: True (`present=1`), False
(`present=0`) or not chosen, when the page decides — 会议汇报 (/review) presents unless told not
to, the other pages do not. Without the sidebar a page offers a button to leave the mode.
"""

from __future__ import annotations

import streamlit as st

from components.device import is_mobile
from components.i18n import t
from components.url import add_url_notice, bad_value

PARAM = "present"
_KEY = "_present"

CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"], [data-testid="stSidebarCollapseButton"] { display: none; }
[data-testid="stMainBlockContainer"] { padding: 1.2rem 2.5rem 2rem; max-width: 100%; }
h1 { font-size: clamp(2rem, 2.9vw, 3.4rem) !important; }
[data-testid="stMetricValue"] { font-size: clamp(2rem, 3vw, 3.4rem) !important; }
[data-testid="stMetricLabel"] p { font-size: clamp(1.05rem, 1.35vw, 1.6rem) !important; }
[data-testid="stCaptionContainer"], .kpi-status { font-size: clamp(0.95rem, 1.05vw, 1.25rem); }
[data-testid="stMainBlockContainer"] button p, [data-testid="stMarkdownContainer"] p,
[data-testid="stWidgetLabel"] p { font-size: clamp(1rem, 1.15vw, 1.4rem); }
[data-testid="stMetricValue"] p, [data-testid="stMetricValue"] div,
[data-testid="stMetricDelta"] p { font-size: inherit !important; }
</style>
"""


def default_for(review: bool) -> bool:
    """Whether a page presents when the link does not say: 会议汇报 on a screen or projector; not
    on a phone, which is read in the hand and needs the sidebar's pages and filters (a phone's
    reader can still present with `?present=1` or the switch)."""
    return review and not is_mobile()


def load_from_url(value: str | None) -> None:
    """Take `?present=` (called once per session with the other global parameters)."""
    if value is None:
        return
    if value in ("1", "0"):
        st.session_state[_KEY] = value == "1"
    else:
        add_url_notice(bad_value(PARAM, value, t("url.reason.flag")))


def url_params() -> dict[str, list[str]]:
    chosen = st.session_state.get(_KEY)
    return {} if chosen is None else {PARAM: ["1" if chosen else "0"]}


def active(default: bool = False) -> bool:
    chosen = st.session_state.get(_KEY)
    return default if chosen is None else bool(chosen)


def choose(on: bool) -> None:
    st.session_state[_KEY] = on


def apply(default: bool = False) -> None:
    """Before a page runs: the stylesheet when presenting, and on a page without its own switch
    (`default` False) a button to leave the mode."""
    if not active(default):
        return
    st.html(CSS)
    if not default:
        st.button(
            t("present.leave"),
            icon=":material/close_fullscreen:",
            on_click=choose,
            args=(False,),
            key="present_leave",
        )
