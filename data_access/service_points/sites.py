"""What-if sites: a compound id or typed coordinates ('lat,lon'), checked against the county.

A site typed by a person (two decimal numbers, full-width digits from a Chinese input method
accepted) must lie inside the county's box; a site from a link is a compound id or 'lat,lon'.
Anything else is rejected with a reason from SITE_REASONS, which the page words.
"""

from __future__ import annotations

import math
import unicodedata

import pandas as pd
from sqlalchemy import select
from sqlalchemy.engine import Connection

from data_access.areas.models import Compound
from data_access.service_points.queries import county_bounds

SITE_REASONS = ("not_number", "out_of_area", "unknown_site", "not_operating")
SITE_COLUMNS = ["entry", "key", "label", "compound_id", "lat", "lon"]


class SiteError(ValueError):
    """A what-if site that cannot be used; `reason` is one of SITE_REASONS (the UI words it)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def parse_coordinates(
    lat_text: str, lon_text: str, bounds: tuple[float, float, float, float] | None
) -> tuple[float, float]:
    """A typed what-if site: two decimal numbers (WGS-84) inside the county's bounding area.

    Raises SiteError('not_number') or SiteError('out_of_area'). Full-width digits and signs from a
    Chinese input method are accepted.
    """
    try:
        lat = float(unicodedata.normalize("NFKC", str(lat_text)).strip())
        lon = float(unicodedata.normalize("NFKC", str(lon_text)).strip())
    except ValueError:
        raise SiteError("not_number") from None
    if not (math.isfinite(lat) and math.isfinite(lon)):
        raise SiteError("not_number")
    if bounds is None:
        raise SiteError("out_of_area")
    lat_min, lat_max, lon_min, lon_max = bounds
    if not (lat_min <= lat <= lat_max and lon_min <= lon <= lon_max):
        raise SiteError("out_of_area")
    return round(lat, 6), round(lon, 6)


def coordinates_key(lat: float, lon: float) -> str:
    """The URL form of a typed site: 'lat,lon' with 6 decimals (≈ 0.1 m)."""
    return f"{lat:.6f},{lon:.6f}"


def resolve_sites(
    conn: Connection, entries: tuple[str, ...]
) -> tuple[pd.DataFrame, list[tuple[str, str]]]:
    """URL entries (a compound id, or 'lat,lon') → sites (entry as given, key in canonical form,
    label, compound_id, lat, lon) and the rejected ones as (entry, reason)."""
    wanted = tuple(dict.fromkeys(e.strip() for e in entries if e.strip()))
    found = {
        r.id: r
        for r in conn.execute(
            select(Compound.id, Compound.name, Compound.lat, Compound.lon).where(
                Compound.id.in_(wanted)
            )
        )
    }
    bounds = county_bounds(conn) if any(e not in found for e in wanted) else None
    rows, rejected = [], []
    for entry in wanted:
        if entry in found:
            c = found[entry]
            rows.append(
                {
                    "entry": entry,
                    "key": entry,
                    "label": c.name,
                    "compound_id": entry,
                    "lat": c.lat,
                    "lon": c.lon,
                }
            )
            continue
        parts = unicodedata.normalize("NFKC", entry).split(",")
        if len(parts) != 2:
            rejected.append((entry, "unknown_site"))
            continue
        try:
            lat, lon = parse_coordinates(parts[0], parts[1], bounds)
        except SiteError as err:
            rejected.append((entry, err.reason))
            continue
        key = coordinates_key(lat, lon)
        rows.append(
            {"entry": entry, "key": key, "label": key, "compound_id": None, "lat": lat, "lon": lon}
        )
    sites = pd.DataFrame(rows, columns=SITE_COLUMNS)
    return sites.drop_duplicates("key").reset_index(drop=True), rejected
