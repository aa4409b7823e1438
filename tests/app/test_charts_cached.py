"""Charts drawn from the chart cache (`components.rendered.chart`) are the elements
`st.altair_chart` drew: same Vega-Lite spec, same datasets, on the first run and from the cache.
The cached ones carry their description (components.chart_text), so the direct ones are given it."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.app.conftest import assert_clean


def _script() -> None:
    import pandas as pd
    import streamlit as st

    from components import charts
    from components.chart_text import described
    from components.data import begin_run
    from components.rendered import chart

    begin_run()
    lines = pd.DataFrame(
        {
            "month": ["2022-01", "2022-02"] * 2,
            "series": ["甲", "甲", "乙", "乙"],
            "value": [1, 2, 3.5, 4],
        }
    )
    stacked = pd.DataFrame(
        {"community": ["甲", "甲", "乙"], "type": ["a", "b", "a"], "value": [3.0, 1.0, 2.0]}
    )
    colours = {"a": "#0072B2", "b": "#E69F00"}
    # Each pair: the cached chart, then the same chart as the pages drew it before.
    chart(charts.monthly_lines, lines, "人数", "社区", "月份", percent=False)
    direct = charts.monthly_lines(lines, "人数", "社区", "月份")
    st.altair_chart(described(direct, "zh"), width="stretch")
    chart(charts.stacked_bars, stacked, "community", "type", "个", "类型", colours, order=["乙"])
    direct = charts.stacked_bars(stacked, "community", "type", "个", "类型", colours, order=["乙"])
    st.altair_chart(described(direct, "zh"), width="stretch")
    chart(charts.bars, stacked[["community", "value"]], "community", "值", decimals=1)
    direct = charts.bars(stacked[["community", "value"]], "community", "值", decimals=1)
    st.altair_chart(described(direct, "zh"), width="stretch")


def _drawn(at: AppTest) -> list[tuple[str, list[tuple[str, bytes]], str]]:
    return [
        (c.proto.spec, [(d.name, d.data.data) for d in c.proto.datasets], c.proto.theme)
        for c in at.get("vega_lite_chart")
    ]


def test_cached_chart_is_the_altair_chart():
    at = AppTest.from_function(_script, default_timeout=60).run()
    assert_clean(at)
    for _ in range(2):  # the first run builds the specs, the second takes them from the cache
        drawn = _drawn(at)
        assert len(drawn) == 6
        for cached, direct in zip(drawn[::2], drawn[1::2], strict=True):
            assert cached == direct
            assert cached[1] and all(data for _name, data in cached[1])  # the data travelled
        at.run()
        assert_clean(at)
