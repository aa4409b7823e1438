"""Server memory: the resident memory of the `streamlit run app.py` process after 20 sessions (browser
contexts, all kept open) have each visited every page, at N=200.

    python bench/bench_memory.py [--sessions 20] [--port 8615]
                                 [--n200-url sqlite:////tmp/bench-n200.db] [--quick]

Each session (a browser context) opens every page by its URL, signing in on 数据管理, and
stays on the last one; each step waits until settled (bench/chromium.py). (Streamlit starts a
session per page load; the pages' shared caches, what grows with the data, are the same.) RSS (VmRSS from /proc) of the server after it started, after the first
session and after the last, and its peak (VmHWM). Baseline, same run: bench/reference_page.py
served the same way, visited by the same number of sessions. `--quick`: N=5, one session.
Goal (issue 16): ≤ 1.5 GB after 20 sessions at N=200.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import chromium
import harness


def visit_app(browser, base: str) -> object:
    """A browser context that opens every page by its URL (数据管理 signed in); still open."""
    from components.registry import PAGES

    context, page = chromium.new_page(browser)
    for spec in PAGES:
        chromium.load(page, f"{base}/{spec.url_path}")
        if spec.role != "viewer":
            chromium.sign_in(page)
    return context


def visit_reference(browser, base: str) -> object:
    context, page = chromium.new_page(browser)
    chromium.load(page, base + "/")
    return context


def measure(entry: str, url: str, port: int, folder: Path, sessions: int, visit) -> dict:
    with chromium.served(entry, url, port, folder) as (base, pid), chromium.chromium() as browser:
        time.sleep(1)
        r = {"start": harness.rss_mb(pid)}
        contexts = []
        t0 = time.perf_counter()
        for i in range(sessions):
            contexts.append(visit(browser, base))
            if i == 0:
                r["one"] = harness.rss_mb(pid)
            print(f"  {entry}: session {i + 1}/{sessions}", file=sys.stderr)
        time.sleep(2)
        r["all"] = harness.rss_mb(pid)
        r["peak"] = harness.rss_mb(pid, "VmHWM")
        r["seconds"] = time.perf_counter() - t0
        for context in contexts:
            context.close()
    return r


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    harness.add_common_args(ap, ("200",))
    ap.add_argument("--sessions", type=int, default=20)
    ap.add_argument("--port", type=int, default=8615, help="app; reference on port+1 (0: any)")
    args = ap.parse_args()
    scale = harness.QUICK_SCALE if args.quick else args.scales[0]
    sessions = 1 if args.quick else args.sessions
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        url = harness.database(scale, folder, args.n200_url)
        app = measure("app.py", url, args.port, folder, sessions, visit_app)
        ref_port = args.port and args.port + 1
        ref = measure("bench/reference_page.py", url, ref_port, folder, sessions, visit_reference)
    lines = harness.header(
        "Server memory after many sessions",
        harness.command_line("bench_memory.py", args),
        f"RSS of the `streamlit run` process (SQLite, {harness.scale_label(scale)}): after it "
        f"started, after one session, after {sessions} sessions (browser contexts, kept open) "
        "have each opened every page by its URL (数据管理 signed in), and its peak. "
        "Baseline, same run: bench/reference_page.py, one visit per session. Goal: ≤ 1.5 GB "
        "after 20 sessions at N=200.",
    )
    lines += [
        "| server | sessions | started (MB) | after 1 session (MB) | after all (MB) "
        "| peak (MB) | time for all sessions (s) |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, r in (("app.py", app), ("reference page (baseline)", ref)):
        lines.append(
            f"| {name} | {sessions} | {r['start']:.0f} | {r['one']:.0f} | {r['all']:.0f} "
            f"| {r['peak']:.0f} | {r['seconds']:.0f} |"
        )
    harness.publish("\n".join(lines) + "\n", args)


if __name__ == "__main__":
    main()
