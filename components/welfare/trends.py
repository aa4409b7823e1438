"""Monthly trends of the 社会救助 page: 低保 persons at each month's end and money paid."""

from __future__ import annotations

import streamlit as st

from components import charts
from components.data import query
from components.i18n import t
from components.rendered import chart
from data_access.filters import Filters
from data_access.welfare import queries as welfare


def trends(f: Filters) -> None:
    """Two line charts side by side, one line per community."""
    persons = query(welfare.persons_trend, f)
    paid = query(welfare.paid_trend, f)
    if persons.empty:
        st.info(t("common.no_data"))
        return
    st.caption(t("wf.trend.caption"))
    if f.grids and (persons["value"].isna().any() or paid["value"].isna().any()):
        st.caption(t("privacy.trend_gaps"))
    left, right = st.columns(2)
    series_title = t("common.community")
    month_title = t("common.month")
    chart(
        charts.monthly_lines, persons, t("wf.trend.persons"), series_title, month_title, where=left
    )
    chart(charts.monthly_lines, paid, t("wf.trend.paid"), series_title, month_title, where=right)
