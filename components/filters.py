"""The shared sidebar: language, communities, grids and the period (with quick periods), kept in
the URL.

The URL is read once per browser session, validated value by value (a bad value is dropped with
a visible notice, never a traceback), and written back on every run, so a view can be shared as
a link. The widgets live in app.py's sidebar, so their state survives page switches.

The period is a range select_slider given a range `value`: without it Streamlit builds a
single-value slider whose state comes back as one month, and a moved handle snapped back.
"""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from components import presentation
from components.data import query
from components.i18n import LANG_NAMES, LANGS, lang, t
from components.url import (
    add_url_notice,
    clear_notices,
    shorten,
    url_values,
    write_url_params,
)
from data_access import metrics
from data_access.areas import queries as common
from data_access.filters import (
    QUICK_PERIODS,
    Filters,
    default_period,
    is_month,
    months_between,
    quick_periods,
)
from data_access.text import join

GLOBAL_KEYS = ("community", "grid", "from", "to", "lang", presentation.PARAM)
K_COMMUNITIES, K_GRIDS, K_PERIOD, K_LANG = "f_communities", "f_grids", "f_period", "lang"
_LOADED = "_url_loaded"
_FILTERS = "_filters"


def _load_from_url(
    community_codes: list[str], grid_table, months: list[str], page_keys: set[str]
) -> None:
    """Seed the widget state from the URL, dropping what is not valid, and clean the URL."""
    qp = st.query_params
    for key in list(qp.keys()):
        if key not in GLOBAL_KEYS and key not in page_keys:
            add_url_notice(t("url.unknown_param", key=shorten(key)))
            del qp[key]

    presentation.load_from_url(qp.get(presentation.PARAM))
    lang = qp.get("lang")
    if lang is not None:
        if lang in LANGS:
            st.session_state[K_LANG] = lang
        else:
            add_url_notice(t("url.bad_lang", value=shorten(lang)))

    chosen = []
    for code in url_values("community"):
        if code in community_codes:
            chosen.append(code)
        else:
            add_url_notice(t("url.bad_community", value=shorten(code)))
    st.session_state[K_COMMUNITIES] = list(dict.fromkeys(chosen))

    allowed = grid_table[grid_table["community_code"].isin(chosen or community_codes)][
        "code"
    ].tolist()
    grids = []
    for code in url_values("grid"):
        if code in allowed:
            grids.append(code)
        else:
            add_url_notice(t("url.bad_grid", value=shorten(code)))
    st.session_state[K_GRIDS] = list(dict.fromkeys(grids))

    if months:
        start, end = default_period(months[0], months[-1])
        for key in ("from", "to"):
            value = qp.get(key)
            if value is None:
                continue
            if not is_month(value) or value not in months:
                add_url_notice(t("url.bad_month", key=key, value=shorten(value)))
            elif key == "from":
                start = value
            else:
                end = value
        if start > end:
            add_url_notice(t("url.bad_order"))
            start, end = default_period(months[0], months[-1])
        st.session_state[K_PERIOD] = (start, end)


def _write_url(
    communities: list[str], grids: list[str], period: tuple[str, str] | None, months: list[str]
) -> None:
    """Put the current filters in the URL; defaults are left out so links stay short."""
    desired: dict[str, list[str]] = {}
    if communities:
        desired["community"] = communities
    if grids:
        desired["grid"] = grids
    if period and months and period != default_period(months[0], months[-1]):
        desired["from"], desired["to"] = [period[0]], [period[1]]
    if st.session_state.get(K_LANG, "zh") != "zh":
        desired["lang"] = [st.session_state[K_LANG]]
    desired.update(presentation.url_params())
    write_url_params(GLOBAL_KEYS, desired)


def _valid_period(value: object, months: list[str]) -> bool:
    return (
        isinstance(value, tuple | list)
        and len(value) == 2
        and value[0] in months
        and value[1] in months
        and value[0] <= value[1]
    )


def _set_period(period: tuple[str, str]) -> None:
    st.session_state[K_PERIOD] = tuple(period)
    clear_notices()


def _reset(months: list[str]) -> None:
    st.session_state[K_COMMUNITIES] = []
    st.session_state[K_GRIDS] = []
    if months:
        st.session_state[K_PERIOD] = default_period(months[0], months[-1])
    clear_notices()


def _quick_buttons(months: list[str]) -> None:
    """本年 / 上半年 / 下半年 / 近三个月 / 上月: each sets the range (and so the URL)."""
    ranges = quick_periods(months[0], months[-1])
    st.sidebar.caption(t("filters.quick"))
    # English words are longer: two buttons a row keep "This year" whole in the sidebar.
    per_row = 3 if lang() == "zh" else 2
    for row in (QUICK_PERIODS[i : i + per_row] for i in range(0, len(QUICK_PERIODS), per_row)):
        for col, name in zip(st.sidebar.columns(len(row)), row, strict=True):
            span = ranges[name]
            col.button(
                t(f"filters.quick.{name}"),
                key=f"f_quick_{name}",
                on_click=_set_period,
                args=(span,),
                disabled=span is None,
                help=t("common.period", start=span[0], end=span[1])
                if span
                else t("filters.quick.none"),
                width="stretch",
            )


