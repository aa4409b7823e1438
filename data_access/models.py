"""SQLAlchemy models: one class per table of the domain model, one module per domain.

Codes are stable keys, names are for display. Months are stored as 'YYYY-MM' text so that
string comparison orders them and CSV files stay readable; dates are ISO dates; money is
in yuan. Enumerated values are English codes (see `vocab.py` for their Chinese labels).
"""

from __future__ import annotations

from data_access.admin.models import AuditLog, DataVersion, Target, User, UserCommunity
from data_access.areas.models import Community, Compound, Grid
from data_access.areas.roads import Road
from data_access.community_life.models import (
    Cadre,
    CadrePost,
    Dispute,
    ElderlyGroup,
    Honour,
    VolunteerActivity,
    VolunteerOrg,
)
from data_access.employment.models import Jobseeker, JobseekerGroup, ZeroEmploymentFamily
from data_access.facilities.models import (
    Facility,
    FacilityKind,
    Funding,
    Project,
    ProjectPhasePlan,
)
from data_access.orm import MONTH_CHECK, Base, Money
from data_access.service_points.models import ServicePoint, ServicePointState
from data_access.welfare.models import (
    NearPoorHousehold,
    WelfareHousehold,
    WelfarePayment,
    WelfareReview,
    WelfareStandard,
)

# Load order: a table appears after every table it references.
DATA_TABLES: tuple[str, ...] = (
    "communities",
    "grids",
    "compounds",
    "service_points",
    "service_point_states",
    "facility_kinds",
    "facilities",
    "projects",
    "project_phase_plans",
    "funding",
    "welfare_standards",
    "welfare_households",
    "welfare_payments",
    "welfare_reviews",
    "near_poor_households",
    "zero_employment_families",
    "jobseekers",
    "jobseeker_groups",
    "volunteer_orgs",
    "volunteer_activities",
    "elderly_groups",
    "disputes",
    "cadres",
    "cadre_posts",
    "honours",
    "targets",
    "roads",
)

__all__ = [
    "Base",
    "Money",
    "MONTH_CHECK",
    "DATA_TABLES",
    "Community",
    "Grid",
    "Compound",
    "ServicePoint",
    "ServicePointState",
    "Road",
    "FacilityKind",
    "Facility",
    "Project",
    "ProjectPhasePlan",
    "Funding",
    "WelfareStandard",
    "WelfareHousehold",
    "WelfareReview",
    "NearPoorHousehold",
    "WelfarePayment",
    "ZeroEmploymentFamily",
    "Jobseeker",
    "JobseekerGroup",
    "VolunteerOrg",
    "VolunteerActivity",
    "ElderlyGroup",
    "Dispute",
    "Cadre",
    "CadrePost",
    "Honour",
    "Target",
    "User",
    "UserCommunity",
    "AuditLog",
    "DataVersion",
]
