"""设施建设: the state of "六室三站一场" in every community, each construction project's progress,
and where the money came from.

Layout only: figures come from data_access through components.facilities.
"""

from components.guard import ensure_app_entry

ensure_app_entry()

import streamlit as st

from components import facilities
from components.filters import current_filters
from components.i18n import t
from components.shell import page_header

f = current_filters()

page_header(t("fac.title"), t("fac.subtitle"), f)

facilities.cards(f)

st.header(t("fac.matrix"))
facilities.status_matrix(f)

st.header(t("fac.map"))
facilities.facilities_map(f)

st.header(t("fac.projects"))
facilities.projects(f)

st.header(t("fac.funding"))
facilities.funding(f)

st.header(t("fac.office"))
facilities.office_space(f)
