"""就业服务 page: its metrics, panels, rules and the what-if."""

STRINGS = {
    "metric.placed_4050.label": ("“4050”人员就业", "4050 persons placed"),
    "metric.placed_4050.help": (
        "所选期间内上岗的“4050”人员人数。“4050”人员：截至期末（所选期间最后一天）女性年满40周岁、"
        "男性年满50周岁的登记求职人员（就业困难人员中的常用口径，至法定退休年龄为止；"
        "超过退休年龄者不再登记求职），按出生日期和性别计算，不另行标记。",
        "Job seekers placed during the period who are 4050 persons: women aged 40 and over and men "
        "aged 50 and over on the period's last day (the usual definition among people with "
        "employment difficulties, up to the statutory retirement age; people past it are not "
        "registered), computed from birth date and gender, never a stored mark.",
    ),
    "metric.jobseekers_waiting.label": ("登记求职未就业", "Registered, not yet placed"),
    "metric.jobseekers_waiting.help": (
        "期末已登记求职、到期末仍未上岗的人数（所有人群）。网格数较小时按隐私规则隐藏。",
        "People registered by the period's end and not placed by then (every group). Small grid "
        "counts are hidden by the privacy rules.",
    ),
    "metric.zero_families_open.label": ("零就业家庭未清零", "Zero-employment families open"),
    "metric.zero_families_open.help": (
        "期末已认定、到期末仍无成员就业的零就业家庭户数。目标：无（动态清零：认定后一个月内至少一人就业）。",
        "Zero-employment families identified by the period's end with no member employed by "
        "then. Target: none (dynamic clearing: one member employed within a month of "
        "identification).",
    ),
}
