"""Moving controls the way a user does, and reading back what they steer, for the browser tests
of tests/e2e/test_controls_*.py (inventory: tests/e2e/CONTROLS.md).

Tables are read from the accessible table that Streamlit's data grid keeps beside its canvas,
charts from the ARIA labels Vega gives every mark of its SVG; both are what a screen reader gets.
"""

from __future__ import annotations

import time
from pathlib import Path

from tests.e2e.conftest import wait_settled

MAIN = '[data-testid="stMain"]'
SIDEBAR = '[data-testid="stSidebar"]'
# Streamlit's CSV export of a table goes through the File System Access API when the browser has
# it (a save dialog a test cannot answer); without it, the same file is an ordinary download.
NO_SAVE_PICKER = (
    "Object.defineProperty(window, 'showSaveFilePicker', {value: undefined, configurable: true});"
)

TABLE_JS = """(index) => {
  const grid = document.querySelectorAll('[data-testid="stMain"] [data-testid="stDataFrame"]')[index];
  if (!grid) return null;
  return [...grid.querySelectorAll('table tr')].map(
    tr => [...tr.querySelectorAll('th, td')].map(c => c.innerText.trim()));
}"""
MARKS_JS = """(index) => {
  const chart = document.querySelectorAll('[data-testid="stMain"] [data-testid="stVegaLiteChart"]')[index];
  if (!chart) return null;
  return [...chart.querySelectorAll('svg [aria-label]')].map(e => e.getAttribute('aria-label'));
}"""


def main_text(page) -> str:
    return page.locator(MAIN).inner_text()


def table_rows(page, index: int = 0, timeout: float = 20) -> list[dict[str, str]]:
    """Rows of the index-th table of the page as {column title: cell text}."""
    tables = page.locator(f'{MAIN} [data-testid="stDataFrame"]')
    index = index if index >= 0 else tables.count() + index
    tables.nth(index).scroll_into_view_if_needed()
    t0 = time.time()
    while True:
        rows = page.evaluate(TABLE_JS, index)
        if rows and len(rows) > 1:
            header, *body = rows
            return [dict(zip(header, row, strict=False)) for row in body]
        if time.time() - t0 > timeout:
            raise TimeoutError(f"table {index} drew no row: {rows}")
        page.wait_for_timeout(200)


def chart_marks(page, index: int = 0) -> list[str]:
    """The ARIA labels of the index-th chart's marks and axes ('低保对象: 870; name: 老城社区')."""
    page.locator(f'{MAIN} [data-testid="stVegaLiteChart"]').nth(index).scroll_into_view_if_needed()
    return page.evaluate(MARKS_JS, index) or []


def bar_values(page, field: str, index: int = 0) -> dict[str, str]:
    """{community: value} from the bars of a chart of `field` by `name`."""
    out = {}
    for text in chart_marks(page, index):
        parts = dict(p.split(": ", 1) for p in text.split("; ") if ": " in p)
        if field in parts and "name" in parts:
            out[parts["name"]] = parts[field]
    return out


def choose(page, widget, option: str, search: str | None = None) -> None:
    """Open a select box or multiselect, click an option by its text, close the list. With
    `search`, type it first to filter a long list (only part of a long list is drawn)."""
    widget.click()
    if search:
        widget.locator('input[role="combobox"]').type(search)
    page.get_by_role("option", name=option, exact=True).click()
    page.keyboard.press("Escape")
    wait_settled(page)


def radio(scope, option: str) -> None:
    scope.locator('[data-testid="stRadioOption"]').filter(has_text=option).first.click()
    wait_settled(scope.page)


def widget(page, kind: str, label: str, where: str = MAIN):
    """A widget of a kind (stNumberInput, stMultiSelect, ...) by its label's text."""
    return page.locator(f'{where} [data-testid="{kind}"]').filter(
        has=page.locator('[data-testid="stWidgetLabel"]', has_text=label)
    )


def type_number(page, label: str, value: int) -> None:
    """Type a number into a number input and press Enter, as a user does."""
    field = widget(page, "stNumberInput", label).locator("input")
    field.click()
    field.press("Control+A")
    field.type(str(value))
    field.press("Enter")
    wait_settled(page)


def number_value(page, label: str) -> int:
    return int(widget(page, "stNumberInput", label).locator("input").input_value())


def download_table_csv(page, index: int = 0) -> tuple[str, str]:
    """Export the index-th table through its toolbar's 'Download as CSV'; (file name, text).
    The page must have been opened after `page.add_init_script(NO_SAVE_PICKER)`."""
    grid = page.locator(f'{MAIN} [data-testid="stDataFrame"]').nth(index)
    grid.scroll_into_view_if_needed()
    grid.hover()
    button = grid.locator('[data-testid="stElementToolbar"]').get_by_role(
        "button", name="Download as CSV"
    )
    with page.expect_download(timeout=20_000) as info:
        button.click()
    download = info.value
    path = Path(download.path())
    return download.suggested_filename, path.read_text(encoding="utf-8-sig")
