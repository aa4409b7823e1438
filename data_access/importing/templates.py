"""Workbooks clerks fill in and get back: a template per table, the problems of a refused file
with its bad cells highlighted, and the whole database as a ZIP of filled-in templates.

A template's first sheet has the Chinese headers (the column name as a cell note), drop-down
lists for coded columns, text format for codes and ID numbers (so Excel keeps every digit), date
and money formats, and one example row taken from the sample county; the second sheet is the
table's data dictionary.

Text from the data that a spreadsheet would evaluate (= + - @ first) is written as quote-prefixed
string cells (`formula_guard`), never as formulas, with the value unchanged: templates and the
problem workbook are opened by clerks, and a backup must still restore every value exactly —
which a leading apostrophe in the value would break.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterable

from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from sqlalchemy import select
from sqlalchemy.engine import Engine

from data_access import vocab
from data_access.admin.users import User
from data_access.backup_crypto import SealProblem, is_sealed, seal, unseal
from data_access.formula_guard import harden_cells
from data_access.importing import limits
from data_access.importing.apply import ImportResult, restore_tables
from data_access.importing.spec import (
    ColumnSpec,
    header,
    importable_tables,
    table_spec,
    table_title,
)
from data_access.importing.validate import Problem
from data_access.models import AuditLog, Base
from data_access.tables import read_csv_rows
from data_access.text import join, t

_LANG = "zh"
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_BAD_FILL = PatternFill("solid", fgColor="FFC7CE")
_FORMATS = {
    "date": "yyyy-mm-dd",
    "datetime": "yyyy-mm-dd hh:mm",
    "money": "#,##0.00",
    "integer": "0",
    "number": "0.000000",
    "month": "@",
    "text": "@",
    "id_number": "@",
    "code": "@",
    "bool": "@",
}
_DATA_ROWS = 2000  # validation and formats reach this far down the sheet


def _example_row(table: str) -> dict[str, str]:
    from data_access.seeding import SAMPLE_DIR

    path = SAMPLE_DIR / f"{table}.csv"
    if not path.exists():
        return {}
    return next(iter(read_csv_rows(path)), {})


def _display(col: ColumnSpec, value: object) -> object:
    """A stored value as a clerk would type it: coded values as their Chinese labels."""
    if value is None or value == "":
        return None
    if col.kind == "code" and col.vocabulary:
        return vocab.label(col.vocabulary, str(value), _LANG)
    if col.kind in ("date", "datetime") and isinstance(value, str):
        return dt.date.fromisoformat(value[:10])
    if col.kind in ("money", "number") and isinstance(value, str):
        return float(value)
    if col.kind == "integer" and isinstance(value, str):
        return int(float(value))
    if col.kind == "bool":
        truthy = value is True or str(value).lower() == "true"
        return t("data.bool.yes" if truthy else "data.bool.no", _LANG)
    return value


_POSITION_RULES = {
    "lat": "template.position.lat",
    "lon": "template.position.lon",
    "geometry": "template.position.line",
}


def _rule(col: ColumnSpec) -> str:
    parts = [t(f"template.kind.{col.kind}", _LANG)]
    if col.vocabulary and col.kind == "code":
        labels = [vocab.label(col.vocabulary, c, _LANG) for c in vocab.VOCABULARIES[col.vocabulary]]
        parts.append(t("template.allowed", _LANG, values=join(labels, _LANG)))
    if col.references:
        parts.append(t("template.references", _LANG, table=table_title(col.references[0])))
    if col.key:
        parts.append(t("template.key", _LANG))
    if col.name in _POSITION_RULES:  # the system matters: a web map's coordinates are shifted
        parts.append(t(_POSITION_RULES[col.name], _LANG))
    return t("template.rule_sep", _LANG).join(parts)


def _write_sheet(ws, table: str, rows: Iterable[dict]) -> None:
    spec = table_spec(table)
    for i, col in enumerate(spec.columns, start=1):
        cell = ws.cell(row=1, column=i, value=header(table, col.name))
        cell.font = Font(bold=True, color="C00000" if col.required else "000000")
        cell.fill = _HEADER_FILL
        cell.comment = Comment(f"{col.name}\n{_rule(col)}", "dashboard")
        letter = get_column_letter(i)
        ws.column_dimensions[letter].width = max(12, len(header(table, col.name)) * 2 + 2)
        if col.kind == "code" and col.vocabulary:
            labels = [
                vocab.label(col.vocabulary, c, _LANG) for c in vocab.VOCABULARIES[col.vocabulary]
            ]
            check = DataValidation(type="list", formula1=f'"{",".join(labels)}"', allow_blank=True)
            check.error = t("template.pick", _LANG)
            check.showErrorMessage = not col.open_vocabulary
            ws.add_data_validation(check)
            check.add(f"{letter}2:{letter}{_DATA_ROWS}")
    ws.freeze_panes = "A2"
    number = 2
    for number, row in enumerate(rows, start=2):
        for i, col in enumerate(spec.columns, start=1):
            cell = ws.cell(row=number, column=i, value=_display(col, row.get(col.name)))
            cell.number_format = _FORMATS[col.kind]
            harden_cells((cell,))
    for i, col in enumerate(spec.columns, start=1):
        # The column's own format, so what a clerk types below (ID digits, dates) keeps its form.
        ws.column_dimensions[get_column_letter(i)].number_format = _FORMATS[col.kind]


def _write_dictionary(ws, table: str) -> None:
    spec = table_spec(table)
    titles = [t(f"template.dict.{k}", _LANG) for k in ("header", "name", "required", "rule")]
    ws.append(titles)
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
    for col in spec.columns:
        required = t("data.bool.yes" if col.required else "data.bool.no", _LANG)
        ws.append([header(table, col.name), col.name, required, _rule(col)])
    for letter, width in zip("ABCD", (24, 26, 10, 80), strict=True):
        ws.column_dimensions[letter].width = width


def template(table: str) -> bytes:
    """The XLSX template of `table`, with one example row from the sample county."""
    book = Workbook()
    sheet = book.active
    sheet.title = table_title(table)[:31]
    example = _example_row(table)
    _write_sheet(sheet, table, [example] if example else [])
    _write_dictionary(book.create_sheet(t("template.dict.sheet", _LANG)), table)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def problems_workbook(data: bytes, problems: list[Problem]) -> bytes:
    """The problems as a sheet (row, column, value, reason); for an XLSX upload also the file
    itself with every bad cell filled red and its reason as a note."""
    book = Workbook()
    sheet = book.active
    sheet.title = t("template.problems.sheet", _LANG)
    sheet.append([t(f"template.problems.{k}", _LANG) for k in ("row", "column", "value", "reason")])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for p in problems:
        sheet.append([p.row, p.column, p.value, p.reason])
    harden_cells(c for row in sheet.iter_rows(min_row=2) for c in row)
    for letter, width in zip("ABCD", (8, 22, 28, 80), strict=True):
        sheet.column_dimensions[letter].width = width
    # The upload itself is opened again only when the import's own limits let it through: a
    # refused ZIP bomb must not reach openpyxl here either.
    safe = limits.size_problem(len(data)) is None and limits.zip_problem(data) is None
    if data.startswith(b"PK\x03\x04") and safe:
        marked = _marked_copy(data, problems, sheet)
        if marked is not None:
            return marked
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _plain(value: object) -> object:
    """A cell value as data: numbers, dates and text stay; anything else (an array formula, an
    error object) becomes its text."""
    if value is None or isinstance(value, str | int | float | dt.date | dt.time | dt.timedelta):
        return value
    return str(value)


def _marked_copy(data: bytes, problems: list[Problem], listing) -> bytes | None:
    """The problem list, then the upload's first sheet with every bad cell red and its reason as
    a note — rebuilt value by value in a new workbook, so nothing of the upload but its values
    comes back: no formula (a cell reading `=HYPERLINK(…)` or `=cmd|' /C calc'!A0` is a
    quote-prefixed text cell), no hyperlink, no external link, no macro, no defined name."""
    try:
        source = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        upload = source.worksheets[0]
        book = Workbook()
        problem_sheet = book.active
        problem_sheet.title = listing.title
        for row in listing.iter_rows(values_only=True):
            problem_sheet.append(list(row))
        for cell in problem_sheet[1]:
            cell.font = Font(bold=True)
        for letter, width in zip("ABCD", (8, 22, 28, 80), strict=True):
            problem_sheet.column_dimensions[letter].width = width
        ws = book.create_sheet(str(upload.title)[:31] or "data")
        for row in upload.iter_rows(values_only=True):
            ws.append([_plain(v) for v in row])
        source.close()
    except Exception:  # noqa: BLE001 — the problem list alone is still useful
        return None
    for target in (problem_sheet, ws):
        for row in target.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # openpyxl reads a text starting with = as a formula
        harden_cells(c for row in target.iter_rows() for c in row)
    headers = {}
    for row in ws.iter_rows(min_row=1, max_row=10):
        for cell in row:
            if cell.value is not None:
                headers.setdefault(str(cell.value).strip(), cell.column)
    for p in problems:
        column = headers.get(p.column)
        if p.row and column:
            cell = ws.cell(row=p.row, column=column)
            cell.fill = _BAD_FILL
            cell.comment = Comment(p.reason, "dashboard")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def backup_zip(engine: Engine, actor: str) -> bytes:
    """Every data table as a filled-in template, in load order, names and ID numbers in clear
    (a backup must restore); recorded in the audit log as a personal export."""
    with engine.begin() as conn:
        conn.execute(
            AuditLog.__table__.insert().values(
                at=dt.datetime.now().replace(microsecond=0),
                actor=actor[:100],
                action="backup",
                tables=",".join(importable_tables()),
                rows=0,
                personal=True,
                result="ok",
            )
        )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive, engine.connect() as conn:
        for order, table in enumerate(importable_tables(), start=1):
            tbl = Base.metadata.tables[table]
            rows = [dict(r) for r in conn.execute(select(tbl)).mappings()]
            book = Workbook(write_only=False)
            _write_sheet(book.active, table, rows)
            buf = io.BytesIO()
            book.save(buf)
            archive.writestr(f"{order:02d}_{table}.xlsx", buf.getvalue())
    return out.getvalue()


def sealed_backup(engine: Engine, actor: str, passphrase: str) -> bytes:
    """The backup ZIP encrypted with `passphrase` (data_access.backup_crypto): what the command
    line writes and the page hands out."""
    return seal(backup_zip(engine, actor), passphrase)


class BackupProblem(ValueError):
    """The archive is not a backup this app can restore (reason in Chinese)."""


def backup_files(archive: bytes) -> list[tuple[str, bytes]]:
    """(table, file bytes) of a backup ZIP, in load order. Only members named like a backup's
    tables are read, each only when its declared size is within the import's file limit (a
    member unpacking past its declared size fails its CRC check), so a hostile archive cannot
    take the memory before the import's own checks see the file."""
    known = set(importable_tables())
    try:
        with zipfile.ZipFile(io.BytesIO(archive)) as z:
            infos = [
                i
                for i in z.infolist()
                if i.filename.endswith(".xlsx")
                and "_" in i.filename
                and i.filename.split("_", 1)[1].removesuffix(".xlsx") in known
            ]
            if not infos or len(infos) > len(known):
                raise BackupProblem(t("import.backup.not_backup", _LANG))
            for info in infos:
                problem = limits.size_problem(info.file_size)
                if problem:
                    raise BackupProblem(f"{info.filename}: {problem}")
            return [
                (i.filename.split("_", 1)[1].removesuffix(".xlsx"), z.read(i))
                for i in sorted(infos, key=lambda i: i.filename)
            ]
    except BackupProblem:
        raise
    except Exception as exc:  # noqa: BLE001 — any ZIP reader failure: not a backup
        raise BackupProblem(t("import.backup.not_backup", _LANG)) from exc


def restore_zip(
    engine: Engine, archive: bytes, user: User, passphrase: str | None = None
) -> list[ImportResult]:
    """Import every table of a backup in load order, in one transaction: the first refused table
    (its result is the last one returned) leaves the database as it was. An encrypted backup
    needs its passphrase (BackupProblem when it is missing or wrong); a clear ZIP made before
    backups were encrypted is read as it is. The target should be empty: rows already there are
    upserted by key, not removed."""
    if is_sealed(archive):
        if not passphrase:
            raise BackupProblem(t("backup.sealed.wrong", _LANG))
        try:
            archive = unseal(archive, passphrase)
        except SealProblem as exc:
            raise BackupProblem(str(exc)) from None
    return restore_tables(engine, backup_files(archive), user)
