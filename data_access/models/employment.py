"""Employment: job seekers and zero-employment families."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    String,
)
from sqlalchemy.orm import Mapped, mapped_column

from data_access.models.base import Base


class ZeroEmploymentFamily(Base):
    __tablename__ = "zero_employment_families"
    family_no: Mapped[str] = mapped_column(String(20), primary_key=True)
    community_code: Mapped[str] = mapped_column(ForeignKey("communities.code"), index=True)
    grid_code: Mapped[str | None] = mapped_column(ForeignKey("grids.code"))
    identified_on: Mapped[dt.date] = mapped_column(Date)
    cleared_on: Mapped[dt.date | None] = mapped_column(Date)


class Jobseeker(Base):
    __tablename__ = "jobseekers"
    person_no: Mapped[str] = mapped_column(String(20), primary_key=True)
    community_code: Mapped[str] = mapped_column(ForeignKey("communities.code"))
    grid_code: Mapped[str | None] = mapped_column(ForeignKey("grids.code"), index=True)
    name: Mapped[str] = mapped_column(String(30), info={"personal": "name"})
    id_number: Mapped[str] = mapped_column(String(18), info={"personal": "id_number"})
    gender: Mapped[str] = mapped_column(String(1))
    birth_date: Mapped[dt.date] = mapped_column(Date)
    # Comma-separated codes from vocab.JOBSEEKER_GROUPS; a person may belong to several.
    groups: Mapped[str] = mapped_column(String(100))
    registered_on: Mapped[dt.date] = mapped_column(Date)
    trained_on: Mapped[dt.date | None] = mapped_column(Date)
    informed_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    placed_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    placement_channel: Mapped[str | None] = mapped_column(String(20))
    family_no: Mapped[str | None] = mapped_column(ForeignKey("zero_employment_families.family_no"))
    __table_args__ = (
        CheckConstraint("gender IN ('M', 'F')", name="ck_js_gender"),
        Index("ix_js_community", "community_code"),
    )
