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
}
