"""Text of the 设施建设 page: "六室三站一场", construction projects, funding, office space."""

STRINGS = {
    "fac.title": ("设施建设", "Facilities"),
    "fac.subtitle": (
        "“六室三站一场”配备情况、建设项目进度和资金来源。",
        "The required rooms, stations and field of every community, construction projects and "
        "where the money came from.",
    ),
    "fac.not_grid": (
        "设施、项目和资金按社区登记，不细分到网格：选择网格时显示所在社区的情况。",
        "Facilities, projects and funding are kept per community, not per grid: with grids "
        "chosen, their communities are shown.",
    ),
    # matrix
    "fac.matrix": ("“六室三站一场”配备情况", "Required rooms, stations and field"),
    "fac.matrix.rule": (
        "配备率 = 期末已投入使用的必备种类数 ÷ 必备种类数（{n} 种，清单见设施种类表）。同一种类有多间时只计一次；"
        "投用日期晚于期末的，按当时尚未投用计。",
        "Completeness = required kinds in use at the period's end ÷ required kinds ({n}, listed "
        "in the facility kinds table). Several rooms of one kind count once; a room in use only "
        "after the period's end was not in use then.",
    ),
    "fac.matrix.rule.hover": (
        "悬停单元格可看面积、责任部门和投用日期。",
        " Hover a cell for its area, responsible department and date.",
    ),
    "fac.matrix.status_count": ("{status}（{n}）", "{status} ({n})"),
    "fac.matrix.community": ("社区", "Community"),
    "fac.matrix.completeness": ("配备率", "Complete"),
    "fac.matrix.share": ("{share}（已配 {n}/{of} 种）", "{share} ({n} of {of})"),
    "fac.matrix.tip.area": ("面积 {area}", "Area {area}"),
    "fac.matrix.tip.dept": ("责任部门 {dept}", "Responsible: {dept}"),
    "fac.matrix.tip.since": ("投用于 {date}", "In use since {date}"),
    "fac.matrix.empty": ("所选范围内没有社区。", "No community in this selection."),
    # map
    "fac.map": ("设施分布", "Where the facilities are"),
    "fac.sections": ("查看", "Show"),
    "fac.map.legend": ("图例", "Legend"),
    "fac.map.ramp": ("“六室三站一场”配备率", "Required kinds in use"),
    "fac.map.county_tip": (
        "配备率 {share}（已配 {in_use}/{required} 种）",
        "{share} in use ({in_use} of {required} kinds)",
    ),
    "fac.map.county_hint": (
        "地图按社区汇总。在左侧选择社区或网格，即可看到每处设施和建设项目；悬停社区查看配备率。",
        "The map sums up each community. Choose a community or grid on the left to see each "
        "facility and project; hover a community for its figure.",
    ),
    "fac.map.county_hint.touch": (
        "地图按社区汇总。在侧栏选择社区或网格，即可看到每处设施和建设项目；点按社区查看配备率。",
        "The map sums up each community. Choose a community or grid in the sidebar to see each "
        "facility and project; tap a community for its figure.",
    ),
    "fac.map.county_caption": (
        "设施较多，地图按社区汇总；选择社区或网格后逐个显示设施和建设项目。",
        "With this many facilities the map sums up each community; choose a community or grid "
        "to see each facility and project.",
    ),
    "fac.map.legend.office": ("社区办公室（大圆点）", "Community office (large dot)"),
    "fac.map.legend.facility": ("室、站、场（小圆点）", "Room, station, field (small dot)"),
    "fac.map.legend.project": ("建设项目（圆环）", "Construction project (ring)"),
    "fac.map.legend.hint.touch": (
        "颜色表示期末状态；点按可看名称、种类、状态、面积和投用日期。",
        "Colour is the state at the period's end; tap for name, kind, state, area and date.",
    ),
    "fac.map.legend.hint": (
        "颜色表示期末状态；悬停可看名称、种类、状态、面积和投用日期。",
        "Colour is the state at the period's end; hover for name, kind, state, area and date.",
    ),
    "fac.map.tip.kind": ("{kind} · 状态：{status}", "{kind} · state: {status}"),
    "fac.map.tip.area": ("面积 {area}", "Area {area}"),
    "fac.map.tip.since": ("投用于 {date}", "In use since {date}"),
    "fac.map.tip.no_date": ("尚未投用", "Not in use yet"),
    "fac.map.project_kind": ("建设项目：{phase}", "Project: {phase}"),
    "fac.map.alt": (
        "社区办公室、各室站场和建设项目的位置，按状态着色。",
        "Community offices, rooms, stations, fields and construction projects, coloured by state.",
    ),
    "fac.map.empty": ("所选范围内没有登记位置的设施。", "No facility with a recorded place here."),
    # projects
    "fac.projects": ("建设项目进度", "Construction projects"),
    "fac.projects.rule": (
        "阶段依次为规划设计、旧房拆迁、施工建设、竣工、投入使用。实际日期取自项目登记，计划日期取自项目阶段计划。"
        "某阶段实际结束晚于计划结束即为延误，天数 = 实际结束 − 计划结束；尚未结束的阶段过了计划结束日，按期末计算延误天数。"
        "没有计划日期的阶段不作判断。",
        "Phases in order: design, demolition, construction, completed, in use. Actual dates come "
        "from the project record, planned ones from its phase plan. A phase that ends after its "
        "planned end is late by (actual end − planned end) days; a phase still running past its "
        "planned end is late by the days to the period's end. A phase without a planned date is "
        "not judged.",
    ),
    "fac.projects.plan_toggle": ("对比计划日期", "Compare with the plan"),
    "fac.projects.empty": (
        "所选范围内没有建设项目。",
        "No construction project in this selection.",
    ),
    "fac.projects.col.name": ("项目", "Project"),
    "fac.projects.col.community": ("社区", "Community"),
    "fac.projects.col.phase": ("期末阶段", "Phase at period end"),
    "fac.projects.col.size": ("规模", "Size"),
    "fac.projects.col.budget": ("预算", "Budget"),
    "fac.projects.col.received": ("期内到位资金", "Received in period"),
    "fac.projects.col.delay": ("进度", "Schedule"),
    "fac.projects.not_started": ("{phase}（未开工）", "{phase} (not started)"),
    "fac.projects.none_begun": ("尚未开始", "Not begun"),
    "fac.projects.size": (
        "占地 {land}亩；{floors}层，每层 {rooms}间；建筑面积 {area}",
        "{land} mu of land; {floors} floors of {rooms} rooms; {area}",
    ),
    "fac.projects.size.no_land": (
        "{floors}层，每层 {rooms}间；建筑面积 {area}",
        "{floors} floors of {rooms} rooms; {area}",
    ),
    "fac.projects.late": ("{phase}延误 {days} 天", "{phase} {days} days late"),
    "fac.projects.early": ("{phase}提前 {days} 天", "{phase} {days} days early"),
    "fac.projects.on_time": ("按计划", "On schedule"),
    "fac.projects.no_plan": ("无计划日期", "No planned dates"),
    "fac.projects.flag": ("⚠ {name}进度滞后：{delays}", "⚠ {name} is behind: {delays}"),
    "fac.timeline.project": ("项目", "Project"),
    "fac.timeline.phase": ("阶段", "Phase"),
    "fac.timeline.series": ("日期", "Dates"),
    "fac.timeline.actual": ("实际", "Actual"),
    "fac.timeline.planned": ("计划", "Planned"),
    "fac.timeline.start": ("开始", "Start"),
    "fac.timeline.end": ("结束", "End"),
    "fac.timeline.late": ("延误（天）", "Days late"),
    "fac.timeline.caption": (
        "每个项目上一行为计划、下一行为实际；实际开始日期未登记的阶段从计划开始日画起，进行中的阶段画到期末。",
        "For each project the upper row is the plan, the lower the actual dates; a phase whose "
        "start was not recorded is drawn from its planned start, a running phase to the period's end.",
    ),
    # funding
    "fac.funding": ("资金筹措", "Funding"),
    "fac.funding.by": ("分组", "Group by"),
    "fac.funding.by.source": ("按来源", "By source"),
    "fac.funding.by.purpose": ("按用途", "By purpose"),
    "fac.funding.amount": ("到位资金（元）", "Received (yuan)"),
    "fac.funding.total": (
        "期内到位资金合计 {total}：{parts}。",
        "Received in the period: {total} — {parts}.",
    ),
    "fac.funding.cumulative": ("累计到位资金（元）", "Cumulative received (yuan)"),
    "fac.funding.month": ("月份", "Month"),
    "fac.funding.series": ("来源", "Source"),
    "fac.funding.all": ("合计", "Total"),
    "fac.funding.budgets": ("各项目到位资金与预算", "Money received against each project's budget"),
    "fac.funding.budgets.caption": (
        "条形为所选期间内到位的资金（按来源分色），黑色竖线为项目预算。",
        "Bars: money received in the chosen period, coloured by source; black tick: the budget.",
    ),
    "fac.funding.by_project": ("其中按项目：{parts}。", "By project: {parts}."),
    "fac.funding.budget_axis": ("金额（元）", "Amount (yuan)"),
    "fac.funding.rule": (
        "按到账日期统计所选期间内到位的资金，按社区登记；用途为到账时登记的用途。",
        "Money received in the chosen period by date received, kept per community; the purpose "
        "is the one recorded on receipt.",
    ),
    "fac.funding.empty": ("所选期间内没有到位资金。", "No money was received in this period."),
    "fac.funding.no_purpose": ("未注明用途", "Purpose not recorded"),
    # office space
    "fac.office": ("办公服务用房", "Office and service space"),
    "fac.office.col.households": ("常住户数", "Households"),
    "fac.office.col.area": ("用房面积", "Floor area"),
    "fac.office.col.per_100": ("每百户面积", "Per 100 households"),
    "fac.office.col.standard": ("标准", "Standard"),
    "fac.office.col.need": ("达标所需面积", "Area the standard asks"),
    "fac.office.col.status": ("是否达标", "Meets it"),
    "fac.office.meets": ("达标", "Meets"),
    "fac.office.short": ("差 {gap}", "{gap} short"),
    "fac.office.no_standard": ("未设标准", "No standard set"),
    "fac.office.rule": (
        "用房面积为期末已投入使用的各室、站及养老服务中心等服务用房面积之和（不含室外场地）；"
        "标准为县里规定的每百户面积，示例县假定每百户 30 平方米（数据字典中说明）。新建项目投用后计入。",
        "Floor area of the rooms, stations and other service rooms in use at the period's end "
        "(outdoor grounds excluded); the standard is the county's area per 100 households, "
        "assumed at 30 m² per 100 households in the sample county (see the data dictionary). A "
        "new building counts once in use.",
    ),
}
