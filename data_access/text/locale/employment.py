"""就业服务 page: its metrics, panels, rules and the what-if."""

STRINGS = {
    # -- the page
    "em.title": ("就业服务", "Employment services"),
    "em.subtitle": (
        "谁还在找工作、谁已就业及如何就业、零就业家庭是否按时清零、全年目标的进度",
        "Who still needs work, who was placed and how, zero-employment families cleared in "
        "time, and the pace to the year's target",
    ),
    "em.privacy_note": (
        "网格人数过小时显示“<3”或“*”；零就业家庭名单仅编辑人员可见且姓名脱敏，浏览人员只看到户数。",
        "Small grid counts show as “<3” or “*”; the list of zero-employment families is for "
        "editors only, with names masked; viewers see counts.",
    ),
    "em.withheld": (
        "本项按社区显示：网格内按人群、环节、渠道细分后多为一两个人，按隐私规则不显示。请选择整个社区查看。",
        "Shown by community only: within grids the breakdowns would be counts of one or two "
        "people, which the privacy rules do not publish. Choose whole communities to see it.",
    ),
    "em.cards.compare": (
        "变化与上一期（{start} 至 {end}）相比。",
        "Changes are against the previous period ({start} to {end}).",
    ),
    "em.cards.no_compare": (
        "所选期间无可比的上一期。",
        "No previous period to compare with.",
    ),
    "em.col.community": ("社区", "Community"),
    "em.col.group": ("人群", "Group"),
    # -- the map
    "em.map": ("就业情况地图", "Employment outcomes map"),
    "em.map.intro": (
        "按网格着色：登记求职未就业人员（期末）或期间内就业人数；可切换每千常住人口与人数。",
        "Grids shaded by registered job seekers not yet placed (at the period's end) or by people "
        "placed during the period; per 1,000 residents or counts.",
    ),
    "em.map.measure": ("地图显示", "Map shows"),
    "em.map.measure.waiting": ("登记未就业", "Registered, not placed"),
    "em.map.measure.placed": ("期间内就业", "Placed in the period"),
    "em.map.per1000": ("每千常住人口", "Per 1,000 residents"),
    "em.map.per1000.help": (
        "打开：按网格常住人口折算为每千人人数；关闭：显示人数。",
        "On: per 1,000 residents of the grid; off: counts.",
    ),
    "em.map.rate_value": ("{value}人/千人", "{value} per 1,000"),
    "em.map.ramp.waiting": ("登记未就业", "Registered, not placed"),
    "em.map.ramp.placed": ("期间内就业", "Placed in the period"),
    "em.map.ramp.per1000": ("（每千常住人口）", " (per 1,000 residents)"),
    "em.map.grid_name": ("{grid}（属{community}）", "{grid} ({community})"),
    "em.map.tip.waiting": (
        "登记未就业：{count}人 · 每千人：{rate} · 常住人口：{population}",
        "Registered, not placed: {count} · per 1,000: {rate} · residents: {population}",
    ),
    "em.map.tip.placed": (
        "期间内就业：{count}人 · 每千人：{rate} · 常住人口：{population}",
        "Placed in the period: {count} · per 1,000: {rate} · residents: {population}",
    ),
    "em.map.legend": ("图例", "Legend"),
    "em.map.county_caption": (
        "网格较多，地图按社区汇总；选择社区或网格后按网格显示。",
        "With this many grids the map sums up each community; choose a community or grid to "
        "see its grids.",
    ),
    "em.map.legend.hidden": ("人数过少，按隐私规则不着色", "Too few people: not shaded (privacy)"),
    "em.path.table_name": ("就业路径", "path to a job"),
    "em.map.legend.hint.touch": (
        "点按网格查看人数与每千人比例；双指缩放，单指拖动。",
        "Tap a grid for its count and rate; pinch to zoom, drag to pan.",
    ),
    "em.map.legend.hint": (
        "鼠标移到网格上查看人数与每千人比例。",
        "Hover over a grid for its count and rate.",
    ),
    "em.map.empty": ("所选区域没有网格边界数据。", "The chosen area has no grid boundaries."),
    "em.map.alt": (
        "就业情况地图：网格按所选指标着色，叠加社区与网格边界。",
        "Employment map: grids shaded by the chosen measure, with community and grid outlines.",
    ),
    "em.map.caption": (
        "离线地图，不加载外部底图。每千人比例 = 网格人数 ÷ 网格常住人口 × 1000。",
        "Offline map: no outside basemap. Per 1,000 = the grid's count ÷ its residents × 1,000.",
    ),
    # -- the path to a job
    "em.path": ("就业路径：登记 → 培训 → 获得信息 → 就业", "The path to a job"),
    "em.path.intro": (
        "本期人员：期末前已登记、且未在期初之前就业的求职人员。每人计入期末前到达的最远环节；"
        "某环节人数 = 到达该环节或其后环节的人数（未经培训直接就业者也计入“培训”之后）。"
        "“4050”按期末年龄计算；一人可属多个人群。",
        "People of the period: registered by its end and not placed before its start. Each "
        "person counts at the furthest step reached by the period's end; a step's count is "
        "everyone who reached it or a later one (placed without training counts past training). "
        "4050 by age at the period's end; a person may be in several groups.",
    ),
    "em.path.row": ("{group} · {step}环节", "{group} · {step}"),
    "em.path.x": ("人数（按社区叠加）", "People (stacked by community)"),
    "em.path.caption": (
        "流失比例 = 1 − 本环节人数 ÷ 上一环节人数。",
        "Share lost = 1 − people at this step ÷ people at the step before.",
    ),
    "em.path.empty": ("本期没有登记求职人员。", "No registered job seekers in the period."),
    "em.step.registered": ("登记", "Registered"),
    "em.step.trained": ("培训", "Trained"),
    "em.step.informed": ("获得信息", "Informed"),
    "em.step.placed": ("就业", "Placed"),
    "em.lost.trained": ("登记→培训流失", "Lost before training"),
    "em.lost.informed": ("培训→信息流失", "Lost before information"),
    "em.lost.placed": ("信息→就业流失", "Lost before placement"),
    # -- placements
    "em.channels": ("按就业渠道的逐月就业人数", "Placements by channel, by month"),
    "em.channels.x": ("月份", "Month"),
    "em.channels.y": ("就业人数", "People placed"),
    "em.channels.legend": ("就业渠道", "Channel"),
    "em.channels.caption": (
        "期间内上岗的全部求职人员，按上岗月份与就业渠道计。",
        "Every job seeker placed during the period, by month and channel.",
    ),
    "em.channels.empty": ("本期没有人就业。", "Nobody was placed in the period."),
    "em.days": ("从登记到就业的天数（中位数）", "Days from registration to placement (median)"),
    "em.days.x": ("天数中位数", "Median days"),
    "em.days.count": ("{group}{n}人", "{group} {n}"),
    "em.days.caption": (
        "期间内就业人员从登记日到上岗日的天数中位数。就业人数：{counts}。",
        "Median days from registration to placement of the people placed in the period. "
        "Placed: {counts}.",
    ),
    "em.days.empty": ("本期没有人就业。", "Nobody was placed in the period."),
    # -- zero-employment families
    "em.families": ("零就业家庭动态清零", "Zero-employment families: dynamic clearing"),
    "em.families.intro": (
        "动态清零：零就业家庭认定后30天内至少一名成员就业。统计期末前认定、且未在期初之前清零的家庭。",
        "Dynamic clearing: one member employed within 30 days of the family being identified. "
        "Families identified by the period's end and not cleared before its start.",
    ),
    "em.families.empty": ("本期没有零就业家庭。", "No zero-employment family in the period."),
    "em.fam.families": ("家庭数", "Families"),
    "em.fam.in_time": ("30天内清零", "Cleared in 30 days"),
    "em.fam.late": ("超期清零", "Cleared late"),
    "em.fam.overdue": ("超期未清零", "Overdue, not cleared"),
    "em.fam.open": ("未清零（未满30天）", "Open (within 30 days)"),
    "em.fam.median_days": ("清零天数中位数", "Median days to clear"),
    "em.fam.flagged": (
        "有 {n} 户未在认定后{days}天内清零（超期清零或超期未清零），请跟进。",
        "{n} families were not cleared within {days} days of identification (late or overdue): "
        "follow up.",
    ),
    "em.fam.all_in_time": (
        "所有零就业家庭均在认定后{days}天内清零或尚未到期。",
        "Every zero-employment family was cleared within {days} days or is not yet due.",
    ),
    "em.fam.editors_only": (
        "家庭名单仅向编辑人员显示（姓名脱敏）。",
        "The list of families is shown to editors only (names masked).",
    ),
    "em.fam.col.family_no": ("家庭编号", "Family"),
    "em.fam.col.community": ("社区", "Community"),
    "em.fam.col.member": ("就业成员/求职成员", "Member"),
    "em.fam.col.identified_on": ("认定日期", "Identified"),
    "em.fam.col.cleared_on": ("清零日期", "Cleared"),
    "em.fam.col.days": ("天数", "Days"),
    "em.fam.col.status": ("状态", "Status"),
    "em.fam.status.in_time": ("30天内清零", "Cleared in time"),
    "em.fam.status.late": ("超期清零", "Cleared late"),
    "em.fam.status.overdue": ("超期未清零", "Overdue"),
    "em.fam.status.open": ("未满30天", "Within 30 days"),
    # -- 充分就业社区
    "em.fe": ("充分就业社区达标情况", "Full-employment community criteria"),
    "em.fe.intro": (
        "按数据能检验的标准逐项判断；任一项未达标即不满足。",
        "Each criterion the data can test; a community meets the standard only if all pass.",
    ),
    "em.fe.community": ("{name}结论：", "{name}:"),
    "em.fe.verdict.yes": ("达到充分就业社区标准", "meets the full-employment standard"),
    "em.fe.verdict.no": ("未达到充分就业社区标准", "does not meet the full-employment standard"),
    "em.fe.pass": ("达标", "Pass"),
    "em.fe.fail": ("未达标", "Fail"),
    "em.fe.col.status": ("结果", "Result"),
    "em.fe.col.criterion": ("标准", "Criterion"),
    "em.fe.col.figure": ("实际", "Figure"),
    "em.fe.col.rule": ("规则", "Rule"),
    "em.fe.criterion.rate_all": ("登记求职人员就业率", "Employment rate of registered job seekers"),
    "em.fe.criterion.rate_difficult": (
        "就业困难人员就业率",
        "Employment rate of people with employment difficulties",
    ),
    "em.fe.criterion.long_unemployed": ("登记失业超过6个月人数", "Unemployed over six months"),
    "em.fe.criterion.families": ("未按时清零的零就业家庭", "Families not cleared in time"),
    "em.fe.rate_value": ("{share}（{total}中{placed}）", "{share} ({placed} of {total})"),
    "em.fe.no_one": ("无此类人员", "Nobody in this group"),
    "em.fe.rule.rate_all": (
        "本期登记求职人员中期末前已就业的比例 ≥ {rate}",
        "Share of the period's registered job seekers placed by its end ≥ {rate}",
    ),
    "em.fe.rule.rate_difficult": (
        "就业困难人员（“4050”人员、零就业家庭成员、残疾人）的同一比例 ≥ {rate}",
        "The same share for people with employment difficulties (4050, zero-employment family "
        "members, disabled) ≥ {rate}",
    ),
    "em.fe.rule.long_unemployed": (
        "期末仍未就业且登记已超过{months}个月的人数为0",
        "Nobody still unplaced at the period's end registered more than {months} months before",
    ),
    "em.fe.rule.families": (
        "每户零就业家庭均在认定后{days}天内清零（超期清零、超期未清零均为0）",
        "Every zero-employment family cleared within {days} days of identification (none late "
        "or overdue)",
    ),
    "em.fe.caption": (
        "无法用本数据检验的标准（如社区就业服务站建设、劳动保障工作经费）不在此列。",
        "Criteria these data cannot test (the community's job-service desk, its funding) are not "
        "shown.",
    ),
    # -- what-if
    "em.whatif": ("测算：全年目标进度", "What-if: the year's target"),
    "em.whatif.caption": (
        "设定全年目标，查看剩余月份每月需完成的人数与目前月均进度的对比，以及按目前进度达标的月份。"
        "目标写入链接，可分享。",
        "Set the year's targets: see the monthly pace needed for the rest of the year against "
        "the pace so far, and the month the target is reached at that pace. The targets are "
        "kept in the link.",
    ),
    "em.whatif.input.reemployed": ("全年再就业目标（人）", "Re-employment target (people)"),
    "em.whatif.input.youth_informed": (
        "全年待业青年获劳务信息目标（人）",
        "Youth-informed target (people)",
    ),
    "em.whatif.input.help": (
        "默认为已设定的年度目标（{default}）。",
        "Defaults to the year's target as set ({default}).",
    ),
    "em.whatif.bad_target": ("目标应在0到{high}之间", "the target must be 0 to {high}"),
    "em.whatif.title.reemployed": (
        "下岗职工再就业：目标 {target}（{start} 至 {end}）",
        "Laid-off re-employed: target {target} ({start} to {end})",
    ),
    "em.whatif.title.youth_informed": (
        "待业青年获劳务信息：目标 {target}（{start} 至 {end}）",
        "Youth given job info: target {target} ({start} to {end})",
    ),
    "em.whatif.done": ("年初至今完成", "Done so far"),
    "em.whatif.done.help": (
        "自 {start} 起至所选期间末（{months}个月）的累计人数。",
        "Total from {start} to the period's end ({months} months).",
    ),
    "em.whatif.pace": ("目前月均进度", "Pace so far"),
    "em.whatif.pace.help": (
        "年初至今完成人数 ÷ 已过月数。",
        "Done so far ÷ months elapsed.",
    ),
    "em.whatif.needed": ("剩余月份每月需完成", "Needed per month"),
    "em.whatif.needed.help": (
        "（目标 − 已完成）÷ 剩余月数（至 {end}，还剩{months}个月）。",
        "(Target − done) ÷ months left (to {end}: {months} months).",
    ),
    "em.whatif.reach": ("按目前进度达标月份", "Target reached in"),
    "em.whatif.reach.help": (
        "已达标：累计人数达到目标的月份；未达标：按目前月均进度推算的月份。",
        "Met: the month the running total reached the target; not met: the month it would at "
        "the pace so far.",
    ),
    "em.whatif.per_month": ("{value}人/月", "{value} a month"),
    "em.whatif.met": ("已达标", "Met"),
    "em.whatif.year_over": ("年度已结束", "Year over"),
    "em.whatif.never": ("尚无进度", "No progress yet"),
    "em.whatif.verdict.met": ("已于 {month} 达到目标。", "Target reached in {month}."),
    "em.whatif.verdict.on_track": (
        "按目前进度将于 {month} 达到目标，在年内完成。",
        "At the pace so far the target is reached in {month}, within the year.",
    ),
    "em.whatif.verdict.behind": (
        "剩余月份每月需完成 {needed} 人，高于目前月均 {pace} 人：按目前进度年内无法达标。",
        "{needed} a month are needed for the rest of the year, more than the {pace} a month so "
        "far: at this pace the target is missed.",
    ),
    "em.whatif.verdict.missed": (
        "年度已结束，距目标还差 {short}。",
        "The year is over, {short} short of the target.",
    ),
    "em.whatif.series.actual": ("实际累计", "Actual, cumulative"),
    "em.whatif.series.projected": ("按目前进度推算", "At the pace so far"),
    "em.whatif.chart.y": ("累计人数", "Cumulative people"),
    "em.whatif.chart.month": ("月份", "Month"),
    "em.whatif.chart.target": ("目标", "Target"),
}
