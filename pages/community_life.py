"""志愿·为老·平安: volunteers and the residents they serve, older residents and their groups,
disputes and safety, the community team (两委) and its honours.

Layout only: read the state (the sidebar's Filters; the volunteer chart's measure and the
disputes' breakdown live in the page state and the URL), fetch and render through
components.community_life.
"""

from components.guard import ensure_app_entry

ensure_app_entry()

import streamlit as st

from components import community_life as life
from components.filters import current_filters
from components.i18n import t
from components.shell import page_header

f = current_filters()

page_header(t("cl.title"), t("cl.subtitle"), f)
if f.grids:
    st.caption(t("cl.no_grid_note"))

life.volunteers(f)
life.elderly(f)
life.disputes(f)
life.team(f)
life.honours(f)
