"""The what-if of one service type: add points (at an uncovered compound or typed coordinates),
close points, and see coverage before → after at every radius. Nothing is written anywhere."""

from __future__ import annotations

import streamlit as st

from components.i18n import number, t
from components.service_points import state as s
from components.service_points.formatting import how, pct, signed, type_name
from components.service_points.state import PageState
from data_access.service_points.coverage import RADII_M
from data_access.service_points.coverage_queries import Scenario


def what_if(state: PageState, scenario: Scenario) -> None:
    """Add points (at an uncovered compound or typed coordinates), close points, see before → after."""
    kind = type_name(state.sp_type)
    st.header(t("sp.whatif.title", type=kind))
    st.caption(t("sp.whatif.caption"))
    left, right = st.columns(2, gap="large")

    site_names = dict(zip(scenario.compounds["id"], scenario.compounds["name"], strict=True))
    households = dict(zip(scenario.compounds["id"], scenario.compounds["households"], strict=True))
    added_sites = scenario.added
    site_names.update(
        {a.compound_id: a.label for a in added_sites.itertuples() if isinstance(a.compound_id, str)}
    )
    compound_entries = [a for a in state.added if "," not in a]
    coordinate_entries = [a for a in added_sites.itertuples() if not isinstance(a.compound_id, str)]
    options = list(dict.fromkeys([*scenario.uncovered["id"], *compound_entries]))

    def describe(compound_id: str) -> str:
        name = site_names.get(compound_id, compound_id)
        if compound_id in households:
            return t(
                "sp.whatif.compound_option", name=name, households=number(households[compound_id])
            )
        return name

    with left:
        st.session_state[s.W_ADD] = compound_entries
        st.multiselect(
            t("sp.whatif.add", type=kind),
            options,
            format_func=describe,
            key=s.W_ADD,
            on_change=s.on_add,
            placeholder=t("sp.whatif.add.placeholder"),
            help=t("sp.whatif.add.help", r=state.radius) + how(state.mode),
        )
        st.markdown(t("sp.whatif.coords"))
        lat_col, lon_col, button_col = st.columns([2, 2, 1], vertical_alignment="bottom")
        lat_col.text_input(t("sp.whatif.lat"), key=s.W_LAT, placeholder="35.5775")
        lon_col.text_input(t("sp.whatif.lon"), key=s.W_LON, placeholder="104.6300")
        button_col.button(
            t("sp.whatif.add_coords"), on_click=s.on_add_coordinates, key="spw_add_xy"
        )
        st.caption(t("sp.whatif.coords.help"))
        reason = st.session_state.get(s.COORD_ERROR)
        if reason:
            st.error(t("sp.whatif.coords_error", reason=t(f"sp.reason.{reason}")))
        for a in coordinate_entries:
            text_col, remove_col = st.columns([4, 1], vertical_alignment="center")
            text_col.markdown(t("sp.whatif.coord_site", lat=f"{a.lat:.6f}", lon=f"{a.lon:.6f}"))
            remove_col.button(
                t("sp.whatif.remove"),
                key=f"spw_rm_{a.key}",
                on_click=s.remove_site,
                args=(a.entry,),
            )
    with right:
        closable = scenario.points
        names = dict(zip(closable["id"], closable["name"], strict=True))
        place = dict(zip(closable["id"], closable["community"], strict=True))
        st.session_state[s.W_CLOSE] = [c for c in state.closed if c in names]
        st.multiselect(
            t("sp.whatif.close", type=kind),
            list(closable["id"]),
            format_func=lambda pid: t("sp.whatif.point_option", name=names[pid], place=place[pid]),
            key=s.W_CLOSE,
            on_change=s.on_close,
            placeholder=t("sp.whatif.close.placeholder"),
            help=t("sp.whatif.close.help"),
        )
        st.button(
            t("sp.whatif.clear"),
            on_click=s.clear,
            disabled=not scenario.active,
            key="spw_clear",
            icon=":material/restart_alt:",
        )
    before_after(scenario)


def before_after(scenario: Scenario) -> None:
    """'500 m 覆盖率 71.3% → 78.9%，+412 户 …' for each radius, the chosen one in bold."""
    if not scenario.active:
        st.caption(t("sp.whatif.none"))
        return
    lines = []
    for r in RADII_M:
        hh = scenario.figures(r, "households")
        el = scenario.figures(r, "residents_60_plus")
        text = t(
            "sp.whatif.line",
            r=r,
            before=pct(hh["before_share"]),
            after=pct(hh["after_share"]),
            change=signed(hh["change"]),
            before_n=number(hh["before"]),
            after_n=number(hh["after"]),
            e_before=pct(el["before_share"]),
            e_after=pct(el["after_share"]),
            e_change=signed(el["change"]),
        )
        lines.append(f"- **{text}**" if r == scenario.radius else f"- {text}")
    with st.container(border=True):
        st.markdown(f"**{t('sp.whatif.result')}**\n\n" + "\n".join(lines))
