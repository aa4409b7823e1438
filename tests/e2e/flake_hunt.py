"""Flake hunt: run the browser tests N times in a row, optionally with the CPU loaded, and count
per test how often each failed. Not part of the pytest run (its name does not start with test_).

    python tests/e2e/flake_hunt.py                      # every tests/e2e/test_*.py, 10 passes
    python tests/e2e/flake_hunt.py --runs 3 --load      # two busy processes beside the tests
    python tests/e2e/flake_hunt.py tests/e2e/test_data_admin.py --runs 5

Each pass is one `python -m pytest <files> -n 0` (one worker, as the browser tests run in CI),
its results read from a JUnit XML file. The summary (per test: runs, failures, the first line of
each failure) is written after every pass, between the markers of --out (tests/e2e/FLAKES.md),
so a hunt stopped half-way still leaves what it saw (--label keeps hunts apart: one block each). The busy processes are killed at the end
however the hunt ends (finally; SIGTERM and Ctrl-C included).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import signal
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUSY = "while True: pass"


def results(junit: Path) -> dict[str, str | None]:
    """{test id: None when it passed, else the first line of its failure} (skips left out)."""
    out: dict[str, str | None] = {}
    if not junit.exists():
        return out
    for case in ET.parse(junit).getroot().iter("testcase"):
        name = f"{case.get('classname', '').replace('.', '/')}.py::{case.get('name')}"
        if case.find("skipped") is not None:
            continue
        bad = case.find("failure")
        if bad is None:
            bad = case.find("error")
        out[name] = None if bad is None else (bad.get("message") or "failed").splitlines()[0][:160]
    return out


def markers(label: str) -> tuple[str, str]:
    return f"<!-- flake-hunt:{label}:start -->", f"<!-- flake-hunt:{label}:end -->"


def summary(args, passes: list[dict], runs, failures, reasons, started: str) -> str:
    loaded = "with two busy processes beside it" if args.load else "unloaded"
    start, end = markers(args.label)
    lines = [
        start,
        f"### Hunt `{args.label}`",
        "",
        f"Hunt started {started} UTC: {len(passes)} of {args.runs} passes done, {loaded}, "
        f"files: {' '.join(args.files) or 'tests/e2e/test_*.py'}.",
        "",
        "| pass | tests | failed | minutes |",
        "|---|---|---|---|",
    ]
    for n, p in enumerate(passes, 1):
        lines.append(f"| {n} | {p['tests']} | {p['failed']} | {p['minutes']:.1f} |")
    lines += ["", "| test | runs | failures | first failure |", "|---|---|---|---|"]
    for name in sorted(runs, key=lambda n: (-failures[n], n)):
        first = reasons[name][0].replace("|", "\\|") if reasons[name] else ""
        lines.append(f"| {name} | {runs[name]} | {failures[name]} | {first} |")
    lines.append(end)
    return "\n".join(lines)


def write(out: Path, label: str, block: str) -> None:
    """Put the block between the label's markers in `out` (appended the first time)."""
    start, end = markers(label)
    text = out.read_text(encoding="utf-8") if out.exists() else ""
    if start in text and end in text:
        head, rest = text.split(start, 1)
        text = head + block + rest.split(end, 1)[1]
    else:
        text = (text.rstrip() + "\n\n" if text else "") + block + "\n"
    out.write_text(text, encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", help="test files or ids (default: tests/e2e/test_*.py)")
    ap.add_argument("--runs", type=int, default=10, help="passes over the tests (default 10)")
    ap.add_argument("--load", action="store_true", help="two busy processes load the CPU")
    ap.add_argument("--out", type=Path, default=ROOT / "tests/e2e/FLAKES.md")
    ap.add_argument(
        "--label", default="latest", help="names this hunt's block in --out (one block a label)"
    )
    args = ap.parse_args()
    files = args.files or sorted(str(p.relative_to(ROOT)) for p in ROOT.glob("tests/e2e/test_*.py"))

    # A plain kill of the hunt must still reach `finally` and stop the busy processes.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    busy: list[subprocess.Popen] = []
    tests: subprocess.Popen | None = None
    runs: dict[str, int] = defaultdict(int)
    failures: dict[str, int] = defaultdict(int)
    reasons: dict[str, list[str]] = defaultdict(list)
    passes: list[dict] = []
    started = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M")
    try:
        if args.load:
            busy = [subprocess.Popen([sys.executable, "-c", BUSY]) for _ in range(2)]
            print(f"busy processes: {[p.pid for p in busy]}", flush=True)
        with tempfile.TemporaryDirectory() as tmp:
            for n in range(1, args.runs + 1):
                junit = Path(tmp) / f"pass-{n}.xml"
                t0 = dt.datetime.now()
                cmd = [sys.executable, "-m", "pytest", *files, "-n", "0", "-q",
                       "-p", "no:cacheprovider", f"--junitxml={junit}"]  # fmt: skip
                print(f"== pass {n}/{args.runs}: {' '.join(cmd[1:])}", flush=True)
                # In a process group of its own, so that a stopped hunt stops its servers too.
                tests = subprocess.Popen(cmd, cwd=ROOT, start_new_session=True)
                tests.wait()
                tests = None
                seen = results(junit)
                for name, reason in seen.items():
                    runs[name] += 1
                    if reason is not None:
                        failures[name] += 1
                        reasons[name].append(reason)
                minutes = (dt.datetime.now() - t0).total_seconds() / 60
                failed = sum(r is not None for r in seen.values())
                passes.append({"tests": len(seen), "failed": failed, "minutes": minutes})
                write(args.out, args.label, summary(args, passes, runs, failures, reasons, started))
                print(f"== pass {n}: {len(seen)} tests, {failed} failed", flush=True)
    finally:
        if tests is not None and tests.poll() is None:
            os.killpg(tests.pid, signal.SIGTERM)
            tests.wait()
        for proc in busy:
            proc.kill()
            proc.wait()
    print(f"summary: {args.out}")
    return 1 if any(failures.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
