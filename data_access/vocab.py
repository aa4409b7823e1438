"""Enumerated values of the domain: the English codes the database stores.

Their display labels (Chinese, English) are text like any other, in
`data_access/text/locale/vocab.py` under `vocab.<vocabulary>.<code>`; imports accept the code or
its Chinese label (`code_for_label`), the UI, exports and summaries show `label(...)`.
"""

from __future__ import annotations

from data_access.text import STRINGS, t

SERVICE_POINT_TYPES: tuple[str, ...] = (
    "milk",
    "mail",
    "newspaper",
    "reading_room",
    "convenience",
    "clinic",
    "police",
    "elderly_care",
)
SERVICE_POINT_STATUSES = ("operating", "suspended", "closed")
SERVICE_POINT_STATE_STATUSES = ("operating", "suspended")
FACILITY_GROUPS = ("room", "station", "field", "other")
FACILITY_STATUSES = ("missing", "planned", "under_construction", "in_use")
PROJECT_PHASES = ("design", "demolition", "construction", "completed", "in_use")
FUNDING_SOURCES = ("county", "township_departments", "higher_level")
WELFARE_CATEGORIES = ("dibao", "tekun")
WELFARE_STATUSES = ("active", "suspended", "exited")
JOBSEEKER_GROUPS = ("laid_off", "4050", "zero_employment_family", "youth", "disabled")
PLACEMENT_CHANNELS = ("one_to_one", "training", "referral", "public_post", "self_employed")
DISPUTE_OUTCOMES = ("mediated", "referred", "pending")
DISPUTE_CATEGORIES = ("neighbour", "family", "property", "labour", "other")
EDUCATION_LEVELS = ("college_plus", "below")
# The 两委: the community party organisation's committee (by its level) and the residents' committee.
CADRE_BODIES = ("party_committee", "party_general_branch", "party_branch", "residents_committee")
CADRE_POSTS = ("secretary", "deputy_secretary", "chair", "vice_chair", "member")
HONOUR_LEVELS = ("province", "city", "county")
USER_ROLES = ("viewer", "editor", "admin")
GENDERS = ("M", "F")

# Every vocabulary by a short name, for `label()` and for import validation.
VOCABULARIES: dict[str, tuple[str, ...]] = {
    "sp_type": SERVICE_POINT_TYPES,
    "sp_status": SERVICE_POINT_STATUSES,
    "facility_group": FACILITY_GROUPS,
    "facility_status": FACILITY_STATUSES,
    "project_phase": PROJECT_PHASES,
    "funding_source": FUNDING_SOURCES,
    "welfare_category": WELFARE_CATEGORIES,
    "welfare_status": WELFARE_STATUSES,
    "jobseeker_group": JOBSEEKER_GROUPS,
    "placement_channel": PLACEMENT_CHANNELS,
    "dispute_outcome": DISPUTE_OUTCOMES,
    "dispute_category": DISPUTE_CATEGORIES,
    "education": EDUCATION_LEVELS,
    "cadre_body": CADRE_BODIES,
    "cadre_post": CADRE_POSTS,
    "honour_level": HONOUR_LEVELS,
    "gender": GENDERS,
}


def label(vocabulary: str, code: str, lang: str = "zh") -> str:
    """The display label of a code; the code itself when it is not in the vocabulary (imported
    data may carry a type this version does not know yet)."""
    key = f"vocab.{vocabulary}.{code}"
    return t(key, lang) if key in STRINGS else code


def code_for_label(vocabulary: str, text: str) -> str | None:
    """The code whose code or label (either language) is `text`; None when nothing matches."""
    value = text.strip()
    for code in VOCABULARIES[vocabulary]:
        if value == code or value in STRINGS.get(f"vocab.{vocabulary}.{code}", ()):
            return code
    return None
