"""The URL: notices about parameters that were ignored, and writing parameters back.

A notice names each ignored parameter, cut to a readable length, and the list is bounded, so a
link with a 5,000-character value or a parameter repeated 300 times still leaves the page usable.
"""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from components.i18n import lang, t
from data_access.text import join

_NOTICES = "_url_notices"
VALUE_CHARS = 40  # a value longer than this is cut
SHOWN_NOTICES = 5  # more than this: "… and N more"
# Values read per parameter, so a hostile link costs little (each bad value is checked and named
# in a notice). Streamlit itself drops a whole query string of more than 1,000 parameters.
MAX_VALUES = 500


# A link's parameter as the reader knows it: the label of the control it sets (the notice says
# "“查看指标”的值 …", not "metric=…"). A parameter missing here is named as written.
PARAM_LABELS = {
    "community": "filters.communities",
    "grid": "filters.grids",
    "from": "url.param.from",
    "to": "url.param.to",
    "lang": "filters.language",
    "present": "url.param.present",
    "metric": "overview.metric",
    "per1000": "overview.per_thousand",
    "sp_type": "sp.type",
    "sp_r": "sp.radius",
    "sp_add": "url.param.sp_add",
    "sp_close": "url.param.sp_close",
    "sp_k": "sp.suggest.k",
    "sp_w": "sp.suggest.measure",
    "sp_mode": "sp.mode",
    "sp_area": "url.param.sp_area",
    "standard": "wf.whatif.slider",
    "em_map": "em.map.measure",
    "em_counts": "url.param.em_counts",
    "em_target": "url.param.em_target",
    "em_youth": "url.param.em_youth",
    "fac_by": "fac.funding.by",
    "fac_plan": "fac.projects.plan_toggle",
    "fac_sec": "fac.sections",
    "wel_sec": "wf.sections",
    "vol": "cl.vol.measure",
    "disp_by": "cl.disp.by",
    "topic": "review.jump",
    "rank": "review.ranking.figure",
}


def param_words(key: str) -> str:
    """What a parameter sets, in the reader's words (its name as written when unknown)."""
    label_key = PARAM_LABELS.get(key)
    return t(label_key) if label_key else shorten(key)


def shorten(value: str, limit: int = VALUE_CHARS) -> str:
    value = str(value)
    return value if len(value) <= limit else value[: limit - 1] + "…"


def add_url_notice(item: str) -> None:
    """Record a URL parameter that was ignored (the text names it; values already shortened)."""
    notices = st.session_state.setdefault(_NOTICES, [])
    if item not in notices:
        notices.append(item)


def url_values(key: str) -> list[str]:
    """The URL's values of `key`, each once, at most MAX_VALUES (a notice says when cut)."""
    values = list(dict.fromkeys(st.query_params.get_all(key)))
    if len(values) > MAX_VALUES:
        add_url_notice(t("url.too_many", key=param_words(key), n=len(values), limit=MAX_VALUES))
        values = values[:MAX_VALUES]
    return values


def clear_notices() -> None:
    st.session_state[_NOTICES] = []


def notice_text(items: list[str]) -> str:
    shown = [shorten(i, VALUE_CHARS * 3) for i in items[:SHOWN_NOTICES]]
    if len(items) > SHOWN_NOTICES:
        shown.append(t("url.more", n=len(items) - SHOWN_NOTICES))
    return t("url.notice", items=t("url.notice_sep").join(shown))


def show_url_notices() -> None:
    notices = st.session_state.get(_NOTICES) or []
    if notices:
        st.warning(notice_text(notices), icon="⚠️")


def reason_text(reason: str, kwargs: dict) -> str:
    """A parser's reason in the reader's language (tuples become lists)."""
    filled = {k: join(list(v), lang()) if isinstance(v, tuple) else v for k, v in kwargs.items()}
    return t(reason, **filled)


def bad_value(key: str, value: str, reason: str) -> str:
    return t("url.bad_value", key=param_words(key), value=shorten(value), reason=reason)


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
