"""The headline figures an import shows after its writes: only those that read a written table
are computed again, and what it shows equals the full computation for every importable table."""

from __future__ import annotations

from sqlalchemy import Engine

from data_access.importing import importable_tables
from data_access.importing.figures import (
    HEADLINE_METRICS,
    _union,
    _watching,
    figures_after,
    figures_before,
    headline_figures,
)
from data_access.models import Base
from data_access.seeding import seed


def _with_dependents(table: str) -> set[str]:
    """The table and every table whose rows reference it, directly or not."""
    found = {table}
    grew = True
    while grew:
        grew = False
        for other in Base.metadata.sorted_tables:
            refs = {fk.column.table.name for fk in other.foreign_keys}
            if other.name not in found and refs & found:
                found.add(other.name)
                grew = True
    return found


def _emptied(engine: Engine, table: str) -> tuple[dict, dict, dict]:
    """Before, after (only what moved computed again) and the full computation, with the table and
    its dependents emptied in a transaction that is rolled back."""
    written = _with_dependents(table)
    with engine.connect() as conn, conn.begin() as trans:
        before = figures_before(conn)
        for tbl in reversed(Base.metadata.sorted_tables):
            if tbl.name in written:
                conn.execute(tbl.delete())
        after = figures_after(conn, before, written)
        full = headline_figures(conn)
        trans.rollback()
    return before.values, after, full


def test_the_figures_after_emptying_any_importable_table_are_the_full_computation(empty_engine):
    seed(empty_engine)
    moved = set()
    for table in importable_tables():
        before, after, full = _emptied(empty_engine, table)
        assert after == full, table
        moved |= {key for key in HEADLINE_METRICS if before[key] != full[key]}
    # Each figure moves when its own rows go: the comparison above could tell a stale figure.
    assert moved == set(HEADLINE_METRICS)


def test_each_figure_names_the_tables_it_reads_and_no_other(engine):
    with engine.connect() as conn:
        reads = figures_before(conn).reads
    assert "welfare_households" in reads["dibao_persons"]
    assert "jobseekers" in reads["reemployed"]
    assert "service_point_states" in reads["service_points"]  # through the source's subquery
    assert not reads["dibao_persons"] & {"jobseekers", "funding", "service_points"}


def test_a_statement_of_plain_text_makes_its_figure_computed_again(engine):
    with engine.connect() as conn, _watching(conn) as seen:
        conn.exec_driver_sql("SELECT 1")
    assert seen == [None]
    assert _union([frozenset({"funding"}), None]) is None
