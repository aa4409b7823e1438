"""The auditor by linear programming: what a reader can infer about every withheld count from
everything the dashboard publishes, over every area and period a reader can choose.

The bounds auditor in `disclosure` reasons one table at a time (a community's grids at one
month). A reader has more: the same grid over overlapping periods, pairs of grids, a community's
exact total for every month. Here the unknowns are the finest cells (a grid's count in one
month); every published number is a linear equation over them (a sum of cells = its value), a
"<3" says 1 ≤ sum ≤ 2, and counts are not negative. For each withheld number `scipy.optimize.
linprog` finds the least and the greatest value its cells can sum to under all those equations —
the interval a reader is left with, the way τ-ARGUS and sdcTable audit a table.

A withheld number is disclosed when a reader can pin it to one small count (1 or 2; below the
threshold of 3): for any area and period, that is what the "<3" rule exists to prevent. Only
withheld numbers whose true value is small can be pinned to a small value, so only they are
solved. A withheld number pinned to a larger value (the sum of a community's hidden grids, which
its exact total minus the published grids gives anyway) identifies nobody, and a "<3" says 1–2
on purpose. The interval cannot always be 3 wide: community totals are exact, so a community
whose month holds 2 events leaves its hidden grids in [0, 2] whatever else is withheld.
"""

from __future__ import annotations

import time
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy.linalg import qr
from scipy.optimize import linprog

from data_access.engine.disclosure import PRIMARY

Cell = Hashable
THRESHOLD = 3  # counts below it are small: never published exactly below community level
EPS = 1e-6


@dataclass(frozen=True)
class Published:
    """One number as a reader sees it: which finest cells it sums, and what is shown (a count,
    "<3" or "*"); `label` says where (for a finding) and `true` is the real sum (for the report)."""

    label: str
    cells: frozenset[Cell]
    shown: float | str
    true: float


@dataclass(frozen=True)
class Interval:
    label: str
    shown: str
    true: float
    low: float
    high: float
    pinned_by: tuple[str, ...] = ()

    @property
    def width(self) -> float:
        return self.high - self.low

    @property
    def disclosed(self) -> bool:
        return self.high - self.low < EPS and EPS < self.high < THRESHOLD - EPS


@dataclass
class Report:
    """Every withheld number's interval; the first disclosed one, if any."""

    intervals: list[Interval] = field(default_factory=list)
    published: int = 0
    seconds: float = 0.0

    @property
    def failures(self) -> list[Interval]:
        return [i for i in self.intervals if i.disclosed]

    def extend(self, other: Report) -> None:
        self.intervals.extend(other.intervals)
        self.published += other.published
        self.seconds += other.seconds

    def summary(self) -> str:
        if not self.intervals:
            return f"{self.published} independent published numbers, none withheld"
        widths = sorted(self.intervals, key=lambda i: i.width)
        first = self.failures[0] if self.failures else None
        text = (
            f"{self.published} independent published numbers, {len(self.intervals)} withheld "
            "small counts, "
            f"narrowest {widths[0].label} [{widths[0].low:g}, {widths[0].high:g}], "
            f"widest {widths[-1].label} [{widths[-1].low:g}, {widths[-1].high:g}], "
            f"{self.seconds:.1f} s"
        )
        if first is not None:
            text += (
                f"; DISCLOSED {first.label} (true {first.true:g}) in [{first.low:g}, "
                f"{first.high:g}] by {', '.join(first.pinned_by)}"
            )
        return text


def _independent(exact: list[Published], row) -> list[Published]:
    """The published numbers that are not sums of others (a community's quarter is the sum of
    its months): the same solution space in far fewer equations. QR with column pivoting of the
    equations' transpose orders them independent first."""
    if len(exact) < 2:
        return exact
    matrix = np.array([row(n) for n in exact])
    _, r, order = qr(matrix.T, mode="economic", pivoting=True)
    diagonal = np.abs(np.diag(r))
    rank = int((diagonal > diagonal.max() * 1e-9).sum()) if diagonal.size else 0
    return [exact[i] for i in sorted(order[:rank])]


def intervals(numbers: Sequence[Published], full: bool = True) -> Report:
    """The interval of every withheld number whose true value is a small count (1–2), given
    every published number. Not `full`: where the greatest value already exceeds the true one
    the number cannot be pinned, and its least value is not solved (reported as -inf)."""
    started = time.perf_counter()
    cells = sorted({c for n in numbers for c in n.cells}, key=repr)
    index = {c: i for i, c in enumerate(cells)}

    def row(n: Published) -> np.ndarray:
        r = np.zeros(len(cells))
        for c in n.cells:
            r[index[c]] = 1.0
        return r

    exact = _independent([n for n in numbers if not isinstance(n.shown, str)], row)
    small = [n for n in numbers if n.shown == PRIMARY]
    a_eq = np.array([row(n) for n in exact]) if exact else None
    b_eq = np.array([float(n.shown) for n in exact]) if exact else None
    a_ub = np.array([r for n in small for r in (row(n), -row(n))]) if small else None
    b_ub = np.array([b for _ in small for b in (2.0, -1.0)]) if small else None
    report = Report(published=len(exact) + len(small))
    seen: set[frozenset] = set()
    for n in numbers:
        if not isinstance(n.shown, str) or not 0 < n.true < THRESHOLD or n.cells in seen:
            continue
        seen.add(n.cells)
        objective = row(n)
        bounds = []
        duals: list[np.ndarray] = []
        for sign in (-1.0, 1.0):  # the greatest value first
            if sign > 0 and not full and bounds[0] > n.true + EPS:
                bounds.append(-np.inf)
                continue
            res = linprog(
                sign * objective,
                A_ub=a_ub,
                b_ub=b_ub,
                A_eq=a_eq,
                b_eq=b_eq,
                bounds=(0, None),
                method="highs",
            )
            if res.status == 3:  # unbounded above: nothing caps it
                bounds.append(np.inf)
                continue
            if res.status != 0:
                raise ValueError(f"the published numbers contradict each other: {res.message}")
            bounds.append(sign * res.fun)
            if res.eqlin is not None:
                duals.append(res.eqlin.marginals)
        high, low = bounds
        pins = set()
        for marginals in duals:
            pins |= {exact[i].label for i in np.flatnonzero(np.abs(marginals) > 1e-9)}
        report.intervals.append(
            Interval(
                n.label, str(n.shown), n.true, round(low, 6), round(high, 6), tuple(sorted(pins))
            )
        )
    report.seconds = time.perf_counter() - started
    return report
