"""需要关注 at the top of the overview: every red or amber figure, for the chosen area and each of
its communities, as one short list; each line a button that opens the page explaining it with
the area and period it names."""

from __future__ import annotations

import streamlit as st

from components.data import query
from components.filters import follow_link, open_page_at
from components.i18n import lang, t
from components.kpi import status_word
from components.registry import by_path
from data_access import attention as lagging
from data_access.engine import status
from data_access.filters import Filters
from data_access.text import numbers

# Markdown colours of a button label (no emoji: the app ships no emoji font and runs offline).
COLOURS = {"red": "red", "amber": "orange"}


def line(item: lagging.Item) -> str:
    """'● 东部社区 · 志愿者 64人，目标 75人，完成 85%（序时进度 100%） · 明显落后', the dot and the
    status word in the status colour."""
    s = item.snapshot
    value = numbers.figure(
        s.value, s.unit, lang(), compact=True, suppressed=s.suppressed, marker=s.marker
    )
    goal = numbers.figure(s.target.value, s.unit, lang(), compact=True) if s.target else "—"
    if s.progress is None:
        measured = t("attention.value_target", value=value, target=goal)
    else:
        share, expected = numbers.percent(s.progress, 0), numbers.percent(s.expected, 0)
        since = status.progress_since(s, lang())
        if since is None:
            measured = t(
                "attention.value_progress",
                value=value,
                target=goal,
                share=share,
                expected=expected,
            )
        else:
            measured = t(
                "attention.value_progress.since",
                value=value,
                target=goal,
                start=since[0],
                so_far=since[1],
                share=share,
                expected=expected,
            )
    where = item.community_name or (
        t("attention.county")
        if not (s.filters.communities or s.filters.grids)
        else t("attention.here")
    )
    sep = t("common.caption_sep")
    colour = COLOURS[s.status]
    label = t(f"metric.{s.key}.label")
    return f":{colour}[●] {where}{sep}{label} {measured}{sep}:{colour}[**{status_word(s)}**]"


def attention_list(f: Filters) -> None:
    """The list, or one line saying nothing lags."""
    follow_link()
    items = query(lagging.attention, f)
    with st.container(border=True):
        st.markdown(f"**{t('attention.title')}**", help=t("attention.help"))
        if not items:
            st.success(t("attention.none"))
            return
        for i, item in enumerate(items):
            target = item.filters
            communities = (item.community,) if item.community else f.communities
            period = (target.start, target.end) if target.start and target.end else None
            st.button(
                line(item),
                key=f"attention_{i}",
                on_click=open_page_at,
                args=(by_path(item.page).file, communities, f.grids, period),
                width="stretch",
                help=t("attention.open", page=t(by_path(item.page).title_key)),
            )
