"""The area every page filters by: its communities, grids and their boundaries."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import literal, select, union_all
from sqlalchemy.engine import Connection

from data_access.areas.models import Community, Grid
from data_access.filters import Filters


def communities(conn: Connection, f: Filters | None = None) -> pd.DataFrame:
    """code, name, town, households, population, lat, lon of the chosen communities (all when none chosen)."""
    stmt = select(
        Community.code,
        Community.name,
        Community.town,
        Community.households,
        Community.population,
        Community.lat,
        Community.lon,
    ).order_by(Community.code)
    if f is not None and f.communities:
        stmt = stmt.where(Community.code.in_(f.communities))
    return pd.DataFrame(
        conn.execute(stmt).mappings().all(), columns=list(stmt.selected_columns.keys())
    )


def grids(conn: Connection, community_codes: tuple[str, ...] = ()) -> pd.DataFrame:
    """code, community_code, name, households, population of the grids (of the given communities)."""
    stmt = select(
        Grid.code, Grid.community_code, Grid.name, Grid.households, Grid.population
    ).order_by(Grid.code)
    if community_codes:
        stmt = stmt.where(Grid.community_code.in_(community_codes))
    return pd.DataFrame(
        conn.execute(stmt).mappings().all(), columns=list(stmt.selected_columns.keys())
    )


def boundaries(conn: Connection, f: Filters) -> pd.DataFrame:
    """level ('community'/'grid'), code, community_code, name, boundary (GeoJSON text) of the chosen area."""
    comm = select(
        literal("community").label("level"),
        Community.code,
        Community.code.label("community_code"),
        Community.name,
        Community.boundary,
    ).where(f.area_clause(Community.code))
    grid = select(
        literal("grid").label("level"),
        Grid.code,
        Grid.community_code,
        Grid.name,
        Grid.boundary,
    ).where(f.area_clause(Grid.community_code, Grid.code))
    rows = conn.execute(union_all(comm, grid)).mappings().all()
    return pd.DataFrame(rows, columns=["level", "code", "community_code", "name", "boundary"])


def community_names(conn: Connection) -> dict[str, str]:
    """code → name of every community (the one lookup every page and export uses)."""
    comms = communities(conn)
    return dict(zip(comms["code"], comms["name"], strict=True))
