"""Every number the dashboard publishes about a protected count, over every area and period a
reader can ask for, as equations for the auditor (`lp_audit`).

Areas: each community (exact), each grid, and pairs of grids of one community (a selection of
two grids is published only when both are, so a pair across communities adds nothing a reader
does not have from its two grids). Periods: every run of whole months within the data — each
month, the quick periods, sliding windows, the year. A figure over chosen grids is published
exactly when the page would publish it: `protection.grids_open`, the rule every card, table,
map and export reads; hidden, it shows its grid's marker or "*". Compounds are audited by the
bounds auditor of `disclosure` (their patterns are per grid and month).

Communities share no equation (their totals are exact, and no published number spans two of
them), so each community is audited on its own.
"""

from __future__ import annotations

from itertools import combinations

import pandas as pd
from sqlalchemy import select
from sqlalchemy.engine import Connection

from data_access.areas.models import Grid
from data_access.engine import compute
from data_access.engine.disclosure import SECONDARY
from data_access.engine.lp_audit import Published, Report, intervals
from data_access.engine.periods import data_period
from data_access.engine.protection import protection, protections
from data_access.filters import Filters, months_between

Window = tuple[str, str]


def every_window(conn: Connection, longest: int | None = None) -> list[Window]:
    """Every run of whole months within the data (up to `longest` months long, and the whole
    range)."""
    span = data_period(conn)
    if span is None:
        return []
    months = months_between(*span)
    return [
        (months[i], months[j])
        for i in range(len(months))
        for j in range(i, len(months))
        if longest is None or j - i < longest or (i, j) == (0, len(months) - 1)
    ]


def _grids_of(conn: Connection) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for code, community in conn.execute(select(Grid.code, Grid.community_code).order_by(Grid.code)):
        found.setdefault(community, []).append(code)
    return found


def _per_grid_month(conn: Connection, measure: str, months: list[str]) -> dict:
    """(grid, month) → the measure's count: the finest cells."""
    cells = {}
    for month in months:
        per_grid = compute.by_grid(conn, measure, Filters(start=month, end=month))
        cells.update({(g, month): float(v) for g, v in per_grid.items()})
    return cells


def published_numbers(
    conn: Connection, name: str, windows: list[Window]
) -> dict[tuple[str, str], list[Published]]:
    """(measure, community) → every number published about the measure of protection `name`
    in that community, over the given windows."""
    covered = protections()[name]
    grids_of = _grids_of(conn)
    months = sorted({m for s, e in windows for m in months_between(s, e)})
    out: dict[tuple[str, str], list[Published]] = {}
    for measure in covered.measures:
        cells = _per_grid_month(conn, measure, months)
        for start, end in windows:
            spans = months_between(start, end) if covered.over_period else [end]
            pattern = protection(conn, name, Filters(start=start, end=end))
            for community, grids in grids_of.items():
                numbers = out.setdefault((measure, community), [])
                # Where no grid is published (a period that is not whole quarters), a pair adds
                # no equation and is bounded like its two grids, which are audited.
                pairs = [] if pattern.not_whole_windows else list(combinations(grids, 2))
                areas = [(g,) for g in grids] + pairs
                keys = frozenset((g, m) for g in grids for m in spans)
                true = sum(cells.get(k, 0.0) for k in keys)
                numbers.append(Published(f"{measure} {community} {start}..{end}", keys, true, true))
                for area in areas:
                    keys = frozenset((g, m) for g in area for m in spans)
                    true = sum(cells.get(k, 0.0) for k in keys)
                    if pattern.grids_open(area):
                        shown: float | str = true
                    elif len(area) == 1:
                        shown = pattern.marker(measure, "grid", area[0]) or SECONDARY
                    else:
                        shown = SECONDARY
                    label = f"{measure} {'+'.join(area)} {start}..{end}"
                    numbers.append(Published(label, keys, shown, true))
    return out


def month_additive(conn: Connection, measure: str, window: Window) -> bool:
    """Whether the measure over a window is the sum of its months (a figure judged at the
    window's last day, such as 4050 read from age, is not; the LP's cells would not hold)."""
    whole = compute.by_grid(conn, measure, Filters(start=window[0], end=window[1]))
    parts = sum(
        compute.by_grid(conn, measure, Filters(start=m, end=m)) for m in months_between(*window)
    )
    return bool(((whole - parts).abs() < 1e-9).all()) if isinstance(parts, pd.Series) else True


def audit_protection(
    conn: Connection, name: str, windows: list[Window] | None = None, full: bool = True
) -> Report:
    """The LP auditor over every published number of one protection (`full`: see
    `lp_audit.intervals`)."""
    windows = every_window(conn) if windows is None else windows
    report = Report()
    covered = protections()[name]
    for (measure, _community), numbers in published_numbers(conn, name, windows).items():
        if covered.over_period and not month_additive(conn, measure, windows[-1]):
            continue
        report.extend(intervals(numbers, full))
    return report
