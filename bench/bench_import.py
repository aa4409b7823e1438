"""Import: job-seeker rows through the import path (`run_import`: reading, cell parsing, schema,
domain checks, upsert, data version), rows per second and peak memory.

    python bench/bench_import.py [--rows 100000] [--csv /tmp/gen200/jobseekers.csv]
                                 [--n200-url sqlite:////tmp/bench-n200.db] [--profile] [--quick]

The file is the first --rows rows of the generator's jobseekers.csv (N=200, seed 2022); the
database a copy of the generated N=200 county (SQLite) with its job seekers removed, so every row
is added. Each measurement runs in a fresh process, so its peak resident memory is its own.
Baseline (same run, same rows): pandas.read_csv + DataFrame.to_sql into a new SQLite file, i.e.
reading and writing with no checks. `--quick`: N=5, all its job seekers.
Goal (issue 16): 100,000 rows in ≤ 20 s, ≤ 1 GB peak.
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import harness

TABLE = "jobseekers"


def sliced(csv_path: Path, rows: int, out: Path) -> int:
    """The header and the first `rows` rows of csv_path, written to out; rows written."""
    with csv_path.open(encoding="utf-8-sig") as src, out.open("w", encoding="utf-8") as dst:
        n = -1
        for n, line in enumerate(src):
            if n > rows:
                break
            dst.write(line)
    return max(min(n, rows), 0)


def prepared_database(source_url: str, folder: Path) -> str:
    """A copy of the county at source_url (SQLite) with no job seekers."""
    from sqlalchemy import create_engine, text

    url = harness.copy_sqlite(source_url, folder / "import.db")
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM jobseeker_groups"))
        conn.execute(text("DELETE FROM jobseekers"))
    engine.dispose()
    return url


def child_import(url: str, csv_path: str, profile: bool) -> dict:
    from data_access.admin.users import User
    from data_access.db import make_engine
    from data_access.importing import run_import

    data = Path(csv_path).read_bytes()
    engine = make_engine(url)
    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    t0 = time.perf_counter()
    result = run_import(
        engine, TABLE, data, Path(csv_path).name, User(harness.ADMIN[0], "admin"), dry_run=False
    )
    took = time.perf_counter() - t0
    if profiler:
        import pstats

        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(30)
        print(out.getvalue(), file=sys.stderr)
    if result.problems:
        raise SystemExit("\n".join(p.line() for p in result.problems[:20]))
    return {
        "seconds": took,
        "rows": result.rows,
        "added": result.added,
        "updated": result.updated,
        "written": result.written,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def child_baseline(folder: str, csv_path: str) -> dict:
    import pandas as pd
    from sqlalchemy import create_engine

    t0 = time.perf_counter()
    frame = pd.read_csv(csv_path, dtype=str)
    engine = create_engine(f"sqlite:///{Path(folder) / 'baseline.db'}")
    frame.to_sql(TABLE, engine, index=False, chunksize=5000)
    engine.dispose()
    return {
        "seconds": time.perf_counter() - t0,
        "rows": len(frame),
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def quick_inputs(folder: Path) -> tuple[str, Path]:
    """N=5: its database and its job seekers exported as the import reads them."""
    from data_access.db import make_engine
    from data_access.seeding import export

    url = harness.database(harness.QUICK_SCALE, folder)
    engine = make_engine(url)
    export(engine, folder / "csv", include_personal=True)
    engine.dispose()
    return url, folder / "csv" / "jobseekers.csv"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    harness.add_common_args(ap, ("200",))
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--csv", type=Path, default=Path("/tmp/gen200/jobseekers.csv"))
    ap.add_argument("--profile", action="store_true", help="cProfile of the import, to stderr")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind == "import":
            print(json.dumps(child_import(rest[0], rest[1], rest[2] == "1")))
        else:
            print(json.dumps(child_baseline(rest[0], rest[1])))
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.quick:
            source_url, csv_path = quick_inputs(folder)
            rows = 10**9
        else:
            source_url = args.n200_url or harness.database("200", folder)
            csv_path, rows = args.csv, args.rows
            if not csv_path.exists():
                subprocess.run(
                    [sys.executable, "-m", "data_access", "generate", "--communities", "200",
                     "--seed", str(harness.SEED), "--out", str(folder / "csv")],
                    cwd=harness.ROOT, check=True, stdout=subprocess.DEVNULL,
                )  # fmt: skip
                csv_path = folder / "csv" / "jobseekers.csv"
        file = folder / "jobseekers.csv"
        n = sliced(csv_path, rows, file)
        url = prepared_database(source_url, folder)
        baseline = harness.in_child(__file__, "baseline", str(folder), str(file))
        result = harness.in_child(__file__, "import", url, str(file), "1" if args.profile else "0")
        again = harness.in_child(
            __file__, "import", url, str(file), "0"
        )  # the same file twice: nothing changes
    scale = "N=5" if args.quick else "N=200"
    lines = harness.header(
        "Import of job seekers (`run_import`)",
        harness.command_line("bench_import.py", args),
        "The first rows of the generator's jobseekers.csv through `run_import` (reading, cells, "
        "schema, codes that must exist, ID check digits, upsert, data version) into a copy of "
        "the generated county (SQLite) without its job seekers: first every row is added, then "
        "the same file again (every row compared, nothing written). Each in a fresh process; peak "
        "= its maximum resident memory. Baseline = pandas.read_csv + to_sql of the same rows "
        "(no checks), same run. Goal: 100,000 rows ≤ 20 s, ≤ 1 GB.",
    )
    lines += [
        "| scale | rows | run | time (s) | rows/s | peak RSS (MB) | ÷ baseline time |",
        "|---|---|---|---|---|---|---|",
    ]
    for label, r in (
        ("import, all rows added", result),
        ("import again, nothing changed", again),
        ("baseline: read_csv + to_sql", baseline),
    ):
        lines.append(
            f"| {scale} | {n:,} | {label} | {r['seconds']:.2f} | {n / r['seconds']:,.0f} "
            f"| {r['rss_mb']:.0f} | {harness.ratio(r['seconds'], baseline['seconds'])} |"
        )
    if result["added"] != n or again["added"] or again["updated"]:
        lines += ["", f"Unexpected counts: first {result}, again {again}."]
    harness.publish("\n".join(lines) + "\n", args)


if __name__ == "__main__":
    main()
