"""The KPI registry: every figure the dashboard shows is defined here, once.

A metric knows its labels, unit, how it is computed (the help text users see), whether higher
is better, and the query that yields its value per community. Cards, comparison tables, trend
charts, exports and tests all go through `value`, `by_community` and `monthly`, so one number
has one definition everywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import pandas as pd
from sqlalchemy import select
from sqlalchemy.engine import Connection

from data_access.filters import Filters
from data_access.models import Target
from data_access.queries import community_life, employment, facilities, service_points, welfare
from data_access.queries.common import communities, residents_by_community

SeriesFn = Callable[[Connection, Filters], pd.Series]
MonthlyFn = Callable[[Connection, Filters], pd.DataFrame]


@dataclass(frozen=True)
class Metric:
    key: str
    label_zh: str
    label_en: str
    unit_zh: str
    unit_en: str
    help_zh: str
    help_en: str
    kind: Literal["stock", "flow", "ratio"]
    numerator: SeriesFn
    denominator: SeriesFn | None = None
    monthly_fn: MonthlyFn | None = None
    higher_is_better: bool = True
    # False when the source table has no grid: a grid filter then cannot narrow the figure.
    grid_level: bool = True
    percent: bool = False
    decimals: int = 0

    def label(self, lang: str = "zh") -> str:
        return self.label_en if lang == "en" else self.label_zh

    def unit(self, lang: str = "zh") -> str:
        return self.unit_en if lang == "en" else self.unit_zh

    def help(self, lang: str = "zh") -> str:
        return self.help_en if lang == "en" else self.help_zh

    def format(self, value: float | None, lang: str = "zh") -> str:
        if value is None or pd.isna(value):
            return "—"
        if self.percent:
            return f"{value * 100:.1f}%"
        number = f"{value:,.{self.decimals}f}"
        if lang == "en":
            # English cards are narrow for words like "persons": the label says what is counted.
            return f"¥{number}" if self.unit_en == "yuan" else number
        return f"{number}{self.unit_zh}"


_REGISTRY: dict[str, Metric] = {}


def register(metric: Metric) -> Metric:
    if metric.key in _REGISTRY:
        raise ValueError(f"metric {metric.key!r} is defined twice")
    _REGISTRY[metric.key] = metric
    return metric


def get(key: str) -> Metric:
    return _REGISTRY[key]


def all_metrics() -> list[Metric]:
    return list(_REGISTRY.values())


# ------------------------------------------------------------------------------ computations


def by_community(conn: Connection, key: str, f: Filters) -> pd.Series:
    """The metric's value for each chosen community (ratios computed per community)."""
    m = get(key)
    num = m.numerator(conn, f)
    if m.denominator is None:
        return num
    den = m.denominator(conn, f)
    return (num / den.where(den != 0)).astype(float)


def value(conn: Connection, key: str, f: Filters) -> float | None:
    """The metric for the whole chosen area: a sum, or for ratios sum(numerator) / sum(denominator)."""
    m = get(key)
    num = m.numerator(conn, f)
    if m.denominator is None:
        return float(num.sum())
    den = float(m.denominator(conn, f).sum())
    return float(num.sum()) / den if den else None


def monthly(conn: Connection, key: str, f: Filters) -> pd.DataFrame:
    """month, community_code, value over the period: month-end values for stocks, per-month for flows."""
    m = get(key)
    if m.monthly_fn is None:
        return pd.DataFrame(columns=["month", "community_code", "value"])
    return m.monthly_fn(conn, f)


def _target_periods_covering(month: str | None, periods: list[str]) -> list[str]:
    if month is None:
        return sorted(periods)[-1:]
    return [p for p in periods if p.split("..")[0] <= month <= p.split("..")[-1]]


def target(conn: Connection, key: str, f: Filters) -> tuple[float, str] | None:
    """(target value, its period) for the chosen area at the period's end, or None.

    County target when no community (or every community) is chosen; otherwise the sum of the
    chosen communities' targets when each has one (a ratio target applies to a single community).
    Targets are set for communities, so a grid filter shows none.
    """
    if f.grids:
        return None
    rows = conn.execute(
        select(Target.community_code, Target.period, Target.value).where(Target.metric_key == key)
    ).all()
    if not rows:
        return None
    all_codes = set(communities(conn)["code"])
    chosen = set(f.communities) or all_codes
    periods = _target_periods_covering(f.end, sorted({r.period for r in rows}))
    if not periods:
        return None
    period = periods[-1]
    in_period = {r.community_code: r.value for r in rows if r.period == period}
    if chosen == all_codes and "" in in_period:
        return in_period[""], period
    if not chosen.issubset(in_period):
        return None
    if get(key).denominator is not None:
        return (in_period[next(iter(chosen))], period) if len(chosen) == 1 else None
    return sum(in_period[c] for c in chosen), period


