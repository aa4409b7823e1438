"""Construction projects phase by phase (planned against actual) and the money raised for them.

Phases and delays follow `data_access.facilities.rules`; money is what was received in the
chosen period (by date received), per community, so no figure is finer than a community.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from data_access import metrics
from data_access.areas.models import Community
from data_access.facilities import rules as logic
from data_access.facilities.models import Funding, Project, ProjectPhasePlan
from data_access.facilities.status import chosen_communities
from data_access.filters import Filters

PROJECT_COLUMNS = [
    "id",
    "community_code",
    "community",
    "name",
    "phase",
    "not_started",
    "land_mu",
    "floor_area_m2",
    "floors",
    "rooms",
    "budget_yuan",
    "received_yuan",
    "late_days",
    "late_phase",
]
PHASE_COLUMNS = [
    "project_id",
    "project",
    "phase",
    "state",
    "actual_start",
    "actual_end",
    "planned_start",
    "planned_end",
    "late_days",
]


def _projects(conn: Connection, codes: tuple[str, ...]) -> list[dict]:
    stmt = (
        select(*Project.__table__.columns, Community.name.label("community"))
        .join(Community, Community.code == Project.community_code)
        .where(Project.community_code.in_(codes))
        .order_by(Project.id)
    )
    return [dict(r) for r in conn.execute(stmt).mappings().all()]


def _plans(conn: Connection, ids: list[str]) -> dict[str, dict[str, tuple]]:
    stmt = select(
        ProjectPhasePlan.project_id,
        ProjectPhasePlan.phase,
        ProjectPhasePlan.planned_start,
        ProjectPhasePlan.planned_end,
    ).where(ProjectPhasePlan.project_id.in_(ids))
    plans: dict[str, dict[str, tuple]] = {}
    for pid, phase, start, end in conn.execute(stmt).all():
        plans.setdefault(pid, {})[phase] = (start, end)
    return plans


def _received(conn: Connection, f: Filters) -> dict[str, float]:
    """project id → money it received in the period (`funding_raised` by its `project`)."""
    totals = metrics.category_totals(conn, "funding_raised", "project", f)
    return {pid: float(v) for pid, v in totals.items() if isinstance(pid, str)}


def projects(conn: Connection, f: Filters) -> pd.DataFrame:
    """One row per project: phase at the period's end (`not_started`: construction phase with no
    start date), size, budget, money received in the period, and the largest delay of any phase
    (days, with the phase; None when no phase has a plan to be late against)."""
    codes = chosen_communities(conn, f)
    rows = _projects(conn, codes)
    plans = _plans(conn, [r["id"] for r in rows])
    received = _received(conn, f)
    as_of = f.end_date or dt.date.today()
    out = []
    for r in rows:
        mine = plans.get(r["id"], {})
        phases = logic.phases(r, mine, as_of)
        current = next((p for p in phases if p.state == "current"), None)
        judged = [p for p in phases if p.late_days is not None]
        worst = max(judged, key=lambda p: p.late_days, default=None)  # type: ignore[arg-type]
        out.append(
            {
                "id": r["id"],
                "community_code": r["community_code"],
                "community": r["community"],
                "name": r["name"],
                "phase": current.phase if current else None,
                "not_started": current is not None
                and current.phase == "construction"
                and current.actual_start is None,
                "land_mu": r["land_mu"],
                "floor_area_m2": r["floor_area_m2"],
                "floors": r["floors"],
                "rooms": r["rooms"],
                "budget_yuan": float(r["budget_yuan"]) if r["budget_yuan"] is not None else None,
                "received_yuan": received.get(r["id"], 0.0),
                "late_days": worst.late_days if worst is not None else None,
                "late_phase": worst.phase if worst is not None else None,
            }
        )
    return pd.DataFrame(out, columns=PROJECT_COLUMNS)


def phases(conn: Connection, f: Filters) -> pd.DataFrame:
    """One row per project × phase: state at the period's end, actual and planned dates, days late."""
    codes = chosen_communities(conn, f)
    rows = _projects(conn, codes)
    plans = _plans(conn, [r["id"] for r in rows])
    as_of = f.end_date or dt.date.today()
    out = []
    for r in rows:
        for p in logic.phases(r, plans.get(r["id"], {}), as_of):
            out.append(
                {
                    "project_id": r["id"],
                    "project": r["name"],
                    "phase": p.phase,
                    "state": p.state,
                    "actual_start": p.actual_start,
                    "actual_end": p.actual_end,
                    "planned_start": p.planned_start,
                    "planned_end": p.planned_end,
                    "late_days": p.late_days,
                }
            )
    return pd.DataFrame(out, columns=PHASE_COLUMNS)


def funding_by(conn: Connection, f: Filters, by: str) -> pd.DataFrame:
    """key, amount_yuan received in the period, grouped by 'source' or 'purpose' (largest first):
    the `funding_raised` figure by its dimension."""
    totals = metrics.category_totals(conn, "funding_raised", by, f)
    totals = totals[totals > 0]
    return pd.DataFrame(
        {
            "key": ["" if pd.isna(k) else k for k in totals.index],  # no purpose recorded
            "amount_yuan": totals.astype(float).tolist(),
        }
    )


def funding_cumulative(conn: Connection, f: Filters) -> pd.DataFrame:
    """month, source, amount_yuan (received that month), cumulative (received since the period's
    start): every month of the period × every source that received money (`funding_raised`'s
    running total by source)."""
    cum = metrics.cumulative(conn, "funding_raised", f, by="source")
    return cum.rename(columns={"value": "amount_yuan"})[
        ["month", "source", "amount_yuan", "cumulative"]
    ]


def project_money(conn: Connection, f: Filters) -> pd.DataFrame:
    """project_id, project, budget_yuan, source, amount_yuan: money each project received in the
    period by source, beside its budget (a project with no money yet has one row, source None)."""
    codes = chosen_communities(conn, f)
    stmt = (
        select(
            Project.id,
            Project.name,
            Project.budget_yuan,
            Funding.source,
            func.sum(Funding.amount_yuan),
        )
        .join(
            Funding,
            (Funding.project_id == Project.id) & f.date_in_period(Funding.received_on),
            isouter=True,
        )
        .where(Project.community_code.in_(codes))
        .group_by(Project.id, Project.name, Project.budget_yuan, Funding.source)
        .order_by(Project.id, Funding.source)
    )
    cols = ["project_id", "project", "budget_yuan", "source", "amount_yuan"]
    df = pd.DataFrame(conn.execute(stmt).all(), columns=cols)
    for c in ("budget_yuan", "amount_yuan"):
        df[c] = df[c].astype(float)
    return df


def project_received(conn: Connection, f: Filters) -> pd.DataFrame:
    """project_id, project, amount_yuan: money each project of the chosen area received in the
    period (0 for a project with none yet), by project id."""
    rows = _projects(conn, chosen_communities(conn, f))
    received = _received(conn, f)
    return pd.DataFrame(
        {
            "project_id": [r["id"] for r in rows],
            "project": [r["name"] for r in rows],
            "amount_yuan": [received.get(r["id"], 0.0) for r in rows],
        },
        columns=["project_id", "project", "amount_yuan"],
    )
