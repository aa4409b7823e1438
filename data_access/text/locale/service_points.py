STRINGS = {
    "sp.title": ("服务网点", "Service points"),
    "sp.subtitle": (
        "便民服务网点分布、步行覆盖与新增/关闭网点推演。",
        "Where the convenience points are, who reaches them on foot, and what adding or closing points would change.",
    ),
    "sp.as_of": ("网点按 {end} 期末运营状态统计", "Points operating at the end of {end}"),
    "sp.now": ("当前", "today"),
    # controls
    "sp.type": ("网点类型", "Service type"),
    "sp.type.all": ("全部类型", "All types"),
    "sp.type.help": (
        "选择一种类型后，地图按该类型标出未覆盖的小区，并可进行新增/关闭网点推演和选址建议。",
        "Choose one type to see the compounds it does not reach, try adding or closing points, and get site suggestions.",
    ),
    "sp.radius": ("步行半径", "Walking radius"),
    "sp.radius.option": ("{r} 米（约{minutes}分钟）", "{r} m (~{minutes} min)"),
    "sp.radius.help": (
        "“生活圈”步行半径：300 米≈5 分钟、500 米≈10 分钟、800 米≈15 分钟（GB 50180-2018）。距离按右侧所选算法计算：直线（大圆）距离或沿街步行距离。",
        "Life-circle radii (GB 50180-2018): 300 m ≈ 5, 500 m ≈ 10, 800 m ≈ 15 walking minutes, measured as chosen on the right: straight-line (great-circle) or walking along streets.",
    ),
    "sp.measure.households": ("户", "households"),
    "sp.measure.residents_60_plus": ("60岁以上居民", "residents 60+"),
    "sp.measure.short.households": ("户", "homes"),
    "sp.measure.short.residents_60_plus": ("60岁+", "60+"),
    "sp.unit.households": ("户", "households"),
    "sp.unit.persons": ("人", "persons"),
    # cards
    "sp.kpi.coverage": ("{r} 米覆盖率（{who}）", "{r} m coverage ({who})"),
    "sp.kpi.coverage.help": (
        "所选范围内，所在小区距最近的运营中{type}不超过 {r} 米的{who}数 ÷ 所选范围各小区{who}总数。"
        "网点按期末运营状态计，范围外邻近社区的网点同样计入（居民就近步行，不受社区边界限制）；有推演时显示推演后的数值。",
        "Share of the area's {who} whose compound lies within {r} m of an operating {type}, "
        "counting points across community lines (people walk to the nearest one); with a what-if, the figure after it.",
    ),
    "sp.kpi.covered_of": (
        "已覆盖 {covered} / {total} {unit}",
        "{covered} of {total} {unit} covered",
    ),
    "sp.kpi.before": ("现状 {share}（覆盖 {covered}）", "today {share} ({covered})"),
    "sp.kpi.weakest": ("{r} 米覆盖最弱（{who}）", "Weakest at {r} m ({who})"),
    "sp.kpi.weakest.help": (
        "对每种网点类型计算 {r} 米步行覆盖率（所在小区距最近的该类运营网点不超过 {r} 米的{who}数 ÷ {who}总数），显示其中最低的一种。",
        "For each service type, the share of {who} whose compound lies within {r} m of an operating point of it; the lowest is shown.",
    ),
    "sp.kpi.weakest.caption": (
        "{type}；选择该类型可查看未覆盖的小区",
        "{type}; choose it to see the compounds it misses",
    ),
    # empty states
    "sp.empty.area": (
        "所选范围内没有小区和服务网点数据，请调整左侧的社区或网格筛选。",
        "The chosen area has no compounds or service points; change the community or grid filter.",
    ),
    "sp.empty.points": (
        "所选范围内没有运营中的服务网点。",
        "There is no operating service point in the chosen area.",
    ),
    "sp.empty.type": (
        "所选范围内没有运营中的{type}。可在下方“情景推演”中添加网点，查看覆盖变化。",
        "There is no operating {type} in the chosen area. Add one in the what-if below to see what it would reach.",
    ),
    "sp.empty.community": (
        "{names}没有运营中的{type}。",
        "{names}: no operating point ({type}).",
    ),
    # map and legend
    "sp.map.alt": (
        "服务网点地图：社区与网格边界、居民小区和各类服务网点",
        "Service-point map: community and grid boundaries, residential compounds and service points",
    ),
    "sp.map.type_status": ("类型：{type} · 状态：{status}", "{type} · {status}"),
    "sp.map.opened": ("开设于 {date}", "Opened {date}"),
    "sp.map.outside": ("（所选范围外）", " (outside the chosen area)"),
    "sp.map.people": (
        "{households} 户，60岁以上 {elderly} 人",
        "{households} households, {elderly} residents 60+",
    ),
    "sp.map.covered": ("已覆盖：最近的{type} {distance}", "Covered: nearest {type} {distance}"),
    "sp.map.uncovered": (
        "{radius} 米内没有{type}（最近 {distance}）",
        "No {type} within {radius} m (nearest {distance})",
    ),
    "sp.map.metres": ("{m} 米", "{m} m"),
    "sp.map.no_point": ("无", "none"),
    "sp.map.closed_in_scenario": ("推演中关闭", "closed in the what-if"),
    "sp.map.added": ("推演新增：{type}", "What-if: new {type}"),
    "sp.map.latlon": ("纬度 {lat}，经度 {lon}", "lat {lat}, lon {lon}"),
    "sp.map.suggested": ("建议选址 {rank}：{name}", "Suggested site {rank}: {name}"),
    "sp.map.gain": (
        "新增覆盖 {households} 户，其中60岁以上 {elderly} 人",
        "Adds {households} households, {elderly} residents 60+",
    ),
    "sp.legend.title": ("图例", "Legend"),
    "sp.county.ramp.rate": ("每千户网点数", "Points per 1,000 households"),
    "sp.county.ramp.share": ("{r} 米内可达的户数占比", "Households within {r} m"),
    "sp.county.tip": (
        "网点 {points} 个，{households} 户，每千户 {rate} 个",
        "{points} points, {households} households, {rate} per 1,000 households",
    ),
    "sp.county.tip.share": ("{r} 米内可达：{share}", "Within {r} m: {share}"),
    "sp.county.hint": (
        "地图按社区汇总。在左侧选择社区或网格，即可看到其中每个网点和小区；悬停社区查看数字。",
        "The map sums up each community. Choose a community or grid on the left to see its "
        "points and compounds; hover a community for its figures.",
    ),
    "sp.county.hint.touch": (
        "地图按社区汇总。在侧栏选择社区或网格，即可看到其中每个网点和小区；点按社区查看数字。",
        "The map sums up each community. Choose a community or grid in the sidebar to see its "
        "points and compounds; tap a community for its figures.",
    ),
    "sp.county.alt": (
        "服务网点地图：各社区按数值着色，未逐个标出网点",
        "Service-point map: communities shaded by their figure, points not drawn one by one",
    ),
    "sp.county.caption": (
        "范围内运营中的网点共 {n} 个，地图按社区汇总；选择社区或网格后逐个显示网点和小区。",
        "{n} operating points in the area: the map sums them up by community; choose a community or grid to "
        "see each point and compound.",
    ),
    "sp.legend.type": ("{type}（{n} 个）", "{type} ({n})"),
    "sp.legend.nearby": ("范围外、步行可达的网点", "Points outside the area within reach"),
    "sp.legend.inactive": ("暂停或期内关闭的网点", "Suspended or closed in the period"),
    "sp.legend.closed": ("推演中关闭的网点", "Closed in the what-if"),
    "sp.legend.added": ("推演新增的网点", "Added in the what-if"),
    "sp.legend.suggested": ("建议选址", "Suggested sites"),
    "sp.legend.walk": ("{radius} 米步行范围", "{radius} m walking range"),
    "sp.legend.covered": ("已覆盖的小区", "Compound within reach"),
    "sp.legend.uncovered": ("{radius} 米内未覆盖的小区", "Compound not reached within {radius} m"),
    "sp.legend.compound": ("居民小区（按户数大小）", "Residential compound (sized by households)"),
    "sp.legend.community": ("社区边界", "Community boundary"),
    "sp.legend.grid": ("网格边界", "Grid boundary"),
    "sp.legend.hint.touch": (
        "点按网点或小区查看详情；双指缩放，单指拖动。",
        "Tap a point or compound for details; pinch to zoom, drag to pan.",
    ),
    "sp.legend.hint": (
        "鼠标悬停在网点或小区上查看详情；滚轮缩放，拖动平移。",
        "Hover a point or compound for details; scroll to zoom, drag to pan.",
    ),
    # what-if
    "sp.whatif.pick_type": (
        "在上方“网点类型”中选择一种类型，即可查看该类型未覆盖的小区、推演新增或关闭网点，并获得选址建议。",
        "Choose one service type above to see the compounds it misses, try adding or closing points, and get site suggestions.",
    ),
    "sp.whatif.title": ("情景推演：新增或关闭{type}", "What if: add or close a {type}"),
    "sp.whatif.caption": (
        "推演只在本页计算，不写入数据库；推演内容保存在浏览器地址中，复制链接即可分享。",
        "The what-if is computed on this page only and never written to the database; it is kept in the link, so you can share it.",
    ),
    "sp.whatif.add": ("在未覆盖的小区新增{type}", "Add a {type} at an uncovered compound"),
    "sp.whatif.add.placeholder": ("选择小区（可多选）", "Choose compounds"),
    "sp.whatif.add.help": (
        "列出 {r} 米内尚无该类网点的小区（按户数从多到少），新网点设在小区位置。",
        "Compounds with no point of this type within {r} m, largest first; the new point goes to the compound.",
    ),
    "sp.whatif.compound_option": ("{name}（{households} 户）", "{name} ({households} households)"),
    "sp.whatif.coords": ("或按坐标新增：", "Or add one at coordinates:"),
    "sp.whatif.lat": ("纬度", "Latitude"),
    "sp.whatif.lon": ("经度", "Longitude"),
    "sp.whatif.add_coords": ("添加", "Add"),
    "sp.whatif.coords.help": (
        "WGS-84（GPS）十进制度，须位于本县社区范围内。高德、腾讯地图显示的是 GCJ-02 坐标，会有数百米偏差。",
        "WGS-84 (GPS) decimal degrees, inside the county's communities. AMap and Tencent show GCJ-02 coordinates, which are off by a few hundred metres.",
    ),
    "sp.whatif.coords_error": (
        "无法添加该坐标：{reason}",
        "Cannot add these coordinates: {reason}",
    ),
    "sp.whatif.coord_site": (
        ":material/location_on: 纬度 {lat}，经度 {lon}",
        ":material/location_on: lat {lat}, lon {lon}",
    ),
    "sp.whatif.remove": ("移除", "Remove"),
    "sp.whatif.close": ("模拟关闭{type}", "Close a {type}"),
    "sp.whatif.close.placeholder": ("选择网点（可多选）", "Choose points"),
    "sp.whatif.close.help": (
        "所选范围内的该类运营网点，以及范围外但步行可达的同类网点。",
        "Operating points of this type in the area, and those outside it that residents reach on foot.",
    ),
    "sp.whatif.point_option": ("{name}（位于{place}）", "{name} ({place})"),
    "sp.whatif.clear": ("清除推演", "Clear the what-if"),
    "sp.whatif.none": (
        "尚未新增或关闭网点：新增或关闭后，这里显示推演前后的覆盖对比。",
        "Nothing added or closed yet: once you do, the before → after coverage appears here.",
    ),
    "sp.whatif.result": ("推演前 → 推演后", "Before → after"),
    "sp.whatif.line": (
        "{r} 米覆盖率 {before} → {after}，{change} 户（{before_n} → {after_n} 户）；60岁以上 {e_before} → {e_after}，{e_change} 人",
        "{r} m coverage {before} → {after}, {change} households ({before_n} → {after_n}); residents 60+ {e_before} → {e_after}, {e_change}",
    ),
    # suggestions
    "sp.suggest.title": ("选址建议：再开设几个{type}", "Suggested sites for new {type}s"),
    "sp.suggest.caption": (
        "在推演结果基础上，从本范围各小区位置中逐个挑选：每次选出使 {r} 米内新增覆盖最多的一个（贪心最大覆盖），"
        "“新增覆盖”是在前面各选址之后的边际增量。",
        "On top of the what-if, sites are picked one at a time among the area's compounds: each adds the most coverage within {r} m "
        "given the picks before it (greedy maximal covering); each gain is marginal.",
    ),
    "sp.suggest.k": ("计划新增个数", "Points to open"),
    "sp.suggest.k.help": (
        "0 表示不显示建议；最多 {max} 个。",
        "0 hides the suggestions; at most {max}.",
    ),
    "sp.suggest.measure": ("优先覆盖", "Maximise"),
    "sp.suggest.off": (
        "计划新增个数为 0：不显示选址建议。",
        "Points to open is 0: no suggestions.",
    ),
    "sp.suggest.none": (
        "{r} 米内所有小区都已有{type}，新增网点不会再提高覆盖率。",
        "Every compound already has a {type} within {r} m; a new point would not raise coverage.",
    ),
    "sp.suggest.fewer": (
        "只列出 {n} 个：再多的选址不会新增覆盖。",
        "Only {n} listed: further sites would add no coverage.",
    ),
    "sp.suggest.col.rank": ("顺序", "Pick"),
    "sp.suggest.col.gain_households": ("新增覆盖（户）", "Adds (households)"),
    "sp.suggest.col.gain_elderly": ("新增覆盖（60岁以上）", "Adds (60+)"),
    "sp.suggest.col.gain.help": (
        "在前面各选址都已开设的前提下，该选址新增覆盖的户数（边际增量）。",
        "Households this site adds given the sites picked before it (marginal gain).",
    ),
    "sp.suggest.col.share_after": ("累计 {r} 米覆盖率", "{r} m coverage so far"),
    "sp.suggest.adopt": ("采纳这 {n} 个选址到推演中", "Adopt these {n} sites into the what-if"),
    # uncovered compounds and coverage table
    "sp.uncovered.title": ("{r} 米内没有{type}的小区", "Compounds with no {type} within {r} m"),
    "sp.uncovered.caption": (
        "共 {n} 个小区、{households} 户（其中60岁以上 {elderly} 人），按户数从多到少排列；含推演。",
        "{n} compounds, {households} households ({elderly} residents 60+), largest first; what-if included.",
    ),
    "sp.uncovered.none": (
        "所选范围内每个小区 {r} 米内都有{type}。",
        "Every compound in the area has a {type} within {r} m.",
    ),
    "sp.coverage.title": ("步行覆盖率（按类型和社区）", "Walking coverage by type and community"),
    "sp.coverage.caption": (
        "现有网络（不含推演）：所在小区距最近的该类运营网点不超过 300 / 500 / 800 米的户数和60岁以上居民占比。"
        "老年人步行距离较短，养老服务中心、医疗卫生服务室、图书阅览室的60岁以上覆盖尤其重要。",
        "Today's network (no what-if): share of households and of residents 60+ whose compound lies within 300 / 500 / 800 m "
        "of an operating point. Older residents walk less far: elderly care, clinics and reading rooms matter most to them.",
    ),
    "sp.col.type": ("类型", "Type"),
    "sp.col.compound": ("小区", "Compound"),
    "sp.col.grid": ("网格", "Grid"),
    "sp.col.elderly": ("60岁以上人数", "Residents 60+"),
    "sp.col.nearest": ("最近的{type}", "Nearest {type}"),
    "sp.col.nearest.help": (
        "小区到最近一个运营中同类网点的距离（推演后）；空白表示没有该类网点（或步行超过 800 米）。",
        "Distance to the nearest operating point of the type (after the what-if); empty when there is none (or, walking, none within 800 m).",
    ),
    "sp.col.share.households": ("{r}米·户", "{r} m homes"),
    "sp.col.share.residents_60_plus": ("{r}米·60岁+", "{r} m 60+"),
    "sp.col.share.help": (
        "所在小区距最近运营网点不超过 {r} 米（约步行{minutes}分钟）的比例。",
        "Share whose compound lies within {r} m (~{minutes} walking minutes) of an operating point.",
    ),
    # charts
    "sp.charts.title": ("网点数量", "Points"),
    "sp.charts.by_type": ("各类型网点数", "Points per type"),
    "sp.charts.by_community": ("各社区网点数：{type}", "Points per community: {type}"),
    "sp.charts.points": ("运营网点（个）", "Operating points"),
    "sp.charts.per_1000": ("每千户服务网点数", "Points per 1,000 households"),
    "sp.charts.per_1000.axis": ("个/千户", "per 1,000 households"),
    "sp.charts.per_1000.series": ("每千户网点", "Points per 1,000 households"),
    "sp.charts.per_1000.caption": (
        "期末运营网点数 ÷（登记户数 ÷ 1000），全部类型合计；选择网格时按网格户数计算。",
        "Operating points ÷ (registered households ÷ 1,000), all types; with grids chosen, their households.",
    ),
    # URL and input problems
    "sp.url.bad_type": ("没有这种网点类型", "no such service type"),
    "sp.url.bad_radius": ("步行半径只能是 300、500 或 800", "the radius must be 300, 500 or 800"),
    "sp.url.bad_k": ("建议个数应为 0 到 10 的整数", "the number of suggestions must be 0 to 10"),
    "sp.url.bad_measure": (
        "应为 hh（户）或 60（60岁以上）",
        "must be hh (households) or 60 (residents 60+)",
    ),
    "sp.url.needs_type": (
        "推演需要同时指定网点类型",
        "a what-if needs a service type too",
    ),
    "sp.reason.not_number": ("纬度和经度都须是数字", "latitude and longitude must be numbers"),
    "sp.reason.out_of_area": (
        "不在本县社区范围内（请检查是否填反了纬度和经度）",
        "outside the county's communities (are latitude and longitude swapped?)",
    ),
    "sp.reason.unknown_site": (
        "既不是小区编号，也不是“纬度,经度”坐标",
        "neither a compound id nor 'latitude,longitude'",
    ),
    "sp.reason.not_operating": (
        "不是所选类型在期末运营中的网点",
        "not an operating point of the chosen type at the period's end",
    ),
}