# ------------------------------------------------------------------------------ the registry

register(
    Metric(
        key="service_points",
        label_zh="便民服务网点",
        label_en="Service points",
        unit_zh="个",
        unit_en="",
        help_zh="期末处于运营状态的社区服务网点数（送奶点、信函投送点、报纸发放点、图书阅览室等）："
        "开设日期不晚于期末、期末前未关闭、且未处于暂停状态。",
        help_en="Convenience points operating at the end of the period: opened by then, not closed "
        "by then and not suspended.",
        kind="stock",
        numerator=service_points.operating_points_by_community,
        monthly_fn=service_points.operating_points_by_month,
    )
)
register(
    Metric(
        key="dibao_persons",
        label_zh="低保对象",
        label_en="Dibao recipients",
        unit_zh="人",
        unit_en="persons",
        help_zh="期末月份在保的低保家庭成员人数之和：起始月不晚于期末、终止月为空或不早于期末。",
        help_en="Members of 低保 households in force in the period's last month (started by then, "
        "not ended before it).",
        kind="stock",
        numerator=lambda c, f: welfare.persons_by_community(c, f, "dibao"),
        monthly_fn=lambda c, f: welfare.persons_by_month(c, f, "dibao"),
        higher_is_better=False,
    )
)
register(
    Metric(
        key="dibao_households",
        label_zh="低保家庭",
        label_en="Dibao households",
        unit_zh="户",
        unit_en="households",
        help_zh="期末月份在保的低保家庭户数。",
        help_en="低保 households in force in the period's last month.",
        kind="stock",
        numerator=lambda c, f: welfare.households_by_community(c, f, "dibao"),
        monthly_fn=lambda c, f: welfare.households_by_month(c, f, "dibao"),
        higher_is_better=False,
    )
)
register(
    Metric(
        key="tekun_households",
        label_zh="特困供养户",
        label_en="Tekun households",
        unit_zh="户",
        unit_en="households",
        help_zh="期末月份在保的特困供养家庭户数（起始月不晚于期末、终止月为空或不早于期末）。",
        help_en="特困 households supported in the period's last month.",
        kind="stock",
        numerator=lambda c, f: welfare.households_by_community(c, f, "tekun"),
        monthly_fn=lambda c, f: welfare.households_by_month(c, f, "tekun"),
        higher_is_better=False,
    )
)
register(
    Metric(
        key="reemployed",
        label_zh="下岗职工再就业",
        label_en="Laid-off re-employed",
        unit_zh="人",
        unit_en="persons",
        help_zh="就业服务台账中属于“下岗职工”、且上岗日期在所选期间内的人数。",
        help_en="Job seekers in the laid-off group whose placement date falls in the period.",
        kind="flow",
        numerator=employment.reemployed_by_community,
        monthly_fn=employment.reemployed_by_month,
    )
)
register(
    Metric(
        key="youth_informed",
        label_zh="待业青年获劳务信息",
        label_en="Youth given job info",
        unit_zh="人",
        unit_en="persons",
        help_zh="就业服务台账中属于“待业青年”、且提供劳务信息日期在所选期间内的人数。",
        help_en="Young job seekers given labour-market information during the period.",
        kind="flow",
        numerator=employment.youth_informed_by_community,
        monthly_fn=employment.youth_informed_by_month,
    )
)
register(
    Metric(
        key="volunteers",
        label_zh="志愿者",
        label_en="Volunteers",
        unit_zh="人",
        unit_en="persons",
        help_zh="期末已成立的社区志愿者组织的成员人数之和（志愿者组织不区分网格）。",
        help_en="Members of the volunteer organisations founded by the period's end (organisations "
        "have no grid).",
        kind="stock",
        numerator=community_life.volunteers_by_community,
        grid_level=False,
    )
)
register(
    Metric(
        key="volunteer_orgs",
        label_zh="志愿者组织",
        label_en="Volunteer organisations",
        unit_zh="个",
        unit_en="",
        help_zh="期末已成立的社区志愿者组织个数。",
        help_en="Volunteer organisations founded by the period's end.",
        kind="stock",
        numerator=community_life.volunteer_orgs_by_community,
        grid_level=False,
    )
)
register(
    Metric(
        key="volunteer_person_times",
        label_zh="志愿服务人次",
        label_en="Volunteer person-times",
        unit_zh="人次",
        unit_en="person-times",
        help_zh="所选期间内各志愿者组织开展活动的参与人次之和。",
        help_en="Person-times of the volunteer activities held during the period.",
        kind="flow",
        numerator=community_life.person_times_by_community,
        monthly_fn=community_life.person_times_by_month,
        grid_level=False,
    )
)
register(
    Metric(
        key="funding_raised",
        label_zh="筹措资金",
        label_en="Money raised",
        unit_zh="元",
        unit_en="yuan",
        help_zh="所选期间内到位的社区建设资金合计（县财政、乡镇和部门、上级争取），按到账日期统计。",
        help_en="Community-building money received during the period (county finance, townships and "
        "departments, higher levels), by date received.",
        kind="flow",
        numerator=facilities.funding_by_community,
        monthly_fn=facilities.funding_by_month,
        grid_level=False,
    )
)
register(
    Metric(
        key="facility_completeness",
        label_zh="“六室三站一场”配备率",
        label_en="Rooms & stations in place",
        unit_zh="",
        unit_en="",
        help_zh="期末已投入使用的必备室站场种类数 ÷（必备种类数 × 社区数）。必备清单见设施种类表"
        "（办公室、警务室、图书室、娱乐室、健身室、党员活动室、劳动保障工作站、低保站、计划生育服务站、室外健身场）。",
        help_en="Required facility kinds in use at the period's end ÷ (required kinds × communities).",
        kind="ratio",
        numerator=facilities.required_in_use_by_community,
        denominator=facilities.required_slots_by_community,
        monthly_fn=facilities.completeness_by_month,
        grid_level=False,
        percent=True,
    )
)


