"""Older residents: the cards, the counts by community and grid, the groups that serve them, the
elderly service centre and the map."""

from __future__ import annotations

import streamlit as st

from components import kpi
from components.community_life.elderly_map import elderly_map
from components.community_life.tables import activity, table
from components.data import query
from components.i18n import fig, label, number, org, t
from components.rendered import rendered
from data_access.community_life import cards as card_list
from data_access.community_life import queries as q
from data_access.filters import Filters


def _by_area(f: Filters) -> None:
    st.markdown(f"**{t('cl.eld.by_area')}**")
    st.caption(t("cl.eld.by_area.caption"))
    frame = query(q.elderly_by_area, f)
    if f.grids:  # a community row would hold only the chosen grids: show the grids alone
        frame = frame[frame["level"] == "grid"]
    shown = frame[["community", "grid", "population", "residents_60_plus", "residents_80_plus",
                   "share_60_plus", "share_80_plus"]]  # fmt: skip
    table(
        shown,
        numbers=("population", "residents_60_plus", "residents_80_plus"),
        percent=("share_60_plus", "share_80_plus"),
        key="cl_elderly_table",
    )


def _groups(f: Filters) -> None:
    st.markdown(f"**{t('cl.eld.groups')}**")
    groups = query(q.elderly_groups, f)
    if groups.empty:
        st.info(t("cl.eld.groups.empty"))
        return
    shown = groups.assign(kind=[activity(k) for k in groups["kind"]])
    table(shown[["name", "community", "kind", "members", "founded_on"]], numbers=("members",))
    st.caption(t("cl.eld.groups.total", n=len(groups), members=number(groups["members"].sum())))


def _centre_lines(f: Filters) -> list[str] | None:
    """One line per community's day-care centre; None when there is none."""
    centres = query(q.elderly_centres, f)
    if centres.empty:
        return None
    lines = []
    for c in centres.itertuples(index=False):
        if not c.open_at_end:
            lines.append(
                t(
                    "cl.eld.centre.future",
                    community=c.community,
                    point=c.point_name or "—",
                    since=c.in_use_since,
                    dept=org(c.responsible_dept) or "—",
                )
            )
            continue
        point_status = (
            label("sp_status", c.point_status) if c.point_status else t("cl.eld.centre.not_open")
        )
        lines.append(
            t(
                "cl.eld.centre.line",
                community=c.community,
                status=label("facility_status", c.status),
                area=fig(c.area_m2, "m2"),
                since=c.in_use_since or "—",
                dept=org(c.responsible_dept) or "—",
                point=c.point_name or "—",
                point_status=point_status,
            )
        )
    return lines


def _centre(f: Filters) -> None:
    st.markdown(f"**{t('cl.eld.centre')}**")
    lines = rendered(_centre_lines, f)  # 200 communities: their words made once per version
    if lines is None:
        st.info(t("cl.eld.centre.empty"))
        return
    for line in lines:
        st.markdown(line)


def elderly(f: Filters) -> None:
    st.header(t("cl.eld"))
    kpi.card_grid([kpi.snapshot(k, f) for k in card_list.ELDERLY], columns=3)
    _by_area(f)
    left, right = st.columns(2)
    with left:
        _groups(f)
    with right:
        _centre(f)
    st.markdown(f"**{t('cl.eld.map')}**")
    elderly_map(f)
