"""The review page's widgets: presentation mode, the topic navigation with keyboard shortcuts, a
topic's cards and ranking, the drafted summary, the exports and "share this view"."""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from components import kpi, page_state, presentation
from components.data import last_change, query
from components.i18n import lang, t
from components.review import deck as deck_model
from components.review import files
from components.review.take_away import chosen_figure, share, take_away
from components.tables import data_table
from data_access import metrics
from data_access.filters import Filters
from data_access.review import summary as summary_model
from data_access.review.topics import TOPIC_KEYS, topic

SCREENS: tuple[str, ...] = (*TOPIC_KEYS, "summary")  # the summary closes the meeting
TITLE_FITS = 30  # half-width characters of a title at full size in its column at 1280 px
NEXT_KEY, PREVIOUS_KEY = "Right", "Left"  # arrow keys; a presenter's clicker sends PageDown too
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

SUMMARY_CSS = """
<style>
.review-summary h2 { font-size: clamp(1.4rem, 1.9vw, 2.2rem); margin: 0.6rem 0 0.4rem; }
.review-summary h3 { font-size: clamp(1.15rem, 1.5vw, 1.8rem); margin: 1rem 0 0.2rem; }
.review-summary p { font-size: clamp(1.05rem, 1.3vw, 1.6rem); line-height: 1.75; margin: 0; }
</style>
"""
# Presenting, the draft is one 1280×720 screen: two columns, each heading run into its
# paragraph (a line saved per topic), the scope only in the footer line.
SUMMARY_SCREEN_CSS = """
<style>
.review-summary.present h2 { font-size: clamp(1.25rem, 1.6vw, 2rem); margin: 0 0 0.3rem; }
.review-summary.present .review-summary-body { column-count: 2; column-gap: 2.2rem; }
.review-summary.present p { font-size: clamp(0.92rem, 1.15vw, 1.45rem); line-height: 1.55;
  margin: 0 0 0.45rem; break-inside: avoid-column; }
.review-summary.present p b { font-weight: 700; }
</style>
"""

# Presentation mode on this page: one topic = one 1280×720 screen. The title, the controls and
# the footer line take ~170 px; the cards (three across, tight) and the ranking share the rest.
SCREEN_CSS = """
<style>
[data-testid="stMainBlockContainer"] { padding: 0.6rem 1.6rem 0.4rem !important; }
[data-testid="stMainBlockContainer"] h1 { font-size: clamp(1.6rem, 2.2vw, 2.8rem) !important;
  padding: 0 !important; }
[data-testid="stMainBlockContainer"] [data-testid="stVerticalBlock"] { gap: 0.45rem; }
.st-key-review_cards [data-testid="stMetricValue"] {
  font-size: clamp(1.5rem, 2.1vw, 2.8rem) !important; }
.st-key-review_cards [data-testid="stMetricLabel"] p {
  font-size: clamp(0.95rem, 1.15vw, 1.4rem) !important; }
.st-key-review_cards .kpi-bar { margin-bottom: 0.55rem; }
.st-key-review_cards [data-testid="stMetricDeltaDescription"] p { white-space: normal;
  overflow: visible; text-overflow: clip; }
.st-key-review_cards [data-testid="stCaptionContainer"],
.st-key-review_cards .kpi-status { font-size: clamp(0.78rem, 0.9vw, 1.1rem) !important; }
.st-key-review_rank [data-testid="stCaptionContainer"] { font-size: clamp(0.85rem, 1vw, 1.2rem); }
.st-key-review_footer p { font-size: clamp(0.8rem, 0.9vw, 1.1rem) !important; margin: 0; }
</style>
"""


