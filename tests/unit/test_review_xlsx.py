"""The XLSX for further work: number formats, units in headers, the area's total with its target
and status, landscape one page wide with the community column repeated."""

from __future__ import annotations

import io

import openpyxl
import pytest

from components.review.deck import build_deck, unit_header
from components.review.xlsx_export import TABLE_ROW, deck_xlsx
from data_access import metrics
from data_access.filters import Filters
from data_access.review.topics import TOPICS
from data_access.text import numbers, t
from tests.conftest import EAST, SAMPLE_PERIOD

FILTERS = [SAMPLE_PERIOD, Filters((EAST,), (), "2022-01", "2022-06")]


@pytest.fixture(scope="module", params=FILTERS, ids=["county", "east-h1"])
def book(request, engine):
    with engine.connect() as conn:
        deck = build_deck(conn, request.param, "zh")
    return deck, request.param, openpyxl.load_workbook(io.BytesIO(deck_xlsx(deck)))


def _columns(sheet) -> dict[str, int]:
    return {c.value: c.column for c in sheet[TABLE_ROW] if c.value}


def _row_of(sheet, label_start: str) -> int:
    return next(
        r
        for r in range(1, sheet.max_row + 1)
        if str(sheet.cell(r, 1).value).startswith(label_start)
    )


def test_headers_carry_units_and_cells_their_formats(book):
    deck, _, wb = book
    for topic, sheet in zip(TOPICS, wb.worksheets, strict=True):
        cols = _columns(sheet)
        for key in topic.cards:
            header = unit_header(key, "zh")
            assert header in cols, (topic.key, header)
            unit = metrics.get(key).unit
            assert t(f"unit.{unit}", "zh") in header
            cell = sheet.cell(TABLE_ROW + 1, cols[header])
            if numbers.unit(unit).kind == "share":
                assert "%" in cell.number_format, (key, cell.number_format)
                assert 0 <= cell.value <= 1  # the fraction, shown as a percent
            else:
                assert cell.number_format.startswith("#,##0"), (key, cell.number_format)
    assert "筹措资金（元）" in _columns(wb["设施建设"])


def test_the_total_row_is_the_independent_sum(book, engine):
    deck, f, wb = book
    with engine.connect() as conn:
        for topic, sheet in zip(TOPICS, wb.worksheets, strict=True):
            cols = _columns(sheet)
            total = _row_of(sheet, "合计")
            assert deck.area in sheet.cell(total, 1).value
            for key in topic.cards:
                m = metrics.get(key)
                if not m.is_additive:
                    continue
                expected = float(metrics.by_community(conn, key, f).sum())
                got = sheet.cell(total, cols[unit_header(key, "zh")]).value
                assert got == pytest.approx(expected), (topic.key, key)


def test_target_and_status_rows_say_what_the_cards_say(book, engine):
    deck, f, wb = book
    with engine.connect() as conn:
        sheet = wb["劳动就业"]
        cols = _columns(sheet)
        target_row, status_row = _row_of(sheet, "目标"), _row_of(sheet, "完成状态")
        s = metrics.snapshot(conn, "reemployed", f)
        col = cols[unit_header("reemployed", "zh")]
        assert sheet.cell(target_row, col).value == s.target.value
        assert sheet.cell(status_row, col).value in ("达到序时进度", "略慢于序时进度", "明显落后")


def test_printed_landscape_one_page_wide_with_the_community_column_repeated(book):
    _, _, wb = book
    for sheet in wb.worksheets:
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_cols == "$A:$A"
        assert sheet.print_title_rows == f"${TABLE_ROW}:${TABLE_ROW}"
