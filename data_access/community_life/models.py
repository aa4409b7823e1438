"""Volunteers, older residents' groups, disputes, the community team and its honours."""

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
from data_access.orm import Base, in_list


class VolunteerOrg(Base):
    __tablename__ = "volunteer_orgs"
    id: Mapped[str] = mapped_column(String(20), primary_key=True)
    community_code: Mapped[str] = mapped_column(ForeignKey("communities.code"), index=True)
    name: Mapped[str] = mapped_column(String(80))
    members: Mapped[int] = mapped_column(Integer)
    founded_on: Mapped[dt.date | None] = mapped_column(Date)


class VolunteerActivity(Base):
    __tablename__ = "volunteer_activities"
    __period_column__ = "date"  # its rows date the programme's months (engine.periods)
    id: Mapped[str] = mapped_column(String(20), primary_key=True)
    org_id: Mapped[str] = mapped_column(ForeignKey("volunteer_orgs.id"), index=True)
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    kind: Mapped[str] = mapped_column(String(30))
    # Volunteers taking part (participations) and residents the activity served: two different
    # person-times, "每年为群众义务服务近1万人次" counts the second.
    participants: Mapped[int] = mapped_column(Integer)
    residents_served: Mapped[int] = mapped_column(Integer, default=0)
    hours: Mapped[float] = mapped_column(Float)
    __table_args__ = (
        CheckConstraint("participants >= 1 AND residents_served >= 0", name="ck_va_counts"),
    )


class ElderlyGroup(Base):
    __tablename__ = "elderly_groups"
    id: Mapped[str] = mapped_column(String(20), primary_key=True)
    community_code: Mapped[str] = mapped_column(ForeignKey("communities.code"), index=True)
    name: Mapped[str] = mapped_column(String(80))
    kind: Mapped[str] = mapped_column(String(30))
    members: Mapped[int] = mapped_column(Integer)
    founded_on: Mapped[dt.date | None] = mapped_column(Date)


class Dispute(Base):
    __tablename__ = "disputes"
    __period_column__ = "reported_on"  # its rows date the programme's months (engine.periods)
    id: Mapped[str] = mapped_column(String(20), primary_key=True)
    community_code: Mapped[str] = mapped_column(ForeignKey("communities.code"), index=True)
    grid_code: Mapped[str | None] = mapped_column(ForeignKey("grids.code"))
    reported_on: Mapped[dt.date] = mapped_column(Date, index=True)
    category: Mapped[str] = mapped_column(String(30))
    resolved_on: Mapped[dt.date | None] = mapped_column(Date)
    outcome: Mapped[str] = mapped_column(String(12))
    __table_args__ = (
        CheckConstraint(in_list("outcome", vocab.DISPUTE_OUTCOMES), name="ck_disp_outcome"),
    )


class Cadre(Base):
    """A person elected to the community's 两委; what they hold, and when, is in cadre_posts."""

    __tablename__ = "cadres"
    id: Mapped[str] = mapped_column(String(20), primary_key=True)
    community_code: Mapped[str] = mapped_column(ForeignKey("communities.code"), index=True)
    education: Mapped[str] = mapped_column(String(20))
    birth_date: Mapped[dt.date] = mapped_column(Date, info={"personal": "birth_date"})
    party_member: Mapped[bool] = mapped_column(Boolean)
    __table_args__ = (
        CheckConstraint(in_list("education", vocab.EDUCATION_LEVELS), name="ck_cadre_edu"),
    )


class CadrePost(Base):
    """A seat on one body of the 两委 for one term: the community party organisation's committee
    (党委, 党总支 or 党支部 委员会) or the residents' committee (居民委员会, 5–9 members under article 7
    of the Organic Law). A person may hold one seat on each (交叉任职); the party secretary who also
    chairs the residents' committee holds two (一肩挑). `left_on` is the first day no longer held."""

    __tablename__ = "cadre_posts"
    cadre_id: Mapped[str] = mapped_column(ForeignKey("cadres.id"), primary_key=True)
    body: Mapped[str] = mapped_column(String(30), primary_key=True)
    elected_on: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    community_code: Mapped[str] = mapped_column(ForeignKey("communities.code"), index=True)
    post: Mapped[str] = mapped_column(String(20))
    left_on: Mapped[dt.date | None] = mapped_column(Date)
    __table_args__ = (
        CheckConstraint(in_list("body", vocab.CADRE_BODIES), name="ck_cp_body"),
        CheckConstraint(in_list("post", vocab.CADRE_POSTS), name="ck_cp_post"),
        CheckConstraint("left_on IS NULL OR left_on > elected_on", name="ck_cp_dates"),
    )


class Honour(Base):
    __tablename__ = "honours"
    id: Mapped[str] = mapped_column(String(20), primary_key=True)
    community_code: Mapped[str] = mapped_column(ForeignKey("communities.code"), index=True)
    title: Mapped[str] = mapped_column(String(100))
    level: Mapped[str] = mapped_column(String(12))
    awarded_by: Mapped[str | None] = mapped_column(String(100))
    year: Mapped[int] = mapped_column(Integer)
    __table_args__ = (
        CheckConstraint(in_list("level", vocab.HONOUR_LEVELS), name="ck_honour_level"),
    )
