"""Dated states and the records the figures need to be read at any past month.

- service_point_states: a point's operating / suspended spells (valid from / to), so a point
  suspended today still counts in the months before; facilities.service_point_id: a facility that
  is also a service point is one place.
- cadres keep the person; cadre_posts hold the seats on the 两委 (party committee, residents'
  committee) per term, with cross-holding; cadres.role and cadres.elected_on move there.
- welfare_reviews: every eligibility review, so a past month is judged by the reviews made by then.
- near_poor_households: the 低保边缘 households monitored, for 应保未保; the invented count
  communities.low_income_households is dropped.
- volunteer_activities.person_times becomes participants (volunteers taking part), and
  residents_served (residents the activity served) is added.

Existing rows are carried over: a point's spell runs from its opening to its closing (a suspended
point without a date stays suspended throughout, as before); a cadre's post becomes one
residents'-committee seat from their election date.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MONEY = sa.Numeric(14, 2)
MONTH_CHECK = "length({col}) = 7 AND substr({col}, 5, 1) = '-'"
# Cadres whose election date was not recorded get this one on their carried-over seat.
UNKNOWN_ELECTION = "2000-01-01"


def upgrade() -> None:
    op.create_table(
        "service_point_states",
        sa.Column("point_id", sa.String(20), sa.ForeignKey("service_points.id"), primary_key=True),
        sa.Column("valid_from", sa.Date(), primary_key=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("status", sa.String(12), nullable=False),
        sa.CheckConstraint("status IN ('operating', 'suspended')", name="ck_sps_status"),
        sa.CheckConstraint("valid_to IS NULL OR valid_to > valid_from", name="ck_sps_dates"),
    )
    op.execute(
        "INSERT INTO service_point_states (point_id, valid_from, valid_to, status)"
        " SELECT id, opened_on, closed_on,"
        " CASE WHEN status = 'suspended' THEN 'suspended' ELSE 'operating' END"
        " FROM service_points WHERE closed_on IS NULL OR closed_on > opened_on"
    )
    with op.batch_alter_table("facilities") as batch:
        batch.add_column(sa.Column("service_point_id", sa.String(20), nullable=True))
        batch.create_foreign_key(
            "fk_facilities_service_point_id_service_points",
            "service_points",
            ["service_point_id"],
            ["id"],
        )

    op.create_table(
        "cadre_posts",
        sa.Column("cadre_id", sa.String(20), sa.ForeignKey("cadres.id"), primary_key=True),
        sa.Column("body", sa.String(30), primary_key=True),
        sa.Column("elected_on", sa.Date(), primary_key=True),
        sa.Column(
            "community_code", sa.String(12), sa.ForeignKey("communities.code"), nullable=False
        ),
        sa.Column("post", sa.String(20), nullable=False),
        sa.Column("left_on", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "body IN ('party_committee', 'party_general_branch', 'party_branch',"
            " 'residents_committee')",
            name="ck_cp_body",
        ),
        sa.CheckConstraint(
            "post IN ('secretary', 'deputy_secretary', 'chair', 'vice_chair', 'member')",
            name="ck_cp_post",
        ),
        sa.CheckConstraint("left_on IS NULL OR left_on > elected_on", name="ck_cp_dates"),
    )
    op.create_index("ix_cadre_posts_community_code", "cadre_posts", ["community_code"])
    op.execute(
        "INSERT INTO cadre_posts (cadre_id, body, elected_on, community_code, post)"
        f" SELECT id, 'residents_committee', COALESCE(elected_on, '{UNKNOWN_ELECTION}'),"
        " community_code, 'member' FROM cadres"
    )
    with op.batch_alter_table("cadres") as batch:
        batch.drop_column("role")
        batch.drop_column("elected_on")

    op.create_table(
        "welfare_reviews",
        sa.Column(
            "household_no",
            sa.String(20),
            sa.ForeignKey("welfare_households.household_no"),
            primary_key=True,
        ),
        sa.Column("reviewed_on", sa.Date(), primary_key=True),
    )
    op.execute(
        "INSERT INTO welfare_reviews (household_no, reviewed_on)"
        " SELECT household_no, last_review_on FROM welfare_households"
        " WHERE last_review_on IS NOT NULL"
    )
    op.create_table(
        "near_poor_households",
        sa.Column("household_no", sa.String(20), primary_key=True),
        sa.Column(
            "community_code", sa.String(12), sa.ForeignKey("communities.code"), nullable=False
        ),
        sa.Column("grid_code", sa.String(20), sa.ForeignKey("grids.code"), nullable=True),
        sa.Column("compound_id", sa.String(20), sa.ForeignKey("compounds.id"), nullable=True),
        sa.Column("head_name", sa.String(30), nullable=False),
        sa.Column("head_id_number", sa.String(18), nullable=False),
        sa.Column("members", sa.Integer(), nullable=False),
        sa.Column("per_capita_income_yuan", MONEY, nullable=False),
        sa.Column("assessed_on", sa.Date(), nullable=False),
        sa.Column("monitored_from", sa.String(7), nullable=False),
        sa.Column("monitored_to", sa.String(7), nullable=True),
        sa.Column(
            "dibao_household_no",
            sa.String(20),
            sa.ForeignKey("welfare_households.household_no"),
            nullable=True,
        ),
        sa.CheckConstraint("members >= 1", name="ck_np_members"),
        sa.CheckConstraint(MONTH_CHECK.format(col="monitored_from"), name="ck_np_from"),
        sa.CheckConstraint(
            "monitored_to IS NULL OR monitored_to >= monitored_from", name="ck_np_to"
        ),
    )
    op.create_index(
        "ix_near_poor_households_community_code", "near_poor_households", ["community_code"]
    )
    with op.batch_alter_table("communities") as batch:
        batch.drop_column("low_income_households")

    with op.batch_alter_table("volunteer_activities") as batch:
        batch.alter_column("person_times", new_column_name="participants")
        batch.add_column(
            sa.Column("residents_served", sa.Integer(), nullable=False, server_default="0")
        )
    with op.batch_alter_table("volunteer_activities") as batch:
        batch.alter_column("residents_served", server_default=None)
        batch.create_check_constraint("ck_va_counts", "participants >= 1 AND residents_served >= 0")


def downgrade() -> None:
    with op.batch_alter_table("volunteer_activities") as batch:
        batch.drop_constraint("ck_va_counts", type_="check")
        batch.drop_column("residents_served")
        batch.alter_column("participants", new_column_name="person_times")

    with op.batch_alter_table("communities") as batch:
        batch.add_column(sa.Column("low_income_households", sa.Integer(), nullable=True))
    op.drop_index("ix_near_poor_households_community_code", table_name="near_poor_households")
    op.drop_table("near_poor_households")
    op.drop_table("welfare_reviews")

    with op.batch_alter_table("cadres") as batch:
        batch.add_column(sa.Column("role", sa.String(30), nullable=True))
        batch.add_column(sa.Column("elected_on", sa.Date(), nullable=True))
    # The seat of the latest term stands for the post (its election date and kind of seat).
    op.execute(
        "UPDATE cadres SET"
        " elected_on = (SELECT max(p.elected_on) FROM cadre_posts p WHERE p.cadre_id = cadres.id),"
        " role = COALESCE((SELECT min(p.post) FROM cadre_posts p WHERE p.cadre_id = cadres.id),"
        " 'member')"
    )
    with op.batch_alter_table("cadres") as batch:
        batch.alter_column("role", existing_type=sa.String(30), nullable=False)
    op.drop_index("ix_cadre_posts_community_code", table_name="cadre_posts")
    op.drop_table("cadre_posts")

    with op.batch_alter_table("facilities") as batch:
        batch.drop_constraint("fk_facilities_service_point_id_service_points", type_="foreignkey")
        batch.drop_column("service_point_id")
    op.drop_table("service_point_states")
