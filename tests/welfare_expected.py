"""The sample county's welfare figures computed straight from the CSVs, for the app and browser
tests: an independent oracle (no data_access code), so a query bug cannot hide itself."""

from __future__ import annotations

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
