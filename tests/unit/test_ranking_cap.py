"""A ranking chart of many communities draws both ends and says in words how many are only in
the table (at 200 communities a bar each would not fit a 720 px screen)."""

from __future__ import annotations

import math

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from components.review.deck import CHART_MOST, ranking_chart, ranking_ends


def _table(n: int) -> pd.DataFrame:
    values = [float(n - i) for i in range(n)]  # already ranked, best first
    return pd.DataFrame(
        {
            "rank": range(1, n + 1),
            "name": [f"社区{i:03d}" for i in range(1, n + 1)],
            "value": values,
            "shown": [f"{v:.0f}个" for v in values],
            "status": ["green"] * n,
            "status_word": ["达到目标"] * n,
        }
    )


@settings(max_examples=40, deadline=None)
@given(n=st.integers(min_value=1, max_value=260), lang=st.sampled_from(["zh", "en"]))
def test_both_ends_are_drawn_and_the_rest_counted(n, lang):
    table = _table(n)
    drawn = ranking_ends(table, lang)
    if n <= CHART_MOST:
        assert drawn["name"].tolist() == table["name"].tolist()
        return
    names = drawn["name"].tolist()
    head, tail = CHART_MOST // 2, CHART_MOST - CHART_MOST // 2
    assert names[:head] == table["name"].head(head).tolist()  # the best
    assert names[-tail:] == table["name"].tail(tail).tolist()  # the last
    gap = names[head]
    assert len(names) == CHART_MOST + 1
    left_out = f"{n - CHART_MOST:,}"
    assert left_out in gap and ("个社区见表格" in gap if lang == "zh" else "more" in gap)
    assert math.isnan(drawn["value"][head]) and drawn["shown"][head] == ""


def test_a_presented_chart_of_two_hundred_fits_beside_the_cards():
    # as the 1280×720 screen draws it (components/review/screen.py)
    many = ranking_chart(_table(200), "service_points", "zh", font=14, bar_height=70, most=6)
    assert many["height"] <= 280, many["height"]  # the table below keeps its rows on screen
    drawn = [row["name"] for row in next(iter(many["datasets"].values()))]
    assert len(drawn) == 7 and "194" in drawn[3]
    assert many["layer"][0]["encoding"]["y"]["axis"]["labelOverlap"] is False  # every name shown


def test_two_communities_of_one_name_are_two_bars():
    table = _table(12).assign(name=["东关社区"] * 12)
    chart = ranking_chart(table, "service_points", "zh")
    drawn = [row["name"] for row in next(iter(chart["datasets"].values()))]
    assert len(set(drawn)) == len(drawn) == CHART_MOST + 1
    assert drawn[0] == "东关社区（第1名）" and drawn[-1] == "东关社区（第12名）"


def test_a_chart_of_many_is_plain_json_for_the_slides_png():
    """The slide's renderer reads strict JSON: no NaN from the gap row."""
    import json

    from components.review.images import chart_png

    spec = ranking_chart(_table(30), "service_points", "zh")
    json.dumps(spec, allow_nan=False)
    assert chart_png(spec)[:4] == b"\x89PNG"
