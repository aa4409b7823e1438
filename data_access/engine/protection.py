"""The published pattern of small counts for the whole county: one pattern, every view.

A protection covers counts that pages show below community level: 低保 households and persons
(shown side by side, so protected jointly), 特困 households and persons, 低保 reviews due, the
低保边缘 households monitored and those of them eligible but not enrolled (应保未保). For the period's
last month it reads each count per community (published exactly), per grid and per compound, and
lets `data_access.engine.disclosure` decide which grid and compound cells to hide — "<3" for a grid of
1–2, "*" for a hidden compound and for whatever would give a small count away. Every table, map
circle and card reads the same pattern:

- a cell (a grid row, a compound circle) shows its marker when hidden;
- a figure over chosen grids — a card, a trend point, a per-community column, and money or
  shares computed from those households — is published only when none of the chosen grids is
  hidden, so comparing two selections can never isolate a hidden grid.

Events counted over a period (disputes, placements) are published below community level only
for fixed windows, whole calendar quarters: a pattern is solved per quarter, and a period of
several quarters shows a grid only when the grid is published in each of them (its figure is
then the sum of published quarters, so it tells nothing new). A period that is not whole
quarters (one month, August–September) shows no grid figure of such events at all. Were the
pattern solved per chosen period, two overlapping periods would give their difference away:
screened 4 in July–September and 3 in August–September is July's hidden 1.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import select
from sqlalchemy.engine import Connection

from data_access.areas.models import Compound, Grid
from data_access.db import data_state
from data_access.engine import compute
from data_access.engine.base import get, is_sensitive
from data_access.engine.disclosure import PRIMARY, SECONDARY, Group, Pattern, protect_jointly
from data_access.engine.monthly import monthly
from data_access.engine.periods import data_period
from data_access.filters import Filters, add_months

WINDOW_MONTHS = 3  # the fixed windows of events below community level: calendar quarters


@dataclass(frozen=True)
class Covered:
    """A protection as a domain declares it: the counts it covers (each a metric with community,
    grid and compound levels, protected jointly because pages show them side by side), whether it
    protects events over the chosen period rather than a state at its last month, and whether the
    metrics' parameters shape it (reviews due depend on the review cycle)."""

    name: str
    measures: tuple[str, ...]
    over_period: bool = False
    with_params: bool = False


_PROTECTIONS: dict[str, Covered] = {}


def register_protection(covered: Covered) -> Covered:
    if covered.name in _PROTECTIONS:
        raise ValueError(f"protection {covered.name!r} is declared twice")
    _PROTECTIONS[covered.name] = covered
    return covered


def protections() -> dict[str, Covered]:
    """Every declared protection by name."""
    return dict(_PROTECTIONS)


@dataclass(frozen=True)
class Protection:
    name: str
    month: str
    patterns: dict[str, Pattern]  # measure → its markers
    # Events over a period that is not whole quarters: no grid or compound is published.
    not_whole_windows: bool = False

    @property
    def hidden_grids(self) -> frozenset[str]:
        any_pattern = next(iter(self.patterns.values()))
        return frozenset(k[1] for k in any_pattern.hidden if k[0] == "grid")

    def grids_open(self, grids: Iterable[str]) -> bool:
        """A figure over these grids may be published."""
        return not (set(grids) & self.hidden_grids)

    def marker(self, measure: str, level: str, code: str) -> str | None:
        """'<3', '*' or None (published) for one grid or compound cell of a measure."""
        return self.patterns[measure].marker((level, code))


# Per engine (dropped with it), then per data version, month and parameters.
_MEMO: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_MEMO_SIZE = 64


