"""Text a section renders from cached data, kept per data version, arguments and language.

`query` caches what the database answers; at 200 communities turning that into a page's HTML or
table (thousands of cells, each with its words in the reader's language) also took seconds, on
every rerun. `rendered(fn, *args)` runs `fn(*args)` once per (fn, args, language, data version);
`fn` may call `query` and `t`, never a widget. The cache is bounded.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import streamlit as st

from components.data import current_version
from components.i18n import lang

T = TypeVar("T")


@st.cache_data(show_spinner=False, max_entries=128)
def _rendered(
    _fn: Callable[..., T], fn_id: tuple[str, int], args: tuple, language: str, version: int
) -> T:
    return _fn(*args)


def rendered(fn: Callable[..., T], *args: Any) -> T:
    """fn(*args), cached on (fn, args, language, data version). Arguments must be hashable."""
    fn_id = (f"{fn.__module__}.{fn.__qualname__}", id(fn))
    return _rendered(fn, fn_id, args, lang(), current_version())


def rendered_or_note(fn: Callable[..., T | None], *args: Any, empty: str) -> T | None:
    """rendered(fn, *args); when that is None (nothing to show), the note `empty` instead."""
    made = rendered(fn, *args)
    if made is None:
        st.info(empty)
    return made
