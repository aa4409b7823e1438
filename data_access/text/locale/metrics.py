"""Labels and "how it is computed" help of every metric: metric.<key>.label / .help."""

STRINGS = {
    "metric.service_points.label": ("便民服务网点", "Service points"),
    "metric.service_points.help": (
        "期末处于运营状态的社区服务网点数（送奶点、信函投送点、报纸发放点、图书阅览室等）：开设日期不晚于期末、期末前未关闭、且未处于暂停状态。",
        "Convenience points operating at the end of the period: opened by then, not closed by then and not suspended.",
    ),
    "metric.dibao_persons.label": ("低保对象", "Dibao recipients"),
    "metric.dibao_persons.help": (
        "期末月份在保的低保家庭成员人数之和：起始月不晚于期末、终止月为空或不早于期末。",
        "Members of 低保 households in force in the period's last month (started by then, not ended before it).",
    ),
    "metric.dibao_households.label": ("低保家庭", "Dibao households"),
    "metric.dibao_households.help": (
        "期末月份在保的低保家庭户数。",
        "低保 households in force in the period's last month.",
    ),
    "metric.tekun_households.label": ("特困供养户", "Tekun households"),
    "metric.tekun_households.help": (
        "期末月份在保的特困供养户数（按户计；起始月不晚于期末、终止月为空或不早于期末）。人数见“特困人员”。",
        "特困 households supported in the period's last month (counted in households; persons: Tekun persons).",
    ),
    "metric.tekun_persons.label": ("特困人员", "Tekun persons"),
    "metric.tekun_persons.help": (
        "期末月份在保的特困供养人员人数（按人计，民政部统计口径），按特困人员基本生活标准供养，不按收入差额计发。",
        "特困 persons supported in the period's last month (counted in persons, as the ministry counts them); supported at the basic-living standard, not topped up from income.",
    ),
    "metric.reemployed.label": ("下岗职工再就业", "Laid-off re-employed"),
    "metric.reemployed.help": (
        "就业服务台账中属于“下岗职工”、且上岗日期在所选期间内的人数。",
        "Job seekers in the laid-off group whose placement date falls in the period.",
    ),
    "metric.youth_informed.label": ("待业青年获劳务信息", "Youth given job info"),
    "metric.youth_informed.help": (
        "就业服务台账中属于“待业青年”、且提供劳务信息日期在所选期间内的人数。",
        "Young job seekers given labour-market information during the period.",
    ),
    "metric.volunteers.label": ("志愿者", "Volunteers"),
    "metric.volunteers.help": (
        "期末已成立的社区志愿者组织的成员人数之和（志愿者组织不区分网格）。",
        "Members of the volunteer organisations founded by the period's end (organisations have no grid).",
    ),
    "metric.volunteer_orgs.label": ("志愿者组织", "Volunteer organisations"),
    "metric.volunteer_orgs.help": (
        "期末已成立的社区志愿者组织个数。",
        "Volunteer organisations founded by the period's end.",
    ),
    "metric.volunteer_participations.label": ("志愿者参与人次", "Volunteer participations"),
    "metric.volunteer_participations.help": (
        "所选期间内各志愿者组织开展活动时参加的志愿者人次之和（一名志愿者参加一次活动计1人次）。这是志愿者的付出，不是服务群众的人次。",
        "Volunteers taking part in the activities held during the period (one volunteer at one activity counts once). What volunteers gave, not residents served.",
    ),
    "metric.volunteer_residents_served.label": (
        "志愿服务群众人次",
        "Residents served by volunteers",
    ),
    "metric.volunteer_residents_served.help": (
        "所选期间内志愿服务活动服务到的群众人次之和（“每年为群众义务服务近1万人次”即此口径）；不同于志愿者参与人次。",
        "Residents served by the volunteer activities held during the period (the source's \"nearly 10,000 a year\"); not the volunteers' participations.",
    ),
    "metric.funding_raised.label": ("筹措资金", "Money raised"),
    "metric.funding_raised.help": (
        "所选期间内到位的社区建设资金合计（县财政、乡镇和部门、上级争取），按到账日期统计。",
        "Community-building money received during the period (county finance, townships and departments, higher levels), by date received.",
    ),
    "metric.facility_completeness.label": ("“六室三站一场”配备率", "Rooms & stations in place"),
    "metric.facility_completeness.help": (
        "期末已投入使用的必备室站场种类数 ÷（必备种类数 × 社区数）。必备清单见设施种类表（办公室、警务室、图书室、娱乐室、健身室、党员活动室、劳动保障工作站、低保站、计划生育服务站、室外健身场）。",
        "Required facility kinds in use at the period's end ÷ (required kinds × communities).",
    ),
    "metric.cadres.label": ("社区干部", "Community cadres"),
    "metric.cadres.help": (
        "期末在任的社区“两委”（社区党组织委员会、居民委员会）成员人数，交叉任职（如书记兼主任“一肩挑”）的只计一人。（干部不区分网格）",
        "People holding a seat on the community's party committee or residents' committee at the period's end; one holding both (cross-holding) counts once (no grid).",
    ),
    "metric.cadres_college_plus.label": ("大专以上干部", "Cadres with college+"),
    "metric.cadres_college_plus.help": (
        "学历为大专及以上的社区干部人数。（干部不区分网格）",
        "Cadres with college+: elected community cadres in office at the period's end (no grid).",
    ),
    "metric.cadres_under_35.label": ("35岁以下干部", "Cadres under 35"),
    "metric.cadres_under_35.help": (
        "按期末日期计算年龄、未满35周岁的社区干部人数。（干部不区分网格）",
        "Cadres under 35: elected community cadres in office at the period's end (no grid).",
    ),
    "metric.cadres_party.label": ("党员干部", "Party-member cadres"),
    "metric.cadres_party.help": (
        "社区干部中的中共党员人数。（干部不区分网格）",
        "Party-member cadres: elected community cadres in office at the period's end (no grid).",
    ),
    "metric.honours.label": ("获得荣誉", "Honours"),
    "metric.honours.help": (
        "截至期末年度，社区累计获得的省、市、县级荣誉称号项数。",
        "Province, city and county honours awarded up to the period's end year.",
    ),
    "metric.elderly_groups.label": ("为老服务组织", "Groups for older residents"),
    "metric.elderly_groups.help": (
        "期末已成立的社区为老服务组织（戏曲、晨练、文艺等）个数。",
        "Groups for older residents (opera, morning exercise, arts...) founded by the period's end.",
    ),
    "metric.sp_per_1000_households.label": ("每千户服务网点", "Points / 1,000 homes"),
    "metric.sp_per_1000_households.help": (
        "期末运营中的服务网点数 ÷（所选范围登记户数 ÷ 1000）。户数取社区登记户数，选择网格时取所选网格的户数；运营口径同“便民服务网点”。",
        "Points operating at the period's end ÷ (registered households of the chosen area ÷ 1,000); households of the communities, or of the chosen grids.",
    ),
    "metric.dibao_paid_month.label": ("当月低保金发放", "Dibao paid this month"),
    "metric.dibao_paid_month.help": (
        "期末月份（所选期间最后一个月）实际发放给低保家庭的救助金合计，按发放台账的发放月份统计；趋势图为每月的发放额。",
        "低保 money actually paid for the period's last month, from the payment records (the trend shows each month's payments).",
    ),
    "metric.dibao_benefit_per_person.label": ("人均月救助金", "Monthly benefit per person"),
    "metric.dibao_benefit_per_person.help": (
        "期末月份低保金发放合计 ÷ 期末月份在保低保人数（元/人·月）。",
        "低保 money paid for the period's last month ÷ 低保 recipients in force that month (yuan per person per month).",
    ),
    "metric.dibao_review_due.label": ("待复核低保户", "Dibao reviews due"),
    "metric.dibao_review_due.help": (
        "期末在保的低保家庭中，到期末应复核而未复核的户数：收入稳定的家庭每12个月复核一次，收入不稳定且有劳动能力成员的家庭每6个月复核一次；从未复核的也计入。只看期末前作出的复核记录。复核周期可在社会救助页面调整。",
        "低保 households in force whose eligibility review is due or overdue at the period's end: yearly when income is stable, every six months when it is unstable and a member can work (never reviewed counts too). Only reviews made by then count. The intervals can be changed on the welfare page.",
    ),
    "metric.near_poor_households.label": ("低保边缘家庭", "Near-poor households"),
    "metric.near_poor_households.help": (
        "期末纳入监测的低保边缘家庭户数：人均收入高于低保标准、但低于标准1.5倍的家庭。",
        "低保边缘 (near-poor) households monitored at the period's end: income above the 低保 standard but below 1.5 times it.",
    ),
    "metric.dibao_missed.label": ("应保未保户", "Eligible, not enrolled"),
    "metric.dibao_missed.help": (
        "期末在监测的低保边缘家庭中，期末前最近一次核定的人均收入已低于期末低保标准、但期末未纳入低保的户数；应为0，不为0即需核查纳入。",
        "Monitored near-poor households whose income, as last assessed by the period's end, is below the 低保 standard then, and who are not enrolled in 低保 then; should be 0.",
    ),
    "metric.dibao_coverage_population.label": (
        "低保覆盖率（按人口）",
        "Dibao coverage of population",
    ),
    "metric.dibao_coverage_population.help": (
        "期末在保低保人数 ÷ 常住人口（社区登记人口；选择网格时为所选网格人口）。",
        "低保 recipients in force at the period's end ÷ resident population (of the communities, or of the chosen grids).",
    ),
    "metric.households.label": ("登记户数", "Registered households"),
    "metric.households.help": (
        "社区登记户数；选择网格时为所选网格的登记户数之和。",
        "Households registered in the communities, or in the chosen grids.",
    ),
    "metric.population.label": ("常住人口", "Resident population"),
    "metric.population.help": (
        "社区登记的常住人口；选择网格时为所选网格人口之和。",
        "Residents registered in the communities, or in the chosen grids.",
    ),
    "metric.facility_kinds_in_use.label": ("已投用必备室站场", "Required facilities in use"),
    "metric.facility_kinds_in_use.help": (
        "期末已投入使用的必备室站场种类数（同一种类有多处只计一次），按社区相加。",
        "Required facility kinds in use at the period's end (a kind counts once however many "
        "rooms), added over the communities.",
    ),
    "metric.facility_kinds_required.label": ("必备室站场种类", "Required facility kinds"),
    "metric.facility_kinds_required.help": (
        "设施种类表中标为必备的种类数 × 社区数。",
        "Facility kinds marked as required × communities.",
    ),
    "metric.cadres_below_college.label": ("大专以下干部", "Cadres below college"),
    "metric.cadres_below_college.help": (
        "学历为大专以下的社区干部人数（干部不区分网格）。",
        "Community cadres educated below college level (no grid).",
    ),
    "metric.cadres_35_plus.label": ("35岁及以上干部", "Cadres 35 and over"),
    "metric.cadres_35_plus.help": (
        "按期末日期计算年龄、已满35周岁的社区干部人数（干部不区分网格）。",
        "Community cadres aged 35 or over at the period's end (no grid).",
    ),
    "metric.days_to_placement.label": ("登记到就业天数（中位数）", "Days to placement (median)"),
    "metric.days_to_placement.help": (
        "所选期间内上岗人员从登记求职到上岗所用天数的中位数（按所属人群分组时，一人属于几个人群就在几个"
        "人群中各计一次；“4050”按期末年龄判断）。",
        "The median number of days from registration to placement of the people placed in the "
        "period (by group, a person counts in each group they belong to; 4050 is read from age at "
        "the period's end).",
    ),
    "metric.volunteer_activities.label": ("志愿服务活动", "Volunteer activities"),
    "metric.volunteer_activities.help": (
        "所选社区的志愿服务组织在所选期间内开展的活动次数（按活动日期）。",
        "Activities held in the period by the volunteer organisations of the chosen communities.",
    ),
    "metric.volunteer_hours_per_volunteer.label": ("人均志愿服务时长", "Hours per volunteer"),
    "metric.volunteer_hours_per_volunteer.help": (
        "所选期间内的志愿服务时长 ÷ 期末志愿者人数（志愿服务组织的成员）。",
        "Volunteer hours in the period ÷ volunteers (members of the organisations) at its end.",
    ),
    "metric.cadre_seats.label": ("两委职位", "Seats on the two committees"),
    "metric.cadre_seats.help": (
        "期末在任的社区“两委”职位数；一人兼任两个职位（交叉任职）计两个职位。",
        "Seats on the two committees held at the period's end; a person on both holds two.",
    ),
    "metric.volunteer_hours.label": ("志愿服务时长", "Volunteer hours"),
    "metric.volunteer_hours.help": (
        "期间内各志愿活动记录的服务时长之和（每次活动：参与人数×人均时长）。计的是时间，不是人次。",
        "Hours recorded by the volunteer activities held in the period (each activity: volunteers taking part × hours each). It counts time, not visits.",
    ),
    "metric.residents_community.label": ("社区常住人口", "Residents of the communities"),
    "metric.residents_community.help": (
        "所选社区登记的常住人口（整个社区，不按网格细分）。",
        "Registered residents of the chosen communities (whole communities, not grids).",
    ),
    "metric.volunteers_per_1000.label": ("每千人志愿者", "Volunteers per 1,000 residents"),
    "metric.volunteers_per_1000.help": (
        "注册志愿者人数 ÷ 社区常住人口 × 1000。志愿者组织没有网格，选择网格时按所在社区整体计算。",
        "Registered volunteers ÷ residents of the communities × 1,000. Organisations have no grid: with a grid filter the whole communities are read.",
    ),
    "metric.residents_60_plus.label": ("60岁以上居民", "Residents 60+"),
    "metric.residents_60_plus.help": (
        "各小区登记的60岁及以上居民之和（按小区、网格、社区汇总）。",
        "Residents aged 60 or over, summed over the compounds of the area (compound, grid, community).",
    ),
    "metric.residents_80_plus.label": ("80岁以上居民", "Residents 80+"),
    "metric.residents_80_plus.help": (
        "各小区登记的80岁及以上居民之和。",
        "Residents aged 80 or over, summed over the compounds of the area.",
    ),
    "metric.compound_population.label": ("小区居民", "Residents of the compounds"),
    "metric.compound_population.help": (
        "各小区登记的居民之和，是老年人占比的分母。",
        "Residents of the compounds of the area: the denominator of the older residents' shares.",
    ),
    "metric.share_60_plus.label": ("60岁以上占比", "Share aged 60+"),
    "metric.share_60_plus.help": (
        "60岁以上居民 ÷ 小区居民。",
        "Residents 60+ ÷ residents of the compounds.",
    ),
    "metric.share_80_plus.label": ("80岁以上占比", "Share aged 80+"),
    "metric.share_80_plus.help": (
        "80岁以上居民 ÷ 小区居民。",
        "Residents 80+ ÷ residents of the compounds.",
    ),
    "metric.disputes_screened.label": ("排查矛盾纠纷", "Disputes screened"),
    "metric.disputes_screened.help": (
        "期间内登记（排查发现）的矛盾纠纷件数，按登记日期计。",
        "Disputes recorded (found by screening) in the period, by the day they were reported.",
    ),
    "metric.disputes_mediated.label": ("调解成功", "Disputes mediated"),
    "metric.disputes_mediated.help": (
        "期间内登记、结果为调解成功的纠纷件数（移交处理和处理中的不计）。",
        "Disputes reported in the period and successfully mediated (referred and pending ones not counted).",
    ),
    "metric.disputes_mediated_share.label": ("调解成功率", "Mediated share"),
    "metric.disputes_mediated_share.help": (
        "调解成功件数 ÷ 期间内登记的纠纷件数（移交处理、处理中的计入分母）。",
        "Disputes mediated ÷ disputes reported in the period (referred and pending ones are in the denominator).",
    ),
    "metric.disputes_open_30.label": ("超30天未结", "Open over 30 days"),
    "metric.disputes_open_30.help": (
        "期末那天仍未办结、且登记已超过30天的纠纷件数（办结日期即不再计入）。",
        "Disputes not closed on the period's last day and reported more than 30 days before it (a dispute closed on a day no longer counts that day).",
    ),
    "metric.placed.label": ("期间内就业人数", "People placed"),
    "metric.placed.help": (
        "所选期间内上岗的登记求职人员人数（所有人群，含下岗职工与待业青年）。",
        "Registered job seekers placed during the period (every group).",
    ),
    "metric.placed_4050.label": ("“4050”人员就业", "4050 persons placed"),
    "metric.placed_4050.help": (
        "所选期间内上岗的“4050”人员人数。“4050”人员：截至期末（所选期间最后一天）女性年满40周岁、"
        "男性年满50周岁的登记求职人员（就业困难人员中的常用口径，至法定退休年龄为止；"
        "超过退休年龄者不再登记求职），按出生日期和性别计算，不另行标记。",
        "Job seekers placed during the period who are 4050 persons: women aged 40 and over and men "
        "aged 50 and over on the period's last day (the usual definition among people with "
        "employment difficulties, up to the statutory retirement age; people past it are not "
        "registered), computed from birth date and gender, never a stored mark.",
    ),
    "metric.jobseekers_waiting.label": ("登记求职未就业", "Registered, not yet placed"),
    "metric.jobseekers_waiting.help": (
        "期末已登记求职、到期末仍未上岗的人数（所有人群）。网格数较小时按隐私规则隐藏。",
        "People registered by the period's end and not placed by then (every group). Small grid "
        "counts are hidden by the privacy rules.",
    ),
    "metric.zero_families_open.label": ("零就业家庭未清零", "Zero-employment families open"),
    "metric.zero_families_open.help": (
        "期末已认定、到期末仍无成员就业的零就业家庭户数。目标：无（动态清零：认定后一个月内至少一人就业）。",
        "Zero-employment families identified by the period's end with no member employed by "
        "then. Target: none (dynamic clearing: one member employed within a month of "
        "identification).",
    ),
    "metric.office_area.label": ("办公服务用房面积", "Office and service space"),
    "metric.office_area.help": (
        "期末已投入使用的各室、站及其他服务用房（如养老服务中心）的面积之和，不含室外健身场等场地。",
        "Floor area of the rooms, stations and other service rooms (such as the elderly service "
        "centre) in use at the period's end; outdoor grounds are not counted.",
    ),
    "metric.office_m2_per_100_households.label": ("每百户办公服务用房", "Space per 100 households"),
    "metric.office_m2_per_100_households.help": (
        "办公服务用房面积 ÷ 常住户数 × 100。标准按县里规定的每百户面积（示例县假定为每百户 30 平方米，"
        "即每户 0.3 平方米，见数据字典）；标准作为目标值登记。",
        "Office and service space ÷ resident households × 100. The standard is the county's area "
        "per 100 households (the sample county assumes 30 m² per 100 households, 0.3 m² a "
        "household; see the data dictionary), recorded as the figure's target.",
    ),
}
