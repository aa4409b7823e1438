"""How the small-count protection is explained wherever it shows."""

STRINGS = {
    "privacy.rule": (
        "隐私保护：社区以下（网格、小区）1–2 户（人）的数字显示为“<3”；为防止用社区合计减去其他网格"
        "推算出这些小数字，另有部分网格或小区的数字显示为“*”（不公布）。所选网格中只要有一个不公布，"
        "该范围的合计、金额、人均和比例也不显示。期间内发生的事件（调解、就业）在网格只按整季度公布，"
        "避免两个重叠期间相减推算出某月的小数字。社区和全县合计保持准确。",
        "Privacy: below community level (grids, compounds) counts of 1–2 show as “<3”; so that "
        "they cannot be worked out by subtracting the other grids from a community total, some "
        "other grids or compounds show “*” (withheld). When any chosen grid is withheld, that "
        "selection's totals, money, averages and shares are withheld too. Events over a period "
        "(disputes, placements) are published for grids per whole quarter only, so that two "
        "overlapping periods cannot be subtracted. Community and county totals stay exact.",
    ),
    "privacy.marker.small": (
        "“<3”：1 或 2 户（人），按隐私规则不显示具体数字",
        "“<3”: 1 or 2, withheld under the privacy rule",
    ),
    "privacy.marker.withheld": (
        "“*”：不公布——所选网格中有不公布的数字（防止推算出小数字），"
        "或期间不是整季度（网格的期间事件数只按整季度公布）",
        "“*”: withheld — a chosen grid's figure is withheld (so that small counts cannot be "
        "worked out), or the period is not whole quarters (events in grids are published per "
        "quarter only)",
    ),
    "privacy.grid_only_editors": (
        "按网格的核查和复核名单只对本社区的编辑显示（网格内数字很小，可能指向具体家庭）；"
        "选择整个社区可查看汇总。",
        "Checks and reviews by grid are shown to the community's editors only (numbers in a grid "
        "are small enough to point at households); choose whole communities to see the totals.",
    ),
    "privacy.community_only": (
        "按家庭人口的分布只按社区统计：在网格范围内这些数字太小，会指向具体家庭。",
        "Households by size are shown per community only: within grids the numbers are small "
        "enough to point at households.",
    ),
    "privacy.trend_gaps": (
        "趋势线中断处：当月所选网格中有不公布的数字。",
        "Gaps in a line: a chosen grid's figure was withheld that month.",
    ),
}
