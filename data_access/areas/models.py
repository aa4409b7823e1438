"""Communities, grids and residential compounds: the places every figure is counted in."""

from __future__ import annotations

from sqlalchemy import (
    CheckConstraint,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from data_access.orm import Base


class Community(Base):
    __tablename__ = "communities"
    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    town: Mapped[str] = mapped_column(String(50))
    households: Mapped[int] = mapped_column(Integer)
    population: Mapped[int] = mapped_column(Integer)
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    boundary: Mapped[str | None] = mapped_column(Text)
    __table_args__ = (
        CheckConstraint("households >= 0 AND population >= households", name="ck_comm_counts"),
    )


class Grid(Base):
    __tablename__ = "grids"
    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    community_code: Mapped[str] = mapped_column(ForeignKey("communities.code"), index=True)
    name: Mapped[str] = mapped_column(String(50))
    households: Mapped[int] = mapped_column(Integer)
    population: Mapped[int] = mapped_column(Integer)
    grid_worker: Mapped[str | None] = mapped_column(String(50))
    boundary: Mapped[str | None] = mapped_column(Text)
    __table_args__ = (
        CheckConstraint("households >= 0 AND population >= 0", name="ck_grid_counts"),
    )


class Compound(Base):
    __tablename__ = "compounds"
    id: Mapped[str] = mapped_column(String(20), primary_key=True)
    community_code: Mapped[str] = mapped_column(ForeignKey("communities.code"), index=True)
    grid_code: Mapped[str] = mapped_column(ForeignKey("grids.code"), index=True)
    name: Mapped[str] = mapped_column(String(80))
    households: Mapped[int] = mapped_column(Integer)
    population: Mapped[int] = mapped_column(Integer)
    residents_60_plus: Mapped[int] = mapped_column(Integer)
    residents_80_plus: Mapped[int] = mapped_column(Integer)
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    __table_args__ = (
        CheckConstraint(
            "households >= 0 AND residents_80_plus >= 0"
            " AND residents_80_plus <= residents_60_plus AND residents_60_plus <= population",
            name="ck_compound_counts",
        ),
    )
