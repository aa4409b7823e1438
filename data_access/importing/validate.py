"""Every problem of an import file, found before anything is written.

Three passes, each adding to one list of problems (row as Excel numbers it, column as the file's
header reads, the value, the reason in Chinese):
1. cells: each value parsed by its column's kind (`cells.py`);
2. the table's schema, checked with pandera (lazy: every failure at once) — required cells,
   allowed codes, no negative counts or money, text length, coordinates in range, no key twice;
3. the domain, which needs the database — codes that must exist, dates in order, ID check
   digits and an ID number already registered under another key, places and streets inside
   the county and lined up in the declared coordinate system (`extent.py`), and rows outside
   the communities an editor may import (`domain_checks.py`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import pandas as pd
import pandera.pandas as pa

from data_access import vocab
from data_access.idcard import id_number_problem
from data_access.importing import cells
from data_access.importing.coords import to_wgs84
from data_access.importing.geojson import LINE_COLUMN, line_geometry
from data_access.importing.limits import MAX_PROBLEMS
from data_access.importing.reading import SheetRows
from data_access.importing.spec import ColumnSpec, TableSpec, header
from data_access.tables import FALSE_WORDS, TRUE_WORDS
from data_access.text import join, t

_LANG = "zh"


@dataclass(frozen=True)
class Problem:
    row: int | None  # as Excel numbers it; None for the whole file
    column: str  # the header as the file reads (or the template's header)
    value: str
    reason: str

    def line(self) -> str:
        """One line for the command line: 第12行 "身份证号": 校验位错误."""
        if self.row is None:
            return self.reason if not self.column else f'"{self.column}": {self.reason}'
        return t("data.cell.problem", _LANG, row=self.row, column=self.column, reason=self.reason)


class Problems(list):
    """The problems of one file: the first MAX_PROBLEMS kept, the rest only counted (`more`).

    A file of a million bad rows must not become a million Problem objects (and a million-row
    table on the page, and a workbook of them): past the limit each problem costs one integer."""

    def __init__(self, limit: int = MAX_PROBLEMS):
        super().__init__()
        self.limit = limit
        self.more = 0

    def append(self, problem: Problem) -> None:
        if len(self) < self.limit:
            super().append(problem)
        else:
            self.more += 1

    @property
    def full(self) -> bool:
        return len(self) >= self.limit


@dataclass
class Checked:
    spec: TableSpec
    rows: list[dict] = field(default_factory=list)  # typed, one per data row
    row_numbers: list[int] = field(default_factory=list)
    problems: Problems = field(default_factory=Problems)


def _label(spec: TableSpec, sheet: SheetRows, column: str) -> str:
    return sheet.headers.get(column) or header(spec.name, column)


def _shown(raw: object) -> str:
    return cells.normalise(raw)[:60]


def _parse(col: ColumnSpec, raw: object) -> object:
    """The cell's value (None when empty); ValueError with the reason when it cannot be read."""
    if col.kind == "id_number":
        text = cells.id_number_text(raw)
        if not text:
            return None
        problem = id_number_problem(text)
        if problem:
            raise ValueError(problem)
        return text
    text = cells.normalise(raw)
    if text == "":
        return None
    if col.kind == "text":
        return text
    if col.kind == "date":
        return cells.parse_date(raw)
    if col.kind == "datetime":
        return pd.Timestamp(cells.parse_date(raw)).to_pydatetime()
    if col.kind == "month":
        return cells.parse_month(raw)
    if col.kind == "money":
        return cells.parse_number(raw, money=True)
    if col.kind == "integer":
        return cells.parse_integer(raw)
    if col.kind == "number":
        return cells.parse_number(raw)
    if col.kind == "bool":
        low = text.lower()
        if low in TRUE_WORDS:
            return True
        if low in FALSE_WORDS:
            return False
        raise ValueError(t("data.cell.not_bool", _LANG, value=text))
    if col.kind == "code":
        return vocab.code_for_label(col.vocabulary, text) or text
    raise AssertionError(col.kind)


