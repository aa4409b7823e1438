"""Alembic migrations: they build exactly the models' schema, adopt pre-Alembic databases, run once."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.operations import Operations
from alembic.runtime.migration import MigrationContext

from data_access.db import create_schema, make_engine, migration_connection
from data_access.migrations import (
    BASELINE_REVISION,
    SchemaError,
    alembic_config,
    head_revisions,
    legacy,
)
from data_access.models import Base, Community, DataVersion, WelfareHousehold
from data_access.seeding import row_counts, seed
from tests.conftest import ROOT

LATE_COLUMNS = {
    # Added to databases from before Alembic; revision 0003 drops it again.
    "communities": ["low_income_households"],
    "welfare_standards": ["min_benefit_yuan"],
    "welfare_households": ["income_stable", "work_capable_members"],
}


def _upgrade(engine: sa.Engine, revision: str = "head") -> None:
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), revision)


def _current(engine: sa.Engine) -> set[str]:
    with engine.connect() as conn:
        return set(MigrationContext.configure(conn).get_current_heads())


def _schema_diff(engine: sa.Engine) -> list:
    with engine.connect() as conn:
        return compare_metadata(MigrationContext.configure(conn), Base.metadata)


def _snapshot(engine: sa.Engine) -> dict:
    """Everything create_schema could touch: tables, columns, indexes, revision, version row."""
    with engine.connect() as conn:
        inspector = sa.inspect(conn)
        tables = {
            name: (
                [(c["name"], str(c["type"]), c["nullable"]) for c in inspector.get_columns(name)],
                sorted(i["name"] for i in inspector.get_indexes(name)),
            )
            for name in inspector.get_table_names()
        }
        version_row = conn.execute(sa.select(DataVersion.__table__)).all()
    return {"tables": tables, "revision": _current(engine), "data_version": version_row}


def _create_the_old_way(engine: sa.Engine, without: dict[str, list[str]]) -> None:
    """What create_schema did before Alembic, on a database from before columns were added: the
    baseline revision's schema (what the code of that time created) without a recorded revision."""
    _upgrade(engine, BASELINE_REVISION)
    with engine.begin() as conn:
        conn.execute(sa.text("DROP TABLE alembic_version"))
        conn.execute(sa.delete(DataVersion))
        conn.execute(DataVersion.__table__.insert().values(id=1, version=7))
        conn.execute(
            Community.__table__.insert().values(
                code="629901100001", name="老城社区", town="城关镇", households=900,
                population=3000, lat=30.0, lon=120.0,
            )
        )  # fmt: skip
        conn.execute(
            WelfareHousehold.__table__.insert().values(
                household_no="H1", community_code="629901100001", category="dibao",
                head_name="张三", head_id_number="110101199001011234", members=2,
                per_capita_income_yuan=300, monthly_benefit_yuan=800, start_month="2021-07",
                status="active", income_stable=False, work_capable_members=1,
            )
        )  # fmt: skip
        for table, columns in without.items():
            for column in columns:
                conn.execute(sa.text(f"ALTER TABLE {table} DROP COLUMN {column}"))


# ------------------------------------------------------------------------------ models = migrations


def test_migrations_build_exactly_the_models_schema(empty_engine):
    _upgrade(empty_engine)
    assert _current(empty_engine) == head_revisions()
    # An empty diff means no table, column, type, nullability, index or foreign key differs.
    assert _schema_diff(empty_engine) == []
    with empty_engine.connect() as conn:
        tables = set(sa.inspect(conn).get_table_names()) - {"alembic_version"}
        assert conn.execute(sa.select(DataVersion.id, DataVersion.version)).all() == [(1, 0)]
    assert tables == set(Base.metadata.tables)
    baseline = _fresh_tables_at(empty_engine, BASELINE_REVISION)
    assert baseline == legacy.BASELINE_TABLES


def _fresh_tables_at(engine: sa.Engine, revision: str) -> set[str]:
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "base")
    _upgrade(engine, revision)
    with engine.connect() as conn:
        return set(sa.inspect(conn).get_table_names()) - {"alembic_version"}


