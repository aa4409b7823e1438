"""An audit log for exports (and later imports and sign-ins) in place of the unused import log.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime(), server_default=sa.func.now(), nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("tables", sa.Text(), nullable=True),
        sa.Column("file_name", sa.String(500), nullable=True),
        sa.Column("file_sha256", sa.String(64), nullable=True),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("personal", sa.Boolean(), nullable=False),
        sa.Column("result", sa.String(20), nullable=False),
        sa.Column("message", sa.Text(), nullable=True),
    )
    op.create_index("ix_audit_at", "audit_log", ["at"])
    # Nothing ever wrote the import log (imports arrive with data management, into audit_log).
    op.drop_table("import_log")


def downgrade() -> None:
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
    op.drop_index("ix_audit_at", table_name="audit_log")
    op.drop_table("audit_log")
