"""Which communities an editor works for, named."""

from __future__ import annotations

import streamlit as st

from components.data import query
from components.i18n import lang, t
from data_access.queries.common import community_names
from data_access.text import join
from data_access.users import User


def editor_scope(user: User) -> None:
    if user.role != "editor":
        return
    names = query(community_names)
    named = [names.get(code, code) for code in user.communities]
    st.info(t("admin.editor_scope", communities=join(named, lang())))
