"""Template downloads: one table's XLSX, or every table the user may import as a ZIP."""

from __future__ import annotations

import io
import zipfile

import streamlit as st

from components.i18n import lang, t
from data_access.importing import table_title
from data_access.importing.templates import template


@st.cache_data(show_spinner=False)
def _template(table: str) -> bytes:
    return template(table)


@st.cache_data(show_spinner=False)
def _all_templates(tables: tuple[str, ...]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for order, table in enumerate(tables, start=1):
            archive.writestr(f"{order:02d}_{table}.xlsx", _template(table))
    return out.getvalue()


def templates(tables: tuple[str, ...]) -> None:
    st.caption(t("admin.templates.caption"))
    left, right = st.columns([3, 2], vertical_alignment="bottom")
    table = left.selectbox(
        t("admin.table"),
        tables,
        format_func=lambda name: table_title(name, lang()),
        key="admin_template_table",
    )
    right.download_button(
        t("admin.templates.one"),
        _template(table),
        file_name=f"{table}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="admin_template_download",
    )
    st.download_button(
        t("admin.templates.all"),
        _all_templates(tables),
        file_name="templates.zip",
        mime="application/zip",
        key="admin_templates_all",
    )
