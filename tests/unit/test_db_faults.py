"""Database faults: real errors from a SQLite file that is read-only, missing or corrupt and from an
unreachable PostgreSQL are told apart and named in Chinese; an import killed mid-way (SIGKILL of
`python -m data_access import`) leaves every table exactly as it was, on SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.exc import DBAPIError

from bench.import_files import households_csv
from data_access.db import make_engine
from data_access.db_faults import DbFault, classify, sqlite_file
from data_access.models import Base
from data_access.seeding import seed
from tests.conftest import ROOT


def _error_of(engine, statement: str = "SELECT count(*) FROM communities") -> BaseException:
    with pytest.raises(DBAPIError) as caught, engine.connect() as conn:
        conn.execute(text(statement))
    return caught.value


def test_a_missing_folder_is_named_with_what_to_do(tmp_path):
    url = f"sqlite:///{tmp_path / 'gone' / 'dashboard.db'}"
    fault = classify(_error_of(create_engine(url)), url)
    assert fault == DbFault("sqlite_missing", str(tmp_path / "gone" / "dashboard.db"))
    message = fault.message("zh")
    assert str(tmp_path / "gone" / "dashboard.db") in message
    assert "无法打开数据库文件" in message and "restore" in message
    assert not fault.transient


def test_a_configured_folder_that_is_gone_is_not_recreated(tmp_path, monkeypatch):
    """The app's engine (no URL passed) must not start an empty database where the data was."""
    url = f"sqlite:///{tmp_path / 'gone' / 'dashboard.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    fault = classify(_error_of(make_engine()), url)
    assert fault is not None and fault.kind == "sqlite_missing"
    assert not (tmp_path / "gone").exists()


def test_a_corrupt_file_is_named(tmp_path):
    path = tmp_path / "dashboard.db"
    path.write_bytes(b"not a database at all " * 200)
    url = f"sqlite:///{path}"
    fault = classify(_error_of(make_engine(url)), url)
    assert fault == DbFault("sqlite_corrupt", str(path))
    assert str(path) in fault.message("zh") and "已损坏" in fault.message("zh")
    assert str(path) in fault.message("en") and "damaged" in fault.message("en")


def test_a_read_only_file_is_named(tmp_path):
    path = tmp_path / "dashboard.db"
    sqlite3.connect(path).execute("CREATE TABLE communities (code TEXT)").connection.commit()
    # Root ignores file modes, so the file is opened read-only the way a read-only mount would be.
    url = f"sqlite:///file:{path}?mode=ro&uri=true"
    assert sqlite_file(url) == str(path)
    error = _error_of(create_engine(url), "INSERT INTO communities VALUES ('1')")
    fault = classify(error, url)
    assert fault == DbFault("sqlite_readonly", str(path))
    assert "只读" in fault.message("zh") and str(path) in fault.message("zh")


def test_an_unreachable_server_is_transient_and_says_so():
    # A port nothing listens on: connection refused at once, as when PostgreSQL is stopped.
    url = "postgresql+psycopg://postgres@127.0.0.1:9/none"
    fault = classify(_error_of(make_engine(url)), url)
    assert fault == DbFault("unavailable")
    assert fault.transient
    assert fault.message("zh").startswith("数据库暂时不可用，正在重试")
    assert "temporarily unavailable" in fault.message("en")


def test_other_errors_are_not_database_faults(tmp_path):
    url = f"sqlite:///{tmp_path / 'ok.db'}"
    assert classify(ValueError("no"), url) is None
    # A mistake in a query is a bug to log, not an outage to wait out.
    assert classify(_error_of(make_engine(url), "SELECT * FROM no_such_table"), url) is None


# --- an import killed mid-way ----------------------------------------------------------------


def _dump(engine) -> str:
    """A checksum over every row of every table, in key order."""
    digest = hashlib.sha256()
    with engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            order = list(table.primary_key.columns) or list(table.columns)
            for row in conn.execute(select(table).order_by(*order)):
                digest.update(repr(tuple(row)).encode())
            digest.update(table.name.encode())
    return digest.hexdigest()


def _writing(engine) -> bool:
    """Whether another connection has begun writing (holds the write lock / has a transaction id)."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            return bool(
                conn.execute(
                    text(
                        "SELECT count(*) FROM pg_stat_activity WHERE backend_xid IS NOT NULL "
                        "AND pid <> pg_backend_pid() AND datname = current_database()"
                    )
                ).scalar()
            )
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA busy_timeout=0")
        try:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        except DBAPIError:
            return True
        conn.exec_driver_sql("ROLLBACK")
        return False


def _cli_url(engine) -> str:
    url = engine.url.render_as_string(hide_password=False)
    if engine.dialect.name == "postgresql":
        # The test schema travels in the URL: the killed process is a separate program.
        with engine.connect() as conn:
            schema = conn.execute(text("SELECT current_schema()")).scalar()
        url += f"?options=-csearch_path%3D{schema}"
    return url


def test_an_import_killed_mid_way_leaves_the_database_as_it_was(empty_engine, tmp_path):
    seed(empty_engine)
    before = _dump(empty_engine)
    sheet = tmp_path / "many.csv"
    sheet.write_bytes(households_csv(4000, prefix="KILL"))
    proc = subprocess.Popen(
        [sys.executable, "-m", "data_access", "--database-url", _cli_url(empty_engine),
         "import", "welfare_households", str(sheet)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    deadline = time.time() + 120
    try:
        while not _writing(empty_engine):
            assert proc.poll() is None, f"the import ended before writing: {proc.stderr.read()!r}"
            assert time.time() < deadline, "the import never began writing"
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait(10)
    assert proc.returncode == -signal.SIGKILL
    # A fresh engine: whatever the killed process left (journal, WAL, server-side transaction) is
    # recovered or rolled back by the database itself.
    for _ in range(100):  # PostgreSQL notices the dead client and ends its backend
        if not _writing(empty_engine):
            break
        time.sleep(0.1)
    empty_engine.dispose()
    assert _dump(empty_engine) == before
    with empty_engine.connect() as conn:
        households = conn.execute(text("SELECT count(*) FROM welfare_households")).scalar()
        killed = conn.execute(
            text("SELECT count(*) FROM welfare_households WHERE household_no LIKE 'KILL%'")
        ).scalar()
    assert households > 0 and killed == 0
