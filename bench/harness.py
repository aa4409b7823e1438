"""What every benchmark script shares: the machine, the commit, the databases it measures, and
how a result is printed and appended to bench/RESULTS.md.

Scales: `sample` is the seeded sample county; a number N is `python -m data_access generate
--communities N --seed 2022` into a new SQLite file (N=200 reuses `--n200-url` when given, so a
run does not spend a minute generating). `--quick` (what CI runs) measures N=5 with one repetition
and appends to a temporary file instead of RESULTS.md unless `--append` is given;
BENCH_QUICK_DB names an N=5 SQLite file to copy instead of generating one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench_coverage import machine as cpu  # noqa: E402  (bench/ is sys.path[0])

SEED = 2022
RESULTS = ROOT / "bench" / "RESULTS.md"
QUICK_SCALE = "5"
ADMIN = ("bench_admin", "bench-admin-pass-1")  # added to the benchmark's own database copies


def machine() -> str:
    return f"{cpu()}, Python {platform.python_version()}"


def commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        )
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=ROOT,
            capture_output=True,
            text=True,
        ).stdout.strip()
        return (out.stdout.strip() or "?") + ("+changes" if dirty else "")
    except OSError:
        return "?"


def header(title: str, command: str, note: str, extra: str = "") -> list[str]:
    """The section heading and the line naming machine, date and commit."""
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return [
        f"## {title} (`{command}`)",
        "",
        note,
        "",
        f"Machine: {machine()}; date: {when}; commit: {commit()}{extra}",
        "",
    ]


def add_common_args(ap: argparse.ArgumentParser, scales: tuple[str, ...]) -> None:
    ap.add_argument(
        "--scales", nargs="+", default=list(scales), help="sample and/or N (generated counties)"
    )
    ap.add_argument(
        "--n200-url",
        default=os.environ.get("BENCH_N200_URL"),
        help="an N=200 database to reuse (a copy you own: admin account is added)",
    )
    ap.add_argument("--quick", action="store_true", help="N=5, one repetition, no append")
    ap.add_argument("--append", action="store_true", help="append to RESULTS.md even in --quick")
    ap.add_argument("--no-append", action="store_true", help="print only")
    ap.add_argument("--results", type=Path, help="append here instead of bench/RESULTS.md")


def command_line(script: str, args: argparse.Namespace) -> str:
    shown = ["…" if "://" in a else a for a in sys.argv[1:]]
    return " ".join(["python", f"bench/{script}", *shown]).strip()


def publish(text: str, args: argparse.Namespace) -> Path | None:
    """Print the section; append it to RESULTS.md (a temporary file in --quick mode)."""
    print(text)
    if args.no_append:
        return None
    if args.results:
        path = args.results
    elif args.quick and not args.append:
        path = Path(tempfile.gettempdir()) / "bench-quick-RESULTS.md"
    else:
        path = RESULTS
    existing = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    path.write_text(existing.rstrip("\n") + "\n\n" + text.rstrip("\n") + "\n", encoding="utf-8")
    print(f"appended to {path}", file=sys.stderr)
    return path


def database(scale: str, folder: Path, n200_url: str | None = None) -> str:
    """A database URL for a scale, made in `folder` (N=200: `n200_url` when given)."""
    from data_access.admin import accounts
    from data_access.db import make_engine

    if scale == "200" and n200_url:
        url = n200_url
    elif scale == QUICK_SCALE and os.environ.get("BENCH_QUICK_DB"):
        # The quick test generates N=5 once and every script measures a copy of it.
        url = copy_sqlite(os.environ["BENCH_QUICK_DB"], folder / "quick.db")
    elif scale == "sample":
        from data_access.seeding import seed

        url = f"sqlite:///{folder / 'sample.db'}"
        seed(make_engine(url))
    else:
        url = f"sqlite:///{folder / f'n{scale}.db'}"
        subprocess.run(
            [sys.executable, "-m", "data_access", "generate", "--communities", scale,
             "--seed", str(SEED)],
            cwd=ROOT, env={**os.environ, "DATABASE_URL": url}, check=True,
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
    engine = make_engine(url)
    if ADMIN[0] not in {a.name for a in accounts.list_users(engine)}:
        accounts.add_user(engine, ADMIN[0], ADMIN[1], "admin", (), by="bench/harness.py")
    engine.dispose()
    return url


def copy_sqlite(source: str, target: Path) -> str:
    """A consistent copy of a SQLite file (its WAL included), as a URL; the source is only read."""
    import sqlite3

    source = source.removeprefix("sqlite:///")
    with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as a, sqlite3.connect(target) as b:
        a.backup(b)
    return f"sqlite:///{target}"


def scale_label(scale: str) -> str:
    return "sample" if scale == "sample" else f"N={scale}"


def ratio(x: float, base: float) -> str:
    return f"{x / base:.2f}×" if base > 0 else "–"


def rss_mb(pid: int, field: str = "VmRSS") -> float:
    """A process's resident memory (VmRSS) or its peak (VmHWM), in MB, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def in_child(script: str, *argv: str) -> dict:
    """Run `script --child argv…` in a fresh Python (its peak memory its own) and return the
    JSON object its last output line holds."""
    out = subprocess.run(
        [sys.executable, script, "--child", *argv], stdout=subprocess.PIPE, text=True, check=False
    )
    if out.returncode:
        raise SystemExit(f"{argv[0]} failed (exit {out.returncode})")
    return json.loads(out.stdout.strip().splitlines()[-1])
