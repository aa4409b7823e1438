"""Many people at once while an import runs: N browser sessions against one app server.

    python bench/load_sessions.py [--sessions 30] [--duration 120] [--quick] [--no-append]
                                  [--database-url URL] [--json OUT]

Starts `streamlit run app.py` on 127.0.0.1 (a fresh copy of the sample county in SQLite unless
--database-url names a seeded database), opens N Playwright contexts in Chromium, and lets each
one go through every page and change the period (本年, 上半年, 近三个月, reset) for the duration.
At 40% of it, new 低保 households are imported through `apply.run_import` (the page's and the
command line's import), which changes the 低保对象 card. Checked after every action:

- no exception box (stException), no error box, no "database is locked" and no traceback on screen;
- every session sees the imported figure on the first rerun it starts after the import committed
  (its next action after the commit shows 总览: a click on its link, or a period button when the
  session is already there; the card must show the new figure).

When a run starts and ends is read from the app's own websocket messages (Streamlit's
`new_session` at the start of a script run, `script_finished` at its end), not guessed from the
page: on a loaded machine a click may take seconds before its run shows, and a page that merely
looks still is the old page, not the new run. A check counts as "after the commit" when the click
that caused its run came after the import had committed (so the run started after it).

The chosen periods all end at the data's last month, so the card's figure does not depend on
which one a session happens to have: before the import it must show the old figure, after it
the new one. Settle time = from the click until the run it caused has finished and the page is
still (no spinner, no stale element, status idle). Prints a Markdown section, appends it to bench/RESULTS.md (machine,
date, commit) unless --no-append, and exits 1 when any check failed. `--quick` (3 sessions, 20 s)
is what CI runs (tests/e2e/test_load_quick.py), without timing thresholds.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_generate import commit, machine  # noqa: E402  (the same folder: bench/ is sys.path[0])
from proc_cpu import DescendantCpu  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402

from bench.import_files import households_csv  # noqa: E402
from components.registry import PAGES  # noqa: E402
from data_access.admin.users import User  # noqa: E402
from data_access.db import make_engine  # noqa: E402
from data_access.importing.apply import run_import  # noqa: E402
from data_access.seeding import seed  # noqa: E402
from data_access.text import t  # noqa: E402
from tests.e2e.act import SETTLED_JS  # noqa: E402
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, served  # noqa: E402

FIGURE = "dibao_persons"
PERIODS = ("filters.quick.year", "filters.quick.h1", "filters.quick.last3", "filters.reset")
BAD_TEXT = ("database is locked", "Traceback", "OperationalError", "locked")
FAULT_TEXT = t("dbfault.unavailable", "zh")[:8]
QUIET_S = 0.4
ACTION_TIMEOUT_S = 180
RAMP_S = 1.0  # between two sessions' first requests


@dataclass
class Shared:
    """What the import thread tells the sessions."""

    before: str = ""
    after: str = ""
    committed_at: float | None = None  # time.monotonic()
    import_seconds: float = 0.0
    import_error: str = ""
    cpu: dict[str, float] = field(default_factory=dict)  # CPU seconds by group during the run
    wall: float = 0.0


@dataclass
class SessionLog:
    n: int
    settle: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    checked_after_import: bool = False
    saw_import_first_rerun: bool = False
    actions: int = 0


class ScriptRuns:
    """The script runs of one browser session, read from the websocket as the browser gets them.

    `new_session` opens every script run and `script_finished` closes it; a run cut short by a
    newer rerun ends FINISHED_EARLY_FOR_RERUN and does not count as the page the user sees.
    """

    def __init__(self) -> None:
        self.started: list[float] = []  # time.monotonic() of each run's first message
        self.finished: list[tuple[float, float]] = []  # (its start, its end), completed runs only

    def watch(self, page) -> None:
        page.on("websocket", lambda ws: ws.on("framereceived", self._frame))

    def _frame(self, payload) -> None:
        if not isinstance(payload, bytes):
            return
        msg = ForwardMsg()
        try:
            msg.ParseFromString(payload)
        except Exception:  # noqa: BLE001 — not a ForwardMsg: nothing to count
            return
        kind = msg.WhichOneof("type")
        now = time.monotonic()
        if kind == "new_session":
            self.started.append(now)
        elif (
            kind == "script_finished"
            and self.started
            and msg.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN
        ):
            self.finished.append((self.started[-1], now))

    def completed_since(self, moment: float) -> tuple[float, float] | None:
        """The latest completed run that started after `moment`."""
        runs = [run for run in self.finished if run[0] > moment]
        return runs[-1] if runs else None


async def settle(page, runs: ScriptRuns, start: float, expect=None) -> float:
    """Seconds from `start` (the click) until a run that started after it has finished and the
    page is still. The quiet period is not counted."""
    deadline = start + ACTION_TIMEOUT_S
    while runs.completed_since(start) is None:
        if time.monotonic() > deadline:
            raise TimeoutError(f"no script run finished in {ACTION_TIMEOUT_S} s")
        await asyncio.sleep(0.05)
    if expect is not None:
        await expect.wait_for(state="visible", timeout=max(1.0, deadline - time.monotonic()) * 1000)
    settled_at = None
    while time.monotonic() < deadline:
        if await page.evaluate(SETTLED_JS):
            settled_at = settled_at or time.monotonic()
            if time.monotonic() - settled_at >= QUIET_S:
                return settled_at - start
        else:
            settled_at = None
        await asyncio.sleep(0.05)
    raise TimeoutError(f"no settle in {ACTION_TIMEOUT_S} s")


async def problems_on_screen(page) -> list[str]:
    found = []
    if await page.locator('[data-testid="stException"]').count():
        found.append("exception box")
    if await page.locator('[data-testid="stAlertContentError"]').count():
        found.append("error box")
    body = await page.locator("body").inner_text()
    found += [f"text {word!r}" for word in BAD_TEXT if word in body]
    if FAULT_TEXT in body:
        found.append("database unavailable message")
    return found


def digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


async def card(page, label: str) -> str:
    metric = page.locator('[data-testid="stMetric"]').filter(has_text=label).first
    return (await metric.locator('[data-testid="stMetricValue"]').inner_text()).strip()


def plan() -> list[tuple[str, str]]:
    """One round: every page, a period change after each."""
    steps: list[tuple[str, str]] = []
    for n, spec in enumerate(PAGES):
        steps.append(("page", t(spec.title_key, "zh")))
        steps.append(("period", t(PERIODS[n % len(PERIODS)], "zh")))
    return steps


async def session(
    browser, base: str, log: SessionLog, shared: Shared, end: float, static: dict
) -> None:
    context = await browser.new_context(viewport={"width": 1280, "height": 800}, locale="zh-CN")
    await cached_static(context, static)
    context.set_default_timeout(ACTION_TIMEOUT_S * 1000)
    page = await context.new_page()
    runs = ScriptRuns()
    runs.watch(page)
    page.on("pageerror", lambda e: log.errors.append(f"page error {str(e)[:100]}"))
    overview = t(PAGES[0].title_key, "zh")
    label = t(f"metric.{FIGURE}.label", "zh")
    present = t("review.present", "zh")
    steps = plan()
    try:
        sidebar = page.locator('[data-testid="stSidebar"]')
        home = sidebar.locator("a").filter(has_text=overview).first
        # Not "load": the settle check is what counts, and its clock starts with the request.
        started = time.monotonic()
        await page.goto(base + "/", wait_until="commit")
        seconds = await settle(page, runs, started, expect=home)
        log.settle.append(seconds)
        current = overview
        step = log.n  # sessions start at different places of the round
        while time.monotonic() < end or (shared.committed_at and not log.checked_after_import):
            if not await home.is_visible():
                # 会议汇报 presents (no sidebar) until its switch is turned off: a control moved too.
                started = time.monotonic()
                await page.get_by_text(present, exact=True).first.click()
                seconds = await settle(page, runs, started, expect=home)
                log.settle.append(seconds)
                log.actions += 1
            started = time.monotonic()
            checking = shared.committed_at is not None and not log.checked_after_import
            kind, name = ("page", overview) if checking else steps[step % len(steps)]
            step += 1
            if kind == "page" and name == current:
                # Clicking the page one is on need not rerun; a period button always does, and
                # the card's figure does not depend on the period (see the module's docstring).
                kind, name = "period", t(PERIODS[step % len(PERIODS)], "zh")
            if kind == "page":
                await sidebar.locator("a").filter(has_text=name).first.click()
                title = page.locator("h1").filter(has_text=name).first
                seconds = await settle(page, runs, started, expect=title)
                current = name
            else:
                await sidebar.get_by_role("button", name=name, exact=True).first.click()
                seconds = await settle(page, runs, started)
            log.settle.append(seconds)
            log.actions += 1
            log.errors += await problems_on_screen(page)
            if current == overview and shared.before:
                value = digits(await card(page, label))
                # The click came after the commit, so the run it caused started after it too; a run
                # whose first message merely arrived after the commit may have started before it
                # (a starved browser passes messages on seconds late) and rightly shows old data.
                committed = shared.committed_at
                if committed is not None and started > committed:
                    if not log.checked_after_import:
                        log.saw_import_first_rerun = value == shared.after
                        log.checked_after_import = True
                    if value != shared.after:
                        log.errors.append(f"after the import: {value} instead of {shared.after}")
                elif committed is None and value != shared.before:
                    log.errors.append(f"before the import: {value} instead of {shared.before}")
    except Exception as exc:  # noqa: BLE001 — a session that breaks is counted, not fatal
        log.errors.append(f"session broke: {exc.__class__.__name__}: {str(exc)[:200]}")
    finally:
        await context.close()


async def warm_up(browser, base: str) -> dict[str, tuple[dict, bytes]]:
    """One visit before the clock starts: the server's caches warm, and Streamlit's static files
    (the same for every session, names hashed) kept to serve each session as its browser cache
    would. Without that every new context downloads ~10 MB of JavaScript that the server
    compresses per request, and the test would measure first visits, not the app's runs."""
    context = await browser.new_context()
    context.set_default_timeout(ACTION_TIMEOUT_S * 1000)
    page = await context.new_page()
    runs = ScriptRuns()
    runs.watch(page)
    static: dict[str, tuple[dict, bytes]] = {}

    async def keep(response) -> None:
        if "/static/" in response.url and response.ok:
            with contextlib.suppress(Exception):
                static[response.url] = (dict(response.headers), await response.body())

    page.on("response", keep)
    started = time.monotonic()
    await page.goto(base + "/", wait_until="commit")
    await settle(page, runs, started, expect=page.locator('[data-testid="stMetric"]').first)
    await asyncio.sleep(1)
    await context.close()
    return static


