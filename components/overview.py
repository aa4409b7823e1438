"""Widgets of the overview: the communities side by side (table and bars) and a metric's trend."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import charts, page_state
from components.data import query
from components.i18n import lang, t
from components.rendered import chart
from components.tables import data_table
from data_access import metrics, overview
from data_access.engine import status
from data_access.filters import Filters
from data_access.text import numbers

# Light tints of the status colours, so the value stays readable in the cell.
STATUS_TINTS = {"green": "#DCFCE7", "amber": "#FEF3C7", "red": "#FEE2E2"}


def chart_keys() -> tuple[str, ...]:
    """The metrics the charts can show: the cards' and every metric with a trend."""
    trend = tuple(m.key for m in metrics.all_metrics() if m.trend)
    return tuple(dict.fromkeys(overview.CARDS + trend))


def _is_share(key: str) -> bool:
    return numbers.unit(metrics.get(key).unit).kind == "share"


def controls() -> tuple[str, bool]:
    """Which metric the charts show and whether counts are per 1,000 households (in the URL)."""
    st.header(t("overview.compare"))
    st.caption(t("overview.compare.caption"))
    left, right = st.columns([3, 2], vertical_alignment="bottom")
    key = left.selectbox(
        t("overview.metric"),
        chart_keys(),
        format_func=lambda k: t(f"metric.{k}.label"),
        **page_state.bound("metric"),
    )
    per_thousand = right.toggle(t("overview.per_thousand"), **page_state.bound("per1000"))
    return key, per_thousand


def comparison(f: Filters, key: str, per_thousand: bool) -> None:
    _numbers_table(f, per_thousand)
    if not per_thousand:
        _status_grid(f)
    ranking(f, key, per_thousand)


def _status_cell(s) -> str:
    if s is None:
        return "—"
    value = numbers.figure(
        s.value, s.unit, lang(), compact=True, suppressed=s.suppressed, marker=s.marker
    )
    if s.status is None:
        return value
    return f"{value} · {status.short_word(s, lang())}"


def _status_grid(f: Filters) -> None:
    """Communities × headline figures: each community's value and its status word, the cell in
    the status colour, so the lagging cell shows without choosing a community."""
    if f.grids:
        st.caption(t("overview.status.grids"))
        return
    table = query(overview.status_table, f, overview.CARDS)
    if table.empty:
        st.info(t("common.no_data"))
        return
    shown = pd.DataFrame({t("overview.col.name"): table["name"]})
    colours = pd.DataFrame({t("overview.col.name"): [""] * len(table)})
    for k in overview.CARDS:
        label = t(f"metric.{k}.label")
        shown[label] = [_status_cell(s) for s in table[k]]
        colours[label] = [
            f"background-color: {STATUS_TINTS[s.status]}" if s is not None and s.status else ""
            for s in table[k]
        ]
    data_table(shown, tints=colours)
    st.caption(t("overview.status.caption"))


def _numbers_table(f: Filters, per_thousand: bool) -> None:
    """The communities' figures as numbers (per 1,000 households when asked), for reading and
    for the CSV download."""
    table = query(overview.comparison, f, overview.CARDS, per_thousand)
    if table.empty:
        st.info(t("common.no_data"))
        return
    number_format = "%.1f" if per_thousand else "localized"
    config = {
        "name": st.column_config.TextColumn(t("overview.col.name")),
        "households": st.column_config.NumberColumn(
            t("overview.col.households"), format="localized"
        ),
    }
    table = table.copy()
    for k in overview.CARDS:
        unit = metrics.get(k).unit
        divisor, _ = numbers.column_scale(unit, lang())
        table[k] = table[k] / divisor
        config[k] = st.column_config.NumberColumn(
            numbers.column_header(t(f"metric.{k}.label"), unit, lang()),
            help=t(f"metric.{k}.help"),
            format="percent" if _is_share(k) else "%.2f" if divisor > 1 else number_format,
        )
    data_table(
        table[["name", "households", *overview.CARDS]],
        column_config=config,
        download=t("table.csv_what", page=t("nav.overview"), table=t("overview.compare")),
    )


def ranking(f: Filters, key: str, per_thousand: bool) -> None:
    """The chosen figure's bars, one per community."""
    bar_data = query(overview.metric_by_community, f, key, per_thousand)
    rate = per_thousand and not metrics.get(key).is_ratio  # the table's rule (queries.overview)
    unit = metrics.get(key).unit
    divisor, _ = numbers.column_scale(unit, lang())
    title = numbers.column_header(t(f"metric.{key}.label"), unit, lang())
    chart(
        charts.bars,
        bar_data.assign(value=bar_data["value"] / divisor),
        "name",
        t("overview.per_thousand.title", metric=title) if rate else title,
        _is_share(key),
        decimals=2 if divisor > 1 else 1 if rate else 0,
    )


def trend(f: Filters, key: str) -> None:
    st.header(t("overview.trend"))
    m = metrics.get(key)
    if not m.trend:
        st.info(t("overview.no_trend"))
        return
    st.caption(t(f"overview.trend.caption.{m.kind}"))
    shown = query(overview.trend_filters, f)
    if shown.start != f.start:
        st.caption(t("overview.trend.year_before", start=shown.start, end=shown.end))
    series = query(overview.trend, f, key)
    if series.empty:
        st.info(t("common.no_data"))
        return
    divisor, _ = numbers.column_scale(m.unit, lang())
    chart(
        charts.monthly_lines,
        series.assign(value=series["value"] / divisor) if "value" in series else series,
        numbers.column_header(t(f"metric.{key}.label"), m.unit, lang()),
        t("common.community"),
        t("common.month"),
        _is_share(key),
    )