_MISS = object()
# Cells of these kinds are mostly unique (names, ID numbers): remembering them would only cost memory.
_UNIQUE_KINDS = ("id_number", "text")


class _Refused(str):
    """A remembered reason a value could not be read."""


def _parse_remembered(col: ColumnSpec, raw: object, memo: dict) -> object:
    """_parse, once per distinct value of a column (`memo` is the column's own): a file repeats
    its dates, codes and numbers (100,000 job seekers have a few hundred registration dates), and
    parsing dominates an import. A cell that is not text is remembered with its type, so 1, 1.0
    and True (equal as keys) are each parsed as themselves."""
    if col.kind in _UNIQUE_KINDS:
        return _parse(col, raw)
    key = raw if type(raw) is str else (type(raw), raw)
    try:
        value = memo.get(key, _MISS)
    except TypeError:  # an unhashable cell: parsed as it comes
        return _parse(col, raw)
    if value is _MISS:
        try:
            value = _parse(col, raw)
        except ValueError as exc:
            value = _Refused(str(exc))
        memo[key] = value
    if isinstance(value, _Refused):
        raise ValueError(str(value))
    return value


def _not_allowed(vocabulary: str, value: str) -> str:
    allowed = [vocab.label(vocabulary, c, _LANG) for c in vocab.VOCABULARIES[vocabulary]]
    return t("import.cell.not_allowed", _LANG, value=value, allowed=join(allowed, _LANG))


def parse_rows(spec: TableSpec, sheet: SheetRows, coordinates: str = "wgs84") -> Checked:
    """Pass 1: every cell typed; a missing required column is one problem for the file."""
    checked = Checked(spec)
    for col in spec.columns:
        if col.required and col.name not in sheet.headers:
            checked.problems.append(
                Problem(None, header(spec.name, col.name), "", t("data.cell.missing_column", _LANG))
            )
    present = [(col, {}) for col in spec.columns if col.name in sheet.headers]
    for number, raw in sheet.rows:
        row: dict[str, object] = {}
        for col, memo in present:
            try:
                value = _parse_remembered(col, raw.get(col.name), memo)
                row[col.name] = col.default if value is None else value
            except ValueError as exc:
                label = _label(spec, sheet, col.name)
                checked.problems.append(Problem(number, label, _shown(raw.get(col.name)), str(exc)))
                row[col.name] = None
        if coordinates != "wgs84" and row.get("lat") is not None and row.get("lon") is not None:
            row["lat"], row["lon"] = (
                round(v, 6) for v in to_wgs84(row["lat"], row["lon"], coordinates)
            )
        if spec.name == LINE_COLUMN[0] and sheet.encoding != "geojson":
            _check_line(checked, spec, sheet, number, row, raw, coordinates)
        checked.rows.append(row)
        checked.row_numbers.append(number)
    return checked


def _check_line(
    checked: Checked,
    spec: TableSpec,
    sheet: SheetRows,
    number: int,
    row: dict,
    raw: dict,
    coordinates: str,
) -> None:
    """A street's geometry cell (GeoJSON text in a CSV or workbook) checked as the GeoJSON import
    checks a feature's, and stored the same way (WGS-84, normalised text)."""
    column = LINE_COLUMN[1]
    if not isinstance(row.get(column), str):
        return  # empty: the schema pass says it is required
    try:
        row[column] = line_geometry(row[column], coordinates)
    except ValueError as exc:
        label = _label(spec, sheet, column)
        checked.problems.append(Problem(number, label, _shown(raw.get(column)), str(exc)))
        row[column] = None


