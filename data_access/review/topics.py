"""The topics of the review meeting, one per screen and per slide, in the order they are shown.

A topic names its cards (snapshots) and the figure its ranking chart starts from. The cards are
each domain's own card list (`data_access/<domain>/cards.py`), the one its page reads, so the
meeting shows the numbers of the pages.
"""

from __future__ import annotations

from dataclasses import dataclass

from data_access import overview
from data_access.community_life import cards as community_life
from data_access.employment import cards as employment
from data_access.facilities import cards as facilities
from data_access.service_points import cards as service_points
from data_access.welfare import cards as welfare


@dataclass(frozen=True)
class Topic:
    key: str  # text key "review.topic.<key>"; URL value of ?topic=
    cards: tuple[str, ...]

    @property
    def lead(self) -> str:
        """The figure the ranking shows first (and the deck's chart)."""
        return self.cards[0]


TOPICS: tuple[Topic, ...] = (
    Topic("overview", overview.CARDS),
    Topic("service", service_points.CARDS),
    Topic("assistance", welfare.CARDS),
    Topic("employment", employment.CARDS),
    Topic("facilities", facilities.CARDS),
    Topic("life", community_life.MEETING),
)
TOPIC_KEYS: tuple[str, ...] = tuple(t.key for t in TOPICS)


def topic(key: str) -> Topic:
    return next(t for t in TOPICS if t.key == key)
