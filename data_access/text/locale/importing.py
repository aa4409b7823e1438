"""Imports, templates and accounts: problems reported to clerks (in Chinese first), table titles."""

STRINGS = {
    # cells
    "import.cell.not_date": (
        "应为日期（如 2022-07-10、2022/7/10、2022年7月10日），实际为“{value}”",
        "should be a date (e.g. 2022-07-10, 2022/7/10), got “{value}”",
    ),
    "import.cell.not_month": (
        "应为月份（如 2022-07、2022年7月），实际为“{value}”",
        "should be a month (e.g. 2022-07), got “{value}”",
    ),
    "import.cell.not_number": ("应为数字，实际为“{value}”", "should be a number, got “{value}”"),
    "import.cell.not_money": (
        "应为金额（如 1,200.50 或 8.46万），实际为“{value}”",
        "should be an amount (e.g. 1,200.50 or 8.46万), got “{value}”",
    ),
    "import.cell.not_integer": (
        "应为整数，实际为“{value}”",
        "should be a whole number, got “{value}”",
    ),
    "import.cell.id_as_number": (
        "身份证号被 Excel 存成了数字（如 6.2E+17），后几位已丢失：请把该列设为“文本”后重新录入",
        "Excel stored the ID number as a number (e.g. 6.2E+17) and its last digits are lost: "
        "format the column as text and enter it again",
    ),
    "import.cell.not_allowed": (
        "“{value}”不是允许的取值（可填：{allowed}）",
        "“{value}” is not allowed (use: {allowed})",
    ),
    "import.cell.negative": ("不能为负数", "must not be negative"),
    "import.cell.coordinate_range": ("坐标超出范围", "coordinate out of range"),
    "import.cell.duplicate_in_file": (
        "与文件中另一行重复（{key}相同）",
        "duplicates another row of the file (same {key})",
    ),
    "import.cell.unknown_code": (
        "在“{table}”中不存在（请先导入该表）",
        "not found in “{table}” (import that table first)",
    ),
    "import.cell.order": ("不能早于“{earlier}”", "must not be before “{earlier}”"),
    "import.cell.id_twice_in_file": (
        "与第{row}行的身份证号相同",
        "same ID number as row {row}",
    ),
    "import.cell.id_registered": (
        "该身份证号已登记在 {key} 名下",
        "this ID number is already registered under {key}",
    ),
    "import.replace.not_allowed": (
        "只有道路网可以整体替换（--replace）：其他表按编号逐行新增或更新",
        "only the street network can be replaced (--replace); other tables add or update by key",
    ),
    "import.replace.logged": ("整体替换：删除了 {count} 行", "replaced: {count} rows deleted"),
    "import.network.fragments": (
        "道路网中有 {fragments} 组孤立的道路（与主路网不相连，总长不足 {limit} 米），"
        "{compounds} 个小区（{households} 户）最近的道路在其上，只能走到这些孤立道路连通的地方，"
        "覆盖可能显示为“无”。常见原因：道路在路口没有共用节点（请在 GIS 中于交叉处打断线）",
        "the network has {fragments} isolated groups of streets (not joined to the main network, "
        "under {limit} m in all); {compounds} compounds ({households} households) have their "
        "nearest street on one and reach only what it joins, so their coverage may show none. "
        "Usually streets cross without sharing a vertex (split lines at junctions in the GIS)",
    ),
    "import.network.no_states": (
        "{count} 个服务点状态为“运营中”，但“服务点运营状态”表中没有它们的记录："
        "导入它们的运营状态（自哪天起运营）之前，它们不计入覆盖和数量",
        "{count} service points are marked operating but have no row in the service point "
        "states: they count nowhere until their states (operating since when) are imported",
    ),
    "import.network.far_compounds": (
        "{count} 个小区离最近的道路超过 {limit} 米（最远 {furthest} 米）：步行距离按直线计入这一段，"
        "请补充通往这些小区的道路",
        "{count} compounds are more than {limit} m from the nearest street (the furthest "
        "{furthest} m): the walk counts that stretch in a straight line; add the streets to them",
    ),
    "import.network.far_points": (
        "{count} 个服务点离最近的道路超过 {limit} 米（最远 {furthest} 米）：步行距离按直线计入这一段",
        "{count} service points are more than {limit} m from the nearest street (the furthest "
        "{furthest} m): the walk counts that stretch in a straight line",
    ),
    "import.gis.other_format": (
        "这是 {kind} 文件，不能直接导入：道路请在 QGIS 中右键图层 → 导出 → 要素另存为，格式选 "
        "GeoJSON（保留坐标参照系），或用 ogr2ogr -f GeoJSON 道路.geojson 原文件；"
        "其他表请使用下载的 Excel 模板",
        "this is a {kind} file, which is not read directly: export streets from QGIS (layer → "
        "Export → Save Features As, format GeoJSON, keeping the CRS) or with ogr2ogr -f GeoJSON "
        "streets.geojson FILE; other tables use the downloaded Excel template",
    ),
    "import.osm.only_roads": (
        "OpenStreetMap 文件（.osm.pbf）只能导入“道路”表",
        "an OpenStreetMap file (.osm.pbf) can only be imported into the roads table",
    ),
    "import.osm.unreadable": (
        "无法读取这个 OpenStreetMap 文件（可能已损坏或下载不完整）：{reason}",
        "this OpenStreetMap file cannot be read (damaged or incompletely downloaded?): {reason}",
    ),
    "import.osm.no_streets": (
        "OpenStreetMap 文件中没有位于本县范围内的道路：请确认下载的是本县所在地区的数据",
        "the OpenStreetMap file has no streets inside the county: is it the county's region?",
    ),
    "import.extent.outside": (
        "坐标不在本县范围内（距本县约 {km} 公里）",
        "outside the county (about {km} km from it)",
    ),
    "import.extent.file_county": (
        "文件中有 {count} 行（共 {total} 行）不在本县社区范围内（含 5 公里余量）：{cause}",
        "{count} of {total} rows lie outside the county's communities (with a 5 km margin): {cause}",
    ),
    "import.extent.file_china": (
        "文件中有 {count} 行（共 {total} 行）不在中国境内：{cause}",
        "{count} of {total} rows lie outside China: {cause}",
    ),
    "import.extent.hint_swapped": (
        "纬度和经度可能写反了（交换后落在本县内）；GeoJSON 的坐标顺序是 [经度, 纬度]",
        "latitude and longitude look swapped (swapped, they fall in the county); "
        "GeoJSON positions are [longitude, latitude]",
    ),
    "import.extent.hint_far": (
        "这些位置离本县超过 {km} 公里：是否是其他县的数据，或坐标系不对（投影坐标未声明 crs）？",
        "these places are more than {km} km away: another county's data, or the wrong "
        "coordinate system (projected coordinates without a crs)?",
    ),
    "import.extent.hint_system": (
        "请确认坐标系：文件应为 WGS-84 经纬度；高德/腾讯坐标（GCJ-02）或百度坐标（BD-09）"
        "须在导入时声明（页面上的“文件中的坐标系”，命令行 --coordinates gcj02 或 bd09）",
        "check the coordinate system: the file should be WGS-84; AMap/Tencent (GCJ-02) or "
        "Baidu (BD-09) coordinates must be declared (the page's coordinate choice, "
        "--coordinates gcj02 or bd09 on the command line)",
    ),
    "import.extent.misaligned": (
        "文件的位置与本县已有的小区、服务点和道路对不上：按 {system} 读取（整体移动约 {moved} 米）"
        "后吻合得多（到最近道路的中位距离 {before} 米 → {after} 米）。请按 {system} 导入"
        "（页面上的“文件中的坐标系”，命令行 --coordinates {code}）；"
        "如果文件确为所选坐标系，请检查此前导入的小区、服务点或道路的坐标系",
        "the file does not line up with the county's stored compounds, service points and "
        "streets: read as {system} (a shift of about {moved} m) it fits far better (median "
        "distance to the nearest street {before} m → {after} m). Import it as {system} (the "
        "page's coordinate choice, --coordinates {code}); if the file really is in the chosen "
        "system, check the system of the compounds, service points or streets imported before",
    ),
    "import.cell.outside_china": ("坐标不在中国境内", "coordinates outside China"),
    # files
    "import.file.empty": ("文件是空的", "the file is empty"),
    # GeoJSON (roads)
    "import.geojson.only_roads": (
        "GeoJSON 文件只能导入“道路”表",
        "a GeoJSON file can only be imported into the roads table",
    ),
    "import.geojson.not_json": (
        "不是有效的 JSON：第 {line} 行第 {column} 列（从文件开头数第 {offset} 个字符）附近{reason}",
        "not valid JSON: near line {line}, column {column} (character {offset} from the start): "
        "{reason}",
    ),
    "import.json.quotes": (
        "：名称须用双引号（JSON 不接受单引号）",
        "names must be in double quotes (JSON does not accept single quotes)",
    ),
    "import.json.truncated": (
        "：文件在此中断，不完整（可能没有导出或下载完）",
        "the file stops here, incomplete (cut short when exported or downloaded?)",
    ),
    "import.json.value": ("：缺少值", "a value is missing"),
    "import.json.string": ("：有未结束的字符串", "an unterminated string"),
    "import.json.comma": ("：缺少逗号或括号", "a comma or bracket is missing"),
    "import.json.colon": ("：缺少冒号", "a colon is missing"),
    "import.json.extra": ("：有多余内容", "extra content after the end"),
    "import.json.other": ("格式错误", "malformed"),
    "import.json.encoding": (
        "JSON 文件须为 UTF-8 编码：请在导出时选择 UTF-8",
        "a JSON file must be UTF-8: choose UTF-8 when exporting",
    ),
    "import.geojson.not_collection": (
        "GeoJSON 文件应为 FeatureCollection（要素集合）",
        "a GeoJSON file must be a FeatureCollection",
    ),
    # One sentence a feature: they are written one after the other.
    "import.geojson.feature": ("第 {n} 个要素：{reason}。", "Feature {n}: {reason}. "),
    "import.geojson.more": ("另有 {n} 个要素有问题。", "{n} more features have problems."),
    "import.geojson.not_feature": ("不是要素（Feature）", "not a Feature"),
    "import.crs.unreadable": (
        "文件的坐标参照系（crs）无法识别：{crs}",
        "the file's coordinate reference system (crs) cannot be read: {crs}",
    ),
    "import.crs.unknown": (
        "文件声明的坐标参照系 {crs} 无法识别：请导出为 WGS-84 经纬度（EPSG:4326），"
        "或写明 EPSG 编号（如 CGCS2000 为 EPSG:4490，3 度带高斯-克吕格 105°E 为 EPSG:4544）",
        "the file's coordinate reference system {crs} is unknown: export as WGS-84 "
        "longitude/latitude (EPSG:4326) or name an EPSG code (CGCS2000 EPSG:4490, "
        "Gauss-Krüger 3-degree 105°E EPSG:4544)",
    ),
    "import.crs.outside_zone": (
        "坐标超出文件声明的坐标参照系 {crs} 的范围（是否选错了投影带？）",
        "a position is outside the declared coordinate reference system {crs} (wrong zone?)",
    ),
    "import.crs.projected_hint": (
        "坐标看起来是以米为单位的投影坐标：请在导出时保留坐标参照系（crs，"
        "如 EPSG:4544），或导出为 WGS-84 经纬度（EPSG:4326）。",
        "The positions look like projected metres: keep the coordinate reference system (crs, "
        "e.g. EPSG:4544) in the export, or export WGS-84 longitude/latitude (EPSG:4326).",
    ),
    "import.geojson.swapped_hint": (
        "纬度和经度可能写反了：GeoJSON 的坐标顺序是 [经度, 纬度]。",
        "Latitude and longitude look swapped: GeoJSON positions are [longitude, latitude].",
    ),
    "import.geojson.not_object": ("缺少几何（geometry）", "no geometry"),
    "import.geojson.not_geometry_text": (
        "不是有效的 GeoJSON 几何文本",
        "not valid GeoJSON geometry text",
    ),
    "import.geojson.not_line": (
        "几何类型为 {kind}，应为线（LineString 或 MultiLineString）",
        "geometry type {kind}, expected a line (LineString or MultiLineString)",
    ),
    "import.geojson.no_coordinates": ("几何没有坐标", "the geometry has no coordinates"),
    "import.geojson.too_few_points": ("线至少需要两个点", "a line needs at least two positions"),
    "import.geojson.not_number": ("坐标不是数字", "a coordinate is not a number"),
    "import.geojson.out_of_range": (
        "坐标超出范围（经度 −180～180，纬度 −90～90）",
        "a coordinate is out of range (longitude −180..180, latitude −90..90)",
    ),
    "import.file.mixed_encoding": (
        "文件混用了两种编码：第{utf8}行是 UTF-8，第{other}行是 GBK 等其他编码，无论按哪种读取都会出现乱码。"
        "请用同一种编码另存整个文件（建议另存为 Excel 工作簿 .xlsx），没有导入任何数据",
        "the file mixes two encodings: row {utf8} is UTF-8, row {other} is GBK or another, so "
        "either reading garbles one of them. Save the whole file in one encoding (best as .xlsx); "
        "nothing was imported",
    ),
    "import.file.encoding": (
        "无法识别文件编码：请另存为 Excel 工作簿（.xlsx）或 UTF-8 / GBK 编码的 CSV",
        "unknown text encoding: save as an Excel workbook (.xlsx) or a UTF-8 / GBK CSV",
    ),
    "import.file.not_workbook": (
        "无法读取这个 Excel 文件（文件可能已损坏或加密）",
        "this Excel file cannot be read (damaged or password-protected?)",
    ),
    "import.file.no_header": (
        "前10行中找不到表头：请使用下载的模板",
        "no header row in the first 10 rows: use the downloaded template",
    ),
    "import.file.no_rows": ("文件中没有数据行", "the file has no data rows"),
    "import.file.not_table": (
        "无法按表格读取这个文件（引号未闭合或单元格过长）：请另存为 Excel 工作簿（.xlsx）",
        "this file cannot be read as a table (an unclosed quote or a cell too long): save it as .xlsx",
    ),
    "backup.passphrase.short": (
        "备份口令至少要有 {length} 个字符",
        "the backup passphrase needs at least {length} characters",
    ),
    "backup.sealed.damaged": (
        "备份文件已损坏或不是本系统的加密备份",
        "the backup file is damaged or not an encrypted backup of this app",
    ),
    "backup.sealed.wrong": (
        "备份口令不对，或备份文件已损坏：没有导入任何数据",
        "wrong backup passphrase, or a damaged backup file: nothing was imported",
    ),
    "backup.restore.failed": (
        "恢复失败，没有写入任何数据（数据库仍是空的，改正后可以再次恢复）",
        "the restore failed and wrote nothing (the database is still empty; fix it and restore again)",
    ),
    "import.backup.not_backup": (
        "这不是本系统导出的备份文件（ZIP 中没有可识别的数据表）",
        "not a backup made by this app (no known tables in the ZIP)",
    ),
    "import.limit.size": (
        "文件有 {size} MB，超过上限 {limit} MB：请按社区或年份拆分后分别导入",
        "the file is {size} MB, over the {limit} MB limit: split it by community or year",
    ),
    "import.limit.columns": (
        "文件有 {columns} 列，超过上限 {limit} 列：请使用下载的模板",
        "the file has {columns} columns, over the limit of {limit}: use the downloaded template",
    ),
    "import.limit.rows": (
        "文件有 {rows} 行，超过上限 {limit} 行：请拆分后分别导入",
        "the file has {rows} rows, over the limit of {limit}: split it",
    ),
    "import.limit.cells": (
        "文件的单元格超过上限 {limit} 个（或有内容写在很远的行列）：请删除多余行列或拆分文件",
        "the file has more than {limit} cells (or something far down or right): trim or split it",
    ),
    "import.limit.members": (
        "Excel 文件内部有 {count} 个部件，超过上限 {limit} 个：文件可能已损坏",
        "the Excel file holds {count} parts, over the limit of {limit}: it may be damaged",
    ),
    "import.limit.unpacked": (
        "Excel 文件解压后超过 {limit} MB：请删除多余内容或拆分文件",
        "the Excel file unpacks to more than {limit} MB: trim or split it",
    ),
    "import.db_refused": (
        "数据库拒绝写入，未写入任何数据：{reason}",
        "the database refused; nothing written: {reason}",
    ),
    # who may import what
    "import.refused.viewer": (
        "只有编辑员和管理员可以导入数据，请先登录",
        "only editors and admins may import: sign in first",
    ),
    "import.refused.county_table": (
        "这是全县共用的表，只有管理员可以导入",
        "this table is county-wide: only admins may import it",
    ),
    "import.refused.community": (
        "不属于您负责的社区（{community}），不能导入",
        "belongs to a community you do not edit ({community})",
    ),
    "import.county": ("全县", "the county"),
    # accounts
    "account.password_short": (
        "密码至少{length}位",
        "the password needs at least {length} characters",
    ),
    "account.bad_role": ("未知角色：{role}（可选 viewer、editor、admin）", "unknown role: {role}"),
    "account.editor_needs_community": (
        "编辑员须指定至少一个社区（--community 社区代码）",
        "an editor needs at least one community (--community CODE)",
    ),
    "account.unknown_community": ("社区代码不存在：{codes}", "unknown community code: {codes}"),
    "account.name_empty": ("用户名不能为空", "the user name must not be empty"),
    "account.no_actor": (
        "须说明由谁修改账号（--by 姓名），修改将记入操作记录",
        "say who changes the account (--by NAME): the change is recorded in the audit log",
    ),
    "account.exists": ("用户 {name} 已存在", "user {name} already exists"),
    "account.unknown": ("用户 {name} 不存在", "no user {name}"),
    # One message for every refusal on an account (unknown name, wrong password, locked,
    # disabled), so the form tells nobody which names exist; it states the rule for the reader
    # who is locked out.
    "account.wrong": (
        "用户名或密码错误。连续错误{attempts}次账号将锁定{minutes}分钟；仍无法登录请联系管理员",
        "wrong user name or password. {attempts} failures in a row lock an account for "
        "{minutes} minutes; if you still cannot sign in, ask an admin",
    ),
    "account.throttled": (
        "登录失败次数过多，请1分钟后再试",
        "too many failed sign-ins from this computer: try again in a minute",
    ),
    # table titles
    "import.table.communities": ("社区", "Communities"),
    "import.table.grids": ("网格", "Grids"),
    "import.table.compounds": ("小区", "Compounds"),
    "import.table.service_points": ("便民服务点", "Service points"),
    "import.table.service_point_states": ("服务点运营状态", "Service point states"),
    "import.table.facility_kinds": ("设施类别", "Facility kinds"),
    "import.table.facilities": ("设施（六室三站一场）", "Facilities"),
    "import.table.projects": ("建设项目", "Construction projects"),
    "import.table.project_phase_plans": ("项目阶段计划", "Project phase plans"),
    "import.table.funding": ("筹措资金", "Funding"),
    "import.table.welfare_standards": ("救助标准", "Assistance standards"),
    "import.table.welfare_households": ("低保特困家庭", "低保 and 特困 households"),
    "import.table.welfare_payments": ("救助金发放", "Payments"),
    "import.table.welfare_reviews": ("低保复核", "Reviews"),
    "import.table.near_poor_households": ("低保边缘家庭", "Near-poor households"),
    "import.table.zero_employment_families": ("零就业家庭", "Zero-employment families"),
    "import.table.jobseeker_groups": ("求职人员类别", "Job seekers' groups"),
    "import.table.jobseekers": ("求职登记人员", "Job seekers"),
    "import.table.volunteer_orgs": ("志愿服务组织", "Volunteer organisations"),
    "import.table.volunteer_activities": ("志愿服务活动", "Volunteer activities"),
    "import.table.elderly_groups": ("老年人文体组织", "Groups for older residents"),
    "import.table.disputes": ("矛盾纠纷", "Disputes"),
    "import.table.cadres": ("社区干部", "Cadres"),
    "import.table.cadre_posts": ("两委任职", "Seats on the two committees"),
    "import.table.honours": ("荣誉", "Honours"),
    "import.table.targets": ("目标", "Targets"),
    "import.table.roads": ("道路（步行网络）", "Roads (walking network)"),
    # templates and problem workbooks
    "template.kind.text": ("文本", "text"),
    "template.position.lat": (
        "WGS-84 纬度（度，GPS 原始坐标，如 35.575）；从高德/腾讯地图取的坐标（GCJ-02）或百度坐标"
        "（BD-09）须在导入时选择坐标系（页面上的“文件中的坐标系”，命令行 --coordinates gcj02 或 bd09）",
        "WGS-84 latitude (degrees, raw GPS, e.g. 35.575); coordinates from AMap/Tencent (GCJ-02) "
        "or Baidu (BD-09) must be declared when importing (the page's coordinate choice, "
        "--coordinates gcj02 or bd09)",
    ),
    "template.position.lon": (
        "WGS-84 经度（度，如 104.62）；高德/腾讯（GCJ-02）或百度（BD-09）坐标须在导入时声明"
        "（--coordinates gcj02 或 bd09）",
        "WGS-84 longitude (degrees, e.g. 104.62); GCJ-02 or BD-09 coordinates must be declared "
        "(--coordinates gcj02 or bd09)",
    ),
    "template.position.line": (
        "GeoJSON 线（LineString 或 MultiLineString），坐标为 [经度, 纬度]，WGS-84；"
        "GCJ-02 / BD-09 坐标须在导入时声明（--coordinates）",
        "a GeoJSON line (LineString or MultiLineString), positions [longitude, latitude] in "
        "WGS-84; GCJ-02 / BD-09 must be declared when importing (--coordinates)",
    ),
    "template.kind.id_number": ("18位身份证号（文本格式）", "18-character ID number (as text)"),
    "template.kind.date": ("日期，如 2022-07-10", "date, e.g. 2022-07-10"),
    "template.kind.datetime": ("日期时间", "date and time"),
    "template.kind.month": ("月份，如 2022-07", "month, e.g. 2022-07"),
    "template.kind.money": ("金额（元），可写 8.46万", "amount in yuan (8.46万 accepted)"),
    "template.kind.integer": ("整数", "whole number"),
    "template.kind.number": ("数字", "number"),
    "template.kind.bool": ("是 / 否", "yes / no"),
    "template.kind.code": ("从下拉列表选择", "pick from the list"),
    "template.allowed": ("可填：{values}", "allowed: {values}"),
    "template.references": ("须为“{table}”中已有的编号", "must exist in “{table}”"),
    "template.key": ("唯一编号，重复导入时按此更新", "unique key: a second import updates by it"),
    "template.rule_sep": ("；", "; "),
    "template.pick": ("请从下拉列表中选择", "pick a value from the list"),
    "template.dict.sheet": ("填写说明", "Data dictionary"),
    "template.dict.header": ("表头", "Header"),
    "template.dict.name": ("字段名", "Column"),
    "template.dict.required": ("必填", "Required"),
    "template.dict.rule": ("填写要求", "Rule"),
    "template.problems.sheet": ("问题清单", "Problems"),
    "template.problems.row": ("行号", "Row"),
    "template.problems.column": ("列", "Column"),
    "template.problems.value": ("填写内容", "Value"),
    "template.problems.reason": ("问题", "Problem"),
}
