"""Volunteers, elderly groups, cadres and honours, by community."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import select
from sqlalchemy.engine import Connection

from data_access.filters import Filters
from data_access.models import ElderlyGroup


def elderly_groups(conn: Connection, f: Filters) -> pd.DataFrame:
    """community_code, name, kind, members of the groups for older residents."""
    stmt = (
        select(
            ElderlyGroup.community_code, ElderlyGroup.name, ElderlyGroup.kind, ElderlyGroup.members
        )
        .where(f.area_clause(ElderlyGroup.community_code))
        .order_by(ElderlyGroup.id)
    )
    return pd.DataFrame(
        conn.execute(stmt).all(), columns=["community_code", "name", "kind", "members"]
    )
