"""Targets for the sample year: assumptions of the sample, not figures of the source document.

A county sets its year's targets a little below what it expects to achieve, so a year-end
summary meets most of them; here the east community lags on two (re-employment slightly, the
volunteers it meant to recruit clearly), so the status colours have something to say.
"""

from __future__ import annotations

from data_access.sample.spec import EAST, OLD_TOWN, TARGET_PERIOD

OFFICE_STANDARD = 30  # m² of office and service space per 100 households

TARGETS = [
    # metric, community ('' = the county), value
    ("service_points", "", 135),
    ("service_points", OLD_TOWN.code, 90),
    ("service_points", EAST.code, 45),
    ("reemployed", "", 360),
    ("reemployed", OLD_TOWN.code, 235),
    ("reemployed", EAST.code, 125),  # 118 placed: slightly behind
    ("youth_informed", "", 500),
    ("youth_informed", OLD_TOWN.code, 340),
    ("youth_informed", EAST.code, 160),
    ("zero_families_open", "", 0),  # 动态清零: none left uncleared
    ("zero_families_open", OLD_TOWN.code, 0),
    ("zero_families_open", EAST.code, 0),
    ("volunteers", "", 170),
    ("volunteers", OLD_TOWN.code, 95),
    ("volunteers", EAST.code, 75),  # 64 registered: clearly behind
    ("volunteer_residents_served", "", 9500),
    ("funding_raised", "", 800000),
    ("facility_completeness", "", 1.0),
    # The standard for community office and service space the sample county applies: 30 m² per
    # 100 households (an assumption; see sample_data/README.md).
    ("office_m2_per_100_households", "", OFFICE_STANDARD),
    ("office_m2_per_100_households", OLD_TOWN.code, OFFICE_STANDARD),
    ("office_m2_per_100_households", EAST.code, OFFICE_STANDARD),
]


def build(tables: dict[str, list[dict]]) -> None:
    tables["targets"] = [
        {"metric_key": key, "community_code": comm, "period": TARGET_PERIOD, "value": value}
        for key, comm, value in TARGETS
    ]
