"""Adding a figure with a category: its declaration, a line in its domain's card list and its two
strings — and it is on the page's cards and broken down by its category, with nothing else
written (no query, no component, no page)."""

from __future__ import annotations

from collections import Counter

import pytest

from data_access import metrics
from data_access.employment import cards as employment_cards
from data_access.employment.models import Jobseeker
from data_access.engine import base as engine_base
from data_access.engine.base import Count, Flow, Metric, Source, register
from data_access.text import STRINGS
from tests.app.conftest import assert_clean, metric_values
from tests.conftest import SAMPLE_PERIOD, sample_rows

KEY = "t_trained"


def _trained_in_period() -> list[dict]:
    start, end = SAMPLE_PERIOD.start_date.isoformat(), SAMPLE_PERIOD.end_date.isoformat()
    return [
        r for r in sample_rows("jobseekers") if r["trained_on"] and start <= r["trained_on"] <= end
    ]


@pytest.fixture
def declared(monkeypatch):
    """What a developer writes: the declaration, the card-list entry, the two strings."""
    register(
        Metric(
            key=KEY,
            unit="persons",
            source=Source(Jobseeker),
            value=Count(),
            time=Flow("trained_on"),
            dimensions={"gender": "gender"},
        )
    )
    monkeypatch.setattr(employment_cards, "CARDS", (*employment_cards.CARDS, KEY))
    monkeypatch.setitem(STRINGS, f"metric.{KEY}.label", ("参加培训人数", "People trained"))
    monkeypatch.setitem(
        STRINGS,
        f"metric.{KEY}.help",
        ("期间内参加就业培训的人数。", "People trained in the period."),
    )
    yield KEY
    engine_base._REGISTRY.pop(KEY)


def test_a_new_figure_is_on_the_page_and_broken_down_by_its_category(
    declared, open_page, app_database
):
    expected = _trained_in_period()
    assert expected, "the sample trains people in the period"

    at = open_page("pages/employment.py")
    assert_clean(at)
    assert metric_values(at)["参加培训人数"] == f"{len(expected):,}人"

    from data_access.db import make_engine

    with make_engine(app_database).connect() as conn:
        by_gender = metrics.category_totals(conn, KEY, "gender", SAMPLE_PERIOD)
        per_community = metrics.by_category(conn, KEY, "gender", SAMPLE_PERIOD)
    assert by_gender.to_dict() == dict(Counter(r["gender"] for r in expected))
    assert per_community["value"].sum() == len(expected)
    want = Counter((r["community_code"], r["gender"]) for r in expected)
    got = {(c, g): v for c, g, v in per_community.itertuples(index=False)}
    assert got == dict(want)
