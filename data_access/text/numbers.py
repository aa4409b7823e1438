"""One formatter for every figure the app shows or writes: counts, money, shares, changes, sizes.

A unit names what is counted (`persons`, `households`, `yuan`, `share` ...); its words come from
the locale (`unit.<name>`), its kind decides the arithmetic:

- count: 1,276人 / 1,276 (English cards carry the noun in their label, so the number stands alone)
- money: 846,000元, or in 万元 when `compact` (84.6万元; precise to the yuan) / ¥846,000
- share: a 0..1 value shown as 88.1%; its change is in percentage points (+1.2个百分点 / +1.2 pp)
- rate: a plain decimal with a unit (16.0个/千户)
- area and distance: 412 平方米 / 412 m², 500 米 / 500 m

Nothing here reads Streamlit: exports, the command line and drafted summaries use it as pages do.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from data_access.text import t

Kind = Literal["count", "money", "share", "rate", "area", "distance"]
SUPPRESSED = "<3"
MISSING = "—"


@dataclass(frozen=True)
class Unit:
    name: str
    kind: Kind
    decimals: int = 0


UNITS: dict[str, Unit] = {
    u.name: u
    for u in (
        Unit("points", "count"),
        Unit("persons", "count"),
        Unit("households", "count"),
        Unit("person_times", "count"),
        Unit("cadres", "count"),
        Unit("items", "count"),
        Unit("organisations", "count"),
        Unit("families", "count"),
        Unit("yuan", "money"),
        Unit("share", "share", 1),
        Unit("per_1000_households", "rate", 1),
        Unit("m2", "area"),
        Unit("m2_per_100_households", "area", 1),
        Unit("metres", "distance"),
        Unit("hours", "count"),
        Unit("disputes", "count"),
        Unit("per_1000_residents", "rate", 1),
        Unit("days", "rate", 1),
        Unit("activities", "count"),
        Unit("seats", "count"),
    )
}


def unit(name: str) -> Unit:
    return UNITS[name]


def is_missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _as_shown(value: float, decimals: int) -> float:
    """`value` rounded as it is shown, with no negative zero: '-0' / '-0.0' would read as a fall."""
    return round(value, decimals) + 0.0  # -0.0 + 0.0 is 0.0


def plain(value: float | None, decimals: int = 0) -> str:
    """1,234 / 1,234.5; '—' when unknown."""
    if is_missing(value):
        return MISSING
    return f"{_as_shown(value, decimals):,.{decimals}f}"


def percent(share: float | None, decimals: int = 1) -> str:
    """A 0..1 share as '88.1%'."""
    if is_missing(share):
        return MISSING
    return f"{_as_shown(share * 100, decimals):.{decimals}f}%"


def _wan(value: float) -> str:
    """Yuan in 万元 to two decimals (to the hundred yuan, as reports write it), trailing zeros
    dropped: 846000 → '84.6', 448795 → '44.88'."""
    return f"{value / 10_000:,.2f}".rstrip("0").rstrip(".")


def money(value: float | None, lang: str = "zh", *, compact: bool = False) -> str:
    """846,000元 (84.6万元 when compact and ≥ 100,000; the exact sum stays in tables) / ¥846,000."""
    if is_missing(value):
        return MISSING
    if lang == "en":
        yuan = _as_shown(value, 0)
        return f"¥{yuan:,.0f}" if yuan >= 0 else f"-¥{-yuan:,.0f}"
    if compact and abs(value) >= 100_000:
        return _wan(value) + t("unit.wan_yuan", lang)
    return plain(value, 0) + t("unit.yuan", lang)


def figure(
    value: float | None,
    unit_name: str,
    lang: str = "zh",
    *,
    decimals: int | None = None,
    compact: bool = False,
    suppressed: bool = False,
    marker: str | None = None,
    with_unit: bool = True,
) -> str:
    """A value in its unit, as a card, table cell, export or summary shows it.

    `suppressed` shows the privacy marker in place of the value: '<3' (a count of 1 or 2, with
    the unit word in Chinese) or '*' (withheld so that small counts cannot be worked out).
    """
    u = unit(unit_name)
    digits = u.decimals if decimals is None else decimals
    suffix = t(f"unit.{u.name}", lang) if with_unit else ""
    if suppressed:
        shown = marker or SUPPRESSED
        return shown + (suffix if lang == "zh" and shown == SUPPRESSED else "")
    if is_missing(value):
        return MISSING
    if u.kind == "money":
        return money(value, lang, compact=compact) if with_unit else plain(value, digits)
    if u.kind == "share":
        return percent(value, digits)
    number = plain(value, digits)
    if lang == "en":
        # English labels name what is counted; areas and distances keep their symbol.
        return f"{number} {suffix}" if u.kind in ("area", "distance") and suffix else number
    if u.kind in ("area", "distance"):
        return f"{number} {suffix}" if suffix else number
    return number + suffix


def change(
    diff: float | None, unit_name: str, lang: str = "zh", decimals: int | None = None
) -> str:
    """A change as shown beside a figure: +12 / -3.5 / +1.2个百分点 (shares); no unit otherwise."""
    if is_missing(diff):
        return MISSING
    u = unit(unit_name)
    digits = u.decimals if decimals is None else decimals
    # A change that rounds to nothing reads +0 / +0.0, never -0 (see is_zero).
    if u.kind == "share":
        return f"{_as_shown(diff * 100, digits):+.{digits}f}" + t("unit.pp", lang)
    if u.kind == "money" and lang == "zh" and abs(diff) >= 100_000:
        # Beside a card's 84.6万元 the change reads +65.1万, not +651,000.
        return ("+" if diff > 0 else "-") + _wan(abs(diff)) + t("unit.wan", lang)
    return f"{_as_shown(diff, digits):+,.{digits}f}"


def column_scale(unit_name: str, lang: str = "zh") -> tuple[float, str]:
    """How a table's or chart's column of this unit is written: (divisor, unit words for its
    header). Money reads in 万元 in Chinese, as on the cards (330,000 → 33.00, header 筹措资金
    （万元）); in English in yuan (¥). Other units are written as they are, their header bare."""
    if unit(unit_name).kind == "money":
        return (10_000.0, t("unit.wan_yuan", lang)) if lang == "zh" else (1.0, "¥")
    return 1.0, ""


def column_header(label: str, unit_name: str, lang: str = "zh") -> str:
    """A column's header with the unit its values are written in (see column_scale)."""
    _, words = column_scale(unit_name, lang)
    return t("unit.header", lang, label=label, unit=words) if words else label


def is_zero(diff: float | None, unit_name: str, decimals: int | None = None) -> bool:
    """True when the change rounds to nothing at the precision it is shown with."""
    if is_missing(diff):
        return False
    u = unit(unit_name)
    digits = u.decimals if decimals is None else decimals
    scale = 100 if u.kind == "share" else 1
    return round(abs(diff) * scale, digits) == 0


def count_text(value: float | None) -> str:
    """A whole count with thousands separators ('1,234'), '—' when unknown."""
    return plain(value, 0)
