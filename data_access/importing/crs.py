"""A GeoJSON file's `crs` member → a function that brings its positions to WGS-84 (lon, lat).

RFC 7946 GeoJSON is always WGS-84 longitude/latitude and has no `crs`, but what a county's GIS
exports often declares one (the 2008 GeoJSON spec's named CRS), as QGIS and GDAL write it:

    "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4544"}}

- CRS84, EPSG:4326 or no `crs`: the positions are taken as they are. GDAL writes [lon, lat]
  even for EPSG:4326 (the GeoJSON convention), so no axis swap is made.
- CGCS2000 geographic (EPSG:4490) and every other geographic or projected CRS PROJ knows, the
  national 3-degree and 6-degree Gauss-Krüger zones included (EPSG:4513–4554): reprojected with
  pyproj, x = easting / longitude first (`always_xy`), the order GIS exports write.
CGCS2000 and WGS-84 differ by a few centimetres, far below anything a walk measures.

pyproj is imported only when a file declares a CRS to reproject, so the command line starts fast.
"""

from __future__ import annotations

from collections.abc import Callable

from data_access.text import t

_LANG = "zh"
LonLat = tuple[float, float]
Reproject = Callable[[list[LonLat]], list[LonLat]]
# Names that mean WGS-84 longitude/latitude: no transformation at all.
_WGS84_NAMES = {
    "urn:ogc:def:crs:ogc:1.3:crs84",
    "urn:ogc:def:crs:ogc::crs84",
    "ogc:crs84",
    "crs84",
    "epsg:4326",
    "urn:ogc:def:crs:epsg::4326",
    "urn:ogc:def:crs:epsg:6.6:4326",
    "http://www.opengis.net/def/crs/ogc/1.3/crs84",
    "http://www.opengis.net/def/crs/epsg/0/4326",
}


class CrsProblem(ValueError):
    """The file's `crs` cannot be used (reason in Chinese)."""


def crs_name(crs: object) -> str | None:
    """The CRS name a GeoJSON `crs` member gives, None when the file has none."""
    if crs is None:
        return None
    if isinstance(crs, dict):
        props = crs.get("properties")
        if crs.get("type") == "name" and isinstance(props, dict):
            name = props.get("name")
            if isinstance(name, str) and name.strip():
                return name.strip()
        if crs.get("type") == "EPSG" and isinstance(props, dict) and "code" in props:
            return f"EPSG:{props['code']}"  # the pre-2008 form some old tools still write
    raise CrsProblem(t("import.crs.unreadable", _LANG, crs=str(crs)[:80]))


def is_wgs84(name: str | None) -> bool:
    return name is None or name.lower() in _WGS84_NAMES


def reprojector(name: str | None) -> Reproject | None:
    """The function bringing positions in CRS `name` to WGS-84; None when they already are."""
    if is_wgs84(name):
        return None
    from pyproj import CRS, Transformer
    from pyproj.exceptions import CRSError

    try:
        source = CRS.from_user_input(name)
    except CRSError:
        raise CrsProblem(t("import.crs.unknown", _LANG, crs=name)) from None
    if not (source.is_geographic or source.is_projected):
        raise CrsProblem(t("import.crs.unknown", _LANG, crs=name))
    transformer = Transformer.from_crs(source, "EPSG:4326", always_xy=True)

    def reproject(points: list[LonLat]) -> list[LonLat]:
        xs, ys = transformer.transform([p[0] for p in points], [p[1] for p in points])
        out = list(zip(xs, ys, strict=True))
        if any(not (-180 <= lon <= 180 and -90 <= lat <= 90) for lon, lat in out):
            raise CrsProblem(t("import.crs.outside_zone", _LANG, crs=name))
        return out

    return reproject
