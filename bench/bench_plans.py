"""Query plans: the SQL statements the pages run at N=200, explained on SQLite (EXPLAIN QUERY PLAN)
and PostgreSQL (EXPLAIN), with every full scan of a large table (> 10,000 rows) called out.

    python bench/bench_plans.py [--n200-url sqlite:////tmp/bench-n200.db]
                                [--pg-url postgresql+psycopg://postgres@127.0.0.1:5432/bench_n200]
                                [--quick]

For each database, one AppTest session (an admin signed in) runs every registered page with
st.cache_data cleared just before, so each page sends all of its statements; SQLAlchemy's
`before_cursor_execute` event records them with their parameters. Each distinct SELECT is then
explained on the same database with the same parameters. SQLite: a `SCAN table` step (no index
search) on a large table is a full scan; PostgreSQL: a `Seq Scan` node on a large table (the
planner's choice after ANALYZE). `--quick`: N=5 on SQLite only (no table is large there; the
threshold then is 0 rows so the path is exercised).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import harness

LARGE = 10_000
SCAN = re.compile(r"^SCAN (\w+)")


def sqlite_scans(cursor, statement: str, params) -> list[str]:
    cursor.execute("EXPLAIN QUERY PLAN " + statement, params)
    return [m.group(1) + (" (covering index)" if "COVERING INDEX" in d else "")
            for *_, d in cursor.fetchall() if (m := SCAN.match(d))]  # fmt: skip


def _seq_scans(node: dict) -> list[str]:
    found = [node["Relation Name"]] if node.get("Node Type") == "Seq Scan" else []
    for child in node.get("Plans", ()):
        found += _seq_scans(child)
    return found


def postgres_scans(cursor, statement: str, params) -> list[str]:
    cursor.execute("EXPLAIN (FORMAT JSON) " + statement, params)
    plan = cursor.fetchone()[0]
    plan = json.loads(plan) if isinstance(plan, str) else plan
    return _seq_scans(plan[0]["Plan"])


def table_rows(engine) -> dict[str, int]:
    from sqlalchemy import func, inspect, select, table

    with engine.connect() as conn:
        return {
            name: conn.execute(select(func.count()).select_from(table(name))).scalar_one()
            for name in inspect(engine).get_table_names()
        }


def child(url: str, large: int, timeout: float) -> dict:
    """In this process: capture every page's statements on `url`, explain them (JSON out)."""
    import os

    import streamlit as st

    os.environ["DATABASE_URL"] = url
    from bench_pages import Statements, always_run_entrypoint, run_checked

    always_run_entrypoint()
    from streamlit.testing.v1 import AppTest

    from components.auth import SESSION_KEY
    from components.data import engine
    from components.registry import PAGES
    from data_access.admin.users import User

    at = AppTest.from_file(str(harness.ROOT / "dashboard.py"), default_timeout=timeout)
    at.session_state[SESSION_KEY] = User(harness.ADMIN[0], "admin")
    captured: dict[str, list[tuple[str, object]]] = {}
    partial: list[str] = []
    for spec in PAGES:
        if spec.url_path:
            at.switch_page(spec.file)
        st.cache_data.clear()
        with Statements() as seen:
            try:
                run_checked(at)
            except RuntimeError:  # timed out: the statements sent until then still count
                partial.append(spec.file)
        captured[spec.file] = list(seen.seen)
        print(f"  {spec.file}: {len(seen.seen)} statements", file=sys.stderr)
    eng = engine()
    postgres = eng.dialect.name == "postgresql"
    if postgres:
        with eng.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    rows = table_rows(eng)
    pages = []
    raw = eng.raw_connection()
    try:
        cursor = raw.cursor()
        for page, statements in captured.items():
            distinct = {}
            for statement, params in statements:
                if statement.lstrip().upper().startswith(("SELECT", "WITH")):
                    distinct.setdefault(statement, params)
            scans = []
            for statement, params in distinct.items():
                found = (postgres_scans if postgres else sqlite_scans)(cursor, statement, params)
                big = [s for s in found if rows.get(s.split(" ")[0], 0) > large]
                if big:
                    scans.append({"tables": big, "sql": " ".join(statement.split())})
            pages.append({"page": page, "sent": len(statements), "distinct": len(distinct),
                          "scans": scans, "partial": page in partial})  # fmt: skip
    finally:
        raw.close()
    return {"backend": eng.dialect.name, "pages": pages,
            "large": {k: v for k, v in rows.items() if v > large}}  # fmt: skip


