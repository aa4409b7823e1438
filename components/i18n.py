"""The session's language, read in one place, and text and figures in it.

`t`, `label` and `fig` are the Streamlit-free `data_access.text` functions with the session's
language filled in; everything else about words and numbers lives there.
"""

from __future__ import annotations

import streamlit as st

from data_access import vocab
from data_access.text import LANG_NAMES, LANGS, numbers, organisation
from data_access.text import t as text_in

__all__ = ["LANGS", "LANG_NAMES", "fig", "label", "lang", "number", "org", "t"]
SESSION_KEY = "lang"


def lang() -> str:
    """'zh' or 'en': the one place the session's language is read."""
    value = st.session_state.get(SESSION_KEY)
    return value if value in LANGS else "zh"


def t(key: str, /, **kwargs: object) -> str:
    return text_in(key, lang(), **kwargs)


def label(vocabulary: str, code: str) -> str:
    return vocab.label(vocabulary, code, lang())


def fig(value: float | None, unit: str, **options) -> str:
    """A figure in the session's language (see data_access.text.numbers.figure)."""
    return numbers.figure(value, unit, lang(), **options)


def number(value: float | None, digits: int = 0) -> str:
    return numbers.plain(value, digits)


def org(name: str | None) -> str:
    """A government body named in the data, in the session's language (see text.organisation)."""
    return organisation(name, lang())
