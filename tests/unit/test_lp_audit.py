"""The LP auditor: what a reader can infer about withheld counts from every published number,
over every area (communities, grids, pairs of grids) and period (every run of months).

Hand-made tables where it must find the attacks of the privacy review, the sample county and a
generated 20-community county where it must find none, and the pages' own decision (a card's
snapshot) matching what the auditor gathers."""

from __future__ import annotations

import random

import pytest

from data_access import metrics
from data_access.db import make_engine
from data_access.engine import lp_gather, protection
from data_access.engine.disclosure import PRIMARY, SECONDARY
from data_access.engine.lp_audit import Published, intervals
from data_access.engine.lp_gather import audit_protection, every_window, published_numbers
from data_access.engine.protection import protections
from data_access.filters import Filters, add_months, months_between
from data_access.sample import scale, scale_load


def _n(label: str, cells: str, shown: float | str, true: float) -> Published:
    return Published(label, frozenset(cells), shown, true)


def test_two_overlapping_periods_give_a_hidden_month_away():
    """Screened 4 in July–September and 3 in August–September: July's "<3" is 1."""
    numbers = [
        _n("Jul..Sep", "JAS", 4, 4),
        _n("Aug..Sep", "AS", 3, 3),
        _n("Jul", "J", PRIMARY, 1),
    ]
    report = intervals(numbers)
    (found,) = report.failures
    assert (found.label, found.low, found.high) == ("Jul", 1, 1)
    assert set(found.pinned_by) == {"Jul..Sep", "Aug..Sep"}
    assert "DISCLOSED Jul" in report.summary()


def test_two_hidden_grids_adding_up_to_a_small_count_are_found():
    """A community of 12: a "<3" grid and a "*" zero beside a published 10 — a reader choosing
    both hidden grids knows they hold exactly 2."""
    numbers = [
        _n("community", "azb", 12, 12),
        _n("a", "a", PRIMARY, 2),
        _n("z", "z", SECONDARY, 0),
        _n("b", "b", 10, 10),
        _n("a+z", "az", SECONDARY, 2),
    ]
    labels = [i.label for i in intervals(numbers).failures]
    assert labels == ["a"] or "a+z" in labels


def test_what_is_published_leaves_every_hidden_count_open():
    numbers = [
        _n("community", "abcd", 14, 14),
        _n("a", "a", PRIMARY, 1),
        _n("b", "b", SECONDARY, 4),
        _n("c", "c", SECONDARY, 0),
        _n("d", "d", 9, 9),
    ]
    report = intervals(numbers)
    assert report.failures == []
    (a,) = [i for i in report.intervals if i.label == "a"]
    assert (a.low, a.high) == (1, 2)


@pytest.fixture(scope="module")
def sample_sqlite(tmp_path_factory):
    """The sample county once, on SQLite: the auditor reads the same numbers on any database
    (the pages' figures on PostgreSQL are held by the other tests)."""
    from data_access.seeding import seed

    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('lp') / 'sample.db'}")
    seed(engine)
    with engine.connect() as conn:
        yield conn
    engine.dispose()


@pytest.mark.parametrize("name", sorted(protections()))
def test_the_sample_county_publishes_no_small_count_a_reader_can_pin(sample_sqlite, name):
    """Every run of months over both years."""
    windows = every_window(sample_sqlite)
    report = audit_protection(sample_sqlite, name, windows, full=False)
    assert report.failures == [], report.summary()


def test_per_period_patterns_would_give_months_away(sample_sqlite, monkeypatch):
    """The rule before fixed windows: a pattern solved for whatever period was chosen. The
    auditor recovers hidden months from overlapping periods, as the privacy review did."""

    def any_period(conn, start, end):
        return [(start or "2020-07", end)]

    monkeypatch.setattr(protection, "fixed_windows", any_period)
    monkeypatch.setattr(protection, "_MEMO", type(protection._MEMO)())
    windows = every_window(sample_sqlite, longest=3)
    report = audit_protection(sample_sqlite, "disputes", windows, full=False)
    assert report.failures, report.summary()


@pytest.mark.parametrize("key", ["disputes_screened", "placed", "dibao_households"])
def test_the_auditor_reads_what_the_cards_show(conn, key):
    """For random areas and periods, the number gathered equals the card's: its value where
    published, its marker where withheld."""
    name = next(n for n, c in protections().items() if key in c.measures)
    windows = every_window(conn)
    gathered = {
        n.label: n.shown
        for (measure, _), numbers in published_numbers(conn, name, windows).items()
        if measure == key
        for n in numbers
    }
    rnd = random.Random(7)
    grids = sorted({label.split(" ")[1] for label in gathered if len(label.split(" ")[1]) > 12})
    for _ in range(60):
        area = rnd.choice(grids)
        start, end = rnd.choice(windows)
        snap = metrics.snapshot(conn, key, Filters((), tuple(area.split("+")), start, end))
        shown = gathered.get(f"{key} {area} {start}..{end}", SECONDARY)  # pairs: whole quarters
        if isinstance(shown, str):
            assert snap.suppressed, (area, start, end)
        else:
            assert not snap.suppressed and snap.value == pytest.approx(shown), (area, start, end)


@pytest.fixture(scope="module")
def county_of_20(tmp_path_factory):
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('n20') / 'county.db'}")
    scale_load.load(engine, scale.generate(20, 11), "bulk")
    yield engine
    engine.dispose()


def _review_windows(conn) -> list[tuple[str, str]]:
    """The latest work year as a review meeting reads it: each month, two-month slides, each
    quarter, each half and the year."""
    last = every_window(conn)[-1][1]
    months = months_between(add_months(last, -11), last)
    found = {(m, m) for m in months}
    found |= {(a, b) for a, b in zip(months, months[1:], strict=False)}
    found |= {(months[i], months[i + 2]) for i in range(0, len(months) - 2, 3)}
    found |= {(months[i], months[i + 5]) for i in range(0, len(months) - 5, 6)}
    found.add((months[0], months[-1]))
    return sorted(found)


@pytest.mark.parametrize("name", sorted(protections()))
def test_a_generated_county_of_20_communities_publishes_no_small_count_a_reader_can_pin(
    county_of_20, name
):
    with county_of_20.connect() as conn:
        report = lp_gather.audit_protection(conn, name, _review_windows(conn), full=False)
    assert report.failures == [], report.summary()
