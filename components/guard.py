"""The first statement of every page file: make sure the run went through the app's script.

Because the pages live in `pages/`, a Streamlit server started on dashboard.py directly (not
through the launcher app.py) treats the app as a legacy multipage app until the script has
called st.navigation once: a link to /welfare opened first would run pages/welfare.py alone,
without the sidebar, the URL check or (later) the sign-in check. The guard notices, switches the
legacy mode off and reruns, so the run goes through dashboard.py, which opens the page the link
asked for. tests/unit checks that every page starts with it; tests/e2e opens each page's deep
link as a fresh server's very first request.
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

ENTERED = "_entered_through_app"


def ensure_app_entry() -> None:
    if PagesManager.uses_pages_directory or not st.session_state.get(ENTERED):
        PagesManager.uses_pages_directory = False
        st.rerun()
