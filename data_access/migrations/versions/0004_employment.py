"""Job seekers' groups as a link table (person × group) instead of a comma-separated column.

`jobseekers.groups` was matched with LIKE '%,code,%', which no index can serve, and an imported
roster had to build the list text. `jobseeker_groups` holds one row per person and group, indexed
by group. "4050" is no longer stored: it follows from gender and birth date at the date a figure
is read (women 40 and over, men 50 and over), so it is dropped on the way up; on the way down it
is written back as the old code decided it, at registration.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STORED = ("laid_off", "zero_employment_family", "youth", "disabled")


def _date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


def _age(birth: dt.date, on: dt.date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def upgrade() -> None:
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT person_no, groups FROM jobseekers")).all()
    # The column goes before the link table exists: SQLite rebuilds jobseekers to drop it, and a
    # referencing table with rows would stop that.
    with op.batch_alter_table("jobseekers") as batch:
        batch.drop_column("groups")
    links = op.create_table(
        "jobseeker_groups",
        sa.Column(
            "person_no", sa.String(20), sa.ForeignKey("jobseekers.person_no"), primary_key=True
        ),
        sa.Column("group_code", sa.String(30), primary_key=True),
        sa.CheckConstraint(
            "group_code IN ('laid_off', 'zero_employment_family', 'youth', 'disabled')",
            name="ck_jsg_group",
        ),
    )
    op.create_index("ix_jobseeker_groups_group_code", "jobseeker_groups", ["group_code"])
    carried = [
        {"person_no": person, "group_code": code}
        for person, groups in rows
        for code in dict.fromkeys(g.strip() for g in (groups or "").split(","))
        if code in STORED
    ]
    if carried:
        op.bulk_insert(links, carried)


def downgrade() -> None:
    conn = op.get_bind()
    codes: dict[str, list[str]] = {}
    for person, code in conn.execute(sa.text("SELECT person_no, group_code FROM jobseeker_groups")):
        codes.setdefault(person, []).append(code)
    op.drop_index("ix_jobseeker_groups_group_code", table_name="jobseeker_groups")
    op.drop_table("jobseeker_groups")
    with op.batch_alter_table("jobseekers") as batch:
        batch.add_column(sa.Column("groups", sa.String(100), nullable=False, server_default=""))
    people = conn.execute(
        sa.text("SELECT person_no, gender, birth_date, registered_on FROM jobseekers")
    ).all()
    for person, gender, birth, registered in people:
        mine = sorted(codes.get(person, []), key=lambda c: STORED.index(c))
        age = _age(_date(birth), _date(registered))
        if age >= (40 if gender == "F" else 50) and "laid_off" in mine:
            mine.insert(1, "4050")
        conn.execute(
            sa.text("UPDATE jobseekers SET groups = :g WHERE person_no = :p"),
            {"g": ",".join(mine), "p": person},
        )
    with op.batch_alter_table("jobseekers") as batch:
        batch.alter_column("groups", existing_type=sa.String(100), server_default=None)
