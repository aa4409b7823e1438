STRINGS = {
    # the switch
    "sp.mode": ("距离算法", "Distance"),
    "sp.mode.line": ("直线", "Straight line"),
    "sp.mode.walk": ("步行", "Walking"),
    "sp.mode.help": (
        "直线：小区与网点之间的大圆距离。步行：沿街道走的最短距离——小区和网点各自走到最近的街道，"
        "再沿可步行的街道走（河流只能从桥上过，铁路只能从地道过），比直线更接近居民实际走的路。",
        "Straight line: the great-circle distance between compound and point. Walking: the shortest walk along "
        "streets — from the compound to its nearest street, along walkable streets (rivers only at bridges, rail "
        "lines only at underpasses), to the point; closer to what residents actually walk.",
    ),
    "sp.mode.no_roads": (
        "数据库中没有可步行的道路数据，无法按步行距离计算，本页按直线距离显示。可在“数据管理”或命令行"
        "（python -m data_access import roads 文件.geojson）导入道路。",
        "There are no walkable roads in the database, so walking distances cannot be computed: the page shows "
        "straight-line distances. Import roads on the data page or with python -m data_access import roads FILE.geojson.",
    ),
    # Appended to a figure's help: the English begins with the space between two sentences.
    "sp.how.line": (
        "距离按直线（大圆）距离计算。",
        " Distances are straight-line (great-circle) distances.",
    ),
    "sp.how.walk": (
        "距离按沿街步行距离计算：小区、网点各自到最近街道的直线距离，加上沿可步行街道的最短路径"
        "（Dijkstra 最短路径）。",
        " Distances are walks along streets: each compound's and point's straight walk to its nearest street plus "
        "the shortest path along walkable streets (Dijkstra).",
    ),
    # straight line and walking side by side
    "sp.compare.title": ("直线与步行对比（{r} 米）", "Straight line and walking compared ({r} m)"),
    "sp.compare.caption": (
        "现有网络（不含推演），所选范围内各小区到最近运营网点的距离分别按直线和沿街步行计算。",
        "Today's network (no what-if): each compound's distance to the nearest operating point, in a straight "
        "line and walking along streets.",
    ),
    "sp.compare.line": ("按直线 · {r} 米覆盖（{who}）", "Straight line · {r} m ({who})"),
    "sp.compare.walk": ("按步行 · {r} 米覆盖（{who}）", "Walking · {r} m ({who})"),
    "sp.compare.line.help": (
        "所在小区到最近的运营中{type}直线（大圆）距离不超过 {r} 米的{who}数 ÷ 所选范围{who}总数。",
        "Share of the area's {who} whose compound lies within {r} m of an operating {type} in a straight "
        "(great-circle) line.",
    ),
    "sp.compare.walk.help": (
        "所在小区到最近的运营中{type}沿街步行不超过 {r} 米的{who}数 ÷ 所选范围{who}总数。步行距离 = "
        "小区到最近街道 + 沿可步行街道的最短路径 + 最近街道到网点。",
        "Share of the area's {who} whose compound is within a {r} m walk along streets of an operating {type}: "
        "compound to its nearest street, the shortest path along walkable streets, street to point.",
    ),
    "sp.compare.overstated": (
        "直线距离高估了 {gap}：{n} 户按直线在 {r} 米内，沿街实际步行超过 {r} 米。",
        "The straight line overstates coverage by {gap}: {n} households are within {r} m in a straight line "
        "but walk further than {r} m along streets.",
    ),
    "sp.compare.same": (
        "两种算法结果相同：直线 {r} 米内的小区，沿街步行也都在 {r} 米内。",
        "Both agree: every compound within {r} m in a straight line is also within a {r} m walk.",
    ),
    "sp.compare.col.line": ("直线·户", "Line · homes"),
    "sp.compare.col.walk": ("步行·户", "Walk · homes"),
    "sp.compare.col.gap": ("高估（百分点）", "Overstated (pts)"),
    "sp.compare.col.gap_households": ("高估户数", "Homes overstated"),
    "sp.compare.col.line.help": (
        "{r} 米内（直线距离）有该类运营网点的户数占比。",
        "Share of households with an operating point of the type within {r} m in a straight line.",
    ),
    "sp.compare.col.walk.help": (
        "{r} 米内（沿街步行距离）有该类运营网点的户数占比。",
        "Share of households with an operating point of the type within a {r} m walk along streets.",
    ),
    "sp.compare.col.gap.help": (
        "直线覆盖率 − 步行覆盖率（百分点）：直线距离多算的部分。",
        "Straight-line share minus walking share (percentage points): what the straight line overstates.",
    ),
    "sp.compare.col.gap_households.help": (
        "按直线在 {r} 米内、沿街步行超过 {r} 米的户数。",
        "Households within {r} m in a straight line that walk further than {r} m along streets.",
    ),
    # walking-time areas
    "sp.area": ("步行时间范围", "Walking-time area"),
    "sp.area.none": ("不显示", "Off"),
    "sp.area.all": ("全部{type}", "Every {type}"),
    "sp.area.help": (
        "在地图上用三种深浅标出从网点沿街步行 5 / 10 / 15 分钟可到达的街道。按 GB 50180-2018 居住区"
        "生活圈的步行距离取 300 / 500 / 800 米（约每分钟 55–60 米，老年人的步速），与覆盖半径一致。",
        "Draws in three shades the streets within a 5 / 10 / 15 minute walk of the points. Following "
        "GB 50180-2018's life circles, these are walks of 300 / 500 / 800 m (about 55–60 m a minute, an older "
        "person's pace), the same as the coverage radii.",
    ),
    "sp.area.caption": (
        "步行 5 分钟内可达 {n5} 个小区（{h5} 户），10 分钟内 {n10} 个（{h10} 户），15 分钟内 {n15} 个（{h15} 户）。",
        "Within a 5 minute walk: {n5} compounds ({h5} households); 10 minutes: {n10} ({h10}); "
        "15 minutes: {n15} ({h15}).",
    ),
    "sp.area.needs_walk": (
        "选择“步行”后可在地图上查看步行时间范围。",
        "Choose walking to see walking-time areas on the map.",
    ),
    "sp.legend.area": (
        "步行 {minutes} 分钟（{r} 米）内的街道",
        "Streets within {minutes} min ({r} m)",
    ),
    "sp.legend.reached": (
        "步行时间范围内的小区（圈色同街道）",
        "Compounds reached (ring as the streets)",
    ),
    "sp.legend.barrier": (
        "不可步行的线路（铁路等），只能从桥或地道通过",
        "Not walkable (rail line): crossed only at bridges or underpasses",
    ),
    "sp.map.walk_metres": ("步行 {m} 米", "{m} m on foot"),
    "sp.map.reached": ("步行约 {minutes} 分钟内可达", "Within about {minutes} min on foot"),
    "sp.map.area_source": ("步行时间范围的起点", "Start of the walking-time area"),
    "sp.url.area": ("未知的网点", "unknown point"),
}