def protection(conn: Connection, name: str, f: Filters, **params) -> Protection:
    """The pattern of protection `name` for the filters' period (the whole county): at its last
    month for a state, per fixed window (see the module's docstring) for events over a period.

    Remembered per database, data version, window and parameters: a page asks for the same
    pattern from many queries, and every write changes the version."""
    month = compute.end_month(conn, f)
    if not _PROTECTIONS[name].over_period:
        return _remembered(conn, name, month, month, params)
    windows = fixed_windows(conn, f.start, month)
    if windows is None:
        return _closed(conn, name, month)
    parts = [_remembered(conn, name, start, end, params) for start, end in windows]
    if len(parts) == 1:
        return parts[0]
    patterns = {
        measure: Pattern(
            {key: SECONDARY for part in parts for key in part.patterns[measure].hidden}
        )
        for measure in _PROTECTIONS[name].measures
    }
    return Protection(name, month, patterns)


def fixed_windows(conn: Connection, start: str | None, end: str) -> list[tuple[str, str]] | None:
    """The calendar quarters that make up [start, end] within the data's months, or None when
    the period is not whole quarters. Months outside the data hold no events, so a period
    reaching past the data is cut to it first."""
    span = data_period(conn)
    if span is None:
        return None
    first, last = span
    start = max(start or first, first)
    end = min(end, last)
    if start > end:
        return None

    def quarter_of(month: str) -> str:
        return f"{month[:4]}-{(int(month[5:]) - 1) // WINDOW_MONTHS * WINDOW_MONTHS + 1:02d}"

    if quarter_of(start) != start and start != first:
        return None
    if quarter_of(add_months(end, 1)) != add_months(end, 1) and end != last:
        return None
    windows = []
    at = quarter_of(start)
    while at <= end:
        window_end = add_months(at, WINDOW_MONTHS - 1)
        windows.append((max(at, first), min(window_end, last)))
        at = add_months(at, WINDOW_MONTHS)
    return windows


def _remembered(
    conn: Connection, name: str, start: str | None, month: str, params: dict
) -> Protection:
    memo = _MEMO.setdefault(conn.engine, {})
    key = (data_state(conn)[0], name, start, month, tuple(sorted(params.items())))
    if key not in memo:
        if len(memo) >= _MEMO_SIZE:
            memo.pop(next(iter(memo)))
        memo[key] = _compute(conn, name, month, params, start)
    return memo[key]


def _closed(conn: Connection, name: str, month: str) -> Protection:
    """Every grid and compound withheld: events over a period that is not whole quarters."""
    cells = [("grid", code) for code in conn.execute(select(Grid.code)).scalars()]
    cells += [("compound", k) for k in conn.execute(select(Compound.id)).scalars()]
    hidden = dict.fromkeys(cells, SECONDARY)
    patterns = {m: Pattern(dict(hidden)) for m in _PROTECTIONS[name].measures}
    return Protection(name, month, patterns, not_whole_windows=True)