def _title_css(title: str) -> str:
    """Presenting, the title stays on one line beside share and downloads: a long one (English
    "Volunteering and community life") is set smaller, as the slides' titles are."""
    width = sum(2 if ord(ch) > 0x2E80 else 1 for ch in title)  # in half-width characters
    scale = min(1.0, TITLE_FITS / width)
    return (
        '<style>[data-testid="stMainBlockContainer"] h1 { font-size: '
        f"clamp(1.1rem, {2.2 * scale:.2f}vw, {2.8 * scale:.2f}rem) !important; }}</style>"
    )


def current_screen() -> str:
    return page_state.state()["topic"]


def _go(step: int) -> None:
    i = SCREENS.index(current_screen())
    page_state.update(topic=SCREENS[(i + step) % len(SCREENS)])


def screen_title(screen: str) -> str:
    return t("review.summary_screen") if screen == "summary" else t(f"review.topic.{screen}")


def presenting() -> bool:
    return presentation.active(default=presentation.default_for(review=True))


def header(f: Filters, screen: str) -> None:
    """The title beside share, downloads and the presentation switch (near the top, where a
    presenter looks); the description and the data date go to the footer line."""
    if presenting():
        st.html(SCREEN_CSS)
    title_col, share_col, files_col, mode = st.columns(
        [5, 2, 2, 3], vertical_alignment="center", gap="small"
    )
    title = t("review.title") + " · " + screen_title(screen)
    if presenting():
        st.html(_title_css(title))
    title_col.title(title)
    with share_col:
        share(f)
    with files_col:
        take_away(f, screen)
    st.session_state["review_present"] = presenting()
    mode.toggle(
        t("review.present"),
        help=t("review.present.help"),
        key="review_present",
        on_change=lambda: presentation.choose(st.session_state["review_present"]),
    )


def navigation() -> str:
    """Previous / the screen's place and a jump to any screen / next (arrow keys). The buttons
    carry no arrow icon: Streamlit writes the shortcut's arrow beside the label already."""
    screen = current_screen()
    prev_col, where, jump_col, next_col = st.columns(
        [2, 1, 3, 2], vertical_alignment="center", gap="small"
    )
    prev_col.button(
        t("review.previous"),
        shortcut=PREVIOUS_KEY,
        on_click=_go,
        args=(-1,),
        key="review_prev",
        width="stretch",
    )
    where.markdown(t("review.position", n=SCREENS.index(screen) + 1, total=len(SCREENS)))
    with jump_col:
        jump()
    next_col.button(
        t("review.next"),
        shortcut=NEXT_KEY,
        on_click=_go,
        args=(1,),
        key="review_next",
        type="primary",
        width="stretch",
    )
    return screen


def jump() -> None:
    """Go straight to a screen."""
    st.selectbox(
        t("review.jump"),
        SCREENS,
        format_func=screen_title,
        label_visibility="collapsed",
        **page_state.bound("topic"),
    )


def topic_screen(key: str, f: Filters) -> None:
    """A topic's cards and its ranking side by side (presenting: one screen), else stacked
    with the table of every figure under them."""
    if presenting():
        many = len(topic(key).cards) > 6  # eight cards: four across, two rows
        cards_col, rank_col = st.columns([5, 2] if many else [3, 2], gap="medium")
        with cards_col:
            topic_cards(key, f, columns=4 if many else 3)
        with rank_col:
            ranking(key, f)
        return
    topic_cards(key, f)
    ranking(key, f)
    topic_table(key, f)


def footer(f: Filters) -> None:
    """One line: what the page is for, the area, period and data date, when it last changed."""
    changed = last_change()
    line = t("common.caption_sep").join(
        [
            t("review.subtitle"),
            query(summary_model.scope_text, f, lang()),
            t("review.changed", changed=changed.strftime("%Y-%m-%d %H:%M") if changed else "—"),
        ]
    )
    with st.container(key="review_footer"):
        st.caption(line)


def topic_cards(key: str, f: Filters, columns: int = 4) -> None:
    snaps = [kpi.snapshot(k, f) for k in topic(key).cards]
    with st.container(key="review_cards"):
        kpi.card_grid(snaps, columns=columns, min_column_width=150 if presenting() else None)


