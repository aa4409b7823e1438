"""The cards of the social-assistance page and its meeting topic."""

from __future__ import annotations

CARDS: tuple[str, ...] = (
    "dibao_persons",
    "dibao_households",
    "tekun_persons",
    "tekun_households",
    "dibao_paid_month",
    "dibao_benefit_per_person",
    "dibao_review_due",
    "near_poor_households",
)
