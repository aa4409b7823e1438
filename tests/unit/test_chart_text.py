"""Charts and maps in words: a chart's description from its own data, a map's hover rows as a
table."""

from __future__ import annotations

import altair as alt
import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from components import charts, maps
from components.chart_text import described, description
from components.maps.table import tip_rows


def test_bars_name_the_measure_and_the_extremes():
    df = pd.DataFrame({"community": ["甲社区", "乙社区", "丙社区"], "value": [3, 10, 1]})
    text = description(charts.bars(df, "community", "网点数"), "zh")
    assert text == "图表：网点数，共 3 项。最高：乙社区，10；最低：丙社区，1。"


def test_lines_in_english_with_percentages_and_the_series():
    df = pd.DataFrame(
        {
            "month": ["2022-01", "2022-02"] * 2,
            "series": ["A", "A", "B", "B"],
            "value": [0.5, 0.7, 0.2, 0.9],
        }
    )
    text = description(charts.monthly_lines(df, "Coverage", "Community", "Month", True), "en")
    assert text == (
        "Chart: Coverage by Community, 4 items. "
        "Highest: 2022-02 · B, 90%; lowest: 2022-01 · B, 20%."
    )


def test_stacked_bars_are_read_by_their_totals():
    df = pd.DataFrame({"c": ["x", "x", "y"], "k": ["a", "b", "a"], "value": [1, 2, 5]})
    chart = charts.stacked_bars(df, "c", "k", "数量", "类型", {"a": "#000000", "b": "#111111"})
    assert description(chart, "zh") == "图表：数量，共 2 项。最高：y，5；最低：x，3。"


def test_a_curve_names_where_its_extremes_are():
    curve = pd.DataFrame({"standard": [500, 700], "money": [20.4, 82.7]})
    chart = (
        alt.Chart(curve)
        .mark_line()
        .encode(x=alt.X("standard:Q", title="标准"), y=alt.Y("money:Q", title="资金"))
    )
    assert (
        description(chart, "zh")
        == "图表：按标准显示资金，共 2 项。最高：标准 700，82.7；最低：标准 500，20.4。"
    )


def test_equal_values_are_said_once_and_a_layout_axis_is_no_measure():
    df = pd.DataFrame({"d": ["学历", "年龄"], "value": [29, 29]})
    assert description(charts.bars(df, "d", "人数"), "zh").endswith("各项均为 29。")
    slots = pd.DataFrame({"year": ["2021", "2022"], "slot": [0, 1]})
    chart = alt.Chart(slots).mark_square().encode(x="year:O", y=alt.Y("slot:Q", axis=None))
    assert description(chart, "zh") is None
    assert described(chart, "zh") is chart  # nothing readable: the chart as it was


@given(st.lists(st.integers(0, 10_000), min_size=1, max_size=30))
def test_the_extremes_are_the_data_s(values):
    df = pd.DataFrame({"name": [f"n{i}" for i in range(len(values))], "value": values})
    chart = described(charts.bars(df, "name", "v"), "en")
    text = chart.to_dict()["description"]
    assert f"{len(values)} items" in text
    top, low = max(values), min(values)
    if top == low:
        assert f"Every item is {top:,}." in text
    else:
        assert f"Highest: n{values.index(top)}, {top:,};" in text
        assert f"lowest: n{values.index(low)}, {low:,}." in text


def test_a_map_s_rows_are_its_hover_boxes_each_once_names_left_out():
    grid = {"type": "Feature", "geometry": None, "properties": maps.tip("第一网格", "低保 12 户")}
    dots = [
        maps.tip("甲小区", "300 户", "60岁以上 80 人"),
        maps.tip("甲小区", "300 户", "60岁以上 80 人"),
    ]
    layers = [
        maps.shaded_areas("g", [grid]),
        maps.dots("d", [{"lat": 1.0, "lon": 2.0, **d} for d in dots]),
        maps.dots("n", [{"lat": 1.0, "lon": 2.0, "text": "名字"}]),  # a label: no hover box
    ]
    assert tip_rows(layers) == (
        ("第一网格", "低保 12 户"),
        ("甲小区", "300 户 · 60岁以上 80 人"),
    )
