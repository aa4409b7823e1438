"""Service points and their dated operating states."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    String,
)
from sqlalchemy.orm import Mapped, mapped_column

from data_access import vocab
from data_access.orm import Base, in_list


class ServicePoint(Base):
    __tablename__ = "service_points"
    id: Mapped[str] = mapped_column(String(20), primary_key=True)
    community_code: Mapped[str] = mapped_column(ForeignKey("communities.code"))
    grid_code: Mapped[str | None] = mapped_column(ForeignKey("grids.code"), index=True)
    type: Mapped[str] = mapped_column(String(30))
    name: Mapped[str] = mapped_column(String(80))
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(12))
    opened_on: Mapped[dt.date] = mapped_column(Date)
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    __table_args__ = (
        CheckConstraint(in_list("status", vocab.SERVICE_POINT_STATUSES), name="ck_sp_status"),
        CheckConstraint("closed_on IS NULL OR closed_on >= opened_on", name="ck_sp_dates"),
        Index("ix_sp_community_type", "community_code", "type"),
        Index("ix_sp_status", "status"),
    )


class ServicePointState(Base):
    """A service point's state over time: operating or suspended from `valid_from` until the day
    before `valid_to` (NULL: still so). A point counts at a month's end by the state valid then, so
    a point suspended today still counts as operating in the months before its suspension. No
    state valid on a day: not yet opened, or closed."""

    __tablename__ = "service_point_states"
    point_id: Mapped[str] = mapped_column(ForeignKey("service_points.id"), primary_key=True)
    valid_from: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    valid_to: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(12))
    __table_args__ = (
        CheckConstraint(
            in_list("status", vocab.SERVICE_POINT_STATE_STATUSES), name="ck_sps_status"
        ),
        CheckConstraint("valid_to IS NULL OR valid_to > valid_from", name="ck_sps_dates"),
    )
