"""就业服务: the path to a job by group, placements by channel, days to placement, the 充分就业社区
criteria and the pace to the year's target. The map and the zero-employment families have their
own module (`employment_areas`).

The people of a period are those registered by its last day and not placed before its first day
(all registered by then when the period is open). Community-level counts are exact; a grid
filter gives no breakdown (see `area_open`).
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
from sqlalchemy import select
from sqlalchemy.engine import Connection

from data_access import metrics
from data_access.areas.queries import community_names
from data_access.employment import rules as logic
from data_access.employment.models import Jobseeker, JobseekerGroup
from data_access.filters import Filters, month_end

JS = Jobseeker
PEOPLE_COLUMNS = [
    "person_no",
    "community_code",
    "grid_code",
    "gender",
    "birth_date",
    "registered_on",
    "trained_on",
    "informed_on",
    "placed_on",
    "placement_channel",
    "family_no",
]


def as_of(conn: Connection, f: Filters) -> dt.date:
    """The last day of the period (of the data's last month when the period is open)."""
    return month_end(metrics.end_month(conn, f))


def area_open(conn: Connection, f: Filters) -> bool:
    """Whether the breakdowns (by group, step, channel, month) may be shown: by community only.
    Within grids they would be counts of one or two people, and breakdowns of chosen grids could
    be subtracted from each other, so a grid filter gives none."""
    return not f.grids


def _dates(frame: pd.DataFrame, columns) -> pd.DataFrame:
    for c in columns:
        frame[c] = pd.to_datetime(frame[c]).dt.date
        frame[c] = frame[c].astype(object).where(frame[c].notna(), None)
    return frame


def people(conn: Connection, f: Filters, placed_only: bool = False) -> pd.DataFrame:
    """The period's job seekers, one row per person, with `groups` (a frozenset, 4050 included
    when the person is 4050 at the period's last day) and `step` (the furthest step reached);
    with `placed_only`, only those placed by the period's last day.
    For this module's aggregates only: never handed to a page."""
    end = as_of(conn, f)
    clauses = [JS.registered_on <= end, f.area_clause(JS.community_code, JS.grid_code)]
    if f.start_date is not None:
        clauses.append((JS.placed_on.is_(None)) | (JS.placed_on >= f.start_date))
    if placed_only:
        clauses.append(JS.placed_on.is_not(None) & (JS.placed_on <= end))
    result = conn.execute(select(*(getattr(JS, c) for c in PEOPLE_COLUMNS)).where(*clauses))
    # Plain tuples: pandas probing each SQLAlchemy Row for named fields cost seconds at 100,000.
    frame = _dates(
        pd.DataFrame([tuple(r) for r in result.all()], columns=PEOPLE_COLUMNS),
        ["birth_date", "registered_on", "trained_on", "informed_on", "placed_on"],
    )
    links: dict[str, set[str]] = {}
    if not frame.empty:
        stmt = select(JobseekerGroup.person_no, JobseekerGroup.group_code).where(
            JobseekerGroup.person_no.in_(select(JS.person_no).where(*clauses))
        )
        for person, code in conn.execute(stmt).all():
            links.setdefault(person, set()).add(code)
    # Vectorised twins of logic.is_4050 and logic.furthest_step (one Python call per person
    # per rule took seconds at 100,000 people).
    birth = pd.to_datetime(frame["birth_date"])
    is_4050 = pd.Series(False, index=frame.index)
    for gender, age in logic.AGE_4050.items():
        cutoff = pd.Timestamp(logic.years_before(end, age))
        is_4050 |= (frame["gender"] == gender) & (birth <= cutoff)
    frame["groups"] = [
        frozenset(links.get(p, set()) | ({"4050"} if old else set()))
        for p, old in zip(frame["person_no"], is_4050.tolist(), strict=True)
    ]
    by_end = pd.Timestamp(end)
    reached = [
        (pd.to_datetime(frame[f"{step}_on"]) <= by_end).to_numpy(dtype=bool)
        for step in ("placed", "informed", "trained")
    ]
    frame["step"] = np.select(reached, ["placed", "informed", "trained"], "registered").astype(
        object
    )
    return frame


def _in_group(frame: pd.DataFrame, group: str) -> pd.Series:
    return frame["groups"].map(lambda gs: group in gs).astype(bool)


# ------------------------------------------------------------------------------ the path to a job


def funnel(conn: Connection, f: Filters) -> pd.DataFrame:
    """group, community_code, community, step, reached, lost_share: per group and community, the
    people who reached each step (or a later one) and the share of the step before who did not."""
    columns = ["group", "community_code", "community", "step", "reached", "lost_share"]
    if not area_open(conn, f):
        return pd.DataFrame(columns=columns)
    frame = people(conn, f)
    names = community_names(conn)
    codes = sorted(set(f.communities) or set(names))
    rows = []
    for group in logic.GROUPS:
        mine = frame[_in_group(frame, group)] if not frame.empty else frame
        # One count per community and step, then looked up: masking per community was quadratic.
        by_code: dict[str, dict[str, int]] = {}
        for (code, step), n in mine.groupby(["community_code", "step"]).size().items():
            by_code.setdefault(code, {})[step] = int(n)
        for code in codes:
            counts = by_code.get(code, {})
            reached = logic.funnel_counts(counts)
            lost = logic.step_losses(reached)
            for step in logic.STEPS:
                rows.append(
                    {
                        "group": group,
                        "community_code": code,
                        "community": names.get(code, code),
                        "step": step,
                        "reached": reached[step],
                        "lost_share": lost.get(step),
                    }
                )
    return pd.DataFrame(rows, columns=columns)


# ------------------------------------------------------------------------------ placements


def placements_by_channel(conn: Connection, f: Filters) -> pd.DataFrame:
    """month, channel, placed: people placed in each month of the period, by channel (the `placed`
    figure by month and its `channel` dimension; no channel recorded: 'unknown')."""
    columns = ["month", "channel", "placed"]
    if not area_open(conn, f):
        return pd.DataFrame(columns=columns)
    frame = metrics.monthly(conn, "placed", f, by="channel")
    if frame.empty:
        return pd.DataFrame(columns=columns)
    frame = frame.assign(channel=frame["channel"].fillna("unknown"))
    out = frame.groupby(["month", "channel"], sort=True)["value"].sum().astype(int)
    return out.rename("placed").reset_index()[columns]


def days_to_placement(conn: Connection, f: Filters) -> pd.DataFrame:
    """group, placed, median_days: the people of each group placed in the period and the median
    days from their registration to placement (`placed` and `days_to_placement` by group)."""
    columns = ["group", "placed", "median_days"]
    if not area_open(conn, f):
        return pd.DataFrame(columns=columns)
    placed = metrics.category_totals(conn, "placed", "group", f)
    median = metrics.category_totals(conn, "days_to_placement", "group", f)
    rows = [
        {
            "group": group,
            "placed": int(placed.get(group, 0)),
            "median_days": float(median[group]) if pd.notna(median.get(group)) else None,
        }
        for group in logic.GROUPS
    ]
    return pd.DataFrame(rows, columns=columns)


# ------------------------------------------------------------------------------ pace


def monthly_counts(conn: Connection, f: Filters, key: str, year: tuple[str, str]) -> dict:
    """month → events of metric `key` in the chosen area over the year (start, end months)."""
    at = Filters(f.communities, f.grids, year[0], year[1])
    frame = metrics.monthly(conn, key, at)
    if frame.empty:
        return {}
    return {m: float(v) for m, v in frame.groupby("month")["value"].sum().items()}


def year_of(conn: Connection, f: Filters, key: str) -> tuple[str, str]:
    """The target year the period's end falls in (the target period of `key`), else the
    calendar year of the period's last month."""
    goal = metrics.target(conn, key, f.with_period(f.start, metrics.end_month(conn, f)))
    if goal is not None:
        return goal.start, goal.end
    end = metrics.end_month(conn, f)
    return f"{end[:4]}-01", f"{end[:4]}-12"


def pace(conn: Connection, f: Filters, key: str, target: float) -> logic.Pace:
    """The pace to `target` of flow `key` over its target year, read at the period's end."""
    year = year_of(conn, f, key)
    return logic.pace(
        target, monthly_counts(conn, f, key, year), year[0], year[1], metrics.end_month(conn, f)
    )
