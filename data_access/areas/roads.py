"""The street network residents walk along: one row per street segment (a GeoJSON line)."""

from __future__ import annotations

from sqlalchemy import Boolean, String, Text, true
from sqlalchemy.orm import Mapped, mapped_column

from data_access.orm import Base


class Road(Base):
    """A street, lane or path as a GeoJSON LineString / MultiLineString in WGS-84 (lon, lat).

    `walkable` is false for what people cannot walk along or across on foot (a rail line, an
    expressway): such segments are kept for the map but left out of the walking network. Streets
    meet where they share a vertex, as in an OpenStreetMap extract or a GIS export.
    """

    __tablename__ = "roads"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str | None] = mapped_column(String(80))
    walkable: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    geometry: Mapped[str] = mapped_column(Text)
