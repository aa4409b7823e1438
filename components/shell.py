"""What every page shares around its content: navigation, the header with the data's freshness,
notices, the not-found page and the stylesheet that keeps figures whole on a projector."""

from __future__ import annotations

import html

import streamlit as st

from components.data import last_change, query
from components.filters import area_label
from components.i18n import t
from components.registry import PAGES, PageSpec
from components.url import shorten
from data_access import metrics
from data_access.filters import Filters

NOT_FOUND_PARAM = "notfound"  # set by the launcher (app.py) when it redirects an unknown path
_MISSING = "_not_found_path"

# Figures and labels wrap instead of being cut with "…"; the status bar under a card.
CSS = """
<style>
[data-testid="stMetricValue"] > div, [data-testid="stMetricLabel"] div,
[data-testid="stMetricLabel"] p {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
  overflow-wrap: anywhere;
}
[data-testid="stMetricValue"] { font-size: clamp(1.45rem, 2.1vw, 2.25rem); line-height: 1.2;
  max-width: 100%; }
/* Two cards a row on a phone: "11.8 m²/100 hh" ran 7 px past its card at the desktop minimum. */
@media (max-width: 480px) { [data-testid="stMetricValue"] { font-size: 1.3rem; } }
[data-testid="stMetricLabel"] { height: auto !important; min-height: 1.5rem; }
[data-testid="stMetricDelta"] > div { white-space: normal !important; }
/* A narrow card (two a row on a phone): the change's label goes under it, whole. */
div:has(> [data-testid="stMetricDeltaDescription"]) { flex-wrap: wrap; row-gap: 0.15rem; }
[data-testid="stMetricDeltaDescription"] div, [data-testid="stMetricDeltaDescription"] p {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
}
[data-testid="stMainBlockContainer"] { padding-top: 2.5rem; }
.kpi-status { font-weight: 600; font-size: 0.9rem; margin-top: 0.1rem; }
.kpi-bar { position: relative; height: 8px; background: #E5E7EB; border-radius: 4px;
  margin: 0.25rem 0 0.1rem; }
.kpi-fill { height: 100%; border-radius: 4px; }
.kpi-tick { position: absolute; top: -3px; width: 2px; height: 14px; background: #1F2937; }
/* Captions, help text and a card's change label read at WCAG AA (4.5:1) on white and on the sidebar:
   Streamlit's own grey (text at 60% opacity: #828180, 3.9:1) is too faint on a projector. */
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p,
[data-testid="stMetricDeltaDescription"] p { color: #55534F !important; opacity: 1 !important; }
/* Sections are h2 (after the page's h1, in order for a screen reader) at a subheader's size. */
[data-testid="stMain"] h2 { font-size: 1.5rem; }
/* A keyboard user sees where the focus is: Streamlit draws none on links (the page list) and only
   a faint one on some buttons. */
a:focus-visible, button:focus-visible, summary:focus-visible, [role="tab"]:focus-visible {
  outline: 3px solid #1D4ED8 !important; outline-offset: 2px;
}
/* The app's name atop the sidebar: large, but not a heading (the page's h1 comes first). */
.app-name { font-size: 1.25rem; font-weight: 700; margin: 0; }
</style>
"""


def stylesheet() -> None:
    st.html(CSS)


def navigation(pages: dict[str, st.Page]) -> None:
    """The page list at the top of the sidebar (Streamlit's own is hidden: see app.py)."""
    st.sidebar.html(f'<p class="app-name">{html.escape(t("app.title"))}</p>')
    for spec in PAGES:
        st.sidebar.page_link(pages[spec.url_path], label=t(spec.title_key), icon=spec.icon)
    st.sidebar.divider()


def page_header(title: str, subtitle: str, f: Filters, period_text: str | None = None) -> None:
    """Title; what the page shows, the area and the period; how fresh the data is."""
    st.title(title)
    period = period_text or t("common.period", start=f.start, end=f.end)
    sep = t("common.caption_sep")
    st.caption(subtitle + sep + t("common.area", area=area_label(f)) + sep + period)
    span = query(metrics.data_period)
    changed = last_change()
    st.caption(
        t(
            "common.data_as_of",
            month=span[1] if span else "—",
            changed=changed.strftime("%Y-%m-%d %H:%M") if changed else "—",
        )
    )


def _leave_not_found() -> None:
    st.session_state.pop(_MISSING, None)


def not_found() -> bool:
    """Say that a link led nowhere (the launcher sent it here), with a way back to 总览.

    The parameter leaves the URL at once, so the address bar shows the overview's address and a
    reload or the button opens the overview itself.
    """
    if NOT_FOUND_PARAM in st.query_params:
        st.session_state[_MISSING] = st.query_params[NOT_FOUND_PARAM]
        del st.query_params[NOT_FOUND_PARAM]
    missing = st.session_state.get(_MISSING)
    if missing is None:
        return False
    st.title(t("notfound.title"))
    st.warning(t("notfound.text", path=shorten(missing, 80)), icon=":material/explore_off:")
    st.button(
        t("notfound.back"), icon=":material/dashboard:", on_click=_leave_not_found, type="primary"
    )
    return True


def spec_of(pages: dict[str, st.Page], page: st.Page) -> PageSpec:
    return next(s for s in PAGES if pages[s.url_path] is page)
