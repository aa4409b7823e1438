"""Colours of the service-point map and charts, so both read alike.

The service types use the Okabe–Ito palette (distinguishable with the common colour-vision
deficiencies and on a washed-out projector), with wine instead of vermillion, which is kept for
the one warning on the map: compounds that no point of the chosen type reaches.
"""

from __future__ import annotations

TYPE_COLOURS: dict[str, str] = {
    "milk": "#0072B2",  # blue
    "mail": "#E69F00",  # orange
    "newspaper": "#009E73",  # bluish green
    "reading_room": "#CC79A7",  # reddish purple
    "convenience": "#56B4E9",  # sky blue
    "clinic": "#882255",  # wine
    "police": "#000000",  # black
    "elderly_care": "#F0E442",  # yellow (dark rim keeps it visible on white)
}
UNKNOWN_TYPE = "#7F7F7F"
WARNING = "#D55E00"  # vermillion: uncovered compounds
COVERED = "#BDBDBD"
NEUTRAL = "#C8C8C8"
INACTIVE = "#9E9E9E"
SUGGESTED = "#332288"  # indigo rings


def type_colour(code: str) -> str:
    return TYPE_COLOURS.get(code, UNKNOWN_TYPE)
