"""The review page's widgets: presentation mode, the topic navigation with keyboard shortcuts, a
topic's cards and ranking, the drafted summary, the exports and "share this view"."""

from __future__ import annotations

import html
from urllib.parse import urlencode

import streamlit as st

from components import data, kpi, page_state, presentation
from components.data import query
from components.i18n import lang, t
from components.registry import REVIEW
from components.review import deck as deck_model
from components.review import files
from components.review.images import chart_png
from components.review.pdf_export import deck_pdf
from components.review.pptx_export import deck_pptx
from data_access import metrics
from data_access.filters import Filters
from data_access.review import summary as summary_model
from data_access.review.topics import TOPIC_KEYS, topic

SCREENS: tuple[str, ...] = (*TOPIC_KEYS, "summary")  # the summary closes the meeting
NEXT_KEY, PREVIOUS_KEY = "Right", "Left"  # arrow keys; a presenter's clicker sends PageDown too
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

SUMMARY_CSS = """
<style>
.review-summary h2 { font-size: clamp(1.4rem, 1.9vw, 2.2rem); margin: 0.6rem 0 0.4rem; }
.review-summary h3 { font-size: clamp(1.15rem, 1.5vw, 1.8rem); margin: 1rem 0 0.2rem; }
.review-summary p { font-size: clamp(1.05rem, 1.3vw, 1.6rem); line-height: 1.75; margin: 0; }
</style>
"""


def current_screen() -> str:
    return page_state.state()["topic"]


def _go(step: int) -> None:
    i = SCREENS.index(current_screen())
    page_state.update(topic=SCREENS[(i + step) % len(SCREENS)])


def screen_title(screen: str) -> str:
    return t("review.summary_screen") if screen == "summary" else t(f"review.topic.{screen}")


def navigation() -> str:
    """Previous / the screen's place / next (arrow keys), and the presentation switch."""
    screen = current_screen()
    prev_col, where, next_col, mode = st.columns([2, 3, 2, 3], vertical_alignment="center")
    prev_col.button(
        t("review.previous"),
        icon=":material/arrow_back:",
        shortcut=PREVIOUS_KEY,
        on_click=_go,
        args=(-1,),
        key="review_prev",
        width="stretch",
    )
    where.markdown(
        t("review.position", n=SCREENS.index(screen) + 1, total=len(SCREENS))
        + " · "
        + screen_title(screen)
    )
    next_col.button(
        t("review.next"),
        icon=":material/arrow_forward:",
        icon_position="right",
        shortcut=NEXT_KEY,
        on_click=_go,
        args=(1,),
        key="review_next",
        type="primary",
        width="stretch",
    )
    st.session_state["review_present"] = presentation.active(default=True)
    mode.toggle(
        t("review.present"),
        help=t("review.present.help"),
        key="review_present",
        on_change=lambda: presentation.choose(st.session_state["review_present"]),
    )
    return screen


def jump() -> None:
    """Go straight to a screen (under the content, for the presenter)."""
    st.selectbox(
        t("review.jump"),
        SCREENS,
        format_func=screen_title,
        **page_state.bound("topic"),
    )


def topic_cards(key: str, f: Filters) -> None:
    snaps = [kpi.snapshot(k, f) for k in topic(key).cards]
    kpi.card_grid(snaps, columns=4)


def ranking(key: str, f: Filters) -> None:
    """The communities ranked by a figure of the topic, each in its status colour."""
    cards = topic(key).cards
    st.subheader(t("review.ranking"))
    chosen = chosen_figure(key)
    figure = st.selectbox(
        t("review.ranking.figure"),
        cards,
        index=cards.index(chosen),
        format_func=lambda k: t(f"metric.{k}.label"),
        key=f"review_rank_{key}",
        on_change=lambda: page_state.update(rank=st.session_state[f"review_rank_{key}"]),
    )
    table = query(deck_model.ranking, f, figure, lang())
    if table.empty or table["value"].isna().all():
        st.info(t("common.no_data"))
        return
    label = t(f"metric.{figure}.label")
    left, right = st.columns([2, 3])
    left.dataframe(
        table[["rank", "name", "shown", "status_word"]],
        column_config={
            "rank": st.column_config.NumberColumn(t("review.col.rank"), width="small"),
            "name": st.column_config.TextColumn(t("review.col.community")),
            "shown": st.column_config.TextColumn(label, help=t(f"metric.{figure}.help")),
            "status_word": st.column_config.TextColumn(t("review.col.status")),
        },
        hide_index=True,
    )
    spec = deck_model.ranking_chart(table, figure, lang())
    right.vega_lite_chart(spec, width="stretch")
    if f.grids:
        st.caption(t("review.ranking.no_status_grid"))


