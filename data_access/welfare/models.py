"""Social assistance: 低保 and 特困 households, payments, reviews, the 低保边缘 list and standards."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
)
from sqlalchemy.orm import Mapped, mapped_column

from data_access import vocab
from data_access.orm import MONTH_CHECK, Base, Money, in_list


class WelfareStandard(Base):
    __tablename__ = "welfare_standards"
    effective_from: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    category: Mapped[str] = mapped_column(String(10), primary_key=True)
    yuan_per_person_month: Mapped[float] = mapped_column(Money)
    # Some counties guarantee a minimum benefit per person even when income is near the standard.
    min_benefit_yuan: Mapped[float | None] = mapped_column(Money)
    __table_args__ = (
        CheckConstraint(in_list("category", vocab.WELFARE_CATEGORIES), name="ck_std_category"),
    )


class WelfareHousehold(Base):
    __tablename__ = "welfare_households"
    household_no: Mapped[str] = mapped_column(String(20), primary_key=True)
    community_code: Mapped[str] = mapped_column(ForeignKey("communities.code"))
    grid_code: Mapped[str | None] = mapped_column(ForeignKey("grids.code"), index=True)
    compound_id: Mapped[str | None] = mapped_column(ForeignKey("compounds.id"), index=True)
    category: Mapped[str] = mapped_column(String(10))
    head_name: Mapped[str] = mapped_column(String(30), info={"personal": "name"})
    head_id_number: Mapped[str] = mapped_column(String(18), info={"personal": "id_number"})
    members: Mapped[int] = mapped_column(Integer)
    per_capita_income_yuan: Mapped[float] = mapped_column(Money)
    monthly_benefit_yuan: Mapped[float] = mapped_column(Money)
    start_month: Mapped[str] = mapped_column(String(7))
    end_month: Mapped[str | None] = mapped_column(String(7))
    status: Mapped[str] = mapped_column(String(12))
    last_review_on: Mapped[dt.date | None] = mapped_column(Date)
    # Review interval depends on these: stable income → yearly, unstable with a work-capable member → half-yearly.
    income_stable: Mapped[bool] = mapped_column(Boolean, default=True)
    work_capable_members: Mapped[int] = mapped_column(Integer, default=0)
    __table_args__ = (
        CheckConstraint(in_list("category", vocab.WELFARE_CATEGORIES), name="ck_wh_category"),
        CheckConstraint(in_list("status", vocab.WELFARE_STATUSES), name="ck_wh_status"),
        CheckConstraint("members >= 1", name="ck_wh_members"),
        CheckConstraint(MONTH_CHECK.format(col="start_month"), name="ck_wh_start"),
        CheckConstraint("end_month IS NULL OR end_month >= start_month", name="ck_wh_end"),
        Index("ix_wh_community_category", "community_code", "category"),
        # Covers the payments' join (a household's category and area without its row): every
        # figure of money paid joins 720,000 payments to their households at 200 communities.
        Index("ix_wh_household_area", "household_no", "category", "community_code", "grid_code"),
    )


class WelfareReview(Base):
    """One eligibility review of a household (复核), made while it was in force. A past month is
    judged by the reviews made by then, never by a later one."""

    __tablename__ = "welfare_reviews"
    household_no: Mapped[str] = mapped_column(
        ForeignKey("welfare_households.household_no"), primary_key=True
    )
    reviewed_on: Mapped[dt.date] = mapped_column(Date, primary_key=True)


class NearPoorHousehold(Base):
    """A 低保边缘家庭 the civil-affairs office monitors: income assessed above the 低保 standard but
    below 1.5 times it. One whose assessed income falls below the standard and who is not enrolled
    in 低保 is 应保未保 (eligible but not covered)."""

    __tablename__ = "near_poor_households"
    household_no: Mapped[str] = mapped_column(String(20), primary_key=True)
    community_code: Mapped[str] = mapped_column(ForeignKey("communities.code"), index=True)
    grid_code: Mapped[str | None] = mapped_column(ForeignKey("grids.code"))
    compound_id: Mapped[str | None] = mapped_column(ForeignKey("compounds.id"))
    head_name: Mapped[str] = mapped_column(String(30), info={"personal": "name"})
    head_id_number: Mapped[str] = mapped_column(String(18), info={"personal": "id_number"})
    members: Mapped[int] = mapped_column(Integer)
    per_capita_income_yuan: Mapped[float] = mapped_column(Money)
    assessed_on: Mapped[dt.date] = mapped_column(Date)
    monitored_from: Mapped[str] = mapped_column(String(7))
    monitored_to: Mapped[str | None] = mapped_column(String(7))
    dibao_household_no: Mapped[str | None] = mapped_column(
        ForeignKey("welfare_households.household_no")
    )
    __table_args__ = (
        CheckConstraint("members >= 1", name="ck_np_members"),
        CheckConstraint(MONTH_CHECK.format(col="monitored_from"), name="ck_np_from"),
        CheckConstraint("monitored_to IS NULL OR monitored_to >= monitored_from", name="ck_np_to"),
    )


class WelfarePayment(Base):
    __tablename__ = "welfare_payments"
    __period_column__ = "month"  # its rows date the programme's months (engine.periods)
    household_no: Mapped[str] = mapped_column(
        ForeignKey("welfare_households.household_no"), primary_key=True
    )
    month: Mapped[str] = mapped_column(String(7), primary_key=True)
    amount_yuan: Mapped[float] = mapped_column(Money)
    __table_args__ = (
        CheckConstraint(MONTH_CHECK.format(col="month"), name="ck_wp_month"),
        Index("ix_wp_month", "month"),
        # Covers a period's payments (month, household, amount) without reading their rows.
        Index("ix_wp_month_household_amount", "month", "household_no", "amount_yuan"),
    )
