"""The whole database as a ZIP of filled-in templates, for admins (recorded in the audit log)."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from components.data import engine
from components.i18n import t
from data_access.admin.users import User
from data_access.importing.templates import backup_zip

_READY = "_admin_backup"


def backup(user: User) -> None:
    st.caption(t("admin.backup.caption"))
    if st.button(t("admin.backup.prepare"), key="admin_backup_prepare"):
        st.session_state[_READY] = backup_zip(engine(), user.name)
    archive = st.session_state.get(_READY)
    if archive:
        st.download_button(
            t("admin.backup.download"),
            archive,
            file_name=f"backup-{dt.date.today():%Y%m%d}.zip",
            mime="application/zip",
            key="admin_backup_download",
        )
