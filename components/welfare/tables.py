"""Tables of the 社会救助 page: translated headers, number formats, and counts after suppression."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
import streamlit as st

from components.data import query
from components.i18n import fig, label, t
from components.tables import data_table
from data_access import privacy
from data_access.engine import protection
from data_access.filters import Filters

SCROLL_AFTER_ROWS = 20


def withheld(f: Filters) -> bool:
    """The chosen grids include one whose 低保 figures may not be published (privacy pattern):
    then this page's counts, money and shares for the selection are withheld."""
    return bool(f.grids) and not query(protection.grids_open, "dibao_households", f)


def count_text(value: float | None, unit: str, fine: bool, with_unit: bool = True) -> str:
    """A count in its unit ('12人' / '12'), '<3户' when `fine` (finer than a community) and
    the privacy rule says it is too small to show."""
    return fig(value, unit, suppressed=fine and privacy.is_small(value), with_unit=with_unit)


def labels(columns: Iterable[str], counts: Iterable[str] = ()) -> dict[str, object]:
    """Translated headers; `counts` are text after suppression ("<3"), aligned like numbers."""
    config: dict[str, object] = {c: t(f"wf.col.{c}") for c in columns}
    for c in counts:
        config[c] = st.column_config.TextColumn(t(f"wf.col.{c}"), alignment="right")
    return config


def rows_height(rows: int) -> int | str:
    """Show short tables whole; long ones (a city's grids, a roster) scroll."""
    return "content" if rows <= SCROLL_AFTER_ROWS else "auto"


def table(
    df: pd.DataFrame,
    numbers: Iterable[str] = (),
    percent: Iterable[str] = (),
    counts: Iterable[str] = (),
    download: str | None = None,
) -> None:
    """A dataframe with translated headers; numbers and percentages formatted, text counts as
    given; `download` names it for a CSV download (see components.tables.data_table)."""
    config = labels(df.columns, counts)
    for c in numbers:
        config[c] = st.column_config.NumberColumn(t(f"wf.col.{c}"), format="localized")
    for c in percent:
        config[c] = st.column_config.NumberColumn(t(f"wf.col.{c}"), format="percent")
    data_table(df, column_config=config, height=rows_height(len(df)), download=download)


def with_vocabulary_labels(df: pd.DataFrame) -> pd.DataFrame:
    """A copy with category and status codes shown as words in the reader's language."""
    out = df.copy()
    if "category" in out:
        out["category"] = [label("welfare_category", c) for c in out["category"]]
    if "status" in out:
        out["status"] = [label("welfare_status", c) for c in out["status"]]
    return out
