"""Load the sample county into the database (idempotent) and export every table to CSV (masked)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, delete, func, select
from sqlalchemy.exc import IntegrityError

from data_access.db import PROJECT_DIR, bump_data_version, create_schema, is_empty
from data_access.files_at_rest import private_folder, write_private
from data_access.formula_guard import csv_text
from data_access.models import DATA_TABLES, AuditLog
from data_access.privacy import mask
from data_access.tables import read_csv_rows, rows_to_csv, table, typed_rows
from data_access.text import t

SAMPLE_DIR = PROJECT_DIR / "sample_data"


class SeedError(Exception):
    """The sample files are invalid; nothing was written."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class SeedResult:
    inserted: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)

    @property
    def total_inserted(self) -> int:
        return sum(self.inserted.values())


def _read_sample(directory: Path) -> dict[str, list[dict]]:
    loaded, problems = {}, []
    for name in DATA_TABLES:
        path = directory / f"{name}.csv"
        if not path.exists():
            problems.append(t("data.file_missing", "zh", file=path.name))
            continue
        rows, bad = typed_rows(name, read_csv_rows(path))
        problems.extend(f"{path.name} {p}" for p in bad)
        loaded[name] = rows
    if problems:
        raise SeedError(problems)
    return loaded


def seed(engine: Engine, directory: Path | None = None, replace: bool = False) -> SeedResult:
    """Insert every sample row whose key is not in the database yet, in one transaction.

    Running it twice inserts nothing the second time; rows already present (perhaps edited by
    users) are left alone. With replace=True the sample tables are emptied and reloaded.
    """
    data = _read_sample(directory or SAMPLE_DIR)
    create_schema(engine)
    result = SeedResult()
    with engine.begin() as conn:
        if replace:
            for name in reversed(DATA_TABLES):
                conn.execute(delete(table(name)))
        for name in DATA_TABLES:
            tbl = table(name)
            pk = list(tbl.primary_key.columns)
            existing = {tuple(r) for r in conn.execute(select(*pk))}
            fresh = [r for r in data[name] if tuple(r[c.name] for c in pk) not in existing]
            if fresh:
                conn.execute(tbl.insert(), fresh)
            result.inserted[name] = len(fresh)
            result.skipped[name] = len(data[name]) - len(fresh)
        if result.total_inserted or replace:
            bump_data_version(conn)
    return result


def ensure_ready(engine: Engine) -> bool:
    """Create the schema and load the sample county when the database has no community; True if seeded."""
    create_schema(engine)
    with engine.connect() as conn:
        empty = is_empty(conn)
    if not empty:
        return False
    try:
        seed(engine)
    except IntegrityError:
        # Another app process seeded the same rows a moment earlier (PostgreSQL, several servers).
        with engine.connect() as conn:
            if is_empty(conn):
                raise
        return False
    return True


EXPORTED_TABLES: tuple[str, ...] = (*DATA_TABLES, "audit_log")  # never users (password hashes)


def personal_columns(name: str) -> dict[str, str]:
    """column → kind ('name', 'id_number' or 'birth_date') of a table's personal columns (models'
    `info`)."""
    return {c.name: c.info["personal"] for c in table(name).columns if "personal" in c.info}


def export(
    engine: Engine, directory: Path, *, include_personal: bool = False, actor: str = ""
) -> dict[str, int]:
    """Write every data table and the audit log to DIR/<table>.csv; returns row counts.

    Personal columns are masked unless include_personal (data_access.privacy: 张*明,
    629901************, birth dates as the year), so that no ID number can be rebuilt from what
    the files hold together; either way the export is recorded in the audit log (who, when, which
    tables, whether personal columns left in clear) before the files are written, so no export
    goes unrecorded.
    """
    private_folder(directory)
    counts: dict[str, int] = {}
    with engine.begin() as conn:
        for name in DATA_TABLES:
            counts[name] = conn.execute(select(func.count()).select_from(table(name))).scalar_one()
        conn.execute(
            AuditLog.__table__.insert().values(
                at=dt.datetime.now(),
                actor=actor or "unknown",
                action="export",
                tables=",".join(EXPORTED_TABLES),
                file_name=str(directory.resolve())[:500],
                rows=sum(counts.values()),
                personal=include_personal,
                result="ok",
            )
        )
    with engine.connect() as conn:
        for name in EXPORTED_TABLES:
            tbl = table(name)
            rows = conn.execute(select(tbl).order_by(*tbl.primary_key.columns)).all()
            masks = {} if include_personal else personal_columns(name)
            columns = [c.name for c in tbl.columns]
            if masks:
                rows = [
                    [
                        mask(masks[c], v) if c in masks else v
                        for c, v in zip(columns, row, strict=True)
                    ]
                    for row in rows
                ]
            # Opened in spreadsheets: text that would be a formula gets its apostrophe.
            rows = [[csv_text(v) for v in row] for row in rows]
            write_private(directory / f"{name}.csv", rows_to_csv(columns, rows))
            counts[name] = len(rows)
    return counts


def row_counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {
            name: conn.execute(select(func.count()).select_from(table(name))).scalar_one()
            for name in DATA_TABLES
        }
