"""The catalog: every domain's figures, declared once, and what the engine derives from a
declaration — `value`, `by_community`, `by_grid`, `monthly`, `by_category`, `cumulative`
(compute) and `snapshot` (what a card, a table row, an export or a summary line shows).

Importing this module loads every domain's declarations (`data_access/<domain>/metrics.py`);
the engine (`data_access/engine/`) imports no domain, and no domain imports this catalog's
declarations through it, so there is no import cycle. Read a figure by its key from here.
"""

from data_access.areas import metrics as _areas  # noqa: F401  (registration order: parts first)
from data_access.community_life import metrics as _community_life  # noqa: F401
from data_access.employment import metrics as _employment  # noqa: F401
from data_access.engine.base import Metric, all_metrics, get, grid_level, is_sensitive
from data_access.engine.categories import by_category, category_totals
from data_access.engine.compute import (
    breakdown,
    by_community,
    by_compound,
    by_grid,
    end_month,
    value,
)
from data_access.engine.monthly import cumulative, monthly
from data_access.engine.periods import data_period, period_months
from data_access.engine.snapshot import Snapshot, Target, snapshot, target
from data_access.facilities import metrics as _facilities  # noqa: F401
from data_access.service_points import metrics as _service_points  # noqa: F401
from data_access.welfare import metrics as _welfare  # noqa: F401

__all__ = [
    "Metric",
    "Snapshot",
    "Target",
    "all_metrics",
    "breakdown",
    "category_totals",
    "cumulative",
    "by_category",
    "by_community",
    "by_compound",
    "by_grid",
    "data_period",
    "end_month",
    "get",
    "grid_level",
    "is_sensitive",
    "monthly",
    "period_months",
    "snapshot",
    "target",
    "value",
]
