"""Replacing the street network on the page: the choice, and what the dry run says it would do.

The same import as `python -m data_access import roads FILE --replace`
(data_access.importing.run_import with replace=True): segments missing from the file are
deleted in the transaction that adds and updates the others, and the dry run lists the keys
added, changed and removed. Offered to admins for the tables data_access allows (roads only).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.i18n import number, t
from data_access.admin.users import User
from data_access.importing import ImportResult
from data_access.importing.apply import REPLACEABLE

LISTED = 200  # keys listed per kind: enough to read, small enough to send


def replace_choice(user: User, table: str) -> bool:
    """The toggle (off by default); False where replacing is not allowed."""
    if table not in REPLACEABLE or user.role != "admin":
        return False
    return st.toggle(
        t("admin.replace"), value=False, help=t("admin.replace.help"), key="admin_replace"
    )


def summary(result: ImportResult) -> str:
    return t(
        "admin.replace.summary",
        added=number(result.added),
        updated=number(result.updated),
        removed=number(result.removed),
        unchanged=number(result.unchanged),
    )


def replaced_table(result: ImportResult) -> None:
    """The counts, then the keys added, changed and removed (the first LISTED of each)."""
    st.info(summary(result))
    if result.removed:
        st.warning(t("admin.replace.removed_warning", removed=number(result.removed)))
    kinds = (
        ("added", result.added_keys),
        ("changed", result.updated_keys),
        ("removed", result.removed_keys),
    )
    rows = [(t(f"admin.kind.{kind}"), key) for kind, keys in kinds for key in keys[:LISTED]]
    if not rows:
        return
    more = sum(max(len(keys) - LISTED, 0) for _, keys in kinds)
    st.dataframe(
        pd.DataFrame(rows, columns=[t("admin.replace.kind"), t("admin.replace.key")]),
        hide_index=True,
        width="stretch",
        height=min(38 + 35 * len(rows), 300),
        key="admin_replace_keys",
    )
    if more:
        st.caption(t("admin.replace.more", listed=number(LISTED), more=number(more)))
