STRINGS = {
    "app.title": ("社区建设看板", "Community Dashboard"),
    "app.caption": ("和谐示范社区建设工作", "Harmonious demonstration community programme"),
    "app.loading": ("正在准备数据…", "Preparing the data…"),
    "notfound.title": ("页面不存在", "Page not found"),
    "notfound.text": (
        "链接 “{path}” 指向的页面不存在，可能是地址输入有误或页面已调整。",
        "The link “{path}” leads to no page of this dashboard: the address may be mistyped or out of date.",
    ),
    "notfound.back": ("返回总览", "Back to the overview"),
    "nav.overview": ("总览", "Overview"),
    "table.more_columns": ("更多列：{columns}", "More columns: {columns}"),
    "table.value_sep": ("：", ": "),
    "table.download_csv": ("下载 CSV", "Download CSV"),
    "table.csv_what": ("{page}-{table}", "{page}-{table}"),
    "table.csv_period": ("{start}至{end}", "{start}_to_{end}"),
    "nav.service_points": ("服务网点", "Service points"),
    "nav.welfare": ("社会救助", "Social assistance"),
    "nav.employment": ("就业服务", "Employment"),
    "nav.facilities": ("设施建设", "Facilities"),
    "nav.community_life": ("志愿·为老·平安", "Volunteers, elderly, safety"),
    "nav.review": ("会议汇报", "Review meeting"),
    "nav.data_admin": ("数据管理", "Data management"),
    "filters.header": ("筛选", "Filters"),
    "filters.language": ("语言", "Language"),
    "filters.communities": ("社区", "Communities"),
    "filters.communities.placeholder": ("全部社区", "All communities"),
    "filters.communities.help": (
        "不选即为全部社区；可多选。",
        "Leave empty for all communities; several may be chosen.",
    ),
    "filters.grids": ("网格", "Grids"),
    "filters.grids.placeholder": ("全部网格", "All grids"),
    "filters.grids.help": (
        "只列出所选社区内的网格；不选即为全部网格。",
        "Only grids of the chosen communities are listed; leave empty for all.",
    ),
    "filters.period": ("统计期间（月）", "Period (months)"),
    "filters.period.help": (
        "流量指标（如再就业人数）统计期间内发生的数量；存量指标（如低保人数）取期末月份的数值。"
        "默认为最近12个月。",
        "Flow figures (e.g. re-employed) count what happened in the period; stock figures "
        "(e.g. recipients) are read at the period's last month. The default is the latest 12 "
        "months.",
    ),
    "filters.reset": ("重置筛选", "Reset filters"),
    "filters.quick": ("快捷期间", "Quick periods"),
    "filters.quick.year": ("本年", "This year"),
    "filters.quick.h1": ("上半年", "1st half"),
    "filters.quick.h2": ("下半年", "2nd half"),
    "filters.quick.last3": ("近三个月", "Last 3 mo."),
    "filters.quick.last_month": ("上月", "Last month"),
    "filters.quick.none": ("数据中没有这段时间", "The data has no month of it"),
    "filters.share": (
        "筛选条件已写入浏览器地址栏，复制链接即可分享当前视图。",
        "The filters are in the address bar: copy the link to share this view.",
    ),
    "filters.no_data": ("数据库中还没有社区数据。", "The database holds no community yet."),
    "url.unknown_param": ("未知参数 “{key}”", "unknown parameter “{key}”"),
    "url.bad_community": ("社区代码 “{value}” 不存在", "no community has code “{value}”"),
    "url.bad_grid": (
        "网格代码 “{value}” 不在所选社区内",
        "grid “{value}” is not in the chosen communities",
    ),
    "url.bad_month": (
        "“{key}={value}” 不是有效月份（应为 YYYY-MM，且在数据期间内）",
        "“{key}={value}” is not a month of the data (YYYY-MM)",
    ),
    "url.bad_order": ("起始月份晚于截止月份", "the start month is after the end month"),
    "url.bad_lang": (
        "语言 “{value}” 不受支持（可选 zh、en）",
        "language “{value}” is not supported (zh, en)",
    ),
    "url.bad_value": (
        "“{key}”的值 “{value}” 无效：{reason}",
        "“{key}”: “{value}” is not valid: {reason}",
    ),
    "url.too_many": (
        "“{key}”有 {n} 个值，只读取前 {limit} 个",
        "“{key}” has {n} values; only the first {limit} were read",
    ),
    "url.param.from": ("统计期间起始月", "First month of the period"),
    "url.param.to": ("统计期间截止月", "Last month of the period"),
    "url.param.present": ("演示模式", "Presentation mode"),
    "url.param.sp_add": ("假设新增的网点", "Points added in the what-if"),
    "url.param.sp_close": ("假设关闭的网点", "Points closed in the what-if"),
    "url.param.sp_area": ("步行覆盖的范围", "Area of the walking coverage"),
    "url.param.em_counts": ("地图按人数显示", "Map by counts"),
    "url.param.em_target": ("再就业目标（假设）", "Re-employment target (what-if)"),
    "url.param.em_youth": ("青年获劳务信息目标（假设）", "Youth-informed target (what-if)"),
    "url.reason.choice.words": ("可选：{allowed}", "choose from: {allowed}"),
    "url.reason.choice.default": (
        "不是可选的值，已按默认显示",
        "not one of the choices; the default is shown",
    ),
    "url.reason.choice.more": ("{shown} 等 {n} 项", "{shown} and {n} more"),
    "url.more": ("…及其他 {n} 项", "… and {n} more"),
    "url.notice_sep": ("；", "; "),
    "url.reason.choice": ("可选值为 {allowed}", "allowed values: {allowed}"),
    "url.reason.range": (
        "应为 {low} 到 {high} 之间的整数",
        "must be a whole number from {low} to {high}",
    ),
    "url.reason.integer": ("应为整数", "must be a whole number"),
    "url.reason.flag": ("应为 1 或 0", "must be 1 or 0"),
    "url.reason.empty": ("不能为空", "must not be empty"),
    "url.notice": (
        "链接中的部分参数无法识别，已忽略：{items}",
        "Some link parameters were not understood and were ignored: {items}",
    ),
    "common.all_communities": ("全部社区", "all communities"),
    "common.list_sep": ("、", ", "),
    "common.caption_sep": ("　", " · "),
    "common.data_as_of": (
        "数据截至 {month} · 最近更新 {changed}",
        "Data up to {month} · last updated {changed}",
    ),
    "common.area": ("范围：{area}", "Area: {area}"),
    "common.period": ("期间：{start} 至 {end}", "Period: {start} to {end}"),
    "common.grids_selected": ("{n} 个网格", "{n} grids"),
    "common.community": ("社区", "Community"),
    "common.month": ("月份", "Month"),
    "common.value": ("数值", "Value"),
    "common.total": ("合计", "Total"),
    "common.households": ("户数", "Households"),
    "common.population": ("人口", "Population"),
    "common.no_data": ("所选范围内没有数据。", "No data for this selection."),
    "common.not_grid_level": (
        "按所在社区统计（此项不分网格）",
        "For the grids' whole communities (not kept per grid)",
    ),
    "attention.title": ("需要关注", "Needs attention"),
    "attention.help": (
        "所选范围和其中每个社区里状态为红色（明显落后）或橙色（略慢）的指标，红色在前、落后多的在前。"
        "状态按序时进度判定：完成比例不低于时间进度为绿色，达到其 90% 为橙色，低于 90% 为红色；"
        "没有目标的指标没有状态，不列入。点击一行打开说明该指标的页面，并选好该社区和期间。",
        "Figures whose status is red (behind) or amber (slightly behind), for the chosen area and "
        "each of its communities, red and furthest behind first. Status compares the share of "
        "the target done with the share of the target period elapsed: at or above it green, "
        "from 90% of it amber, below red; figures without a target have no status and are not "
        "listed. Tap a line to open the page that explains it, with that community and period.",
    ),
    "attention.none": (
        "所有有目标的指标均达到序时进度，没有需要关注的。",
        "Every figure with a target is on track: nothing needs attention.",
    ),
    "attention.here": ("所选范围", "This selection"),
    "attention.county": ("全县", "County"),
    "attention.value_target": ("{value}（目标 {target}）", "{value} (target {target})"),
    "attention.value_progress": (
        "{value}，目标 {target}，完成 {share}（序时进度 {expected}）",
        "{value}, target {target}, {share} done ({expected} of time)",
    ),
    "attention.value_progress.since": (
        "{value}，目标 {target}，自 {start} 累计 {so_far}，完成 {share}（序时进度 {expected}）",
        "{value}, target {target}, {so_far} since {start}, {share} done ({expected} of time)",
    ),
    "attention.open": ("打开“{page}”页查看", "Open {page}"),
    "kpi.target": (
        "目标 {target} · 完成 {share} · 序时进度 {expected}",
        "Target {target} · {share} done · {expected} of time",
    ),
    "kpi.target.only": ("目标 {target}", "Target {target}"),
    "kpi.target.ytd": ("（自 {start} 累计）", "(since {start})"),
    "kpi.target.since": (
        "目标 {target} · 自 {start} 累计 {so_far}，完成 {share} · 序时进度 {expected}",
        "Target {target} · {so_far} since {start}, {share} done · {expected} of time",
    ),
    "kpi.target_period": ("目标期间：{period}", "Target period: {period}"),
    "kpi.no_target.none": ("未设目标", "No target set"),
    "kpi.no_target.period": ("所选期间未设目标", "No target for this period"),
    "kpi.no_target.grid": ("目标按社区设定，网格无目标", "Targets are set per community"),
    "kpi.no_target.partial": (
        "所选社区未全部设定目标",
        "Not every chosen community has a target",
    ),
    "kpi.exact": ("精确数：{value}", "Exact figure: {value}"),
    "kpi.vs_last_year": ("同比", "vs last year"),
    "kpi.vs_previous": ("较上一期间", "vs last period"),
    "kpi.year_on_year": (
        "同比：上年同期 {value}，{change}",
        "Year on year: {value} a year earlier, {change}",
    ),
    "kpi.year_on_year.help": (
        "同比：与上年同期（{start} 至 {end}）相比。",
        "Year on year: against the same months a year earlier ({start} to {end}).",
    ),
    "kpi.status.up.green": ("达到序时进度", "On track"),
    "kpi.status.up.amber": ("略慢于序时进度", "Slightly behind"),
    "kpi.status.up.red": ("明显落后", "Behind"),
    "kpi.status.down.green": ("控制在目标内", "Within target"),
    # Lower is better: a ceiling. "明显超出目标" read like praise; these say the line was crossed.
    "kpi.status.down.amber": ("未达目标", "Target not met"),
    "kpi.status.down.red": ("超出控制线", "Over the control line"),
    "kpi.status.rule.zero_families_open.green": ("均在30天清零期内", "All within 30 days"),
    "kpi.status.rule.zero_families_open.amber": ("有家庭超期后清零", "Some cleared late"),
    "kpi.status.rule.zero_families_open.red": ("有家庭超30天未清零", "Some open past 30 days"),
    "kpi.short.up.green": ("达标", "on track"),
    "kpi.short.up.amber": ("略慢", "slightly behind"),
    "kpi.short.up.red": ("落后", "behind"),
    "kpi.short.down.green": ("达标", "within target"),
    "kpi.short.down.amber": ("未达", "not met"),
    "kpi.short.down.red": ("超控制线", "over the line"),
    "kpi.short.rule.zero_families_open.green": ("按期", "in time"),
    "kpi.short.rule.zero_families_open.amber": ("超期清零", "cleared late"),
    "kpi.short.rule.zero_families_open.red": ("超期未清", "overdue"),
    "kpi.status_rule.up": (
        "状态按序时进度判断：完成率不低于时间进度（目标期间已过去的比例）为绿色，"
        "不低于其 90% 为黄色，否则为红色。流量指标按目标期间起累计计算。",
        "Status against the time elapsed: green when progress is at or above the share of the "
        "target period that has passed, amber from 90% of it, red below. Flows count from the "
        "start of the target period.",
    ),
    "kpi.status_rule.down": (
        "该指标越低越好：不超过目标（流量按时间进度折算）为绿色，超出不到一成为黄色，否则为红色。",
        "Lower is better: green at or below the target (flows pro rata to the time elapsed), "
        "amber up to a tenth above it, red beyond.",
    ),
    "kpi.status_rule.rule.zero_families_open": (
        "状态按动态清零规则判断（与就业页一致）：认定后30天内仍未清零的家庭不算超期；"
        "有家庭超过30天仍未清零为红色，本期有家庭超过30天后才清零为黄色，否则为绿色。",
        "Status by the dynamic-clearing rule (as on the employment page): a family still within "
        "30 days of identification is not late; red when a family is open past 30 days, amber "
        "when one was cleared late in the period, green otherwise.",
    ),
    "error.unexpected": (
        "页面出现意外错误，已记录。请刷新页面或调整筛选条件后重试。",
        "Something went wrong on this page; it has been logged. Refresh or change the filters.",
    ),
    "error.database": (
        "无法连接数据库，请稍后重试或联系管理员。（{detail}）",
        "The database cannot be reached; try again later or contact the administrator. ({detail})",
    ),
}
