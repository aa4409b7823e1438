"""Browser tests: the real app served by `streamlit run` on the sample county, driven in Debian's Chromium.

Never `playwright install`: Playwright drives /usr/bin/chromium (apt-get install chromium). Screenshots
go to test-artifacts/ (git-ignored) so a person can look at what the test saw.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from data_access.db import make_engine
from data_access.seeding import seed
from deploy import streamlit_proc

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
# Settled: the app root says the script is not running and the connection is up (Streamlit 1.67
# does not always draw "Running" in the status widget, so its root's own state decides; the widget
# is checked too), the main area has elements, and no spinner, skeleton or stale element is left.
# The number of elements is returned (0 = not settled), so a caller can also wait for it to hold
# still (bench/chromium.py).
SETTLED_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return 0;
  if (app.getAttribute('data-test-connection-state') !== 'CONNECTED') return 0;
  const main = document.querySelector('[data-testid="stMain"]');
  const n = main ? main.querySelectorAll('[data-testid="stElementContainer"]').length : 0;
  if (n === 0) return 0;
  const sw = document.querySelector('[data-testid="stStatusWidget"]');
  if (sw && /Running|Connecting/.test(sw.innerText)) return 0;
  if (document.querySelector('[data-testid="stSpinner"], [data-testid="stSkeleton"], [data-stale="true"]')) return 0;
  return n;
}"""

pytestmark = pytest.mark.e2e


def pytest_collection_modifyitems(items):
    # One worker runs every browser test, one after another (--dist loadgroup): two servers and
    # two Chromiums on two cores made timing-sensitive journeys flaky (a key press lost in a rerun).
    for item in items:
        if "tests/e2e" in str(item.fspath):
            item.add_marker(pytest.mark.xdist_group("browser"))
    if not Path(CHROMIUM).exists():
        skip = pytest.mark.skip(
            reason=f"{CHROMIUM} missing: apt-get install chromium fonts-noto-cjk"
        )
        for item in items:
            if "tests/e2e" in str(item.fspath):
                item.add_marker(skip)


@contextlib.contextmanager
def served(entry: str, db_url: str | None, log_dir: Path) -> Iterator[str]:
    """`streamlit run <entry>` on a free port against db_url (DATABASE_URL's database when None);
    yields the base URL."""
    env = {**os.environ, **({"DATABASE_URL": db_url} if db_url else {})}
    with streamlit_proc.serving(entry, log_dir, env=env) as (base, _):
        yield base


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory) -> str:
    """A SQLite file with the sample county, shared by the servers of the session."""
    db = tmp_path_factory.mktemp("e2e") / "e2e.db"
    seed(make_engine(f"sqlite:///{db}"))
    return f"sqlite:///{db}"


@pytest.fixture(scope="session")
def app_url(seeded_db, tmp_path_factory) -> Iterator[str]:
    """Base URL of the app (the launcher app.py) running on the seeded SQLite file."""
    with served("app.py", seeded_db, tmp_path_factory.mktemp("e2e-log")) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


class PageWatch:
    """Requests and browser errors seen by a page, for assertions."""

    def __init__(self, page):
        self.page = page
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def outside_requests(self) -> list[str]:
        allowed = ("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:", "about:")
        return [u for u in self.requests if not u.startswith(allowed)]


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="zh-CN")
    # Waits are for the app, not a stopwatch: a run on a loaded 2-core CI machine (two test
    # workers, a server and Chromium each) can take longer than Playwright's 30 s default.
    context.set_default_timeout(90_000)
    pg = context.new_page()
    pg.watch = PageWatch(pg)
    yield pg
    context.close()


def wait_settled(page, quiet_ms: int = 600, timeout: float = 60) -> None:
    """Wait until Streamlit has finished running and the page has been still for quiet_ms."""
    t0, ok_since = time.time(), None
    while time.time() - t0 < timeout:
        if page.evaluate(SETTLED_JS):
            ok_since = ok_since or time.time()
            if (time.time() - ok_since) * 1000 >= quiet_ms:
                return
        else:
            ok_since = None
        time.sleep(0.05)
    raise TimeoutError(f"page did not settle in {timeout} s")


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def assert_no_exception(page) -> None:
    boxes = page.locator('[data-testid="stException"], [data-testid="stAlertContentError"]')
    assert boxes.count() == 0, [boxes.nth(i).inner_text()[:300] for i in range(boxes.count())]


def nav_to(page, title: str) -> None:
    """Click a page in the sidebar's page list and wait for it."""
    page.locator('[data-testid="stSidebar"] a').filter(has_text=title).first.click()
    wait_settled(page)


def card_value(page, label: str) -> str:
    card = page.locator('[data-testid="stMetric"]').filter(has_text=label).first
    return card.locator('[data-testid="stMetricValue"]').inner_text().strip()
