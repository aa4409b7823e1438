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
from data_access.areas.models import Community, Grid
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


def map_communities(conn: Connection, f: Filters, measure: str) -> pd.DataFrame:
    """The columns of `map_grids` for every community of the chosen area (grid_code and grid
    holding the community's code and name): the map of a city's county level. Community counts
    are published exactly, as on the page's tables."""
    key = MEASURES[measure]
    stmt = (
        select(Community.code, Community.name, Community.population, Community.boundary)
        .where(f.area_clause(Community.code))
        .order_by(Community.code)
    )
    values = metrics.by_community(conn, key, f)
    out = []
    for code, name, population, boundary in conn.execute(stmt).all():
        raw = float(values.get(code, 0.0))
        out.append(
            {
                "grid_code": code,
                "grid": name,
                "community": name,
                "population": int(population or 0),
                "boundary": boundary,
                "count": privacy.count_text(raw, fine=False),
                "value": raw,
                "per1000": 1000 * raw / float(population) if population else None,
            }
        )
    columns = [
        "grid_code", "grid", "community", "population", "boundary", "count", "value", "per1000",
    ]  # fmt: skip
    return pd.DataFrame(out, columns=columns)
