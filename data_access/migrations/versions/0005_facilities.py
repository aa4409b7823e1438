"""Planned phase dates of construction projects.

- project_phase_plans: for each project and phase (design, demolition, construction, completed,
  in use), when it was planned to start and end. The project's own date columns keep what
  happened; comparing the two says how many days a phase ran late. A phase with no row or an
  empty date has no plan, and no delay is judged for it.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "project_phase_plans",
        sa.Column("project_id", sa.String(20), sa.ForeignKey("projects.id"), primary_key=True),
        sa.Column("phase", sa.String(20), primary_key=True),
        sa.Column("planned_start", sa.Date(), nullable=True),
        sa.Column("planned_end", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "phase IN ('design', 'demolition', 'construction', 'completed', 'in_use')",
            name="ck_ppp_phase",
        ),
        sa.CheckConstraint(
            "planned_start IS NULL OR planned_end IS NULL OR planned_end >= planned_start",
            name="ck_ppp_dates",
        ),
    )


def downgrade() -> None:
    op.drop_table("project_phase_plans")
