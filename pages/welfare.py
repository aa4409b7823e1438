"""社会救助: 低保 and 特困 coverage, payments and their checks, reviews, the standard what-if.

Layout only: figures come from data_access through components. The page runs as the session's
user: signed out, a viewer, who sees counts and never a name or ID number.
"""

from components.guard import ensure_app_entry

ensure_app_entry()

import streamlit as st

from components import welfare
from components.auth import current_user
from components.filters import current_filters
from components.i18n import t
from components.shell import page_header

f = current_filters()
user = current_user()
policy = welfare.settings()

page_header(t("wf.title"), t("wf.subtitle"), f)
st.caption(t("wf.privacy_note"))

welfare.cards(f, policy)

if not welfare.has_recipients(f):
    st.info(t("wf.empty"))
else:
    st.header(t("wf.coverage"))
    welfare.coverage(f)

    st.header(t("wf.whatif"))
    welfare.what_if(f)

    st.header(t("wf.trend"))
    welfare.trends(f)

    st.header(t("wf.breakdown"))
    welfare.breakdowns(f)

    st.header(t("wf.map"))
    welfare.recipients_map(f)

    st.header(t("wf.integrity"))
    st.caption(t("wf.integrity.caption"))
    welfare.integrity(f, user)

    st.header(t("wf.review"))
    st.caption(t("wf.review.caption"))
    welfare.reviews(f, policy, user)

    st.header(t("wf.roster"))
    welfare.roster(f, user)
