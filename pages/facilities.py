"""设施建设: the state of "六室三站一场" in every community, each construction project's progress,
and where the money came from.

Layout only: figures come from data_access through components.facilities.
"""

from components.guard import ensure_app_entry

ensure_app_entry()

import streamlit as st

from components import facilities, sections
from components.filters import current_filters
from components.i18n import t
from components.registry import FACILITY_SECTIONS
from components.shell import page_header

f = current_filters()

page_header(t("fac.title"), t("fac.subtitle"), f)

facilities.cards(f)

st.header(t("fac.matrix"))
facilities.status_matrix(f)

# The rest one section at a time, as chosen (in the URL): only that section is drawn.
section = sections.chosen("fac_sec", FACILITY_SECTIONS, "fac.sections", "fac")
st.header(t(f"fac.{section}"))
if section == "map":
    facilities.facilities_map(f)
elif section == "projects":
    facilities.projects(f)
elif section == "funding":
    facilities.funding(f)
else:
    facilities.office_space(f)