SCREEN_CHART_MOST = 6  # presenting: the best three and the last three fit beside the cards


def ranking(key: str, f: Filters) -> None:
    """The communities ranked by a figure of the topic, each in its status colour, the chart
    saying which end is better. Presenting: chart over a short table, beside the cards."""
    cards = topic(key).cards
    compact = presenting()
    box = st.container(key="review_rank")
    if not compact:
        box.header(t("review.ranking"))
    chosen = chosen_figure(key)
    figure = box.selectbox(
        t("review.ranking.figure"),
        cards,
        index=cards.index(chosen),
        format_func=lambda k: t(f"metric.{k}.label"),
        key=f"review_rank_{key}",
        on_change=lambda: page_state.update(rank=st.session_state[f"review_rank_{key}"]),
    )
    table = query(deck_model.ranking, f, figure, lang())
    if table.empty or table["value"].isna().all():
        box.info(t("common.no_data"))
        return
    label = t(f"metric.{figure}.label")
    if compact:
        box.vega_lite_chart(_chart_spec(table, figure, lang(), compact), width="stretch")
        table_box = box
    else:
        table_box, chart_box = st.columns([2, 3])
        chart_box.vega_lite_chart(_chart_spec(table, figure, lang(), compact), width="stretch")
    shown_columns = (
        ["name", "shown", "status_word"] if compact else ["rank", "name", "shown", "status_word"]
    )
    data_table(
        table[shown_columns],
        where=table_box,
        keep=2 if "rank" in shown_columns else 1,
        column_config={
            "rank": st.column_config.NumberColumn(t("review.col.rank"), width="small"),
            "name": st.column_config.TextColumn(t("review.col.community")),
            "shown": st.column_config.TextColumn(label, help=t(f"metric.{figure}.help")),
            "status_word": st.column_config.TextColumn(t("review.col.status")),
        },
        # many communities: the chart is taller (both ends drawn), the scrolling table shorter
        height=min(36 * (len(table) + 1) + 3, 220 if len(table) <= 3 else 184)
        if compact
        else "auto",
    )
    if f.grids:
        box.caption(t("review.ranking.no_status_grid"))


@st.cache_data(show_spinner=False, max_entries=512)
def _chart_spec(table: pd.DataFrame, figure: str, language: str, compact: bool) -> dict:
    """The ranking chart's spec, built once per ranking table (Altair's build and schema check
    took ~40 ms of every screen turn, for the same few specs over and over)."""
    if compact:
        return deck_model.ranking_chart(
            table, figure, language, font=14, bar_height=70, most=SCREEN_CHART_MOST
        )
    return deck_model.ranking_chart(table, figure, language)


def summary(f: Filters) -> None:
    s = query(summary_model.draft, f, lang())
    present = presenting()
    if not present:  # presenting, the footer line says it
        st.caption(s.scope)
    if not s.paragraphs:
        st.info(t("common.no_data"))
    esc = html.escape
    if present:
        body = f"<p>{esc(s.opening)}</p>" + "".join(
            f"<p><b>{esc(s.heading(i))}</b>{t('review.summary.run_in')}{esc(p.text)}</p>"
            for i, p in enumerate(s.paragraphs)
        )
        st.html(
            SUMMARY_CSS
            + SUMMARY_SCREEN_CSS
            + f'<div class="review-summary present"><h2>{esc(s.title)}</h2>'
            + f'<div class="review-summary-body">{body}</div></div>'
        )
    else:
        body = f"<p>{esc(s.opening)}</p>" + "".join(
            f"<h3>{esc(s.heading(i))}</h3><p>{esc(p.text)}</p>" for i, p in enumerate(s.paragraphs)
        )
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
        data_table(table, column_config=config)


def _is_share(key: str) -> bool:
    from data_access.text import numbers

    return numbers.unit(metrics.get(key).unit).kind == "share"
