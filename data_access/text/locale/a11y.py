"""Words for readers who do not see the page: a chart's description, a map's table."""

STRINGS = {
    "chart.desc": ("图表：{what}，共 {n} 项。", "Chart: {what}, {n} items. "),
    "chart.desc.what_by": ("按{by}显示{measure}", "{measure} by {by}"),
    "chart.desc.extremes": (
        "最高：{top}，{top_value}；最低：{low}，{low_value}。",
        "Highest: {top}, {top_value}; lowest: {low}, {low_value}.",
    ),
    "chart.desc.values": ("数值", "values"),
    "chart.desc.same": ("各项均为 {value}。", "Every item is {value}."),
    "map.table": ("地图数据表（{n} 行）", "The map's data as a table ({n} rows)"),
    "map.table.name": ("名称", "Name"),
    "map.table.details": ("详情", "Details"),
}