def test_migrations_have_the_models_check_constraints(empty_engine):
    # compare_metadata does not look at CHECK constraints, and revisions spell out vocab values.
    _upgrade(empty_engine)
    sqlite = empty_engine.dialect.name == "sqlite"
    with empty_engine.connect() as conn:
        inspector = sa.inspect(conn)
        for table in Base.metadata.sorted_tables:
            have = {c["name"]: c["sqltext"] for c in inspector.get_check_constraints(table.name)}
            want = {
                c.name: str(c.sqltext)
                for c in table.constraints
                if isinstance(c, sa.CheckConstraint)
            }
            # PostgreSQL rewrites the expressions, so there only the names can be compared.
            assert (have if sqlite else set(have)) == (want if sqlite else set(want)), table.name


def test_downgrade_to_base_and_up_again(empty_engine):
    _upgrade(empty_engine)
    _upgrade(empty_engine, "head")
    with empty_engine.begin() as conn:
        command.downgrade(alembic_config(conn), "base")
    with empty_engine.connect() as conn:
        assert set(sa.inspect(conn).get_table_names()) <= {"alembic_version"}
    assert create_schema(empty_engine) is True
    assert _schema_diff(empty_engine) == []


# ------------------------------------------------------------------------------ create_schema


def test_create_schema_twice_changes_nothing_the_second_time(empty_engine):
    assert create_schema(empty_engine) is True
    before = _snapshot(empty_engine)
    assert before["revision"] == head_revisions()
    assert create_schema(empty_engine) is False
    assert _snapshot(empty_engine) == before


def test_create_schema_restores_a_missing_data_version_row(empty_engine):
    create_schema(empty_engine)
    with empty_engine.begin() as conn:
        conn.execute(sa.delete(DataVersion))
    assert create_schema(empty_engine) is True
    with empty_engine.connect() as conn:
        assert conn.execute(sa.select(DataVersion.id, DataVersion.version)).all() == [(1, 0)]


def test_a_pre_alembic_database_keeps_its_data_and_ends_at_head(empty_engine):
    _create_the_old_way(empty_engine, without=LATE_COLUMNS)
    with empty_engine.connect() as conn:
        assert legacy.is_pre_alembic(conn)

    assert create_schema(empty_engine) is True

    assert _current(empty_engine) == head_revisions()
    assert _schema_diff(empty_engine) == []
    with empty_engine.connect() as conn:
        for table, columns in LATE_COLUMNS.items():
            have = {c["name"] for c in sa.inspect(conn).get_columns(table)}
            in_models = {c.name for c in Base.metadata.tables[table].columns}
            assert {c for c in columns if c in in_models} <= have, table
        assert "low_income_households" not in {
            c["name"] for c in sa.inspect(conn).get_columns("communities")
        }
        assert conn.execute(sa.select(DataVersion.version)).scalar_one() == 7
        community = conn.execute(sa.select(Community)).one()
        assert (community.name, community.households) == ("老城社区", 900)
        household = conn.execute(sa.select(WelfareHousehold)).one()
        # Rows from before the columns existed get the models' defaults.
        assert (household.head_name, household.income_stable) == ("张三", True)
        assert household.work_capable_members == 0
        assert not legacy.is_pre_alembic(conn)
    assert create_schema(empty_engine) is False
    # The app's writes work on it as on a new database.
    seed(empty_engine)
    assert row_counts(empty_engine)["communities"] > 1


def test_a_pre_alembic_database_with_every_column_is_only_stamped(empty_engine):
    _create_the_old_way(empty_engine, without={})
    tables_before = _snapshot(empty_engine)["tables"]
    assert create_schema(empty_engine) is True
    after = _snapshot(empty_engine)
    assert after["revision"] == head_revisions()
    # Stamped at the baseline, then only the later revisions' changes.
    later = {"alembic_version", "audit_log", "import_log"}
    # Tables revision 0003 creates or changes.
    later |= {"communities", "facilities", "cadres", "volunteer_activities"}
    later |= {"service_point_states", "cadre_posts", "welfare_reviews", "near_poor_households"}
    # Tables revision 0004 creates or changes.
    later |= {"jobseekers", "jobseeker_groups"}
    later |= {"project_phase_plans"}  # revision 0005
    # Tables revision 0006 (accounts) creates or changes.
    later |= {"users", "user_communities"}
    later |= {"welfare_payments", "welfare_households"}  # revision 0007 (indexes)
    later |= {"roads"}  # revision 0008
    assert {k: v for k, v in after["tables"].items() if k not in later} == {
        k: v for k, v in tables_before.items() if k not in later
    }
    assert _schema_diff(empty_engine) == []


