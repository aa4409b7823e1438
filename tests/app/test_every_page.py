"""One AppTest over every registered page × language × filter: each page runs cleanly (text is
strict in tests, so a missing key is an exception) and every card shows its snapshot."""

from __future__ import annotations

import os

import pytest

from components.registry import PAGES
from data_access import metrics
from data_access.db import make_engine
from data_access.filters import Filters
from data_access.text import STRINGS, numbers
from tests.app.conftest import assert_clean
from tests.conftest import EAST, OLD_TOWN, SAMPLE_PERIOD

FILTERS = {
    "none": ({}, SAMPLE_PERIOD),
    "community": ({"community": OLD_TOWN}, Filters((OLD_TOWN,), (), "2021-07", "2022-06")),
    "grid": ({"grid": f"{EAST}001"}, Filters((), (f"{EAST}001",), "2021-07", "2022-06")),
    "month": ({"from": "2022-03", "to": "2022-03"}, Filters((), (), "2022-03", "2022-03")),
    # The records' first year: nothing before it to compare with, no target for it, the projects
    # not begun.
    "year_before": ({"from": "2020-07", "to": "2021-06"}, Filters((), (), "2020-07", "2021-06")),
}


def _label_to_key(lang: str) -> dict[str, str]:
    index = 1 if lang == "en" else 0
    return {
        STRINGS[f"metric.{m.key}.label"][index]: m.key
        for m in metrics.all_metrics()
        if f"metric.{m.key}.label" in STRINGS
    }


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("filter_name", list(FILTERS))
@pytest.mark.parametrize("spec", PAGES, ids=lambda s: s.url_path or "overview")
def test_page_runs_and_its_cards_are_snapshots(open_page, app_database, spec, filter_name, lang):
    params, f = FILTERS[filter_name]
    query = {**params, **({"lang": "en"} if lang == "en" else {})}
    at = open_page(None if spec.url_path == "" else spec.file, **query)
    assert_clean(at)
    assert os.environ.get("DASHBOARD_STRICT_TEXT") == "1"
    assert at.title, "every page has a title"
    if spec.role != "viewer":
        # A page for editors shows an anonymous reader the sign-in form, and nothing else.
        assert [w.key for w in at.text_input] == ["_auth_name", "_auth_password"]
        assert not at.metric and not at.dataframe
        return

    by_label = _label_to_key(lang)
    engine = make_engine(app_database)
    checked = 0
    with engine.connect() as conn:
        for card in at.metric:
            key = by_label.get(card.label)
            if key is None:
                continue  # a page's own figure (coverage, what-if): tested on its page
            params = {}
            if key == "dibao_review_due":
                params = {"stable_months": 12, "unstable_months": 6}
            s = metrics.snapshot(conn, key, f, **params)
            expected = numbers.figure(
                s.value, s.unit, lang, compact=True, suppressed=s.suppressed, marker=s.marker
            )
            assert card.value == expected, (key, card.value, expected)
            checked += 1
    engine.dispose()
    assert checked >= 2, "the page shows at least two metric cards"
