"""The cards of the volunteers, older residents and safety page, section by section, and the
ones its meeting topic puts on one screen (each taken from a section, so they cannot drift)."""

from __future__ import annotations

VOLUNTEERS: tuple[str, ...] = (
    "volunteer_orgs",
    "volunteers",
    "volunteers_per_1000",
    "volunteer_residents_served",
    "volunteer_participations",
    "volunteer_hours",
)
ELDERLY: tuple[str, ...] = (
    "residents_60_plus",
    "share_60_plus",
    "residents_80_plus",
    "share_80_plus",
    "elderly_groups",
)
DISPUTES: tuple[str, ...] = (
    "disputes_screened",
    "disputes_mediated",
    "disputes_mediated_share",
    "disputes_open_30",
)
TEAM: tuple[str, ...] = (
    "cadres",
    "cadres_college_plus",
    "cadres_below_college",
    "cadres_under_35",
    "cadres_35_plus",
    "cadres_party",
)
HONOURS: tuple[str, ...] = ("honours",)

# The meeting's screen: the lead figure of each section and the volunteers' reach.
MEETING: tuple[str, ...] = (
    VOLUNTEERS[1],
    VOLUNTEERS[0],
    VOLUNTEERS[3],
    DISPUTES[1],
    DISPUTES[2],
    TEAM[0],
    ELDERLY[4],
    HONOURS[0],
)
CARDS: tuple[str, ...] = VOLUNTEERS + ELDERLY + DISPUTES + TEAM + HONOURS
