"""User-facing text without Streamlit: `t(key, lang)` for words, `data_access.text.numbers` for figures.

Strings live in `data_access/text/locale/<area>.py` as STRINGS = {key: (简体中文, English)}; every
module there is loaded and a key defined twice is an error, so areas add strings without touching
each other's files. Pages, exports, the command line and drafted summaries all use `t`, so a
figure's label reads the same on screen, in a deck and in a summary.

A missing key is a bug. In production it is logged and the key itself is shown (a page must not
die for a label); with DASHBOARD_STRICT_TEXT=1 (the tests set it) it raises `MissingText`.
"""

from __future__ import annotations

import importlib
import logging
import os
import pkgutil

from data_access.text import locale

# Re-exported (the language switch names each language by it); it lives with the strings.
from data_access.text.locale.languages import LANG_NAMES as LANG_NAMES

LANGS: tuple[str, ...] = ("zh", "en")
DEFAULT_LANG = "zh"
log = logging.getLogger(__name__)


class MissingText(KeyError):
    """A text key that no locale module defines."""


def _load_strings() -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for info in sorted(pkgutil.iter_modules(locale.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{locale.__name__}.{info.name}")
        for key, pair in getattr(module, "STRINGS", {}).items():
            if key in merged:
                raise KeyError(f"text key {key!r} defined twice (again in locale/{info.name}.py)")
            merged[key] = pair
    return merged


STRINGS: dict[str, tuple[str, str]] = _load_strings()


def strict() -> bool:
    return os.environ.get("DASHBOARD_STRICT_TEXT", "") == "1"


def has(key: str) -> bool:
    return key in STRINGS


def t(key: str, lang: str = DEFAULT_LANG, /, **kwargs: object) -> str:
    """The string for `key` in `lang` ('zh' or 'en'), formatted with kwargs."""
    pair = STRINGS.get(key)
    if pair is None:
        if strict():
            raise MissingText(key)
        log.error("missing text key %r", key)
        return key
    text = pair[1] if lang == "en" else pair[0]
    return text.format(**kwargs) if kwargs else text


def join(items: list[str], lang: str = DEFAULT_LANG) -> str:
    """A list as prose: '老城社区、东部社区' / 'Old town, East'."""
    return t("common.list_sep", lang).join(items)


def organisation(name: str | None, lang: str = DEFAULT_LANG) -> str:
    """A government body as the reader reads it: in English its English name where known
    (locale/organisations.py), else the name as recorded; in Chinese as recorded."""
    from data_access.text.locale.organisations import ORGANISATIONS

    if not name:
        return name or ""
    return ORGANISATIONS.get(name.strip(), name) if lang == "en" else name
