"""bench/load_sessions.py in its quick mode (3 browser sessions, 20 s, an import in the middle):
no exception box, no "database is locked", every session sees the imported figure on its first
rerun after the commit. Timings are printed, never asserted (they go to bench/RESULTS.md by hand)."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import ROOT


def test_three_sessions_during_an_import_see_no_error_and_the_new_figure(tmp_path):
    out = tmp_path / "load.json"
    run = subprocess.run(
        [sys.executable, "bench/load_sessions.py", "--quick", "--no-append", "--json", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=400,
    )  # fmt: skip
    print(run.stdout[-3000:])
    summary = json.loads(out.read_text(encoding="utf-8"))
    assert summary["errors"] == 0, summary["error_kinds"]
    assert summary["import_error"] == ""
    assert summary["figure"] == "1276 -> 1282"  # three households of two persons each
    assert summary["saw_import_first_rerun"] == summary["sessions"] == 3
    assert summary["actions"] >= 3
    assert run.returncode == 0, run.stderr[-2000:]
