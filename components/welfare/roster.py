"""The masked roster of 低保 and 特困 households, for editors of their communities only."""

from __future__ import annotations

import streamlit as st

from components.data import query
from components.i18n import t
from components.welfare.tables import table, with_vocabulary_labels
from data_access.admin.users import User
from data_access.filters import Filters
from data_access.welfare import personal as welfare_personal


def roster(f: Filters, user: User) -> None:
    """The roster of the user's communities; viewers are told it is for editors."""
    if not user.sees_personal_data:
        st.info(t("wf.roster.editors_only"), icon=":material/lock:")
        return
    st.caption(t("wf.roster.caption"))
    df = query(welfare_personal.roster, user, f)
    if df.empty:
        st.info(t("wf.roster.empty"))
        return
    table(with_vocabulary_labels(df), numbers=["per_capita_income_yuan", "monthly_benefit_yuan"])
