"""The forms county clerks type into spreadsheets, as the import parsers read them: date and
month patterns with 年/月/日, the 元 and 万 of money, currency signs, full-width
brackets in headers. Input grammar, not text the app says (that lives in locale/)."""

from __future__ import annotations

import re

DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
MONTH = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$")
CURRENCY_SIGNS = "¥￥"
YUAN = "元"
WAN = "万"  # ten thousand
BRACKETS = {"（": "(", "）": ")"}
