"""Page run time as a user feels it: each page run through dashboard.py with AppTest on the sample county.

    python bench/bench_pages.py [--repeat 5]

For every page: a cold run (caches cleared, as after an import bumps the data version) and warm
reruns (what a filter click costs when the answer is cached), next to a baseline measured in the
same run: a one-line Streamlit script in the same harness, i.e. the framework's own overhead.
Prints a Markdown table to paste into bench/RESULTS.md together with the machine and date.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from streamlit.runtime.pages_manager import PagesManager  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

PAGES = ["pages/overview.py", "pages/service_points.py", "pages/welfare.py"]


def _always_run_entrypoint() -> None:
    """Same shim as tests/app/conftest.py: AppTest must execute dashboard.py on every run."""
    original = PagesManager.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    PagesManager.__init__ = init


def timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


class StatementCount:
    """SQL statements sent while a block runs (all engines), and how many read the data version."""

    def __init__(self):
        self.total = self.version = 0

    def __enter__(self):
        from sqlalchemy import Engine, event

        event.listen(Engine, "before_cursor_execute", self._seen)
        return self

    def __exit__(self, *exc):
        from sqlalchemy import Engine, event

        event.remove(Engine, "before_cursor_execute", self._seen)

    def _seen(self, conn, cursor, statement, *args):
        self.total += 1
        self.version += "data_version" in statement


def bench_page(page: str | None, repeat: int) -> tuple[float, float, int, int]:
    import streamlit as st

    cold, warm = [], []
    for _ in range(repeat):
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
        at.run()  # AppTest must run once before it knows the pages
        if page:
            at.switch_page(page)
        st.cache_data.clear()

        def run(at: AppTest = at) -> None:
            at.run()
            assert not at.exception, [e.value for e in at.exception]

        with StatementCount() as counted:
            cold.append(timed(run))
        warm.append(timed(run))
    return statistics.median(cold), statistics.median(warm), counted.total, counted.version


def bench_baseline(repeat: int) -> float:
    script = "import streamlit as st\nst.write('baseline')\n"
    times = []
    for _ in range(repeat):
        at = AppTest.from_string(script)
        times.append(timed(at.run))
    return statistics.median(times)


def machine() -> str:
    try:
        model = next(
            line.split(":", 1)[1].strip()
            for line in subprocess.run(
                ["lscpu"], capture_output=True, text=True
            ).stdout.splitlines()
            if line.startswith("Model name")
        )
    except (StopIteration, OSError):
        model = platform.processor() or "unknown CPU"
    return f"{model}, {os.cpu_count()} cores, Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    _always_run_entrypoint()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.db"
        from data_access.db import make_engine
        from data_access.seeding import seed

        seed(make_engine(os.environ["DATABASE_URL"]))
        baseline = bench_baseline(args.repeat)
        print(f"Machine: {machine()}; date: {time.strftime('%Y-%m-%d')}; median of {args.repeat}\n")
        print(
            "| page | cold run (s) | warm rerun (s) | baseline one-line script (s) "
            "| SQL statements, cold run | of them data-version reads |"
        )
        print("|---|---|---|---|---|---|")
        for page in PAGES:
            if not (ROOT / page).exists():
                continue
            cold, warm, statements, versions = bench_page(
                None if page == "pages/overview.py" else page, args.repeat
            )
            print(
                f"| `{page}` | {cold:.3f} | {warm:.3f} | {baseline:.3f} | {statements} | {versions} |"
            )


if __name__ == "__main__":
    main()
