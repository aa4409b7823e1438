"""Money raised: by source or by purpose (a control), the total and its parts in words, the
money received cumulated over the months by source, and each project's money against its budget."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from components import charts, page_state
from components.data import query
from components.i18n import fig, label, t
from components.rendered import chart
from data_access import metrics
from data_access.facilities import projects as facility_projects
from data_access.filters import Filters

GROUPINGS = ("source", "purpose")
SOURCE_COLOURS = dict(
    zip(("county", "township_departments", "higher_level"), charts.PALETTE, strict=False)
)


def budget_chart(money: pd.DataFrame) -> alt.Chart:
    """Money received per project stacked by source, a black tick at its budget."""
    received = money[money["source"].notna()].assign(
        source_name=lambda d: [label("funding_source", s) for s in d["source"]]
    )
    budgets = money.drop_duplicates("project_id")
    names = [label("funding_source", s) for s in SOURCE_COLOURS]
    y = alt.Y("project:N", title=None, sort=list(budgets["project"]), axis=alt.Axis(labelLimit=260))
    bars = (
        alt.Chart(received)
        .mark_bar(height={"band": 0.6})
        .encode(
            y=y,
            x=alt.X(
                "sum(amount_yuan):Q",
                title=t("fac.funding.budget_axis"),
                axis=alt.Axis(format=",.0f"),
            ),
            color=alt.Color(
                "source_name:N",
                title=t("fac.funding.series"),
                scale=alt.Scale(domain=names, range=list(SOURCE_COLOURS.values())),
            ),
            tooltip=[
                alt.Tooltip("project:N", title=t("fac.timeline.project")),
                alt.Tooltip("source_name:N", title=t("fac.funding.series")),
                alt.Tooltip("amount_yuan:Q", title=t("fac.funding.amount"), format=",.0f"),
            ],
        )
    )
    ticks = (
        alt.Chart(budgets)
        .mark_tick(color="#000000", thickness=3, size=34)
        .encode(
            y=y,
            x="budget_yuan:Q",
            tooltip=[
                alt.Tooltip("project:N", title=t("fac.timeline.project")),
                alt.Tooltip("budget_yuan:Q", title=t("fac.projects.col.budget"), format=",.0f"),
            ],
        )
    )
    chart = alt.layer(bars, ticks).properties(height=alt.Step(56))
    return (
        chart.configure_axis(labelFont=charts.FONT, titleFont=charts.FONT, labelFontSize=13)
        .configure_legend(
            labelFont=charts.FONT, titleFont=charts.FONT, labelFontSize=13, orient="bottom"
        )
        .configure_view(strokeWidth=0)
    )


def _name(by: str, key: str) -> str:
    if by == "source":
        return label("funding_source", key)
    return key or t("fac.funding.no_purpose")


def funding(f: Filters) -> None:
    by = st.segmented_control(
        t("fac.funding.by"),
        GROUPINGS,
        format_func=lambda g: t(f"fac.funding.by.{g}"),
        **page_state.bound("fac_by"),
    )
    by = by or page_state.state()["fac_by"]
    df = query(facility_projects.funding_by, f, by)
    if df.empty:
        st.info(t("fac.funding.empty"))
        return
    total = query(metrics.value, "funding_raised", f)
    parts = t("common.list_sep").join(
        f"{_name(by, r.key)} {fig(r.amount_yuan, 'yuan')}" for r in df.itertuples(index=False)
    )
    st.markdown(t("fac.funding.total", total=fig(total, "yuan"), parts=parts))
    chart(_by_chart, df, by)
    chart(_cumulative_chart, query(facility_projects.funding_cumulative, f))
    money = query(facility_projects.project_money, f)
    if not money.empty:
        st.markdown(f"**{t('fac.funding.budgets')}**")
        chart(budget_chart, money)
        per_project = query(facility_projects.project_received, f)
        st.markdown(
            t(
                "fac.funding.by_project",
                parts=t("common.list_sep").join(
                    f"{r.project} {fig(r.amount_yuan, 'yuan')}"
                    for r in per_project.itertuples(index=False)
                ),
            )
        )
        st.caption(t("fac.funding.budgets.caption"))
    st.caption(t("fac.funding.rule"))


def _by_chart(df: pd.DataFrame, by: str) -> alt.LayerChart:
    shown = pd.DataFrame(
        {"group": [_name(by, k) for k in df["key"]], "value": df["amount_yuan"].astype(float)}
    )
    # Room for every label: equal bars (county and higher levels both 350,000) sit side by side.
    return charts.bars(shown, "group", t("fac.funding.amount")).properties(height=60 * len(shown))


def _cumulative_chart(cum: pd.DataFrame) -> alt.LayerChart:
    lines = pd.DataFrame(
        {
            "month": cum["month"],
            "series": [label("funding_source", s) for s in cum["source"]],
            "value": cum["cumulative"].astype(float),
        }
    )
    total_line = cum.groupby("month", as_index=False)["cumulative"].sum()
    lines = pd.concat(
        [
            lines,
            pd.DataFrame(
                {
                    "month": total_line["month"],
                    "series": t("fac.funding.all"),
                    "value": total_line["cumulative"].astype(float),
                }
            ),
        ],
        ignore_index=True,
    )
    # The sources keep the colours of the budget chart; the total is black.
    names = [label("funding_source", s) for s in SOURCE_COLOURS] + [t("fac.funding.all")]
    return charts.monthly_lines(
        lines, t("fac.funding.cumulative"), t("fac.funding.series"), t("fac.funding.month")
    ).encode(
        color=alt.Color(
            "series:N",
            title=t("fac.funding.series"),
            scale=alt.Scale(domain=names, range=[*SOURCE_COLOURS.values(), "#000000"]),
        )
    )
