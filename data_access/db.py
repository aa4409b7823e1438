"""The database: engine from DATABASE_URL (default: a SQLite file under data/), schema, data version."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, func, inspect, select, update
from sqlalchemy.engine import Connection, make_url

from data_access.models import Base, Community, DataVersion

PROJECT_DIR = Path(__file__).resolve().parent.parent
DEFAULT_SQLITE_PATH = PROJECT_DIR / "data" / "dashboard.db"


def database_url() -> str:
    """DATABASE_URL when set, else the embedded SQLite file (its folder created on demand)."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if url:
        return url
    DEFAULT_SQLITE_PATH.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{DEFAULT_SQLITE_PATH}"


def _enable_sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    # WAL lets the app read while an import writes; busy_timeout rides out short write locks.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(url: str | None = None, **kwargs) -> Engine:
    """An engine for `url` (default `database_url()`), with SQLite set up like the app needs it."""
    url = url or database_url()
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, **kwargs)
        event.listen(engine, "connect", _enable_sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, **kwargs)


def _add_missing_nullable_columns(conn: Connection, existing: set[str]) -> bool:
    """Add model columns that an older database lacks, when they are nullable (no data to invent).

    create_all only creates whole tables; a column added to a model later (such as
    communities.low_income_households) would otherwise break every query on a database created
    before it. Anything beyond a new nullable column needs a real migration.
    """
    added = False
    inspector = inspect(conn)
    preparer = conn.dialect.identifier_preparer
    for table in Base.metadata.sorted_tables:
        if table.name not in existing:
            continue
        have = {c["name"] for c in inspector.get_columns(table.name)}
        for column in table.columns:
            if column.name in have or not column.nullable or column.server_default is not None:
                continue
            kind = column.type.compile(dialect=conn.dialect)
            conn.exec_driver_sql(
                f"ALTER TABLE {preparer.format_table(table)} "
                f"ADD COLUMN {preparer.format_column(column)} {kind}"
            )
            added = True
    return added


def create_schema(engine: Engine) -> bool:
    """Create missing tables (and missing nullable columns) and the data-version row; True when anything was created."""
    with engine.begin() as conn:
        before = set(engine.dialect.get_table_names(conn))
        added = _add_missing_nullable_columns(conn, before)
        Base.metadata.create_all(conn)
        after = set(engine.dialect.get_table_names(conn))
        has_version = conn.execute(select(func.count()).select_from(DataVersion)).scalar_one()
        if not has_version:
            conn.execute(DataVersion.__table__.insert().values(id=1, version=0))
    return after != before or added or not has_version


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
