"""Browser tests: the real app served by `streamlit run` on the sample county, driven in Debian's Chromium.

Never `playwright install`: Playwright drives /usr/bin/chromium (apt-get install chromium). Screenshots
go to test-artifacts/ (git-ignored) so a person can look at what the test saw.
"""

from __future__ import annotations

import contextlib
import os
import re
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
pytestmark = pytest.mark.e2e
# A phone as the app sees one: its user agent (the server fits maps and tables for it), touch, and
# a 390 × 844 window. Every phone journey and screenshot uses it.
IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"
)
PHONE_WIDTH, PHONE_HEIGHT = 390, 844


def phone(width: int = PHONE_WIDTH, height: int = PHONE_HEIGHT, **more) -> dict:
    """new_context()/new_page() arguments of a touch phone of that size."""
    return {
        "viewport": {"width": width, "height": height},
        "user_agent": IPHONE,
        "is_mobile": True,
        "has_touch": True,
        **more,
    }


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


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """When a browser test fails, keep what its pages showed: a screenshot and the page's text in
    test-artifacts/, their paths in the test's report (so CI's log names them)."""
    outcome = yield
    report = outcome.get_result()
    if report.when != "call" or not report.failed or "tests/e2e" not in str(item.fspath):
        return
    pages = []
    if item.funcargs.get("page") is not None:
        pages.append(item.funcargs["page"])
    browser = item.funcargs.get("browser")
    for context in browser.contexts if browser is not None else ():
        pages.extend(p for p in context.pages if p not in pages)
    ARTIFACTS.mkdir(exist_ok=True)
    name = re.sub(r"[^\w.-]+", "_", item.nodeid.split("::", 1)[-1])[:120]
    lines = []
    for n, pg in enumerate(pages):
        stem = ARTIFACTS / (f"failed-{name}" + (f"-{n}" if n else ""))
        try:
            pg.screenshot(path=f"{stem}.png", full_page=True)
            text = pg.locator("body").inner_text(timeout=5_000)
            Path(f"{stem}.txt").write_text(f"{pg.url}\n\n{text}", encoding="utf-8")
        except Exception as exc:  # noqa: BLE001 — a closed page: say so, keep the report
            lines.append(f"page {n} ({pg.url}): not captured: {exc}")
            continue
        lines.append(f"screenshot: {stem}.png\npage text:  {stem}.txt\n{text[:1500]}")
    report.sections.append(("e2e artifacts", "\n\n".join(lines) or "no open page"))


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def assert_no_exception(page) -> None:
    boxes = page.locator('[data-testid="stException"], [data-testid="stAlertContentError"]')
    assert boxes.count() == 0, [boxes.nth(i).inner_text()[:300] for i in range(boxes.count())]


def card_value(page, label: str) -> str:
    card = page.locator('[data-testid="stMetric"]').filter(has_text=label).first
    return card.locator('[data-testid="stMetricValue"]').inner_text().strip()
