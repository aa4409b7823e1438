"""Loading a synthetic county (`scale`) into a database, or writing it as CSV files.

Two ways into the database, table by table in `DATA_TABLES` order:
- `validated`: through the import path (`run_import`), every check a county's own file gets —
  cells, schema, codes that must exist, ID check digits, coordinates inside the county;
- `bulk`: the same reading and typed parsing (`rows_of`, `parse_rows`; a cell problem stops the
  load), then plain INSERTs in batches, without the database-backed checks, for a city-sized
  county that validation would take too long on (numbers in bench/RESULTS.md).
`auto` validates up to `VALIDATE_UP_TO` communities and goes bulk above.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, func, select

from data_access.admin.users import User
from data_access.db import bump_data_version, create_schema
from data_access.importing import run_import, table_spec
from data_access.importing.reading import rows_of
from data_access.importing.validate import parse_rows
from data_access.models import Community
from data_access.tables import table
from data_access.text import t

_LANG = "zh"
GENERATOR = User("generator", "admin")
VALIDATE_UP_TO = 20
_BATCH = 5_000
_PART_ROWS = 500_000


class LoadError(Exception):
    def __init__(self, table_name: str, problems: list[str]):
        super().__init__(f"{table_name}: {'; '.join(problems[:5])}")
        self.table = table_name
        self.problems = problems


@dataclass
class LoadResult:
    mode: str
    rows: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def total_seconds(self) -> float:
        return sum(self.seconds.values())


def write_dir(tables: dict[str, str], out_dir: Path) -> dict[str, int]:
    """One CSV per table in out_dir; the row count per table."""
    out_dir.mkdir(parents=True, exist_ok=True)
    counts = {}
    for name, text in tables.items():
        (out_dir / f"{name}.csv").write_text(text, encoding="utf-8")
        counts[name] = text.count("\n") - 1
    return counts


def load(engine: Engine, tables: dict[str, str], mode: str = "auto") -> LoadResult:
    """Load the county into an empty database (schema created if need be)."""
    create_schema(engine)
    with engine.connect() as conn:
        if conn.execute(select(func.count()).select_from(Community)).scalar_one():
            raise LoadError("communities", [t("cli.generate.not_empty", _LANG)])
    if mode == "auto":
        communities = tables["communities"].count("\n") - 1
        mode = "validated" if communities <= VALIDATE_UP_TO else "bulk"
    result = LoadResult(mode)
    for name, text in tables.items():
        started = time.perf_counter()
        data = text.encode("utf-8")
        if mode == "validated":
            result.rows[name] = _validated(engine, name, data)
        else:
            result.rows[name] = _bulk(engine, name, data)
        result.seconds[name] = time.perf_counter() - started
    return result


def _validated(engine: Engine, name: str, data: bytes) -> int:
    outcome = run_import(engine, name, data, f"{name}.csv", GENERATOR, dry_run=False)
    if outcome.problems:
        raise LoadError(name, [p.line() for p in outcome.problems])
    return outcome.added


def _parts(data: bytes, rows: int = _PART_ROWS) -> list[bytes]:
    """The generator's CSV cut into files of at most `rows` rows, each with the header: an
    upload's row limit (1,000,000) is below what a city of 200 communities generates for its
    largest table. The generator writes no line break inside a cell, so lines are rows."""
    lines = data.splitlines(keepends=True)
    header, body = lines[:1], lines[1:]
    if len(body) <= rows:
        return [data]
    return [b"".join(header + body[i : i + rows]) for i in range(0, len(body), rows)]


def _bulk(engine: Engine, name: str, data: bytes) -> int:
    spec = table_spec(name)
    tbl = table(name)
    added = 0
    with engine.begin() as conn:
        for part in _parts(data):
            checked = parse_rows(spec, rows_of(part, spec))
            if checked.problems:
                raise LoadError(name, [p.line() for p in checked.problems])
            for start in range(0, len(checked.rows), _BATCH):
                conn.execute(tbl.insert(), checked.rows[start : start + _BATCH])
            added += len(checked.rows)
        bump_data_version(conn)
    return added
