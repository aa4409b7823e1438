"""The employment map: per grid, registered job seekers not yet placed at the period's end and
people placed during the period, as counts or per 1,000 residents.

Grid counts leave this module after the county's protection pattern: "jobseekers" for job
seekers waiting, "placements" for people placed (published per whole quarter; a period that is
not whole quarters shows no grid). A hidden grid has no shade and no rate, so neither can be
read back into a count.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import select
from sqlalchemy.engine import Connection

from data_access import metrics, privacy
from data_access.areas.models import Grid
from data_access.areas.queries import community_names
from data_access.engine.protection import protection
from data_access.filters import Filters

MEASURES = {"waiting": "jobseekers_waiting", "placed": "placed"}


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
    pattern = protection(conn, "jobseekers" if measure == "waiting" else "placements", f).patterns[
        key
    ]
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
