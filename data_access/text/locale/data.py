"""Messages of the data layer: cell validation (data.cell.*), ID numbers (data.id.*), sample
files (data.file_missing, data.unknown_table), yes/no words accepted in boolean cells
(data.bool.*) and user labels (user.*).

Imports, seeding and the command line report these in Chinese (`t(key, "zh", ...)`): the people
who prepare the CSV files read Chinese, and tests match the Chinese wording.
"""

STRINGS = {
    "data.cell.problem": ('第{row}行 "{column}": {reason}', 'Row {row} "{column}": {reason}'),
    "data.cell.required": ("不能为空", "must not be empty"),
    "data.cell.missing_column": ("缺少此列", "column missing"),
    "data.cell.not_bool": (
        "应为 是/否（true/false），实际为“{value}”",
        "should be yes/no (true/false), got “{value}”",
    ),
    "data.cell.not_integer": (
        "应为整数，实际为“{value}”",
        "should be a whole number, got “{value}”",
    ),
    "data.cell.not_number": ("应为数字，实际为“{value}”", "should be a number, got “{value}”"),
    "data.cell.not_datetime": (
        "应为日期时间（如 2022-06-30 08:00），实际为“{value}”",
        "should be a date and time (e.g. 2022-06-30 08:00), got “{value}”",
    ),
    "data.cell.not_date": (
        "应为日期（YYYY-MM-DD），实际为“{value}”",
        "should be a date (YYYY-MM-DD), got “{value}”",
    ),
    "data.cell.too_long": (
        "长度不能超过{length}个字符",
        "must not be longer than {length} characters",
    ),
    # The Chinese words a boolean cell accepts besides true/false, yes/no, 1/0 (data_access.tables).
    "data.bool.yes": ("是", "yes"),
    "data.bool.no": ("否", "no"),
    "data.unknown_table": ("未知的数据表：{name}", "unknown table: {name}"),
    "data.file_missing": ("{file}: 文件不存在", "{file}: file not found"),
    "data.id.length": ("应为18位，实际{length}位", "should be 18 characters long, is {length}"),
    "data.id.characters": (
        "前17位须为数字，末位为数字或X",
        "the first 17 characters must be digits, the last a digit or X",
    ),
    "data.id.birth_date": ("出生日期无效", "invalid date of birth"),
    "data.id.check_digit": ("校验位错误", "wrong check digit"),
    "user.anonymous": ("访客", "Visitor"),
}
