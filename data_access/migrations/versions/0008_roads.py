"""The street network for walking distances: roads (GeoJSON lines, walkable flag, name).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-27
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "roads",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("name", sa.String(80), nullable=True),
        sa.Column("walkable", sa.Boolean(), nullable=False, server_default=sa.true()),
        sa.Column("geometry", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("roads")