def test_a_database_with_only_some_tables_is_refused(empty_engine):
    with empty_engine.begin() as conn:
        Community.__table__.create(conn)
    with pytest.raises(SchemaError, match="grids"):
        create_schema(empty_engine)
    with empty_engine.connect() as conn:
        assert set(sa.inspect(conn).get_table_names()) == {"communities"}


def test_a_database_migrated_by_newer_code_is_refused(empty_engine):
    create_schema(empty_engine)
    with empty_engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = 'f00d'"))
    with pytest.raises(SchemaError, match="f00d"):
        create_schema(empty_engine)
    assert _current(empty_engine) == {"f00d"}


# ------------------------------------------------------------------------------ SQLite specifics


def test_sqlite_batch_alter_of_a_referenced_table_keeps_rows_and_foreign_keys(tmp_path):
    # Future revisions on SQLite copy tables (render_as_batch); communities is referenced by
    # almost every table, which foreign-key enforcement would not let them drop.
    engine = make_engine(f"sqlite:///{tmp_path / 'batch.db'}")
    seed(engine)
    counts = row_counts(engine)
    with migration_connection(engine) as conn:
        ops = Operations(MigrationContext.configure(conn, opts={"render_as_batch": True}))
        with ops.batch_alter_table("communities", recreate="always") as batch:
            batch.add_column(sa.Column("note", sa.Text(), nullable=True))
    assert row_counts(engine) == counts
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").first() is None
        refs = {fk["referred_table"] for fk in sa.inspect(conn).get_foreign_keys("grids")}
    assert refs == {"communities"}
    engine.dispose()


def test_sqlite_migration_that_leaves_dangling_foreign_keys_is_rolled_back(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'dangling.db'}")
    create_schema(engine)
    with pytest.raises(SchemaError), migration_connection(engine) as conn:
        conn.execute(
            sa.text(
                "INSERT INTO grids (code, community_code, name, households, population)"
                " VALUES ('G1', 'nowhere', 'g', 1, 1)"
            )
        )
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM grids")).scalar_one() == 0
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1
    engine.dispose()


def test_cli_init_on_an_empty_sqlite_file_from_another_folder(tmp_path):
    path = tmp_path / "new.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("DATABASE_URL", None)

    def init() -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "data_access", "--database-url", f"sqlite:///{path}", "init"],
            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
        )  # fmt: skip

    first = init()
    assert first.returncode == 0, first.stderr
    engine = make_engine(f"sqlite:///{path}")
    assert _current(engine) == head_revisions()
    assert _schema_diff(engine) == []
    second = init()
    assert second.returncode == 0, second.stderr
    assert second.stdout != first.stdout
    engine.dispose()


