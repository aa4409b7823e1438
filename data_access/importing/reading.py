"""A file as the user gave it → its header and data rows, numbered as Excel numbers them.

The format is read from the bytes, not from the file name: XLSX / XLS workbooks (read with
python-calamine), or CSV in UTF-8, UTF-8 with a BOM, UTF-16 or GB18030 (GBK, what Excel saves as
"CSV" on Chinese Windows). Hostile files are refused before they cost memory (`limits.py`): the
size first, then for a workbook the ZIP's members and what its sheets unpack to, then the grid. The header row is the row among the first ten that names most of the
table's columns, so a title row above it or a two-row header with merged group cells is fine.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass

from python_calamine import CalamineWorkbook

from data_access.importing import limits
from data_access.importing.cells import normalise
from data_access.importing.spec import TableSpec, header
from data_access.text import input_forms, t

_LANG = "zh"
_ZIP = b"PK\x03\x04"
_OLE = bytes.fromhex("D0CF11E0A1B11AE1")
_HEADER_SEARCH_ROWS = 10


class FileProblem(ValueError):
    """The file cannot be read as a table at all (reason in Chinese)."""


@dataclass(frozen=True)
class SheetRows:
    """Data rows keyed by column name, each with its spreadsheet row number."""

    rows: list[tuple[int, dict[str, object]]]
    headers: dict[str, str]  # column name → the header as the file wrote it
    unknown_headers: tuple[str, ...]
    encoding: str  # 'xlsx', 'xls', 'utf-8', 'utf-8-sig', 'gb18030', ...


_GB18030_BOM = b"\x84\x31\x95\x33"


def _chinese(char: str) -> bool:
    code = ord(char)
    return char.isascii() or any(low <= code <= high for low, high in _CHINESE_TEXT)


# CJK ideographs (and extension A), CJK punctuation, full-width forms, general punctuation, ·
_CHINESE_TEXT = ((0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0x3000, 0x303F), (0xFF00, 0xFFEF),
                 (0x2000, 0x206F), (0xB7, 0xB7))  # fmt: skip


def _valid_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _reads_as_chinese_utf8(line: bytes) -> bool:
    """A line that is UTF-8 Chinese text: valid UTF-8, only Chinese beside ASCII, and at least
    three ideographs. GBK bytes can happen to be valid UTF-8 — two GBK ideographs (D2 BB D2 BB)
    read as U+04BB twice — and about one short GBK name in a thousand even reads as two Chinese
    characters; three did not happen in 600,000 random GBK names (bench-tested)."""
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    ideographs = sum(1 for c in text if 0x3400 <= ord(c) <= 0x9FFF)
    return ideographs >= 3 and all(_chinese(c) for c in text)


def _mixed_rows(body: bytes) -> tuple[int, int] | None:
    """(a line that reads as UTF-8, a line that does not) when a file that is not UTF-8 as a
    whole still has UTF-8 lines with Chinese in them: two encodings in one file, which no
    single decoding reads right (GB18030 turns a UTF-8 name into other, wrong ideographs).
    Lines are read one at a time, so the check costs no copy of the file."""
    utf8_line = other_line = None
    for number, line in enumerate(io.BytesIO(body), start=1):
        if line.isascii():
            continue
        if _reads_as_chinese_utf8(line):
            utf8_line = utf8_line or number
        elif not _valid_utf8(line):
            other_line = other_line or number
        if utf8_line and other_line:
            return utf8_line, other_line
    return None


def _decode(data: bytes) -> tuple[str, str]:
    """The text of a CSV, decoded with ONE encoding decided for the whole file: UTF-8 (with or
    without a BOM), UTF-16 (BOM), else GB18030 (GBK) — also behind a UTF-8 or GB18030 BOM, as
    some tools write one before GBK text. A file mixing UTF-8 and GBK lines is refused naming a
    line of each; the file's row numbers are its line numbers."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise FileProblem(t("import.file.encoding", _LANG)) from None
    body, bom = data, ""
    if data.startswith(codecs.BOM_UTF8):
        body, bom = data[len(codecs.BOM_UTF8) :], "utf-8-sig"
    elif data.startswith(_GB18030_BOM):
        body, bom = data[len(_GB18030_BOM) :], "gb18030-bom"
    if bom != "gb18030-bom":
        try:
            return body.decode("utf-8"), bom or "utf-8"
        except UnicodeDecodeError:
            pass
    mixed = _mixed_rows(body)
    if mixed:
        raise FileProblem(t("import.file.mixed_encoding", _LANG, utf8=mixed[0], other=mixed[1]))
    try:
        return body.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        raise FileProblem(t("import.file.encoding", _LANG)) from None


