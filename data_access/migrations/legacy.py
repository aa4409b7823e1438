"""Databases created before Alembic: `Base.metadata.create_all` plus hand-written ALTER TABLEs.

They have this project's tables but no revision recorded. The baseline revision (0001) describes
what that code produced, except for columns the models gained over time, which an older database
may still lack. `adopt` adds those, after which the database can be stamped with the baseline.
Everything here is frozen like a revision: it must keep describing the pre-Alembic schema.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic.operations import Operations
from alembic.runtime.migration import MigrationContext
from sqlalchemy.engine import Connection

from data_access.migrations import SchemaError

BASELINE_TABLES = frozenset(
    [
        "communities",
        "grids",
        "compounds",
        "service_points",
        "facility_kinds",
        "facilities",
        "projects",
        "funding",
        "welfare_standards",
        "welfare_households",
        "welfare_payments",
        "zero_employment_families",
        "jobseekers",
        "volunteer_orgs",
        "volunteer_activities",
        "elderly_groups",
        "disputes",
        "cadres",
        "honours",
        "targets",
        "users",
        "import_log",
        "data_version",
    ]
)


def _late_columns() -> list[tuple[str, sa.Column]]:
    # Fresh Column objects each call: Alembic attaches them to a table.
    return [
        ("communities", sa.Column("low_income_households", sa.Integer(), nullable=True)),
        ("welfare_standards", sa.Column("min_benefit_yuan", sa.Numeric(14, 2), nullable=True)),
        # NOT NULL, so existing rows need a value: the models' Python-side defaults.
        (
            "welfare_households",
            sa.Column("income_stable", sa.Boolean(), nullable=False, server_default=sa.true()),
        ),
        (
            "welfare_households",
            sa.Column("work_capable_members", sa.Integer(), nullable=False, server_default="0"),
        ),
    ]


def is_pre_alembic(conn: Connection) -> bool:
    """True when no revision is recorded but tables of this project exist."""
    if MigrationContext.configure(conn).get_current_heads():
        return False
    return bool(BASELINE_TABLES & set(sa.inspect(conn).get_table_names()))


def adopt(conn: Connection) -> list[str]:
    """Bring a pre-Alembic database to the baseline schema; returns the columns added.

    A database with only some of the tables is refused rather than guessed at: the old code
    created all of them in one go, so a partial set is not something it left behind.
    """
    inspector = sa.inspect(conn)
    missing = sorted(BASELINE_TABLES - set(inspector.get_table_names()))
    if missing:
        raise SchemaError("schema.partial", missing=", ".join(missing))
    ops = Operations(MigrationContext.configure(conn))
    added = []
    for table, column in _late_columns():
        if column.name in {c["name"] for c in inspector.get_columns(table)}:
            continue
        ops.add_column(table, column)
        if column.server_default is not None and conn.dialect.name != "sqlite":
            # The baseline has no server default here. SQLite keeps it: dropping it means
            # copying the table, and the app always writes the column anyway.
            ops.alter_column(table, column.name, server_default=None)
        added.append(f"{table}.{column.name}")
    return added
