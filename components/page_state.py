"""Each page's own state (the scenario, the chosen metric ...), kept in the session and the URL.

The parameters a page declares in the registry are read from the URL on the page's first run in a
session, each through its parser (a bad value is dropped with a notice), and kept under a session
key of their own — not in widget state, which Streamlit forgets when the page is left — so a
scenario survives a page switch. After the page has run, app.py writes the state back to the URL,
defaults left out. Widgets are keyed separately and copy their value in with `update`.
"""

from __future__ import annotations

import streamlit as st

from components.registry import PAGES, BadValue, PageSpec, by_path
from components.url import (
    add_url_notice,
    bad_value,
    reason_text,
    url_values,
    write_url_params,
)

_CURRENT = "_page_current"


def _key(spec: PageSpec) -> str:
    return f"_page_state:{spec.url_path or 'overview'}"


def enter(spec: PageSpec) -> None:
    """Called by app.py before the page runs: remember which page runs, load its state once."""
    st.session_state[_CURRENT] = spec.url_path
    if _key(spec) in st.session_state:
        return
    state = dict(spec.defaults)
    for param in spec.params:
        values = url_values(param.name)
        if not values:
            continue
        parsed = []
        for raw in values if param.multiple else values[-1:]:
            try:
                parsed.append(param.parse(raw))
            except BadValue as err:
                add_url_notice(bad_value(param.name, raw, reason_text(err.reason, err.kwargs)))
        if param.multiple:
            state[param.name] = tuple(dict.fromkeys(parsed))
        elif parsed:
            state[param.name] = parsed[0]
    st.session_state[_key(spec)] = state


def current_spec() -> PageSpec:
    spec = by_path(st.session_state.get(_CURRENT, ""))
    assert spec is not None
    return spec


def state() -> dict:
    """The running page's state (a copy: change it with `update`)."""
    spec = current_spec()
    if _key(spec) not in st.session_state:
        enter(spec)
    return dict(st.session_state[_key(spec)])


def update(**changes: object) -> None:
    spec = current_spec()
    unknown = set(changes) - set(spec.param_names)
    if unknown:
        raise KeyError(f"page {spec.url_path!r} declares no parameter {sorted(unknown)}")
    st.session_state[_key(spec)] = {**state(), **changes}


def write_url(spec: PageSpec) -> None:
    """Put the page's state in the URL, and only this page's: another page's parameters (kept
    by the browser across a page switch) leave it. Defaults are left out so links stay short."""
    current = st.session_state.get(_key(spec), spec.defaults)
    desired = {}
    for param in spec.params:
        text = param.to_url(current.get(param.name, param.default))
        if text:
            desired[param.name] = text
    every_page = {name for other in PAGES for name in other.param_names}
    write_url_params(every_page, desired)


def bound(param: str, key: str | None = None, to_widget=None, from_widget=None) -> dict:
    """Keyword arguments for a widget that edits `param` of the page state.

    The widget gets the state's value before it is drawn and copies its own back when changed,
    so the state (not the widget, which Streamlit forgets on a page switch) stays the truth.
    """
    key = key or f"pw_{param}"
    value = state()[param]
    st.session_state[key] = to_widget(value) if to_widget else value

    def copy_back() -> None:
        raw = st.session_state[key]
        update(**{param: from_widget(raw) if from_widget else raw})

    return {"key": key, "on_change": copy_back}
