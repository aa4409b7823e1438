"""总览: headline cards, the communities side by side, and monthly trends."""

import streamlit as st

from components import charts
from components.data import query
from components.filters import add_url_notice, current_filters, page_header, write_url_params
from components.i18n import lang, t
from components.kpi import kpi_row
from data_access import metrics
from data_access.queries import overview

f = current_filters()
page_header(t("overview.title"), t("overview.subtitle"), f)

kpi_row(metrics.OVERVIEW_CARDS, f)

# The metric the charts show, kept in the URL (?metric=) so a view can be shared.
trend_keys = overview.trend_metrics()
chart_keys = tuple(dict.fromkeys(metrics.OVERVIEW_CARDS + trend_keys))
if "ov_metric" not in st.session_state:
    wanted = st.query_params.get("metric")
    if wanted is not None and wanted not in chart_keys:
        add_url_notice(t("overview.bad_metric", value=wanted))
        wanted = None
    st.session_state["ov_metric"] = wanted or metrics.OVERVIEW_CARDS[0]
    st.session_state["ov_per1000"] = st.query_params.get("per1000") == "1"

st.subheader(t("overview.compare"))
st.caption(t("overview.compare.caption"))
left, right = st.columns([3, 2], vertical_alignment="bottom")
key = left.selectbox(
    t("overview.metric"),
    chart_keys,
    key="ov_metric",
    format_func=lambda k: metrics.get(k).label(lang()),
)
per_thousand = right.toggle(t("overview.per_thousand"), key="ov_per1000")
write_url_params(
    ("metric", "per1000"), {"metric": [key], **({"per1000": ["1"]} if per_thousand else {})}
)

table = query(overview.comparison, f, metrics.OVERVIEW_CARDS, per_thousand)
if table.empty:
    st.info(t("common.no_data"))
else:
    number_format = "%.1f" if per_thousand else "localized"
    config = {
        "name": st.column_config.TextColumn(t("overview.col.name")),
        "households": st.column_config.NumberColumn(
            t("overview.col.households"), format="localized"
        ),
    }
    for k in metrics.OVERVIEW_CARDS:
        m = metrics.get(k)
        config[k] = st.column_config.NumberColumn(
            m.label(lang()), help=m.help(lang()), format="percent" if m.percent else number_format
        )
    st.dataframe(
        table[["name", "households", *metrics.OVERVIEW_CARDS]],
        column_config=config,
        hide_index=True,
    )
    m = metrics.get(key)
    bar_data = query(overview.metric_by_community, f, key, per_thousand)
    st.altair_chart(
        charts.bars(bar_data, "name", m.label(lang()), m.percent),
        width="stretch",
    )

st.subheader(t("overview.trend"))
m = metrics.get(key)
if key not in trend_keys:
    st.info(t("overview.no_trend"))
else:
    st.caption(t(f"overview.trend.caption.{m.kind}"))
    series = query(overview.trend, f, key)
    if series.empty:
        st.info(t("common.no_data"))
    else:
        st.altair_chart(
            charts.monthly_lines(series, m.label(lang()), t("common.community"), m.percent),
            width="stretch",
        )