def test_revision_0003_carries_existing_rows_into_the_dated_tables_and_back(empty_engine):
    """Points get a spell from opening to closing, cadres a residents'-committee seat, households
    their last review, activities keep their count as participants; downgrading restores them."""
    _upgrade(empty_engine, "0002")
    with empty_engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO communities (code, name, town, households, population, lat, lon)"
                " VALUES ('C1', 'c', 't', 10, 20, 0, 0)"
            )
        )
        conn.execute(
            sa.text(
                "INSERT INTO service_points (id, community_code, type, name, lat, lon, status,"
                " opened_on, closed_on) VALUES"
                " ('P1', 'C1', 'milk', 'a', 0, 0, 'suspended', '2020-01-01', NULL),"
                " ('P2', 'C1', 'milk', 'b', 0, 0, 'closed', '2020-01-01', '2021-03-01')"
            )
        )
        conn.execute(
            sa.text(
                "INSERT INTO cadres (id, community_code, role, education, birth_date,"
                " party_member, elected_on) VALUES"
                " ('G1', 'C1', 'member', 'below', '1980-01-01', true, '2021-10-26')"
            )
        )
        conn.execute(
            sa.text(
                "INSERT INTO welfare_households (household_no, community_code, category,"
                " head_name, head_id_number, members, per_capita_income_yuan,"
                " monthly_benefit_yuan, start_month, status, last_review_on, income_stable,"
                " work_capable_members) VALUES ('H1', 'C1', 'dibao', 'n', '1', 1, 0, 700,"
                " '2021-01', 'active', '2022-03-01', true, 0)"
            )
        )
        conn.execute(sa.text("INSERT INTO volunteer_orgs (id, community_code, name, members)"
                             " VALUES ('O1', 'C1', 'o', 10)"))  # fmt: skip
        conn.execute(
            sa.text(
                "INSERT INTO volunteer_activities (id, org_id, date, kind, person_times, hours)"
                " VALUES ('A1', 'O1', '2022-01-05', 'k', 7, 10)"
            )
        )
    # As create_schema runs them: SQLite copies referenced tables with foreign keys off.
    with migration_connection(empty_engine) as conn:
        command.upgrade(alembic_config(conn), "head")
    with empty_engine.connect() as conn:
        states = conn.execute(
            sa.text("SELECT point_id, status, valid_to FROM service_point_states ORDER BY 1")
        ).all()
        assert [(s[0], s[1], str(s[2]) if s[2] else None) for s in states] == [
            ("P1", "suspended", None),
            ("P2", "operating", "2021-03-01"),
        ]
        post = conn.execute(sa.text("SELECT cadre_id, body, post FROM cadre_posts")).one()
        assert tuple(post) == ("G1", "residents_committee", "member")
        review = conn.execute(sa.text("SELECT household_no FROM welfare_reviews")).scalar_one()
        assert review == "H1"
        activity = conn.execute(
            sa.text("SELECT participants, residents_served FROM volunteer_activities")
        ).one()
        assert tuple(activity) == (7, 0)
    with migration_connection(empty_engine) as conn:
        command.downgrade(alembic_config(conn), "0002")
    with empty_engine.connect() as conn:
        cadre = conn.execute(sa.text("SELECT role, elected_on FROM cadres")).one()
        assert cadre[0] == "member" and str(cadre[1]) == "2021-10-26"
        assert conn.execute(sa.text("SELECT person_times FROM volunteer_activities")).scalar() == 7


def test_revision_0004_moves_jobseeker_groups_into_the_link_table_and_back(empty_engine):
    """Comma-separated groups become one row per person and group ("4050" is dropped: it is
    computed from age); downgrading writes the list back, 4050 decided at registration."""
    _upgrade(empty_engine, "0003")
    with empty_engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO communities (code, name, town, households, population, lat, lon)"
                " VALUES ('C1', 'c', 't', 10, 20, 0, 0)"
            )
        )
        conn.execute(
            sa.text(
                "INSERT INTO jobseekers (person_no, community_code, name, id_number, gender,"
                " birth_date, groups, registered_on) VALUES"
                " ('J1', 'C1', 'n', '1', 'F', '1975-01-01', 'laid_off,4050,disabled', '2021-03-01'),"
                " ('J2', 'C1', 'n', '2', 'M', '2000-01-01', 'youth', '2021-03-01'),"
                " ('J3', 'C1', 'n', '3', 'M', '1990-01-01', '', '2021-03-01')"
            )
        )
    _upgrade(empty_engine, "0004")
    with empty_engine.connect() as conn:
        rows = conn.execute(
            sa.text("SELECT person_no, group_code FROM jobseeker_groups ORDER BY 1, 2")
        ).all()
        assert [tuple(r) for r in rows] == [
            ("J1", "disabled"), ("J1", "laid_off"), ("J2", "youth"),
        ]  # fmt: skip
        columns = {c["name"] for c in sa.inspect(conn).get_columns("jobseekers")}
        assert "groups" not in columns
    with empty_engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0003")
    with empty_engine.connect() as conn:
        back = dict(conn.execute(sa.text("SELECT person_no, groups FROM jobseekers")).all())
    assert back == {"J1": "laid_off,4050,disabled", "J2": "youth", "J3": ""}
