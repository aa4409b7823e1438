"""Enumerated values of the domain and their display labels (Chinese, English).

The database stores the English code; imports accept the code or the Chinese label; the UI,
exports and summaries show the label in the chosen language. One place for both directions.
"""

from __future__ import annotations

SERVICE_POINT_TYPES: dict[str, tuple[str, str]] = {
    "milk": ("送奶点", "Milk delivery"),
    "mail": ("信函投送点", "Letter drop"),
    "newspaper": ("报纸发放点", "Newspaper point"),
    "reading_room": ("图书阅览室", "Reading room"),
    "convenience": ("便民服务站", "Convenience station"),
    "clinic": ("医疗卫生服务室", "Clinic"),
    "police": ("警务室", "Police room"),
    "elderly_care": ("养老服务中心", "Elderly-care centre"),
}
SERVICE_POINT_STATUSES = ("operating", "suspended", "closed")
SERVICE_POINT_STATUS_LABELS = {
    "operating": ("运营中", "Operating"),
    "suspended": ("暂停", "Suspended"),
    "closed": ("已关闭", "Closed"),
}

FACILITY_GROUPS = ("room", "station", "field", "other")
FACILITY_GROUP_LABELS = {
    "room": ("室", "Room"),
    "station": ("站", "Station"),
    "field": ("场", "Field"),
    "other": ("其他", "Other"),
}
FACILITY_STATUSES = ("missing", "planned", "under_construction", "in_use")
FACILITY_STATUS_LABELS = {
    "missing": ("缺失", "Missing"),
    "planned": ("已规划", "Planned"),
    "under_construction": ("在建", "Under construction"),
    "in_use": ("已投用", "In use"),
}

PROJECT_PHASES = ("design", "demolition", "construction", "completed", "in_use")
PROJECT_PHASE_LABELS = {
    "design": ("规划设计", "Design"),
    "demolition": ("旧房拆迁", "Demolition"),
    "construction": ("施工建设", "Construction"),
    "completed": ("竣工", "Completed"),
    "in_use": ("投入使用", "In use"),
}

FUNDING_SOURCES = ("county", "township_departments", "higher_level")
FUNDING_SOURCE_LABELS = {
    "county": ("县财政", "County finance"),
    "township_departments": ("乡镇和部门", "Townships and departments"),
    "higher_level": ("上级争取", "Higher levels"),
}

WELFARE_CATEGORIES = ("dibao", "tekun")
WELFARE_CATEGORY_LABELS = {
    "dibao": ("低保", "Minimum living allowance"),
    "tekun": ("特困", "Extreme-poverty support"),
}
WELFARE_STATUSES = ("active", "suspended", "exited")
WELFARE_STATUS_LABELS = {
    "active": ("在保", "Active"),
    "suspended": ("暂停", "Suspended"),
    "exited": ("已退出", "Exited"),
}

JOBSEEKER_GROUPS: dict[str, tuple[str, str]] = {
    "laid_off": ("下岗职工", "Laid-off worker"),
    "4050": ("“4050”人员", "“4050” person"),
    "zero_employment_family": ("零就业家庭成员", "Zero-employment family member"),
    "youth": ("待业青年", "Young job seeker"),
    "disabled": ("残疾人", "Disabled person"),
}
PLACEMENT_CHANNELS: dict[str, tuple[str, str]] = {
    "one_to_one": ("“一帮一”结对", "One-to-one help"),
    "training": ("技能培训", "Skills training"),
    "referral": ("岗位介绍", "Job referral"),
    "public_post": ("公益性岗位", "Public-interest post"),
    "self_employed": ("自主创业", "Self-employment"),
}

DISPUTE_OUTCOMES = ("mediated", "referred", "pending")
DISPUTE_OUTCOME_LABELS = {
    "mediated": ("调解成功", "Mediated"),
    "referred": ("移交处理", "Referred"),
    "pending": ("处理中", "Pending"),
}
DISPUTE_CATEGORIES: dict[str, tuple[str, str]] = {
    "neighbour": ("邻里纠纷", "Neighbours"),
    "family": ("家庭纠纷", "Family"),
    "property": ("物业纠纷", "Property management"),
    "labour": ("劳资纠纷", "Wages and labour"),
    "other": ("其他纠纷", "Other"),
}

EDUCATION_LEVELS = ("college_plus", "below")
EDUCATION_LABELS = {
    "college_plus": ("大专及以上", "College or above"),
    "below": ("大专以下", "Below college"),
}

HONOUR_LEVELS = ("province", "city", "county")
HONOUR_LEVEL_LABELS = {
    "province": ("省级", "Province"),
    "city": ("市级", "City"),
    "county": ("县级", "County"),
}

USER_ROLES = ("viewer", "editor", "admin")

# Every vocabulary by a short name, for `label()` and for import validation.
VOCABULARIES: dict[str, dict[str, tuple[str, str]]] = {
    "sp_type": SERVICE_POINT_TYPES,
    "sp_status": SERVICE_POINT_STATUS_LABELS,
    "facility_group": FACILITY_GROUP_LABELS,
    "facility_status": FACILITY_STATUS_LABELS,
    "project_phase": PROJECT_PHASE_LABELS,
    "funding_source": FUNDING_SOURCE_LABELS,
    "welfare_category": WELFARE_CATEGORY_LABELS,
    "welfare_status": WELFARE_STATUS_LABELS,
    "jobseeker_group": JOBSEEKER_GROUPS,
    "placement_channel": PLACEMENT_CHANNELS,
    "dispute_outcome": DISPUTE_OUTCOME_LABELS,
    "dispute_category": DISPUTE_CATEGORIES,
    "education": EDUCATION_LABELS,
    "honour_level": HONOUR_LEVEL_LABELS,
}


def label(vocabulary: str, code: str, lang: str = "zh") -> str:
    """The display label of a code; the code itself when it is not in the vocabulary."""
    pair = VOCABULARIES[vocabulary].get(code)
    if pair is None:
        return code
    return pair[1] if lang == "en" else pair[0]
