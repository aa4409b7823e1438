"""Alembic migrations of the dashboard's schema, configured in code so no alembic.ini is needed.

`data_access.db.create_schema` runs them; the app and `python -m data_access init` call that.
A new revision, after changing a model in `models/` (run from the project folder, DATABASE_URL at head):

    from alembic import command
    from data_access.migrations import alembic_config
    command.revision(alembic_config(), "add x to y", autogenerate=True, rev_id="0002")

Review the generated file: a revision must not import the models or `vocab`, since it has to keep
describing the schema of its time after they change, and SQLite changes go through
`op.batch_alter_table` (env.py turns on batch rendering there).
"""

from __future__ import annotations

import functools
from pathlib import Path

from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

MIGRATIONS_DIR = Path(__file__).resolve().parent
# The schema as the code before Alembic left it; databases from that time are stamped with it.
BASELINE_REVISION = "0001"


def alembic_config(connection: Connection | None = None, url: str | None = None) -> Config:
    """A Config for this package; migrations run on `connection` when given, else on `url`.

    Without either, env.py opens DATABASE_URL (the embedded SQLite file by default).
    """
    config = Config()
    # Config values go through configparser interpolation, so a '%' in the path must be doubled.
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    if url:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@functools.cache
def _script() -> ScriptDirectory:
    # Read once: the revision files do not change while the app runs.
    return ScriptDirectory.from_config(alembic_config())


def head_revisions() -> frozenset[str]:
    """The newest revision(s) in versions/: where `create_schema` takes every database."""
    return frozenset(_script().get_heads())


def known_revisions() -> frozenset[str]:
    """Every revision in versions/; a database at any other was migrated by newer code."""
    return frozenset(r.revision for r in _script().walk_revisions())


class SchemaError(RuntimeError):
    """The database's schema is not one this code knows how to bring up to date.

    `reason` is a text key (data_access.text) so the command line can say it in Chinese; str()
    is the English text for logs.
    """

    def __init__(self, reason: str, **kwargs: object):
        from data_access.text import t

        super().__init__(t(reason, "en", **kwargs))
        self.reason = reason
        self.kwargs = kwargs

    def text(self, lang: str) -> str:
        from data_access.text import t

        return t(self.reason, lang, **self.kwargs)
