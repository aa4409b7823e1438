"""deploy/run_two_servers.py --check: two app processes behind nginx (sticky by cookie) on one
PostgreSQL database; an import through one process shows through the other on its next run.
Needs nginx (apt-get install -y nginx, in .ci/run) and TEST_DATABASE_URL's server."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.conftest import PG_URL, ROOT

pytestmark = [
    pytest.mark.skipif(not PG_URL, reason="TEST_DATABASE_URL not set: no PostgreSQL"),
    pytest.mark.skipif(
        not (shutil.which("nginx") or os.path.exists("/usr/sbin/nginx")),
        reason="nginx missing: apt-get install -y nginx",
    ),
]


@pytest.fixture
def fresh_database():
    """A database of its own on the test server, dropped afterwards."""
    name = f"two_servers_{uuid.uuid4().hex[:8]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def test_an_import_through_one_process_shows_through_the_other(fresh_database):
    proc = subprocess.Popen(
        [sys.executable, "deploy/run_two_servers.py", "--check",
         "--database-url", fresh_database, "--ports", "8623,8624", "--listen", "8680"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True,  # its app processes and nginx are stopped with it
    )  # fmt: skip
    try:
        out, err = proc.communicate(timeout=400)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
    print(out[-3000:], err[-3000:])
    assert proc.returncode == 0, err[-3000:]
    assert "session A on 127.0.0.1:8623, session B on 127.0.0.1:8624" in out
    assert "an import through one process showed through the other" in out
