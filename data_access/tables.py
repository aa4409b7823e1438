"""Reading and writing table rows as text (CSV cells), typed by the models' columns.

One parser for every path into the database (seed, import, forms), so a value means the
same whatever door it came through; problems are reported in Chinese with row and column.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Boolean, Date, DateTime, Float, Integer, Numeric, Table

from data_access.models import Base
from data_access.text import t

# Problems are reported in Chinese: the people who prepare import files read Chinese.
_LANG = "zh"
TRUE_WORDS = {"true", "1", "yes", "y", "t", t("data.bool.yes", _LANG)}
FALSE_WORDS = {"false", "0", "no", "n", "f", t("data.bool.no", _LANG)}


@dataclass(frozen=True)
class CellProblem:
    row: int  # 1-based data row number as a spreadsheet user counts it (header is row 1)
    column: str
    reason: str

    def __str__(self) -> str:
        return t("data.cell.problem", _LANG, row=self.row, column=self.column, reason=self.reason)


def table(name: str) -> Table:
    try:
        return Base.metadata.tables[name]
    except KeyError:
        raise KeyError(t("data.unknown_table", _LANG, name=name)) from None


def parse_cell(col, text: str | None) -> object:
    """Convert a CSV cell to the column's Python type; raise ValueError with a Chinese reason."""
    value = (text or "").strip()
    if value == "":
        if col.default is not None and col.default.is_scalar:
            return col.default.arg
        if col.nullable or col.server_default is not None:
            return None
        raise ValueError(t("data.cell.required", _LANG))
    kind = col.type
    if isinstance(kind, Boolean):
        low = value.lower()
        if low in TRUE_WORDS:
            return True
        if low in FALSE_WORDS:
            return False
        raise ValueError(t("data.cell.not_bool", _LANG, value=value))
    if isinstance(kind, Integer):
        try:
            number = float(value)
        except ValueError:
            raise ValueError(t("data.cell.not_integer", _LANG, value=value)) from None
        if not number.is_integer():
            raise ValueError(t("data.cell.not_integer", _LANG, value=value))
        return int(number)
    if isinstance(kind, Float | Numeric):
        try:
            return float(value)
        except ValueError:
            raise ValueError(t("data.cell.not_number", _LANG, value=value)) from None
    if isinstance(kind, DateTime):
        try:
            return dt.datetime.fromisoformat(value)
        except ValueError:
            raise ValueError(t("data.cell.not_datetime", _LANG, value=value)) from None
    if isinstance(kind, Date):
        try:
            return dt.date.fromisoformat(value.replace("/", "-"))
        except ValueError:
            raise ValueError(t("data.cell.not_date", _LANG, value=value)) from None
    length = getattr(kind, "length", None)
    if length and len(value) > length:
        raise ValueError(t("data.cell.too_long", _LANG, length=length))
    return value


def format_cell(value: object) -> str:
    """The CSV text of a value, the inverse of parse_cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_csv_rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        yield from csv.DictReader(fh)


def typed_rows(name: str, rows: Iterable[dict[str, str]]) -> tuple[list[dict], list[CellProblem]]:
    """Type every cell of every row; returns the rows and every problem found (none written yet)."""
    tbl = table(name)
    out, problems = [], []
    for number, raw in enumerate(rows, start=2):
        row = {}
        for col in tbl.columns:
            if col.name not in raw:
                if col.autoincrement is True or col.nullable or col.default is not None:
                    continue
                problems.append(CellProblem(number, col.name, t("data.cell.missing_column", _LANG)))
                continue
            try:
                row[col.name] = parse_cell(col, raw[col.name])
            except ValueError as exc:
                problems.append(CellProblem(number, col.name, str(exc)))
        out.append(row)
    return out, problems


def rows_to_csv(columns: list[str], rows: Iterable[Iterable[object]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([format_cell(v) for v in row])
    return buf.getvalue()
