"""Construction projects: a table (phase at the period's end, size, budget, money received,
schedule), the late phases flagged, and an Altair timeline of the phases, planned against actual."""

from __future__ import annotations

import datetime as dt

import altair as alt
import pandas as pd
import streamlit as st

from components import page_state
from components.charts import FONT
from components.data import query
from components.facilities.colours import PHASE_COLOURS
from components.i18n import fig, label, number, t
from components.rendered import chart, rendered_or_note
from components.tables import data_table
from data_access.facilities import projects as facility_projects
from data_access.filters import Filters


def phase_text(r) -> str:
    if r.phase is None or pd.isna(r.phase):
        return t("fac.projects.none_begun")
    name = label("project_phase", r.phase)
    return t("fac.projects.not_started", phase=name) if r.not_started else name


def size_text(r) -> str:
    area = fig(r.floor_area_m2, "m2") if pd.notna(r.floor_area_m2) else "—"
    floors = number(r.floors) if pd.notna(r.floors) else "—"
    rooms = number(r.rooms) if pd.notna(r.rooms) else "—"
    if pd.notna(r.land_mu):
        return t("fac.projects.size", land=number(r.land_mu, 1).removesuffix(".0"), floors=floors,
                 rooms=rooms, area=area)  # fmt: skip
    return t("fac.projects.size.no_land", floors=floors, rooms=rooms, area=area)


def schedule_text(phases: pd.DataFrame) -> str:
    """Every judged phase that ran late or ended early; on schedule or no plan otherwise."""
    judged = phases[phases["late_days"].notna()]
    if judged.empty:
        return t("fac.projects.no_plan")
    parts = []
    for p in judged.itertuples(index=False):
        days = int(p.late_days)
        name = label("project_phase", p.phase)
        if days > 0:
            parts.append(t("fac.projects.late", phase=name, days=days))
        elif days < 0:
            parts.append(t("fac.projects.early", phase=name, days=-days))
    return t("common.list_sep").join(parts) if parts else t("fac.projects.on_time")


def late_text(phases: pd.DataFrame) -> str:
    late = phases[phases["late_days"].fillna(0) > 0]
    return t("common.list_sep").join(
        t("fac.projects.late", phase=label("project_phase", p.phase), days=int(p.late_days))
        for p in late.itertuples(index=False)
    )


def table(projects: pd.DataFrame, phases: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for r in projects.itertuples(index=False):
        mine = phases[phases["project_id"] == r.id]
        rows.append(
            {
                t("fac.projects.col.name"): r.name,
                t("fac.projects.col.phase"): phase_text(r),
                t("fac.projects.col.delay"): schedule_text(mine),
                t("fac.projects.col.budget"): fig(r.budget_yuan, "yuan", compact=True)
                if pd.notna(r.budget_yuan)
                else "—",
                t("fac.projects.col.received"): fig(r.received_yuan, "yuan", compact=True),
                t("fac.projects.col.size"): size_text(r),
                t("fac.projects.col.community"): r.community,
            }
        )
    return pd.DataFrame(rows)


def timeline_frame(phases: pd.DataFrame, as_of: dt.date, with_plan: bool) -> pd.DataFrame:
    """One bar per project × phase × series (planned, actual) with a start and an end."""
    rows = []
    for p in phases.itertuples(index=False):
        base = {
            "project": p.project,
            "phase": label("project_phase", p.phase),
            "phase_code": p.phase,
            "late": "—" if pd.isna(p.late_days) else str(int(p.late_days)),
        }
        if with_plan and p.planned_start is not None and pd.notna(p.planned_start):
            end = p.planned_end if pd.notna(p.planned_end) else p.planned_start
            rows.append({**base, "series": t("fac.timeline.planned"), "start": p.planned_start,
                         "end": end})  # fmt: skip
        if p.state == "not_started":
            continue
        start = p.actual_start if pd.notna(p.actual_start) else None
        end = p.actual_end if pd.notna(p.actual_end) else None
        if p.state == "current":
            end = as_of
        if start is None and end is not None and pd.notna(p.planned_start):
            start = min(p.planned_start, end)
        if start is None or end is None:
            continue
        rows.append({**base, "series": t("fac.timeline.actual"), "start": start, "end": end})
    df = pd.DataFrame(
        rows, columns=["project", "phase", "phase_code", "late", "series", "start", "end"]
    )
    for c in ("start", "end"):
        df[c] = pd.to_datetime(df[c])
    return df


def timeline(df: pd.DataFrame) -> alt.Chart:
    phases = [label("project_phase", p) for p in PHASE_COLOURS]
    series = [t("fac.timeline.planned"), t("fac.timeline.actual")]
    chart = (
        alt.Chart(df)
        .mark_bar(height={"band": 0.8}, cornerRadius=2)
        .encode(
            y=alt.Y("project:N", title=None, axis=alt.Axis(labelLimit=260)),
            yOffset=alt.YOffset("series:N", sort=series, scale=alt.Scale(domain=series)),
            x=alt.X("start:T", title=None, axis=alt.Axis(format="%Y-%m")),
            x2="end:T",
            color=alt.Color(
                "phase:N",
                title=t("fac.timeline.phase"),
                scale=alt.Scale(domain=phases, range=list(PHASE_COLOURS.values())),
            ),
            opacity=alt.Opacity(
                "series:N", scale=alt.Scale(domain=series, range=[0.35, 1.0]), legend=None
            ),
            tooltip=[
                alt.Tooltip("project:N", title=t("fac.timeline.project")),
                alt.Tooltip("phase:N", title=t("fac.timeline.phase")),
                alt.Tooltip("series:N", title=t("fac.timeline.series")),
                alt.Tooltip("start:T", title=t("fac.timeline.start"), format="%Y-%m-%d"),
                alt.Tooltip("end:T", title=t("fac.timeline.end"), format="%Y-%m-%d"),
                alt.Tooltip("late:N", title=t("fac.timeline.late")),
            ],
        )
        .properties(height=max(160, 90 * df["project"].nunique()))
    )
    return (
        chart.configure_axis(labelFont=FONT, titleFont=FONT, labelFontSize=13)
        .configure_legend(labelFont=FONT, titleFont=FONT, labelFontSize=13, orient="bottom")
        .configure_view(strokeWidth=0)
    )


def _table_and_flags(f: Filters) -> tuple[pd.DataFrame, list[str]] | None:
    """The projects' table and the warnings of those running late; None without projects."""
    proj = query(facility_projects.projects, f)
    if proj.empty:
        return None
    phases = query(facility_projects.phases, f)
    phases_of = dict(tuple(phases.groupby("project_id")))  # one split, not a mask per project
    flags = []
    for r in proj.itertuples(index=False):
        late = late_text(phases_of.get(r.id, phases.iloc[0:0]))
        if late:
            flags.append(t("fac.projects.flag", name=r.name, delays=late))
    return table(proj, phases), flags


def projects(f: Filters) -> None:
    made = rendered_or_note(_table_and_flags, f, empty=t("fac.projects.empty"))
    if made is None:
        return
    shown, flags = made
    data_table(shown, width="stretch")
    for flag in flags:
        st.warning(flag)
    with_plan = st.toggle(
        t("fac.projects.plan_toggle"),
        **page_state.bound(
            "fac_plan", to_widget=lambda v: v == "on", from_widget=lambda b: "on" if b else "off"
        ),
    )
    as_of = f.end_date or dt.date.today()
    df = timeline_frame(query(facility_projects.phases, f), as_of, with_plan)
    if not df.empty:
        chart(timeline, df)
    st.caption(t("fac.timeline.caption"))
    st.caption(t("fac.projects.rule"))
