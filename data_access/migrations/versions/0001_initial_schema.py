"""Initial schema: the 23 tables as the code before Alembic created them, and the data-version row.

Databases created before Alembic are stamped with this revision (see `data_access.db`), so it must
keep describing exactly that schema. Allowed values in CHECK constraints are spelled out rather
than read from `vocab`, because this file has to stay valid when the vocabularies change.

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Exact to the fen; asdecimal is a Python-side setting and does not reach the DDL.
MONEY = sa.Numeric(14, 2)


# Referenced tables come first.
CREATED_IN_ORDER = """
communities grids compounds service_points facility_kinds facilities projects funding
welfare_standards welfare_households welfare_payments zero_employment_families jobseekers
volunteer_orgs volunteer_activities elderly_groups disputes cadres honours targets users
import_log data_version
"""


def _community(nullable: bool = False) -> sa.Column:
    return sa.Column(
        "community_code", sa.String(12), sa.ForeignKey("communities.code"), nullable=nullable
    )


def _grid(nullable: bool = True) -> sa.Column:
    return sa.Column("grid_code", sa.String(20), sa.ForeignKey("grids.code"), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "communities",
        sa.Column("code", sa.String(12), primary_key=True),
        sa.Column("name", sa.String(50), nullable=False),
        sa.Column("town", sa.String(50), nullable=False),
        sa.Column("households", sa.Integer(), nullable=False),
        sa.Column("population", sa.Integer(), nullable=False),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.Column("lon", sa.Float(), nullable=False),
        sa.Column("boundary", sa.Text(), nullable=True),
        sa.Column("low_income_households", sa.Integer(), nullable=True),
        sa.CheckConstraint("households >= 0 AND population >= households", name="ck_comm_counts"),
    )
    op.create_table(
        "grids",
        sa.Column("code", sa.String(20), primary_key=True),
        _community(),
        sa.Column("name", sa.String(50), nullable=False),
        sa.Column("households", sa.Integer(), nullable=False),
        sa.Column("population", sa.Integer(), nullable=False),
        sa.Column("grid_worker", sa.String(50), nullable=True),
        sa.Column("boundary", sa.Text(), nullable=True),
        sa.CheckConstraint("households >= 0 AND population >= 0", name="ck_grid_counts"),
    )
    op.create_index("ix_grids_community_code", "grids", ["community_code"])
    op.create_table(
        "compounds",
        sa.Column("id", sa.String(20), primary_key=True),
        _community(),
        _grid(nullable=False),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("households", sa.Integer(), nullable=False),
        sa.Column("population", sa.Integer(), nullable=False),
        sa.Column("residents_60_plus", sa.Integer(), nullable=False),
        sa.Column("residents_80_plus", sa.Integer(), nullable=False),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.Column("lon", sa.Float(), nullable=False),
        sa.CheckConstraint(
            "households >= 0 AND residents_80_plus >= 0"
            " AND residents_80_plus <= residents_60_plus AND residents_60_plus <= population",
            name="ck_compound_counts",
        ),
    )
    op.create_index("ix_compounds_community_code", "compounds", ["community_code"])
    op.create_index("ix_compounds_grid_code", "compounds", ["grid_code"])
    op.create_table(
        "service_points",
        sa.Column("id", sa.String(20), primary_key=True),
        _community(),
        _grid(),
        sa.Column("type", sa.String(30), nullable=False),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.Column("lon", sa.Float(), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.CheckConstraint("status IN ('operating', 'suspended', 'closed')", name="ck_sp_status"),
        sa.CheckConstraint("closed_on IS NULL OR closed_on >= opened_on", name="ck_sp_dates"),
    )
    op.create_index("ix_service_points_grid_code", "service_points", ["grid_code"])
    op.create_index("ix_sp_community_type", "service_points", ["community_code", "type"])
    op.create_index("ix_sp_status", "service_points", ["status"])
    op.create_table(
        "facility_kinds",
        sa.Column("code", sa.String(30), primary_key=True),
        sa.Column("name_zh", sa.String(50), nullable=False),
        sa.Column("name_en", sa.String(80), nullable=False),
        sa.Column("group_kind", sa.String(10), nullable=False),
        sa.Column("required", sa.Boolean(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "group_kind IN ('room', 'station', 'field', 'other')", name="ck_fk_group"
        ),
    )
    op.create_table(
        "facilities",
        sa.Column("id", sa.String(20), primary_key=True),
        _community(),
        sa.Column("kind", sa.String(30), sa.ForeignKey("facility_kinds.code"), nullable=False),
        sa.Column("area_m2", sa.Float(), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("responsible_dept", sa.String(50), nullable=True),
        sa.Column("in_use_since", sa.Date(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.CheckConstraint(
            "status IN ('missing', 'planned', 'under_construction', 'in_use')", name="ck_fac_status"
        ),
    )
    op.create_index("ix_facilities_community_code", "facilities", ["community_code"])
    op.create_index("ix_facilities_kind", "facilities", ["kind"])
    op.create_table(
        "projects",
        sa.Column("id", sa.String(20), primary_key=True),
        _community(),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("land_mu", sa.Float(), nullable=True),
        sa.Column("floor_area_m2", sa.Float(), nullable=True),
        sa.Column("floors", sa.Integer(), nullable=True),
        sa.Column("rooms", sa.Integer(), nullable=True),
        sa.Column("budget_yuan", MONEY, nullable=True),
        sa.Column("phase", sa.String(20), nullable=False),
        sa.Column("design_ended_on", sa.Date(), nullable=True),
        sa.Column("demolition_ended_on", sa.Date(), nullable=True),
        sa.Column("construction_started_on", sa.Date(), nullable=True),
        sa.Column("construction_ended_on", sa.Date(), nullable=True),
        sa.Column("in_use_since", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "phase IN ('design', 'demolition', 'construction', 'completed', 'in_use')",
            name="ck_proj_phase",
        ),
    )
    op.create_index("ix_projects_community_code", "projects", ["community_code"])
    op.create_table(
        "funding",
        sa.Column("id", sa.String(20), primary_key=True),
        _community(),
        sa.Column("project_id", sa.String(20), sa.ForeignKey("projects.id"), nullable=True),
        sa.Column("source", sa.String(30), nullable=False),
        sa.Column("amount_yuan", MONEY, nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("purpose", sa.String(200), nullable=True),
        sa.CheckConstraint(
            "source IN ('county', 'township_departments', 'higher_level')", name="ck_fund_source"
        ),
        sa.CheckConstraint("amount_yuan >= 0", name="ck_fund_amount"),
    )
    op.create_index("ix_funding_community_code", "funding", ["community_code"])
    op.create_index("ix_funding_received_on", "funding", ["received_on"])
    op.create_table(
        "welfare_standards",
        sa.Column("effective_from", sa.Date(), primary_key=True),
        sa.Column("category", sa.String(10), primary_key=True),
        sa.Column("yuan_per_person_month", MONEY, nullable=False),
        sa.Column("min_benefit_yuan", MONEY, nullable=True),
        sa.CheckConstraint("category IN ('dibao', 'tekun')", name="ck_std_category"),
    )
    op.create_table(
        "welfare_households",
        sa.Column("household_no", sa.String(20), primary_key=True),
        _community(),
        _grid(),
        sa.Column("compound_id", sa.String(20), sa.ForeignKey("compounds.id"), nullable=True),
        sa.Column("category", sa.String(10), nullable=False),
        sa.Column("head_name", sa.String(30), nullable=False),
        sa.Column("head_id_number", sa.String(18), nullable=False),
        sa.Column("members", sa.Integer(), nullable=False),
        sa.Column("per_capita_income_yuan", MONEY, nullable=False),
        sa.Column("monthly_benefit_yuan", MONEY, nullable=False),
        sa.Column("start_month", sa.String(7), nullable=False),
        sa.Column("end_month", sa.String(7), nullable=True),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("last_review_on", sa.Date(), nullable=True),
        sa.Column("income_stable", sa.Boolean(), nullable=False),
        sa.Column("work_capable_members", sa.Integer(), nullable=False),
        sa.CheckConstraint("category IN ('dibao', 'tekun')", name="ck_wh_category"),
        sa.CheckConstraint("status IN ('active', 'suspended', 'exited')", name="ck_wh_status"),
        sa.CheckConstraint("members >= 1", name="ck_wh_members"),
        sa.CheckConstraint(
            "length(start_month) = 7 AND substr(start_month, 5, 1) = '-'", name="ck_wh_start"
        ),
        sa.CheckConstraint("end_month IS NULL OR end_month >= start_month", name="ck_wh_end"),
    )
    op.create_index("ix_welfare_households_grid_code", "welfare_households", ["grid_code"])
    op.create_index("ix_welfare_households_compound_id", "welfare_households", ["compound_id"])
    op.create_index(
        "ix_wh_community_category", "welfare_households", ["community_code", "category"]
    )
    op.create_table(
        "welfare_payments",
        sa.Column(
            "household_no",
            sa.String(20),
            sa.ForeignKey("welfare_households.household_no"),
            primary_key=True,
        ),
        sa.Column("month", sa.String(7), primary_key=True),
        sa.Column("amount_yuan", MONEY, nullable=False),
        sa.CheckConstraint("length(month) = 7 AND substr(month, 5, 1) = '-'", name="ck_wp_month"),
    )
    op.create_index("ix_wp_month", "welfare_payments", ["month"])
    op.create_table(
        "zero_employment_families",
        sa.Column("family_no", sa.String(20), primary_key=True),
        _community(),
        _grid(),
        sa.Column("identified_on", sa.Date(), nullable=False),
        sa.Column("cleared_on", sa.Date(), nullable=True),
    )
    op.create_index(
        "ix_zero_employment_families_community_code", "zero_employment_families", ["community_code"]
    )
    op.create_table(
        "jobseekers",
        sa.Column("person_no", sa.String(20), primary_key=True),
        _community(),
        _grid(),
        sa.Column("name", sa.String(30), nullable=False),
        sa.Column("id_number", sa.String(18), nullable=False),
        sa.Column("gender", sa.String(1), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=False),
        sa.Column("groups", sa.String(100), nullable=False),
        sa.Column("registered_on", sa.Date(), nullable=False),
        sa.Column("trained_on", sa.Date(), nullable=True),
        sa.Column("informed_on", sa.Date(), nullable=True),
        sa.Column("placed_on", sa.Date(), nullable=True),
        sa.Column("placement_channel", sa.String(20), nullable=True),
        sa.Column(
            "family_no",
            sa.String(20),
            sa.ForeignKey("zero_employment_families.family_no"),
            nullable=True,
        ),
        sa.CheckConstraint("gender IN ('M', 'F')", name="ck_js_gender"),
    )
    op.create_index("ix_jobseekers_grid_code", "jobseekers", ["grid_code"])
    op.create_index("ix_jobseekers_informed_on", "jobseekers", ["informed_on"])
    op.create_index("ix_jobseekers_placed_on", "jobseekers", ["placed_on"])
    op.create_index("ix_js_community", "jobseekers", ["community_code"])
    op.create_table(
        "volunteer_orgs",
        sa.Column("id", sa.String(20), primary_key=True),
        _community(),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("members", sa.Integer(), nullable=False),
        sa.Column("founded_on", sa.Date(), nullable=True),
    )
    op.create_index("ix_volunteer_orgs_community_code", "volunteer_orgs", ["community_code"])
    op.create_table(
        "volunteer_activities",
        sa.Column("id", sa.String(20), primary_key=True),
        sa.Column("org_id", sa.String(20), sa.ForeignKey("volunteer_orgs.id"), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("person_times", sa.Integer(), nullable=False),
        sa.Column("hours", sa.Float(), nullable=False),
    )
    op.create_index("ix_volunteer_activities_org_id", "volunteer_activities", ["org_id"])
    op.create_index("ix_volunteer_activities_date", "volunteer_activities", ["date"])
    op.create_table(
        "elderly_groups",
        sa.Column("id", sa.String(20), primary_key=True),
        _community(),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("members", sa.Integer(), nullable=False),
        sa.Column("founded_on", sa.Date(), nullable=True),
    )
    op.create_index("ix_elderly_groups_community_code", "elderly_groups", ["community_code"])
    op.create_table(
        "disputes",
        sa.Column("id", sa.String(20), primary_key=True),
        _community(),
        _grid(),
        sa.Column("reported_on", sa.Date(), nullable=False),
        sa.Column("category", sa.String(30), nullable=False),
        sa.Column("resolved_on", sa.Date(), nullable=True),
        sa.Column("outcome", sa.String(12), nullable=False),
        sa.CheckConstraint(
            "outcome IN ('mediated', 'referred', 'pending')", name="ck_disp_outcome"
        ),
    )
    op.create_index("ix_disputes_community_code", "disputes", ["community_code"])
    op.create_index("ix_disputes_reported_on", "disputes", ["reported_on"])
    op.create_table(
        "cadres",
        sa.Column("id", sa.String(20), primary_key=True),
        _community(),
        sa.Column("role", sa.String(30), nullable=False),
        sa.Column("education", sa.String(20), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=False),
        sa.Column("party_member", sa.Boolean(), nullable=False),
        sa.Column("elected_on", sa.Date(), nullable=True),
        sa.CheckConstraint("education IN ('college_plus', 'below')", name="ck_cadre_edu"),
    )
    op.create_index("ix_cadres_community_code", "cadres", ["community_code"])
    op.create_table(
        "honours",
        sa.Column("id", sa.String(20), primary_key=True),
        _community(),
        sa.Column("title", sa.String(100), nullable=False),
        sa.Column("level", sa.String(12), nullable=False),
        sa.Column("awarded_by", sa.String(100), nullable=True),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.CheckConstraint("level IN ('province', 'city', 'county')", name="ck_honour_level"),
    )
    op.create_index("ix_honours_community_code", "honours", ["community_code"])
    op.create_table(
        "targets",
        sa.Column("metric_key", sa.String(40), primary_key=True),
        sa.Column("community_code", sa.String(12), primary_key=True),
        sa.Column("period", sa.String(16), primary_key=True),
        sa.Column("value", sa.Float(), nullable=False),
    )
    op.create_table(
        "users",
        sa.Column("name", sa.String(50), primary_key=True),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("role", sa.String(10), nullable=False),
        _community(nullable=True),
        sa.Column("created_at", sa.DateTime(), server_default=sa.func.now(), nullable=False),
        sa.CheckConstraint("role IN ('viewer', 'editor', 'admin')", name="ck_user_role"),
    )
    op.create_table(
        "import_log",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("user_name", sa.String(50), nullable=True),
        sa.Column("at", sa.DateTime(), server_default=sa.func.now(), nullable=False),
        sa.Column("table_name", sa.String(40), nullable=False),
        sa.Column("file_name", sa.String(200), nullable=True),
        sa.Column("file_sha256", sa.String(64), nullable=True),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("result", sa.String(20), nullable=False),
        sa.Column("message", sa.Text(), nullable=True),
    )
    data_version = op.create_table(
        "data_version",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
    )
    # The single row every write bumps; queries key their caches on it.
    op.bulk_insert(data_version, [{"id": 1, "version": 0}])


def downgrade() -> None:
    # Referencing tables first; indexes go with their tables.
    for name in reversed(CREATED_IN_ORDER.split()):
        op.drop_table(name)
