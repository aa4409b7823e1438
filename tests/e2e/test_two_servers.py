"""deploy/run_two_servers.py --check: two app processes behind nginx (sticky by cookie) on one
PostgreSQL database; an import through one process shows through the other on its next run.
Needs nginx (apt-get install -y nginx, in .ci/run) and TEST_DATABASE_URL's server."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import urllib.error
import urllib.request
import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from deploy.run_two_servers import deployment
from deploy.streamlit_proc import free_port
from tests.conftest import PG_URL, ROOT
from tests.unit.test_nginx_conf import SECURITY_HEADERS

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


def _get(url: str) -> tuple[int, object]:
    try:
        with urllib.request.urlopen(url, timeout=30) as answer:
            return answer.status, answer.headers
    except urllib.error.HTTPError as refused:
        return refused.code, refused.headers


def test_the_deployment_answers_with_the_security_headers(fresh_database, tmp_path):
    """The real app processes behind nginx: the headers on the page and on Streamlit's own
    routes, no nginx version, and the process metrics not served."""
    ports = [free_port(), free_port()]
    with deployment(fresh_database, ports, free_port(), tmp_path) as base:
        for path in ("/", "/_stcore/health", "/_stcore/host-config"):
            status, headers = _get(base + path)
            assert status == 200, path
            for name, value in SECURITY_HEADERS.items():
                assert headers.get(name) == value, (path, name)
            assert headers.get("Server") == "nginx", path
        # Straight to an app process it is served: nginx is what keeps it in.
        assert _get(f"http://127.0.0.1:{ports[0]}/_stcore/metrics")[0] == 200
        status, headers = _get(base + "/_stcore/metrics")
        assert status == 404 and headers.get("X-Frame-Options") == "DENY"
