"""One page rerun over and over, to be profiled: what a warm rerun or a community-filter change
spends its time on.

    python bench/profile_page.py PAGE [--mode warm|filter] [--runs 30] [--url sqlite:///…]
    py-spy record --format speedscope -o warm.json -- python bench/profile_page.py employment

PAGE is a page file's stem (`employment` for pages/employment.py). `warm` reruns the page with
nothing changed; `cold` as after an import (bench_pages' cold); `filter` picks a new community in the sidebar before each run (the first
--runs communities, so every run is the first under its filter, as when a reader changes the
filter). Without --url the sample county is seeded into a temporary file; an --url of a SQLite
file is copied first (never written). Each run's wall and CPU time are printed (stderr), and the
framework's own cost: the same AppTest harness on a one-line script.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import harness
from bench_pages import always_run_entrypoint, bench_baseline, make_cold, open_session, run_checked


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("page", help="page file stem, e.g. employment")
    ap.add_argument("--mode", choices=("warm", "filter", "cold"), default="warm")
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--url", help="a SQLite database to copy (default: the sample county)")
    ap.add_argument("--ready-file", help="touched after the first run; then 2 s of waiting")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        if args.url:
            url = harness.copy_sqlite(args.url, Path(tmp) / "copy.db")
            url = harness.database("200", Path(tmp), url)  # adds the admin account
        else:
            url = harness.database("sample", Path(tmp))
        os.environ["DATABASE_URL"] = url
        always_run_entrypoint()
        from components.filters import K_COMMUNITIES
        from components.registry import PAGES
        from data_access.areas import queries as common

        spec = next(s for s in PAGES if Path(s.file).stem == args.page)
        at = open_session(spec)
        run_checked(at)  # the page's first run
        codes: list[str] = []
        if args.mode == "filter":
            from components.data import engine

            with engine().connect() as conn:
                codes = common.communities(conn)["code"].tolist()
        if args.ready_file:  # a profiler attaches now, so the first (cold) run is left out
            Path(args.ready_file).touch()
            time.sleep(2)
        wall, cpu = [], []
        for i in range(args.runs):
            if args.mode == "cold":
                make_cold()
            if args.mode == "filter":
                at.multiselect(key=K_COMMUNITIES).set_value([codes[i % len(codes)]])
            t0, c0 = time.perf_counter(), time.process_time()
            run_checked(at)
            wall.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
        base = bench_baseline(5)
        rerun_wall, rerun_cpu = rerun_baseline(args.runs)
        print(
            f"{args.page} {args.mode}: wall median {statistics.median(wall):.3f} s, "
            f"CPU median {statistics.median(cpu):.3f} s over {args.runs} runs; one-line script: "
            f"first run of a new AppTest {base:.3f} s (bench_pages' baseline), rerun "
            f"{rerun_wall:.3f} s wall, {rerun_cpu:.3f} s CPU",
            file=sys.stderr,
        )


def rerun_baseline(runs: int) -> tuple[float, float]:
    """Median wall and CPU time of rerunning a one-line script in one AppTest: the framework's
    own cost of a rerun, which is what a warm page rerun is compared with."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_string("import streamlit as st\nst.write('baseline')\n").run()
    wall, cpu = [], []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        at.run()
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return statistics.median(wall), statistics.median(cpu)


if __name__ == "__main__":
    main()
