"""The topics of the review meeting, one per screen and per slide, in the order they are shown.

A topic names its cards (snapshots) and the figure its ranking chart starts from. The keys are
the figures each domain's page shows as cards, so the meeting shows the numbers of the pages.
"""

from __future__ import annotations

from dataclasses import dataclass

from data_access.metrics import OVERVIEW_CARDS


@dataclass(frozen=True)
class Topic:
    key: str  # text key "review.topic.<key>"; URL value of ?topic=
    cards: tuple[str, ...]

    @property
    def lead(self) -> str:
        """The figure the ranking shows first (and the deck's chart)."""
        return self.cards[0]


TOPICS: tuple[Topic, ...] = (
    Topic("overview", OVERVIEW_CARDS),
    Topic("service", ("service_points", "sp_per_1000_households")),
    Topic(
        "assistance",
        (
            "dibao_persons",
            "dibao_households",
            "tekun_households",
            "tekun_persons",
            "dibao_paid_month",
            "dibao_benefit_per_person",
            "near_poor_households",
        ),
    ),
    Topic(
        "employment",
        ("reemployed", "placed_4050", "youth_informed", "jobseekers_waiting", "zero_families_open"),
    ),
    Topic(
        "facilities",
        (
            "funding_raised",
            "facility_completeness",
            "facility_kinds_in_use",
            "office_m2_per_100_households",
        ),
    ),
    Topic(
        "life",
        (
            "volunteers",
            "volunteer_orgs",
            "volunteer_residents_served",
            "disputes_mediated",
            "disputes_mediated_share",
            "cadres",
            "elderly_groups",
            "honours",
        ),
    ),
)
TOPIC_KEYS: tuple[str, ...] = tuple(t.key for t in TOPICS)


def topic(key: str) -> Topic:
    return next(t for t in TOPICS if t.key == key)
