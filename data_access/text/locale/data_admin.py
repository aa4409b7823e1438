"""数据管理 and sign-in: the page, its sections and messages."""

STRINGS = {
    # sign-in
    "auth.title": ("登录", "Sign in"),
    "auth.name": ("用户名", "User name"),
    "auth.password": ("密码", "Password"),
    "auth.submit": ("登录", "Sign in"),
    "auth.sign_out": ("退出登录", "Sign out"),
    "auth.signed_in_as": ("当前用户：{name}（{role}）", "Signed in as {name} ({role})"),
    "auth.anonymous": (
        "未登录：可浏览汇总数据。编辑员登录后可导入数据、查看本社区名册。",
        "Not signed in: aggregates only. Editors sign in to import data and see their rosters.",
    ),
    "auth.why.required": (
        "本看板需要登录后才能查看。",
        "This dashboard asks every reader to sign in.",
    ),
    "auth.why.role": (
        "此页面供编辑员和管理员使用，请登录。",
        "This page is for editors and admins: please sign in.",
    ),
    "auth.needs_role": (
        "您的账号无权打开此页面（需要{role}权限）。",
        "Your account may not open this page (it needs the {role} role).",
    ),
    "auth.signed_out.changed": (
        "账号已被停用或修改（密码或角色），已退出登录。如需继续，请重新登录。",
        "The account was disabled or changed (password or role), so you were signed out. "
        "Sign in again to continue.",
    ),
    "auth.signed_out.idle": (
        "长时间未操作，已自动退出登录。如需继续，请重新登录。",
        "You were signed out after a long time without activity. Sign in again to continue.",
    ),
    "auth.role.viewer": ("浏览者", "viewer"),
    "auth.role.editor": ("编辑员", "editor"),
    "auth.role.admin": ("管理员", "admin"),
    # the page
    "admin.title": ("数据管理", "Data management"),
    "admin.subtitle": (
        "下载模板，按模板填写后导入；导入前逐格检查，有任何问题都不会写入。",
        "Download a template, fill it in and import it: every cell is checked first, and "
        "nothing is written while any problem remains.",
    ),
    "admin.editor_scope": (
        "您可以导入以下社区的数据：{communities}。全县共用的表（如救助标准、目标）由管理员导入。",
        "You may import rows of: {communities}. County-wide tables (standards, targets) are "
        "imported by admins.",
    ),
    "admin.templates": ("1. 下载模板", "1. Download a template"),
    "admin.templates.caption": (
        "模板第一行是中文表头（批注中有英文字段名），带下拉选项、示例行和“填写说明”工作表。"
        "身份证号、代码列已设为文本格式，请勿改成数字。",
        "The first row holds the headers (the column name in a note), with drop-down lists, an "
        "example row and a data-dictionary sheet. ID and code columns are text: keep them so.",
    ),
    "admin.table": ("数据表", "Table"),
    "admin.templates.one": ("下载此表模板", "Download this template"),
    "admin.templates.all": ("下载全部模板（ZIP）", "Download every template (ZIP)"),
    "admin.import": ("2. 导入数据", "2. Import"),
    "admin.import.caption": (
        "支持 Excel（.xlsx/.xls）和 CSV（UTF-8 或 GBK 编码均可）。日期可写 2022-07-10、2022/7/10 或 "
        "2022年7月10日；金额可带千分位或写“万”。同一编号再次导入时更新该行，重复导入同一文件不会产生变化。",
        "Excel (.xlsx/.xls) or CSV (UTF-8 or GBK). Dates as 2022-07-10, 2022/7/10 or 2022年7月10日; "
        "amounts with separators or 万. A row whose key exists is updated: importing the same "
        "file twice changes nothing.",
    ),
    "admin.coordinates": ("文件中的坐标系", "Coordinates in the file"),
    "admin.coordinates.wgs84": ("WGS-84（GPS 原始坐标）", "WGS-84 (GPS)"),
    "admin.coordinates.gcj02": ("GCJ-02（高德、腾讯）", "GCJ-02 (AMap, Tencent)"),
    "admin.coordinates.bd09": ("BD-09（百度）", "BD-09 (Baidu)"),
    "admin.upload": ("选择文件", "Choose a file"),
    # Beside the uploader: Streamlit refuses a larger file on the page, in English only.
    "admin.upload.limit": (
        "支持 XLSX、XLS、CSV、GeoJSON、OSM PBF，文件不超过 {limit} MB；"
        "更大的文件不会导入，请按社区或年份拆分后分别导入",
        "XLSX, XLS, CSV, GeoJSON or OSM PBF, up to {limit} MB; a larger file is not imported: "
        "split it by community or year",
    ),
    "admin.problems.more": (
        "问题太多：只列出前{listed}个，另有{more}个问题未列出，检查到此为止（未做数据库核对）。"
        "请先改正这些问题，通常是整列填错或文件选错。",
        "Too many problems: the first {listed} are listed, {more} more were counted and not "
        "listed, and checking stopped there (the database checks were not run). Fix these "
        "first; usually a whole column is wrong or it is the wrong file.",
    ),
    "admin.refused.file": ("未写入任何数据：{reasons}", "Nothing was written: {reasons}"),
    "admin.refused": (
        "发现{count}个问题（涉及{rows}行），未写入任何数据。请按下表修改后重新上传。",
        "{count} problems in {rows} rows; nothing was written. Fix them and upload again.",
    ),
    "admin.problems.row": ("行号", "Row"),
    "admin.problems.column": ("列", "Column"),
    "admin.problems.value": ("填写内容", "Value"),
    "admin.problems.reason": ("问题", "Problem"),
    "admin.problems.download": (
        "下载问题清单（Excel，问题单元格标红）",
        "Download the problems (Excel, bad cells in red)",
    ),
    "admin.checked": ("检查通过：{table}。", "Check passed: {table}."),
    "admin.summary": (
        "共{rows}行：新增{added}行，更新{updated}行，不变{unchanged}行。",
        "{rows} rows: {added} new, {updated} updated, {unchanged} unchanged.",
    ),
    "admin.figures.title": (
        "导入后主要指标的变化（按默认统计期间）",
        "Headline figures before and after (default period)",
    ),
    "admin.figures.figure": ("指标", "Figure"),
    "admin.figures.before": ("导入前", "Before"),
    "admin.figures.after": ("导入后", "After"),
    "admin.figures.mark": ("变化", "Change"),
    "admin.figures.changed": ("有变化", "changed"),
    "admin.nothing_to_do": (
        "文件中的数据与数据库完全一致，无需导入。",
        "The file matches the database: nothing to import.",
    ),
    "admin.replace": ("替换整个道路网络", "Replace the whole street network"),
    "admin.replace.help": (
        "打开后，数据库中有、而本文件中没有的道路段将被删除，道路网与文件完全一致（新增、更新、删除在同一事务中写入，"
        "任何一步失败都不写入）。先点检查，核对下方列出的新增、变化和删除的路段；与命令行 import roads 文件 --replace 相同。"
        "关闭时只新增和更新，不删除。",
        "When on, street segments in the database but not in this file are deleted, so the "
        "network is the file (added, changed and deleted in one transaction: any failure writes "
        "nothing). Check first and read the segments listed as added, changed and removed below; "
        "the same as the command line's import roads FILE --replace. Off: add and update only.",
    ),
    "admin.replace.summary": (
        "整体替换：新增{added}段，变化{updated}段，删除{removed}段，不变{unchanged}段。",
        "Replace: {added} segments added, {updated} changed, {removed} removed, "
        "{unchanged} unchanged.",
    ),
    "admin.replace.removed_warning": (
        "确认后将删除 {removed} 段道路（见下表“删除”）。",
        "Confirming deletes {removed} street segments (listed as removed below).",
    ),
    "admin.replace.kind": ("变化", "Change"),
    "admin.replace.key": ("路段编号", "Segment id"),
    "admin.replace.more": (
        "表中列出每类前{listed}段，另有{more}段未列出。",
        "The first {listed} of each kind are listed; {more} more are not.",
    ),
    "admin.kind.added": ("新增", "Added"),
    "admin.kind.changed": ("变化", "Changed"),
    "admin.kind.removed": ("删除", "Removed"),
    "admin.kind.same": ("不变", "Unchanged"),
    "admin.kind.file": ("文件中（未通过检查）", "In the file (refused)"),
    "admin.preview.title": (
        "文件在地图上的位置（与各社区边界叠加，尚未写入）",
        "Where the file lies (over the communities' boundaries; nothing written yet)",
    ),
    "admin.preview.legend": ("文件中的要素", "In the file"),
    "admin.preview.item.lines": ("{kind}：{count}段", "{kind}: {count}"),
    "admin.preview.item.points": ("{kind}：{count}个", "{kind}: {count}"),
    "admin.preview.boundary": ("社区边界", "Community boundary"),
    "admin.preview.hint": (
        "位置为换算后的 WGS-84 坐标；悬停可看名称。",
        "Positions after conversion to WGS-84; hover for names.",
    ),
    "admin.preview.hint.touch": (
        "位置为换算后的 WGS-84 坐标；点按可看名称。",
        "Positions after conversion to WGS-84; tap for names.",
    ),
    "admin.preview.cut": (
        "文件较大：地图只画出其中{shown}个（变化的优先），另有{cut}个未画出；检查和导入仍针对全部数据。",
        "A large file: the map draws {shown} of its shapes (changes first) and leaves {cut} out; "
        "the check and the import still cover all of it.",
    ),
    "admin.preview.alt": (
        "地图：文件中的{what}叠加在各社区边界上，{counts}。",
        "Map: the file's {what} over the communities' boundaries, {counts}.",
    ),
    "admin.preview.what.lines": ("道路", "streets"),
    "admin.preview.what.points": ("位置点", "places"),
    "admin.confirm": ("确认导入", "Confirm the import"),
    "admin.done": ("导入完成，各页面已显示新数据。", "Imported: every page shows the new data."),
    "admin.log": ("3. 操作记录", "3. Audit log"),
    "admin.log.caption": (
        "每次导入（含检查未通过的）、导出、备份、登录和账号变更都有记录：谁、何时、哪个文件（SHA-256）、多少行、哪个账号。",
        "Every import attempt, export, backup, sign-in and account change: who, when, which file "
        "(SHA-256), how many rows, which account.",
    ),
    "admin.log.actions": ("操作类型", "Actions"),
    "admin.log.action.import": ("导入", "Import"),
    "admin.log.action.export": ("导出", "Export"),
    "admin.log.action.backup": ("备份", "Backup"),
    "admin.log.action.sign_in": ("登录", "Sign-in"),
    "admin.log.action.user_add": ("添加账号", "Account added"),
    "admin.log.action.user_disable": ("停用账号", "Account disabled"),
    "admin.log.action.user_enable": ("启用账号", "Account enabled"),
    "admin.log.action.user_reset_password": ("重置密码", "Password reset"),
    "admin.log.empty": ("暂无记录。", "Nothing recorded yet."),
    "admin.log.col.at": ("时间", "When"),
    "admin.log.col.actor": ("用户", "Who"),
    "admin.log.col.action": ("操作", "Action"),
    "admin.log.col.account": ("账号", "Account"),
    "admin.log.col.tables": ("数据表", "Tables"),
    "admin.log.col.file_name": ("文件", "File"),
    "admin.log.col.file_sha256": ("文件指纹", "SHA-256"),
    "admin.log.col.rows": ("行数", "Rows"),
    "admin.log.col.rows_added": ("新增", "Added"),
    "admin.log.col.rows_updated": ("更新", "Updated"),
    "admin.log.col.rows_refused": ("有问题的行", "Refused rows"),
    "admin.log.col.result": ("结果", "Result"),
    "admin.backup": ("4. 备份", "4. Backup"),
    "admin.backup.caption": (
        "整个数据库导出为模板格式的 ZIP，用你输入的口令加密（AES-GCM）；恢复时需要同一口令，"
        "口令不保存，请另行妥善保管。导入空数据库即可完整恢复。",
        "The whole database as a ZIP of templates, encrypted with the passphrase you give "
        "(AES-GCM); restoring it needs the same passphrase, which is not stored: keep it safe "
        "apart from the file. Importing it into an empty database restores every figure.",
    ),
    "admin.backup.passphrase": ("备份口令", "Backup passphrase"),
    "admin.backup.passphrase_again": ("再输入一次口令", "Passphrase again"),
    "admin.backup.passphrase_short": (
        "备份口令至少要有 {length} 个字符",
        "The passphrase needs at least {length} characters",
    ),
    "admin.backup.passphrase_mismatch": ("两次输入的口令不一致", "The two passphrases differ"),
    "admin.backup.prepare": ("生成加密备份", "Prepare the encrypted backup"),
    "admin.backup.download": ("下载备份（已加密）", "Download the backup (encrypted)"),
    "handoff.expired": (
        "链接已失效：备份链接只能下载一次，5 分钟内有效，退出登录后失效。请回到数据管理页重新生成。",
        "This link has expired: a backup link works once, within 5 minutes, and not after "
        "signing out. Prepare a new one on the data management page.",
    ),
    "admin.backup.once": (
        "链接只能下载一次，{minutes} 分钟内有效；退出登录后失效。",
        "The link works once, within {minutes} minutes, and not after signing out.",
    ),
    "admin.log.all_tables": ("全部{count}个表", "all {count} tables"),
    "admin.log.result.ok": ("成功", "done"),
    "admin.log.result.refused": ("未通过", "refused"),
    "admin.log.result.dry_run": ("仅检查", "checked only"),
    "admin.log.result.failed": ("失败", "failed"),
    "admin.log.result.unknown": ("用户不存在", "unknown user"),
    "admin.log.result.disabled": ("账号已停用", "disabled account"),
    "admin.log.result.locked": ("账号锁定", "locked"),
}
