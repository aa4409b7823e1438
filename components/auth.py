"""The user a session runs as.

Accounts and login come with the data-management issue (DESIGN §5). Until then nothing sets a
user, so every session is `ANONYMOUS`, a viewer: pages that could show personal data ask
`current_user()` and show counts only. Login will put the signed-in `User` under SESSION_KEY.
"""

from __future__ import annotations

import streamlit as st

from data_access.users import ANONYMOUS, User

SESSION_KEY = "auth_user"


def current_user() -> User:
    """The signed-in user, or the anonymous viewer."""
    user = st.session_state.get(SESSION_KEY)
    return user if isinstance(user, User) else ANONYMOUS
