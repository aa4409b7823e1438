"""The contract between the sidebar and every query: which communities, grids and months."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

from sqlalchemy import Column, and_, or_
from sqlalchemy.sql import ColumnElement

MONTH_RE = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


def is_month(text: str) -> bool:
    return bool(MONTH_RE.match(text or ""))


def month_start(month: str) -> dt.date:
    year, mon = int(month[:4]), int(month[5:7])
    return dt.date(year, mon, 1)


def month_end(month: str) -> dt.date:
    year, mon = int(month[:4]), int(month[5:7])
    return dt.date(year, mon, calendar.monthrange(year, mon)[1])


def month_of(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def add_months(month: str, n: int) -> str:
    index = int(month[:4]) * 12 + int(month[5:7]) - 1 + n
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def months_between(start: str, end: str) -> list[str]:
    """Inclusive list of 'YYYY-MM' from start to end (empty when end < start)."""
    out, month = [], start
    while month <= end:
        out.append(month)
        month = add_months(month, 1)
    return out


@dataclass(frozen=True)
class Filters:
    """Empty tuples mean "all"; None months mean "unbounded" (stock figures then read the current state)."""

    communities: tuple[str, ...] = field(default_factory=tuple)
    grids: tuple[str, ...] = field(default_factory=tuple)
    start: str | None = None
    end: str | None = None

    def __post_init__(self) -> None:
        for name in ("start", "end"):
            value = getattr(self, name)
            if value is not None and not is_month(value):
                raise ValueError(f"{name} must be 'YYYY-MM', got {value!r}")
        if self.start and self.end and self.start > self.end:
            raise ValueError(f"start {self.start} is after end {self.end}")
        # Normalise order so equal selections hash equal (cache keys).
        object.__setattr__(self, "communities", tuple(sorted(set(self.communities))))
        object.__setattr__(self, "grids", tuple(sorted(set(self.grids))))

    @property
    def start_date(self) -> dt.date | None:
        return month_start(self.start) if self.start else None

    @property
    def end_date(self) -> dt.date | None:
        return month_end(self.end) if self.end else None

    def with_period(self, start: str | None, end: str | None) -> Filters:
        return Filters(self.communities, self.grids, start, end)

    def previous_period(self) -> Filters | None:
        """The same number of months immediately before this period (None when unbounded)."""
        if not (self.start and self.end):
            return None
        length = len(months_between(self.start, self.end))
        return self.with_period(add_months(self.start, -length), add_months(self.start, -1))

    # -- SQL helpers: every query applies the filters through these, so they mean the same everywhere.

    def area_clause(self, community_col: Column, grid_col: Column | None = None) -> ColumnElement:
        parts: list[ColumnElement] = []
        if self.communities:
            parts.append(community_col.in_(self.communities))
        if self.grids and grid_col is not None:
            parts.append(grid_col.in_(self.grids))
        return and_(True, *parts)

    def date_in_period(self, col: Column) -> ColumnElement:
        """A flow: the event date falls inside the period."""
        parts: list[ColumnElement] = [col.is_not(None)]
        if self.start_date:
            parts.append(col >= self.start_date)
        if self.end_date:
            parts.append(col <= self.end_date)
        return and_(*parts)

    def month_in_period(self, col: Column) -> ColumnElement:
        parts: list[ColumnElement] = [col.is_not(None)]
        if self.start:
            parts.append(col >= self.start)
        if self.end:
            parts.append(col <= self.end)
        return and_(*parts)

    def months_cover_end(self, start_col: Column, end_col: Column) -> ColumnElement:
        """A stock measured at the period's last month: start ≤ end month ≤ end (end NULL = still open)."""
        if not self.end:
            return end_col.is_(None)
        return and_(start_col <= self.end, or_(end_col.is_(None), end_col >= self.end))

    def dates_cover_end(self, start_col: Column, end_col: Column) -> ColumnElement:
        """A stock measured on the period's last day: opened on or before it, not closed by then."""
        if not self.end_date:
            return end_col.is_(None)
        return and_(start_col <= self.end_date, or_(end_col.is_(None), end_col > self.end_date))


DEFAULT_MONTHS = 12


def default_period(first: str, last: str) -> tuple[str, str]:
    """The period the app opens on, within the data's months [first, last]: the latest twelve
    months (a work year), not the whole history, so each figure has a year before it to compare
    with once the data reaches back that far."""
    return max(first, add_months(last, -(DEFAULT_MONTHS - 1))), last


QUICK_PERIODS: tuple[str, ...] = ("year", "h1", "h2", "last3", "last_month")


def quick_periods(first: str, last: str) -> dict[str, tuple[str, str] | None]:
    """The sidebar's quick periods within the data's months [first, last]; None where the data
    has no month of it.

    year: January of the latest year to the latest month (本年); h1 / h2: the latest first or
    second half-year with data (上半年 / 下半年), clipped to the data; last3: the latest three
    months (近三个月); last_month: the latest month with data (上月: a review meeting looks at
    the month just closed).
    """
    year = int(last[:4])

    def clip(start: str, end: str) -> tuple[str, str] | None:
        start, end = max(start, first), min(end, last)
        return (start, end) if start <= end else None

    second_year = year if last >= f"{year}-07" else year - 1
    return {
        "year": clip(f"{year}-01", last),
        "h1": clip(f"{year}-01", f"{year}-06"),
        "h2": clip(f"{second_year}-07", f"{second_year}-12"),
        "last3": clip(add_months(last, -2), last),
        "last_month": clip(last, last),
    }
