"""The cards of the employment page and its meeting topic."""

from __future__ import annotations

CARDS: tuple[str, ...] = (
    "reemployed",
    "placed_4050",
    "youth_informed",
    "jobseekers_waiting",
    "zero_families_open",
)
