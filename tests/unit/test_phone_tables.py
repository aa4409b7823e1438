"""Tables on a phone: the columns split into groups that fit, a short table read as a list."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st
from hypothesis import given, settings
from hypothesis import strategies as st_h

from components.tables import (
    MAX_LABEL_PX,
    PHONE_TABLE_PX,
    _shown,
    column_groups,
    column_px,
    csv_bytes,
    csv_frame,
    list_html,
)


def _frame(widths: list[int]) -> pd.DataFrame:
    return pd.DataFrame({f"c{i}": ["x" * w] for i, w in enumerate(widths)})


@settings(max_examples=60, deadline=None)
@given(st_h.lists(st_h.integers(min_value=1, max_value=60), min_size=1, max_size=12))
def test_every_column_is_shown_once_and_each_group_fits(widths):
    df = _frame(widths)
    groups = column_groups(df, keep=1)
    lead = groups[0][0]
    assert all(g[0] == lead for g in groups)
    rest = [c for g in groups for c in g[1:]]
    assert sorted(rest) == sorted(df.columns[1:]) and len(rest) == len(set(rest))
    lead_px = min(column_px(df, lead), MAX_LABEL_PX)
    for g in groups:
        used = lead_px + sum(column_px(df, c) for c in g[1:])
        # A group is over the width only when it holds one column too wide on its own.
        assert used <= PHONE_TABLE_PX or len(g) <= 2


def test_a_narrow_table_is_one_group():
    df = pd.DataFrame({"社区": ["老城社区", "东部社区"], "户数": [5180, 2458]})
    assert column_groups(df) == [["社区", "户数"]]


def test_a_wide_table_splits_and_keeps_its_label_first():
    df = pd.DataFrame(
        {"社区": ["老城社区"], **{f"第{i}项很长的指标名称": [123456] for i in range(6)}}
    )
    groups = column_groups(df)
    assert len(groups) > 1 and all(g[0] == "社区" for g in groups)


def test_values_are_written_as_the_grid_writes_them():
    assert _shown(np.int64(5180), None) == "5,180"
    assert _shown(0.881, st.column_config.NumberColumn("x", format="percent")) == "88.1%"
    assert _shown(12.34, st.column_config.NumberColumn("x", format="%.1f%%")) == "12.3%"
    assert _shown(float("nan"), None) == ""


def test_a_short_table_reads_as_a_list_of_its_rows_escaped_and_tinted():
    df = pd.DataFrame({"name": ["<b>老城</b>", "东部社区"], "v": [np.int64(1276), np.int64(5)]})
    tints = pd.DataFrame({"name": ["", ""], "v": ["background-color: #FEE2E2", ""]})
    config = {"v": st.column_config.NumberColumn("低保对象", format="localized")}
    out = list_html(df, config, tints=tints)
    assert out.count('class="table-row"') == 2
    assert "&lt;b&gt;老城&lt;/b&gt;" in out and "<b>老城" not in out
    assert "低保对象</span>：1,276" in out and "background-color: #FEE2E2" in out


def test_the_csv_has_the_readers_headers_numbers_as_numbers_and_rounded_shares():
    df = pd.DataFrame(
        {
            "name": ["老城社区", "东部社区"],
            "funds": [33.0, 51.6],
            "rate": [0.9411764706, 0.5],
            "count": [np.int64(5180), np.int64(2458)],
            "hidden": [1, 2],
            "persons": [406.0, np.nan],
        }
    )
    config = {
        "name": st.column_config.TextColumn("社区"),
        "funds": st.column_config.NumberColumn("筹措资金（万元）", format="%.2f"),
        "rate": st.column_config.NumberColumn("完成率", format="percent"),
        "count": st.column_config.NumberColumn("户数", format="localized"),
        "hidden": None,
    }
    out = csv_frame(df, config)
    assert list(out.columns) == ["社区", "筹措资金（万元）", "完成率（%）", "户数", "persons"]
    assert out["完成率（%）"].tolist() == [94.1, 50.0]
    assert out["户数"].tolist() == [5180, 2458]
    text = csv_bytes(df, config).decode("utf-8-sig")
    assert text.splitlines()[1] == "老城社区,33.0,94.1,5180,406"
    assert text.splitlines()[2] == "东部社区,51.6,50.0,2458,"
