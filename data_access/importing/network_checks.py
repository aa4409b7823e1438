"""Warnings about the walking network an import leaves behind: they do not refuse the file.

Read inside the import's transaction, after its rows are written and before the commit or the
dry run's rollback, so they describe the network as it will be (a `--replace` included). Only
streets, compounds and service points change it.

- Fragments: a connected group of streets other than the largest whose total length is under
  FRAGMENT_M. A compound whose nearest street lies on one walks only within it: its coverage
  shows 无 although a point may be metres away across a gap. The usual cause is streets that
  cross without sharing a vertex (lines not split at junctions in the GIS).
- Long door walks: a compound or service point further than DOOR_WARN_M from its nearest
  street; the walk counts that stretch as a straight line.

One warning is not about streets but belongs to the same moment: service points marked 运营中
with no row in `service_point_states` count nowhere until their states are imported (a point
counts at a month's end by the state valid then).
"""

from __future__ import annotations

import numpy as np
from scipy.sparse.csgraph import connected_components
from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from data_access.models import Compound, ServicePoint, ServicePointState
from data_access.service_points import walking
from data_access.service_points.walking_queries import read_network
from data_access.text import numbers, t

_LANG = "zh"
FRAGMENT_M = 1000.0
DOOR_WARN_M = 150.0
WATCHED = ("roads", "compounds", "service_points")


def _components(s: walking.Streets) -> tuple[np.ndarray, np.ndarray]:
    """Each node's component label, and each component's street length (m)."""
    from scipy import sparse

    n = len(s.lat)
    graph = sparse.coo_matrix((np.ones(len(s.u)), (s.u, s.v)), shape=(n, n))
    _, label = connected_components(graph, directed=False)
    length = np.bincount(label[s.u], weights=s.w, minlength=label.max() + 1)
    return label, length


def network_warnings(conn: Connection, table: str) -> list[str]:
    """The warnings (Chinese) about the network as the connection now sees it."""
    if table not in WATCHED:
        return []
    states = _state_warnings(conn) if table == "service_points" else []
    return states + _network_warnings(conn)


def _state_warnings(conn: Connection) -> list[str]:
    stated = select(ServicePointState.point_id)
    missing = conn.execute(
        select(func.count())
        .select_from(ServicePoint)
        .where(ServicePoint.status == "operating", ServicePoint.id.not_in(stated))
    ).scalar_one()
    return [t("import.network.no_states", _LANG, count=numbers.plain(missing))] if missing else []


def _network_warnings(conn: Connection) -> list[str]:
    s = read_network(conn)
    if s.empty:
        return []
    compounds = conn.execute(select(Compound.lat, Compound.lon, Compound.households)).all()
    points = conn.execute(select(ServicePoint.lat, ServicePoint.lon)).all()
    warnings: list[str] = []
    label, length = _components(s)
    main = int(np.argmax(length))
    small = (length < FRAGMENT_M) & (np.arange(len(length)) != main)
    if compounds:
        lat = np.array([c[0] for c in compounds], dtype=float)
        lon = np.array([c[1] for c in compounds], dtype=float)
        edge, _, dist = walking.nearest_edges(s, lat, lon)
        stranded = small[label[s.u[edge]]]
        if stranded.any():
            households = sum(c[2] or 0 for c, hit in zip(compounds, stranded, strict=True) if hit)
            warnings.append(
                t(
                    "import.network.fragments",
                    _LANG,
                    fragments=numbers.plain(int(small.sum())),
                    limit=numbers.plain(FRAGMENT_M),
                    compounds=numbers.plain(int(stranded.sum())),
                    households=numbers.plain(households),
                )
            )
        warnings += _door_warning("import.network.far_compounds", dist)
    if points:
        lat = np.array([p[0] for p in points], dtype=float)
        lon = np.array([p[1] for p in points], dtype=float)
        warnings += _door_warning(
            "import.network.far_points", walking.nearest_edges(s, lat, lon)[2]
        )
    return warnings


def _door_warning(key: str, dist: np.ndarray) -> list[str]:
    far = dist > DOOR_WARN_M
    if not far.any():
        return []
    return [
        t(
            key,
            _LANG,
            count=numbers.plain(int(far.sum())),
            limit=numbers.plain(DOOR_WARN_M),
            furthest=numbers.plain(float(dist.max())),
        )
    ]
