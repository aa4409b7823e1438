"""The deck's tables as an XLSX workbook for further work: one sheet per topic.

Each sheet: the title and the area, period and data date on top; the communities × figures with
the unit in every header (筹措资金（元）) and number formats that show what the number is (rates
as 0.0%, decimals as the cards write them); under a blank row the area's total (the figure for
all chosen communities — a ratio is recomputed, not summed), its target and its status word, as
the cards say them. Printed landscape, one page wide, the community column and the header row
repeated on every page.
"""

from __future__ import annotations

import io

import pandas as pd
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.worksheet import Worksheet

from components.review.deck import Deck, TopicPage
from data_access import metrics
from data_access.formula_guard import harden_workbook
from data_access.review.topics import topic
from data_access.text import numbers, t

TABLE_ROW = 3  # the table's header row (1-based): the title and the scope come first
BOLD = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="F3F4F6")
TOP_LINE = Border(top=Side(style="thin", color="6B7280"))


def number_format(key: str) -> str:
    """'0.0%' for shares, '#,##0.0' where the card shows a decimal, '#,##0' otherwise."""
    m = metrics.get(key)
    decimals = m.shown_decimals
    if numbers.unit(m.unit).kind == "share":
        return "0." + "0" * decimals + "%" if decimals else "0%"
    return "#,##0." + "0" * decimals if decimals else "#,##0"


def _totals(sheet: Worksheet, page: TopicPage, deck: Deck, first_row: int) -> None:
    """The area's total, its target and its status, one row each, under the communities."""
    rows = [
        (t("review.xlsx.total", deck.lang, area=deck.area), [c.number for c in page.cards]),
        (t("review.xlsx.target", deck.lang), [c.target_value for c in page.cards]),
        (t("review.xlsx.status", deck.lang), [c.status_word or None for c in page.cards]),
    ]
    keys = topic(page.key).cards
    for offset, (label, values) in enumerate(rows):
        row = first_row + offset
        sheet.cell(row, 1, label).font = BOLD
        for col, (key, value) in enumerate(zip(keys, values, strict=True), start=2):
            cell = sheet.cell(row, col, value)
            if offset < 2:
                cell.number_format = number_format(key)
            if offset == 0:
                cell.font = BOLD
    for col in range(1, len(keys) + 2):
        sheet.cell(first_row, col).border = TOP_LINE


def _layout(sheet: Worksheet, widths: list[int]) -> None:
    """Column widths, frozen header, and the print setup: landscape, one page wide, the
    community column and the header row on every printed page."""
    for col, width in enumerate(widths, start=1):
        sheet.column_dimensions[sheet.cell(TABLE_ROW, col).column_letter].width = width
    for cell in sheet[TABLE_ROW]:
        cell.font = BOLD
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    sheet.row_dimensions[TABLE_ROW].height = 34  # two lines: a header wraps before its unit
    sheet.freeze_panes = sheet.cell(TABLE_ROW + 1, 2)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_cols = "A:A"
    sheet.print_title_rows = f"{TABLE_ROW}:{TABLE_ROW}"


def _width(text: str) -> int:
    """Columns a text needs: a Chinese character takes two."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def deck_xlsx(deck: Deck) -> bytes:
    """The workbook's bytes (see the module's docstring). Text a spreadsheet would evaluate (a
    community named '=…') is kept as text."""
    from components.review.files import sheet_name

    out = io.BytesIO()
    taken: set[str] = set()
    with pd.ExcelWriter(out, engine="openpyxl") as writer:
        for page in deck.pages:
            name = sheet_name(page.table_name, taken)
            keys = topic(page.key).cards
            table = page.table  # its headers carry the units already (deck.unit_header)
            table.to_excel(writer, sheet_name=name, index=False, startrow=TABLE_ROW - 1)
            sheet = writer.sheets[name]
            sheet["A1"] = f"{deck.title} · {deck.slide_title(page.title)}"
            sheet["A1"].font = Font(bold=True, size=14)
            sheet["A2"] = deck.scope
            last = TABLE_ROW + len(table)
            for col, key in enumerate(keys, start=2):
                for row in range(TABLE_ROW + 1, last + 1):
                    sheet.cell(row, col).number_format = number_format(key)
            _totals(sheet, page, deck, last + 2)
            names = [str(table.columns[0]), *(str(n) for n in table.iloc[:, 0])]
            widths = [max(14, *(_width(n) + 2 for n in names), _width(deck.area) + 8)]
            widths += [min(22, max(12, _width(str(c)) // 2 + 2)) for c in table.columns[1:]]
            _layout(sheet, widths)
        harden_workbook(writer.book)
    return out.getvalue()


def read_tables(data: bytes) -> dict[str, pd.DataFrame]:
    """The workbook's community tables back as frames (down to the blank row before the
    totals), headers as written (with units)."""
    sheets = pd.read_excel(
        io.BytesIO(data), sheet_name=None, header=TABLE_ROW - 1, engine="openpyxl"
    )
    out = {}
    for name, frame in sheets.items():
        blank = frame.index[frame.isna().all(axis=1)]
        table = frame.loc[: blank[0] - 1] if len(blank) else frame
        out[name] = table.infer_objects()  # the totals' status words made the columns text
    return out
