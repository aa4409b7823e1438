"""How the service-point page words its figures and choices."""

from __future__ import annotations

from components.i18n import label, t
from data_access.text import numbers

ALL = ""  # the type filter's "all types"
WALK_MINUTES = {300: 5, 500: 10, 800: 15}


def pct(share: float | None) -> str:
    """A 0..1 share as '71.3%' ('—' when unknown)."""
    return numbers.percent(share, 1)


def signed(value: float) -> str:
    """A change in whole units: '+412' / '-35'."""
    return numbers.change(value, "households")


def type_name(code: str) -> str:
    return t("sp.type.all") if code == ALL else label("sp_type", code)


def how(mode: str) -> str:
    """The sentence every coverage figure's help ends with: how its distances were measured."""
    return t(f"sp.how.{mode}")


def radius_name(radius: int) -> str:
    return t("sp.radius.option", r=radius, minutes=WALK_MINUTES.get(radius, round(radius / 50)))
