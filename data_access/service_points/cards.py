"""The cards of the service-point page and its meeting topic."""

from __future__ import annotations

CARDS: tuple[str, ...] = ("service_points", "sp_per_1000_households")
