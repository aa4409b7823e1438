STRINGS = {
    "wf.title": ("社会救助", "Social assistance"),
    "wf.subtitle": (
        "低保和特困供养：覆盖、发放与核查、定期复核，以及提高低保标准的测算。",
        "Dibao and Tekun support: coverage, payments and their checks, reviews, and what raising the "
        "standard would cost.",
    ),
    "wf.privacy_note": (
        "本页只显示汇总数字，不显示姓名和身份证号。社区以下（网格、小区）1–2 户（人）显示为“<3”；"
        "为防止由合计推算出这些小数字，另有部分数字显示为“*”（不公布），相关的金额、人均和比例也一并不显示。"
        "社区和全县合计保持准确。",
        "This page shows aggregates only, never names or ID numbers. Below community level "
        "(grids, compounds) counts of 1–2 show as “<3”; so that they cannot be worked out from "
        "the totals, some other figures show “*” (withheld), and so do the money, averages and "
        "shares that depend on them. Community and county totals stay exact.",
    ),
    "wf.empty": (
        "所选范围内没有在保的低保或特困家庭。可在左侧调整社区、网格或期间。",
        "No Dibao or Tekun household is in force in this selection. Change the community, grid or "
        "period on the left.",
    ),
    # cards
    "wf.cards.compare": (
        "变化与上一期间（{start} 至 {end}）比较。",
        "Changes are against the previous period ({start} to {end}).",
    ),
    "wf.cards.no_compare": (
        "所选期间之前没有发放数据，无法比较变化；选择较短的期间（如最近一个月或半年）即可看到与上一期间的变化。",
        "There is no payment data before the chosen period, so no change is shown; choose a "
        "shorter period (the last month or half year) to compare with the one before.",
    ),
    "wf.cards.review_help": (
        "当前复核周期：收入稳定 {stable} 个月，收入不稳定且有劳动能力成员 {unstable} 个月（可在下方“定期复核”中调整）。",
        "Current intervals: stable income {stable} months, unstable income with a work-capable "
        "member {unstable} months (change them under “Reviews” below).",
    ),
    # coverage
    "wf.coverage": ("覆盖率", "Coverage"),
    "wf.sections": ("查看", "Show"),
    "wf.coverage.population": ("低保覆盖率（按人口）", "Dibao coverage of the population"),
    "wf.coverage.population.def": (
        "定义：期末在保低保人数 ÷ 常住人口。{persons} 人 ÷ {population} 人。",
        "Definition: Dibao recipients in force at the period's end ÷ resident population. "
        "{persons} ÷ {population} persons.",
    ),
    "wf.coverage.missed": ("应保未保", "Eligible, not enrolled"),
    "wf.coverage.missed.def": (
        "定义：在监测的低保边缘家庭（{monitored} 户）中，最近一次核定的人均收入已低于低保标准、但未纳入低保的户数。应为0，不为0即需入户核查、及时纳入（应保尽保）。",
        "Definition: monitored near-poor households ({monitored}) whose last assessed income is "
        "below the Dibao standard and who are not enrolled. Should be 0; any other count is a "
        "case to check and enrol.",
    ),
    "wf.coverage.suppressed": ("人数过少，不显示比率", "too few to show a rate"),
    "wf.col.community": ("社区", "Community"),
    "wf.col.dibao_persons": ("低保人数", "Dibao persons"),
    "wf.col.population": ("常住人口", "Population"),
    "wf.col.population_rate": ("覆盖率（按人口）", "Coverage (population)"),
    "wf.col.dibao_households": ("低保户数", "Dibao households"),
    "wf.col.near_poor_households": ("低保边缘家庭", "Near-poor households"),
    "wf.col.dibao_missed": ("应保未保", "Eligible, not enrolled"),
    "wf.col.tekun_households": ("特困户数", "Tekun households"),
    "wf.col.grid": ("网格", "Grid"),
    "wf.col.size": ("家庭人口", "Household size"),
    "wf.col.households": ("户数", "Households"),
    "wf.col.persons": ("人数", "Persons"),
    # what-if
    "wf.whatif": ("提高低保标准测算", "What if the Dibao standard changes"),
    "wf.whatif.slider": ("低保标准（元/人·月）", "Dibao standard (yuan per person per month)"),
    "wf.whatif.slider.help": (
        "拖动查看不同标准下的保障户数、人数和资金需求；默认为现行标准。链接中的 standard= 参数保存当前测算值。",
        "Drag to see households, persons and money at another standard; it starts at today's. "
        "The link's standard= parameter keeps the value.",
    ),
    "wf.whatif.slider.format": ("%d 元", "¥%d"),
    "wf.whatif.today": (
        "现行标准：{standard} 元/人·月（{since} 起执行）{minimum}。",
        "Today's standard: {standard} yuan per person per month (since {since}){minimum}.",
    ),
    "wf.whatif.minimum": (
        "，最低救助 {minimum} 元/人·月",
        ", minimum benefit {minimum} yuan per person",
    ),
    "wf.whatif.households": ("测算：符合条件户数", "Eligible households"),
    "wf.whatif.persons": ("测算：保障人数", "Persons covered"),
    "wf.whatif.monthly": ("测算：每月资金需求", "Money per month"),
    "wf.whatif.yearly": ("测算：全年资金需求", "Money per year"),
    "wf.whatif.vs_today": ("较现行标准", "vs today"),
    "wf.whatif.help.count": (
        "期末在保低保家庭中，登记的人均月收入低于所选标准的户数（人数为其家庭成员之和）。",
        "Households in force at the period's end whose recorded income per member is below the "
        "chosen standard (persons: their members).",
    ),
    "wf.whatif.help.money": (
        "每户（所选标准 − 人均收入）× 家庭人口，每人不低于最低救助标准，按元取整后合计；全年为每月 × 12。",
        "Per household (standard − income per member) × members, each member at least the "
        "minimum benefit, rounded to the yuan, summed; a year is 12 months.",
    ),
    "wf.whatif.caption": (
        "仅为情景测算，不修改任何数据。依据期末在保低保家庭登记的人均收入和家庭人口；提标后新符合条件但尚未在册的家庭无法计入，实际需求可能更高。",
        "A scenario only: nothing is written. It uses the recorded income and size of the Dibao "
        "households in force at the period's end; households that would newly qualify but are "
        "not on the roster cannot be counted, so the real need may be higher.",
    ),
    "wf.whatif.paid_note": (
        "参考：期末月份实际发放 {paid} 元，现行标准下按公式测算 {formula} 元，差额见“发放核查”。",
        "For reference: {paid} yuan were actually paid for the period's last month; the formula "
        "at today's standard gives {formula} yuan (see the payment checks for the difference).",
    ),
    "wf.whatif.curve": ("不同标准下的每月资金需求", "Money per month at each standard"),
    "wf.whatif.curve.x": ("低保标准（元/人·月）", "Standard (yuan per person per month)"),
    "wf.whatif.curve.y": ("每月资金需求", "Money per month"),
    "wf.whatif.table": ("方案对比", "Options side by side"),
    "wf.whatif.row.today": ("现行标准", "Today"),
    "wf.whatif.row.plus": ("提高 {amount} 元", "+{amount} yuan"),
    "wf.whatif.row.chosen": ("所选标准", "Chosen"),
    "wf.whatif.col.option": ("方案", "Option"),
    "wf.whatif.col.standard": ("标准（元/人·月）", "Standard (yuan)"),
    "wf.whatif.col.monthly": ("每月资金", "Per month"),
    "wf.whatif.col.yearly": ("全年资金", "Per year"),
    "wf.whatif.col.change": ("全年增加", "Change per year"),
    "wf.whatif.no_standard": (
        "尚未录入低保标准，无法测算。请在数据管理中导入 welfare_standards。",
        "No Dibao standard is recorded, so there is nothing to compute. Import welfare_standards.",
    ),
    "wf.whatif.bad_standard": (
        "应为 {low}–{high} 之间、{step} 的整数倍",
        "must be a multiple of {step} between {low} and {high}",
    ),
    # trends
    "wf.trend": ("月度趋势", "Monthly trend"),
    "wf.trend.persons": ("低保人数（月末）", "Dibao recipients (month end)"),
    "wf.trend.paid": ("低保金发放（元）", "Dibao money paid (yuan)"),
    "wf.trend.caption": (
        "左：每月月末在保的低保人数；右：每月实际发放的低保金。",
        "Left: Dibao recipients in force at each month's end; right: Dibao money paid for each month.",
    ),
    # breakdowns
    "wf.breakdown": ("家庭构成与网格分布", "Household size and grids"),
    "wf.breakdown.size": ("按家庭人口（低保户数）", "By household size (Dibao households)"),
    "wf.breakdown.grid": ("按网格", "By grid"),
    "wf.size.1": ("1人户", "1 person"),
    "wf.size.2": ("2人户", "2 persons"),
    "wf.size.3": ("3人户", "3 persons"),
    "wf.size.4": ("4人户", "4 persons"),
    "wf.size.5+": ("5人及以上", "5 or more"),
    "wf.size.axis": ("家庭人口（人）", "Members per household"),
    # map
    "wf.map": ("救助对象分布", "Where recipients live"),
    "wf.map.caption": (
        "按网格和小区汇总，不显示单个家庭的位置。网格颜色越深，在保低保和特困户越多；圆点为小区，大小表示在保户数。"
        "网格中 1–2 户显示为“<3”，不公布的数字显示为“*”，不计入颜色和圆点大小。",
        "Aggregated to grids and compounds, never a household's location. Darker grids have more "
        "Dibao and Tekun households; circles are compounds, sized by households. A grid's 1–2 "
        "shows as “<3” and a withheld figure as “*”; neither counts towards a shade or a size.",
    ),
    "wf.map.tip": (
        "低保 {dibao} 户 / {persons} 人；特困 {tekun} 户",
        "Dibao {dibao} households / {persons} persons; Tekun {tekun} households",
    ),
    "wf.map.grid_name": ("{grid}（{community}）", "{grid} ({community})"),
    "wf.map.empty": ("所选范围内没有可显示的网格。", "No grid to show for this selection."),
    "wf.map.ramp": ("在保低保和特困户（网格）", "Dibao and Tekun households (grid)"),
    "wf.map.legend": ("图例", "Legend"),
    "wf.map.ramp.community": ("在保低保户（社区）", "Dibao households (community)"),
    "wf.map.county_caption": (
        "按社区汇总，不显示单个家庭的位置。社区颜色越深，在保低保户越多。选择社区或网格后按网格和小区显示。",
        "Aggregated to communities, never a household's location. Darker communities have more "
        "Dibao households. Choose a community or grid to see its grids and compounds.",
    ),
    "wf.map.community_tip": (
        "低保 {dibao} 户 / {persons} 人，占人口 {rate}",
        "Dibao {dibao} households / {persons} persons, {rate} of residents",
    ),
    "wf.map.county_hint": (
        "地图按社区汇总。在左侧选择社区或网格，即可按网格和小区查看；悬停社区查看户数和人数。",
        "The map sums up each community. Choose a community or grid on the left to see its "
        "grids and compounds; hover a community for its households and persons.",
    ),
    "wf.map.county_hint.touch": (
        "地图按社区汇总。在侧栏选择社区或网格，即可按网格和小区查看；点按社区查看户数和人数。",
        "The map sums up each community. Choose a community or grid in the sidebar to see its "
        "grids and compounds; tap a community for its households and persons.",
    ),
    "wf.map.legend.compound": (
        "有救助对象的小区（大小按户数）",
        "Compound with recipients (sized by households)",
    ),
    "wf.coverage.table_name": ("各社区覆盖情况", "coverage by community"),
    "wf.map.legend.hint.touch": (
        "点按网格或小区查看户数和人数；双指缩放，单指拖动。",
        "Tap a grid or a compound for its households and persons; pinch to zoom, drag to pan.",
    ),
    "wf.map.legend.hint": (
        "鼠标悬停查看网格或小区的户数和人数。",
        "Hover a grid or a compound for its households and persons.",
    ),
    "wf.map.alt": (
        "救助对象分布图：各网格按在保户数着色，小区以圆点表示。",
        "Map of where recipients live: grids shaded by households, compounds as circles.",
    ),
    # integrity
    "wf.integrity": ("发放核查", "Payment checks"),
    "wf.integrity.caption": (
        "核对所选期间的发放台账与在保名单、救助金公式是否一致。",
        "The period's payments checked against the roster and the benefit formula.",
    ),
    "wf.integrity.tolerance": ("公式差额容差（元）", "Formula tolerance (yuan)"),
    "wf.integrity.tolerance.help": (
        "登记救助金与公式测算相差不超过此金额的不计为异常。",
        "A recorded benefit within this many yuan of the formula is not flagged.",
    ),
    "wf.check.missing_payment": ("在保未发放", "In force, not paid"),
    "wf.check.missing_payment.unit": ("户·月", "cases"),
    "wf.check.missing_payment.def": (
        "期间内某月在保（起始月不晚于该月、终止月为空或不早于该月），但该月没有发放记录。",
        "A month of the period in which the household was in force but has no payment record.",
    ),
    "wf.check.paid_after_end": ("退出后仍发放", "Paid after exit"),
    "wf.check.paid_after_end.unit": ("笔", "payments"),
    "wf.check.paid_after_end.def": (
        "已退出或暂停的家庭，在其终止月之后的月份仍有发放记录。",
        "Payments to exited or suspended households for months after their last month in force.",
    ),
    "wf.check.benefit_mismatch": ("救助金与公式不符", "Benefit off the formula"),
    "wf.check.benefit_mismatch.unit": ("户", "households"),
    "wf.check.benefit_mismatch.def": (
        "登记的月救助金与公式相差超过容差：低保为（标准 − 人均收入）× 家庭人口（每人不低于最低救助），特困为特困供养标准 × 人数；标准取该户最近在保月份的标准。",
        "The recorded monthly benefit differs from the formula by more than the tolerance: Dibao "
        "(standard − income per member) × members (at least the minimum per member), Tekun the "
        "Tekun standard × persons; at the standard of the household's latest month in force.",
    ),
    "wf.check.amount": (
        "涉及金额 {amount} 元 · {households} 户",
        "Amount {amount} yuan · {households} households",
    ),
    "wf.check.amount_withheld": (
        "涉及金额不显示（笔数或户数过少）· {households} 户",
        "Amount withheld (too few cases or households) · {households} households",
    ),
    "wf.check.count": ("{count} {unit}", "{count} {unit}"),
    "wf.editors_only": (
        "明细名单（含脱敏姓名）仅向本社区的编辑人员在登录后显示；当前为浏览模式，只显示统计数字。",
        "The detail lists (with masked names) are shown only to the community's editors after "
        "login; this is view mode, so only the counts are shown.",
    ),
    "wf.details": ("{check}：明细（{n} 条）", "{check}: details ({n})"),
    "wf.col.household_no": ("户编号", "Case no."),
    "wf.col.head_name": ("户主", "Head"),
    "wf.col.head_id_number": ("身份证号", "ID number"),
    "wf.col.category": ("类别", "Category"),
    "wf.col.month": ("月份", "Month"),
    "wf.col.amount_yuan": ("金额（元）", "Amount (yuan)"),
    "wf.col.monthly_benefit_yuan": ("月救助金（元）", "Monthly benefit (yuan)"),
    "wf.col.recorded": ("登记救助金（元）", "Recorded (yuan)"),
    "wf.col.expected": ("公式测算（元）", "Formula (yuan)"),
    "wf.col.difference": ("差额（元）", "Difference (yuan)"),
    "wf.col.compound": ("小区", "Compound"),
    "wf.col.members": ("家庭人口", "Members"),
    "wf.col.per_capita_income_yuan": ("人均月收入（元）", "Income per member (yuan)"),
    "wf.col.start_month": ("起始月", "Since"),
    "wf.col.status": ("状态", "Status"),
    "wf.col.last_review_on": ("上次复核", "Last review"),
    "wf.col.review_due": ("应复核", "Review due"),
    # reviews
    "wf.review": ("定期复核", "Reviews"),
    "wf.review.caption": (
        "低保家庭按收入情况定期复核：收入稳定的按较长周期，收入不稳定且有劳动能力成员的按较短周期。到期末应复核而未复核的计为待复核。",
        "Dibao households are reviewed regularly: on the long cycle when income is stable, on the "
        "short one when it is unstable and a member can work. Those due or overdue at the "
        "period's end are counted.",
    ),
    "wf.review.stable": ("收入稳定：每隔（月）", "Stable income: every (months)"),
    "wf.review.unstable": (
        "收入不稳定且有劳动能力：每隔（月）",
        "Unstable income, able to work: every (months)",
    ),
    "wf.col.short_cycle": ("短周期户数", "Short-cycle households"),
    "wf.col.due_long_cycle": ("待复核（长周期）", "Due (long cycle)"),
    "wf.col.due_short_cycle": ("待复核（短周期）", "Due (short cycle)"),
    "wf.col.due": ("待复核合计", "Due in total"),
    # roster
    "wf.roster": ("救助对象名单", "Roster"),
    "wf.roster.caption": (
        "仅显示您可编辑社区的在保家庭，姓名和身份证号已脱敏。",
        "Households in force in the communities you may edit; names and ID numbers are masked.",
    ),
    "wf.roster.editors_only": (
        "救助对象名单（姓名、身份证号脱敏）仅向本社区的编辑人员在登录后显示；当前为浏览模式。",
        "The roster (names and ID numbers masked) is shown only to the community's editors after "
        "login; this is view mode.",
    ),
    "wf.roster.empty": (
        "您可编辑的社区中没有符合条件的家庭。",
        "No household in the communities you may edit.",
    ),
    "wf.whatif.withheld": (
        "所选网格中有按隐私规则不公布的数字，该范围的测算结果（户数、人数、资金）不显示。请选择整个社区或其他网格。",
        "A chosen grid's figures are withheld under the privacy rule, so the scenario's "
        "households, persons and money for this selection are not shown. Choose whole "
        "communities or other grids.",
    ),
}
