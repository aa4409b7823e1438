"""The reader's device, guessed from the browser's user agent: how wide maps and charts are drawn.

The server never learns the browser's width, and deck.gl keeps the opening zoom whatever width
the canvas gets, so the view is fitted for the narrowest width the map is drawn at: a phone
(its map spans the screen less the page margins) or the map column of a 1280-px screen or
projector with the sidebar open (wider screens show a little more around the area).
"""

from __future__ import annotations

import re

import streamlit as st

DESKTOP_FIT_PX = 630  # the map column at 1280 × 720 with the sidebar open is 640 px
MOBILE_FIT_PX = 340  # a 360-px phone less its page margins (a 390-px one gives 358)
MOBILE_AGENT = re.compile(r"Mobi|Android|iPhone")


def is_mobile_agent(user_agent: str | None) -> bool:
    return bool(user_agent) and MOBILE_AGENT.search(user_agent) is not None


def user_agent() -> str:
    try:
        return st.context.headers.get("User-Agent") or ""
    except Exception:  # no request (a test harness, a bare script run)
        return ""


def is_mobile() -> bool:
    return is_mobile_agent(user_agent())


def fit_width_px() -> int:
    """The width the map's opening view is fitted for."""
    return MOBILE_FIT_PX if is_mobile() else DESKTOP_FIT_PX
