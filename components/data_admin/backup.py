"""The whole database as an encrypted ZIP of filled-in templates, for admins (recorded in the
audit log).

The admin gives a passphrase (twice); the backup is encrypted with it
(data_access.backup_crypto) and handed out once through a link of this session
(components.handoff), not through a Streamlit download whose /media address would answer anyone
for as long as the tab stays open. The passphrase is not kept: the form clears on submit.
"""

from __future__ import annotations

import datetime as dt
from html import escape

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from components import handoff
from components.data import engine
from components.i18n import t
from data_access.admin.users import User
from data_access.backup_crypto import MIN_PASSPHRASE
from data_access.importing.templates import sealed_backup

_TOKEN = "_admin_backup_token"


def session_id() -> str:
    ctx = get_script_run_ctx()
    return ctx.session_id if ctx is not None else "bare"


def _prepare(user: User, passphrase: str, again: str) -> str | None:
    """The handoff token of a new backup, or None after saying why there is none."""
    if len(passphrase) < MIN_PASSPHRASE:
        st.error(t("admin.backup.passphrase_short", length=MIN_PASSPHRASE))
        return None
    if passphrase != again:
        st.error(t("admin.backup.passphrase_mismatch"))
        return None
    data = sealed_backup(engine(), user.name, passphrase)
    name = f"backup-{dt.date.today():%Y%m%d}.zip.enc"
    return handoff.offer(data, name, "application/octet-stream", session_id())


def backup(user: User) -> None:
    st.caption(t("admin.backup.caption"))
    with st.form("admin_backup", clear_on_submit=True, border=False):
        left, right = st.columns(2)
        passphrase = left.text_input(
            t("admin.backup.passphrase"),
            type="password",
            key="admin_backup_passphrase",
            autocomplete="new-password",
        )
        again = right.text_input(
            t("admin.backup.passphrase_again"),
            type="password",
            key="admin_backup_passphrase_again",
            autocomplete="new-password",
        )
        submitted = st.form_submit_button(t("admin.backup.prepare"))
    if submitted:
        handoff.drop_owner(session_id())  # an earlier link of this session goes
        token = _prepare(user, passphrase, again)
        st.session_state[_TOKEN] = token
    token = st.session_state.get(_TOKEN)
    if token:
        label = escape(t("admin.backup.download"))
        # A plain link (the `download` attribute: the browser saves it, the page stays).
        st.markdown(
            f'<a href="{handoff.ROUTE}/{token}" download>{label}</a>', unsafe_allow_html=True
        )
        st.caption(t("admin.backup.once", minutes=round(handoff.TTL_SECONDS / 60)))
