"""The README and docs/architecture.md name only what the repository holds: every file and folder,
every `python -m data_access` command, every environment variable and every name in backticks
exists (in the manner of datasette's documentation tests), so the docs cannot drift."""

from __future__ import annotations

import re
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ("README.md", "docs/architecture.md")
CODE_SUFFIXES = {".py", ".toml", ".conf", ".md", ".txt", ".mako", ".csv"}
# Words in backticks that are neither code names nor files: Python, SQL, shell and Streamlit
# vocabulary the docs quote, and parameters' values.
QUOTED_VOCABULARY = {
    "streamlit", "pytest", "ruff", "nginx", "psycopg", "alembic", "hypothesis", "pip", "venv",
    "py-spy", "argon2-cffi", "python-calamine", "python-pptx", "python-docx", "vl-convert",
    "fpdf2", "prcoords", "pandera", "cachetools", "python-stdnum", "scipy.sparse.csgraph",
    "st.cache_data", "st.cache_resource", "st.navigation", "st.App", "st.Page", "st.tabs",
    "st.altair_chart", "st.vega_lite_chart", "select_slider", "map_provider=None",
    "map_style=None", "pool_pre_ping", "ip_hash", "hash", "new_session", "script_finished",
    "year", "gender", "channel", "line", "walk", "true", "false", "None", "GROUP BY",
}  # fmt: skip


def _doc(name: str) -> str:
    return (ROOT / name).read_text(encoding="utf-8")


def _quoted(text: str) -> list[str]:
    """Inline code spans (not fenced blocks)."""
    text = re.sub(r"```.*?```", "", text, flags=re.S)
    return re.findall(r"`([^`\n]+)`", text)


@cache
def _code_text() -> str:
    parts = []
    for path in ROOT.rglob("*"):
        if (
            path.is_file()
            and path.suffix in CODE_SUFFIXES
            and ".git" not in path.parts
            and path.name not in ("README.md", "architecture.md")
            and "sample_data" not in path.parts
        ):
            parts.append(path.read_text(encoding="utf-8", errors="replace"))
    parts.append((ROOT / ".ci" / "run").read_text(encoding="utf-8"))
    parts.extend((ROOT / name).read_text(encoding="utf-8") for name in ("sample_data/README.md",))
    return "\n".join(parts)


@cache
def _repo_paths() -> tuple[str, ...]:
    """Every file and folder of the repository, as posix paths from its root."""
    return tuple(
        path.relative_to(ROOT).as_posix()
        for path in ROOT.rglob("*")
        if ".git" not in path.parts and "__pycache__" not in path.parts
    )


def _path_exists(token: str) -> bool:
    """A path from the root, or a path relative to some folder (`engine/sql.py` inside
    data_access/, `bench_pages.py` inside bench/); `module.py.name` or `package/module.name`
    also needs `name` in that module."""
    token = token.split(" ")[0].split(":")[0].rstrip(",.").lstrip("/").rstrip("/")
    attribute = None
    if (
        "/" in token
        and re.fullmatch(r".*/\w+\.[a-z_][a-z0-9_]*", token)
        and not re.search(r"\.(py|md|toml|txt|csv|conf|json|xlsx|zip|png|db|lock)$", token)
    ):
        token, attribute = token.rsplit(".", 1)
        token += ".py"
    pattern = re.sub(r"<[^>]+>", "*", token)
    regex = re.compile(r"(^|.*/)" + re.escape(pattern).replace(r"\*", "[^/]+") + "$")
    found = [path for path in _repo_paths() if regex.match(path)]
    if attribute is None:
        return bool(found)
    return any(
        re.search(rf"\b{attribute}\b", (ROOT / path).read_text(encoding="utf-8")) for path in found
    )


def _looks_like_path(token: str) -> bool:
    head = token.split(" ")[0]
    return ("/" in head and not head.startswith(("/", "http", "?"))) or bool(
        re.fullmatch(r"[\w.<>-]+\.(py|md|toml|txt|csv|conf|json|xlsx|zip|png|db|lock)", head)
    )


