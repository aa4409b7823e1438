"""The headline figures an import shows before and after its writes.

Each figure is computed over the whole county, so computing all of them twice cost an import as
much as checking thousands of rows. Before the writes, every statement a figure runs is watched
and the tables it reads are noted (read off the statement SQLAlchemy compiled, subqueries and
joins included); after the writes only the figures that read a written table are computed again,
the others cannot have moved. Where a statement's tables cannot be known (plain SQL text), the
figure is computed again. When the period the app opens on moves with the writes, every figure
is computed again for the new period.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Table, event
from sqlalchemy.engine import Connection
from sqlalchemy.sql.util import find_tables

from data_access import metrics, overview
from data_access.filters import Filters, default_period

HEADLINE_METRICS: tuple[str, ...] = overview.CARDS


def headline_filters(conn: Connection) -> Filters:
    """The period the app opens on: the data's last twelve months."""
    period = metrics.data_period(conn)
    if period is None:
        return Filters()
    start, end = default_period(*period)
    return Filters(start=start, end=end)


def headline_figures(conn: Connection) -> dict[str, float | None]:
    """Every headline figure, computed in full."""
    f = headline_filters(conn)
    return {key: metrics.value(conn, key, f) for key in HEADLINE_METRICS}


@dataclass(frozen=True)
class Headline:
    filters: Filters
    values: dict[str, float | None]
    reads: dict[str, frozenset[str] | None]  # tables each figure read; None: not known


def _tables_of(compiled: object) -> frozenset[str] | None:
    statement = getattr(compiled, "statement", None)
    if statement is None:
        return None
    found = find_tables(
        statement,
        check_columns=True,
        include_aliases=True,
        include_joins=True,
        include_selects=True,
    )
    return frozenset(t.name for t in found if isinstance(t, Table))


@contextmanager
def _watching(conn: Connection) -> Iterator[list[frozenset[str] | None]]:
    """The tables of every statement run on `conn` meanwhile (None for one run as plain text)."""
    seen: list[frozenset[str] | None] = []

    def note(_conn, _cursor, _statement, _parameters, context, _executemany) -> None:
        seen.append(_tables_of(getattr(context, "compiled", None)))

    event.listen(conn, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(conn, "before_cursor_execute", note)


def _union(seen: list[frozenset[str] | None]) -> frozenset[str] | None:
    if any(tables is None for tables in seen):
        return None
    return frozenset().union(*seen)  # type: ignore[arg-type]


def figures_before(conn: Connection) -> Headline:
    """Every headline figure, and the tables each one read."""
    f = headline_filters(conn)
    values: dict[str, float | None] = {}
    reads: dict[str, frozenset[str] | None] = {}
    for key in HEADLINE_METRICS:
        with _watching(conn) as seen:
            values[key] = metrics.value(conn, key, f)
        reads[key] = _union(seen)
    return Headline(f, values, reads)


def figures_after(conn: Connection, before: Headline, written: set[str]) -> dict[str, float | None]:
    """The headline figures once `written` tables have changed: those that read none of them are
    the ones before."""
    f = headline_filters(conn)
    if f != before.filters:
        return headline_figures(conn)
    after: dict[str, float | None] = {}
    for key in HEADLINE_METRICS:
        reads = before.reads[key]
        unmoved = reads is not None and not (reads & written)
        after[key] = before.values[key] if unmoved else metrics.value(conn, key, f)
    return after
