"""What-if: the year's targets. The user sets a re-employment target and one for young people
given job information (both kept in the URL: ?em_target=, ?em_youth=); the page shows the
monthly pace needed for the rest of the year against the pace so far, and the month the target
is reached if that pace holds."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from components import charts, kpi, page_state
from components.data import query
from components.i18n import fig, number, t
from components.rendered import chart
from components.url import add_url_notice, bad_value
from data_access.employment import queries as employment
from data_access.employment.rules import Pace
from data_access.filters import Filters, add_months, months_between

MAX_TARGET = 100_000
WHAT_IF = (("reemployed", "em_target"), ("youth_informed", "em_youth"))


def _default_target(f: Filters, key: str) -> int:
    s = kpi.snapshot(key, f)
    if s.target is not None:
        return int(round(s.target.value))
    return int(s.value or 0)


def _chosen(param: str, default: int) -> int:
    value = page_state.state()[param]
    if value is not None and not 0 <= value <= MAX_TARGET:
        text = bad_value(param, str(value), t("em.whatif.bad_target", high=MAX_TARGET))
        add_url_notice(text)
        st.warning(t("url.notice", items=text), icon="⚠️")
        page_state.update(**{param: None})
        value = None
    return default if value is None else value


def _input(key: str, param: str, default: int, column) -> int:
    _chosen(param, default)
    value = column.number_input(
        t(f"em.whatif.input.{key}"),
        min_value=0,
        max_value=MAX_TARGET,
        step=10,
        help=t("em.whatif.input.help", default=fig(default, "persons")),
        **page_state.bound(
            param,
            to_widget=lambda v: default if v is None else int(v),
            from_widget=lambda v: None if v is None or int(v) == default else int(v),
        ),
    )
    return int(value if value is not None else default)


def _summary(key: str, p: Pace, year: tuple[str, str]) -> None:
    cols = st.columns(4, gap="small")
    cols[0].metric(
        t("em.whatif.done"),
        fig(p.done, "persons"),
        help=t("em.whatif.done.help", start=year[0], months=p.months_done),
    )
    cols[1].metric(
        t("em.whatif.pace"),
        t("em.whatif.per_month", value=number(p.pace_so_far, 1)),
        help=t("em.whatif.pace.help"),
    )
    if p.met:
        needed = t("em.whatif.met")
    elif p.needed is None:
        needed = t("em.whatif.year_over")
    else:
        needed = t("em.whatif.per_month", value=number(p.needed, 1))
    cols[2].metric(
        t("em.whatif.needed"),
        needed,
        help=t("em.whatif.needed.help", end=year[1], months=p.months_left),
    )
    reach = t("em.whatif.never") if p.reach_month is None else p.reach_month
    cols[3].metric(t("em.whatif.reach"), reach, help=t("em.whatif.reach.help"))
    if p.met:
        st.success(t("em.whatif.verdict.met", month=p.reach_month))
    elif p.reach_in_year:
        st.success(t("em.whatif.verdict.on_track", month=p.reach_month))
    elif p.needed is None:
        st.warning(t("em.whatif.verdict.missed", short=fig(p.target - p.done, "persons")))
    else:
        st.warning(
            t(
                "em.whatif.verdict.behind",
                needed=number(p.needed, 1),
                pace=number(p.pace_so_far, 1),
            )
        )


def _chart(f: Filters, key: str, p: Pace, year: tuple[str, str]) -> alt.LayerChart:
    monthly = query(employment.monthly_counts, f, key, year)
    months = months_between(year[0], year[1])
    as_of = add_months(year[0], p.months_done - 1)
    running, rows = 0.0, []
    for m in months:
        if m <= as_of:
            running += monthly.get(m, 0)
            rows.append({"month": m, "series": t("em.whatif.series.actual"), "value": running})
    projected = p.done
    rows.append({"month": as_of, "series": t("em.whatif.series.projected"), "value": projected})
    for m in months:
        if m > as_of:
            projected += p.pace_so_far
            rows.append({"month": m, "series": t("em.whatif.series.projected"), "value": projected})
    df = pd.DataFrame(rows)
    y_title = t("em.whatif.chart.y")
    lines = (
        alt.Chart(df)
        .mark_line(point=True, strokeWidth=3)
        .encode(
            x=alt.X("month:O", title=None, sort=months, axis=alt.Axis(labelAngle=-45)),
            y=alt.Y("value:Q", title=y_title, axis=alt.Axis(format=",.0f")),
            color=alt.Color(
                "series:N",
                title=None,
                scale=alt.Scale(range=[charts.PALETTE[0], charts.PALETTE[1]]),
            ),
            strokeDash=alt.StrokeDash("series:N", legend=None),
            tooltip=[
                alt.Tooltip("series:N", title=None),
                alt.Tooltip("month:O", title=t("em.whatif.chart.month")),
                alt.Tooltip("value:Q", title=y_title, format=",.0f"),
            ],
        )
    )
    goal = (
        alt.Chart(pd.DataFrame({"target": [p.target], "label": [t("em.whatif.chart.target")]}))
        .mark_rule(color="#B91C1C", strokeDash=[6, 4], strokeWidth=2)
        .encode(y="target:Q", tooltip=[alt.Tooltip("target:Q", title=None, format=",.0f")])
    )
    return charts._style((lines + goal).properties(height=300))


def what_if(f: Filters) -> None:
    st.caption(t("em.whatif.caption"))
    cols = st.columns(2, gap="medium")
    chosen = {}
    for (key, param), column in zip(WHAT_IF, cols, strict=True):
        chosen[key] = _input(key, param, _default_target(f, key), column)
    for key, _param in WHAT_IF:
        year = query(employment.year_of, f, key)
        p = query(employment.pace, f, key, float(chosen[key]))
        st.markdown(
            f"**{t(f'em.whatif.title.{key}', target=fig(chosen[key], 'persons'), start=year[0], end=year[1])}**"
        )
        _summary(key, p, year)
        chart(_chart, f, key, p, year)
