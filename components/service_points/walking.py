"""Walking along streets on the service-point page: the 直线 / 步行 switch, the two side by side with
how much the straight line overstates coverage, and the walking-time area control."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.i18n import label, lang, number, t
from components.service_points import state as s
from components.service_points.formatting import pct, type_name
from components.service_points.state import PageState
from components.tables import data_table
from components.url import add_url_notice, bad_value
from data_access.service_points.coverage_queries import Scenario
from data_access.service_points.walking_queries import AREA_MINUTES, MODES, WalkingAreas
from data_access.text import numbers


def mode_switch(state: PageState, container) -> None:
    """直线 / 步行: how distances are measured everywhere on the page."""
    st.session_state[s.W_MODE] = state.mode
    container.radio(
        t("sp.mode"),
        MODES,
        format_func=lambda m: t(f"sp.mode.{m}"),
        key=s.W_MODE,
        on_change=s.on_mode,
        horizontal=True,
        help=t("sp.mode.help"),
    )


def no_roads() -> None:
    st.warning(t("sp.mode.no_roads"), icon=":material/route:")


def _area_row(table: pd.DataFrame, sp_type: str) -> pd.Series | None:
    rows = table[(table["type"] == sp_type) & (table["community_code"] == "")]
    if rows.empty:
        rows = table[table["type"] == sp_type]
    return None if rows.empty else rows.iloc[0]


def comparison(state: PageState, line: pd.DataFrame, walk: pd.DataFrame) -> None:
    """The chosen type's coverage by straight line and by walking, side by side; with all types,
    one row per type. Both are today's network, without the what-if."""
    r = state.radius
    st.header(t("sp.compare.title", r=r))
    st.caption(t("sp.compare.caption"))
    if state.sp_type:
        _one_type(state, line, walk)
        return
    rows = []
    for sp_type in dict.fromkeys(line["type"]):
        a, b = _area_row(line, sp_type), _area_row(walk, sp_type)
        total = float(a["households"])
        rows.append(
            {
                "type": label("sp_type", sp_type),
                "line": a[f"households_{r}"] * 100,
                "walk": b[f"households_{r}"] * 100,
                "gap": (a[f"households_{r}"] - b[f"households_{r}"]) * 100,
                "gap_households": round((a[f"households_{r}"] - b[f"households_{r}"]) * total),
            }
        )
    data_table(
        pd.DataFrame(rows),
        column_config={
            "type": st.column_config.TextColumn(t("sp.col.type")),
            "line": st.column_config.NumberColumn(
                t("sp.compare.col.line"), help=t("sp.compare.col.line.help", r=r), format="%.1f%%"
            ),
            "walk": st.column_config.NumberColumn(
                t("sp.compare.col.walk"), help=t("sp.compare.col.walk.help", r=r), format="%.1f%%"
            ),
            "gap": st.column_config.NumberColumn(
                t("sp.compare.col.gap"), help=t("sp.compare.col.gap.help"), format="%.1f"
            ),
            "gap_households": st.column_config.NumberColumn(
                t("sp.compare.col.gap_households"),
                help=t("sp.compare.col.gap_households.help", r=r),
                format="localized",
            ),
        },
        key="spw_compare",
    )


def _one_type(state: PageState, line: pd.DataFrame, walk: pd.DataFrame) -> None:
    r, kind = state.radius, type_name(state.sp_type)
    a, b = _area_row(line, state.sp_type), _area_row(walk, state.sp_type)
    if a is None or b is None:
        return
    cols = st.columns(4, border=True)
    for col, measure in zip(
        (cols[0:2], cols[2:4]), ("households", "residents_60_plus"), strict=True
    ):
        who, short = t(f"sp.measure.{measure}"), t(f"sp.measure.short.{measure}")
        for cell, mode, row in ((col[0], "line", a), (col[1], "walk", b)):
            cell.metric(
                t(f"sp.compare.{mode}", r=r, who=short),
                pct(row[f"{measure}_{r}"]),
                help=t(f"sp.compare.{mode}.help", r=r, who=who, type=kind),
            )
    gap = float(a[f"households_{r}"] - b[f"households_{r}"])
    if gap > 0:
        st.markdown(
            t(
                "sp.compare.overstated",
                gap=numbers.change(gap, "share", lang()).lstrip("+"),
                n=number(round(gap * float(a["households"]))),
                r=r,
            )
        )
    else:
        st.caption(t("sp.compare.same", r=r))


# ------------------------------------------------------------------------------ walking-time areas


def check_area(state: PageState, scenario: Scenario | None) -> None:
    """A walking area from a point that is not (or no longer) an operating point of the type: drop
    it with a notice, show the areas of every point instead."""
    if state.area in (s.AREA_ALL, s.AREA_NONE) or scenario is None:
        return
    if state.area not in set(scenario.points["id"]):
        add_url_notice(bad_value("sp_area", state.area, t("sp.url.area")))
        s.update(area=s.AREA_ALL)
        st.rerun()


def area_control(state: PageState, scenario: Scenario, areas: WalkingAreas | None) -> None:
    """Which points' walking-time areas the map draws: every point of the type, one, or none."""
    kind = type_name(state.sp_type)
    pts = scenario.points[~scenario.points["closed"]]
    names = dict(zip(pts["id"], pts["name"], strict=True))
    places = dict(zip(pts["id"], pts["community"], strict=True))

    def describe(value: str) -> str:
        if value == s.AREA_ALL:
            return t("sp.area.all", type=kind)
        if value == s.AREA_NONE:
            return t("sp.area.none")
        return t(
            "sp.whatif.point_option", name=names.get(value, value), place=places.get(value, "")
        )

    options = [s.AREA_ALL, s.AREA_NONE, *pts["id"]]
    st.session_state[s.W_AREA] = state.area if state.area in options else s.AREA_ALL
    left, right = st.columns([2, 3], vertical_alignment="bottom")
    left.selectbox(
        t("sp.area"),
        options,
        format_func=describe,
        key=s.W_AREA,
        on_change=s.on_area,
        help=t("sp.area.help"),
    )
    if areas is not None:
        c = areas.compounds
        figures = {}
        for radius, minutes in AREA_MINUTES.items():
            reached = c[c["walk_m"] <= radius]
            figures[f"n{minutes}"] = number(len(reached))
            figures[f"h{minutes}"] = number(reached["households"].sum())
        right.caption(t("sp.area.caption", **figures))
