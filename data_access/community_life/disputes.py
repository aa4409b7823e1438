"""Disputes screened and mediated: the median days to resolve, by month, by category, by grid.

Counts below community level follow the county's `disputes` protection (screened and mediated,
computed over the chosen period) and `disputes_open` (open at its end) in `data_access.engine.protection`:
a grid of 1–2 shows "<3", a grid that would give one away "*"; a figure over chosen grids (the median, the monthly line) is shown
only when none of them is hidden. Months and categories within grids would be counts of one or
two disputes that could be subtracted from each other, so they are given by community only.
"""

from __future__ import annotations

import statistics

import pandas as pd
from sqlalchemy import case, func, select
from sqlalchemy.engine import Connection

from data_access import metrics, privacy
from data_access.areas.models import Grid
from data_access.areas.queries import community_names
from data_access.community_life.models import Dispute
from data_access.engine.periods import month_expr
from data_access.engine.protection import grids_open, protection
from data_access.filters import Filters
from data_access.vocab import DISPUTE_CATEGORIES

COUNTS = ("disputes_screened", "disputes_mediated", "disputes_open_30")


def _reported_in(f: Filters):
    return (
        f.area_clause(Dispute.community_code, Dispute.grid_code),
        f.date_in_period(Dispute.reported_on),
    )


def days_to_resolve(conn: Connection, f: Filters) -> list[int]:
    """Days from report to resolution of every dispute reported in the period and successfully
    mediated (0: the same day). Referred and pending ones are left out."""
    stmt = select(Dispute.reported_on, Dispute.resolved_on).where(
        *_reported_in(f), Dispute.outcome == "mediated", Dispute.resolved_on.is_not(None)
    )
    return [(done - reported).days for reported, done in conn.execute(stmt)]


def median_days(conn: Connection, f: Filters) -> float | None:
    """The median of `days_to_resolve`; None when nothing was mediated or when the chosen grids
    may not be published."""
    if not grids_open(conn, "disputes_screened", f):
        return None
    days = days_to_resolve(conn, f)
    return float(statistics.median(days)) if days else None


def monthly(conn: Connection, f: Filters) -> pd.DataFrame:
    """month, screened, mediated: every month of the period. Empty under a grid filter."""
    cols = ["month", "screened", "mediated"]
    if f.grids:
        return pd.DataFrame(columns=cols)
    month = month_expr(conn, Dispute.reported_on).label("month")
    stmt = (
        select(
            month,
            func.count(),
            func.sum(case((Dispute.outcome == "mediated", 1), else_=0)),
        )
        .where(*_reported_in(f))
        .group_by(month)
    )
    found = {r[0]: (int(r[1]), int(r[2] or 0)) for r in conn.execute(stmt)}
    return pd.DataFrame(
        [(m, *found.get(m, (0, 0))) for m in metrics.period_months(conn, f)], columns=cols
    )


def by_category(conn: Connection, f: Filters) -> pd.DataFrame:
    """category, screened, mediated, share (mediated ÷ screened), median_days of the disputes
    reported in the period, every category in the vocabulary order. Empty under a grid filter."""
    cols = ["category", "screened", "mediated", "share", "median_days"]
    if f.grids:
        return pd.DataFrame(columns=cols)
    stmt = select(
        Dispute.category, Dispute.outcome, Dispute.reported_on, Dispute.resolved_on
    ).where(*_reported_in(f))
    # One pass into categories (scanning every row once per category was slow at 50,000).
    of_category: dict[str, list[tuple]] = {cat: [] for cat in DISPUTE_CATEGORIES}
    for category, outcome, reported_on, resolved_on in conn.execute(stmt).all():
        if category in of_category:
            of_category[category].append((outcome, reported_on, resolved_on))
    out = []
    for cat in DISPUTE_CATEGORIES:
        mine = of_category[cat]
        mediated = [(rep, res) for o, rep, res in mine if o == "mediated" and res is not None]
        days = [(res - rep).days for rep, res in mediated]
        out.append(
            (
                cat,
                len(mine),
                len(mediated),
                len(mediated) / len(mine) if mine else None,
                float(statistics.median(days)) if days else None,
            )
        )
    return pd.DataFrame(out, columns=cols)


def by_grid(conn: Connection, f: Filters) -> pd.DataFrame:
    """Every grid of the chosen area: grid_code, grid, community, screened, mediated, open_30 (text
    after the protection pattern), share (mediated ÷ screened, None where the grid is hidden) and
    screened_value (None where hidden) for charts."""
    table = pd.DataFrame(
        conn.execute(
            select(Grid.code, Grid.name, Grid.community_code)
            .where(f.area_clause(Grid.community_code, Grid.code))
            .order_by(Grid.code)
        ).all(),
        columns=["grid_code", "grid", "community_code"],
    )
    names = community_names(conn)
    patterns = {"disputes": protection(conn, "disputes", f)}
    patterns["disputes_open"] = protection(conn, "disputes_open", f)
    codes = table["grid_code"].tolist()
    out = pd.DataFrame(
        {
            "grid_code": codes,
            "grid": table["grid"].tolist(),
            "community": [names.get(c, c) for c in table["community_code"]],
        }
    )
    raw = {k: metrics.by_grid(conn, k, f) for k in COUNTS}
    hidden = [
        patterns["disputes"].marker("disputes_screened", "grid", c) is not None for c in codes
    ]
    for key, col in zip(COUNTS, ("screened", "mediated", "open_30"), strict=True):
        pattern = patterns["disputes_open" if key == "disputes_open_30" else "disputes"]
        out[col] = [
            pattern.marker(key, "grid", c) or privacy.count_text(raw[key].get(c, 0), fine=False)
            for c in codes
        ]
    share = metrics.by_grid(conn, "disputes_mediated_share", f)
    out["share"] = [
        None if h or pd.isna(share.get(c)) else float(share[c])
        for h, c in zip(hidden, codes, strict=True)
    ]
    out["screened_value"] = [
        None if h else float(raw["disputes_screened"].get(c, 0))
        for h, c in zip(hidden, codes, strict=True)
    ]
    return out
