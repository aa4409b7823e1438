"""Targets, accounts, the audit log and the data-version counter."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column

from data_access import vocab
from data_access.orm import Base, in_list


class Target(Base):
    """A goal for a metric. community_code '' means the whole county; period is 'YYYY-MM..YYYY-MM'."""

    __tablename__ = "targets"
    metric_key: Mapped[str] = mapped_column(String(40), primary_key=True)
    community_code: Mapped[str] = mapped_column(String(12), primary_key=True, default="")
    period: Mapped[str] = mapped_column(String(16), primary_key=True)
    value: Mapped[float] = mapped_column(Float)


class User(Base):
    """A local account. The password is an argon2 hash; `failed_attempts` counts the attempts
    refused since the last sign-in (wrong passwords, and attempts while locked); the fifth locks
    the account until `locked_until`. An editor's communities are rows of `user_communities`."""

    __tablename__ = "users"
    name: Mapped[str] = mapped_column(String(50), primary_key=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(10))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.now())
    __table_args__ = (CheckConstraint(in_list("role", vocab.USER_ROLES), name="ck_user_role"),)


class UserCommunity(Base):
    """A community an editor may edit (import rows of, and see the masked rosters of)."""

    __tablename__ = "user_communities"
    user_name: Mapped[str] = mapped_column(ForeignKey("users.name"), primary_key=True)
    community_code: Mapped[str] = mapped_column(ForeignKey("communities.code"), primary_key=True)


class AuditLog(Base):
    """Who did what to the data and when: every export, every import attempt (dry run, refused,
    written) and every sign-in. `personal` records whether names and ID numbers left the database
    in clear; an import records its rows added, updated and refused."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.now())
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(20))
    tables: Mapped[str | None] = mapped_column(Text)
    file_name: Mapped[str | None] = mapped_column(String(500))
    file_sha256: Mapped[str | None] = mapped_column(String(64))
    rows: Mapped[int] = mapped_column(Integer, default=0)
    rows_added: Mapped[int | None] = mapped_column(Integer)
    rows_updated: Mapped[int | None] = mapped_column(Integer)
    rows_refused: Mapped[int | None] = mapped_column(Integer)
    personal: Mapped[bool] = mapped_column(Boolean, default=False)
    result: Mapped[str] = mapped_column(String(20))
    message: Mapped[str | None] = mapped_column(Text)
    __table_args__ = (Index("ix_audit_at", "at"),)


class DataVersion(Base):
    """A single row whose counter every write bumps, so cached query results are keyed on it."""

    __tablename__ = "data_version"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
