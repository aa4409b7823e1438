"""Privacy rules for personal data: small-cell suppression and masking.

One rule, applied by every path that shows or exports welfare data (tables, charts, map
tooltips, CSV downloads), so a figure cannot be safe on one page and leak on another:

- Small cells: a count finer than a community (a grid, a compound, a household-size band
  within a grid, or anything shown while a grid filter is on) that is 1 or 2 is shown as "<3".
  Zero stays 0 (an empty cell identifies nobody) and totals over a community or the county stay
  exact, as the issue asks. Suppressed cells never carry their real value, not even hidden in a
  chart's data, because Vega and deck.gl specs travel to the browser whole.
- Names keep their first character and, from three characters on, their last: 张*明.
- ID numbers keep the 6-digit area code only: 629901************. The birth date and the last
  four digits (sequence and check digit) are what single a person out: with the area code, any
  birth date seen elsewhere and the last four, an ID number is rebuilt exactly (the check digit
  confirms it), so neither is ever shown. The area code is shared by everyone registered in the
  county, and it still tells a reviewer whether a household's 户籍 is local.
- Birth dates leave a masked export as the birth year only (1975): enough for age groups such
  as 4050, too little to rebuild an ID number.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable

import pandas as pd

SMALL_CELL_LIMIT = 3  # counts 1 .. SMALL_CELL_LIMIT-1 are suppressed
SUPPRESSED = "<3"
MASK = "*"


def _is_missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA


def is_small(count: float | int | None) -> bool:
    """True for a count that must not be shown (1 or 2)."""
    if _is_missing(count):
        return False
    return 0 < float(count) < SMALL_CELL_LIMIT


def suppress_count(count: float | int | None, fine: bool = True) -> int | str | None:
    """The count as it may be shown: "<3" for 1 or 2 when `fine` (finer than a community), else the int."""
    if _is_missing(count):
        return None
    if fine and is_small(count):
        return SUPPRESSED
    return int(round(float(count)))


def count_text(count: float | int | None, fine: bool = True) -> str:
    """Display text of a count: '1,234', '0', '<3' (when fine and small) or '—' when unknown."""
    shown = suppress_count(count, fine)
    if shown is None:
        return "—"
    if isinstance(shown, str):
        return shown
    return f"{shown:,}"


def chart_value(count: float | int | None, fine: bool = True) -> float | None:
    """A count for a chart's geometry: None when suppressed, so the real value never reaches the chart."""
    if _is_missing(count) or (fine and is_small(count)):
        return None
    return float(count)


def suppress_columns(df: pd.DataFrame, columns: Iterable[str], fine: bool = True) -> pd.DataFrame:
    """A copy of df whose count columns are display text (count_text); the raw numbers are gone.

    Text rather than mixed int/str keeps Arrow (st.dataframe, downloads) happy and makes every
    exported cell read the same as on screen.
    """
    out = df.copy()
    for col in columns:
        out[col] = pd.Series(
            [count_text(v, fine) for v in df[col].tolist()], index=df.index, dtype=object
        )
    return out


def mask_name(name: str | None) -> str:
    """张三 → 张*, 张小明 → 张*明, 欧阳小明 → 欧**明; a one-character name is fully masked (*).

    Keeping the last character only from three characters on: for a two-character name it would
    leave the whole given name visible.
    """
    text = (name or "").strip()
    if not text:
        return ""
    if len(text) == 1:
        return MASK
    if len(text) == 2:
        return text[0] + MASK
    return text[0] + MASK * (len(text) - 2) + text[-1]


# The area code of an 18- or 15-character ID number; anything shorter is no ID number, and
# keeping six of its characters could show most of it.
_AREA_DIGITS = 6
_SHORTEST_ID = 15


def mask_id_number(id_number: str | None) -> str:
    """629901197505261283 → 629901************: area code kept, length kept, nothing else."""
    text = (id_number or "").strip()
    if not text:
        return ""
    if len(text) < _SHORTEST_ID:
        return MASK * len(text)
    return text[:_AREA_DIGITS] + MASK * (len(text) - _AREA_DIGITS)


def mask_birth_date(value: dt.date | str | None) -> str:
    """1975-05-26 → "1975": the year only."""
    if value is None or value == "":
        return ""
    if isinstance(value, dt.date):
        return f"{value.year:04d}"
    text = str(value).strip()
    return text[:4] if text[:4].isdigit() else MASK * len(text)


def mask(kind: str, value: object) -> object:
    """A personal column's value as a masked export shows it; `kind` is the column's declared
    `info["personal"]` ('name', 'id_number' or 'birth_date'). An undeclared kind is refused:
    a new kind of personal column must say how it is masked before it can be exported."""
    if value is None:
        return None
    if kind == "name":
        return mask_name(str(value))
    if kind == "id_number":
        return mask_id_number(str(value))
    if kind == "birth_date":
        return mask_birth_date(value if isinstance(value, dt.date) else str(value))
    raise ValueError(f"no mask for personal column kind {kind!r}")
