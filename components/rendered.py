"""Text and charts a section renders from cached data, kept per data version, arguments and
language.

`query` caches what the database answers; at 200 communities turning that into a page's HTML or
table (thousands of cells, each with its words in the reader's language) also took seconds, on
every rerun. `rendered(fn, *args)` runs `fn(*args)` once per (fn, args, language, data version);
`fn` may call `query` and `t`, never a widget. The cache is bounded.

`chart(make, *args)` does the same for an Altair chart: building it (every `.encode` and
`.configure_*` copies and validates the chart) and turning it into Vega-Lite (`to_dict`, checked
against the JSON schema) was over half of a warm rerun on every page with charts. The spec is kept
as Streamlit would send it (data as Arrow bytes), so the browser gets the same element.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import altair as alt
import streamlit as st
from streamlit.delta_generator import DeltaGenerator
from streamlit.elements.vega_charts import _convert_altair_to_vega_lite_spec

from components.chart_text import described
from components.data import current_version, fn_key
from components.i18n import lang

T = TypeVar("T")


def vega_lite_spec(chart: alt.TopLevelMixin) -> dict:
    """The Vega-Lite spec `st.altair_chart` sends for this chart, datasets as Arrow bytes.

    Streamlit's own conversion (a private function: tests/app/test_charts_cached.py fails when it
    changes, and requirements pin Streamlit's minor version), so a spec drawn with
    `st.vega_lite_chart` is the element `st.altair_chart` drew."""
    return _convert_altair_to_vega_lite_spec(chart)


@st.cache_data(show_spinner=False, max_entries=128)
def _rendered(
    _fn: Callable[..., T], fn_id: tuple[str, int], args: tuple, language: str, version: int
) -> T:
    return _fn(*args)


def rendered(fn: Callable[..., T], *args: Any) -> T:
    """fn(*args), cached on (fn, args, language, data version). Arguments must be hashable."""
    return _rendered(fn, fn_key(fn), args, lang(), current_version())


def rendered_or_note(fn: Callable[..., T | None], *args: Any, empty: str) -> T | None:
    """rendered(fn, *args); when that is None (nothing to show), the note `empty` instead."""
    made = rendered(fn, *args)
    if made is None:
        st.info(empty)
    return made


@st.cache_data(show_spinner=False, max_entries=256)
def _chart_spec(
    _make: Callable[..., alt.TopLevelMixin],
    fn_id: tuple[str, int],
    args: tuple,
    kwargs: tuple,
    language: str,
    version: int,
) -> dict:
    # Every chart a page draws says in words what it shows and its extremes (components/chart_text).
    return vega_lite_spec(described(_make(*args, **dict(kwargs)), language))


def chart(
    make: Callable[..., alt.TopLevelMixin],
    *args: Any,
    where: DeltaGenerator | None = None,
    key: str | None = None,
    **kwargs: Any,
) -> None:
    """Draw make(*args, **kwargs), an Altair chart, at full width in `where` (default: the page).

    The chart is built once per (make, arguments, language, data version): `make` must be a
    module-level function whose chart depends on nothing but its arguments, the language and
    the data (frames, numbers and text as arguments are fine; a widget is not)."""
    kw = tuple(sorted(kwargs.items()))
    spec = _chart_spec(make, fn_key(make), args, kw, lang(), current_version())
    (st if where is None else where).vega_lite_chart(spec=spec, width="stretch", key=key)
