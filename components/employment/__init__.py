"""Widgets of the 就业服务 page, one module per part of the page.

Figures come from `data_access` (the employment metrics and `data_access.employment.queries*`)
through `components.data.query`. Grid counts arrive after the protection pattern ("<3", "*");
a panel over chosen grids that may not be published says so instead. The list of zero-employment
families is requested only for a user who may see personal data, and arrives masked.
"""

from components.employment.cards import cards
from components.employment.families import families, full_employment
from components.employment.map import outcomes_map
from components.employment.path import days_to_placement, path_to_job, placements
from components.employment.what_if import what_if

__all__ = [
    "cards",
    "days_to_placement",
    "families",
    "full_employment",
    "outcomes_map",
    "path_to_job",
    "placements",
    "what_if",
]
