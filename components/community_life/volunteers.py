"""Volunteers: the cards, the monthly chart (visits or time, chosen by the reader), the most
common kinds of activity and the organisations."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from components import charts, kpi, page_state
from components.community_life.state import VOLUNTEER_MEASURES
from components.community_life.tables import activity, table
from components.data import query
from components.i18n import fig, t
from components.rendered import chart
from data_access import metrics
from data_access.community_life import cards as card_list
from data_access.community_life import queries as q
from data_access.filters import Filters


def _measure_control() -> str:
    st.radio(
        t("cl.vol.measure"),
        VOLUNTEER_MEASURES,
        format_func=lambda m: t(f"cl.vol.measure.{m}"),
        horizontal=True,
        help=t("cl.vol.measure.help"),
        **page_state.bound("vol", key="cl_vol"),
    )
    return page_state.state()["vol"]


def _visits_chart(monthly: pd.DataFrame) -> alt.Chart:
    long = pd.concat(
        [
            pd.DataFrame(
                {
                    "month": monthly["month"],
                    "series": t(f"cl.vol.series.{name}"),
                    "value": monthly[column].astype(float),
                }
            )
            for name, column in (
                ("served", "residents_served"),
                ("participations", "participations"),
            )
        ],
        ignore_index=True,
    )
    return charts.monthly_lines(
        long, t("cl.vol.chart.visits"), t("cl.vol.series"), t("common.month")
    )


def _hours_chart(monthly: pd.DataFrame) -> alt.Chart:
    title = t("cl.vol.chart.hours")
    chart = (
        alt.Chart(monthly)
        .mark_bar(color=charts.PALETTE[2])
        .encode(
            x=alt.X("month:O", title=None, axis=alt.Axis(labelAngle=-45)),
            y=alt.Y("hours:Q", title=title, axis=alt.Axis(format=",.0f")),
            tooltip=[
                alt.Tooltip("month:O", title=t("common.month")),
                alt.Tooltip("hours:Q", title=title, format=",.1f"),
            ],
        )
        .properties(height=320)
    )
    return charts._style(chart)


def volunteers(f: Filters) -> None:
    st.header(t("cl.vol"))
    kpi.card_grid([kpi.snapshot(k, f) for k in card_list.VOLUNTEERS], columns=3)
    monthly = query(q.volunteer_monthly, f)
    measure = _measure_control()
    if monthly.empty or not (monthly["participations"].sum() or monthly["hours"].sum()):
        st.info(t("cl.vol.empty"))
        return
    if measure == "hours":
        total = query(metrics.value, "volunteer_hours", f)
        per = query(metrics.value, "volunteer_hours_per_volunteer", f)
        st.caption(
            t("cl.vol.caption.hours", hours=fig(total, "hours"), per=fig(per, "hours", decimals=1))
        )
        chart(_hours_chart, monthly, key="cl_vol_chart")
    else:
        st.caption(t("cl.vol.caption.visits"))
        chart(_visits_chart, monthly, key="cl_vol_chart")

    st.markdown(f"**{t('cl.vol.kinds')}**")
    kinds = query(q.activity_kinds, f)
    bars = kinds[["kind", "activities"]].rename(columns={"activities": "value"})
    bars["kind"] = [activity(k) for k in bars["kind"]]
    chart(charts.bars, bars, "kind", t("cl.vol.kinds.value"))
    st.markdown(f"**{t('cl.vol.orgs')}**")
    orgs = query(q.top_orgs, f)
    table(
        orgs[["name", "community", "members", "activities", "participations", "hours",
              "residents_served"]],
        numbers=("members", "activities", "participations", "hours", "residents_served"),
        key="cl_orgs_table",
    )  # fmt: skip
