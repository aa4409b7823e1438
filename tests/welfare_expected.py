"""The sample county's welfare figures computed straight from the CSVs, for the app and browser
tests: an independent oracle (no data_access code), so a query bug cannot hide itself."""

from __future__ import annotations

import calendar
import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from tests.conftest import sample_rows

END = "2022-06"


def in_force(h: dict, month: str = END) -> bool:
    return h["start_month"] <= month and (not h["end_month"] or h["end_month"] >= month)


def households(category: str, community: str | None = None, month: str = END) -> list[dict]:
    return [
        h
        for h in sample_rows("welfare_households")
        if h["category"] == category
        and in_force(h, month)
        and (community is None or h["community_code"] == community)
    ]


def dibao_standard(month: str = END) -> tuple[int, float]:
    """(standard, minimum benefit) of 低保 in force in `month`."""
    rows = sorted(
        (r for r in sample_rows("welfare_standards") if r["category"] == "dibao"),
        key=lambda r: r["effective_from"],
    )
    row = [r for r in rows if r["effective_from"][:7] <= month][-1]
    return int(float(row["yuan_per_person_month"])), float(row["min_benefit_yuan"])


def budget(standard: float, community: str | None = None) -> int:
    """Monthly money for the 低保 households in force in June 2022 at `standard` (gap formula)."""
    _today, minimum = dibao_standard()
    total = 0
    for h in households("dibao", community):
        income, members = float(h["per_capita_income_yuan"]), int(h["members"])
        if income < standard:
            gap = max(standard - income, minimum) * members
            total += int(Decimal(str(gap)).quantize(Decimal("1"), rounding=ROUND_HALF_UP))
    return total


def money_card(yuan: int) -> str:
    """A sum as a card shows it: from 100,000 yuan in 万元 to the hundred yuan (trailing zeros
    dropped: 44.88万元, 538.6万元), below that to the yuan (98,765元)."""
    if yuan < 100_000:
        return f"{yuan:,}元"
    wan = (Decimal(yuan) / 10_000).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return f"{wan:,.2f}".rstrip("0").rstrip(".") + "万元"


def persons(community: str | None = None, month: str = END) -> int:
    return sum(int(h["members"]) for h in households("dibao", community, month))


def month_last_day(month: str) -> dt.date:
    year, mon = int(month[:4]), int(month[5:])
    return dt.date(year, mon, calendar.monthrange(year, mon)[1])


def _months_back(day: dt.date, months: int) -> dt.date:
    year, mon = divmod(day.year * 12 + day.month - 1 - months, 12)
    return dt.date(year, mon + 1, min(day.day, calendar.monthrange(year, mon + 1)[1]))


def reviews_due(stable: int, unstable: int, month: str = END, community: str | None = None) -> int:
    """低保 households in force in `month` whose review is due at its last day, judged by the
    reviews made by then (welfare_reviews.csv): never reviewed, or last reviewed a full interval
    (stable income: `stable` months; unstable with a work-capable member: `unstable`) ago or more."""
    as_of = month_last_day(month)
    latest: dict[str, str] = {}
    for r in sample_rows("welfare_reviews"):
        if r["reviewed_on"] <= as_of.isoformat():
            latest[r["household_no"]] = max(latest.get(r["household_no"], ""), r["reviewed_on"])
    due = 0
    for h in households("dibao", community, month):
        short = h["income_stable"] == "false" and int(h["work_capable_members"]) > 0
        cutoff = _months_back(as_of, unstable if short else stable)
        last = latest.get(h["household_no"])
        due += last is None or dt.date.fromisoformat(last) <= cutoff
    return due


def near_poor(community: str | None = None, month: str = END) -> list[dict]:
    """低保边缘 households monitored in `month` (near_poor_households.csv)."""
    return [
        r
        for r in sample_rows("near_poor_households")
        if r["monitored_from"] <= month
        and (not r["monitored_to"] or r["monitored_to"] >= month)
        and (community is None or r["community_code"] == community)
    ]


def missed(community: str | None = None, month: str = END) -> list[dict]:
    """应保未保: monitored households assessed by the month's end with an income below the 低保
    standard then, not enrolled in 低保 then."""
    standard, _minimum = dibao_standard(month)
    enrolled = {h["household_no"] for h in households("dibao", community, month)}
    last_day = month_last_day(month).isoformat()
    return [
        r
        for r in near_poor(community, month)
        if r["assessed_on"] <= last_day
        and float(r["per_capita_income_yuan"]) < standard
        and r["dibao_household_no"] not in enrolled
    ]
