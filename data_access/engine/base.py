"""How a metric is declared: its source, its value, how it behaves in time, its area and unit.

A declaration says *what* a figure is; `data_access.engine.compute` derives from it the total,
the value per community, per grid and per month (ratios as sum ÷ sum at every level), and
`data_access.engine.snapshot` what a card shows. Labels and help live with the other text
(`metric.<key>.label` / `.help`), units in the formatter (`data_access.text.numbers`).

Declarations also carry **dimensions** (categories such as a point's type or money's source, in
the manner of a semantic layer's measure × dimension): `compute.by_category` and
`compute.monthly(..., by=...)` derive every breakdown, `compute.cumulative` the running total of a
flow, and a `Median` value its median, so no query writes a figure out by hand.

Adding a figure is one `register(Metric(...))` in the domain module, its two locale strings and a
test; nothing else changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy.sql import ColumnElement
from sqlalchemy.sql.selectable import SelectBase

from data_access.filters import Filters, month_end
from data_access.text import numbers

# ------------------------------------------------------------------------------ the value


@dataclass(frozen=True)
class Count:
    """Rows of the source."""


@dataclass(frozen=True)
class CountDistinct:
    """Distinct values of a column (a kind counts once however many rooms)."""

    column: str


@dataclass(frozen=True)
class Sum:
    """The sum of a column (members of households, yuan paid)."""

    column: str


@dataclass(frozen=True)
class Median:
    """The median of a column over the rows, or with `since` the median of the days from `since`
    to `column` (registration to placement). Not additive: an area's median is read from its rows,
    never from its parts' medians."""

    column: str
    since: str | None = None


Value = Count | CountDistinct | Sum | Median

# ------------------------------------------------------------------------------ time


@dataclass(frozen=True)
class Flow:
    """Counted by an event date inside the period (re-employed, money received).

    grain 'month' when the column holds 'YYYY-MM' text. `last_month_only`: only the period's last
    month counts (money paid for the month the cards describe); by month it is each month's flow.
    """

    date: str
    grain: Literal["date", "month"] = "date"
    last_month_only: bool = False


@dataclass(frozen=True)
class Stock:
    """Valid from `start` until `end` (NULL: still valid), read at the period's last month.

    grain 'date': `end` is the first day no longer valid (a point closed on 3 March is not
    operating at the end of March); grain 'month': `end` is the last month still valid (a
    household's last month in force); grain 'year': `start` is a year (an honour counts from the
    year it was awarded). A NULL start means valid since before the records begin.
    """

    start: str | None
    end: str | None = None
    grain: Literal["date", "month", "year"] = "date"


@dataclass(frozen=True)
class Latest:
    """No dates: only the present state is recorded (registered households, population). Any
    period reads the same value."""


Time = Flow | Stock | Latest

# ------------------------------------------------------------------------------ source and parameters


@dataclass(frozen=True)
class Context:
    """What a declaration's `where` may depend on: the filters, the as-of month and parameters."""

    filters: Filters
    end_month: str  # the period's last month (the data's last month when the period is open)
    params: Mapping[str, Any]

    @property
    def as_of(self) -> dt.date:
        return month_end(self.end_month)


Where = Callable[[Any, Context], list[ColumnElement]]


@dataclass(frozen=True)
class Source:
    """Where the rows come from: a model class or a function returning a select (joins).

    Columns are named: `community` and `grid` are the area columns (grid None: the source has no
    grid, so a grid filter cannot narrow it), `compound` the finest one where there is one;
    `where(columns, context)` adds the rows' conditions.
    """

    table: Any  # a model class, or a zero-argument function returning a Select
    community: str = "community_code"
    grid: str | None = "grid_code"
    where: Where | None = None
    compound: str | None = None  # the residential compound, where the source records it

    def selectable(self):
        if callable(self.table) and not hasattr(self.table, "__table__"):
            built = self.table()
            return built.subquery() if isinstance(built, SelectBase) else built
        return self.table.__table__


@dataclass(frozen=True)
class Dimension:
    """A category a figure can be broken down by: a column of the metric's source (a point's type,
    money's source) or, for a category a row can hold several of (a person's groups), a column of
    `source`, a select that repeats each row once per category with the same columns."""

    column: str
    source: Source | None = None


@dataclass(frozen=True)
class Param:
    """A parameter of a metric: its default and the values it may take."""

    default: int | str
    allowed: tuple | range

    def check(self, name: str, value: object) -> object:
        if value not in self.allowed:
            raise ValueError(f"parameter {name}={value!r} is not allowed")
        return value


