"""Widgets of the 设施建设 page, one module per part of the page.

Every figure comes from `data_access` (the facilities metrics and
`data_access.facilities.status` / `facility_projects`) through `components.data.query`.
Facilities, projects and money are kept per community: nothing here is finer than a community.
"""

from components.facilities.cards import cards
from components.facilities.funding import funding
from components.facilities.map import facilities_map
from components.facilities.matrix import status_matrix
from components.facilities.office import office_space
from components.facilities.projects import projects

__all__ = ["cards", "facilities_map", "funding", "office_space", "projects", "status_matrix"]
