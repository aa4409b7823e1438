"""Import: pick the table, upload, see every problem or what would change, then confirm.

The check is a dry run of the real import (data_access.importing.run_import): the writes are
made in a transaction, the headline figures read before and after, and rolled back. Confirming
runs the same import for real; it is refused if the file changed in between.
"""

from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

from components.data import current_version, engine
from components.data_admin.preview_map import preview_map
from components.data_admin.replace import replace_choice, replaced_table
from components.data_admin.replace import summary as replace_summary
from components.i18n import fig, lang, t
from data_access import metrics
from data_access.admin.users import User
from data_access.importing import ImportResult, run_import, table_title
from data_access.importing.coords import SYSTEMS
from data_access.importing.limits import MAX_FILE_MB
from data_access.importing.templates import problems_workbook

_CHECKED = "_admin_checked"  # (table, sha256, coordinates, replace, …) → the dry run's result
_NO_BOX_LIMIT_CSS = (
    "<style>[class*='st-key-admin_upload_'] [data-testid='stFileUploaderDropzoneInstructions']"
    " { display: none; }</style>"
)
_DONE = "_admin_done"
_UPLOADER = "_admin_upload_round"


def _problems_table(result: ImportResult) -> pd.DataFrame:
    return pd.DataFrame(
        [(p.row, p.column, p.value, p.reason) for p in result.problems],
        columns=[t(f"admin.problems.{c}") for c in ("row", "column", "value", "reason")],
    )


def _figures_table(result: ImportResult) -> pd.DataFrame:
    rows = []
    for change in result.figures:
        unit = metrics.get(change.key).unit
        rows.append(
            (
                t(f"metric.{change.key}.label"),
                fig(change.before, unit),
                fig(change.after, unit),
                t("admin.figures.changed") if change.changed else "",
            )
        )
    return pd.DataFrame(
        rows, columns=[t(f"admin.figures.{c}") for c in ("figure", "before", "after", "mark")]
    )


def _show_problems(result: ImportResult, data: bytes) -> None:
    whole_file = [p for p in result.problems if p.row is None]
    if whole_file and len(whole_file) == len(result.problems) and not result.more_problems:
        # Refused as a whole (too large, not a table, …): the reason itself, not a table of one
        # row to fix and a workbook to download.
        st.error(t("admin.refused.file", reasons=" ".join(p.line() for p in whole_file)))
        preview_map(result.preview)  # a file in the wrong place is seen where it lies
        return
    count = len(result.problems) + result.more_problems
    st.error(t("admin.refused", count=count, rows=result.refused_rows))
    if result.more_problems:
        st.warning(t("admin.problems.more", listed=len(result.problems), more=result.more_problems))
    st.dataframe(_problems_table(result), hide_index=True, width="stretch")
    st.download_button(
        t("admin.problems.download"),
        # Made when clicked, not on every run of the page (deferred download).
        lambda: problems_workbook(data, result.problems),
        file_name=f"{result.table}_problems.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="admin_problems_download",
    )
    preview_map(result.preview)  # a file in the wrong place is seen where it lies


def _summary(result: ImportResult) -> str:
    return t(
        "admin.summary",
        rows=result.rows,
        added=result.added,
        updated=result.updated,
        unchanged=result.unchanged,
    )


def importer(user: User, tables: tuple[str, ...]) -> None:
    st.caption(t("admin.import.caption"))
    left, right = st.columns([3, 2])
    table = left.selectbox(
        t("admin.table"),
        tables,
        format_func=lambda n: table_title(n, lang()),
        key="admin_import_table",
    )
    coordinates = right.radio(
        t("admin.coordinates"),
        SYSTEMS,
        format_func=lambda s: t(f"admin.coordinates.{s}"),
        horizontal=True,
        key="admin_coordinates",
    )
    replace = replace_choice(user, table)
    round_ = st.session_state.get(_UPLOADER, 0)
    # The box's own small print ("200MB per file • XLSX, …") is Streamlit's, in English, and
    # names its ceiling, not the import limit: hidden; the caption below says both in words.
    st.html(_NO_BOX_LIMIT_CSS)
    upload = st.file_uploader(
        t("admin.upload"),
        # Streets also come as GeoJSON or an OpenStreetMap extract (.osm.pbf ends in "pbf").
        type=["xlsx", "xls", "csv", "geojson", "json", "pbf"],
        key=f"admin_upload_{round_}",
    )
    # The import limit in the reader's words, always in view: a file over it is uploaded (the
    # uploader's own ceiling, server.maxUploadSize, is higher) and refused by the importer.
    st.caption(t("admin.upload.limit", limit=MAX_FILE_MB))
    done = st.session_state.pop(_DONE, None)
    if done:
        st.success(done)
    if upload is None:
        return
    data = upload.getvalue()
    # The dry run once per file, table, coordinates and data version, not on every click.
    key = (
        table,
        hashlib.sha256(data).hexdigest(),
        coordinates,
        replace,
        current_version(),
        user.name,
    )
    checked = st.session_state.get(_CHECKED)
    if checked is not None and checked[0] == key:
        result = checked[1]
    else:
        result = run_import(
            engine(),
            table,
            data,
            upload.name,
            user,
            dry_run=True,
            coordinates=coordinates,
            replace=replace,
        )
        st.session_state[_CHECKED] = (key, result)
    if result.problems:
        _show_problems(result, data)
        return
    st.success(t("admin.checked", table=table_title(table, lang())) + " " + _summary(result))
    for warning in result.warnings:  # the walking network the file leaves: fragments, far doors
        st.warning(warning)
    if replace:
        replaced_table(result)
    preview_map(result.preview)
    st.markdown(f"**{t('admin.figures.title')}**")
    st.dataframe(_figures_table(result), hide_index=True, width="stretch")
    if not (result.added or result.updated or result.removed):
        st.info(t("admin.nothing_to_do"))
        return
    if st.button(t("admin.confirm"), type="primary", key="admin_confirm"):
        final = run_import(
            engine(),
            table,
            data,
            upload.name,
            user,
            dry_run=False,
            coordinates=coordinates,
            replace=replace,
        )
        if final.problems:
            _show_problems(final, data)
            return
        done = replace_summary(final) if replace else _summary(final)
        st.session_state[_DONE] = t("admin.done") + " " + done
        st.session_state.pop(_CHECKED, None)
        st.session_state[_UPLOADER] = (
            round_ + 1
        )  # a fresh uploader: the same file is not sent twice
        st.rerun()
