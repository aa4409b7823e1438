"""The database goes away under an open page and comes back; Streamlit is never restarted.

PostgreSQL: a private cluster on 127.0.0.1:5499 (never the shared server on 5432), stopped while
a page is open: every page says 数据库暂时不可用，正在重试 (signing in too, never Streamlit's
English error box), and after the restart the open page returns by itself, with no click, and
signing in works without a reload. SQLite: the file's folder moved away (then back), the file
replaced by a damaged one (then restored): a message naming the file, then recovery by itself.
No exception box and no traceback at any point.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from data_access.admin import accounts
from data_access.db import make_engine
from data_access.seeding import seed
from data_access.text import t
from tests.conftest import EAST
from tests.e2e import act
from tests.e2e.conftest import card_value, served

PG_PORT = 5499
UNAVAILABLE = t("dbfault.unavailable", "zh")
DIBAO = t("metric.dibao_persons.label", "zh")
NAV = [t(f"nav.{key}", "zh") for key in ("overview", "service_points", "welfare", "employment",
                                          "facilities", "community_life", "review", "data_admin")]  # fmt: skip
BIN = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
CLERK, PASSWORD = "outage-clerk", "outage-password-1"
STREAMLIT_ERROR = "This app has encountered an error"


def _as_postgres(*cmd: str) -> None:
    subprocess.run(
        ["runuser", "-u", "postgres", "--", *cmd], check=True, capture_output=True, timeout=120
    )


class PrivateCluster:
    """initdb into a temporary folder owned by the postgres account (initdb refuses root)."""

    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="ops-pg-"))
        shutil.chown(self.dir, "postgres", "postgres")
        self.data = self.dir / "data"
        self.ctl = f"{BIN[-1]}/pg_ctl"
        _as_postgres(f"{BIN[-1]}/initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres",
                     "--no-sync", "-E", "UTF8")  # fmt: skip
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{PG_PORT}/postgres"

    def start(self) -> None:
        _as_postgres(self.ctl, "-D", str(self.data), "-l", str(self.dir / "log"), "-w", "start",
                     "-o", f"-p {PG_PORT} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off")  # fmt: skip

    def stop(self) -> None:
        _as_postgres(self.ctl, "-D", str(self.data), "-m", "fast", "-w", "stop")

    def remove(self) -> None:
        subprocess.run(["runuser", "-u", "postgres", "--", self.ctl, "-D", str(self.data), "-m",
                        "immediate", "stop"], capture_output=True, timeout=60)  # fmt: skip
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture(scope="module")
def cluster():
    if not BIN or os.geteuid() != 0:
        pytest.skip("needs PostgreSQL's server binaries and root (to run them as postgres)")
    pg = PrivateCluster()
    try:
        pg.start()
        engine = make_engine(pg.url)
        seed(engine)
        accounts.add_user(engine, CLERK, PASSWORD, "editor", (EAST,), by="test")
        engine.dispose()
        yield pg
    finally:
        pg.remove()


def _no_traceback(page) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0
    body = page.locator("body").inner_text()
    assert "Traceback" not in body and "OperationalError" not in body and "psycopg" not in body
    assert STREAMLIT_ERROR not in body


def _fill_sign_in(page) -> None:
    act.type_into(page, page.get_by_label(t("auth.name", "zh")), CLERK, enter=False)
    act.type_into(page, page.get_by_label(t("auth.password", "zh")), PASSWORD, enter=False)


def _rerun(page) -> None:
    """A click that reruns the page (a quick period, or a page link when the sidebar is bare)."""
    act.click(page, page.locator('[data-testid="stSidebar"] a').filter(has_text=NAV[0]).first)


# The page is back: no outage notice, and the metric cards (one of them `card` when given).
BACK_JS = """([card, notice]) => {
  const metrics = [...document.querySelectorAll('[data-testid="stMetric"]')];
  return !document.body.innerText.includes(notice)
    && metrics.some(m => !card || m.innerText.includes(card));
}"""


def _wait_back(page, card: str | None = None, timeout: float = 90) -> float:
    """Wait (without a click: the page probes with backoff and reruns itself) until it is back;
    the seconds it took."""
    start = time.monotonic()
    page.wait_for_function(BACK_JS, arg=[card, UNAVAILABLE], polling=250, timeout=timeout * 1000)
    return time.monotonic() - start


def test_postgresql_stopped_under_an_open_page_and_back(cluster, page, tmp_path):
    with served("app.py", cluster.url, tmp_path) as base:
        act.goto(page, base + "/")
        before = card_value(page, DIBAO)
        act.nav_to(page, NAV[-1])  # 数据管理: its sign-in form
        _fill_sign_in(page)
        cluster.stop()
        try:
            # Signing in while the database is down: the pages' notice, not Streamlit's error.
            page.get_by_role("button", name=t("auth.submit", "zh")).click()
            page.get_by_text(UNAVAILABLE).wait_for(timeout=60_000)
            _no_traceback(page)
            for title in NAV:  # every page says so, none shows its content or a traceback
                page.locator('[data-testid="stSidebar"] a').filter(has_text=title).first.click()
                page.get_by_text(UNAVAILABLE).wait_for(timeout=60_000)
                _no_traceback(page)
            _rerun(page)
            page.get_by_text(UNAVAILABLE).wait_for(timeout=60_000)
        finally:
            cluster.start()
        # No click from here on: the page probes with backoff and reruns itself.
        back = _wait_back(page, DIBAO)
        act.wait_settled(page)
        print(f"PostgreSQL back: the page recovered {back:.1f} s after the server was up")
        assert card_value(page, DIBAO) == before
        _no_traceback(page)
        # Signing in again, on the same page load: it works.
        act.nav_to(page, NAV[-1])
        _fill_sign_in(page)
        act.click(page, page.get_by_role("button", name=t("auth.submit", "zh")))
        as_clerk = t("auth.signed_in_as", "zh", name=CLERK, role=t("auth.role.editor", "zh"))
        page.get_by_text(as_clerk).first.wait_for()
        _no_traceback(page)


def test_sqlite_folder_gone_and_file_damaged_named_then_recovered(page, tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    db = folder / "dashboard.db"
    seed(make_engine(f"sqlite:///{db}"))
    with served("app.py", f"sqlite:///{db}", tmp_path) as base:
        act.goto(page, base + "/")
        before = card_value(page, DIBAO)

        folder.rename(tmp_path / "moved")
        _rerun(page)
        missing = page.locator('[data-testid="stAlertContentError"]').filter(has_text=str(db))
        missing.wait_for(timeout=60_000)
        assert "无法打开数据库文件" in missing.inner_text()
        _no_traceback(page)
        (tmp_path / "moved").rename(folder)
        _wait_back(page)
        act.wait_settled(page)
        assert card_value(page, DIBAO) == before

        good = tmp_path / "good.db"
        for suffix in ("", "-wal", "-shm"):
            if Path(f"{db}{suffix}").exists():
                Path(f"{db}{suffix}").rename(f"{good}{suffix}")
        db.write_bytes(b"this is not a database " * 400)
        _rerun(page)
        damaged = page.locator('[data-testid="stAlertContentError"]').filter(has_text=str(db))
        damaged.wait_for(timeout=60_000)
        assert "已损坏" in damaged.inner_text()
        _no_traceback(page)
        db.unlink()
        for suffix in ("", "-wal", "-shm"):
            if Path(f"{good}{suffix}").exists():
                Path(f"{good}{suffix}").rename(f"{db}{suffix}")
        _wait_back(page)
        act.wait_settled(page)
        assert card_value(page, DIBAO) == before
        _no_traceback(page)
