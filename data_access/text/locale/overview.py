STRINGS = {
    "overview.title": ("总览", "Overview"),
    "overview.subtitle": (
        "和谐示范社区建设主要指标：服务网点、社会救助、就业、志愿服务、资金与设施。",
        "Headline figures of the programme: service points, assistance, employment, volunteers, funding and facilities.",
    ),
    "overview.compare": ("社区对比", "Communities side by side"),
    "overview.compare.caption": (
        "各社区主要指标并列；勾选“每千户”后，计数类指标按所选范围的户数折算，便于不同规模的社区比较。",
        "Each community's figures side by side; with “per 1,000 households”, counts are divided by the area's households so communities of different size compare fairly.",
    ),
    "overview.status.caption": (
        "完成情况：每格为该社区的数值和状态，绿色达到序时进度，橙色略慢（达到序时进度的 90%），"
        "红色明显落后；只有数值的格没有目标。",
        "Status: each cell is the community's value and its status, green on track, amber "
        "slightly behind (90% of the time elapsed), red behind; a cell with a value only has "
        "no target.",
    ),
    "overview.status.grids": (
        "选择了网格：各社区完成情况按整个社区统计，请清除网格查看。",
        "Grids are chosen: each community's status is for whole communities; clear the grids to see it.",
    ),
    "overview.per_thousand": ("按每千户计算", "Per 1,000 households"),
    "overview.per_thousand.title": ("{metric}（每千户）", "{metric} per 1,000 households"),
    "overview.metric": ("查看指标", "Metric"),
    "overview.trend": ("月度趋势", "Monthly trend"),
    "overview.trend.year_before": (
        "趋势含上年同期以便同比：{start} 至 {end}。",
        "The trend includes the year before, for the year-on-year comparison: {start} to {end}.",
    ),
    "overview.trend.caption.stock": (
        "存量指标：每月月末的数值。",
        "A stock: the value at each month's end.",
    ),
    "overview.trend.caption.flow": (
        "流量指标：每月发生的数量。",
        "A flow: what happened in each month.",
    ),
    "overview.trend.caption.ratio": (
        "比率指标：每月月末的比率。",
        "A ratio: its value at each month's end.",
    ),
    "overview.bar.title": ("{metric}（按社区）", "{metric} by community"),
    "overview.col.name": ("社区", "Community"),
    "overview.col.households": ("户数", "Households"),
    "overview.no_trend": ("该指标没有按月数据。", "This metric has no monthly series."),
    "overview.bad_metric": ("指标 “{value}” 不存在", "no metric “{value}”"),
}
