"""Tables that fit the reader's screen: on a phone a short table becomes a list of its rows, and
a long one keeps the columns that fit its width with the rest one tap away, so no table scrolls
sideways.

The server cannot measure the browser, so widths are estimated from the texts a column shows (its
header and its longest values, a CJK glyph one em and a Latin one about 0.6 em, plus the cell's
padding), as the grid sizes its columns to their content. On a desktop the table is drawn whole.
"""

from __future__ import annotations

import html
import numbers
import re
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
import streamlit as st

from components.device import is_mobile
from components.i18n import t

# A 390-px phone's content column less the table's border; a 360-px phone is 32 px narrower
# and scrolls a little inside the table, never the page.
PHONE_TABLE_PX = 352
FONT_PX = 14
CELL_PADDING_PX = 2 * 9 + 2
HEADER_EXTRA_PX = 18  # the sort arrow, or the ⓘ of a column with help
MAX_LABEL_PX = 170  # a long first column (a compound's name) is wrapped by the grid's own cap
SAMPLE_ROWS = 300
LIST_MAX_ROWS = 12  # a phone reads up to this many rows as a list, one block a row


def text_px(text: str) -> float:
    return sum(FONT_PX if ord(c) >= 0x2E80 else 0.6 * FONT_PX for c in text)


def _config_of(column_config: dict | None, column: str) -> Any:
    return (column_config or {}).get(column)


def _header(column: str, conf: Any) -> str:
    if isinstance(conf, str):
        return conf
    if isinstance(conf, dict) and conf.get("label"):
        return str(conf["label"])
    return str(column)


def _shown(value: Any, conf: Any) -> str:
    """The text the grid shows for a value, near enough for its width."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    fmt = ((conf or {}).get("type_config") or {}).get("format") if isinstance(conf, dict) else None
    if isinstance(value, numbers.Number) and not isinstance(value, bool | np.bool_):
        value = value.item() if isinstance(value, np.generic) else value
        if fmt == "percent":
            return f"{value * 100:.1f}%"
        if fmt and "%" in fmt and fmt not in ("localized", "plain"):
            try:
                return fmt % value
            except (TypeError, ValueError):
                return str(value)
        return f"{value:,.2f}".rstrip("0").rstrip(".") if isinstance(value, float) else f"{value:,}"
    return str(value)


def column_px(df: pd.DataFrame, column: str, column_config: dict | None = None) -> float:
    """The estimated drawn width of one column: its header or its widest value, padded."""
    conf = _config_of(column_config, column)
    if isinstance(conf, dict) and conf.get("type_config", {}).get("type") == "progress":
        return 120.0
    widest = max((text_px(_shown(v, conf)) for v in df[column].head(SAMPLE_ROWS)), default=0.0)
    return max(text_px(_header(column, conf)) + HEADER_EXTRA_PX, widest) + CELL_PADDING_PX


def column_groups(
    df: pd.DataFrame,
    column_config: dict | None = None,
    keep: int = 1,
    width_px: float = PHONE_TABLE_PX,
) -> list[list[str]]:
    """The columns split into groups that each fit width_px, every group led by the first `keep`
    columns (what a row is about); a column wider than the room left gets a group of its own."""
    columns = [c for c in df.columns if not _hidden(column_config, c)]
    lead = columns[:keep]
    lead_px = sum(min(column_px(df, c, column_config), MAX_LABEL_PX) for c in lead)
    groups: list[list[str]] = []
    current: list[str] = []
    used = lead_px
    for c in columns[keep:]:
        w = column_px(df, c, column_config)
        if current and used + w > width_px:
            groups.append(current)
            current, used = [], lead_px
        current.append(c)
        used += w
    if current or not groups:
        groups.append(current)
    return [lead + g for g in groups]


def _hidden(column_config: dict | None, column: str) -> bool:
    return column_config is not None and column in column_config and column_config[column] is None


def list_html(
    df: pd.DataFrame,
    column_config: dict | None = None,
    keep: int = 1,
    tints: pd.DataFrame | None = None,
) -> str:
    """Each row as a block: its first `keep` columns as the title, then one line per other column
    (header：value), tinted as the table's cell would be."""
    columns = [c for c in df.columns if not _hidden(column_config, c)]
    lead, rest = columns[:keep], columns[keep:]
    sep = t("common.list_sep")
    blocks = []
    for i in range(len(df)):
        row = df.iloc[i]
        title = sep.join(_shown(row[c], _config_of(column_config, c)) for c in lead)
        lines = []
        for c in rest:
            conf = _config_of(column_config, c)
            css = tints.iloc[i][c] if tints is not None and c in tints else ""
            lines.append(
                f'<div class="table-line" style="padding:1px 6px;{html.escape(css or "")}">'
                f'<span style="color:#4B5563">{html.escape(_header(c, conf))}</span>'
                f"{t('table.value_sep')}{html.escape(_shown(row[c], conf) or '—')}</div>"
            )
        blocks.append(
            f'<div class="table-row" style="border:1px solid #E5E7EB;border-radius:6px;'
            f'padding:6px 8px;margin:0 0 6px">'
            f'<div style="font-weight:600">{html.escape(title)}</div>{"".join(lines)}</div>'
        )
    return "".join(blocks)


