"""Altair charts with Chinese labels; every chart gets plain data frames from data_access.

No Streamlit here: the review exports (PPTX, PDF, PNG) draw these charts outside a page."""

from __future__ import annotations

import json
import math

import altair as alt
import pandas as pd

# Okabe–Ito: distinguishable for colour-blind viewers and on a washed-out projector.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
FONT = "Microsoft YaHei, PingFang SC, Noto Sans CJK SC, sans-serif"
# Axis and legend words in near-black (Streamlit's chart theme greys them to about 3.9:1 on white;
# WCAG AA asks 4.5:1 for 13-px text).
_INK = {"labelColor": "#31333F", "titleColor": "#31333F"}
LEGEND_LABEL_PX = 320  # far above any label: a legend label is wrapped into columns, never cut


def _style(chart: alt.Chart) -> alt.Chart:
    return (
        chart.configure_axis(
            labelFont=FONT, titleFont=FONT, labelFontSize=13, titleFontSize=13, **_INK
        )
        .configure_legend(
            labelFont=FONT,
            titleFont=FONT,
            labelFontSize=13,
            titleFontSize=13,
            orient="bottom",
            **_INK,
        )
        .configure_title(font=FONT, fontSize=15)
        .configure_view(strokeWidth=0)
    )


def monthly_lines(
    df: pd.DataFrame,
    value_title: str,
    series_title: str,
    month_title: str,
    percent: bool = False,
) -> alt.Chart:
    """df: month, series, value → one line per series over the months."""
    fmt = ".0%" if percent else ",.0f"
    chart = (
        alt.Chart(df)
        .mark_line(point=True, strokeWidth=3)
        .encode(
            x=alt.X("month:O", title=None, axis=alt.Axis(labelAngle=-45)),
            y=alt.Y(
                "value:Q",
                title=value_title,
                axis=alt.Axis(format=fmt) if percent else alt.Axis(format=fmt, tickMinStep=1),
            ),
            color=alt.Color("series:N", title=series_title, scale=alt.Scale(range=PALETTE)),
            tooltip=[
                alt.Tooltip("series:N", title=series_title),
                alt.Tooltip("month:O", title=month_title),
                alt.Tooltip("value:Q", title=value_title, format=fmt),
            ],
        )
        .properties(height=320)
    )
    return _style(chart)


def bars(
    df: pd.DataFrame, category: str, value_title: str, percent: bool = False, decimals: int = 0
) -> alt.Chart:
    """df: <category>, value → horizontal bars, largest first, value labels at the bar ends
    (with `decimals` places: a rate such as 20.5 per 1,000 households is not shown as 20)."""
    fmt = ".0%" if percent else f",.{decimals}f"
    ticks = ",~f" if decimals and not percent else fmt  # ticks 0, 2.5, 5 rather than 0.0, 2.0
    whole = not percent and not decimals
    base = alt.Chart(df).encode(
        y=alt.Y(f"{category}:N", title=None, sort="-x", axis=alt.Axis(labelLimit=240)),
        # Whole counts get whole ticks: a county with 3 points read "0 0 0 1 1 1 2 2 ..." before.
        x=alt.X(
            "value:Q",
            title=value_title,
            axis=alt.Axis(format=ticks, tickMinStep=1) if whole else alt.Axis(format=ticks),
        ),
    )
    chart = base.mark_bar(color=PALETTE[0]) + base.mark_text(
        align="left", dx=4, fontSize=13
    ).encode(text=alt.Text("value:Q", format=fmt))
    return _style(chart.properties(height=max(120, 44 * len(df))))


def stacked_bars(
    df: pd.DataFrame,
    category: str,
    stack: str,
    value_title: str,
    stack_title: str,
    colours: dict[str, str],
    order: list[str] | None = None,
    legend: bool = True,
    fmt: str = ",.0f",
    integer: bool = True,
    legend_columns: int = 2,
) -> alt.Chart:
    """df: <category>, <stack>, value → horizontal bars stacked by <stack> in fixed colours
    (e.g. the map's service-type colours, so chart and map read alike), totals at the bar ends.

    The legend wraps into `legend_columns` columns (1 on a phone) and its labels are never cut:
    vega-lite neither wraps a legend to the chart's width nor shortens it to fit, so the columns
    must leave room for the longest label ('Convenience station', '医疗卫生服务室')."""
    domain = [k for k in colours if k in set(df[stack])]
    y = alt.Y(f"{category}:N", title=None, sort=order, axis=alt.Axis(labelLimit=240))
    bars = (
        alt.Chart(df)
        .mark_bar()
        .encode(
            y=y,
            x=alt.X(
                "sum(value):Q",
                title=value_title,
                # Counts get whole-number ticks; rates trim trailing zeros (18, 18.5).
                axis=alt.Axis(format=",d", tickMinStep=1) if integer else alt.Axis(format=",~f"),
            ),
            color=alt.Color(
                f"{stack}:N",
                title=stack_title,
                sort=domain,
                scale=alt.Scale(domain=domain, range=[colours[k] for k in domain]),
                legend=alt.Legend(columns=legend_columns, labelLimit=LEGEND_LABEL_PX)
                if legend
                else None,
            ),
            order=alt.Order("stack_rank:Q"),
            tooltip=[
                alt.Tooltip(f"{category}:N", title=None),
                alt.Tooltip(f"{stack}:N", title=stack_title),
                alt.Tooltip("value:Q", title=value_title, format=fmt),
            ],
        )
        .transform_calculate(
            stack_rank=f"indexof({json.dumps(domain, ensure_ascii=False)}, datum['{stack}'])"
        )
    )
    totals = (
        alt.Chart(df)
        .transform_aggregate(total="sum(value)", groupby=[category])
        .mark_text(align="left", dx=4, fontSize=13)
        .encode(y=y, x=alt.X("total:Q"), text=alt.Text("total:Q", format=fmt))
    )
    # Streamlit fits the whole chart, legend included, into the height: leave room for the legend.
    n = df[category].nunique()
    legend_px = 60 + 22 * math.ceil(len(domain) / legend_columns) if legend else 0
    return _style((bars + totals).properties(height=max(120, 36 * n + 60) + legend_px))
