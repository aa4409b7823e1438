"""The synthetic county: generation and loading time, and peak memory, at N=20 and N=200.

    python bench/bench_generate.py [--quick] [--sizes 20 200] [--database-url URL] [--no-append]

For each size, generates the county (`data_access.sample.scale`, seed 2022) and loads it into an
empty database in both ways `python -m data_access generate` knows: `validated` (every table
through the import path, `run_import`) and `bulk` (the same reading and typed parsing, then
batched INSERTs). Each (size, way) runs in a fresh Python process, so its peak resident memory
(ru_maxrss) is its own; the database is a new SQLite file in a temporary folder unless
--database-url names an empty one. `--quick` does N=20 only. Prints a Markdown section and
appends it, with the machine, the date and the commit, to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from harness import commit, machine  # bench/ is sys.path[0]

ROOT = Path(__file__).resolve().parent.parent
SEED = 2022


def one(communities: int, mode: str, url: str) -> dict:
    """In this process: generate, load, report (JSON on stdout)."""
    sys.path.insert(0, str(ROOT))
    from data_access.db import make_engine
    from data_access.sample import scale, scale_load

    started = time.perf_counter()
    county = scale.ScaledCounty(communities, SEED)
    tables = county.build()
    generated = time.perf_counter() - started
    rss_generated = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    engine = make_engine(url)
    started = time.perf_counter()
    result = scale_load.load(engine, tables, mode)
    loaded = time.perf_counter() - started
    engine.dispose()
    slowest = sorted(result.seconds.items(), key=lambda kv: -kv[1])[:3]
    return {
        "n": communities,
        "mode": mode,
        "generate_s": generated,
        "load_s": loaded,
        "rows": sum(result.rows.values()),
        "counts": county.counts,
        "rss_generate_mb": rss_generated,
        "rss_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "slowest": slowest,
    }


def run_child(communities: int, mode: str, url: str | None) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        target = url or f"sqlite:///{Path(tmp) / 'county.db'}"
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(communities), mode, target],
            capture_output=True,
            text=True,
            check=False,
        )
    if out.returncode:
        raise SystemExit(f"N={communities} {mode} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="N=20 only")
    ap.add_argument("--sizes", type=int, nargs="+", default=[20, 200])
    ap.add_argument("--modes", nargs="+", default=["validated", "bulk"])
    ap.add_argument("--database-url", help="an empty database (default: a new SQLite file)")
    ap.add_argument("--no-append", action="store_true", help="print only, do not touch RESULTS.md")
    ap.add_argument("--one", nargs=3, metavar=("N", "MODE", "URL"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one(int(args.one[0]), args.one[1], args.one[2])))
        return
    sizes = [20] if args.quick else args.sizes
    results = []
    for n in sizes:
        for mode in args.modes:
            r = run_child(n, mode, args.database_url)
            print(f"N={n} {mode}: generate {r['generate_s']:.1f} s, load {r['load_s']:.1f} s, "
                  f"peak {r['rss_peak_mb']:.0f} MB", file=sys.stderr)  # fmt: skip
            results.append(r)
    db = "the given database" if args.database_url else "SQLite (a new file)"
    lines = [
        f"## Synthetic county: generate and load (`python bench/bench_generate.py"
        f"{' --quick' if args.quick else ''}`)",
        "",
        f"`python -m data_access generate --communities N --seed {SEED}` into {db}, each row "
        "a fresh process. Validated = every table through the import path (`run_import`: cells, "
        "schema, codes that must exist, ID check digits, coordinates inside the county); bulk = "
        "the same reading and typed parsing, then batched INSERTs. Peak = the process's maximum "
        "resident memory (after generation / overall).",
        "",
        f"Machine: {machine()}; date: {dt.date.today().isoformat()}; commit: {commit()}",
        "",
        "| N | load | rows | generate (s) | load (s) | total (s) | peak after generate (MB) "
        "| peak overall (MB) | slowest tables to load (s) |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        slow = ", ".join(f"{name} {s:.1f}" for name, s in r["slowest"])
        lines.append(
            f"| {r['n']} | {r['mode']} | {r['rows']:,} | {r['generate_s']:.1f} | {r['load_s']:.1f} "
            f"| {r['generate_s'] + r['load_s']:.1f} | {r['rss_generate_mb']:.0f} "
            f"| {r['rss_peak_mb']:.0f} | {slow} |"
        )
    if results:
        big = results[-1]["counts"]
        keys = ("communities", "grids", "compounds", "service_points", "welfare_households",
                "welfare_payments", "jobseekers", "disputes", "volunteer_activities")  # fmt: skip
        lines += [
            "",
            f"Rows at N={results[-1]['n']}: " + ", ".join(f"{k} {big[k]:,}" for k in keys),
            "",
        ]
    text = "\n".join(lines)
    print(text)
    if not args.no_append:
        path = ROOT / "bench" / "RESULTS.md"
        existing = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
        path.write_text(existing.rstrip("\n") + "\n\n" + text, encoding="utf-8")
        print(f"appended to {path}")


if __name__ == "__main__":
    main()
