"""The command line (python -m data_access): help texts and messages, cli.<command>.*.

The command line speaks Chinese (`t(key, "zh", ...)`), as the county's operators do.
"""

STRINGS = {
    "cli.description": ("社区建设看板 数据命令", "Community dashboard data commands"),
    "cli.database_url.help": (
        "数据库地址（默认取环境变量 DATABASE_URL，否则为 data/ 下的 SQLite 文件）",
        "database URL (default: the DATABASE_URL environment variable, else a SQLite file in data/)",
    ),
    "cli.init.help": (
        "创建数据库结构，或把旧数据库升级到当前结构（SQLite、PostgreSQL；已是最新则不改动）",
        "create the database schema, or upgrade an older database to it (SQLite, PostgreSQL; "
        "left alone when current)",
    ),
    "cli.init.created": ("已创建或升级数据库结构", "Database schema created or upgraded"),
    "cli.init.exists": (
        "数据库结构已是最新，未做改动",
        "Database schema already current, nothing changed",
    ),
    "cli.schema_error": (
        "数据库结构无法升级：{detail}",
        "The database schema cannot be upgraded: {detail}",
    ),
    "cli.seed.help": (
        "载入示例县数据（可重复执行，不会重复插入）",
        "load the sample county (safe to repeat: nothing is inserted twice)",
    ),
    "cli.seed.dir.help": (
        "示例数据目录（默认 sample_data/）",
        "sample data folder (default: sample_data/)",
    ),
    "cli.seed.replace.help": (
        "先清空各数据表再载入（会删除已有数据）",
        "empty the data tables before loading (deletes existing data)",
    ),
    "cli.seed.counts": (
        "{table}: 新增 {inserted} 行，已存在 {skipped} 行",
        "{table}: {inserted} rows added, {skipped} already present",
    ),
    "cli.generate.help": (
        "生成一个有 N 个社区的合成县（规则同示例县，同一种子结果相同），写入目录或直接载入数据库",
        "generate a synthetic county of N communities (the sample's rules; same seed, same data), "
        "into a folder or straight into the database",
    ),
    "cli.generate.communities.help": ("社区个数", "number of communities"),
    "cli.generate.seed.help": ("随机种子", "random seed"),
    "cli.generate.out.help": (
        "写成 CSV 的目录（不给则载入数据库，数据库须为空）",
        "folder to write the CSVs to (without it: load into the database, which must be empty)",
    ),
    "cli.generate.mode.help": (
        "载入方式：validated 逐表经导入校验；bulk 同样解析后批量插入；auto 社区数不超过 20 时校验",
        "how to load: validated, through the import checks; bulk, the same parsing then batched "
        "inserts; auto, validated up to 20 communities",
    ),
    "cli.generate.done": (
        "{table}: {count} 行",
        "{table}: {count} rows",
    ),
    "cli.generate.loaded": (
        "已载入（{mode}），生成 {gen} 秒，载入 {load} 秒",
        "Loaded ({mode}): generated in {gen} s, loaded in {load} s",
    ),
    "cli.generate.not_empty": (
        "数据库中已有社区数据；合成县只载入空数据库",
        "The database already holds communities; a synthetic county is loaded only into an "
        "empty one",
    ),
    "cli.generate.refused": (
        "表 {table} 未能载入：",
        "Table {table} was not loaded:",
    ),
    "cli.export.help": ("把每张表导出为 CSV", "export every table as CSV"),
    "cli.export.dir.help": ("导出目录", "export folder"),
    "cli.export.counts": ("{table}: {count} 行 -> {path}", "{table}: {count} rows -> {path}"),
    "cli.db_error": ("数据库错误：{kind}: {detail}", "Database error: {kind}: {detail}"),
    "schema.partial": (
        "数据库没有版本记录，且只有部分数据表（缺少：{missing}），无法判断如何升级，未做改动",
        "the database has no Alembic revision and only some of the dashboard's tables "
        "(missing: {missing}); refusing to guess how to upgrade it",
    ),
    "schema.unknown_revision": (
        "数据库结构版本为 {revision}，本程序不认识：它已被更新版本的看板升级过，请使用更新的版本",
        "the database schema is at revision {revision}, which this code does not know: it was "
        "migrated by a newer version of the dashboard",
    ),
    "schema.dangling_keys": (
        "升级后有记录引用了不存在的数据，已撤销升级",
        "a migration left rows whose foreign keys point nowhere; it was rolled back",
    ),
    "cli.export.personal.help": (
        "导出姓名和身份证号明文（默认打码）；需要确认，并记入审计日志",
        "export names and ID numbers in clear (masked by default); asks for confirmation and is "
        "recorded in the audit log",
    ),
    "cli.export.yes.help": ("不再询问，直接确认", "confirm without asking"),
    "cli.export.personal.confirm": (
        "将导出低保户主、求职人员的姓名和身份证号明文，并记入审计日志。确认请输入 yes：",
        "Names and ID numbers of recipients and job seekers will be exported in clear and the "
        "export recorded. Type yes to confirm: ",
    ),
    "cli.export.personal.yes_word": ("是", "yes"),
    "cli.export.personal.needs_yes": (
        "导出明文个人信息需要确认：请在终端中运行并输入 yes，或加上 --yes。未导出任何内容。",
        "Exporting personal data in clear needs confirmation: run it at a terminal and type yes, "
        "or add --yes. Nothing was exported.",
    ),
    "cli.export.masked": (
        "姓名和身份证号已打码（如需明文请加 --include-personal）；本次导出已记入审计日志。",
        "Names and ID numbers are masked (add --include-personal for clear text); the export is "
        "recorded in the audit log.",
    ),
    "cli.import.help": (
        "导入一个表的 Excel 或 CSV 文件（先检查，有任何问题则不写入）",
        "import a table from XLSX or CSV (checked first; any problem: nothing written)",
    ),
    "cli.import.dry_run.help": (
        "只检查并显示将发生的变化，不写入",
        "check and show the changes without writing",
    ),
    "cli.import.coords.help": (
        "文件中坐标的坐标系：wgs84、gcj02（高德、腾讯）、bd09（百度）",
        "coordinate system of the file: wgs84, gcj02 (AMap, Tencent), bd09 (Baidu)",
    ),
    "cli.import.user.help": (
        "以该账号导入（询问密码；编辑员只能导入本社区数据）",
        "import as this account (password asked; editors import their communities only)",
    ),
    "cli.import.more": (
        "另有{more}个问题未列出（只列出前{listed}个）",
        "{more} more problems not listed (the first {listed} are)",
    ),
    "cli.import.refused": ("共{count}个问题，未写入任何数据", "{count} problems; nothing written"),
    "cli.import.dry_run": (
        "检查通过（未写入）：共{rows}行，新增{added}，更新{updated}，不变{unchanged}",
        "check passed (nothing written): {rows} rows, {added} new, {updated} updated, {unchanged} unchanged",
    ),
    "cli.import.done": (
        "已导入：共{rows}行，新增{added}，更新{updated}，不变{unchanged}",
        "imported: {rows} rows, {added} new, {updated} updated, {unchanged} unchanged",
    ),
    "cli.import.replace.help": (
        "整体替换道路网：文件中没有的道路段将被删除（仅 roads 表；可与 --dry-run 一起先查看）",
        "replace the street network: segments missing from the file are deleted (roads only; "
        "try it with --dry-run first)",
    ),
    "cli.import.warning": ("提示：{text}", "note: {text}"),
    "cli.import.removed": ("删除{removed}", "{removed} removed"),
    "cli.import.keys_added": ("  新增：{keys}{more}", "  added: {keys}{more}"),
    "cli.import.keys_updated": ("  更新：{keys}{more}", "  changed: {keys}{more}"),
    "cli.import.keys_removed": ("  删除：{keys}{more}", "  removed: {keys}{more}"),
    "cli.import.keys_more": ("，另有 {n} 条", ", {n} more"),
    "cli.import.figure": ("  {label}：由 {before} 变为 {after}", "  {label}: {before} → {after}"),
    "cli.template.help": ("下载导入模板（XLSX）", "write an import template (XLSX)"),
    "cli.template.all.help": (
        "为每个表各写一个模板到 OUT 目录",
        "one template per table into the folder OUT",
    ),
    "cli.backup.help": (
        "把整个数据库备份为用口令加密的模板 ZIP（口令另行保管；环境变量 BACKUP_PASSPHRASE 或输入）",
        "back up the whole database as a ZIP of templates encrypted with a passphrase "
        "(BACKUP_PASSPHRASE, or asked)",
    ),
    "cli.backup.done": (
        "已备份到 {path}（已加密；没有口令无法恢复，请把口令另行妥善保管）",
        "backed up to {path} (encrypted: it cannot be restored without the passphrase, keep that apart)",
    ),
    "cli.backup.passphrase": ("备份口令：", "Backup passphrase: "),
    "cli.backup.passphrase_again": ("再输入一次备份口令：", "Backup passphrase again: "),
    "cli.backup.passphrase_mismatch": (
        "两次输入的备份口令不一致",
        "the two passphrases differ",
    ),
    "cli.restore.help": (
        "把备份导入空数据库（加密的备份会要求输入口令）",
        "load a backup into an empty database (an encrypted one asks for its passphrase)",
    ),
    "cli.restore.not_empty": (
        "数据库不是空的：恢复备份只能导入空数据库",
        "the database is not empty: a backup restores into an empty one only",
    ),
    "cli.restore.table": ("{table}：导入{rows}行", "{table}: {rows} rows"),
    "cli.users.help": (
        "管理账号：add、list、disable、enable、reset-password",
        "accounts: add, list, disable, enable, reset-password",
    ),
    "cli.users.community.help": (
        "编辑员负责的社区代码（可多次指定）",
        "a community the editor edits (repeatable)",
    ),
    "cli.users.by.help": (
        "谁在修改账号（记入操作记录）；不写则为运行命令的操作系统用户（用户名@主机名）",
        "who changes the account (recorded in the audit log); without it the operating-system "
        "user running the command (user@host)",
    ),
    "cli.users.password": ("密码：", "Password: "),
    "cli.users.password_again": ("再次输入密码：", "Password again: "),
    "cli.users.password_mismatch": ("两次输入的密码不一致", "the passwords differ"),
    "cli.users.added": ("已添加用户 {name}（{role}）", "added user {name} ({role})"),
    "cli.users.state.active": ("正常", "active"),
    "cli.users.state.disabled": ("已停用", "disabled"),
    "cli.users.disabled": ("已停用用户 {name}", "disabled user {name}"),
    "cli.users.enabled": ("已启用用户 {name}", "enabled user {name}"),
    "cli.users.reset": ("已重置用户 {name} 的密码", "reset the password of {name}"),
}
