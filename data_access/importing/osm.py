"""An OpenStreetMap extract (`.osm.pbf`) → rows of the `roads` table, for a county with no GIS.

Download the region's extract (e.g. from download.geofabrik.de), cut the county out if the file
is over the upload limit (`osmium extract -b LON1,LAT1,LON2,LAT2 region.osm.pbf -o county.osm.pbf`)
and import it: `python -m data_access import roads county.osm.pbf`. It is read with pyosmium;
only ways tagged `highway` are kept, one row each, keyed `w` + the way's OSM id (stable across
extracts, so a newer extract updates the same rows; with --replace it also drops removed ways).

The walkable-ways rule (after OSRM's foot profile):
- walkable: footway, path, pedestrian, steps, living_street, residential, service, unclassified,
  track, road, corridor, primary/secondary/tertiary and their links (Chinese town streets have
  pavements), and cycleway or bridleway only with foot=yes / designated / permissive;
- kept but not walkable (drawn on the map, never walked along): motorway, trunk and their links,
  and any way with foot=no, or access=no / private without a foot permission;
- left out: construction, proposed, abandoned, platform, raceway, bus_guideway, elevator, and
  areas (area=yes).
Only ways with every node inside the county's extent (its communities plus the 5 km margin, see
`extent.py`) are kept, so a province's extract imports the county's streets alone; before any
community is imported the box of China is used.
"""

from __future__ import annotations

import json

from data_access.importing import limits
from data_access.importing.extent import Extent
from data_access.importing.reading import FileProblem, SheetRows
from data_access.importing.spec import TableSpec
from data_access.text import t

_LANG = "zh"
_HEADERS = ("id", "name", "walkable", "geometry")
WALKABLE = frozenset({
    "footway", "path", "pedestrian", "steps", "living_street", "residential", "service",
    "unclassified", "track", "road", "corridor", "primary", "primary_link", "secondary",
    "secondary_link", "tertiary", "tertiary_link",
})  # fmt: skip
FOOT_OPTIONAL = frozenset({"cycleway", "bridleway"})  # walkable with a foot permission only
NOT_WALKABLE = frozenset({"motorway", "motorway_link", "trunk", "trunk_link"})
_FOOT_YES = frozenset({"yes", "designated", "permissive"})
_ACCESS_NO = frozenset({"no", "private"})


def looks_like_pbf(data: bytes) -> bool:
    """An OSM PBF file opens with a blob header naming `OSMHeader`."""
    return b"OSMHeader" in data[:64]


def walkable(tags: dict[str, str]) -> bool | None:
    """True / False by the module's rule; None for a way that is not a street."""
    highway = tags.get("highway")
    if not highway or tags.get("area") == "yes":
        return None
    foot = tags.get("foot", "")
    if highway in NOT_WALKABLE:
        return False
    if highway in FOOT_OPTIONAL:
        return foot in _FOOT_YES
    if highway not in WALKABLE:
        return None
    if foot == "no":
        return False
    return not (tags.get("access") in _ACCESS_NO and foot not in _FOOT_YES)


def rows_of_pbf(data: bytes, spec: TableSpec, extent: Extent) -> SheetRows:
    """The extract's street ways inside `extent` as roads rows (row number = way order, from 1)."""
    if spec.name != "roads":
        raise FileProblem(t("import.osm.only_roads", _LANG))
    too_big = limits.size_problem(len(data))
    if too_big:
        raise FileProblem(too_big)
    import osmium

    rows: list[tuple[int, dict[str, object]]] = []
    try:
        ways = osmium.FileProcessor(osmium.io.FileBuffer(data, "pbf")).with_locations()
        for obj in ways:
            if not obj.is_way():
                continue
            tags = {tag.k: tag.v for tag in obj.tags}
            kind = walkable(tags)
            if kind is None:
                continue
            line = [(n.lon, n.lat) for n in obj.nodes if n.location.valid()]
            if len(line) < 2 or not all(extent.contains(lat, lon) for lon, lat in line):
                continue
            geometry = {
                "type": "LineString",
                "coordinates": [[round(x, 7), round(y, 7)] for x, y in line],
            }
            row = {
                "id": f"w{obj.id}",
                "name": tags.get("name", ""),
                "walkable": kind,
                "geometry": json.dumps(geometry, separators=(", ", ": ")),
            }
            rows.append((len(rows) + 1, row))
            if len(rows) > limits.MAX_ROWS:
                raise FileProblem(
                    t("import.limit.rows", _LANG, rows=len(rows), limit=limits.MAX_ROWS)
                )
    except RuntimeError as err:  # libosmium's reader: a broken or truncated file
        raise FileProblem(t("import.osm.unreadable", _LANG, reason=str(err)[:200])) from None
    if not rows:
        raise FileProblem(t("import.osm.no_streets", _LANG))
    return SheetRows(rows, {name: name for name in _HEADERS}, (), "osm.pbf")
