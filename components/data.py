"""The app's door to data_access: one cached engine, and query results cached per data version.

Every write bumps `data_version`; app.py reads it once at the start of each script run
(`begin_run`) and every cached query of that run is keyed on it, so an import shows up on the next
rerun without anyone clearing caches, and a run costs one version SELECT, not one per query.
Cache keys hold the function's identity (`id`, with its name for readability): module-level
functions live as long as the process, so two functions with the same name never share results.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

import streamlit as st
from sqlalchemy import Engine

from data_access.db import data_state, make_engine
from data_access.seeding import ensure_ready

T = TypeVar("T")
_VERSION = "_data_version"
_UPDATED = "_data_updated_at"


@st.cache_resource(show_spinner=False)
def engine() -> Engine:
    """The shared engine; an empty database is given its schema and the sample county on first use."""
    eng = make_engine()
    ensure_ready(eng)
    return eng


def begin_run() -> None:
    """Read the data version (and when the data last changed) once for this script run."""
    with engine().connect() as conn:
        version, updated_at = data_state(conn)
    st.session_state[_VERSION] = version
    st.session_state[_UPDATED] = updated_at


def current_version() -> int:
    if _VERSION not in st.session_state:
        begin_run()
    return st.session_state[_VERSION]


def last_change() -> dt.datetime | None:
    """When the data last changed (an import, a seed), for the page header."""
    if _UPDATED not in st.session_state:
        begin_run()
    return st.session_state[_UPDATED]


@st.cache_data(show_spinner=False, max_entries=4096)
def _cached_call(
    _fn: Callable[..., T], fn_id: tuple[str, int], version: int, args: tuple, kwargs: tuple
) -> T:
    with engine().connect() as conn:
        return _fn(conn, *args, **dict(kwargs))


def fn_key(fn: Callable) -> tuple[str, int]:
    """A cache key part for a function: its name, readable, and its identity, so two functions
    of the same name never share results (module-level functions live as long as the process)."""
    return f"{fn.__module__}.{fn.__qualname__}", id(fn)


def query(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """fn(conn, *args, **kwargs), cached on (fn, args, data version). Arguments must be hashable values."""
    return _cached_call(fn, fn_key(fn), current_version(), args, tuple(sorted(kwargs.items())))
