"""Office and service space per 100 households by community, against the county's standard."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.data import query
from components.i18n import fig, number, t
from components.tables import data_table
from data_access.facilities import status as facility_status
from data_access.filters import Filters

UNIT = "m2_per_100_households"


def _status(r) -> str:
    if r.standard is None or pd.isna(r.standard):
        return t("fac.office.no_standard")
    need = r.standard * r.households / 100
    if r.area_m2 >= need:
        return t("fac.office.meets")
    return t("fac.office.short", gap=fig(need - r.area_m2, "m2"))


def office_space(f: Filters) -> None:
    df = query(facility_status.office_space, f)
    if df.empty:
        st.info(t("fac.matrix.empty"))
        return
    rows = []
    for r in df.itertuples(index=False):
        has = r.standard is not None and pd.notna(r.standard)
        rows.append(
            {
                t("fac.matrix.community"): r.community,
                t("fac.office.col.households"): number(r.households),
                t("fac.office.col.area"): fig(r.area_m2, "m2"),
                t("fac.office.col.per_100"): fig(r.per_100, UNIT),
                t("fac.office.col.standard"): fig(r.standard, UNIT) if has else "—",
                t("fac.office.col.need"): fig(r.standard * r.households / 100, "m2")
                if has
                else "—",
                t("fac.office.col.status"): _status(r),
            }
        )
    data_table(pd.DataFrame(rows), width="stretch")
    st.caption(t("fac.office.rule"))
