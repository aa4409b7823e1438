"""Which communities an editor works for, named."""

from __future__ import annotations

import streamlit as st

from components.data import query
from components.i18n import lang, t
from data_access.admin.users import User
from data_access.areas.queries import community_names
from data_access.text import join


def editor_scope(user: User) -> None:
    if user.role != "editor":
        return
    names = query(community_names)
    named = [names.get(code, code) for code in user.communities]
    st.info(t("admin.editor_scope", communities=join(named, lang())))
