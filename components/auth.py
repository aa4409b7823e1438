"""Who is looking: sign-in, sign-out, and whether a page may be opened.

Dashboards stay readable without signing in (aggregates only) unless `REQUIRE_LOGIN` is set in
the environment or `require_login = true` in `.streamlit/secrets.toml`; then every page, deep
links included, shows the sign-in form first. A page declared for editors (数据管理) always does.
The signed-in `User` lives in the session; signing out clears the whole session and deletes
the files it generated (downloads prepared for it). Every run checks the session first
(`check_session`): an account disabled, given a new password or a new role since the sign-in
(its stamp, `data_access.admin.stamps`, differs) or a session idle for longer than
`SESSION_IDLE_MINUTES` (environment, or `session_idle_minutes` in secrets; default 30) is signed
out before the page runs, with a notice saying why.

Sign-in attempts are limited per account and per client (`data_access.admin.accounts`). The client is
the connection's address; a connection from this machine (Streamlit reports none for localhost)
is the reverse proxy of a deployment, whose X-Real-IP / X-Forwarded-For names the reader — a
header from anyone else is not believed, since a client could send any.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Mapping

import streamlit as st

from components import handoff
from components.data import engine
from components.i18n import t
from data_access import vocab
from data_access.admin import accounts, stamps
from data_access.admin.users import ANONYMOUS, User

log = logging.getLogger(__name__)

SESSION_KEY = "auth_user"
LAST_SEEN_KEY = "_auth_last_seen"
_NOTICE_KEY = "_auth_notice"
DEFAULT_IDLE_MINUTES = 30.0
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


_PENDING = "_auth_pending"


def _submit(name_key: str, password_key: str) -> None:
    """The form's callback only takes the name and password: the sign-in itself runs in the
    script (`finish_sign_in`), inside the page's error handling, so a database fault during it
    shows the same notice as any page and recovers with it."""
    st.session_state[_PENDING] = (
        st.session_state.get(name_key, ""),
        st.session_state.get(password_key, ""),
    )
    st.session_state[password_key] = ""  # never kept


def take_sign_in() -> tuple[str, str] | None:
    """What the form sent, taken out of the session before the run asks the database anything
    (the data version comes first): a fault then does not keep the password for the retry
    loop, which would sign the reader in by itself whenever the database came back."""
    return st.session_state.pop(_PENDING, None)


def finish_sign_in(pending: tuple[str, str] | None) -> None:
    """Sign in with what the form sent (`take_sign_in`), once."""
    if pending is None:
        return
    name, password = pending
    try:
        st.session_state[SESSION_KEY] = accounts.sign_in(
            engine(), name, password, client=client_address()
        )
        st.session_state[LAST_SEEN_KEY] = time.time()
        st.session_state.pop("_auth_error", None)
    except accounts.AccountError as exc:
        st.session_state["_auth_error"] = (exc.key, exc.kwargs)


def sign_in_form(role: str = "viewer") -> None:
    """The sign-in form in the page body, with why it is shown."""
    with st.container(border=True):
        st.header(t("auth.title"))
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


def _setting(env: str, secret: str) -> str:
    value = os.environ.get(env, "").strip()
    if value:
        return value
    try:
        return str(st.secrets.get(secret, "")).strip()
    except Exception:  # noqa: BLE001 — no secrets file: the default holds
        return ""


def idle_minutes() -> float:
    """Minutes without a run after which a signed-in session is signed out (see the module)."""
    try:
        minutes = float(_setting("SESSION_IDLE_MINUTES", "session_idle_minutes"))
    except ValueError:
        return DEFAULT_IDLE_MINUTES
    return minutes if minutes > 0 else DEFAULT_IDLE_MINUTES


def _session_id() -> str:
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    return ctx.session_id if ctx is not None else "bare"


def _drop_session_files() -> None:
    """Delete the files this session was given to download (exports, workbooks, backups).

    Streamlit keeps a download's bytes in its media store, served at /media/<id>, until the
    session ends; a signed-out tab left open would keep them reachable. Each run registers again
    the files it shows, so dropping this session's references and sweeping twice (a download is
    only marked on the first sweep, deleted on the second) removes exactly the files no session
    shows any more — this session's, now that it shows none."""
    try:
        from streamlit.runtime import Runtime
        from streamlit.runtime.scriptrunner import get_script_run_ctx

        ctx = get_script_run_ctx()
        if ctx is None or not Runtime.exists():
            return
        manager = Runtime.instance().media_file_mgr
        manager.clear_session_refs(ctx.session_id)
        manager.remove_orphaned_files()
        manager.remove_orphaned_files()
    except Exception:  # noqa: BLE001 — signing out must not fail on the media store
        log.exception("could not drop the session's files")


def _sign_out(reason: str | None = None) -> None:
    _drop_session_files()
    handoff.drop_owner(_session_id())
    for key in list(st.session_state.keys()):
        if key not in _KEEP_ON_SIGN_OUT:
            del st.session_state[key]
    if reason:
        st.session_state[_NOTICE_KEY] = reason


def check_session(now: float | None = None) -> None:
    """Before the page runs: sign out a session whose account changed or that was idle too long
    (the module's note); otherwise count this run as activity."""
    user = current_user()
    if user is ANONYMOUS:
        return
    now = time.time() if now is None else now
    last = st.session_state.get(LAST_SEEN_KEY, now)
    if now - last > idle_minutes() * 60:
        _sign_out("idle")
    elif not stamps.still_valid(engine(), user):
        _sign_out("changed")
    else:
        st.session_state[LAST_SEEN_KEY] = now


def signed_out_notice() -> None:
    """Why the session was signed out, once, at the top of the page that follows."""
    reason = st.session_state.pop(_NOTICE_KEY, None)
    if reason:
        st.warning(t(f"auth.signed_out.{reason}"), icon=":material/logout:")


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
