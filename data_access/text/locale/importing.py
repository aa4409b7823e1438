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
    "import.cell.outside_county": (
        "坐标不在本县范围内（请确认坐标系：WGS-84、高德/腾讯 GCJ-02 或百度 BD-09）",
        "coordinates outside the county (check the coordinate system: WGS-84, GCJ-02 or BD-09)",
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
        "不是有效的 GeoJSON（第 {line} 行附近格式错误）",
        "not valid GeoJSON (malformed near line {line})",
    ),
    "import.geojson.not_collection": (
        "GeoJSON 文件应为 FeatureCollection（要素集合）",
        "a GeoJSON file must be a FeatureCollection",
    ),
    # One sentence a feature: they are written one after the other.
    "import.geojson.feature": ("第 {n} 个要素：{reason}。", "Feature {n}: {reason}. "),
    "import.geojson.more": ("另有 {n} 个要素有问题。", "{n} more features have problems."),
    "import.geojson.not_feature": ("不是要素（Feature）", "not a Feature"),
    "import.geojson.no_id": (
        "缺少编号（要素的 id 或属性 id）",
        "no id (the feature's id or properties.id)",
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