async def cached_static(context, static: dict[str, tuple[dict, bytes]]) -> None:
    async def serve(route) -> None:
        kept = static.get(route.request.url)
        if kept is None:
            await route.continue_()
            return
        headers = {
            k: v
            for k, v in kept[0].items()
            if k.lower() not in ("content-encoding", "content-length")
        }
        await route.fulfill(status=200, headers=headers, body=kept[1])

    await context.route("**/static/**", serve)


def import_later(url: str, delay: float, shared: Shared, rows: int) -> threading.Thread:
    def run() -> None:
        time.sleep(delay)
        engine = make_engine(url)
        started = time.monotonic()
        try:
            result = run_import(
                engine,
                "welfare_households",
                households_csv(rows, prefix=f"LOAD{int(time.time()) % 100000:05d}"),
                "load.csv",
                User("load-bench", "admin"),
                dry_run=False,
            )
        except Exception as exc:  # noqa: BLE001
            shared.import_error = f"{exc.__class__.__name__}: {exc}"[:300]
            return
        finally:
            engine.dispose()
        shared.import_seconds = time.monotonic() - started
        if not result.written:
            shared.import_error = (
                "; ".join(p.line() for p in result.problems[:5]) or "nothing written"
            )
            return
        change = next(c for c in result.figures if c.key == FIGURE)
        shared.after = f"{change.after:.0f}"
        shared.committed_at = time.monotonic()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