# Made at first start, by a test run, or by the user (optional settings).
CREATED_LATER = ("data/", "sqlite:", "postgresql", "test-artifacts/", ".streamlit/secrets.toml")


@pytest.mark.parametrize("doc", DOCS)
def test_every_file_the_docs_name_exists(doc):
    missing = [
        token
        for token in _quoted(_doc(doc))
        if _looks_like_path(token)
        and not token.startswith(CREATED_LATER)
        and not re.search(r"[{}=]", token)  # URL templates, variable assignments
        and not re.search(r"(OUT|IN|FILE|DIR|STREETS|名册)\b", token)  # placeholders
        and not _path_exists(token)
    ]
    assert not missing, f"{doc} names files that do not exist: {missing}"


def _cli_commands(doc: str) -> set[str]:
    return set(re.findall(r"python -m data_access (\w+)", _doc(doc)))


@pytest.mark.parametrize("doc", DOCS)
def test_every_command_the_docs_name_answers_its_help(doc):
    for command in sorted(_cli_commands(doc)):
        if command == "sample":
            continue  # `python -m data_access.sample` is a module of its own
        out = subprocess.run(
            [sys.executable, "-m", "data_access", command, "--help"],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        assert out.returncode == 0, (command, out.stderr[-500:])


@pytest.mark.parametrize("doc", DOCS)
def test_every_environment_variable_the_docs_name_is_read_by_the_code(doc):
    names = {
        token
        for token in _quoted(_doc(doc))
        if re.fullmatch(r"[A-Z][A-Z0-9_]{3,}", token) and "_" in token
    }
    unread = sorted(name for name in names if name not in _code_text())
    assert not unread, f"{doc} names variables no code reads: {unread}"


@cache
def _names_in_code() -> set[str]:
    """Identifiers defined or used in the code: functions, classes, names, keys, columns."""
    return set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", _code_text()))


@pytest.mark.parametrize("doc", DOCS)
def test_every_name_in_backticks_is_in_the_code(doc):
    from data_access import metrics

    keys = {m.key for m in metrics.all_metrics()}
    stale = []
    for token in _quoted(_doc(doc)):
        if _looks_like_path(token) or token in QUOTED_VOCABULARY or not token.isascii():
            continue
        for name in re.findall(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b", token):
            if name not in keys and name not in _names_in_code():
                stale.append(name)
    assert not stale, f"{doc} names what the code does not have: {sorted(set(stale))}"


def test_every_metric_string_lives_in_the_metrics_locale():
    from data_access.text.locale import metrics as metric_strings

    elsewhere = []
    for path in (ROOT / "data_access" / "text" / "locale").glob("*.py"):
        if path.name != "metrics.py" and re.search(r'"metric\.', path.read_text(encoding="utf-8")):
            elsewhere.append(path.name)
    assert not elsewhere
    assert all(key.startswith("metric.") for key in metric_strings.STRINGS)


def _fenced_commands(doc: str) -> list[str]:
    return [
        line.strip()
        for block in re.findall(r"```\n(.*?)```", _doc(doc), flags=re.S)
        for line in block.splitlines()
    ]


def test_ci_runs_the_readmes_test_command():
    test_command = next(c for c in _fenced_commands("README.md") if c.endswith("python -m pytest"))
    assert test_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "-c constraints.txt" in test_command


def test_every_requirement_has_an_upper_bound_and_a_pin():
    pinned = {
        re.sub(r"[-_.]+", "-", m.lower())
        for m in re.findall(r"^([A-Za-z0-9_.-]+)==", _doc("constraints.txt"), flags=re.M)
    }
    for name in ("requirements.txt", "requirements-dev.txt"):
        for line in _doc(name).splitlines():
            line = line.split("#")[0].strip()
            if not line or line.startswith("-r"):
                continue
            package = re.sub(r"[-_.]+", "-", re.split(r"[\[<>=!~ ]", line)[0].lower())
            assert "<" in line, f"{name}: {line} has no upper bound"
            assert package in pinned, f"{name}: {package} is not pinned in constraints.txt"
