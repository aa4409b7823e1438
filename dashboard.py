"""社区建设看板: the Streamlit script, served by the launcher app.py (`streamlit run app.py`).

Builds the navigation from the page registry, the shared sidebar (filters kept in the URL), then
runs the chosen page: read state → fetch data → render. A page that fails shows a short message in
the reader's language; the traceback goes to the log only.
"""

from __future__ import annotations

import logging

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from components import auth, data, db_status, page_state, presentation, shell
from components.filters import init_language, sidebar_filters
from components.guard import ENTERED
from components.i18n import t
from components.registry import PAGES, REVIEW
from components.url import show_url_notices

log = logging.getLogger("dashboard")

init_language()
st.set_page_config(
    page_title=t("app.title"), page_icon="🏘️", layout="wide", initial_sidebar_state="auto"
)
shell.stylesheet()
pages = {
    spec.url_path: st.Page(
        spec.file,
        title=t(spec.title_key),
        icon=spec.icon,
        url_path=spec.url_path or None,
        default=spec.url_path == "",
    )
    for spec in PAGES
}
# Streamlit's own page list is hidden: shell.navigation draws ours, in the reader's language.
page = st.navigation(list(pages.values()), position="hidden")
spec = shell.spec_of(pages, page)
st.session_state[ENTERED] = True
shell.navigation(pages)

# Filled after the page has run, so notices about the page's own URL parameters show at once, on top.
notice_slot = st.container()
sign_in = auth.take_sign_in()
try:
    with st.spinner(t("app.loading")):
        db_status.check_file()
        db_status.retrying(data.begin_run)
        db_status.check_file()  # records the file a first start has just created
    db_status.recovered()
    auth.finish_sign_in(sign_in)  # here, not in the form's callback: a fault is handled below
    auth.check_session()  # an account changed or idle since the last run: signed out first
    auth.signed_out_notice()
    if not shell.not_found():
        page_state.enter(spec)
        if auth.may_open(spec.role):
            sidebar_filters(spec.param_names)
            presentation.apply(default=presentation.default_for(review=spec is REVIEW))
            page.run()
        else:
            # Deep links too: the page is not run until the reader may open it.
            st.title(t(spec.title_key))
            auth.sign_in_form(spec.role)
        page_state.write_url(spec)
except Exception as exc:
    # A database that is away or a broken SQLite file gets its own message and a retry loop.
    if not db_status.show(exc):
        log.exception("page %r failed", spec.url_path)
        if isinstance(exc, SQLAlchemyError):
            st.error(t("error.database", detail=exc.__class__.__name__))
        else:
            st.error(t("error.unexpected"))
auth.sidebar_account()  # at the foot of the sidebar, under the filters
with notice_slot:
    show_url_notices()
