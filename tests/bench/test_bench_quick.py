"""Every benchmark script runs in its quick mode (N=5, one repetition) so none can rot: each must
finish, print its table with the machine, date and commit, and append only to the file it is
given (never bench/RESULTS.md). No timing is asserted: speed is read from bench/RESULTS.md.

N=5 is generated once for the module; each script measures its own copy (BENCH_QUICK_DB).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
BROWSER = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} missing")


@pytest.fixture(scope="module")
def quick_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("bench") / "n5.db"
    subprocess.run(
        [sys.executable, "-m", "data_access", "generate", "--communities", "5", "--seed", "2022"],
        cwd=ROOT, env={**os.environ, "DATABASE_URL": f"sqlite:///{db}"}, check=True,
        capture_output=True,
    )  # fmt: skip
    return db


def run_quick(script: str, quick_db: Path, tmp_path: Path, *extra: str) -> str:
    results = tmp_path / "RESULTS.md"
    before = (ROOT / "bench" / "RESULTS.md").read_text(encoding="utf-8")
    out = subprocess.run(
        [sys.executable, f"bench/{script}", "--quick", "--results", str(results), *extra],
        cwd=ROOT, env={**os.environ, "BENCH_QUICK_DB": str(quick_db)}, capture_output=True,
        text=True, timeout=600,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr[-3000:]
    assert (ROOT / "bench" / "RESULTS.md").read_text(encoding="utf-8") == before
    written = results.read_text(encoding="utf-8")
    assert "Machine: " in written and "commit: " in written
    return written


def table_rows(text: str) -> list[list[str]]:
    return [
        [c.strip() for c in line.strip("|").split("|")]
        for line in text.splitlines()
        if line.startswith("| ") and not line.startswith("|---")
    ][1:]


def test_page_run_times_cover_every_registered_page(quick_db, tmp_path):
    from components.registry import PAGES

    rows = table_rows(run_quick("bench_pages.py", quick_db, tmp_path))
    assert [r[1].strip("`") for r in rows] == [spec.file for spec in PAGES]
    assert all(r[0] == "N=5" and float(r[2]) > 0 for r in rows)
    assert all(float(b) > 0 for r in rows for b in r[5].split(" / ")), "both baselines measured"
    assert all(int(r[8]) > 0 for r in rows), "every page reads the database"


def test_import_adds_every_row_and_then_changes_nothing(quick_db, tmp_path):
    written = run_quick("bench_import.py", quick_db, tmp_path)
    rows = table_rows(written)
    assert [r[2] for r in rows] == [
        "import, all rows added",
        "import again, nothing changed",
        "baseline: read_csv + to_sql",
    ]
    assert int(rows[0][1].replace(",", "")) > 100
    assert "Unexpected counts" not in written


def test_a_file_failing_on_every_row_lists_a_thousand_problems(quick_db, tmp_path):
    rows = table_rows(run_quick("bench_import_problems.py", quick_db, tmp_path))
    assert len(rows) == 1
    listed, counted, peak = rows[0][3], rows[0][4], rows[0][6]
    assert listed == "1,000" and int(counted.replace(",", "")) > 0 and float(peak) > 0


def test_query_plans_list_every_page_and_find_scans(quick_db, tmp_path):
    from components.registry import PAGES

    written = run_quick("bench_plans.py", quick_db, tmp_path)
    rows = table_rows(written.split("<details>")[0])
    assert [r[1].strip("`") for r in rows] == [spec.file for spec in PAGES]
    # With the threshold at 0 rows in quick mode every full scan is listed: the path is exercised.
    assert any(int(r[4]) > 0 for r in rows) and "<details>" in written


@BROWSER
def test_browser_settle_times_cover_every_page_and_the_reference(quick_db, tmp_path):
    from components.registry import PAGES

    rows = table_rows(run_quick("bench_browser.py", quick_db, tmp_path, "--port", "0"))
    assert [r[1] for r in rows] == ["reference page"] + [s.url_path or "(overview)" for s in PAGES]
    assert all(float(r[3]) > 0 for r in rows)
    assert rows[0][5] != "–", "the reference page's filter was changed"


@BROWSER
def test_a_review_screen_turn_beside_the_reference(quick_db, tmp_path):
    rows = table_rows(run_quick("bench_review_turn.py", quick_db, tmp_path, "--port", "0"))
    assert len(rows) == 1 and float(rows[0][2]) > 0  # a turn was timed
    assert rows[0][4] != "–", "the reference page's filter was changed"


@BROWSER
def test_server_memory_after_sessions(quick_db, tmp_path):
    rows = table_rows(run_quick("bench_memory.py", quick_db, tmp_path, "--port", "0"))
    assert [r[0] for r in rows] == ["app.py", "reference page (baseline)"]
    assert all(float(r[4]) > float(r[2]) * 0.5 > 0 for r in rows)
