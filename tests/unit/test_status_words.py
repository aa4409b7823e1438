"""Status words that read right: lower-is-better figures say 未达目标 / 超出控制线, 零就业家庭 are
judged by their 30-day clearing rule, and a ranking says which end is better."""

from __future__ import annotations

import datetime as dt

import pytest

from components.review.deck import build_deck, ranking, ranking_chart, ranking_direction
from data_access import metrics
from data_access.engine import status
from data_access.filters import Filters
from data_access.text import STRINGS, t
from tests.conftest import EAST, OLD_TOWN, SAMPLE_PERIOD, sample_rows

LOWER = [m.key for m in metrics.all_metrics() if not m.higher_is_better]
PRAISE = ("明显超出", "超出目标", "Over target")


@pytest.mark.parametrize("key", LOWER)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_lower_is_better_words_name_the_ceiling(key, lang):
    words = {
        colour: t(f"kpi.status.{'rule.' + key if status.has_rule(key) else 'down'}.{colour}", lang)
        for colour in ("green", "amber", "red")
    }
    assert not any(p in w for w in words.values() for p in PRAISE), words
    if not status.has_rule(key):
        expected = {"zh": ("未达目标", "超出控制线"), "en": ("Target not met", "control line")}
        assert words["amber"] == expected[lang][0]
        assert expected[lang][1] in words["red"]


def test_every_rule_has_its_words_in_both_languages():
    for key in ("zero_families_open",):
        assert status.has_rule(key)
        for colour in ("green", "amber", "red"):
            for kind in ("status", "short"):
                zh, en = STRINGS[f"kpi.{kind}.rule.{key}.{colour}"]
                assert zh and en
        assert "30" in t(f"kpi.status_rule.rule.{key}", "zh")


def _expected_clearing(f: Filters, code: str | None) -> str:
    """The 30-day rule computed from the sample CSV, independently of the app's queries."""
    end = dt.date.fromisoformat(f.end + "-28")
    while (end + dt.timedelta(days=1)).month == end.month:
        end += dt.timedelta(days=1)
    start = dt.date.fromisoformat(f.start + "-01")
    worst = "green"
    for r in sample_rows("zero_employment_families"):
        if code and r["community_code"] != code:
            continue
        found = dt.date.fromisoformat(r["identified_on"])
        cleared = dt.date.fromisoformat(r["cleared_on"]) if r.get("cleared_on") else None
        if found > end or (cleared is not None and cleared < start):
            continue
        if cleared is not None and cleared > end:
            cleared = None
        deadline = found + dt.timedelta(days=30)
        if cleared is None and end > deadline:
            return "red"
        if cleared is not None and cleared > deadline:
            worst = "amber"
    return worst


CASES = [
    (SAMPLE_PERIOD, None),
    (Filters((EAST,), (), "2022-01", "2022-06"), EAST),
    (Filters((OLD_TOWN,), (), "2022-06", "2022-06"), OLD_TOWN),  # two open, both < 30 days
]


@pytest.mark.parametrize(("f", "code"), CASES, ids=["county", "east-h1", "old-town-june"])
def test_zero_families_take_their_status_from_the_clearing_rule(conn, f, code):
    s = metrics.snapshot(conn, "zero_families_open", f)
    assert s.target is not None and s.target.value == 0
    assert s.status == _expected_clearing(f, code)
    if code == OLD_TOWN:
        # open families against a target of none, yet inside their 30 days: on track
        assert s.value and s.value > 0 and s.status == "green"
        assert status.status_word(s, "zh") == "均在30天清零期内"


def test_the_ranking_of_communities_uses_the_same_rule(conn):
    table = ranking(conn, SAMPLE_PERIOD, "zero_families_open", "zh")
    for name, code in (("老城社区", OLD_TOWN), ("东部社区", EAST)):
        row = table[table["name"] == name].iloc[0]
        assert row["status"] == _expected_clearing(SAMPLE_PERIOD, code)


def test_a_ranking_says_which_end_is_better_and_fills_its_status(conn):
    table = ranking(conn, SAMPLE_PERIOD, "dibao_persons", "zh")
    assert table["status_word"].ne("").all()
    assert set(table["status_word"]) == {t("kpi.no_target.none", "zh")}
    assert list(table["value"]) == sorted(table["value"])  # fewest first ...
    assert "越低越好" in ranking_direction("dibao_persons", "zh")  # ... and it says why
    assert "Lower is better" in ranking_direction("dibao_persons", "en")
    assert "越高越好" in ranking_direction("service_points", "zh")
    chart = ranking_chart(table, "dibao_persons", "zh")
    assert chart["title"]["subtitle"] == ranking_direction("dibao_persons", "zh")


def test_the_deck_reads_the_same_words(conn):
    deck = build_deck(conn, SAMPLE_PERIOD, "zh")
    card = next(c for p in deck.pages for c in p.cards if c.key == "zero_families_open")
    s = metrics.snapshot(conn, "zero_families_open", SAMPLE_PERIOD)
    assert card.status == s.status and card.status_word == status.status_word(s, "zh")
    words = [c.status_word for p in deck.pages for c in p.cards]
    assert not any(p in w for w in words for p in PRAISE)
