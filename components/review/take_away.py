"""What the staff take away from the review page: the deck (PPTX, PDF), the tables (XLSX), the
chart of the figure ranked on screen (PNG), and a link to this very view.

The files are made when a button is clicked, on a thread outside the script run (no session
state there: the language and the filters come in). Their names carry the area and the period.
"""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from components import data, page_state
from components.data import query
from components.i18n import lang, t
from components.registry import REVIEW
from components.review import deck as deck_model
from components.review import files
from components.review.images import chart_png
from components.review.pdf_export import deck_pdf
from components.review.pptx_export import deck_pptx
from data_access.filters import Filters
from data_access.review import summary as summary_model
from data_access.review.topics import TOPIC_KEYS, topic
from data_access.text import t as text_in

PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PERIOD_PARAMS = ("from", "to")  # the global filter's period in the URL


def _deck(f: Filters, language: str) -> deck_model.Deck:
    """Made when a download is clicked, on a thread outside the script run: no session state
    there, so the language comes in and the connection is opened here."""
    with data.engine().connect() as conn:
        return deck_model.build_deck(conn, f, language)


def chosen_figure(screen: str) -> str:
    """The figure the ranking of this topic shows (the one chosen, else the topic's lead)."""
    cards = topic(screen).cards
    chosen = page_state.state()["rank"]
    return chosen if chosen in cards else cards[0]


def _figure_png(f: Filters, language: str, screen: str, figure: str) -> bytes:
    with data.engine().connect() as conn:
        table = deck_model.ranking(conn, f, figure, language)
        scope = summary_model.scope_text(conn, f, language)
    title = text_in(f"review.topic.{screen}", language)  # outside the run: no session language
    return chart_png(files.figure_spec(table, figure, language, title, scope))


def exports(f: Filters, screen: str) -> None:
    """Download buttons: the deck (PPTX, PDF), the tables (XLSX), the chart of the figure
    ranked on screen (PNG). The files are made when clicked; their names carry the area and
    the period, so the county's and a community's half year never overwrite each other."""
    st.caption(t("review.exports.caption"))
    language = lang()  # read here: the files are made later, outside the script run
    area = query(summary_model.area_text, f, language)
    period = deck_model.period_text(f, language)

    def name(ext: str, base: str = t("review.file.deck")) -> str:
        return files.file_name(base, area, period, ext)

    cols = st.columns(2)
    cols[0].download_button(
        "PPTX",
        width="stretch",
        data=lambda: deck_pptx(_deck(f, language)),
        file_name=name("pptx"),
        mime=PPTX,
        icon=":material/slideshow:",
        key="review_dl_pptx",
        on_click="ignore",
    )
    cols[1].download_button(
        "PDF",
        width="stretch",
        data=lambda: deck_pdf(_deck(f, language)),
        file_name=name("pdf"),
        mime="application/pdf",
        icon=":material/picture_as_pdf:",
        key="review_dl_pdf",
        on_click="ignore",
    )
    cols[0].download_button(
        "XLSX",
        width="stretch",
        data=lambda: files.deck_xlsx(_deck(f, language)),
        file_name=name("xlsx"),
        mime=XLSX,
        icon=":material/table:",
        key="review_dl_xlsx",
        on_click="ignore",
    )
    if screen in TOPIC_KEYS:
        figure = chosen_figure(screen)
        base = f"{t(f'review.topic.{screen}')}-{t(f'metric.{figure}.label')}"
        cols[1].download_button(
            t("review.download.png"),
            width="stretch",
            data=lambda: _figure_png(f, language, screen, figure),
            file_name=name("png", base),
            mime="image/png",
            icon=":material/image:",
            key="review_dl_png",
            on_click="ignore",
        )


def share_url(f: Filters) -> str:
    """This view's address: the page, its filters and language, the review's own state, and the
    period pinned (`from`/`to` even where the default view left them out), so the link shows
    these months after new data arrives."""
    base = str(st.context.url or "").split("?")[0]
    own = set(REVIEW.param_names) | set(PERIOD_PARAMS)
    pairs = [(k, v) for k in st.query_params for v in st.query_params.get_all(k) if k not in own]
    pairs += [(k, v) for k, v in zip(PERIOD_PARAMS, (f.start, f.end), strict=True) if v]
    current = page_state.state()
    for param in REVIEW.params:
        pairs += [(param.name, v) for v in param.to_url(current.get(param.name, param.default))]
    query_text = urlencode(pairs)
    return base + ("?" + query_text if query_text else "")


def share(f: Filters) -> None:
    with st.popover(t("review.share"), icon=":material/share:", width="stretch"):
        st.caption(t("review.share.help"))
        st.code(share_url(f), language=None, wrap_lines=True)


def take_away(f: Filters, screen: str) -> None:
    """The downloads in a popover (they open beside the title, not below the fold)."""
    with st.popover(t("review.exports"), icon=":material/download:", width="stretch"):
        exports(f, screen)
