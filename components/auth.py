"""Who is looking: sign-in, sign-out, and whether a page may be opened.

Dashboards stay readable without signing in (aggregates only) unless `REQUIRE_LOGIN` is set in
the environment or `require_login = true` in `.streamlit/secrets.toml`; then every page, deep
links included, shows the sign-in form first. A page declared for editors (数据管理) always does.
The signed-in `User` lives in the session; signing out clears the whole session.

Sign-in attempts are limited per account and per client (`data_access.admin.accounts`). The client is
the connection's address; a connection from this machine (Streamlit reports none for localhost)
is the reverse proxy of a deployment, whose X-Real-IP / X-Forwarded-For names the reader — a
header from anyone else is not believed, since a client could send any.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

import streamlit as st

from components.data import engine
from components.i18n import t
from data_access import vocab
from data_access.admin import accounts
from data_access.admin.users import ANONYMOUS, User

SESSION_KEY = "auth_user"
_RANK = {role: rank for rank, role in enumerate(vocab.USER_ROLES)}  # viewer < editor < admin
_KEEP_ON_SIGN_OUT = ("lang",)


def current_user() -> User:
    """The signed-in user, or the anonymous viewer."""
    user = st.session_state.get(SESSION_KEY)
    return user if isinstance(user, User) else ANONYMOUS


def signed_in() -> bool:
    return current_user() is not ANONYMOUS


def login_required() -> bool:
    """The deployment asks every reader to sign in (environment first, then secrets)."""
    value = os.environ.get("REQUIRE_LOGIN", "").strip().lower()
    if value:
        return value in ("1", "true", "yes")
    try:
        return bool(st.secrets.get("require_login", False))
    except Exception:  # noqa: BLE001 — no secrets file, or an unreadable one: the default holds
        return False


def may_open(role: str) -> bool:
    """The page's role against the reader's; with login required, the anonymous reader may not."""
    user = current_user()
    if login_required() and not signed_in():
        return False
    return _RANK[user.role] >= _RANK.get(role, 0)


_LOCAL = (None, "", "127.0.0.1", "::1")


def client_address() -> str:
    """Who is signing in, for the per-client limit: see the module's note."""
    try:
        peer = st.context.ip_address
        headers = st.context.headers
    except Exception:  # noqa: BLE001 — no request context (bare runs): one shared client
        return "local"
    return client_from(peer, headers)


def client_from(peer: str | None, headers: Mapping[str, str]) -> str:
    """The client for a connection from `peer` with these request headers (case-insensitive
    mapping): the proxy's X-Real-IP / X-Forwarded-For when the peer is this machine, else the
    peer itself."""
    if peer in _LOCAL:
        forwarded = headers.get("X-Real-Ip") or (headers.get("X-Forwarded-For") or "")
        # deploy/nginx.conf replaces both with the address it saw; behind a proxy that appends
        # instead, the last entry is the one it vouches for (the ones before came from the client).
        last = forwarded.split(",")[-1].strip()
        if last:
            return last[:64]
    return peer or "local"


def _submit(name_key: str, password_key: str) -> None:
    name = st.session_state.get(name_key, "")
    password = st.session_state.get(password_key, "")
    st.session_state[password_key] = ""  # never kept
    try:
        st.session_state[SESSION_KEY] = accounts.sign_in(
            engine(), name, password, client=client_address()
        )
        st.session_state.pop("_auth_error", None)
    except accounts.AccountError as exc:
        st.session_state["_auth_error"] = (exc.key, exc.kwargs)


def sign_in_form(role: str = "viewer") -> None:
    """The sign-in form in the page body, with why it is shown."""
    with st.container(border=True):
        st.subheader(t("auth.title"))
        if signed_in():
            st.warning(t("auth.needs_role", role=t(f"auth.role.{role}")))
            return
        st.caption(t("auth.why.required" if login_required() else "auth.why.role"))
        with st.form("sign_in", clear_on_submit=False, enter_to_submit=True):
            st.text_input(t("auth.name"), key="_auth_name", autocomplete="username")
            st.text_input(
                t("auth.password"),
                type="password",
                key="_auth_password",
                autocomplete="current-password",
            )
            st.form_submit_button(
                t("auth.submit"),
                type="primary",
                on_click=_submit,
                args=("_auth_name", "_auth_password"),
            )
        error = st.session_state.get("_auth_error")
        if error:
            key, kwargs = error
            st.error(t(key, **kwargs))


def _sign_out() -> None:
    for key in list(st.session_state.keys()):
        if key not in _KEEP_ON_SIGN_OUT:
            del st.session_state[key]


def sidebar_account() -> None:
    """Who is signed in, and the way out (or in)."""
    user = current_user()
    with st.sidebar:
        if signed_in():
            role = t(f"auth.role.{user.role}")
            st.caption(t("auth.signed_in_as", name=user.name, role=role))
            st.button(t("auth.sign_out"), on_click=_sign_out, key="_auth_sign_out")
        else:
            st.caption(t("auth.anonymous"))
