"""Tables of the page: translated headers (cl.col.*), numbers localised, text counts right-aligned."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
import streamlit as st

from components.i18n import t
from components.tables import data_table
from data_access.text import has

SCROLL_AFTER_ROWS = 20


def table(
    df: pd.DataFrame,
    numbers: Iterable[str] = (),
    percent: Iterable[str] = (),
    counts: Iterable[str] = (),
    key: str | None = None,
    download: str | None = None,
) -> None:
    """A dataframe with translated headers; `counts` are text after the privacy rule ("<3", "*");
    `download` names it for a CSV download (see components.tables.data_table)."""
    config: dict[str, object] = {c: t(f"cl.col.{c}") for c in df.columns}
    for c in numbers:
        config[c] = st.column_config.NumberColumn(t(f"cl.col.{c}"), format="localized")
    for c in percent:
        config[c] = st.column_config.NumberColumn(t(f"cl.col.{c}"), format="percent")
    for c in counts:
        config[c] = st.column_config.TextColumn(t(f"cl.col.{c}"), alignment="right")
    data_table(
        df,
        column_config=config,
        height="content" if len(df) <= SCROLL_AFTER_ROWS else "auto",
        key=key,
        download=download,
    )


def activity(kind: str) -> str:
    """What an activity or group does, in the reader's language (as recorded when unknown)."""
    key = f"cl.activity.{kind}"
    return t(key) if has(key) else kind
