"""Accounts that can sign in (disabled flag, lock after failed attempts, several communities per
editor) and import counts in the audit log.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "user_communities",
        sa.Column("user_name", sa.String(50), sa.ForeignKey("users.name"), primary_key=True),
        sa.Column(
            "community_code", sa.String(12), sa.ForeignKey("communities.code"), primary_key=True
        ),
    )
    # An editor's one community moves to the link table before the column goes.
    op.execute(
        "INSERT INTO user_communities (user_name, community_code)"
        " SELECT name, community_code FROM users WHERE community_code IS NOT NULL"
    )
    with op.batch_alter_table("users") as batch:
        batch.add_column(
            sa.Column("disabled", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.add_column(
            sa.Column("failed_attempts", sa.Integer(), nullable=False, server_default="0")
        )
        batch.add_column(sa.Column("locked_until", sa.DateTime(), nullable=True))
        batch.drop_column("community_code")
    with op.batch_alter_table("audit_log") as batch:
        batch.add_column(sa.Column("rows_added", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("rows_updated", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("rows_refused", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_column("rows_refused")
        batch.drop_column("rows_updated")
        batch.drop_column("rows_added")
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("community_code", sa.String(12), nullable=True))
        batch.drop_column("locked_until")
        batch.drop_column("failed_attempts")
        batch.drop_column("disabled")
    op.execute(
        "UPDATE users SET community_code = (SELECT min(community_code) FROM user_communities"
        " WHERE user_communities.user_name = users.name)"
    )
    op.drop_table("user_communities")
