"""Cells as county clerks type them, turned into what the database stores.

Excel on Chinese Windows gives full-width digits and spaces, dates as 2022年7月10日, 2022/7/10,
2022.7.10 or serial numbers, money as "1,200.50" or "8.46万", and ID numbers that Excel turned
into 6.2E+17. Each function here takes one raw cell (text, number or date, as the reader
returned it) and returns the value, or raises ValueError with the reason in Chinese.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from data_access.text import input_forms, t

_LANG = "zh"
# Excel's day 0 is 1899-12-30 once its 1900 leap-year bug is taken into account.
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_EXCEL_SERIAL_RANGE = (1, 2958465)  # 1900-01-01 .. 9999-12-31
_DATE_PATTERN = input_forms.DATE
_MONTH_PATTERN = input_forms.MONTH
_SCIENTIFIC = re.compile(r"^\d(\.\d+)?E\+?\d+$", re.IGNORECASE)
# NUL and the other control characters (tab and line breaks kept): invisible in a cell, and
# PostgreSQL refuses NUL in text, so a stray one would fail the write instead of the check.
_CONTROL = dict.fromkeys(c for c in range(32) if chr(c) not in "\t\n\r")


def normalise(value: object) -> str:
    """The cell as plain text: full-width letters, digits and spaces made half-width (NFKC),
    control characters and surrounding blanks dropped; '' for an empty cell."""
    if value is None:
        return ""
    if isinstance(value, float) and value != value:  # NaN from pandas
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value)
    if text.isprintable():  # no control character to drop; ASCII is its own NFKC form
        return (text if text.isascii() else unicodedata.normalize("NFKC", text)).strip()
    return unicodedata.normalize("NFKC", text.translate(_CONTROL)).strip()


def parse_date(value: object) -> dt.date:
    """A date from 2022-07-10, 2022/7/10, 2022年7月10日, 2022.7.10, a date cell or an Excel serial."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _from_serial(value)
    text = normalise(value)
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return _from_serial(float(text))
    text = text.split(" ")[0] if re.match(r"^\d{4}-\d{2}-\d{2} ", text) else text
    match = _DATE_PATTERN.match(text)
    if match:
        try:
            return dt.date(*(int(g) for g in match.groups()))
        except ValueError:
            pass
    raise ValueError(t("import.cell.not_date", _LANG, value=text))


def _from_serial(number: float) -> dt.date:
    low, high = _EXCEL_SERIAL_RANGE
    if not low <= number <= high or not float(number).is_integer():
        raise ValueError(t("import.cell.not_date", _LANG, value=normalise(number)))
    return _EXCEL_EPOCH + dt.timedelta(days=int(number))


def parse_month(value: object) -> str:
    """'YYYY-MM' from 2022-07, 2022/7, 2022年7月, 2022.07 or a date (its month)."""
    if isinstance(value, dt.date | dt.datetime):
        return f"{value.year:04d}-{value.month:02d}"
    text = normalise(value)
    match = _MONTH_PATTERN.match(text)
    if match and 1 <= int(match.group(2)) <= 12:
        return f"{int(match.group(1)):04d}-{int(match.group(2)):02d}"
    try:
        day = parse_date(value)
    except ValueError:
        raise ValueError(t("import.cell.not_month", _LANG, value=text)) from None
    return f"{day.year:04d}-{day.month:02d}"


def parse_number(value: object, *, money: bool = False) -> float:
    """A number from 1200, "1,200.50", "１２００" or, for money, "¥8.46万" / "8.46万元" / "1200元"."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    text = normalise(value).replace(",", "").replace(" ", "")
    factor = 1.0
    if money:
        text = text.lstrip(input_forms.CURRENCY_SIGNS)
        if text.endswith(input_forms.YUAN):
            text = text[:-1]
        if text.endswith(input_forms.WAN):
            text, factor = text[:-1], 10_000.0
    try:
        number = float(text)
    except ValueError:
        key = "import.cell.not_money" if money else "import.cell.not_number"
        raise ValueError(t(key, _LANG, value=normalise(value))) from None
    if number != number or number in (float("inf"), float("-inf")):
        raise ValueError(t("import.cell.not_number", _LANG, value=normalise(value)))
    return round(number * factor, 2) if money else number * factor


def parse_integer(value: object) -> int:
    number = parse_number(value)
    if not float(number).is_integer():
        raise ValueError(t("import.cell.not_integer", _LANG, value=normalise(value)))
    return int(number)


def id_number_text(value: object) -> str:
    """An ID number as text. A number Excel showed as 6.2E+17 has lost its last digits: say so
    rather than store a wrong number."""
    if isinstance(value, float):
        raise ValueError(t("import.cell.id_as_number", _LANG))
    text = normalise(value).upper()
    if _SCIENTIFIC.match(text):
        raise ValueError(t("import.cell.id_as_number", _LANG))
    return text