def _decimals(conf: Any) -> int | None:
    """Decimal places a column is shown with (None: as stored)."""
    fmt = ((conf or {}).get("type_config") or {}).get("format") if isinstance(conf, dict) else None
    if fmt == "percent":
        return 1
    match = re.search(r"%[,]?\.(\d)f", fmt or "")
    if match:
        return int(match.group(1))
    if fmt and re.search(r"%[,]?d", fmt):
        return 0
    return None


def csv_frame(df: pd.DataFrame, column_config: dict | None = None) -> pd.DataFrame:
    """The table as a file for further work: headers in the reader's language (a percentage
    column says (%)), numbers as numbers rounded as shown, shares as percentages."""
    out = pd.DataFrame(index=range(len(df)))
    for c in df.columns:
        if _hidden(column_config, c):
            continue
        conf = _config_of(column_config, c)
        header = _header(c, conf)
        values = df[c].reset_index(drop=True)
        digits = _decimals(conf)
        numeric = pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values)
        fmt = (
            ((conf or {}).get("type_config") or {}).get("format")
            if isinstance(conf, dict)
            else None
        )
        if numeric and fmt == "percent":
            values, header = (values * 100).round(1), t("unit.header", label=header, unit="%")
        elif numeric and digits is not None:
            values = values.round(digits)
        elif numeric and pd.api.types.is_float_dtype(values):
            whole = values.dropna()
            # A count held as a float (a column with a gap) is written 406, not 406.0.
            values = values.astype("Int64") if (whole == whole.round()).all() else values.round(2)
        out[header] = values
    return out


def csv_bytes(df: pd.DataFrame, column_config: dict | None = None) -> bytes:
    """UTF-8 with a byte-order mark, so Excel on a Chinese Windows opens it as it is."""
    return csv_frame(df, column_config).to_csv(index=False).encode("utf-8-sig")


def csv_file_name(what: str) -> str:
    """'总览-社区对比_东部社区_2022-01至2022-06.csv': the page and table, the area, the period."""
    from components.filters import area_label, current_filters

    f = current_filters()
    period = t("table.csv_period", start=f.start, end=f.end) if f.start else ""
    parts = [what, area_label(f), period]
    name = "_".join(p for p in parts if p)
    return re.sub(r'[\\/:*?"<>|\s]+', "-", name)[:120] + ".csv"


def data_table(
    df: pd.DataFrame,
    *,
    column_config: dict | None = None,
    keep: int = 1,
    tints: pd.DataFrame | None = None,
    where: Any = None,
    key: str | None = None,
    download: str | None = None,
    **options: Any,
) -> None:
    """st.dataframe on a desktop. On a phone a short table (up to LIST_MAX_ROWS rows) becomes a
    list of its rows; a longer one keeps the columns that fit and puts the others in a
    「更多列」 expander, each group a table of its own led by the row's label.

    `tints` holds a CSS declaration per cell (same shape as df), e.g. a status colour, kept in
    both forms. `where` is a column or container (st by default). `download` names the table
    (page and table): a 下载 CSV button under it then writes `csv_bytes` to `csv_file_name`.
    """
    place = where or st
    _draw(df, column_config, keep, tints, place, key, options)
    if download:
        _download_button(place, df, column_config, download, key)


def _draw(df, column_config, keep, tints, place, key, options) -> None:
    options.setdefault("hide_index", True)

    def styled(sub: pd.DataFrame) -> Any:
        if tints is None:
            return sub
        return sub.style.apply(lambda _: tints[sub.columns], axis=None)

    if not is_mobile():
        place.dataframe(styled(df), column_config=column_config, key=key, **options)
        return
    if len(df) <= LIST_MAX_ROWS:
        place.markdown(list_html(df, column_config, keep, tints), unsafe_allow_html=True)
        return
    groups = column_groups(df, column_config, keep)
    config = _narrow_lead(df, column_config, groups[0][:keep])
    first, rest = groups[0], groups[1:]
    place.dataframe(styled(df[first]), column_config=_subset(config, first), key=key, **options)
    if not rest:
        return
    names = [_header(c, _config_of(column_config, c)) for g in rest for c in g[keep:]]
    with place.expander(t("table.more_columns", columns=t("common.list_sep").join(names))):
        for i, group in enumerate(rest):
            st.dataframe(
                styled(df[group]),
                column_config=_subset(config, group),
                key=f"{key}_more_{i}" if key else None,
                **options,
            )


def _download_button(place: Any, df: pd.DataFrame, column_config, what: str, key) -> None:
    place.download_button(
        t("table.download_csv"),
        data=csv_bytes(df, column_config),
        file_name=csv_file_name(what),
        mime="text/csv",
        icon=":material/download:",
        key=f"{key or what}_csv",
        on_click="ignore",
    )


def _narrow_lead(df: pd.DataFrame, column_config: dict | None, lead: Sequence[str]) -> dict:
    """The column config with a lead column wider than MAX_LABEL_PX held to it (the grid cuts
    the rest of a long name, shown whole when the cell is opened), so the groups fit."""
    config = dict(column_config or {})
    for c in lead:
        if column_px(df, c, column_config) <= MAX_LABEL_PX:
            continue
        conf = config.get(c)
        label = _header(c, conf)
        if isinstance(conf, dict):
            config[c] = {**conf, "width": int(MAX_LABEL_PX)}
        else:
            config[c] = st.column_config.Column(label, width=int(MAX_LABEL_PX))
    return config


def _subset(column_config: dict | None, columns: Sequence[str]) -> dict | None:
    if column_config is None:
        return None
    return {c: v for c, v in column_config.items() if c in columns}
