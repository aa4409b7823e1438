"""社会救助: 低保 and 特困 coverage, payments and their checks, reviews, the standard what-if.

Layout only: figures come from data_access through components. The page runs as the session's
user: signed out, a viewer, who sees counts and never a name or ID number.
"""

from components.guard import ensure_app_entry

ensure_app_entry()

import streamlit as st

from components import sections, welfare
from components.auth import current_user
from components.filters import current_filters
from components.i18n import t
from components.registry import WELFARE_SECTIONS
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

    # The rest one section at a time, as chosen (in the URL): only that section is drawn. The
    # standard's what-if first: the question a leader brings to this page.
    section = sections.chosen("wel_sec", WELFARE_SECTIONS, "wf.sections", "wf")
    st.header(t(f"wf.{section}"))
    if section == "whatif":
        welfare.what_if(f)
    elif section == "trend":
        welfare.trends(f)
    elif section == "breakdown":
        welfare.breakdowns(f)
    elif section == "map":
        welfare.recipients_map(f)
    elif section == "integrity":
        st.caption(t("wf.integrity.caption"))
        welfare.integrity(f, user)
    elif section == "review":
        st.caption(t("wf.review.caption"))
        welfare.reviews(f, policy, user)
    else:
        welfare.roster(f, user)
