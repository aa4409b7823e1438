"""Money raised: by source or by purpose (a control), the total and its parts in words, and the
money received cumulated over the months by source."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import charts, page_state
from components.data import query
from components.i18n import fig, label, t
from data_access.filters import Filters
from data_access.queries import facility_projects

GROUPINGS = ("source", "purpose")


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
    total = float(df["amount_yuan"].sum())
    parts = t("common.list_sep").join(
        f"{_name(by, r.key)} {fig(r.amount_yuan, 'yuan')}" for r in df.itertuples(index=False)
    )
    st.markdown(t("fac.funding.total", total=fig(total, "yuan"), parts=parts))
    shown = pd.DataFrame(
        {"group": [_name(by, k) for k in df["key"]], "value": df["amount_yuan"].astype(float)}
    )
    # Room for every label: equal bars (county and higher levels both 350,000) sit side by side.
    chart = charts.bars(shown, "group", t("fac.funding.amount")).properties(height=60 * len(shown))
    st.altair_chart(chart, width="stretch")

    cum = query(facility_projects.funding_cumulative, f)
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
    st.altair_chart(
        charts.monthly_lines(
            lines, t("fac.funding.cumulative"), t("fac.funding.series"), t("fac.funding.month")
        ),
        width="stretch",
    )
    st.caption(t("fac.funding.rule"))
