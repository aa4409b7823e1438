"""User-facing text in 简体中文 (default) and English (`?lang=en` or the sidebar switch).

Strings live in `components/locale/<area>.py` as STRINGS = {key: (zh, en)}; every module there
is loaded, and a key defined twice is an error, so pages can add strings without touching
each other's files. Domain codes (service types, categories...) get their labels from
`data_access.vocab`, shared with imports and exports.
"""

from __future__ import annotations

import importlib
import pkgutil

import streamlit as st

from components import locale
from data_access import vocab

LANGS = ("zh", "en")
LANG_NAMES = {"zh": "中文", "en": "English"}


def _load_strings() -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for info in sorted(pkgutil.iter_modules(locale.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{locale.__name__}.{info.name}")
        for key, pair in getattr(module, "STRINGS", {}).items():
            if key in merged:
                raise KeyError(f"i18n key {key!r} defined twice (again in locale/{info.name}.py)")
            merged[key] = pair
    return merged


STRINGS = _load_strings()


def lang() -> str:
    value = st.session_state.get("lang")
    return value if value in LANGS else "zh"


def t(key: str, /, **kwargs: object) -> str:
    """The string for `key` in the current language, formatted with kwargs."""
    pair = STRINGS.get(key)
    if pair is None:
        return key  # visible in screenshots and caught by the i18n test, never a crash
    text = pair[1] if lang() == "en" else pair[0]
    return text.format(**kwargs) if kwargs else text


def label(vocabulary: str, code: str) -> str:
    return vocab.label(vocabulary, code, lang())


def number(value: float | None, digits: int = 0) -> str:
    if value is None:
        return "—"
    return f"{value:,.{digits}f}"
