"""The database is away or its file is unusable: what the page says, and what to do."""

STRINGS = {
    "dbfault.unavailable": (
        "数据库暂时不可用，正在重试。恢复后页面会自动刷新，无需任何操作。",
        "The database is temporarily unavailable; retrying. The page refreshes by itself once "
        "it is back.",
    ),
    "dbfault.sqlite_readonly": (
        "数据库文件 {file} 是只读的，无法写入。请让运行看板的账户对该文件及其所在文件夹有写权限；"
        "改好后页面会自动恢复。",
        "The database file {file} is read-only. Give the account running the dashboard write "
        "access to the file and its folder; the page recovers by itself.",
    ),
    "dbfault.sqlite_missing": (
        "无法打开数据库文件 {file}：该文件或其所在文件夹不存在，或没有读取权限。"
        "请恢复该文件（或用 python -m data_access restore 从备份恢复），或检查 DATABASE_URL 设置；"
        "文件恢复后页面会自动恢复。",
        "The database file {file} cannot be opened: it or its folder is missing, or it may not "
        "be read. Put the file back (or restore a backup with python -m data_access restore), or "
        "check DATABASE_URL; the page recovers by itself once the file is back.",
    ),
    "dbfault.sqlite_corrupt": (
        "数据库文件 {file} 已损坏，不是有效的数据库。请停止看板，将该文件移走保存，"
        "再用 python -m data_access restore 从最近的备份恢复。",
        "The database file {file} is damaged and is not a valid database. Stop the dashboard, "
        "move the file aside and restore the latest backup with python -m data_access restore.",
    ),
    "dbfault.retrying": (
        "第{attempt}次重试将在{seconds}秒后进行。",
        "Retry {attempt} in {seconds} s.",
    ),
}
