"""Employment: job seekers, the groups they belong to, and zero-employment families.

A person's groups (laid-off, zero-employment family member, youth, disabled) are rows of
`jobseeker_groups`, one per person and group: an index finds a group's people, and an imported
roster adds a row per mark. "4050" is not stored: it follows from gender and birth date at the
date a figure is read (`data_access.employment.rules.is_4050`).
"""

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

from data_access.orm import Base


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
    birth_date: Mapped[dt.date] = mapped_column(Date, info={"personal": "birth_date"})
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


STORED_GROUPS = ("laid_off", "zero_employment_family", "youth", "disabled")


class JobseekerGroup(Base):
    """One group a job seeker belongs to (a person may belong to several)."""

    __tablename__ = "jobseeker_groups"
    person_no: Mapped[str] = mapped_column(ForeignKey("jobseekers.person_no"), primary_key=True)
    group_code: Mapped[str] = mapped_column(String(30), primary_key=True, index=True)
    __table_args__ = (
        CheckConstraint(
            "group_code IN ('laid_off', 'zero_employment_family', 'youth', 'disabled')",
            name="ck_jsg_group",
        ),
    )
