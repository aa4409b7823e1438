"""The audit log for admins: every import attempt, export, backup, sign-in and account change."""

from __future__ import annotations

import streamlit as st

from components.data import query
from components.i18n import lang, t
from data_access.admin.queries import LOG_ACTIONS, LOG_COLUMNS, audit_entries
from data_access.importing import table_title
from data_access.text import join


def _tables_text(codes: object) -> str:
    if not isinstance(codes, str) or not codes:  # sign-ins name no table
        return ""
    names = codes.split(",")
    if len(names) > 3:
        return t("admin.log.all_tables", count=len(names))
    return join([table_title(n, lang()) for n in names], lang())


def audit_log() -> None:
    st.caption(t("admin.log.caption"))
    actions = st.multiselect(
        t("admin.log.actions"),
        LOG_ACTIONS,
        default=("import",),
        format_func=lambda a: t(f"admin.log.action.{a}"),
        key="admin_log_actions",
    )
    entries = query(audit_entries, tuple(actions))
    if entries.empty:
        st.info(t("admin.log.empty"))
        return
    entries = entries.assign(
        action=entries["action"].map(lambda a: t(f"admin.log.action.{a}")),
        file_sha256=entries["file_sha256"].fillna("").str[:12],
        result=entries["result"].map(lambda r: t(f"admin.log.result.{r}")),
        tables=entries["tables"].map(_tables_text),
    )
    entries = entries.astype(object).where(entries.notna(), "")
    entries.columns = [t(f"admin.log.col.{c}") for c in LOG_COLUMNS]
    st.dataframe(entries, hide_index=True, width="stretch")
