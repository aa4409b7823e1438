"""Alembic environment: run migrations on the connection handed over in the Config, or on a URL.

Code and tests pass a Connection through `config.attributes["connection"]` (see
`data_access.migrations.alembic_config`), so the caller owns its transaction and settings, such as
a PostgreSQL search_path that points at a test schema.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from data_access.db import database_url, make_engine, migration_connection
from data_access.models import Base

config = context.config
# Only autogenerate reads the models; revisions themselves never import them.
target_metadata = Base.metadata


def _url() -> str:
    return config.get_main_option("sqlalchemy.url") or database_url()


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things: batch mode copies the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_offline() -> None:
    url = _url()
    context.configure(
        url=url,
        target_metadata=target_metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
        render_as_batch=url.startswith("sqlite"),
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = make_engine(_url())
    try:
        with migration_connection(engine) as conn:
            _run(conn)
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
