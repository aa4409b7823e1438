"""Text from the data kept as text in the files we write (CSV and XLSX formula injection).

A name or title typed as `=HYPERLINK("http://…")`, `+cmd|…`, `-2+3` or `@SUM(…)` is a formula to
Excel and other spreadsheets when a cell starts with = + - @ (or a tab / carriage return before
one). Two ways out, one per format:

- CSV has no cell types: a text value starting with one of those gets a leading apostrophe, the
  usual neutraliser (OWASP); spreadsheets show the text, a reader sees the apostrophe. Only str
  values are touched — numbers and dates never start a formula, and -12.5 must stay a number.
- XLSX has cell types: such a text is written as a string cell (openpyxl would otherwise store
  it as a formula) with Excel's "quote prefix" style, so Excel shows it as text and keeps it
  text when someone edits the cell. The value itself is unchanged, which is why a backup ZIP
  restores exactly (see importing/templates.py).
"""

from __future__ import annotations

from collections.abc import Iterable

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def risky(value: object) -> bool:
    return isinstance(value, str) and value.startswith(TRIGGERS)


def csv_text(value: object) -> object:
    """The value for a CSV cell: risky text prefixed with an apostrophe, anything else as is."""
    return "'" + value if risky(value) else value  # type: ignore[operator]


def harden_cells(cells: Iterable) -> None:
    """openpyxl cells: text (or text read as a formula) that a spreadsheet would evaluate
    becomes a quote-prefixed string cell with the same value."""
    for cell in cells:
        if cell.data_type == "f" or risky(cell.value):
            if not isinstance(cell.value, str):
                continue  # an openpyxl formula object: not from our data
            cell.data_type = "s"
            cell.quotePrefix = True


def harden_workbook(book) -> None:
    """Every cell of every sheet of an openpyxl workbook (before it is saved)."""
    for sheet in book.worksheets:
        harden_cells(c for row in sheet.iter_rows() for c in row)