def _cadres(which: str) -> SeriesFn:
    return lambda c, f: community_life.cadres_by_community(c, f, which)


for _key, _which, _zh, _en, _help_zh in (
    (
        "cadres",
        "all",
        "社区干部",
        "Community cadres",
        "依法选举产生、期末在任的社区居委会干部人数。",
    ),
    (
        "cadres_college_plus",
        "college_plus",
        "大专以上干部",
        "Cadres with college+",
        "学历为大专及以上的社区干部人数。",
    ),
    (
        "cadres_under_35",
        "under_35",
        "35岁以下干部",
        "Cadres under 35",
        "按期末日期计算年龄、未满35周岁的社区干部人数。",
    ),
    ("cadres_party", "party", "党员干部", "Party-member cadres", "社区干部中的中共党员人数。"),
):
    register(
        Metric(
            key=_key,
            label_zh=_zh,
            label_en=_en,
            unit_zh="名",
            unit_en="",
            help_zh=_help_zh + "（干部不区分网格）",
            help_en=f"{_en}: elected community cadres in office at the period's end (no grid).",
            kind="stock",
            numerator=_cadres(_which),
            grid_level=False,
        )
    )

register(
    Metric(
        key="honours",
        label_zh="获得荣誉",
        label_en="Honours",
        unit_zh="项",
        unit_en="",
        help_zh="截至期末年度，社区累计获得的省、市、县级荣誉称号项数。",
        help_en="Province, city and county honours awarded up to the period's end year.",
        kind="stock",
        numerator=community_life.honours_by_community,
        grid_level=False,
    )
)
register(
    Metric(
        key="elderly_groups",
        label_zh="为老服务组织",
        label_en="Groups for older residents",
        unit_zh="个",
        unit_en="",
        help_zh="期末已成立的社区为老服务组织（戏曲、晨练、文艺等）个数。",
        help_en="Groups for older residents (opera, morning exercise, arts...) founded by the period's end.",
        kind="stock",
        numerator=community_life.elderly_groups_by_community,
        grid_level=False,
    )
)


