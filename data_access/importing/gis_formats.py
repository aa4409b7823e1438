"""GIS files that are not read directly: named, with the export to make instead.

Shapefiles, GeoPackages and KML need GDAL to read (pyogrio's wheels bundle it, but a second
native stack on every county server is not worth it while every GIS exports GeoJSON in two
clicks): the user is told what the file is and how to export the GeoJSON the import reads.
"""

from __future__ import annotations

import io
import zipfile

from data_access.text import t

_LANG = "zh"
_SHP = b"\x00\x00\x27\x0a"  # a .shp's file code, 9994 big-endian
_SQLITE = b"SQLite format 3\x00"  # a GeoPackage is an SQLite database


def _zip_kind(data: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = [n.lower() for n in archive.namelist()]
    except Exception:  # noqa: BLE001 — not a readable ZIP: the workbook check says so
        return None
    if any(n.endswith(".shp") for n in names):
        return "Shapefile"
    if any(n.endswith(".gpkg") for n in names):
        return "GeoPackage"
    if any(n.endswith(".kml") for n in names):
        return "KMZ"
    return None


def other_gis_format(data: bytes) -> str | None:
    """The refusal for a GIS file the import does not read, else None."""
    head = data[:512].lstrip()
    kind = None
    if data.startswith(_SHP):
        kind = "Shapefile"
    elif data.startswith(_SQLITE):
        kind = "GeoPackage"
    elif head.startswith(b"<") and b"<kml" in head:
        kind = "KML"
    elif data.startswith(b"PK\x03\x04"):
        kind = _zip_kind(data)
    if kind is None:
        return None
    return t("import.gis.other_format", _LANG, kind=kind)
