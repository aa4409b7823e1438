"""Page run time as the server spends it: every registered page run through dashboard.py with
AppTest, on the sample county and a generated one (N=200), cold and warm.

    python bench/bench_pages.py [--scales sample 200] [--repeat 5] [--slow-cold-repeat 1]
                                [--n200-url sqlite:////tmp/bench-n200.db] [--quick]

Each scale runs in a fresh process (its own caches and peak memory). For every page of
components/registry.py (数据管理 signed in as an admin): one session opens the page, then `cold`
runs (the data version bumped and st.cache_data cleared, as after an import) and `warm` reruns
(nothing changed: what a click back to a view already seen costs), median of --repeat each. A page
whose first cold run takes over --slow-after seconds gets only --slow-cold-repeat cold runs (the
table says how many). Baseline: a one-line Streamlit script in the same harness and process, i.e.
the framework's own cost. The last columns count the SQL statements of the first cold run and,
among them, reads of the data version.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import harness

ROOT = harness.ROOT
TIMEOUT_S = 900  # one AppTest run; longer is reported as a failure of that page


def always_run_entrypoint() -> None:
    """Same shim as tests/app/conftest.py: AppTest must execute dashboard.py on every run."""
    from streamlit.runtime.pages_manager import PagesManager

    original = PagesManager.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    PagesManager.__init__ = init


def timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


class Statements:
    """SQL statements sent while a block runs (all engines), with their parameters."""

    def __init__(self):
        self.seen: list[tuple[str, object]] = []

    def __enter__(self):
        from sqlalchemy import Engine, event

        event.listen(Engine, "before_cursor_execute", self._seen)
        return self

    def __exit__(self, *exc):
        from sqlalchemy import Engine, event

        event.remove(Engine, "before_cursor_execute", self._seen)

    def _seen(self, conn, cursor, statement, parameters, context, executemany):
        self.seen.append((statement, parameters))

    @property
    def version_reads(self) -> int:
        return sum(
            "data_version" in s and s.lstrip().upper().startswith("SELECT") for s, _ in self.seen
        )


def open_session(spec):
    """An AppTest session on the page (data_admin: an admin signed in), after one run."""
    from streamlit.testing.v1 import AppTest

    from components.auth import SESSION_KEY
    from data_access.admin.users import User

    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=TIMEOUT_S)
    if spec.role != "viewer":
        at.session_state[SESSION_KEY] = User(harness.ADMIN[0], "admin")
    at.run()  # AppTest must run once before it knows the pages
    if spec.url_path:
        at.switch_page(spec.file)
    return at


def run_checked(at) -> None:
    at.run()
    if at.exception:
        raise RuntimeError([e.value for e in at.exception])


def make_cold() -> None:
    """What an import does to the caches: a new data version, and the cached answers dropped."""
    import streamlit as st

    from components.data import engine
    from data_access.db import bump_data_version

    with engine().begin() as conn:
        bump_data_version(conn)
    st.cache_data.clear()


def bench_page(spec, repeat: int, slow_after: float, slow_repeat: int) -> dict:
    at = open_session(spec)
    cold, warm = [], []
    statements = versions = 0
    while len(cold) < repeat:
        make_cold()
        with Statements() as seen:
            cold.append(timed(lambda: run_checked(at)))
        if len(cold) == 1:
            statements, versions = len(seen.seen), seen.version_reads
        if cold[0] > slow_after and len(cold) >= slow_repeat:
            break
    for _ in range(repeat):
        warm.append(timed(lambda: run_checked(at)))
    return {
        "page": spec.file,
        "cold": statistics.median(cold),
        "cold_n": len(cold),
        "warm": statistics.median(warm),
        "warm_n": len(warm),
        "statements": statements,
        "versions": versions,
    }


def bench_baseline(repeat: int) -> float:
    from streamlit.testing.v1 import AppTest

    script = "import streamlit as st\nst.write('baseline')\n"
    AppTest.from_string(
        script, default_timeout=TIMEOUT_S
    ).run()  # the first run imports Streamlit's script machinery
    times = []
    for _ in range(max(repeat, 3)):
        at = AppTest.from_string(script, default_timeout=TIMEOUT_S)
        times.append(timed(at.run))
    return statistics.median(times)


def bench_baseline_rerun(repeat: int) -> float:
    """A rerun of the one-line script in the same AppTest: what a warm rerun costs the framework
    (the first run of a new AppTest, `bench_baseline`, compares with a cold run)."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_string(
        "import streamlit as st\nst.write('baseline')\n", default_timeout=TIMEOUT_S
    )
    at.run()
    return statistics.median(timed(at.run) for _ in range(max(repeat, 3)))