def _schema(spec: TableSpec, present: set[str]) -> pa.DataFrameSchema:
    columns = {}
    for col in spec.columns:
        if col.name not in present:
            continue
        checks = []
        if col.kind == "code" and not col.open_vocabulary:
            checks.append(pa.Check.isin(list(vocab.VOCABULARIES[col.vocabulary])))
        if col.non_negative:
            checks.append(pa.Check.ge(0))
        if col.max_length:
            checks.append(pa.Check.str_length(max_value=col.max_length))
        if col.name == "lat":
            checks.append(pa.Check.in_range(-90, 90))
        if col.name == "lon":
            checks.append(pa.Check.in_range(-180, 180))
        columns[col.name] = pa.Column(None, checks=checks, nullable=not col.required)
    return pa.DataFrameSchema(columns)  # uniqueness: _check_unique, over the whole file


def _schema_reason(spec: TableSpec, column: str, check: str, value: object) -> str:
    if check == "not_nullable":
        return t("data.cell.required", _LANG)
    if check.startswith("isin"):
        return _not_allowed(spec.column(column).vocabulary, str(value))
    if check.startswith("greater_than_or_equal_to"):
        return t("import.cell.negative", _LANG)
    if check.startswith("str_length"):
        return t("data.cell.too_long", _LANG, length=spec.column(column).max_length)
    if check.startswith("in_range"):
        return t("import.cell.coordinate_range", _LANG)
    if check.endswith("uniqueness"):
        key = join([header(spec.name, k) for k in spec.key], _LANG)
        return t("import.cell.duplicate_in_file", _LANG, key=key)
    return check


_SCHEMA_CHUNK = 50_000  # rows per pandera run: its failure table stays this size at most


def check_schema(checked: Checked, sheet: SheetRows) -> None:
    """Pass 2: pandera over the typed rows, every failure reported (counted past the limit),
    in chunks so that a file failing on every row never builds a table of all its failures;
    the key's uniqueness across the whole file is counted here (`_check_unique`)."""
    spec = checked.spec
    present = set(sheet.headers)
    if not checked.rows:
        return
    names = [c.name for c in spec.columns if c.name in present]
    failed_cells = {(p.row, p.column) for p in checked.problems}
    seen: set[tuple[int, str]] = set()
    schema = _schema(spec, present)
    for start in range(0, len(checked.rows), _SCHEMA_CHUNK):
        frame = pd.DataFrame(checked.rows[start : start + _SCHEMA_CHUNK], columns=names)
        frame = frame.astype(object).where(frame.notna(), None)
        frame.index = range(start, start + len(frame))
        try:
            schema.validate(frame, lazy=True)
        except pa.errors.SchemaErrors as errors:
            for case in errors.failure_cases.itertuples():
                if case.index is None or (
                    isinstance(case.index, float) and case.index != case.index
                ):
                    continue
                if str(case.check).startswith("dtype"):
                    continue
                number = checked.row_numbers[int(case.index)]
                label = _label(spec, sheet, case.column)
                if (number, label) in failed_cells or (number, label) in seen:
                    continue  # the cell already has a reason (it could not be read)
                seen.add((number, label))
                value = checked.rows[int(case.index)].get(case.column)
                reason = _schema_reason(spec, case.column, str(case.check), case.failure_case)
                checked.problems.append(Problem(number, label, _shown(value), reason))
    _check_unique(checked, sheet, present, failed_cells | seen)


def _check_unique(
    checked: Checked, sheet: SheetRows, present: set[str], failed: set[tuple[int, str]]
) -> None:
    """Every row whose key another row of the file has too (all of them, as pandera reported
    it), over the whole file at once: only the keys are counted, not the rows copied."""
    spec = checked.spec
    key = [k for k in spec.key if k in present]
    if not key:
        return
    counts = Counter(tuple(row.get(k) for k in key) for row in checked.rows)
    label = _label(spec, sheet, spec.key[0])
    reason = _schema_reason(spec, spec.key[0], "multiple_fields_uniqueness", None)
    for number, row in zip(checked.row_numbers, checked.rows, strict=True):
        values = tuple(row.get(k) for k in key)
        if None in values or counts[values] < 2 or (number, label) in failed:
            continue
        checked.problems.append(Problem(number, label, _shown(row.get(spec.key[0])), reason))