# ------------------------------------------------------------------------------ the metric


@dataclass(frozen=True)
class Metric:
    """One figure, declared once.

    A base metric has `source`, `value` and `time`; a ratio metric names two metrics
    (`ratio=(numerator, denominator)`, times `scale`) and is computed as sum ÷ sum at every level.
    `fine_source` replaces the source when the figure is read below community level (a grid
    filter or by grid): registered households are kept per community and per grid.
    `protected_by`: the figure counts people or households, or is computed from them (money,
    shares), so below community level it is published only where `data_access.engine.protection`'s
    pattern of those counts allows. `as_of_where`: the conditions depend on the as-of date (ages, review cycles),
    so by month runs one query per month.
    """

    key: str
    unit: str
    source: Source | None = None
    value: Value | None = None
    time: Time = field(default_factory=Latest)
    ratio: tuple[str, str] | None = None
    scale: float = 1.0
    fine_source: Source | None = None
    higher_is_better: bool = True
    decimals: int | None = None
    params: Mapping[str, Param] = field(default_factory=dict)
    protected_by: tuple[str, ...] = ()
    as_of_where: bool = False
    trend: bool = True
    dimensions: Mapping[str, Dimension | str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        numbers.unit(self.unit)  # an unknown unit fails at import, not on a page
        if self.ratio is None and (self.source is None or self.value is None):
            raise ValueError(f"metric {self.key!r} needs a source and a value, or a ratio")
        if self.ratio is not None and self.dimensions:
            raise ValueError(f"ratio {self.key!r}: its parts declare the dimensions")
        if isinstance(self.value, Median) and not isinstance(self.time, Flow | Latest):
            raise ValueError(f"metric {self.key!r}: a median is of events or of a present state")

    def dimension(self, name: str) -> Dimension:
        """The declared dimension `name` (a plain column name declares a column of the source)."""
        if self.ratio is not None:
            parts = [get(part).dimension(name) for part in self.ratio]
            return parts[0]
        if name not in self.dimensions:
            raise ValueError(f"metric {self.key!r} has no dimension {name!r}")
        found = self.dimensions[name]
        return Dimension(found) if isinstance(found, str) else found

    def dimension_names(self) -> tuple[str, ...]:
        """The dimensions the figure can be broken down by (a ratio: those both parts declare)."""
        if self.ratio is not None:
            names = [set(get(part).dimension_names()) for part in self.ratio]
            return tuple(sorted(names[0] & names[1]))
        return tuple(self.dimensions)

    @property
    def is_ratio(self) -> bool:
        return self.ratio is not None

    @property
    def is_additive(self) -> bool:
        """Its value over an area is the sum of its parts' (not a ratio, not a median)."""
        return self.ratio is None and not isinstance(self.value, Median)

    @property
    def kind(self) -> Literal["flow", "stock", "ratio", "latest"]:
        if self.is_ratio:
            return "ratio"
        if isinstance(self.time, Flow):
            return "flow"
        return "stock" if isinstance(self.time, Stock) else "latest"

    @property
    def shown_decimals(self) -> int:
        return numbers.unit(self.unit).decimals if self.decimals is None else self.decimals

    def resolve_params(self, given: Mapping[str, object]) -> dict[str, object]:
        """Defaults filled in, unknown or disallowed parameters rejected."""
        unknown = set(given) - set(self.params)
        if unknown:
            raise ValueError(f"metric {self.key!r} has no parameter {sorted(unknown)}")
        return {name: p.check(name, given.get(name, p.default)) for name, p in self.params.items()}


_REGISTRY: dict[str, Metric] = {}


def register(metric: Metric) -> Metric:
    if metric.key in _REGISTRY:
        raise ValueError(f"metric {metric.key!r} is defined twice")
    if metric.ratio:
        for part in metric.ratio:
            if part not in _REGISTRY:
                raise ValueError(f"ratio {metric.key!r}: register {part!r} first")
    _REGISTRY[metric.key] = metric
    return metric


def get(key: str) -> Metric:
    return _REGISTRY[key]


def all_metrics() -> list[Metric]:
    return list(_REGISTRY.values())


def grid_level(key: str) -> bool:
    """Whether a grid filter narrows the figure (every part's source has a grid column)."""
    m = get(key)
    if m.ratio:
        return all(grid_level(part) for part in m.ratio)
    source = m.fine_source or m.source
    return source is not None and source.grid is not None


def is_sensitive(key: str) -> bool:
    """Below community level the figure is subject to the small-count protection."""
    return bool(get(key).protected_by)
