"""KPI cards: value, change against the previous period, progress to target, and how it is computed."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from components.data import query
from components.i18n import lang, t
from data_access import metrics
from data_access.filters import Filters
from data_access.queries import common

# Equal card heights keep the grid tidy on a projector; tall enough for a delta and a target bar.
CARD_HEIGHT = 178


def previous_in_data(f: Filters) -> Filters | None:
    """The previous period of the same length, when the data reaches back that far."""
    prev = f.previous_period()
    span = query(common.data_period)
    if prev is None or span is None or prev.start < span[0]:
        return None
    return prev


def kpi_card(key: str, f: Filters) -> None:
    m = metrics.get(key)
    value = query(metrics.value, key, f)
    prev_f = previous_in_data(f)
    delta = None
    if prev_f is not None and value is not None:
        prev = query(metrics.value, key, prev_f)
        if prev is not None:
            diff = value - prev
            delta = f"{diff * 100:+.1f} pp" if m.percent else f"{diff:+,.0f}"
    goal = query(metrics.target, key, f)
    help_text = m.help(lang())
    if goal:
        help_text += "\n\n" + t("kpi.target_period", period=goal[1].replace("..", " – "))
    with st.container(border=True, height=CARD_HEIGHT):
        st.metric(
            m.label(lang()),
            m.format(value, lang()),
            delta=delta,
            delta_color="normal" if m.higher_is_better else "off",
            delta_description=t("kpi.vs_previous") if delta else None,
            help=help_text,
        )
        if goal and value is not None and goal[0]:
            share = value / goal[0]
            st.progress(
                min(max(share, 0.0), 1.0),
                text=t("kpi.target", target=m.format(goal[0], lang()), share=f"{share:.0%}"),
            )
        elif not f.grids:
            st.caption(t("kpi.no_target"))
        if f.grids and not m.grid_level:
            st.caption(t("common.not_grid_level"))


def kpi_row(keys: Sequence[str], f: Filters, per_row: int = 4) -> None:
    """Cards in rows of `per_row` (4 reads well on a projector at 1440 px)."""
    for start in range(0, len(keys), per_row):
        cols = st.columns(per_row)
        for col, key in zip(cols, keys[start : start + per_row], strict=False):
            with col:
                kpi_card(key, f)
