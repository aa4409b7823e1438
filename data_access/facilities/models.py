"""The required facilities (六室三站一场), construction projects and their funding."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Integer,
    String,
)
from sqlalchemy.orm import Mapped, mapped_column

from data_access import vocab
from data_access.orm import Base, Money, in_list


class FacilityKind(Base):
    """The required rooms, stations and fields ("六室三站一场"): data, since provinces word it differently."""

    __tablename__ = "facility_kinds"
    code: Mapped[str] = mapped_column(String(30), primary_key=True)
    name_zh: Mapped[str] = mapped_column(String(50))
    name_en: Mapped[str] = mapped_column(String(80))
    group_kind: Mapped[str] = mapped_column(String(10))
    required: Mapped[bool] = mapped_column(Boolean)
    sort_order: Mapped[int] = mapped_column(Integer)
    __table_args__ = (
        CheckConstraint(in_list("group_kind", vocab.FACILITY_GROUPS), name="ck_fk_group"),
    )


class Facility(Base):
    __tablename__ = "facilities"
    id: Mapped[str] = mapped_column(String(20), primary_key=True)
    community_code: Mapped[str] = mapped_column(ForeignKey("communities.code"), index=True)
    kind: Mapped[str] = mapped_column(ForeignKey("facility_kinds.code"), index=True)
    area_m2: Mapped[float | None] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(20))
    responsible_dept: Mapped[str | None] = mapped_column(String(50))
    in_use_since: Mapped[dt.date | None] = mapped_column(Date)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    # A facility that is also a service point (警务室, 养老服务中心) is one place: the point's
    # coordinates and opening date are the facility's.
    service_point_id: Mapped[str | None] = mapped_column(ForeignKey("service_points.id"))
    __table_args__ = (
        CheckConstraint(in_list("status", vocab.FACILITY_STATUSES), name="ck_fac_status"),
    )


class Project(Base):
    __tablename__ = "projects"
    id: Mapped[str] = mapped_column(String(20), primary_key=True)
    community_code: Mapped[str] = mapped_column(ForeignKey("communities.code"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    land_mu: Mapped[float | None] = mapped_column(Float)
    floor_area_m2: Mapped[float | None] = mapped_column(Float)
    floors: Mapped[int | None] = mapped_column(Integer)
    rooms: Mapped[int | None] = mapped_column(Integer)
    budget_yuan: Mapped[float | None] = mapped_column(Money)
    phase: Mapped[str] = mapped_column(String(20))
    design_ended_on: Mapped[dt.date | None] = mapped_column(Date)
    demolition_ended_on: Mapped[dt.date | None] = mapped_column(Date)
    construction_started_on: Mapped[dt.date | None] = mapped_column(Date)
    construction_ended_on: Mapped[dt.date | None] = mapped_column(Date)
    in_use_since: Mapped[dt.date | None] = mapped_column(Date)
    __table_args__ = (
        CheckConstraint(in_list("phase", vocab.PROJECT_PHASES), name="ck_proj_phase"),
    )


class Funding(Base):
    __tablename__ = "funding"
    id: Mapped[str] = mapped_column(String(20), primary_key=True)
    community_code: Mapped[str] = mapped_column(ForeignKey("communities.code"), index=True)
    project_id: Mapped[str | None] = mapped_column(ForeignKey("projects.id"))
    source: Mapped[str] = mapped_column(String(30))
    amount_yuan: Mapped[float] = mapped_column(Money)
    received_on: Mapped[dt.date] = mapped_column(Date, index=True)
    purpose: Mapped[str | None] = mapped_column(String(200))
    __table_args__ = (
        CheckConstraint(in_list("source", vocab.FUNDING_SOURCES), name="ck_fund_source"),
        CheckConstraint("amount_yuan >= 0", name="ck_fund_amount"),
    )


class ProjectPhasePlan(Base):
    """When a project's phase was planned to start and end (the plan; the project's own date
    columns say what happened). A phase without a plan row, or with an empty date, has no plan."""

    __tablename__ = "project_phase_plans"
    project_id: Mapped[str] = mapped_column(ForeignKey("projects.id"), primary_key=True)
    phase: Mapped[str] = mapped_column(String(20), primary_key=True)
    planned_start: Mapped[dt.date | None] = mapped_column(Date)
    planned_end: Mapped[dt.date | None] = mapped_column(Date)
    __table_args__ = (
        CheckConstraint(in_list("phase", vocab.PROJECT_PHASES), name="ck_ppp_phase"),
        CheckConstraint(
            "planned_start IS NULL OR planned_end IS NULL OR planned_end >= planned_start",
            name="ck_ppp_dates",
        ),
    )
