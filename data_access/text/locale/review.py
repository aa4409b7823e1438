"""Text of the review meeting (会议汇报): topics, the drafted summary, presentation and exports."""

STRINGS: dict[str, tuple[str, str]] = {
    # topics (one screen and one slide each)
    "review.topic.overview": ("总体情况", "Overview"),
    "review.topic.service": ("社区服务网点", "Service coverage"),
    "review.topic.assistance": ("社会救助", "Social assistance"),
    "review.topic.employment": ("劳动就业", "Employment"),
    "review.topic.facilities": ("设施建设", "Facilities"),
    "review.topic.life": ("志愿服务与社区生活", "Volunteering and community life"),
    "review.scope": (
        "范围：{area}；期间：{start} 至 {end}；数据截至 {as_of}",
        "Area: {area}; period: {start} to {end}; data up to {as_of}",
    ),
    # the drafted summary
    "summary.title": (
        "社区建设工作总结（数据部分·草稿）：{area}",
        "Work summary (data, draft): {area}",
    ),
    "summary.change.up": ("，比上期增加{diff}", ", {diff} more than the previous period"),
    "summary.change.down": ("，比上期减少{diff}", ", {diff} fewer than the previous period"),
    "summary.change.same": ("，与上期持平", ", the same as the previous period"),
    "summary.s.service_points": (
        "共设立社区居民送奶点、信函投送点、报纸发放点、图书阅览室等社区服务网点"
        "{service_points}个{change}。",
        "{service_points} community service points were in place — milk delivery, letter and "
        "newspaper points, reading rooms and others{change}.",
    ),
    "summary.numerals": ("一 二 三 四 五 六 七 八 九 十", "1 2 3 4 5 6 7 8 9 10"),
    "summary.heading": ("{n}、{heading}", "{n}. {heading}"),
    "summary.nth": ("{n}是{text}", "({n}) {text}"),
    "summary.clause_sep": ("；", "; "),
    "summary.end": ("。", "."),
    "summary.author": ("社区建设工作领导小组办公室", "Community Development Office"),
    "summary.opening": (
        "{period}，{area}紧紧围绕社区服务、社会救助、劳动就业、设施建设和社区生活等重点工作，"
        "扎实推进社区建设，各项工作取得新进展。现将有关情况总结如下。",
        "In {period}, {area} pressed ahead with community development — services, social "
        "assistance, employment, facilities and community life. This summary reports the "
        "results.",
    ),
    "summary.problems": ("存在问题", "Problems"),
    "summary.problem": (
        "{label}为{value}，{word}（{target}）。",
        "{label}: {value}, {word} ({target}).",
    ),
    "summary.next": ("下一步工作", "Next steps"),
    "summary.next.up": (
        "加快推进{label}工作，确保按序时进度完成目标任务。",
        "Speed up {label} to meet the target on time.",
    ),
    "summary.next.down": (
        "采取有效措施压降{label}，控制在目标以内。",
        "Bring {label} down within its target.",
    ),
    "summary.next.rule.zero_families_open": (
        "落实零就业家庭动态清零，确保认定后30天内至少一人就业。",
        "Clear zero-employment families dynamically: one member employed within 30 days.",
    ),
    "summary.next.general": (
        "继续完善社区服务设施和服务网络，不断提升社区服务水平。",
        "Keep improving community facilities and services.",
    ),
    "summary.s.cadres_now": ("现有社区干部{cadres}名。", "{cadres} community cadres in office."),
    "summary.s.facilities_complete": (
        "“六室三站一场”配备齐全。",
        "Every required room, station and field is in place.",
    ),
    "summary.s.project_area": (
        "{name}（建筑面积{area}平方米）{steps}。",
        "{name} ({area} m²): {steps}.",
    ),
    "summary.s.project": ("{name}{steps}。", "{name}: {steps}."),
    "summary.step.design": ("完成设计", "design completed"),
    "summary.step.demolition": ("完成拆迁", "site cleared"),
    "summary.step.started": ("开工建设", "construction started"),
    "summary.step.built": ("竣工", "completed"),
    "summary.step.in_use": ("投入使用", "in use"),
    "summary.s.dibao": (
        "为{dibao_persons}名低保对象（{dibao_households}户）发放低保金{change}。",
        "Dibao (minimum living allowance) was paid to {dibao_persons} recipients in "
        "{dibao_households} households{change}.",
    ),
    "summary.s.dibao_paid": (
        "期末当月发放低保金{dibao_paid_month}{change}。",
        "In the period's last month {dibao_paid_month} of dibao was paid{change}.",
    ),
    "summary.s.tekun": (
        "将{tekun_households}户特困家庭纳入特困供养{change}。",
        "{tekun_households} households in extreme hardship received tekun support{change}.",
    ),
    "summary.s.reemployed": (
        "共安排下岗职工再就业{reemployed}人{change}。",
        "{reemployed} laid-off workers were found new jobs{change}.",
    ),
    "summary.s.youth": (
        "为{youth_informed}名待业青年提供劳务信息{change}。",
        "{youth_informed} young job seekers were given job information{change}.",
    ),
    "summary.s.volunteers": (
        "组建志愿者组织{volunteer_orgs}个，志愿者{volunteers}名{change}。",
        "{volunteers} volunteers served in {volunteer_orgs} organisations{change}.",
    ),
    "summary.s.served": (
        "志愿者为群众义务服务{volunteer_residents_served}人次{change}。",
        "Volunteers served residents {volunteer_residents_served} times{change}.",
    ),
    "summary.s.disputes": (
        "调解矛盾纠纷{disputes_mediated}件{change}。",
        "{disputes_mediated} disputes were mediated{change}.",
    ),
    "summary.s.cadres": (
        "选举产生社区干部{cadres}名{change}。",
        "{cadres} community cadres were elected{change}.",
    ),
    "summary.s.cadres_profile": (
        "其中大专以上文化程度{cadres_college_plus}名，35岁以下{cadres_under_35}名，"
        "中共党员{cadres_party}名。",
        "Of them, {cadres_college_plus} have college education or more, "
        "{cadres_under_35} are under 35 and {cadres_party} are Party members.",
    ),
    "summary.s.elderly": (
        "成立为老服务组织{elderly_groups}个{change}。",
        "{elderly_groups} organisations served older residents{change}.",
    ),
    "summary.s.honours": (
        "先后获得各级荣誉称号{honours}项{change}。",
        "{honours} honours were awarded to the communities{change}.",
    ),
    "summary.s.funding": (
        "多方筹措社区建设资金{funding_raised}{change}。",
        "{funding_raised} was raised for community facilities{change}.",
    ),
}
STRINGS.update(
    {
        "review.deck.title": ("社区建设工作汇报", "Community development: review meeting"),
        "review.col.community": ("社区", "Community"),
    }
)
STRINGS.update(
    {
        "review.card.change": ("较上期 {change}", "{change} vs previous"),
        "review.attention": ("需要关注的指标", "Figures that need attention"),
        "review.attention.none": (
            "所有设有目标的指标均达到序时进度。",
            "Every figure with a target is on track.",
        ),
        "review.attention.rule": (
            "红色：明显落后于序时进度（不足应完成进度的90%）或超出控制线；"
            "橙色：略慢于序时进度或未达目标。",
            "Red: well behind the time elapsed (under 90% of it) or over the control line; "
            "amber: slightly behind or target not met.",
        ),
    }
)
STRINGS.update(
    {
        "review.title": ("会议汇报", "Review meeting"),
        "review.subtitle": (
            "例会和年终总结会上投屏汇报，会后带走汇报材料和总结草稿",
            "For the projector at review meetings; take away the deck and the draft summary",
        ),
        "review.summary_screen": ("工作总结（草稿）", "Work summary (draft)"),
        # between a heading run into its paragraph and the paragraph (presenting the summary)
        "review.summary.run_in": ("。", ". "),
        "review.previous": ("上一页", "Previous"),
        "review.next": ("下一页", "Next"),
        "review.position": ("第 {n} / {total} 页", "Screen {n} of {total}"),
        "review.present": ("演示模式", "Presentation mode"),
        "review.present.help": (
            "隐藏侧栏、放大字号，便于投屏；筛选条件在侧栏中设置（关闭演示模式即可看到）。"
            "键盘 ← → 翻页。",
            "Hides the sidebar and enlarges the type for a projector; the filters are in the "
            "sidebar (turn presentation mode off to see it). Arrow keys ← → turn the screens.",
        ),
        "review.jump": ("跳转到", "Go to"),
        "review.ranking": ("各社区排名", "Communities ranked"),
        "review.ranking.figure": ("排名指标", "Rank by"),
        "review.ranking.no_status_grid": (
            "目标按社区设定：选择网格时不显示完成状态。",
            "Targets are set per community: no status when grids are chosen.",
        ),
        "review.ranking.same_name": ("{name}（第{rank}名）", "{name} (#{rank})"),
        "review.ranking.gap": (
            "另有 {n} 个社区见表格",
            "{n} more in the table",
        ),
        "review.ranking.order.up": (
            "数值越高越好，由高到低排列",
            "Higher is better: highest first",
        ),
        "review.ranking.order.down": (
            "数值越低越好，由低到高排列",
            "Lower is better: lowest first",
        ),
        "review.period": ("{start}至{end}", "{start} to {end}"),
        "review.png.subtitle": ("排序：{direction}；{scope}", "Order: {direction}; {scope}"),
        "review.exports": ("导出", "Download"),
        "review.changed": ("最近更新 {changed}", "last updated {changed}"),
        "review.xlsx.total": ("合计（{area}）", "Total ({area})"),
        "review.xlsx.target": ("目标", "Target"),
        "review.xlsx.status": ("完成状态", "Status"),
        "review.unit_header": ("{label}（{unit}）", "{label} ({unit})"),
        "review.col.rank": ("名次", "Rank"),
        "review.col.status": ("完成状态", "Status"),
        "review.exports.caption": (
            "导出当前筛选条件下的汇报材料（文件中注明范围、期间和数据日期）：",
            "Export for the current filters (each file states the area, period and data date):",
        ),
        "review.download.docx": ("下载总结草稿（DOCX）", "Download the draft (DOCX)"),
        "review.download.png": ("本页图表 PNG", "This chart as PNG"),
        "review.file.deck": ("社区建设工作汇报", "review-meeting"),
        "review.file.summary": ("工作总结草稿", "work-summary-draft"),
        "review.share": ("分享此视图", "Share this view"),
        "review.share.help": (
            "复制下面的链接：打开后是同一页、同一筛选条件和语言。",
            "Copy this link: it opens this screen with the same filters and language.",
        ),
    }
)
STRINGS.update({"present.leave": ("退出演示模式", "Leave presentation mode")})
STRINGS.update(
    {
        "review.table": (
            "本页数据表（与导出的 XLSX 相同）",
            "This screen's table (as in the XLSX export)",
        )
    }
)
