"""The browser tests wait for the page, never for a stopwatch: no fixed pause in tests/e2e, and
they act on a page through tests/e2e/act.py (it waits for Streamlit's run state and the widget's
new value)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
E2E = sorted((ROOT / "tests" / "e2e").glob("*.py"))
PAUSES = {"sleep", "wait_for_timeout"}


def _calls(path: Path) -> list[tuple[int, str]]:
    """(line, name) of every call of a function or method named in PAUSES."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            if name in PAUSES:
                found.append((node.lineno, name))
    return found


def test_the_check_sees_a_pause(tmp_path):
    assert ROOT / "tests" / "e2e" / "act.py" in E2E
    sample = tmp_path / "test_paused.py"
    sample.write_text("page.wait_for_timeout(500)\ntime.sleep(1)\nsleep(2)\npage.wait_for_url(u)\n")
    assert _calls(sample) == [(1, "wait_for_timeout"), (2, "sleep"), (3, "sleep")]


def test_no_browser_test_pauses_for_a_fixed_time():
    paused = {str(p.relative_to(ROOT)): _calls(p) for p in E2E}
    assert {p: c for p, c in paused.items() if c} == {}


def test_browser_tests_wait_through_act():
    """A test file that settles a page imports act.py, not a wait of its own."""
    own = [
        str(p.relative_to(ROOT))
        for p in E2E
        if p.name.startswith("test_") and "def wait_settled" in p.read_text(encoding="utf-8")
    ]
    assert own == []
