"""The shared sidebar: community, grid and period filters (plus language), kept in the URL.

The URL is read once per browser session, validated value by value (a bad value is dropped with
a visible notice, never a traceback), and written back on every run, so a view can be shared as
a link. The widgets live in app.py's sidebar, so their state survives page switches.
"""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from components.data import query
from components.i18n import LANG_NAMES, LANGS, t
from data_access.filters import Filters, is_month, months_between
from data_access.queries import common

GLOBAL_KEYS = ("community", "grid", "from", "to", "lang")
K_COMMUNITIES, K_GRIDS, K_PERIOD, K_LANG = "f_communities", "f_grids", "f_period", "lang"
_NOTICES = "_url_notices"
_LOADED = "_url_loaded"
_FILTERS = "_filters"
_PERIOD_KEPT = "_period_kept"


def add_url_notice(item: str) -> None:
    """Record a URL parameter that was ignored; pages call this for their own parameters."""
    notices = st.session_state.setdefault(_NOTICES, [])
    if item not in notices:
        notices.append(item)


def show_url_notices() -> None:
    notices = st.session_state.get(_NOTICES) or []
    if notices:
        st.warning(t("url.notice", items="；".join(notices)), icon="⚠️")


def _clear_notices() -> None:
    st.session_state[_NOTICES] = []


def _load_from_url(
    community_codes: list[str], grid_table, months: list[str], page_keys: set[str]
) -> None:
    """Seed the widget state from the URL, dropping what is not valid, and clean the URL."""
    qp = st.query_params
    for key in list(qp.keys()):
        if key not in GLOBAL_KEYS and key not in page_keys:
            add_url_notice(t("url.unknown_param", key=key))
            del qp[key]

    lang = qp.get("lang")
    if lang is not None:
        if lang in LANGS:
            st.session_state[K_LANG] = lang
        else:
            add_url_notice(t("url.bad_lang", value=lang))

    chosen = []
    for code in qp.get_all("community"):
        if code in community_codes:
            chosen.append(code)
        else:
            add_url_notice(t("url.bad_community", value=code))
    st.session_state[K_COMMUNITIES] = list(dict.fromkeys(chosen))

    allowed = grid_table[grid_table["community_code"].isin(chosen or community_codes)][
        "code"
    ].tolist()
    grids = []
    for code in qp.get_all("grid"):
        if code in allowed:
            grids.append(code)
        else:
            add_url_notice(t("url.bad_grid", value=code))
    st.session_state[K_GRIDS] = list(dict.fromkeys(grids))

    if months:
        start, end = months[0], months[-1]
        for key in ("from", "to"):
            value = qp.get(key)
            if value is None:
                continue
            if not is_month(value) or value not in months:
                add_url_notice(t("url.bad_month", key=key, value=value))
            elif key == "from":
                start = value
            else:
                end = value
        if start > end:
            add_url_notice(t("url.bad_order"))
            start, end = months[0], months[-1]
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
    if period and months and period != (months[0], months[-1]):
        desired["from"], desired["to"] = [period[0]], [period[1]]
    if st.session_state.get(K_LANG, "zh") != "zh":
        desired["lang"] = [st.session_state[K_LANG]]
    write_url_params(GLOBAL_KEYS, desired)


def write_url_params(keys: Iterable[str], desired: dict[str, list[str]]) -> None:
    """Make the URL hold exactly `desired` for `keys` (a key missing from desired is removed).

    Only changed keys are written: every write sends a message to the browser.
    """
    qp = st.query_params
    for key in keys:
        if key in desired:
            if qp.get_all(key) != desired[key]:
                qp[key] = desired[key] if len(desired[key]) > 1 else desired[key][0]
        elif key in qp:
            del qp[key]


def page_header(title: str, subtitle: str, f: Filters, period_text: str | None = None) -> None:
    """Title, then one caption line: what the page shows, the chosen area and the period."""
    st.title(title)
    period = period_text or t("common.period", start=f.start, end=f.end)
    st.caption(subtitle + "　" + t("common.area", area=area_label(f)) + "　" + period)


def _period_to_show(months: list[str]) -> tuple[str, str]:
    """The range slider's value: as the user left it, else the copy kept last run, else all months.

    After a page switch Streamlit hands a range select_slider's state back as its first month
    alone (seen with 1.67), so the period is also kept under a key of our own.
    """
    for candidate in (st.session_state.get(K_PERIOD), st.session_state.get(_PERIOD_KEPT)):
        if (
            isinstance(candidate, tuple | list)
            and len(candidate) == 2
            and candidate[0] in months
            and candidate[1] in months
            and candidate[0] <= candidate[1]
        ):
            return tuple(candidate)
    return months[0], months[-1]


def _reset(months: list[str]) -> None:
    st.session_state[K_COMMUNITIES] = []
    st.session_state[K_GRIDS] = []
    if months:
        st.session_state[K_PERIOD] = st.session_state[_PERIOD_KEPT] = (months[0], months[-1])
    _clear_notices()


def sidebar_filters(page_keys: Iterable[str] = ()) -> Filters:
    """Render the sidebar and return the Filters of this run (also kept for `current_filters`)."""
    communities = query(common.communities)
    grid_table = query(common.grids)
    span = query(common.data_period)
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
        on_change=_clear_notices,
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
        on_change=_clear_notices,
    )
    period: tuple[str, str] | None = None
    if len(months) >= 2:
        st.session_state[K_PERIOD] = _period_to_show(months)
        period = sb.select_slider(
            t("filters.period"),
            options=months,
            key=K_PERIOD,
            help=t("filters.period.help"),
            on_change=_clear_notices,
        )
    elif months:
        period = (months[0], months[0])
        sb.caption(t("common.period", start=months[0], end=months[0]))
    sb.button(t("filters.reset"), on_click=_reset, args=(months,), width="stretch")
    sb.caption(t("filters.share"))

    if period:
        st.session_state[_PERIOD_KEPT] = tuple(period)
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
    if _FILTERS not in st.session_state:
        _enter_through_app()
    return st.session_state.get(_FILTERS) or Filters()


def _enter_through_app() -> None:
    """Rerun through app.py when a page was started without it.

    Because our pages live in `pages/`, a freshly started server treats the app as a legacy
    multipage app until app.py has called st.navigation once: a link to /welfare opened first
    then runs pages/welfare.py alone, without the sidebar or the URL check (the same flag
    tests/app/conftest.py resets for AppTest). Switching the flag off and rerunning makes the
    run go through app.py, which opens the page the link asked for.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def area_label(f: Filters) -> str:
    """'老城社区、东部社区' / '全部社区', plus the number of grids when grids are chosen."""
    communities = query(common.communities, f)
    text = "、".join(communities["name"]) if f.communities else t("common.all_communities")
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
