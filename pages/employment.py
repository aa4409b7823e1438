"""就业服务: where people still need work, who was placed and how, zero-employment families cleared
in time, the full-employment community criteria, and the pace to the year's target.

Layout only: figures come from data_access through components. The page runs as the session's
user: signed out, a viewer, who sees counts and never a name.
"""

from components.guard import ensure_app_entry

ensure_app_entry()

import streamlit as st

from components import employment
from components.auth import current_user
from components.filters import current_filters
from components.i18n import t
from components.shell import page_header

f = current_filters()
user = current_user()

page_header(t("em.title"), t("em.subtitle"), f)
st.caption(t("em.privacy_note"))

employment.cards(f)

st.header(t("em.map"))
st.caption(t("em.map.intro"))
employment.outcomes_map(f)

st.header(t("em.path"))
st.caption(t("em.path.intro"))
employment.path_to_job(f)

st.header(t("em.channels"))
employment.placements(f)

st.header(t("em.days"))
employment.days_to_placement(f)

st.header(t("em.families"))
st.caption(t("em.families.intro"))
employment.families(f, user)

st.header(t("em.fe"))
st.caption(t("em.fe.intro"))
employment.full_employment(f)

st.header(t("em.whatif"))
employment.what_if(f)
