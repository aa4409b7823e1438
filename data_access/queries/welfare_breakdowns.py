"""Where 低保 and 特困 recipients are: by household size, by grid, by compound for the map.

Counts finer than a community leave this module as text with "<3" for 1 and 2
(`privacy.suppress_columns`), and the chart and map values beside them never carry a hidden
small count.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import case, func, select
from sqlalchemy.engine import Connection

from data_access import privacy
from data_access.filters import Filters
from data_access.models import Compound, Grid
from data_access.queries.common import communities, community_names, grids
from data_access.queries.welfare import WH, in_force

SIZE_BANDS: tuple[str, ...] = ("1", "2", "3", "4", "5+")
RECIPIENT_COUNTS = ("dibao_households", "dibao_persons", "tekun_households")


def size_breakdown(conn: Connection, f: Filters) -> pd.DataFrame:
    """community, size_band, households, persons (text), households_value (for charts) of the
    低保 households in force, by household size (1, 2, 3, 4, 5+ members).

    By community the counts are exact; with a grid filter the cells are grid-level, so 1 and 2
    become "<3" (and the chart value None).
    """
    band = case(
        (WH.members == 1, "1"),
        (WH.members == 2, "2"),
        (WH.members == 3, "3"),
        (WH.members == 4, "4"),
        else_="5+",
    )
    stmt = (
        select(WH.community_code, band, func.count(), func.sum(WH.members))
        .where(*in_force(f, "dibao"))
        .group_by(WH.community_code, band)
    )
    found = {(r[0], r[1]): (int(r[2]), int(r[3] or 0)) for r in conn.execute(stmt)}
    comms = communities(conn, f)
    rows = [
        {
            "community": name,
            "size_band": b,
            "households": found.get((code, b), (0, 0))[0],
            "persons": found.get((code, b), (0, 0))[1],
        }
        for code, name in zip(comms["code"], comms["name"], strict=True)
        for b in SIZE_BANDS
    ]
    out = pd.DataFrame(rows, columns=["community", "size_band", "households", "persons"])
    fine = bool(f.grids)
    out["households_value"] = [privacy.chart_value(v, fine) for v in out["households"]]
    return privacy.suppress_columns(out, ["households", "persons"], fine)


def _recipients_by(conn: Connection, f: Filters, key_col) -> dict[str, tuple[int, int, int]]:
    """key → (低保 households, 低保 persons, 特困 households) in force at the period's end."""
    dibao = WH.category == "dibao"
    stmt = (
        select(
            key_col,
            func.sum(case((dibao, 1), else_=0)),
            func.sum(case((dibao, WH.members), else_=0)),
            func.sum(case((WH.category == "tekun", 1), else_=0)),
        )
        .where(
            f.months_cover_end(WH.start_month, WH.end_month),
            f.area_clause(WH.community_code, WH.grid_code),
            key_col.is_not(None),
        )
        .group_by(key_col)
    )
    return {r[0]: (int(r[1] or 0), int(r[2] or 0), int(r[3] or 0)) for r in conn.execute(stmt)}


def _suppressed_counts(frame: pd.DataFrame) -> pd.DataFrame:
    """Counts → text with "<3", plus `dibao_value` and `weight` for charts and maps.

    `weight` adds the parts that may be shown (a suppressed part counts 0), so the size of a
    circle or the shade of a grid cannot be used to work a hidden 1 or 2 back out.
    """
    dibao = [privacy.chart_value(v) for v in frame["dibao_households"]]
    tekun = [privacy.chart_value(v) for v in frame["tekun_households"]]
    frame["weight"] = [(d or 0.0) + (k or 0.0) for d, k in zip(dibao, tekun, strict=True)]
    frame["dibao_value"] = dibao
    return privacy.suppress_columns(frame, RECIPIENT_COUNTS, fine=True)


def grid_breakdown(conn: Connection, f: Filters) -> pd.DataFrame:
    """Every grid of the chosen area: grid_code, grid, community, 低保 households and persons and
    特困 households (text, "<3" for 1 and 2), dibao_value and weight for charts (no raw small count)."""
    counts = _recipients_by(conn, f, WH.grid_code)
    table = grids(conn, f.communities)
    if f.grids:
        table = table[table["code"].isin(f.grids)]
    names = community_names(conn)
    rows = [
        {
            "grid_code": code,
            "grid": name,
            "community": names.get(comm, comm),
            **dict(zip(RECIPIENT_COUNTS, counts.get(code, (0, 0, 0)), strict=True)),
        }
        for code, name, comm in zip(
            table["code"], table["name"], table["community_code"], strict=True
        )
    ]
    frame = pd.DataFrame(rows, columns=["grid_code", "grid", "community", *RECIPIENT_COUNTS])
    return _suppressed_counts(frame)


def map_grids(conn: Connection, f: Filters) -> pd.DataFrame:
    """grid_breakdown plus each grid's boundary (GeoJSON text), for the map's shaded grids."""
    frame = grid_breakdown(conn, f)
    bounds = dict(
        conn.execute(
            select(Grid.code, Grid.boundary).where(f.area_clause(Grid.community_code, Grid.code))
        ).all()
    )
    frame["boundary"] = frame["grid_code"].map(bounds)
    return frame


def map_compounds(conn: Connection, f: Filters) -> pd.DataFrame:
    """Compounds where recipients live: compound, lat, lon, the three counts as text ("<3" for 1
    and 2) and weight for the circle size. Aggregated: never a point per household."""
    counts = _recipients_by(conn, f, WH.compound_id)
    cols = ["compound_id", "compound", "lat", "lon", *RECIPIENT_COUNTS]
    if not counts:
        return _suppressed_counts(
            pd.DataFrame(columns=cols).astype({c: int for c in RECIPIENT_COUNTS})
        )
    stmt = (
        select(Compound.id, Compound.name, Compound.lat, Compound.lon)
        .where(
            Compound.id.in_(list(counts)),
            f.area_clause(Compound.community_code, Compound.grid_code),
        )
        .order_by(Compound.id)
    )
    rows = [
        {
            "compound_id": r.id,
            "compound": r.name,
            "lat": float(r.lat),
            "lon": float(r.lon),
            **dict(zip(RECIPIENT_COUNTS, counts[r.id], strict=True)),
        }
        for r in conn.execute(stmt)
    ]
    return _suppressed_counts(pd.DataFrame(rows, columns=cols))
