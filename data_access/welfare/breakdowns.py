"""Where 低保 and 特困 recipients are: by household size, by grid, by compound for the map.

Counts finer than a community leave this module as text after the county's protection pattern
(`data_access.engine.protection`: "<3" for 1–2, "*" for what would give those away), and the chart and
map values beside them never carry a hidden count.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import case, func, select
from sqlalchemy.engine import Connection

from data_access import metrics, privacy
from data_access.areas.models import Compound, Grid
from data_access.areas.queries import communities, community_names, grids
from data_access.engine.protection import protection
from data_access.filters import Filters
from data_access.welfare.queries import WH, in_force

SIZE_BANDS: tuple[str, ...] = ("1", "2", "3", "4", "5+")
RECIPIENT_COUNTS = ("dibao_households", "dibao_persons", "tekun_households")


def size_breakdown(conn: Connection, f: Filters) -> pd.DataFrame:
    """community, size_band, households, persons (text), households_value (for charts) of the
    低保 households in force, by household size (1, 2, 3, 4, 5+ members).

    By community only: within grids the size bands would be counts of one or two households,
    and bands of chosen grids could be subtracted from each other, so a grid filter gives none.
    """
    columns = ["community", "size_band", "households", "persons", "households_value"]
    if f.grids:
        return pd.DataFrame(columns=columns)
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
    out["households_value"] = out["households"].astype(float)
    return privacy.suppress_columns(out, ["households", "persons"], fine=False)[columns]


COUNT_PROTECTION = {
    "dibao_households": "dibao",
    "dibao_persons": "dibao",
    "tekun_households": "tekun",
}


def _protected_counts(conn: Connection, f: Filters, level: str, codes: list[str]) -> pd.DataFrame:
    """The three counts per grid or compound as text with the county's protection pattern
    ("<3", "*"), `dibao_value` for charts and `weight` for map shading and circle sizes.

    `weight` adds only the published parts, so a circle's size or a grid's shade never carries
    a hidden count."""
    at = Filters(f.communities, f.grids, f.start, f.end)
    patterns = {name: protection(conn, name, at) for name in set(COUNT_PROTECTION.values())}
    frame = pd.DataFrame({"code": codes})
    for key, name in COUNT_PROTECTION.items():
        values = metrics.breakdown(conn, key, at, level)
        raw = [float(values.get(c, 0.0)) for c in codes]
        marks = [patterns[name].marker(key, level, c) for c in codes]
        frame[key] = [
            m if m else privacy.count_text(v, fine=False) for v, m in zip(raw, marks, strict=True)
        ]
        frame[f"{key}_value"] = [None if m else v for v, m in zip(raw, marks, strict=True)]
    frame["weight"] = frame["dibao_households_value"].fillna(0) + frame[
        "tekun_households_value"
    ].fillna(0)
    frame["dibao_value"] = frame["dibao_households_value"]
    return frame.drop(columns=[f"{k}_value" for k in COUNT_PROTECTION])


def grid_breakdown(conn: Connection, f: Filters) -> pd.DataFrame:
    """Every grid of the chosen area: grid_code, grid, community, 低保 households and persons and
    特困 households (text after protection), dibao_value and weight (published parts only)."""
    table = grids(conn, f.communities)
    if f.grids:
        table = table[table["code"].isin(f.grids)]
    names = community_names(conn)
    counts = _protected_counts(conn, f, "grid", table["code"].tolist())
    frame = pd.DataFrame(
        {
            "grid_code": table["code"].tolist(),
            "grid": table["name"].tolist(),
            "community": [names.get(c, c) for c in table["community_code"]],
        }
    )
    return pd.concat([frame, counts.drop(columns=["code"])], axis=1)


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
    """Compounds of the area where recipients live: compound, lat, lon, the three counts as text
    after protection and weight for the circle size. Aggregated: never a point per household."""
    cols = ["compound_id", "compound", "lat", "lon", *RECIPIENT_COUNTS, "weight", "dibao_value"]
    lived = set(metrics.by_compound(conn, "dibao_households", f).loc[lambda s: s > 0].index)
    lived |= set(metrics.by_compound(conn, "tekun_households", f).loc[lambda s: s > 0].index)
    if not lived:
        return pd.DataFrame(columns=cols)
    stmt = (
        select(Compound.id, Compound.name, Compound.lat, Compound.lon)
        .where(
            Compound.id.in_(sorted(lived)),
            f.area_clause(Compound.community_code, Compound.grid_code),
        )
        .order_by(Compound.id)
    )
    rows = conn.execute(stmt).all()
    counts = _protected_counts(conn, f, "compound", [r.id for r in rows])
    frame = pd.DataFrame(
        {
            "compound_id": [r.id for r in rows],
            "compound": [r.name for r in rows],
            "lat": [float(r.lat) for r in rows],
            "lon": [float(r.lon) for r in rows],
        }
    )
    return pd.concat([frame, counts.drop(columns=["code"])], axis=1)[cols]
