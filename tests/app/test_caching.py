"""Caching: the data version is read once per script run, and a write shows on the next rerun."""

from __future__ import annotations

import streamlit as st
from sqlalchemy import Engine, event

from tests.app.conftest import assert_clean


def test_a_run_reads_the_data_version_once(open_page):
    at = open_page()
    # Another test in this process (the privacy audit) may have cached this community's figures
    # already; the count below needs them queried.
    st.cache_data.clear()
    statements: list[str] = []

    def record(conn, cursor, statement, params, context, executemany):
        statements.append(statement)

    event.listen(Engine, "before_cursor_execute", record)
    try:
        at.sidebar.multiselect(key="f_communities").set_value(["629901100002"]).run()
    finally:
        event.remove(Engine, "before_cursor_execute", record)
    assert_clean(at)
    version_reads = [s for s in statements if "data_version" in s]
    assert len(version_reads) == 1, version_reads
    assert len(statements) > 1  # the new community's figures were queried, not served from cache
