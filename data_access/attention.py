"""需要关注: every figure whose status is red or amber, for the chosen area and for each of its
communities — what a leader should see first, and where to read why.

The figures are the cards of every domain page (each domain's card list, the one its page and
its meeting topic read); a figure with no target has no status and is never listed. Red comes
before amber, and within a colour the figure furthest behind its 序时进度 first.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import Connection

from data_access import metrics
from data_access.areas.queries import community_names
from data_access.community_life import cards as community_life
from data_access.employment import cards as employment
from data_access.engine.snapshot import Snapshot, community_snapshots
from data_access.facilities import cards as facilities
from data_access.filters import Filters
from data_access.service_points import cards as service_points
from data_access.welfare import cards as welfare

ATTENTION = ("red", "amber")


def page_cards() -> dict[str, tuple[str, ...]]:
    """Page URL path → the cards it shows (read at call time: a test may add a card)."""
    return {
        "service_points": service_points.CARDS,
        "welfare": welfare.CARDS,
        "employment": employment.CARDS,
        "facilities": facilities.CARDS,
        "community_life": community_life.CARDS,
    }


@dataclass(frozen=True)
class Item:
    """One lagging figure: where (a community's code, or None for the chosen area itself), which
    page explains it, and its snapshot (value, target, progress, 序时进度, status)."""

    community: str | None
    community_name: str | None
    page: str
    snapshot: Snapshot

    @property
    def filters(self) -> Filters:
        return self.snapshot.filters


def _behind(s: Snapshot) -> float:
    """How far behind its 序时进度 (smaller is further behind), for the order within a colour."""
    if s.progress is None or not s.expected:
        return 0.0
    ratio = s.progress / s.expected
    return ratio if s.higher_is_better else 1 / ratio if ratio else 0.0


def attention(conn: Connection, f: Filters) -> list[Item]:
    """Red and amber figures for the chosen area, then for each chosen community (when the area
    is more than one community and no grids are chosen), red first."""
    items: list[Item] = []
    seen: set[str] = set()
    per_community = not f.grids and len(f.communities) != 1
    names = community_names(conn) if per_community else {}
    for page, keys in page_cards().items():
        for key in keys:
            if key in seen:
                continue
            seen.add(key)
            s = metrics.snapshot(conn, key, f)
            if s.status in ATTENTION:
                items.append(Item(None, None, page, s))
            if not per_community:
                continue
            for code, cs in community_snapshots(conn, key, f).items():
                if cs.status in ATTENTION:
                    items.append(Item(code, names.get(code, code), page, cs))
    return sorted(items, key=lambda i: (ATTENTION.index(i.snapshot.status), _behind(i.snapshot)))