def sidebar_filters(page_keys: Iterable[str] = ()) -> Filters:
    """Render the sidebar and return the Filters of this run (also kept for `current_filters`)."""
    communities = query(common.communities)
    grid_table = query(common.grids)
    span = query(metrics.data_period)
    months = months_between(*span) if span else []
    codes = communities["code"].tolist()
    names = dict(zip(communities["code"], communities["name"], strict=True))
    grid_names = dict(zip(grid_table["code"], grid_table["name"], strict=True))

    if not st.session_state.get(_LOADED):
        _load_from_url(codes, grid_table, months, set(page_keys))
        st.session_state[_LOADED] = True

    sb = st.sidebar
    sb.radio(
        t("filters.language"),
        LANGS,
        format_func=LANG_NAMES.get,
        key=K_LANG,
        horizontal=True,
    )
    sb.header(t("filters.header"))
    if not codes:
        sb.info(t("filters.no_data"))
        filters = Filters()
        st.session_state[_FILTERS] = filters
        return filters

    # Drop selections that no longer exist (data re-imported) before the widgets are built.
    st.session_state[K_COMMUNITIES] = [
        c for c in st.session_state.get(K_COMMUNITIES, []) if c in codes
    ]
    chosen = sb.multiselect(
        t("filters.communities"),
        codes,
        format_func=names.get,
        key=K_COMMUNITIES,
        placeholder=t("filters.communities.placeholder"),
        help=t("filters.communities.help"),
        on_change=clear_notices,
    )
    grid_options = grid_table[grid_table["community_code"].isin(chosen or codes)]["code"].tolist()
    st.session_state[K_GRIDS] = [g for g in st.session_state.get(K_GRIDS, []) if g in grid_options]
    grids = sb.multiselect(
        t("filters.grids"),
        grid_options,
        format_func=grid_names.get,
        key=K_GRIDS,
        placeholder=t("filters.grids.placeholder"),
        help=t("filters.grids.help"),
        on_change=clear_notices,
    )
    period: tuple[str, str] | None = None
    if len(months) >= 2:
        if not _valid_period(st.session_state.get(K_PERIOD), months):
            st.session_state[K_PERIOD] = default_period(months[0], months[-1])
        period = tuple(
            sb.select_slider(
                t("filters.period"),
                options=months,
                value=default_period(months[0], months[-1]),
                key=K_PERIOD,
                help=t("filters.period.help"),
                on_change=clear_notices,
            )
        )
        _quick_buttons(months)
    elif months:
        period = (months[0], months[0])
        sb.caption(t("common.period", start=months[0], end=months[0]))
    sb.button(t("filters.reset"), on_click=_reset, args=(months,), width="stretch")
    sb.caption(t("filters.share"))

    _write_url(chosen, grids, period, months)
    filters = Filters(
        communities=tuple(chosen),
        grids=tuple(grids),
        start=period[0] if period else None,
        end=period[1] if period else None,
    )
    st.session_state[_FILTERS] = filters
    return filters


def current_filters() -> Filters:
    """The Filters the sidebar produced in this run (pages call this; app.py builds the sidebar first)."""
    return st.session_state.get(_FILTERS) or Filters()


def area_label(f: Filters) -> str:
    """'老城社区、东部社区' / '全部社区', plus the number of grids when grids are chosen."""
    from components.i18n import lang

    communities = query(common.communities, f)
    text = (
        join(communities["name"].tolist(), lang()) if f.communities else t("common.all_communities")
    )
    if f.grids:
        text += " · " + t("common.grids_selected", n=len(f.grids))
    return text


def init_language() -> None:
    """Take `?lang=` before anything is drawn, so the navigation titles are in that language too."""
    if st.session_state.get(_LOADED):
        return
    value = st.query_params.get("lang")
    if value in LANGS:
        st.session_state[K_LANG] = value


_GO_TO = "_go_to"


def open_page_at(
    page_file: str, communities: tuple[str, ...], grids: tuple[str, ...], period
) -> None:
    """A button's callback: choose these filters, then (`follow_link`) open the page. Widget state
    may only be set before the sidebar is drawn, which a callback is."""
    st.session_state[K_COMMUNITIES] = list(communities)
    st.session_state[K_GRIDS] = list(grids)
    if period is not None:
        st.session_state[K_PERIOD] = tuple(period)
    st.session_state[_GO_TO] = page_file


def follow_link() -> None:
    """Open the page a callback asked for (`open_page_at`), in the run after it."""
    target = st.session_state.pop(_GO_TO, None)
    if target:
        st.switch_page(target)
