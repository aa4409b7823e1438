"""The page's own controls, kept in the page state and the URL (`components.page_state`): what
the volunteer chart counts (visits or time) and how disputes are broken down (category or grid)."""

from __future__ import annotations

VOLUNTEER_MEASURES = ("visits", "hours")
DISPUTE_BREAKDOWNS = ("category", "grid")
