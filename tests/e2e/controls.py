"""Reading back what the controls steer, for the browser tests of tests/e2e/test_controls_*.py
(inventory: tests/e2e/CONTROLS.md); moving the controls is tests/e2e/act.py's.

Tables are read from the accessible table that Streamlit's data grid keeps beside its canvas,
charts from the ARIA labels Vega gives every mark of its SVG; both are what a screen reader gets.
"""

from __future__ import annotations

from pathlib import Path

from tests.e2e.act import MAIN, download

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
    handle = page.wait_for_function(
        f"(index) => {{ const rows = ({TABLE_JS})(index); return rows && rows.length > 1 && rows; }}",
        arg=index,
        polling=100,
        timeout=timeout * 1000,
    )
    header, *body = handle.json_value()
    return [dict(zip(header, row, strict=False)) for row in body]


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


def download_table_csv(page, index: int = 0) -> tuple[str, str]:
    """Export the index-th table through its toolbar's 'Download as CSV'; (file name, text).
    The page must have been opened after `page.add_init_script(NO_SAVE_PICKER)`."""
    grid = page.locator(f'{MAIN} [data-testid="stDataFrame"]').nth(index)
    grid.scroll_into_view_if_needed()
    grid.hover()
    button = grid.locator('[data-testid="stElementToolbar"]').get_by_role(
        "button", name="Download as CSV"
    )
    got = download(page, button)
    return got.suggested_filename, Path(got.path()).read_text(encoding="utf-8-sig")