def child(url: str, repeat: int, slow_after: float, slow_repeat: int) -> dict:
    """In this process: every page on the database at `url` (JSON on stdout)."""
    import os
    import resource

    os.environ["DATABASE_URL"] = url
    always_run_entrypoint()
    from components.registry import PAGES

    rows = []
    baseline = bench_baseline(repeat)
    rerun = bench_baseline_rerun(repeat)
    for spec in PAGES:
        try:
            rows.append(bench_page(spec, repeat, slow_after, slow_repeat))
        except RuntimeError as exc:  # a timeout or an exception box: the other pages still count
            rows.append({"page": spec.file, "failed": str(exc)[:200]})
        print(f"  {rows[-1]}", file=sys.stderr)
    baseline_after = bench_baseline(repeat)  # the machine is shared: the baseline, twice
    rerun_after = bench_baseline_rerun(repeat)
    return {
        "baseline": statistics.median([baseline, baseline_after]),
        "baseline_rerun": statistics.median([rerun, rerun_after]),
        "pages": rows,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def run_scale(scale: str, args: argparse.Namespace, repeat: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        url = harness.database(scale, Path(tmp), args.n200_url)
        print(f"{harness.scale_label(scale)}: measuring", file=sys.stderr)
        out = subprocess.run(
            [sys.executable, __file__, "--child", url, str(repeat), str(args.slow_after),
             str(args.slow_cold_repeat)],
            capture_output=False, stdout=subprocess.PIPE, text=True, check=False,
        )  # fmt: skip
    if out.returncode:
        raise SystemExit(f"{scale} failed (exit {out.returncode})")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    harness.add_common_args(ap, ("sample", "200"))
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--slow-after", type=float, default=60.0, help="seconds of a slow cold run")
    ap.add_argument("--slow-cold-repeat", type=int, default=1, help="cold runs of a slow page")
    ap.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        url, repeat, slow_after, slow_repeat = args.child
        print(json.dumps(child(url, int(repeat), float(slow_after), int(slow_repeat))))
        return
    scales = [harness.QUICK_SCALE] if args.quick else args.scales
    repeat = 1 if args.quick else args.repeat
    lines = harness.header(
        "Page run time, every page (AppTest)",
        harness.command_line("bench_pages.py", args),
        "Each page of the registry run through dashboard.py with AppTest on SQLite, one session "
        "per page (数据管理 signed in as an admin). Cold = the data version bumped and "
        "st.cache_data cleared, as after an import; warm = a rerun with nothing changed. "
        f"Median of {repeat} (a page whose first cold run takes over {args.slow_after:.0f} s: "
        f"{args.slow_cold_repeat} cold run(s), the `runs` column says). Baselines = a one-line "
        "Streamlit script in the same process (the framework's own cost): its first run in a new "
        "AppTest beside cold, its rerun beside warm; ÷ = page ÷ that baseline. "
        "Statements = SQL sent by the first cold run; version = data-version reads among them.",
    )
    lines += [
        "| scale | page | cold (s) | runs | warm (s) | baseline first run / rerun (s) | cold ÷ "
        "| warm ÷ | statements | version | peak RSS of the run (MB) |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for scale in scales:
        r = run_scale(scale, args, repeat)
        base, rerun = r["baseline"], r["baseline_rerun"]
        for p in r["pages"]:
            if "failed" in p:
                lines.append(f"| {harness.scale_label(scale)} | `{p['page']}` | failed: "
                             f"{p['failed']} | | | {base:.3f} / {rerun:.3f} | | | | | |")  # fmt: skip
                continue
            lines.append(
                f"| {harness.scale_label(scale)} | `{p['page']}` | {p['cold']:.3f} | {p['cold_n']} "
                f"| {p['warm']:.3f} | {base:.3f} / {rerun:.3f} | {harness.ratio(p['cold'], base)} "
                f"| {harness.ratio(p['warm'], rerun)} | {p['statements']} | {p['versions']} "
                f"| {r['rss_mb']:.0f} |"
            )
    harness.publish("\n".join(lines) + "\n", args)


if __name__ == "__main__":
    main()