# ---- service-point metrics
register(
    Metric(
        key="sp_per_1000_households",
        label_zh="每千户服务网点",
        label_en="Points / 1,000 homes",
        unit_zh="个/千户",
        unit_en="",
        help_zh="期末运营中的服务网点数 ÷（所选范围登记户数 ÷ 1000）。户数取社区登记户数，选择网格时取所选网格的户数；"
        "运营口径同“便民服务网点”。",
        help_en="Points operating at the period's end ÷ (registered households of the chosen area "
        "÷ 1,000); households of the communities, or of the chosen grids.",
        kind="ratio",
        numerator=service_points.operating_points_by_community,
        denominator=service_points.thousand_households_by_community,
        monthly_fn=service_points.points_per_thousand_by_month,
        decimals=1,
    )
)

# ---- welfare metrics
register(
    Metric(
        key="dibao_paid_month",
        label_zh="当月低保金发放",
        label_en="Dibao paid this month",
        unit_zh="元",
        unit_en="yuan",
        help_zh="期末月份（所选期间最后一个月）实际发放给低保家庭的救助金合计，按发放台账的发放月份统计；"
        "趋势图为每月的发放额。",
        help_en="低保 money actually paid for the period's last month, from the payment records "
        "(the trend shows each month's payments).",
        kind="stock",
        numerator=lambda c, f: welfare.paid_by_community(c, f, "dibao"),
        monthly_fn=lambda c, f: welfare.paid_by_month(c, f, "dibao"),
        higher_is_better=False,
    )
)
register(
    Metric(
        key="dibao_benefit_per_person",
        label_zh="人均月救助金",
        label_en="Monthly benefit per person",
        unit_zh="元",
        unit_en="yuan",
        help_zh="期末月份低保金发放合计 ÷ 期末月份在保低保人数（元/人·月）。",
        help_en="低保 money paid for the period's last month ÷ 低保 recipients in force that month "
        "(yuan per person per month).",
        kind="ratio",
        numerator=lambda c, f: welfare.paid_by_community(c, f, "dibao"),
        denominator=lambda c, f: welfare.persons_by_community(c, f, "dibao"),
        monthly_fn=lambda c, f: welfare.benefit_per_person_by_month(c, f, "dibao"),
    )
)
register(
    Metric(
        key="dibao_review_due",
        label_zh="待复核低保户",
        label_en="Dibao reviews due",
        unit_zh="户",
        unit_en="households",
        help_zh="期末在保的低保家庭中，到期末应复核而未复核的户数：收入稳定的家庭每12个月复核一次，"
        "收入不稳定且有劳动能力成员的家庭每6个月复核一次；从未复核的也计入。复核周期可在社会救助页面调整。",
        help_en="低保 households in force whose eligibility review is due or overdue at the period's "
        "end: yearly when income is stable, every six months when it is unstable and a member can "
        "work (never reviewed counts too). The intervals can be changed on the welfare page.",
        kind="stock",
        numerator=lambda c, f: welfare.review_due_by_community(c, f),
        higher_is_better=False,
    )
)
register(
    Metric(
        key="dibao_coverage_population",
        label_zh="低保覆盖率（按人口）",
        label_en="Dibao coverage of population",
        unit_zh="",
        unit_en="",
        help_zh="期末在保低保人数 ÷ 常住人口（社区登记人口；选择网格时为所选网格人口）。",
        help_en="低保 recipients in force at the period's end ÷ resident population (of the "
        "communities, or of the chosen grids).",
        kind="ratio",
        numerator=lambda c, f: welfare.persons_by_community(c, f, "dibao"),
        denominator=lambda c, f: residents_by_community(c, f, "population"),
        percent=True,
    )
)
register(
    Metric(
        key="dibao_coverage_low_income",
        label_zh="低保覆盖率（按低收入家庭）",
        label_en="Dibao coverage of low-income households",
        unit_zh="",
        unit_en="",
        help_zh="期末在保低保户数 ÷ 民政部门认定的符合条件低收入家庭户数；只计有认定户数的社区，"
        "没有该数据的社区不计入（全部没有时显示“暂无数据”）。该数据按社区登记，不区分网格。",
        help_en="低保 households in force at the period's end ÷ low-income households identified as "
        "eligible by civil affairs; only communities with that figure count (none: no data). "
        "Recorded per community, not per grid.",
        kind="ratio",
        numerator=welfare.enrolled_where_known_by_community,
        denominator=welfare.low_income_households_by_community,
        grid_level=False,
        percent=True,
    )
)

OVERVIEW_CARDS: tuple[str, ...] = (
    "service_points",
    "dibao_persons",
    "tekun_households",
    "reemployed",
    "youth_informed",
    "volunteers",
    "funding_raised",
    "facility_completeness",
)
