"""The browser tests run on one worker, one after another (tests/e2e/conftest.py marks them
`xdist_group("browser")`, pyproject runs `--dist loadgroup`). pytest 9.2 made pytest-xdist drop
that grouping without a word (pytest-xdist #1386): two Chromiums and two app servers then shared
the two cores and the suite slowed and flaked. This runs a small project the same way and fails
if the group is split again."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

CONFTEST = textwrap.dedent(
    """
    import pytest

    def pytest_collection_modifyitems(items):
        for item in items:
            if "tests/e2e" in str(item.fspath):
                item.add_marker(pytest.mark.xdist_group("browser"))
    """
)
GROUPED = textwrap.dedent(
    """
    import os, pathlib, pytest

    @pytest.mark.parametrize("i", range(6))
    def test_grouped(i):
        out = pathlib.Path(os.environ["GROUP_OUT"]) / f"{i}.txt"
        out.write_text(os.environ["PYTEST_XDIST_WORKER"])
    """
)
LOOSE = textwrap.dedent(
    """
    import pytest

    @pytest.mark.parametrize("i", range(6))
    def test_loose(i):
        pass
    """
)


def test_the_browser_group_stays_on_one_worker(tmp_path: Path):
    project = tmp_path / "project"
    (project / "tests" / "e2e").mkdir(parents=True)
    (project / "tests" / "unit").mkdir()
    for package in ("tests", "tests/e2e", "tests/unit"):
        (project / package / "__init__.py").write_text("")
    (project / "tests" / "e2e" / "conftest.py").write_text(CONFTEST)
    (project / "tests" / "e2e" / "test_grouped.py").write_text(GROUPED)
    (project / "tests" / "unit" / "test_loose.py").write_text(LOOSE)
    # The repository's own pytest settings, so the check runs what CI runs.
    root = Path(__file__).resolve().parents[2]
    (project / "pyproject.toml").write_text((root / "pyproject.toml").read_text())
    out = tmp_path / "out"
    out.mkdir()
    env = {**os.environ, "GROUP_OUT": str(out)}
    env.pop("PYTEST_XDIST_WORKER", None)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-n", "2", "-p", "no:cacheprovider", "tests"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    workers = {p.read_text() for p in out.glob("*.txt")}
    assert len(list(out.glob("*.txt"))) == 6
    assert len(workers) == 1, f"the browser group ran on {sorted(workers)}"
