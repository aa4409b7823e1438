"""Every figure of the dashboard, declared once (one module per domain), and what is derived from
a declaration: `value`, `by_community`, `by_grid`, `monthly` (compute) and `snapshot` (what a
card, a table row, an export or a summary line shows)."""

from data_access.metrics import (  # noqa: F401  (registration order: parts before ratios)
    areas,
    community_life,
    employment,
    facilities,
    service_points,
    welfare,
)
from data_access.metrics.base import Metric, all_metrics, get, grid_level, is_sensitive
from data_access.metrics.compute import (
    breakdown,
    by_community,
    by_compound,
    by_grid,
    end_month,
    monthly,
    value,
)
from data_access.metrics.snapshot import Snapshot, Target, snapshot, target

OVERVIEW_CARDS: tuple[str, ...] = (
    "service_points",
    "dibao_persons",
    "tekun_households",
    "reemployed",
    "youth_informed",
    "volunteers",
    "funding_raised",
    "facility_completeness",
)

__all__ = [
    "OVERVIEW_CARDS",
    "Metric",
    "Snapshot",
    "Target",
    "all_metrics",
    "breakdown",
    "by_community",
    "by_compound",
    "by_grid",
    "end_month",
    "get",
    "grid_level",
    "is_sensitive",
    "monthly",
    "snapshot",
    "target",
    "value",
]
