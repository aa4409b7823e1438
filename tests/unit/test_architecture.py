"""The layers and packages hold: one package per domain, an engine that knows no domain, no import
cycle in data_access, and exports that run without Streamlit."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOMAINS = ("areas", "service_points", "welfare", "employment", "facilities", "community_life")
SUBJECTS = tuple(d for d in DOMAINS if d != "areas")  # areas: the dimension every figure has
ENGINE = ("base", "categories", "compute", "disclosure", "monthly", "periods", "protection",
          "snapshot", "sql")  # fmt: skip


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _top_level_imports(path: Path) -> set[str]:
    """Modules of data_access a file imports when it is imported (not inside functions)."""
    found: set[str] = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if (
            isinstance(node, ast.ImportFrom)
            and node.module
            and node.module.startswith("data_access")
        ):
            found.add(node.module)
            for alias in node.names:  # `from data_access.x import y` may import module x.y
                candidate = f"{node.module}.{alias.name}"
                if (ROOT / Path(*candidate.split("."))).with_suffix(".py").exists() or (
                    ROOT / Path(*candidate.split(".")) / "__init__.py"
                ).exists():
                    found.add(candidate)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("data_access"))
    return found


def _graph() -> dict[str, set[str]]:
    files = [p for p in (ROOT / "data_access").rglob("*.py") if "versions" not in p.parts]
    modules = {_module_name(p): p for p in files}
    return {
        # A module's own packages are imported before it anyway (Python's rule), so an edge to one
        # of them (`from data_access.importing import limits` inside that package) is no cycle.
        name: {
            m for m in _top_level_imports(p) if m in modules and not f"{name}.".startswith(f"{m}.")
        }
        for name, p in modules.items()
    }


def test_every_domain_has_its_package():
    for domain in DOMAINS:
        package = ROOT / "data_access" / domain
        for part in ("__init__.py", "models.py", "metrics.py"):
            assert (package / part).exists(), f"data_access/{domain}/{part}"
        if domain != "areas":
            assert (package / "cards.py").exists(), f"data_access/{domain}/cards.py"


def test_data_access_has_no_import_cycle():
    graph = _graph()
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycle = path[path.index(nxt) :] + [nxt]
                pytest.fail("import cycle: " + " → ".join(cycle))
            if nxt not in state:
                visit(nxt)
        path.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)


def _fresh_import(modules: list[str]) -> set[str]:
    """The modules loaded by importing `modules` in a new interpreter."""
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in modules)
        + "print('\\n'.join(sorted(sys.modules)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return set(out.stdout.split())


def test_the_engine_imports_no_subject_domain():
    loaded = _fresh_import([f"data_access.engine.{name}" for name in ENGINE])
    domains = sorted(m for m in loaded for d in SUBJECTS if m.startswith(f"data_access.{d}"))
    assert not domains, f"the engine loads {domains}"
    assert "data_access.metrics" not in loaded  # the catalog sits above the engine


def test_the_catalog_loads_every_domain():
    loaded = _fresh_import(["data_access.metrics"])
    for domain in DOMAINS:
        assert f"data_access.{domain}.metrics" in loaded


def test_exports_and_the_data_layer_run_without_streamlit():
    loaded = _fresh_import(
        [
            "data_access.metrics",
            "data_access.review.summary",
            "data_access.review.topics",
            "components.review.deck",
            "components.review.files",
            "components.review.pptx_export",
            "components.review.pdf_export",
            "components.charts",
        ]
    )
    assert not {m for m in loaded if m == "streamlit" or m.startswith("streamlit.")}


def test_pages_hold_no_sql_and_data_access_no_streamlit():
    for page in (ROOT / "pages").glob("*.py"):
        text = page.read_text(encoding="utf-8")
        assert "sqlalchemy" not in text and "select(" not in text, page.name
    for module in (ROOT / "data_access").rglob("*.py"):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            assert not any(n.split(".")[0] == "streamlit" for n in names), module


def test_the_page_and_its_meeting_topic_read_one_card_list():
    from data_access import overview
    from data_access.community_life import cards as life
    from data_access.employment import cards as employment
    from data_access.facilities import cards as facilities
    from data_access.review.topics import topic
    from data_access.service_points import cards as service_points
    from data_access.welfare import cards as welfare

    assert topic("overview").cards is overview.CARDS
    assert topic("service").cards is service_points.CARDS
    assert topic("assistance").cards is welfare.CARDS
    assert "dibao_review_due" in topic("assistance").cards
    assert topic("employment").cards is employment.CARDS
    assert topic("facilities").cards is facilities.CARDS
    assert set(topic("life").cards) <= set(life.CARDS)
