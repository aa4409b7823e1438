"""Check a file, show what it would change, and write it all or nothing.

`run_import` is the one implementation behind the page and `python -m data_access import`.
With `replace` (the street network only: `import roads FILE --replace`) the rows missing from
the file are deleted in the same transaction, and the result lists the keys added, changed and
removed, so a dry run shows what a cleaned street file will do before it does it.
Nothing is written while any problem remains. A dry run makes the writes inside a transaction,
reads the headline figures before and after, and rolls back; a real run commits the same writes
and bumps the data version, so every page shows the new data on its next run. Rows are upserted
by the table's key, so importing the same file twice changes nothing the second time. Every
attempt goes to the audit log.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from sqlalchemy import and_, or_, select, tuple_
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, IntegrityError

from data_access.admin.users import User
from data_access.db import bump_data_version
from data_access.importing.domain_checks import check_domain
from data_access.importing.extent import china_extent, county_extent
from data_access.importing.figures import (  # noqa: F401  (headline_*: the bench and tests)
    HEADLINE_METRICS,
    figures_after,
    figures_before,
    headline_figures,
    headline_filters,
)
from data_access.importing.geojson import looks_like_geojson, rows_of_geojson
from data_access.importing.gis_formats import other_gis_format
from data_access.importing.network_checks import network_warnings
from data_access.importing.osm import looks_like_pbf, rows_of_pbf
from data_access.importing.preview import Preview, of_rows
from data_access.importing.reading import FileProblem, SheetRows, rows_of
from data_access.importing.spec import TableSpec, table_spec
from data_access.importing.validate import Problem, check_schema, parse_rows
from data_access.models import AuditLog, Base
from data_access.text import t

_LANG = "zh"
_CHUNK = 500
REPLACEABLE = ("roads",)  # a whole network a county re-exports; never people's records


@dataclass(frozen=True)
class FigureChange:
    key: str
    before: float | None
    after: float | None

    @property
    def changed(self) -> bool:
        return self.before != self.after


@dataclass
class ImportResult:
    table: str
    file_name: str
    sha256: str
    rows: int = 0
    encoding: str = ""
    problems: list[Problem] = field(default_factory=list)
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    figures: list[FigureChange] = field(default_factory=list)
    written: bool = False
    dry_run: bool = True
    removed: int = 0
    warnings: list[str] = field(default_factory=list)  # the network left behind (network_checks)
    # With replace: the keys (joined with "/") of the rows added, changed and removed.
    added_keys: list[str] = field(default_factory=list)
    updated_keys: list[str] = field(default_factory=list)
    removed_keys: list[str] = field(default_factory=list)
    more_problems: int = 0  # found past the listed ones (validate.MAX_PROBLEMS), counted only
    # A dry run of streets or places: what the page draws over the boundaries (preview.py).
    preview: Preview | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def refused_rows(self) -> int:
        return len({p.row for p in self.problems if p.row is not None})


# Amounts and areas are the same within half a cent (a file's 12.345 against the stored 12.35);
# a position is the same only within about a centimetre: at 0.005° a compound moved 500 m
# re-imported as unchanged and stayed where it was.
_TOLERANCE = 0.005
_COORDINATE_TOLERANCE = 1e-7  # degrees
COORDINATES = frozenset({"lat", "lon"})


def _same(a: object, b: object, tolerance: float = _TOLERANCE) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        try:
            return abs(float(a) - float(b)) < tolerance  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return False
    if isinstance(a, dt.datetime) and isinstance(b, dt.date) and not isinstance(b, dt.datetime):
        return a.date() == b
    return a == b


def _existing_rows(conn: Connection, spec: TableSpec, keys: list[tuple]) -> dict[tuple, dict]:
    tbl = Base.metadata.tables[spec.name]
    key_cols = [tbl.c[k] for k in spec.key]
    found: dict[tuple, dict] = {}
    for start in range(0, len(keys), _CHUNK):
        chunk = keys[start : start + _CHUNK]
        if len(key_cols) == 1:
            where = key_cols[0].in_([k[0] for k in chunk])
        elif conn.dialect.name == "postgresql":
            where = tuple_(*key_cols).in_(chunk)
        else:
            where = or_(*(and_(*(c == v for c, v in zip(key_cols, k, strict=True))) for k in chunk))
        got = conn.execute(select(tbl).where(where))
        names = list(got.keys())
        at = [names.index(k) for k in spec.key]
        for values in got:  # rows are tuples
            found[tuple(values[i] for i in at)] = dict(zip(names, values, strict=True))
    return found


def _write(
    conn: Connection, spec: TableSpec, rows: list[dict], result: ImportResult, replace: bool
) -> None:
    tbl = Base.metadata.tables[spec.name]
    keys = [tuple(r[k] for k in spec.key) for r in rows]
    existing = _existing_rows(conn, spec, keys)
    inserts, updates, kinds = [], [], []
    for key, row in zip(keys, rows, strict=True):
        old = existing.get(key)
        if old is None:
            inserts.append(row)
            kinds.append("added")
        elif all(
            v == old[c]  # == first: cheap
            or _same(v, old[c], _COORDINATE_TOLERANCE if c in COORDINATES else _TOLERANCE)
            for c, v in row.items()
        ):
            result.unchanged += 1
            kinds.append("same")
        else:
            updates.append((key, row))
            kinds.append("changed")
    if inserts:
        # Columns missing from the file take their defaults: insert row by row shape.
        shapes: dict[frozenset, list[dict]] = {}
        for r in inserts:
            shapes.setdefault(frozenset(r), []).append(r)
        for same_columns in shapes.values():
            conn.execute(tbl.insert(), same_columns)
    for key, row in updates:
        where = and_(*(tbl.c[k] == v for k, v in zip(spec.key, key, strict=True)))
        conn.execute(tbl.update().where(where).values(**row))
    result.added, result.updated = len(inserts), len(updates)
    if replace:
        result.added_keys = sorted(
            "/".join(map(str, tuple(r[k] for k in spec.key))) for r in inserts
        )
        result.updated_keys = sorted("/".join(map(str, key)) for key, _ in updates)
    removed = _remove_missing(conn, spec, set(keys), result) if replace else []
    if result.dry_run:
        shapes = [*zip(kinds, rows, strict=True), *(("removed", r) for r in removed)]
        result.preview = of_rows(spec.name, shapes)


def _remove_missing(
    conn: Connection, spec: TableSpec, keep: set[tuple], result: ImportResult
) -> list[dict]:
    """Delete the rows whose key the file does not hold (replace); a dry run returns them, for
    its preview."""
    tbl = Base.metadata.tables[spec.name]
    key_cols = [tbl.c[k] for k in spec.key]
    found = conn.execute(select(tbl) if result.dry_run else select(*key_cols)).mappings()
    rows = [r for r in found if tuple(r[k] for k in spec.key) not in keep]
    gone = [tuple(r[k] for k in spec.key) for r in rows]
    for start in range(0, len(gone), _CHUNK):
        chunk = [k[0] for k in gone[start : start + _CHUNK]]
        conn.execute(tbl.delete().where(key_cols[0].in_(chunk)))
    result.removed = len(gone)
    result.removed_keys = sorted("/".join(map(str, k)) for k in gone)
    return [dict(r) for r in rows] if result.dry_run else []


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _log(engine: Engine, result: ImportResult, user: User, outcome: str) -> None:
    message = "\n".join(p.line() for p in result.problems[:200]) or None
    if result.removed and not result.problems:
        message = t("import.replace.logged", _LANG, count=result.removed)
    with engine.begin() as conn:
        conn.execute(
            AuditLog.__table__.insert().values(
                at=dt.datetime.now().replace(microsecond=0),
                actor=user.name[:100],
                action="import",
                tables=result.table,
                file_name=result.file_name[:500],
                file_sha256=result.sha256,
                rows=result.rows,
                rows_added=result.added,
                rows_updated=result.updated,
                rows_refused=result.refused_rows,
                personal=False,
                result=outcome,
                message=message,
            )
        )


def check_file(
    conn: Connection, table: str, data: bytes, user: User, coordinates: str = "wgs84"
) -> tuple[ImportResult, list[dict]]:
    """Every problem of the file (nothing written) and its typed rows."""
    spec = table_spec(table)
    result = ImportResult(table, "", _sha256(data))
    try:
        other = other_gis_format(data)
        if other:
            raise FileProblem(other)
        if looks_like_pbf(data):
            extent = county_extent(conn) or china_extent()
            sheet: SheetRows = rows_of_pbf(data, spec, extent)
        elif looks_like_geojson(data):
            sheet = rows_of_geojson(data, spec, coordinates)
        else:
            sheet = rows_of(data, spec)
    except FileProblem as exc:
        result.problems.append(Problem(None, "", "", str(exc)))
        return result, []
    result.encoding = sheet.encoding
    result.rows = len(sheet.rows)
    if not sheet.rows:
        result.problems.append(Problem(None, "", "", t("import.file.no_rows", _LANG)))
        return result, []
    checked = parse_rows(spec, sheet, coordinates)
    check_schema(checked, sheet)
    # The database's checks only for a file that could pass: past the limit of listed problems
    # the user has enough to fix first.
    if not any(p.row is None for p in checked.problems) and not checked.problems.full:
        check_domain(conn, checked, sheet, user, coordinates)
    result.more_problems = checked.problems.more
    result.problems = sorted(checked.problems, key=lambda p: (p.row or 0, p.column))
    return result, checked.rows


def run_import(
    engine: Engine,
    table: str,
    data: bytes,
    file_name: str,
    user: User,
    *,
    dry_run: bool = True,
    coordinates: str = "wgs84",
    replace: bool = False,
) -> ImportResult:
    """Check `data` as rows of `table`; with no problem, show (dry run) or make the changes.
    With `replace`, rows of `table` missing from the file are deleted in the same transaction."""
    refusal = None
    if user.role not in ("editor", "admin"):
        refusal = t("import.refused.viewer", _LANG)
    elif replace and table not in REPLACEABLE:
        refusal = t("import.replace.not_allowed", _LANG)
    elif replace and user.role != "admin":
        refusal = t("import.refused.county_table", _LANG)
    if refusal:
        result = ImportResult(table, file_name, _sha256(data), dry_run=dry_run)
        result.problems.append(Problem(None, "", "", refusal))
        _log(engine, result, user, "refused")
        return result
    with engine.connect() as conn:
        result, rows = check_file(conn, table, data, user, coordinates)
        result.file_name, result.dry_run = file_name, dry_run
        if result.problems:
            conn.rollback()
            if dry_run:  # where a refused file lies (another county, a crs mixed up) shows too
                result.preview = of_rows(table, [("file", r) for r in rows])
            _log(engine, result, user, "refused")
            return result
        trans = conn.begin() if not conn.in_transaction() else conn.get_transaction()
        try:
            before = figures_before(conn)
            _write(conn, table_spec(table), rows, result, replace)
            changed = bool(result.added or result.updated or result.removed)
            if changed:
                result.warnings = network_warnings(conn, table)
            after = figures_after(conn, before, {table} if changed else set())
            result.figures = [FigureChange(k, before.values[k], after[k]) for k in HEADLINE_METRICS]
            if dry_run or not changed:
                trans.rollback()
            else:
                bump_data_version(conn)
                trans.commit()
                result.written = True
        except (IntegrityError, DBAPIError) as exc:
            trans.rollback()
            # Parameters are hidden by the engine; the database's own reason names the rule.
            reason = str(getattr(exc, "orig", exc)).splitlines()[0][:300]
            result.problems.append(
                Problem(None, "", "", t("import.db_refused", _LANG, reason=reason))
            )
            result.added = result.updated = result.unchanged = result.removed = 0
            _log(engine, result, user, "failed")
            return result
    _log(engine, result, user, "dry_run" if dry_run else "ok")
    return result


def restore_tables(
    engine: Engine, files: list[tuple[str, bytes]], user: User
) -> list[ImportResult]:
    """Import (table, file) pairs in order, all in ONE transaction: the first table with a
    problem (or a write the database refuses) rolls every table back, so a broken backup leaves
    the database as it was — empty, ready for the next restore. The result of the refused table
    is the last one returned; each table's attempt goes to the audit log."""
    results: list[ImportResult] = []
    with engine.connect() as conn:
        trans = conn.begin()
        try:
            for table, data in files:
                # Later tables are checked against the rows of earlier ones, read inside the
                # same transaction.
                result, rows = check_file(conn, table, data, user)
                result.file_name, result.dry_run = f"backup:{table}", False
                results.append(result)
                if result.problems:
                    break
                _write(conn, table_spec(table), rows, result, replace=False)
        except (IntegrityError, DBAPIError) as exc:
            reason = str(getattr(exc, "orig", exc)).splitlines()[0][:300]
            results[-1].problems.append(
                Problem(None, "", "", t("import.db_refused", _LANG, reason=reason))
            )
        if results and results[-1].problems:
            trans.rollback()
            for result in results:
                result.added = result.updated = result.unchanged = 0
        else:
            bump_data_version(conn)
            trans.commit()
            for result in results:
                result.written = True
    for result in results:
        outcome = "refused" if result.problems else ("ok" if result.written else "failed")
        _log(engine, result, user, outcome)
    return results