def _workbook_grid(data: bytes) -> list[list[object]]:
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheet = book.get_sheet_by_index(0)
    except Exception as exc:  # noqa: BLE001 — any reader failure is "not a workbook" to the user
        raise FileProblem(t("import.file.not_workbook", _LANG)) from exc
    # The reader's own extent (an XLS is not a ZIP the pre-check could read): refused before
    # every cell becomes a Python object.
    problem = limits.grid_problem(sheet.height, sheet.width)
    if problem:
        raise FileProblem(problem)
    try:
        return sheet.to_python(skip_empty_area=False)
    except Exception as exc:  # noqa: BLE001
        raise FileProblem(t("import.file.not_workbook", _LANG)) from exc


def _csv_grid(text: str) -> list[list[object]]:
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    grid: list[list[object]] = []
    cells = 0
    try:
        for row in csv.reader(io.StringIO(text), dialect):
            cells += len(row)
            # grid_problem's own bounds, tested inline: a call per row was a fifth of reading.
            if (
                len(row) > limits.MAX_COLUMNS
                or len(grid) >= limits.MAX_ROWS
                or cells > limits.MAX_CELLS
            ):
                problem = limits.grid_problem(len(grid) + 1, len(row), cells)
                if problem:
                    raise FileProblem(problem)
            grid.append(list(row))
    except csv.Error as exc:  # an unclosed quote or a field past the limit: not a table
        raise FileProblem(t("import.file.not_table", _LANG)) from exc
    return grid


def read_grid(data: bytes) -> tuple[list[list[object]], str]:
    """Every cell of the first sheet (or the CSV), row 0 being spreadsheet row 1."""
    problem = limits.size_problem(len(data))
    if problem:
        raise FileProblem(problem)
    if not data.strip(b" \t\r\n\x00"):
        raise FileProblem(t("import.file.empty", _LANG))
    if data.startswith(_ZIP):
        problem = limits.zip_problem(data)
        if problem:
            raise FileProblem(problem)
        return _workbook_grid(data), "xlsx"
    if data.startswith(_OLE):
        return _workbook_grid(data), "xls"
    text, encoding = _decode(data)
    return _csv_grid(text), encoding


def _header_key(text: object) -> str:
    return "".join(normalise(text).split()).lower()


def _known_headers(spec: TableSpec) -> dict[str, str]:
    """Normalised header text → column name: the Chinese header, the English one, the name."""
    known: dict[str, str] = {}
    for col in spec.columns:
        for text in (
            col.name,
            header(spec.name, col.name, "zh"),
            header(spec.name, col.name, "en"),
        ):
            known.setdefault(_header_key(text), col.name)
    return known


def _match(cell: object, known: dict[str, str]) -> str | None:
    key = _header_key(cell)
    if not key:
        return None
    if key in known:
        return known[key]
    # "社区代码(community_code)" or "社区代码\ncommunity_code": either part may name it.
    for opening, plain in input_forms.BRACKETS.items():
        key = key.replace(opening, plain)
    for part in key.replace(")", "(").split("("):
        if part and part in known:
            return known[part]
    return None


def _header_candidates(grid: list[list[object]], known: dict[str, str]):
    """(last header row index, {column index: cell}) for one-row headers and for two-row
    headers, where a group title merged across columns sits above the real headers and a
    header merged down over both rows is read from the upper cell."""
    top = grid[:_HEADER_SEARCH_ROWS]
    for index, row in enumerate(top):
        yield index, dict(enumerate(row))
        if index + 1 < len(grid):
            lower = grid[index + 1]
            merged = {}
            for i in range(max(len(row), len(lower))):
                below = lower[i] if i < len(lower) else ""
                above = row[i] if i < len(row) else ""
                merged[i] = below if _match(below, known) else above
            yield index + 1, merged


def rows_of(data: bytes, spec: TableSpec) -> SheetRows:
    grid, encoding = read_grid(data)
    known = _known_headers(spec)
    best_row, best_hits, header_cells = -1, 0, {}
    for index, cells in _header_candidates(grid, known):
        hits = len({_match(c, known) for c in cells.values()} - {None})
        if hits > best_hits:
            best_row, best_hits, header_cells = index, hits, cells
    if best_row < 0:
        raise FileProblem(t("import.file.no_header", _LANG))
    columns: dict[int, str] = {}
    headers: dict[str, str] = {}
    unknown: list[str] = []
    for i, cell in sorted(header_cells.items()):
        name = _match(cell, known)
        if name and name not in headers:
            columns[i] = name
            headers[name] = " ".join(str(cell).split())
        elif normalise(cell):
            unknown.append(normalise(cell))
    rows = []
    for index in range(best_row + 1, len(grid)):
        raw = grid[index]
        if all(not normalise(c) for c in raw):
            continue  # blank rows (Excel's trailing ones, spacer rows) are not data
        values = {name: (raw[i] if i < len(raw) else "") for i, name in columns.items()}
        rows.append((index + 1, values))
    return SheetRows(rows, headers, tuple(unknown), encoding)
