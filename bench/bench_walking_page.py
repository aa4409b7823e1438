"""The service-point page in walking mode, run with AppTest on a database (a generated county).

    DATABASE_URL=sqlite:////tmp/n200.db python bench/bench_walking_page.py [--repeat 3] [--no-append]

Opens /service_points?sp_mode=walk (every type: the comparison table walks each type, and the map
draws the walking areas) and times script runs:
- cold: the first run of the process (the engine, the street graph, the joins, every query);
- uncached: st.cache_data cleared before the run, as after a filter change the cache has not
  seen (or an import), with the street graph and the joins reused (data_access.memo.Memo);
- baseline, from the same run: the same uncached run with the reuse switched off (every walking
  query reads the roads and builds the graph and the join again: the page before the reuse);
- warm: a rerun whose queries are all cached.
CPU time of the process (the machine is shared; AppTest runs the script in this process) and
wall time, median of `repeat`. Prints a Markdown section and appends it to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_coverage import append_results, machine  # noqa: E402
from bench_pages import _always_run_entrypoint  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from data_access.db import make_engine  # noqa: E402
from data_access.models import Compound, Road, ServicePoint  # noqa: E402
from data_access.service_points import walking  # noqa: E402

PAGE = "pages/service_points.py"


def _seconds(fn: Callable[[], object]) -> tuple[float, float]:
    """(CPU, wall) seconds of one call."""
    c0, w0 = time.process_time(), time.perf_counter()
    fn()
    return time.process_time() - c0, time.perf_counter() - w0


def _median(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def _no_reuse(
    self: walking.Memo, key: object, make: Callable[[], object], owner: object = None
) -> object:
    """Memo.get with the reuse switched off: the page as it was before."""
    return make()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-append", action="store_true", help="print only, do not touch RESULTS.md")
    args = ap.parse_args()
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        sys.exit("set DATABASE_URL to the database to run the page on")
    with make_engine(url).connect() as conn:
        sizes = {
            name: conn.execute(select(func.count()).select_from(model)).scalar_one()
            for name, model in (("compounds", Compound), ("points", ServicePoint), ("roads", Road))
        }

    import streamlit as st
    from streamlit.testing.v1 import AppTest

    _always_run_entrypoint()
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=600)
    at.run()  # AppTest must run once before it knows the pages
    at.switch_page(PAGE)
    at.query_params.clear()
    at.query_params["sp_mode"] = "walk"
    at.session_state["_url_loaded"] = False
    cold = _seconds(at.run)
    problems = [e.value for e in at.exception] + [e.value for e in at.error]
    if problems:
        sys.exit(f"the page failed: {problems}")

    def uncached() -> tuple[float, float]:
        st.cache_data.clear()
        return _seconds(at.run)

    reused = _median([uncached() for _ in range(args.repeat)])
    warm = _median([_seconds(at.run) for _ in range(args.repeat)])
    original = walking.Memo.get
    walking.Memo.get = _no_reuse
    try:
        baseline = _median([uncached() for _ in range(args.repeat)])
    finally:
        walking.Memo.get = original

    def cell(t: tuple[float, float]) -> str:
        return f"{t[0]:,.2f} s | {t[1]:,.2f} s"

    stamp = subprocess.run(["date"], capture_output=True, text=True).stdout.strip()
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    text = "\n".join(
        [
            "## The service-point page by walking (`python bench/bench_walking_page.py`)",
            "",
            f"- machine: {machine()}; Python {platform.python_version()}",
            f"- date: {stamp}; commit {commit}",
            f"- database: {make_engine(url).url.render_as_string(hide_password=True)}: "
            f"{sizes['compounds']:,} compounds, {sizes['points']:,} service points, "
            f"{sizes['roads']:,} roads",
            f"- AppTest of /service_points?sp_mode=walk; median of {args.repeat} runs (cold: one)",
            "",
            "| run | CPU | wall |",
            "|---|---|---|",
            f"| cold: first run of the process | {cell(cold)} |",
            f"| **uncached queries, street graph and joins reused** | {cell(reused)} |",
            f"| baseline: uncached queries, graph and joins built per query (before) "
            f"| {cell(baseline)} |",
            f"| warm: every query cached | {cell(warm)} |",
            "",
        ]
    )
    print(text)
    if not args.no_append:
        print(f"appended to {append_results(text)}")


if __name__ == "__main__":
    main()
