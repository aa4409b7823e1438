"""What went wrong with the database, in words an office can act on (no Streamlit here).

`classify(exc, url)` turns an exception raised while talking to the database into a `DbFault`:

- `unavailable`: the server cannot be reached or dropped the connection (PostgreSQL stopped or
  restarting, the network, a SQLite lock held too long). Transient: the app retries by itself.
- `sqlite_readonly`, `sqlite_missing`, `sqlite_corrupt`: the SQLite file cannot be written, cannot
  be opened (it or its folder is gone, or the account may not read it) or is not a database. The
  message names the file and what to do; the app keeps checking, so fixing the file is enough.

Anything else is not a database fault (None): the caller shows its generic error.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import make_url

from data_access.text import t

# SQLite's own words (sqlite3 error strings, stable across versions) → the fault they mean.
_SQLITE_MESSAGES: tuple[tuple[str, str], ...] = (
    ("attempt to write a readonly database", "sqlite_readonly"),
    ("readonly database", "sqlite_readonly"),
    ("unable to open database file", "sqlite_missing"),
    ("disk i/o error", "sqlite_missing"),
    ("file is not a database", "sqlite_corrupt"),
    ("database disk image is malformed", "sqlite_corrupt"),
    ("database is locked", "unavailable"),
    ("database table is locked", "unavailable"),
)

# Driver errors that mean "no usable connection right now" on a server database.
_CONNECTION_ERRORS: tuple[type[BaseException], ...] = (
    sa_exc.OperationalError,
    sa_exc.InterfaceError,
    sa_exc.DisconnectionError,
    sa_exc.TimeoutError,  # the pool waited too long for a connection
)


class DatabaseFileGone(Exception):
    """The SQLite file the app had open is no longer at its path (deleted, moved, folder gone)."""

    def __init__(self, path: str):
        super().__init__(path)
        self.path = path


@dataclass(frozen=True)
class DbFault:
    kind: str  # unavailable | sqlite_readonly | sqlite_missing | sqlite_corrupt
    file: str = ""

    @property
    def transient(self) -> bool:
        return self.kind == "unavailable"

    def message(self, lang: str) -> str:
        return t(f"dbfault.{self.kind}", lang, file=self.file)


def sqlite_file(url: str) -> str | None:
    """The file a SQLite URL names (None for another database or an in-memory one)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    name = parsed.database or ""
    if name.startswith("file:"):  # sqlite:///file:/path?mode=ro&uri=true
        name = name[len("file:") :]
    return None if name in ("", ":memory:") else name


def _chain(exc: BaseException):
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        exc = exc.__cause__ or exc.__context__


def classify(exc: BaseException, url: str) -> DbFault | None:
    """The database fault behind `exc` (looking through its causes), or None if it is not one."""
    file = sqlite_file(url)
    for link in _chain(exc):
        if isinstance(link, DatabaseFileGone):
            return DbFault("sqlite_missing", link.path)
        if file is not None and isinstance(link, sa_exc.DBAPIError | sqlite3.Error):
            text = str(getattr(link, "orig", link) or "").lower()
            for words, kind in _SQLITE_MESSAGES:
                if words in text:
                    return DbFault(kind, file)
        elif file is None and isinstance(link, _CONNECTION_ERRORS):
            return DbFault("unavailable")
        if isinstance(link, sa_exc.DisconnectionError | sa_exc.TimeoutError):
            return DbFault("unavailable", file or "")
    return None
