"""Browser helpers of the browser benchmarks: a `streamlit run` server on a given port, headless
Chromium (Debian's, never `playwright install`), and "settled" measured as a time.

Settled = the browser tests' SETTLED_JS (the app root's script and connection state, elements
in the main area, no spinner, skeleton or stale element) holding, with the same number of
elements, for QUIET_MS. The time reported is when the final quiet stretch began, so the quiet
wait itself is not counted. After an action (a filter change), the page must first be seen busy
(within BUSY_WAIT_S) so the old, still settled page is not mistaken for the new one.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import harness

from deploy import streamlit_proc
from tests.e2e.act import SETTLED_JS
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS

QUIET_MS = 600
BUSY_WAIT_S = 2.0
TIMEOUT_S = 300.0
NEVER_BUSY: list[str] = []


@contextlib.contextmanager
def served(entry: str, db_url: str, port: int, log_dir: Path) -> Iterator[tuple[str, int]]:
    """`streamlit run entry` against db_url on 127.0.0.1:port (any free one when 0); yields
    (base URL, server pid)."""
    env = {**os.environ, "DATABASE_URL": db_url}
    args = ("--server.fileWatcherType", "none")
    with streamlit_proc.serving(
        entry, log_dir, port=port, env=env, extra_args=args, timeout=300
    ) as (base, proc):
        yield base, proc.pid


@contextlib.contextmanager
def app_and_reference(
    scale: str, port: int, n200_url: str | None
) -> Iterator[tuple[str, str, object]]:
    """The app and bench/reference_page.py served side by side on one database of `scale` (on
    port and port + 1; any free ones when 0), and Chromium: yields (app URL, reference URL,
    browser). Both servers run in the same conditions, so the reference measures the machine."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        url = harness.database(scale, folder, n200_url)
        with (
            served("app.py", url, port, folder) as (app, _),
            served("bench/reference_page.py", url, port and port + 1, folder) as (ref, _),
            chromium() as browser,
        ):
            yield app, ref, browser


@contextlib.contextmanager
def chromium() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def new_page(browser):
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="zh-CN")
    return context, context.new_page()


def settled_at(page, t0: float, must_see_busy: bool = False) -> float:
    """Seconds from t0 until the page settled (see the module docstring). After an action that
    is never seen busy within BUSY_WAIT_S, the first settled look counts (NEVER_BUSY says how
    often that happened)."""
    ok_since: float | None = None
    first_ok: float | None = None
    shape = 0
    busy_seen = not must_see_busy
    while time.perf_counter() - t0 < TIMEOUT_S:
        now = time.perf_counter()
        seen = page.evaluate(SETTLED_JS)
        if seen:
            first_ok = first_ok or now
            if not busy_seen and now - t0 > BUSY_WAIT_S:
                NEVER_BUSY.append(page.url)
                return first_ok - t0
            if busy_seen:
                if seen != shape:
                    ok_since, shape = now, seen
                if (now - ok_since) * 1000 >= QUIET_MS:
                    return ok_since - t0
        else:
            busy_seen, ok_since, shape = True, None, 0
        time.sleep(0.02)
    raise TimeoutError(f"{page.url} did not settle in {TIMEOUT_S:.0f} s")


def load(page, url: str) -> float:
    """Open url in the page; seconds until settled."""
    t0 = time.perf_counter()
    page.goto(url, wait_until="commit")
    return settled_at(page, t0)


def sign_in(page) -> float:
    """Sign in as the benchmark's admin on the form a page shows; seconds until settled."""
    page.locator('[data-testid="stTextInput"] input').nth(0).fill(harness.ADMIN[0])
    page.locator('[data-testid="stTextInput"] input').nth(1).fill(harness.ADMIN[1])
    t0 = time.perf_counter()
    page.locator('[data-testid="stMain"] button').filter(has_text="登录").first.click()
    return settled_at(page, t0, must_see_busy=True)


def change_filter(page) -> float | None:
    """Pick the first option of the sidebar's first multiselect (the community filter); seconds
    from the click until settled (None when the page has no such filter)."""
    picker = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first
    if picker.count() == 0 or not picker.is_visible():
        return None  # no filter, or the sidebar hidden (the review page's presentation mode)
    picker.click(timeout=10_000)
    option = page.get_by_role("option").first
    option.wait_for(timeout=10_000)
    t0 = time.perf_counter()
    option.click()
    took = settled_at(page, t0, must_see_busy=True)
    page.keyboard.press("Escape")
    return took
