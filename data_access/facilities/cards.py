"""The cards of the facilities page and its meeting topic."""

from __future__ import annotations

CARDS: tuple[str, ...] = (
    "facility_completeness",
    "facility_kinds_in_use",
    "funding_raised",
    "office_m2_per_100_households",
)
