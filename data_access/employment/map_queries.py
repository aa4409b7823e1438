"""The employment map: per grid, registered job seekers not yet placed at the period's end and
people placed during the period, as counts or per 1,000 residents.

Grid counts leave this module after a protection pattern: the county's pattern of job seekers
waiting (`protection`'s "jobseekers"), and for placements in the period one computed the same way
over the period's counts (communities exact, grids "<3" or "*"). A hidden grid has no shade and
no rate, so neither can be read back into a count.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import select
from sqlalchemy.engine import Connection

from data_access import metrics, privacy
from data_access.areas.models import Grid
from data_access.areas.queries import community_names
from data_access.engine.disclosure import Group, Pattern, protect_jointly
from data_access.engine.protection import protection
from data_access.filters import Filters

MEASURES = {"waiting": "jobseekers_waiting", "placed": "placed"}


def _placed_pattern(conn: Connection, f: Filters) -> Pattern:
    """The protection pattern of placements over the period, for the whole county."""
    county = Filters(start=f.start, end=f.end)
    per_community = metrics.by_community(conn, "placed", county)
    per_grid = metrics.by_grid(conn, "placed", county)
    grid_rows = conn.execute(select(Grid.code, Grid.community_code)).all()
    values = {("community", c): int(v) for c, v in per_community.items()}
    values.update({("grid", g): int(per_grid.get(g, 0)) for g, _ in grid_rows})
    groups = [
        Group(("community", c), tuple(("grid", g) for g, cc in grid_rows if cc == c))
        for c in {cc for _, cc in grid_rows}
    ]
    exact = {("community", c) for _, c in grid_rows}
    return protect_jointly({"placed": values}, groups, exact)["placed"]


def map_grids(conn: Connection, f: Filters, measure: str) -> pd.DataFrame:
    """grid_code, grid, community, population, boundary, count (text after protection), value
    (None when hidden) and per1000 (None when hidden or no residents) of `measure`
    ('waiting' or 'placed') for every grid of the chosen area."""
    key = MEASURES[measure]
    stmt = (
        select(Grid.code, Grid.name, Grid.community_code, Grid.population, Grid.boundary)
        .where(f.area_clause(Grid.community_code, Grid.code))
        .order_by(Grid.code)
    )
    rows = conn.execute(stmt).all()
    values = metrics.by_grid(conn, key, f)
    if measure == "waiting":
        pattern = protection(conn, "jobseekers", f).patterns[key]
    else:
        pattern = _placed_pattern(conn, f)
    names = community_names(conn)
    out = []
    for code, name, community, population, boundary in rows:
        raw = float(values.get(code, 0.0))
        marker = pattern.marker(("grid", code))
        value = None if marker else raw
        out.append(
            {
                "grid_code": code,
                "grid": name,
                "community": names.get(community, community),
                "population": int(population or 0),
                "boundary": boundary,
                "count": marker or privacy.count_text(raw, fine=False),
                "value": value,
                "per1000": None
                if value is None or not population
                else 1000 * value / float(population),
            }
        )
    columns = [
        "grid_code", "grid", "community", "population", "boundary", "count", "value", "per1000",
    ]  # fmt: skip
    return pd.DataFrame(out, columns=columns)
