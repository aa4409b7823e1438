"""The database: engine from DATABASE_URL (default: a SQLite file under data/), schema, data version."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, create_engine, event, func, select, text, update
from sqlalchemy.engine import Connection, make_url

from data_access.admin.models import DataVersion
from data_access.areas.models import Community
from data_access.files_at_rest import create_private, private_folder
from data_access.migrations import (
    BASELINE_REVISION,
    SchemaError,
    alembic_config,
    head_revisions,
    known_revisions,
    legacy,
)

PROJECT_DIR = Path(__file__).resolve().parent.parent
DEFAULT_SQLITE_PATH = PROJECT_DIR / "data" / "dashboard.db"
_CONNECT_TIMEOUT_S = 5


def database_url() -> str:
    """DATABASE_URL when set, else the embedded SQLite file (its folder created on demand)."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if url:
        return url
    private_folder(DEFAULT_SQLITE_PATH.parent)
    return f"sqlite:///{DEFAULT_SQLITE_PATH}"


def _enable_sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    # WAL lets the app read while an import writes; busy_timeout rides out short write locks.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(url: str | None = None, **kwargs) -> Engine:
    """An engine for `url` (default `database_url()`), with SQLite set up like the app needs it.

    Bound parameters are hidden from error messages (`hide_parameters`): a failed query must not
    carry household numbers, names or ID numbers into the server log.

    A new SQLite file is created 0600 (and its folder 0700, `files_at_rest`) before SQLite opens
    it. A SQLite file's folder is created for a URL passed in (the command line's --database-url, the
    tests) and for the default file, but not for one configured in DATABASE_URL: a configured
    folder that is gone means the data is gone, and the app must say so (`db_faults`) instead of
    quietly starting an empty database there.

    PostgreSQL: the pool pings a connection before handing it out, so connections from before a
    server restart are replaced instead of failing a page; connecting gives up after
    `_CONNECT_TIMEOUT_S` so a page waiting for an unreachable server shows the fault instead.
    """
    explicit = url is not None
    url = url or database_url()
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        on_disk = parsed.database and not parsed.database.startswith(("file:", ":memory:"))
        if on_disk and explicit:
            private_folder(Path(parsed.database).parent)
        if on_disk and Path(parsed.database).parent.is_dir():
            create_private(Path(parsed.database))  # before SQLite creates it with the umask's mode
        engine = create_engine(url, hide_parameters=True, **kwargs)
        event.listen(engine, "connect", _enable_sqlite_pragmas)
        return engine
    if parsed.get_backend_name() == "postgresql":
        kwargs["connect_args"] = {
            "connect_timeout": _CONNECT_TIMEOUT_S,
            **kwargs.get("connect_args", {}),
        }
    return create_engine(url, pool_pre_ping=True, hide_parameters=True, **kwargs)


# Any constant shared by all processes; names the lock that serialises schema changes.
_MIGRATION_LOCK_KEY = 0x5C4D_0001


@contextmanager
def migration_connection(engine: Engine) -> Iterator[Connection]:
    """A connection inside one transaction, set up for changing the schema.

    PostgreSQL: a transaction-scoped advisory lock, so app processes starting together migrate
    one after the other (the later ones then find the database at head). SQLite: foreign keys
    are off until the end, because batch operations copy a table and drop the original, which
    enforcement refuses for referenced tables; they are checked before the commit instead.
    """
    with engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:
            # Only takes effect outside a transaction, hence before begin().
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            conn.commit()
        try:
            with conn.begin():
                if conn.dialect.name == "postgresql":
                    conn.execute(
                        text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK_KEY}
                    )
                yield conn
                if sqlite and conn.exec_driver_sql("PRAGMA foreign_key_check").first():
                    raise SchemaError("schema.dangling_keys")
        finally:
            if sqlite:
                conn.exec_driver_sql("PRAGMA foreign_keys=ON")
                conn.commit()


def _up_to_date(conn: Connection) -> bool:
    if set(MigrationContext.configure(conn).get_current_heads()) != head_revisions():
        return False
    return conn.execute(select(DataVersion.id).where(DataVersion.id == 1)).first() is not None


def create_schema(engine: Engine) -> bool:
    """Bring the database to the newest schema (Alembic head) with its data-version row.

    True when anything was created, changed or recorded; False when the database already was at
    head, in which case nothing is written (cheap enough to call on every start).

    Databases created before Alembic are recognised by having this project's tables but no
    recorded revision. They are adopted: columns that the models gained while the schema was
    kept by create_all and ALTER TABLE (communities.low_income_households and three more, see
    `migrations.legacy`) are added where missing, the database is stamped with the baseline
    revision 0001, and the later revisions run as for any other database. Data is kept.
    `SchemaError` instead, with nothing changed, for a database that has only some of the tables
    or is at a revision this code does not know (migrated by a newer version).
    """
    with engine.connect() as conn:
        if _up_to_date(conn):
            return False
    with migration_connection(engine) as conn:
        # Another process may have finished the job while this one waited for the lock.
        if _up_to_date(conn):
            return False
        unknown = set(MigrationContext.configure(conn).get_current_heads()) - known_revisions()
        if unknown:
            raise SchemaError("schema.unknown_revision", revision=", ".join(sorted(unknown)))
        config = alembic_config(conn)
        if legacy.is_pre_alembic(conn):
            legacy.adopt(conn)
            command.stamp(config, BASELINE_REVISION)
        command.upgrade(config, "head")
        # Adopted databases may lack the row; everything else relies on it being there.
        if conn.execute(select(DataVersion.id).where(DataVersion.id == 1)).first() is None:
            conn.execute(DataVersion.__table__.insert().values(id=1, version=0))
    return True


def data_version(conn: Connection) -> int:
    """The write counter; cached query results are keyed on it so they never go stale."""
    return (
        conn.execute(select(DataVersion.version).where(DataVersion.id == 1)).scalar_one_or_none()
        or 0
    )


def data_state(conn: Connection) -> tuple[int, dt.datetime | None]:
    """(write counter, time of the last write): the cache key and the page header's "updated at"."""
    row = conn.execute(
        select(DataVersion.version, DataVersion.updated_at).where(DataVersion.id == 1)
    ).one_or_none()
    return (row.version or 0, row.updated_at) if row else (0, None)


def bump_data_version(conn: Connection) -> None:
    """Call inside every writing transaction."""
    conn.execute(
        update(DataVersion)
        .where(DataVersion.id == 1)
        .values(version=DataVersion.version + 1, updated_at=dt.datetime.now())
    )


def is_empty(conn: Connection) -> bool:
    return not conn.execute(select(func.count()).select_from(Community)).scalar_one()