def summary(f: Filters) -> None:
    s = query(summary_model.draft, f, lang())
    st.caption(s.scope)
    if not s.paragraphs:
        st.info(t("common.no_data"))
    esc = html.escape
    body = "".join(f"<h3>{esc(p.heading)}</h3><p>{esc(p.text)}</p>" for p in s.paragraphs)
    st.html(SUMMARY_CSS + f'<div class="review-summary"><h2>{esc(s.title)}</h2>{body}</div>')
    st.download_button(
        t("review.download.docx"),
        data=files.summary_docx(s),
        file_name=files.file_name(
            t("review.file.summary"),
            query(summary_model.area_text, f, lang()),
            deck_model.period_text(f, lang()),
            "docx",
        ),
        mime=DOCX,
        icon=":material/description:",
        key="review_dl_docx",
        on_click="ignore",
    )


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
    title = t(f"review.topic.{screen}", language)
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

    cols = st.columns(4)
    cols[0].download_button(
        "PPTX",
        data=lambda: deck_pptx(_deck(f, language)),
        file_name=name("pptx"),
        mime=PPTX,
        icon=":material/slideshow:",
        key="review_dl_pptx",
        on_click="ignore",
    )
    cols[1].download_button(
        "PDF",
        data=lambda: deck_pdf(_deck(f, language)),
        file_name=name("pdf"),
        mime="application/pdf",
        icon=":material/picture_as_pdf:",
        key="review_dl_pdf",
        on_click="ignore",
    )
    cols[2].download_button(
        "XLSX",
        data=lambda: files.deck_xlsx(_deck(f, language)),
        file_name=name("xlsx"),
        mime=XLSX,
        icon=":material/table:",
        key="review_dl_xlsx",
        on_click="ignore",
    )
    if screen in TOPIC_KEYS:
        figure = chosen_figure(screen)
        base = f"{screen_title(screen)}-{t(f'metric.{figure}.label')}"
        cols[3].download_button(
            t("review.download.png"),
            data=lambda: _figure_png(f, language, screen, figure),
            file_name=name("png", base),
            mime="image/png",
            icon=":material/image:",
            key="review_dl_png",
            on_click="ignore",
        )


def share_url() -> str:
    """This view's address: the page, its filters and language, and the review's own state."""
    base = str(st.context.url or "").split("?")[0]
    own = set(REVIEW.param_names)
    pairs = [(k, v) for k in st.query_params for v in st.query_params.get_all(k) if k not in own]
    current = page_state.state()
    for param in REVIEW.params:
        pairs += [(param.name, v) for v in param.to_url(current.get(param.name, param.default))]
    query_text = urlencode(pairs)
    return base + ("?" + query_text if query_text else "")


def share() -> None:
    with st.popover(t("review.share"), icon=":material/share:"):
        st.caption(t("review.share.help"))
        st.code(share_url(), language=None, wrap_lines=True)


def topic_table(key: str, f: Filters) -> None:
    """The topic's communities × figures, as the XLSX sheet of this topic holds them."""
    table = query(deck_model.topic_table, f, topic(key), lang())
    with st.expander(t("review.table"), expanded=False):
        if table.empty:
            st.info(t("common.no_data"))
            return
        config = {
            column: st.column_config.NumberColumn(
                column, format="percent" if _is_share(k) else "localized"
            )
            for column, k in zip(table.columns[1:], topic(key).cards, strict=True)
        }
        st.dataframe(table, column_config=config, hide_index=True)


def _is_share(key: str) -> bool:
    from data_access.text import numbers

    return numbers.unit(metrics.get(key).unit).kind == "share"
