"""Resident ID numbers (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence, check digit."""

from __future__ import annotations

import datetime as dt
from operator import mul

from data_access.text import t

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
# ASCII digits weigh their byte values: subtract what the bytes of "0" add (an import checks
# 100,000 numbers, and int() per character dominated validation).
_ZERO_BYTES = ord("0") * sum(_WEIGHTS)


def check_digit(first17: str) -> str:
    """ISO 7064 MOD 11-2 check character for the first 17 digits."""
    if len(first17) != 17 or not first17.isdigit():
        raise ValueError("need exactly 17 digits")
    if first17.isascii():
        total = sum(map(mul, first17.encode(), _WEIGHTS)) - _ZERO_BYTES
    else:  # other scripts' digits (str.isdigit accepts them) read by int()
        total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def make_id_number(region: str, birth: dt.date, sequence: int, male: bool) -> str:
    """An ID number; the sequence's last digit is odd for men and even for women, as the standard says."""
    seq = sequence % 1000
    if (seq % 2 == 1) != male:
        seq = (seq + 1) % 1000
        if (seq % 2 == 1) != male:  # 999 + 1 wrapped to 0: step once more
            seq = (seq + 1) % 1000
    first17 = f"{region}{birth:%Y%m%d}{seq:03d}"
    return first17 + check_digit(first17)


def id_number_problem(text: str) -> str | None:
    """None when `text` is a valid 18-character ID number, else the reason in Chinese."""
    value = (text or "").strip().upper()
    if len(value) != 18:
        return t("data.id.length", "zh", length=len(value))
    if not value[:17].isdigit() or not (value[17].isdigit() or value[17] == "X"):
        return t("data.id.characters", "zh")
    try:
        dt.date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        return t("data.id.birth_date", "zh")
    if check_digit(value[:17]) != value[17]:
        return t("data.id.check_digit", "zh")
    return None