def _compute(
    conn: Connection, name: str, month: str, params: dict, start: str | None
) -> Protection:
    at = Filters(start=start, end=month)
    measures = _PROTECTIONS[name].measures
    grid_rows = conn.execute(select(Grid.code, Grid.community_code)).all()
    compound_rows = conn.execute(select(Compound.id, Compound.grid_code)).all()
    grids_of: dict[str, list[str]] = {}
    for code, community in grid_rows:
        grids_of.setdefault(community, []).append(code)
    compounds_of: dict[str, list[str]] = {}
    for compound, grid in compound_rows:
        compounds_of.setdefault(grid, []).append(compound)

    # Compounds take part where every count of the protection records them.
    with_compounds = all(get(m).source.compound for m in measures)
    if not with_compounds:
        compounds_of = {}
    values: dict[str, dict] = {}
    for measure in measures:
        kwargs = params if get(measure).params else {}
        per_community = compute.by_community(conn, measure, at, **kwargs)
        per_grid = compute.by_grid(conn, measure, at, **kwargs)
        cells: dict = {("community", c): int(v) for c, v in per_community.items()}
        cells.update({("grid", g): int(v) for g, v in per_grid.items()})
        if with_compounds:
            per_compound = compute.by_compound(conn, measure, at, **kwargs)
            cells.update({("compound", k): int(v) for k, v in per_compound.items()})
        values[measure] = cells
    # What no compound accounts for (households recorded without one) is an unknown of its grid,
    # in the sums but never shown.
    rests = {
        grid
        for grid, kids in compounds_of.items()
        for cells in values.values()
        if cells.get(("grid", grid), 0) != sum(cells.get(("compound", k), 0) for k in kids)
    }
    for cells in values.values():
        for grid in rests:
            kids = compounds_of[grid]
            cells[("rest", grid)] = cells.get(("grid", grid), 0) - sum(
                cells.get(("compound", k), 0) for k in kids
            )

    groups = [
        Group(("community", c), tuple(("grid", g) for g in gs)) for c, gs in grids_of.items()
    ] + [
        Group(
            ("grid", g),
            (*(("compound", k) for k in ks), *((("rest", g),) if g in rests else ())),
        )
        for g, ks in compounds_of.items()
    ]
    exact = {("community", c) for c in grids_of}
    unpublished = {("rest", g) for g in rests}
    # "<3" on grids only: a compound's "<3" would add a lower bound of 1 under its grid, and a few
    # of them pin a small grid; hidden compounds show "*".
    patterns = protect_jointly(
        values, groups, exact, unpublished, says_small=lambda cell: cell[0] == "grid"
    )
    return Protection(name, month, patterns)


def protections_for(key: str) -> tuple[str, ...]:
    """The protections a metric's figure over chosen grids must pass."""
    return get(key).protected_by


def grids_open(conn: Connection, key: str, f: Filters, **params) -> bool:
    """May the figure of `key` over the chosen grids be published? (True without a grid filter.)"""
    if not f.grids:
        return True
    return all(
        protection(conn, name, f, **_params_for(name, params)).grids_open(f.grids)
        for name in protections_for(key)
    )


def marker_for(conn: Connection, key: str, f: Filters, **params) -> str:
    """How a hidden figure over the chosen grids is shown: its own "<3" for one grid whose count
    is 1–2, "*" otherwise (a sum of several hidden grids must not hint at its size)."""
    owner = next((p.name for p in _PROTECTIONS.values() if key in p.measures), None)
    if len(f.grids) == 1 and owner is not None:
        name = owner
        found = protection(conn, name, f, **_params_for(name, params)).marker(
            key, "grid", f.grids[0]
        )
        if found == PRIMARY:
            return PRIMARY
    return SECONDARY


def _params_for(name: str, params: dict) -> dict:
    return params if _PROTECTIONS[name].with_params else {}


def protected_monthly(conn: Connection, key: str, f: Filters, **params) -> pd.DataFrame:
    """month, community_code, value of `key` over the period, with None (a gap in a line) for the
    months in which the chosen grids of that community may not be published."""
    frame = monthly(conn, key, f, **params)
    if not (f.grids and is_sensitive(key)) or frame.empty:
        return frame
    community_of = dict(conn.execute(select(Grid.code, Grid.community_code)).all())
    allowed: dict[tuple[str, str], bool] = {}
    for month in frame["month"].unique():
        # One pattern per protection and month serves every community: a pattern depends on the
        # month only (the whole county), not on the community asking.
        at = Filters(f.communities, f.grids, month, month)
        patterns = [
            protection(conn, name, at, **_params_for(name, params)) for name in protections_for(key)
        ]
        for community in frame["community_code"].unique():
            chosen = tuple(g for g in f.grids if community_of.get(g) == community)
            allowed[(month, community)] = not chosen or all(p.grids_open(chosen) for p in patterns)
    keep = [allowed[(m, c)] for m, c in zip(frame["month"], frame["community_code"], strict=True)]
    frame = frame.copy()
    frame["value"] = frame["value"].astype(object).where(keep, None)
    return frame
