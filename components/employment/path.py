"""The path to a job by group (registered → trained → informed → placed, per community, with the
share lost at each step), placements by channel over the months, and the median days from
registration to placement by group."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from components import charts
from components.data import query
from components.i18n import label, t
from components.rendered import chart
from components.tables import data_table
from data_access.employment import queries as employment
from data_access.employment.rules import GROUPS, STEPS
from data_access.filters import Filters
from data_access.vocab import PLACEMENT_CHANNELS


def _withheld() -> None:
    st.info(t("em.withheld"), icon=":material/lock:")


def _step_label(group: str, step: str) -> str:
    return t("em.path.row", group=label("jobseeker_group", group), step=t(f"em.step.{step}"))


def funnel_table(df: pd.DataFrame) -> pd.DataFrame:
    """One row per group and community: people at each step and the share lost at each step."""
    # Plain dictionaries and each text once: a groupby with .loc per cell took seconds at 200
    # communities.
    cells = {
        (g, c, s): (r, lost)
        for g, c, s, r, lost in zip(
            df["group"], df["community"], df["step"], df["reached"], df["lost_share"], strict=True
        )
    }
    group_col, community_col = t("em.col.group"), t("em.col.community")
    step_cols = {s: t(f"em.step.{s}") for s in STEPS}
    lost_cols = {s: t(f"em.lost.{s}") for s in STEPS[1:]}
    group_labels = {g: label("jobseeker_group", g) for g in df["group"].unique()}
    rows = []
    for group, community in dict.fromkeys(zip(df["group"], df["community"], strict=True)):
        row = {group_col: group_labels[group], community_col: community}
        for step in STEPS:
            row[step_cols[step]] = int(cells[group, community, step][0])
        for step in STEPS[1:]:
            lost = cells[group, community, step][1]
            # A share (0..1): the column's "percent" format writes 0.0468 as 4.68%.
            row[lost_cols[step]] = None if pd.isna(lost) else float(lost)
        rows.append(row)
    return pd.DataFrame(rows)


def _path_chart(df: pd.DataFrame) -> alt.LayerChart:
    row_labels = {(g, s): _step_label(g, s) for g in GROUPS for s in STEPS}
    chart_df = pd.DataFrame(
        {
            "row": [row_labels[g, s] for g, s in zip(df["group"], df["step"], strict=True)],
            "community": df["community"],
            "value": df["reached"].astype(float),
        }
    )
    order = list(row_labels.values())
    colours = dict(zip(df["community"].unique(), charts.PALETTE, strict=False))
    return charts.stacked_bars(
        chart_df, "row", "community", t("em.path.x"), t("em.col.community"), colours, order=order
    )


def path_to_job(f: Filters) -> None:
    df = query(employment.funnel, f)
    if df.empty:
        _withheld()
        return
    if int(df[df["step"] == "registered"]["reached"].sum()) == 0:
        st.info(t("em.path.empty"))
        return
    chart(_path_chart, df)
    table = funnel_table(df)
    config = {t(f"em.lost.{s}"): st.column_config.NumberColumn(format="percent") for s in STEPS[1:]}
    data_table(
        table,
        column_config=config,
        height="content",
        download=t("table.csv_what", page=t("nav.employment"), table=t("em.path.table_name")),
    )
    st.caption(t("em.path.caption"))


def placements(f: Filters) -> None:
    df = query(employment.placements_by_channel, f)
    if df.empty:
        if not query(employment.area_open, f):
            _withheld()
        else:
            st.info(t("em.channels.empty"))
        return
    chart(_channels_chart, df)
    st.caption(t("em.channels.caption"))


def _channels_chart(df: pd.DataFrame) -> alt.Chart:
    df = df.assign(channel_label=[label("placement_channel", c) for c in df["channel"]])
    domain = [label("placement_channel", c) for c in PLACEMENT_CHANNELS]
    y_title, x_title = t("em.channels.y"), t("em.channels.x")
    plot = (
        alt.Chart(df)
        .mark_bar()
        .encode(
            x=alt.X("month:O", title=x_title, axis=alt.Axis(labelAngle=-45)),
            y=alt.Y("sum(placed):Q", title=y_title, axis=alt.Axis(format=",d", tickMinStep=1)),
            color=alt.Color(
                "channel_label:N",
                title=t("em.channels.legend"),
                sort=domain,
                scale=alt.Scale(domain=domain, range=charts.PALETTE[: len(domain)]),
                legend=alt.Legend(columns=3, labelLimit=charts.LEGEND_LABEL_PX),
            ),
            tooltip=[
                alt.Tooltip("month:O", title=x_title),
                alt.Tooltip("channel_label:N", title=t("em.channels.legend")),
                alt.Tooltip("placed:Q", title=y_title, format=",d"),
            ],
        )
        .properties(height=360)
    )
    return charts._style(plot)


def _days_chart(df: pd.DataFrame) -> alt.LayerChart:
    bars = pd.DataFrame(
        {
            "group": [label("jobseeker_group", g) for g in df["group"]],
            "value": df["median_days"].astype(float),
        }
    )
    return charts.bars(bars, "group", t("em.days.x"))


def days_to_placement(f: Filters) -> None:
    df = query(employment.days_to_placement, f)
    if df.empty:
        _withheld()
        return
    df = df[df["placed"] > 0]
    if df.empty:
        st.info(t("em.days.empty"))
        return
    chart(_days_chart, df)
    st.caption(
        t(
            "em.days.caption",
            counts=t("common.list_sep").join(
                t("em.days.count", group=label("jobseeker_group", g), n=int(n))
                for g, n in zip(df["group"], df["placed"], strict=True)
            ),
        )
    )
