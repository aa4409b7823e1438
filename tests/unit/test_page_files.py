"""Every page file starts with the guard, and every page is registered once."""

from __future__ import annotations

import ast
from pathlib import Path

from components.registry import PAGES

ROOT = Path(__file__).resolve().parents[2]


def _statements(path: Path) -> list[ast.stmt]:
    body = ast.parse(path.read_text(encoding="utf-8")).body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]  # the module docstring
    return body


def test_every_page_file_starts_with_the_guard():
    for path in sorted((ROOT / "pages").glob("*.py")):
        first, second = _statements(path)[:2]
        assert isinstance(first, ast.ImportFrom) and first.module == "components.guard", path
        assert [a.name for a in first.names] == ["ensure_app_entry"], path
        assert (
            isinstance(second, ast.Expr)
            and isinstance(second.value, ast.Call)
            and getattr(second.value.func, "id", None) == "ensure_app_entry"
        ), f"{path.name}: the first call must be ensure_app_entry()"


def test_every_page_file_is_registered_once():
    files = {f"pages/{p.name}" for p in (ROOT / "pages").glob("*.py")}
    registered = [spec.file for spec in PAGES]
    assert sorted(registered) == sorted(files)
    assert len({spec.url_path for spec in PAGES}) == len(PAGES)


def test_page_parameters_do_not_collide_with_each_other_or_the_sidebar():
    from components.filters import GLOBAL_KEYS

    names = [name for spec in PAGES for name in spec.param_names]
    assert len(names) == len(set(names))
    assert not set(names) & set(GLOBAL_KEYS)


def test_the_launcher_sends_unknown_paths_to_the_notice():
    import importlib

    launcher = importlib.import_module("app")
    for path in ("/welfare/extra", "/etc/passwd", "/foo", "/service_points/x/y"):
        assert launcher.is_unknown(path), path
    for path in ("/", "/welfare", "/service_points", "/_stcore/health", "/static/js/a.js",
                 "/favicon.png", "/media/x.png", "/component/x",
                 "/service_points/_stcore/health", "/welfare/_stcore/host-config"):  # fmt: skip
        assert not launcher.is_unknown(path), path
