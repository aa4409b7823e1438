"""Import of a file that fails on every row: a one-column CSV of 999,000 rows (one key repeated),
checked as the page checks it (`run_import`, dry run). Seconds, problems listed and counted,
peak resident memory of a fresh process, and the size of the problem workbook.

    python bench/bench_import_problems.py [--rows 999000] [--quick]

Goal (issue 31): at most 1,000 problems listed, the rest counted, in bounded memory — the page
went from 438 MB to 2.26 GB on this file before. Baseline (same run): the process reading the
same file with csv.reader into a list (no checks). `--quick`: 20,000 rows.
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from pathlib import Path

import harness

TABLE = "honours"


def one_column_csv(path: Path, rows: int) -> None:
    from data_access.importing.spec import header, table_spec

    column = table_spec(TABLE).key[0]
    with path.open("w", encoding="utf-8") as out:
        out.write(header(TABLE, column, "zh") + "\n")
        out.write("HX1\n" * rows)


def child_check(url: str, csv_path: str) -> dict:
    from data_access.admin.users import User
    from data_access.db import create_schema, make_engine
    from data_access.importing import run_import
    from data_access.importing.templates import problems_workbook

    engine = make_engine(url)
    create_schema(engine)
    data = Path(csv_path).read_bytes()
    t0 = time.perf_counter()
    result = run_import(engine, TABLE, data, "one-column.csv", User("bench", "admin"))
    took = time.perf_counter() - t0
    book = problems_workbook(data, result.problems)
    return {
        "seconds": took,
        "rows": result.rows,
        "listed": len(result.problems),
        "more": result.more_problems,
        "workbook_kb": len(book) / 1024,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def child_baseline(csv_path: str) -> dict:
    import csv

    t0 = time.perf_counter()
    with open(csv_path, encoding="utf-8") as f:
        rows = list(csv.reader(f))
    return {
        "seconds": time.perf_counter() - t0,
        "rows": len(rows) - 1,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    harness.add_common_args(ap, ("file",))
    ap.add_argument("--rows", type=int, default=999_000)
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        kind, *rest = args.child
        result = child_check(*rest) if kind == "check" else child_baseline(*rest)
        print(json.dumps(result))
        return
    rows = 20_000 if args.quick else args.rows
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        csv_path = folder / "one-column.csv"
        one_column_csv(csv_path, rows)
        size_mb = csv_path.stat().st_size / 1e6
        checked = harness.in_child(
            __file__, "check", f"sqlite:///{folder / 'empty.db'}", str(csv_path)
        )
        base = harness.in_child(__file__, "baseline", str(csv_path))
    lines = harness.header(
        "Import: a file failing on every row",
        harness.command_line("bench_import_problems.py", args),
        __doc__.split("\n\n")[2].replace("\n", " "),
    )
    lines += [
        "| rows | file MB | seconds | problems listed | counted, not listed | workbook KB "
        "| peak RSS MB | baseline (csv.reader) s / MB |",
        "|---|---|---|---|---|---|---|---|",
        f"| {checked['rows']:,} | {size_mb:.1f} | {checked['seconds']:.1f} | {checked['listed']:,} "
        f"| {checked['more']:,} | {checked['workbook_kb']:.0f} | {checked['rss_mb']:.0f} "
        f"| {base['seconds']:.1f} / {base['rss_mb']:.0f} |",
    ]
    harness.publish("\n".join(lines) + "\n", args)


if __name__ == "__main__":
    main()
