"""Covering indexes for the money-paid figures: a period's payments (month, household, amount)
and a household's category and area, so summing 720,000 payments by community and month at 200
communities reads two indexes and no table row.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_wp_month_household_amount",
        "welfare_payments",
        ["month", "household_no", "amount_yuan"],
    )
    op.create_index(
        "ix_wh_household_area",
        "welfare_households",
        ["household_no", "category", "community_code", "grid_code"],
    )


def downgrade() -> None:
    op.drop_index("ix_wh_household_area", table_name="welfare_households")
    op.drop_index("ix_wp_month_household_amount", table_name="welfare_payments")
