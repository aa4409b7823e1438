"""Resident ID numbers (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence, check
digit — read and checked with `python-stdnum` (`stdnum.cn.ric`).

The region part is not looked up in the national list (`ric.validate` does): the sample county's
code is fictional, and the list lags the codes a county adopts; length, characters, the birth date
and the check digit are checked.
"""

from __future__ import annotations

import datetime as dt

from stdnum.cn import ric
from stdnum.exceptions import InvalidComponent

from data_access.text import t


def check_digit(first17: str) -> str:
    """ISO 7064 MOD 11-2 check character for the first 17 digits."""
    if len(first17) != 17 or not first17.isdigit():
        raise ValueError("need exactly 17 digits")
    return ric.calc_check_digit(first17 + "0")  # stdnum reads the first 17 of a full number


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
    value = ric.compact(text or "")
    if len(value) != 18:
        return t("data.id.length", "zh", length=len(value))
    if not value[:17].isdigit() or not (value[17].isdigit() or value[17] == "X"):
        return t("data.id.characters", "zh")
    try:
        ric.get_birth_date(value)
    except (InvalidComponent, ValueError):
        return t("data.id.birth_date", "zh")
    if ric.calc_check_digit(value) != value[17]:
        return t("data.id.check_digit", "zh")
    return None
