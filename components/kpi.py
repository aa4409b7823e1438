"""KPI cards: they render snapshots and compute nothing.

A card shows the value, its change against the previous period (neutral when nothing changed),
its value a year earlier and the change against it (同比, where the data reaches back), the status against the target as a colour *and* a word, a progress bar with a tick at the
progress expected by now, and in its ⓘ how the figure is computed. Cards sit in a grid that
reflows: four across at 1440 px, fewer on a projector or a phone, rows of equal height.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import streamlit as st

from components.data import query
from components.device import is_mobile
from components.i18n import lang, t
from data_access import metrics
from data_access.engine import status
from data_access.filters import Filters
from data_access.metrics import Snapshot
from data_access.text import numbers

STATUS_COLOURS = {"green": "#1B7F3B", "amber": "#B45309", "red": "#B91C1C"}
STATUS_ICONS = {"green": "●", "amber": "▲", "red": "▼"}
MIN_CARD_PX = 230  # below this a card's figure would have to shrink: the grid wraps instead
# A phone (358 px of content) holds two cards a row at this width: a figure such as 1,276人 or
# 84.6万元 still fits on one line, the words under it wrap.
PHONE_MIN_CARD_PX = 150


def snapshot(key: str, f: Filters, **params) -> Snapshot:
    return query(metrics.snapshot, key, f, **params)


def value_text(s: Snapshot, compact: bool = True) -> str:
    """The card's figure: '138个', '84.6万元', '<3户', '—'."""
    return numbers.figure(
        s.value, s.unit, lang(), compact=compact, suppressed=s.suppressed, marker=s.marker
    )


def status_word(s: Snapshot) -> str:
    return status.status_word(s, lang())


def _progress_html(s: Snapshot) -> str:
    """A bar in the status colour with a tick where progress should be by now."""
    colour = STATUS_COLOURS[s.status]
    filled = min(max(s.progress or 0.0, 0.0), 1.0) * 100
    tick = min(max(s.expected or 0.0, 0.0), 1.0) * 100
    word = html.escape(status_word(s))
    line = f'<div class="kpi-status" style="color:{colour}">{STATUS_ICONS[s.status]} {word}</div>'
    if s.progress is None:
        return line  # judged by a rule or against a target of none: no share to draw
    return (
        line + f'<div class="kpi-bar" role="img" aria-label="{word}">'
        f'<div class="kpi-fill" style="width:{filled:.1f}%;background:{colour}"></div>'
        f'<div class="kpi-tick" style="left:calc({tick:.1f}% - 1px)"></div></div>'
    )


def _target_line(s: Snapshot) -> str:
    return status.target_line(s, lang())


def _previous_is_last_year(s: Snapshot) -> bool:
    """A twelve-month period's previous period is the same months a year earlier: the change
    beside the figure is then its 同比, said once."""
    return s.previous_filters is not None and s.previous_filters == s.last_year_filters


def year_on_year_text(s: Snapshot) -> str | None:
    """'同比：上年同期 130个，+8': the same months a year earlier, when both figures are known."""
    if s.value is None or s.last_year is None or _previous_is_last_year(s):
        return None
    return t(
        "kpi.year_on_year",
        value=numbers.figure(s.last_year, s.unit, lang(), compact=True),
        change=numbers.change(s.value - s.last_year, s.unit, lang(), s.decimals),
    )


def _help(s: Snapshot, extra: str = "") -> str:
    parts = [t(f"metric.{s.key}.help")]
    if extra:
        parts.append(extra)
    if s.last_year_filters is not None and s.last_year is not None:
        year = s.last_year_filters
        parts.append(t("kpi.year_on_year.help", start=year.start, end=year.end))
    if s.target is not None:
        parts.append(t("kpi.target_period", period=s.target.period.replace("..", " – ")))
        parts.append(status.status_rule_text(s.key, lang()))
    if s.suppressed:
        parts.append(t("privacy.rule"))
    exact = numbers.figure(s.value, s.unit, lang())
    if exact != value_text(s):
        parts.append(t("kpi.exact", value=exact))
    return "\n\n".join(parts)


def card(s: Snapshot, extra_help: str = "", say_no_target: bool = False) -> None:
    """One card for a snapshot (call it inside a grid cell or a column). Why there is no target
    is said when the figure has targets elsewhere, or always with `say_no_target`."""
    delta = None
    if s.change is not None:
        delta = numbers.change(s.change, s.unit, lang(), s.decimals)
    zero = s.change is not None and numbers.is_zero(s.change, s.unit, s.decimals)
    st.metric(
        t(f"metric.{s.key}.label"),
        value_text(s),
        delta=delta,
        delta_color="off" if zero or not s.higher_is_better else "normal",
        delta_arrow="off" if zero else "auto",
        delta_description=(
            t("kpi.vs_last_year") if _previous_is_last_year(s) else t("kpi.vs_previous")
        )
        if delta
        else None,
        help=_help(s, extra_help),
    )
    year_on_year = year_on_year_text(s)
    if year_on_year is not None:
        st.caption(year_on_year)
    if s.status is not None and s.target is not None:
        st.markdown(_progress_html(s), unsafe_allow_html=True)
        st.caption(_target_line(s))
    elif s.suppressed:
        small = s.marker == "<3"
        st.caption(t("privacy.marker.small") if small else t("privacy.marker.withheld"))
    elif s.no_target is not None and (say_no_target or s.no_target != "none"):
        st.caption(t(f"kpi.no_target.{s.no_target}"))
    if s.filters.grids and not metrics.grid_level(s.key):
        st.caption(t("common.not_grid_level"))


def card_grid(
    snapshots: Sequence[Snapshot],
    columns: int = 4,
    extra_help: dict | None = None,
    say_no_target: bool = False,
    min_column_width: int | None = None,
) -> None:
    """Cards in a reflowing grid of equal-height rows (narrower than `MIN_CARD_PX` only where
    the caller sets smaller type, as the review's presentation screen does, and on a phone: two
    a row)."""
    narrowest = min_column_width or (PHONE_MIN_CARD_PX if is_mobile() else MIN_CARD_PX)
    grid = st.grid(columns, min_column_width=narrowest, border=True, gap="small")
    for s in snapshots:
        with grid.cell():
            card(s, (extra_help or {}).get(s.key, ""), say_no_target)


def kpi_row(keys: Sequence[str], f: Filters, columns: int = 4) -> None:
    """The overview's cards: every card says whether it has a target."""
    card_grid([snapshot(k, f) for k in keys], columns, say_no_target=True)