def run(url: str, large: int, timeout: float) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", url, str(large), str(timeout)],
        stdout=subprocess.PIPE, text=True, check=False,
    )  # fmt: skip
    if out.returncode:
        raise SystemExit(f"plans on {url.split('@')[-1]} failed (exit {out.returncode})")
    return json.loads(out.stdout.strip().splitlines()[-1])


def short(sql: str, width: int = 160) -> str:
    text = sql.replace("|", "\\|")
    return text if len(text) <= width else text[: width - 1] + "…"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    harness.add_common_args(ap, ("200",))
    ap.add_argument("--pg-url", help="a PostgreSQL database holding the generated N=200 county")
    ap.add_argument("--large", type=int, default=LARGE, help="rows of a large table")
    ap.add_argument("--timeout", type=float, default=900, help="seconds for one page run")
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(args.child[0], int(args.child[1]), float(args.child[2]))))
        return
    large = 0 if args.quick else args.large
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        scale = harness.QUICK_SCALE if args.quick else "200"
        url = harness.database(scale, Path(tmp), args.n200_url)
        results.append(run(url, large, args.timeout))
    if args.pg_url and not args.quick:
        results.append(run(args.pg_url, large, args.timeout))
    lines = harness.header(
        "Query plans of the pages",
        harness.command_line("bench_plans.py", args),
        f"Every SQL statement the pages send in one cold AppTest run each "
        f"({'N=5' if args.quick else 'N=200'}, st.cache_data cleared before each page), "
        "captured with SQLAlchemy's `before_cursor_execute`; each distinct SELECT explained with "
        'its own parameters. Full scan = SQLite `SCAN t` (no index search; "covering index" = '
        "the whole index read) or PostgreSQL `Seq Scan` (after ANALYZE) on a table of more than "
        f"{large:,} rows. Baseline: the number of statements and of distinct ones, per page.",
    )
    lines += [
        "| database | page | statements sent | distinct SELECTs | with a full scan of a large "
        "table | large tables scanned (statements) |",
        "|---|---|---|---|---|---|",
    ]
    details: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in results:
        for p in r["pages"]:
            count: dict[str, int] = defaultdict(int)
            for s in p["scans"]:
                for table in s["tables"]:
                    count[table] += 1
                details[(r["backend"], s["sql"])].add(Path(p["page"]).stem)
            scanned = ", ".join(f"{t} ({n})" for t, n in sorted(count.items())) or "none"
            cut = f" (run cut off after {args.timeout:.0f} s: statements until then)" * p["partial"]
            lines.append(
                f"| {r['backend']} | `{p['page']}`{cut} | {p['sent']} | {p['distinct']} "
                f"| {len(p['scans'])} | {scanned} |"
            )
    for r in results:
        big = ", ".join(f"{k} {v:,}" for k, v in sorted(r["large"].items(), key=lambda kv: -kv[1]))
        lines += ["", f"Large tables ({r['backend']}): {big or 'none'}"]
    if details:
        lines += ["", "<details><summary>The statements with a full scan of a large table</summary>",
                  "", "| database | pages | statement |", "|---|---|---|"]  # fmt: skip
        for (backend, sql), pages in sorted(details.items()):
            lines.append(f"| {backend} | {', '.join(sorted(pages))} | `{short(sql)}` |")
        lines += ["", "</details>"]
    harness.publish("\n".join(lines) + "\n", args)


if __name__ == "__main__":
    main()
