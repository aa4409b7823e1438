"""社区建设看板: entry point. `streamlit run app.py`

Registers the pages explicitly, builds the shared sidebar (filters kept in the URL), then runs the
chosen page. A page that fails shows a short Chinese message; the traceback goes to the log only.
"""

from __future__ import annotations

import logging

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from components.filters import init_language, show_url_notices, sidebar_filters
from components.i18n import t

st.set_page_config(
    page_title="社区建设看板", page_icon="🏘️", layout="wide", initial_sidebar_state="expanded"
)
log = logging.getLogger("dashboard")

# file, title key, icon, url path, page-specific URL parameters
PAGES: list[tuple[str, str, str, str, tuple[str, ...]]] = [
    ("pages/overview.py", "nav.overview", ":material/dashboard:", "", ("metric", "per1000")),
    (
        "pages/service_points.py",
        "nav.service_points",
        ":material/location_on:",
        "service_points",
        ("sp_type", "sp_r", "sp_add", "sp_close", "sp_k", "sp_w"),
    ),
    ("pages/welfare.py", "nav.welfare", ":material/volunteer_activism:", "welfare", ("standard",)),
]

init_language()
page = st.navigation(
    [
        st.Page(path, title=t(title), icon=icon, url_path=url or None, default=(url == ""))
        for path, title, icon, url, _keys in PAGES
    ]
)
page_keys = next((keys for _p, _t, _i, url, keys in PAGES if url == page.url_path), ())

# Filled after the page has run, so notices about the page's own URL parameters show at once, on top.
notice_slot = st.container()
try:
    sidebar_filters(page_keys)
    page.run()
except SQLAlchemyError as exc:
    log.exception("database error on page %r", page.url_path)
    st.error(t("error.database", detail=exc.__class__.__name__))
except Exception:
    log.exception("page %r failed", page.url_path)
    st.error(t("error.unexpected"))
with notice_slot:
    show_url_notices()
