"""Honours: the count, by level, a table and a timeline (one mark per honour, by year and level)."""

from __future__ import annotations

import altair as alt
import streamlit as st

from components import charts, kpi
from components.community_life.tables import table
from components.data import query
from components.i18n import label, org, t
from components.rendered import chart
from data_access import vocab
from data_access.community_life import queries as q
from data_access.filters import Filters

LEVEL_COLOURS = {
    "province": charts.PALETTE[3],
    "city": charts.PALETTE[0],
    "county": charts.PALETTE[2],
}


def _timeline(frame) -> alt.Chart:
    levels = [label("honour_level", lv) for lv in vocab.HONOUR_LEVELS]
    colours = [LEVEL_COLOURS[lv] for lv in vocab.HONOUR_LEVELS]
    chart = (
        alt.Chart(frame)
        .mark_square(size=260, opacity=0.9)
        .encode(
            x=alt.X("year:O", title=t("cl.col.year"), axis=alt.Axis(labelAngle=0)),
            y=alt.Y(
                "slot:Q",
                title=None,
                axis=None,
                scale=alt.Scale(domain=[-0.6, int(frame["slot"].max()) + 0.6]),
            ),
            color=alt.Color(
                "level:N",
                title=t("cl.col.level"),
                scale=alt.Scale(domain=levels, range=colours),
            ),
            tooltip=[
                alt.Tooltip("year:O", title=t("cl.col.year")),
                alt.Tooltip("title:N", title=t("cl.col.title")),
                alt.Tooltip("community:N", title=t("cl.col.community")),
                alt.Tooltip("awarded_by:N", title=t("cl.col.awarded_by")),
            ],
        )
        .properties(height=160 + 36 * int(frame["slot"].max()))
    )
    return charts._style(chart)


def honours(f: Filters) -> None:
    st.header(t("cl.hon"))
    snap = kpi.snapshot("honours", f)
    frame = query(q.honours, f)
    counts = frame["level"].value_counts()
    by_level = t("common.list_sep").join(
        f"{label('honour_level', lv)} {int(counts.get(lv, 0))}" for lv in vocab.HONOUR_LEVELS
    )
    kpi.card_grid([snap], columns=3, extra_help={"honours": t("cl.hon.by_level", text=by_level)})
    st.caption(t("cl.hon.by_level", text=by_level))
    if frame.empty:
        st.info(t("cl.hon.empty"))
        return
    shown = frame.assign(
        level=[label("honour_level", lv) for lv in frame["level"]],
        year=frame["year"].astype(str),
        awarded_by=[org(b) for b in frame["awarded_by"]],
    )
    st.markdown(f"**{t('cl.hon.timeline')}**")
    timeline = shown.assign(slot=shown.groupby("year").cumcount())
    chart(_timeline, timeline, key="cl_hon_chart")
    table(shown[["year", "title", "level", "community", "awarded_by"]], key="cl_hon_table")
