"""Widgets of the 社会救助 page, one module per part of the page.

Every figure comes from `data_access` (the welfare metrics and `data_access.welfare.queries*`)
through `components.data.query`. Counts finer than a community arrive from data_access already
suppressed ("<3"); counts a widget shows itself while a grid is chosen go through the same
`privacy` rule (`tables.count_text`). Personal data is requested only for a user who may see
it, and arrives masked.
"""

from components.welfare.breakdowns import breakdowns
from components.welfare.cards import cards, has_recipients
from components.welfare.checks import integrity, reviews
from components.welfare.coverage import coverage
from components.welfare.map import recipients_map
from components.welfare.roster import roster
from components.welfare.settings import settings
from components.welfare.trends import trends
from components.welfare.what_if import what_if

__all__ = [
    "breakdowns",
    "cards",
    "coverage",
    "has_recipients",
    "integrity",
    "recipients_map",
    "reviews",
    "roster",
    "settings",
    "trends",
    "what_if",
]