async def drive(
    base: str, url: str, sessions: int, duration: float, rows: int
) -> tuple[list[SessionLog], Shared]:
    from playwright.async_api import async_playwright

    shared = Shared()
    engine = make_engine(url)
    from data_access import metrics
    from data_access.importing.apply import headline_filters

    with engine.connect() as conn:
        shared.before = f"{metrics.value(conn, FIGURE, headline_filters(conn)):.0f}"
    engine.dispose()
    logs = [SessionLog(n) for n in range(sessions)]
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        static = await warm_up(browser, base)
        cpu = DescendantCpu().start()
        began = time.monotonic()
        end = began + duration
        thread = import_later(url, duration * 0.4, shared, rows)
        tasks = []
        for log in logs:
            tasks.append(asyncio.create_task(session(browser, base, log, shared, end, static)))
            await asyncio.sleep(RAMP_S)  # people do not all press enter in the same second
        await asyncio.gather(*tasks)
        cpu.stop()
        shared.cpu, shared.wall = cpu.seconds(), time.monotonic() - began
        thread.join(60)
        await browser.close()
    return logs, shared


def percentile(values: list[float], q: float) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def report(args, logs: list[SessionLog], shared: Shared, backend: str) -> tuple[str, dict]:
    settles = [s for log in logs for s in log.settle]
    errors = [e for log in logs for e in log.errors]
    saw = sum(log.saw_import_first_rerun for log in logs)
    summary = {
        "sessions": len(logs),
        "duration_s": args.duration,
        "actions": sum(log.actions for log in logs),
        "p50_s": round(percentile(settles, 50), 3),
        "p95_s": round(percentile(settles, 95), 3),
        "max_s": round(max(settles, default=float("nan")), 3),
        "errors": len(errors),
        "error_kinds": sorted(set(errors))[:20],
        "saw_import_first_rerun": saw,
        "import_seconds": round(shared.import_seconds, 2),
        "import_error": shared.import_error,
        "figure": f"{shared.before} -> {shared.after}",
        "wall_s": round(shared.wall, 1),
        "cpu_s": {k: round(v, 1) for k, v in sorted(shared.cpu.items())},
    }
    cores = os.cpu_count() or 1
    cpu_text = ", ".join(
        f"{group} {seconds:,.0f} s" for group, seconds in sorted(shared.cpu.items()) if seconds >= 1
    )
    lines = [
        f"## Load: {len(logs)} browser sessions for {args.duration:.0f} s while an import runs "
        f"(`python bench/load_sessions.py{' --quick' if args.quick else ''}`)",
        "",
        f"- machine: {machine()}",
        f"- date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC; commit {commit()}; database: {backend}; "
        f"load average before the run {args.load_before:.1f} (the machine is shared)",
        "- each session: every page through the sidebar, a period change after each; one Chromium, "
        "one context per session (started 1 s apart, after one warm-up visit; Streamlit's static "
        "files from a warm cache, as a returning browser has them), app and browser on the same 2 cores",
        "",
        "| what | value |",
        "|---|---|",
        f"| actions (clicks that rerun the app) | {summary['actions']:,} |",
        f"| settle time p50 / p95 / max | {summary['p50_s']:.2f} s / {summary['p95_s']:.2f} s / "
        f"{summary['max_s']:.2f} s |",
        f"| errors on screen (exception box, error box, locked, traceback, broken session) | "
        f"{summary['errors']} |",
        f"| import of {args.rows} households through run_import | {summary['import_seconds']:.2f} s, "
        f"低保对象 {summary['figure']} |",
        f"| sessions showing the new figure on their first rerun after the commit | "
        f"{saw} / {len(logs)} |",
        f"| CPU used during the {shared.wall:.0f} s of sessions ({cores} cores = "
        f"{shared.wall * cores:,.0f} CPU-s available) | {cpu_text} |",
    ]
    if summary["error_kinds"]:
        lines += ["", "Errors seen: " + "; ".join(summary["error_kinds"])]
    if shared.import_error:
        lines += ["", f"Import failed: {shared.import_error}"]
    return "\n".join(lines) + "\n", summary


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sessions", type=int, default=30)
    ap.add_argument("--duration", type=float, default=120.0, help="seconds")
    ap.add_argument("--rows", type=int, default=3, help="households imported (2 persons each)")
    ap.add_argument("--quick", action="store_true", help="3 sessions, 20 s (CI)")
    ap.add_argument("--database-url", help="a seeded database (default: a fresh SQLite copy)")
    ap.add_argument("--no-append", action="store_true", help="print only, do not touch RESULTS.md")
    ap.add_argument("--action-timeout", type=float, default=180.0, help="seconds per click")
    ap.add_argument("--json", type=Path, help="also write the summary as JSON here")
    args = ap.parse_args()
    if args.quick:
        args.sessions, args.duration = 3, 20.0
    # Bounded in count and time: a typo must not open 3,000 browsers.
    args.sessions = max(1, min(args.sessions, 60))
    args.duration = max(5.0, min(args.duration, 900.0))
    global ACTION_TIMEOUT_S
    ACTION_TIMEOUT_S = max(10.0, min(args.action_timeout, 900.0))
    args.load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="load-sessions-") as tmp:
        url = args.database_url
        if not url:
            url = f"sqlite:///{Path(tmp) / 'load.db'}"
            seed(make_engine(url))
        backend = url.split(":", 1)[0]
        with served("app.py", url, Path(tmp)) as base:
            logs, shared = asyncio.run(drive(base, url, args.sessions, args.duration, args.rows))
    text, summary = report(args, logs, shared, backend)
    print(text)
    if args.json:
        args.json.write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    if not args.no_append:
        path = ROOT / "bench" / "RESULTS.md"
        existing = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
        path.write_text(existing.rstrip("\n") + "\n\n" + text, encoding="utf-8")
        print(f"appended to {path}")
    ok = (
        not summary["errors"]
        and not shared.import_error
        and summary["saw_import_first_rerun"] == len(logs)
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
