"""The app's door to data_access: one cached engine, and query results cached per data version.

Every write bumps `data_version`, and the version is part of each cache key, so an import shows
up on the next rerun without anyone clearing caches.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import streamlit as st
from sqlalchemy import Engine

from data_access.db import data_version, make_engine
from data_access.seeding import ensure_ready

T = TypeVar("T")


@st.cache_resource(show_spinner=False)
def engine() -> Engine:
    """The shared engine; an empty database is given its schema and the sample county on first use."""
    eng = make_engine()
    ensure_ready(eng)
    return eng


def current_version() -> int:
    with engine().connect() as conn:
        return data_version(conn)


@st.cache_data(show_spinner=False, max_entries=2048)
def _cached_call(_fn: Callable[..., T], fn_key: str, version: int, args: tuple, kwargs: tuple) -> T:
    with engine().connect() as conn:
        return _fn(conn, *args, **dict(kwargs))


def query(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """fn(conn, *args, **kwargs), cached on (fn, args, data version). Arguments must be hashable values."""
    key = f"{fn.__module__}.{fn.__qualname__}"
    return _cached_call(fn, key, current_version(), args, tuple(sorted(kwargs.items())))
