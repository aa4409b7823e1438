"""SQLAlchemy models: one class per table of DESIGN §9.

Codes are stable keys, names are for display. Months are stored as 'YYYY-MM' text so that
string comparison orders them and CSV files stay readable; dates are ISO dates; money is
in yuan. Enumerated values are English codes (see `vocab.py` for their Chinese labels).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from data_access import vocab

# Money is exact to the fen; floats are returned so pandas can sum them without Decimal.
Money = Numeric(14, 2, asdecimal=False)
MONTH_CHECK = "length({col}) = 7 AND substr({col}, 5, 1) = '-'"


def _in(col: str, values: tuple[str, ...]) -> str:
    quoted = ", ".join(f"'{v}'" for v in values)
    return f"{col} IN ({quoted})"


class Base(DeclarativeBase):
    pass


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
        CheckConstraint(_in("status", vocab.SERVICE_POINT_STATUSES), name="ck_sp_status"),
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
        CheckConstraint(_in("status", vocab.SERVICE_POINT_STATE_STATUSES), name="ck_sps_status"),
        CheckConstraint("valid_to IS NULL OR valid_to > valid_from", name="ck_sps_dates"),
    )


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
        CheckConstraint(_in("group_kind", vocab.FACILITY_GROUPS), name="ck_fk_group"),
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
        CheckConstraint(_in("status", vocab.FACILITY_STATUSES), name="ck_fac_status"),
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
    __table_args__ = (CheckConstraint(_in("phase", vocab.PROJECT_PHASES), name="ck_proj_phase"),)


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
        CheckConstraint(_in("source", vocab.FUNDING_SOURCES), name="ck_fund_source"),
        CheckConstraint("amount_yuan >= 0", name="ck_fund_amount"),
    )


class WelfareStandard(Base):
    __tablename__ = "welfare_standards"
    effective_from: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    category: Mapped[str] = mapped_column(String(10), primary_key=True)
    yuan_per_person_month: Mapped[float] = mapped_column(Money)
    # Some counties guarantee a minimum benefit per person even when income is near the standard.
    min_benefit_yuan: Mapped[float | None] = mapped_column(Money)
    __table_args__ = (
        CheckConstraint(_in("category", vocab.WELFARE_CATEGORIES), name="ck_std_category"),
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
        CheckConstraint(_in("category", vocab.WELFARE_CATEGORIES), name="ck_wh_category"),
        CheckConstraint(_in("status", vocab.WELFARE_STATUSES), name="ck_wh_status"),
        CheckConstraint("members >= 1", name="ck_wh_members"),
        CheckConstraint(MONTH_CHECK.format(col="start_month"), name="ck_wh_start"),
        CheckConstraint("end_month IS NULL OR end_month >= start_month", name="ck_wh_end"),
        Index("ix_wh_community_category", "community_code", "category"),
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
    household_no: Mapped[str] = mapped_column(
        ForeignKey("welfare_households.household_no"), primary_key=True
    )
    month: Mapped[str] = mapped_column(String(7), primary_key=True)
    amount_yuan: Mapped[float] = mapped_column(Money)
    __table_args__ = (
        CheckConstraint(MONTH_CHECK.format(col="month"), name="ck_wp_month"),
        Index("ix_wp_month", "month"),
    )


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


class VolunteerOrg(Base):
    __tablename__ = "volunteer_orgs"
    id: Mapped[str] = mapped_column(String(20), primary_key=True)
    community_code: Mapped[str] = mapped_column(ForeignKey("communities.code"), index=True)
    name: Mapped[str] = mapped_column(String(80))
    members: Mapped[int] = mapped_column(Integer)
    founded_on: Mapped[dt.date | None] = mapped_column(Date)


class VolunteerActivity(Base):
    __tablename__ = "volunteer_activities"
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
    id: Mapped[str] = mapped_column(String(20), primary_key=True)
    community_code: Mapped[str] = mapped_column(ForeignKey("communities.code"), index=True)
    grid_code: Mapped[str | None] = mapped_column(ForeignKey("grids.code"))
    reported_on: Mapped[dt.date] = mapped_column(Date, index=True)
    category: Mapped[str] = mapped_column(String(30))
    resolved_on: Mapped[dt.date | None] = mapped_column(Date)
    outcome: Mapped[str] = mapped_column(String(12))
    __table_args__ = (
        CheckConstraint(_in("outcome", vocab.DISPUTE_OUTCOMES), name="ck_disp_outcome"),
    )


class Cadre(Base):
    """A person elected to the community's 两委; what they hold, and when, is in cadre_posts."""

    __tablename__ = "cadres"
    id: Mapped[str] = mapped_column(String(20), primary_key=True)
    community_code: Mapped[str] = mapped_column(ForeignKey("communities.code"), index=True)
    education: Mapped[str] = mapped_column(String(20))
    birth_date: Mapped[dt.date] = mapped_column(Date)
    party_member: Mapped[bool] = mapped_column(Boolean)
    __table_args__ = (
        CheckConstraint(_in("education", vocab.EDUCATION_LEVELS), name="ck_cadre_edu"),
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
        CheckConstraint(_in("body", vocab.CADRE_BODIES), name="ck_cp_body"),
        CheckConstraint(_in("post", vocab.CADRE_POSTS), name="ck_cp_post"),
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
    __table_args__ = (CheckConstraint(_in("level", vocab.HONOUR_LEVELS), name="ck_honour_level"),)


class Target(Base):
    """A goal for a metric. community_code '' means the whole county; period is 'YYYY-MM..YYYY-MM'."""

    __tablename__ = "targets"
    metric_key: Mapped[str] = mapped_column(String(40), primary_key=True)
    community_code: Mapped[str] = mapped_column(String(12), primary_key=True, default="")
    period: Mapped[str] = mapped_column(String(16), primary_key=True)
    value: Mapped[float] = mapped_column(Float)


class User(Base):
    __tablename__ = "users"
    name: Mapped[str] = mapped_column(String(50), primary_key=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(10))
    community_code: Mapped[str | None] = mapped_column(ForeignKey("communities.code"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.now())
    __table_args__ = (CheckConstraint(_in("role", vocab.USER_ROLES), name="ck_user_role"),)


class AuditLog(Base):
    """Who did what to the data and when: every export (and, with data management, every import
    and sign-in). `personal` records whether names and ID numbers left the database in clear."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.now())
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(20))
    tables: Mapped[str | None] = mapped_column(Text)
    file_name: Mapped[str | None] = mapped_column(String(500))
    file_sha256: Mapped[str | None] = mapped_column(String(64))
    rows: Mapped[int] = mapped_column(Integer, default=0)
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


# Load order: a table appears after every table it references.
DATA_TABLES: tuple[str, ...] = (
    "communities",
    "grids",
    "compounds",
    "service_points",
    "service_point_states",
    "facility_kinds",
    "facilities",
    "projects",
    "funding",
    "welfare_standards",
    "welfare_households",
    "welfare_payments",
    "welfare_reviews",
    "near_poor_households",
    "zero_employment_families",
    "jobseekers",
    "volunteer_orgs",
    "volunteer_activities",
    "elderly_groups",
    "disputes",
    "cadres",
    "cadre_posts",
    "honours",
    "targets",
)
