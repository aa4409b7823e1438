"""Imports: every mistake reported at once with row, column and reason, nothing written while any
remains; the fixed file imports; the same file twice changes nothing; Excel's Chinese formats;
an editor's communities; the command line's exit codes."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from data_access.__main__ import main as cli
from data_access.admin.users import User
from data_access.db import data_version
from data_access.idcard import make_id_number
from data_access.importing import run_import
from data_access.importing.apply import headline_figures
from data_access.importing.templates import backup_files, backup_zip, problems_workbook, template
from data_access.models import AuditLog, WelfareHousehold
from data_access.seeding import row_counts, seed
from tests.conftest import EAST, OLD_TOWN, sample_rows

ADMIN = User("admin", "admin")
HEADERS = [
    "户编号", "社区代码", "网格代码", "小区编号", "救助类别", "户主姓名", "户主身份证号",
    "保障人数", "家庭人均月收入（元）", "月保障金（元）", "起始月份", "终止月份", "状态",
]  # fmt: skip


def _household(no: str, **changes) -> dict[str, object]:
    compound = next(r for r in sample_rows("compounds") if r["community_code"] == OLD_TOWN)
    row = {
        "户编号": no,
        "社区代码": OLD_TOWN,
        "网格代码": compound["grid_code"],
        "小区编号": compound["id"],
        "救助类别": "低保",
        "户主姓名": "测试户",
        "户主身份证号": make_id_number("629901", dt.date(1970, 1, int(no[-2:])), 1, True),
        "保障人数": "2",
        "家庭人均月收入（元）": "300",
        "月保障金（元）": "1,000",
        "起始月份": "2022年5月",
        "终止月份": "",
        "状态": "active",
    }
    row.update(changes)
    return row


def _csv(rows: list[dict], encoding: str = "utf-8-sig") -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=HEADERS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode(encoding)


@pytest.fixture
def county(empty_engine):
    seed(empty_engine)
    return empty_engine


def _state(engine) -> tuple[dict[str, int], str]:
    with engine.connect() as conn:
        rows = conn.execute(select(WelfareHousehold).order_by(WelfareHousehold.household_no)).all()
    return row_counts(engine), hashlib.sha256(repr(rows).encode()).hexdigest()


TAKEN_ID = sample_rows("welfare_households")[0]["head_id_number"]
BAD_ROWS = [
    _household("T0001", **{"户主身份证号": "629901197001010010"}),  # wrong check digit
    _household("T0002", **{"户主身份证号": "6.29901E+17"}),  # Excel made it a number
    _household("T0003", **{"社区代码": "629901100099"}),  # no such community
    _household("T0004", **{"救助类别": "五保"}),  # not an allowed category
    _household("T0005", **{"起始月份": "2022年13月"}),  # not a month
    _household("T0006", **{"保障人数": "-2"}),  # negative
    _household("T0007", **{"月保障金（元）": "三百元"}),  # not money
    _household("T0008"),
    _household(
        "T0008", **{"户主身份证号": make_id_number("629901", dt.date(1971, 2, 2), 3, False)}
    ),
    _household("T0010", **{"户主姓名": ""}),  # required
    _household("T0011", **{"终止月份": "2022-01"}),  # ends before it starts
    _household("T0012", **{"户主身份证号": TAKEN_ID}),  # registered under another household
]
EXPECTED = {
    (2, "户主身份证号", "校验位错误"),
    (3, "户主身份证号", "6.2E+17"),
    (4, "社区代码", "不存在"),
    (5, "救助类别", "不是允许的取值"),
    (6, "起始月份", "应为月份"),
    (7, "保障人数", "不能为负数"),
    (8, "月保障金（元）", "应为金额"),
    (9, "户编号", "重复"),
    (10, "户编号", "重复"),
    (11, "户主姓名", "不能为空"),
    (12, "终止月份", "不能早于"),
    (13, "户主身份证号", "已登记"),
}


def test_a_file_with_every_kind_of_mistake_is_refused_with_one_line_each_and_writes_nothing(county):
    before = _state(county)
    result = run_import(
        county, "welfare_households", _csv(BAD_ROWS), "bad.csv", ADMIN, dry_run=False
    )
    assert not result.written
    found = {(p.row, p.column) for p in result.problems}
    for row, column, reason in EXPECTED:
        match = [p for p in result.problems if (p.row, p.column) == (row, column)]
        assert match and reason in match[0].reason, (
            row,
            column,
            [p.line() for p in result.problems],
        )
    assert len(found) == len(result.problems) == len(EXPECTED), [p.line() for p in result.problems]
    assert _state(county) == before
    with county.connect() as conn:
        log = conn.execute(select(AuditLog).where(AuditLog.action == "import")).all()[-1]
    assert log.result == "refused" and log.rows_refused == len({r for r, _c, _x in EXPECTED})
    # The problem workbook lists them, one row each.
    assert problems_workbook(b"", result.problems)[:2] == b"PK"


def test_the_fixed_file_imports_and_a_second_import_changes_nothing(county):
    fixed = [_household(f"T00{n:02d}") for n in range(1, 13)]
    with county.connect() as conn:
        version = data_version(conn)
    dry = run_import(county, "welfare_households", _csv(fixed), "ok.csv", ADMIN, dry_run=True)
    assert dry.ok and dry.added == 12 and not dry.written
    persons = next(f for f in dry.figures if f.key == "dibao_persons")
    assert persons.after - persons.before == 24  # twelve households of two, in force in June
    assert row_counts(county)["welfare_households"] == len(sample_rows("welfare_households"))

    done = run_import(county, "welfare_households", _csv(fixed), "ok.csv", ADMIN, dry_run=False)
    assert done.written and done.added == 12
    with county.connect() as conn:
        assert data_version(conn) == version + 1
    state = _state(county)
    again = run_import(county, "welfare_households", _csv(fixed), "ok.csv", ADMIN, dry_run=False)
    assert again.ok and again.unchanged == 12 and again.added == again.updated == 0
    assert not again.written and _state(county) == state
    with county.connect() as conn:  # nothing written: the figures before stand, unchanged
        assert {f.key: f.after for f in again.figures} == headline_figures(conn)
    assert not any(f.changed for f in again.figures)
    changed = [_household("T0001", **{"保障人数": "3"})]
    update = run_import(
        county, "welfare_households", _csv(changed), "one.csv", ADMIN, dry_run=False
    )
    assert update.updated == 1 and update.added == 0
    with county.connect() as conn:  # the figures shown after are the full computation's
        assert {f.key: f.after for f in update.figures} == headline_figures(conn)


def test_a_gb18030_csv_as_excel_saves_it_imports(county):
    data = _csv([_household("T0101"), _household("T0102")], encoding="gb18030")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    result = run_import(county, "welfare_households", data, "名册.csv", ADMIN, dry_run=False)
    assert result.ok and result.added == 2 and result.encoding == "gb18030"
    with county.connect() as conn:
        name = conn.execute(
            select(WelfareHousehold.head_name).where(WelfareHousehold.household_no == "T0101")
        ).scalar_one()
    assert name == "测试户"


def test_an_xlsx_with_a_merged_title_merged_header_cells_and_blank_trailing_rows_imports(county):
    book = Workbook()
    ws = book.active
    ws.append(["老城社区低保名册（2022年5月）"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    ws.append(["户编号", "所属区域", None, None, "救助类别", "户主信息", None, *HEADERS[7:]])
    ws.merge_cells("B2:D2")
    ws.merge_cells("F2:G2")
    ws.append([None, "社区代码", "网格代码", "小区编号", None, "户主姓名", "户主身份证号"])
    for col in (1, 5, *range(8, 14)):  # vertically merged header cells
        ws.merge_cells(start_row=2, start_column=col, end_row=3, end_column=col)
    for no in ("T0201", "T0202"):
        row = _household(no)
        values = [row[h] for h in HEADERS]
        values[10] = dt.date(2022, 5, 1)  # a real date cell for the month
        values[9] = 1000.0
        ws.append(values)
    ws.append([None] * len(HEADERS))
    ws.append(["", "", ""])
    out = io.BytesIO()
    book.save(out)
    result = run_import(
        county, "welfare_households", out.getvalue(), "名册.xlsx", ADMIN, dry_run=False
    )
    assert result.ok, [p.line() for p in result.problems]
    assert result.rows == 2 and result.added == 2


def test_an_editor_imports_only_rows_of_their_communities(county):
    editor = User("clerk", "editor", (OLD_TOWN,))
    rows = [_household("T0301"), _household("T0302", **{"社区代码": EAST})]
    before = _state(county)
    result = run_import(
        county, "welfare_households", _csv(rows), "mixed.csv", editor, dry_run=False
    )
    assert [(p.row, p.column) for p in result.problems] == [(3, "社区代码")]
    assert "不属于您负责的社区" in result.problems[0].reason
    assert _state(county) == before
    only_own = run_import(
        county, "welfare_households", _csv(rows[:1]), "own.csv", editor, dry_run=False
    )
    assert only_own.written
    county_wide = run_import(
        county, "welfare_standards", template("welfare_standards"), "std.xlsx", editor
    )
    assert "只有管理员" in county_wide.problems[0].reason
    viewer = run_import(county, "welfare_households", _csv(rows[:1]), "v.csv", User("v", "viewer"))
    assert "只有编辑员和管理员" in viewer.problems[0].reason


def test_every_template_imports_its_own_example_row_unchanged(engine):
    for table in ("communities", "welfare_households", "jobseekers", "funding", "cadre_posts"):
        result = run_import(engine, table, template(table), f"{table}.xlsx", ADMIN, dry_run=True)
        assert result.ok and result.unchanged == 1, (table, [p.line() for p in result.problems])


def test_a_backup_restores_every_figure_into_an_empty_database(county, tmp_path):
    from data_access.db import create_schema, make_engine

    archive = backup_zip(county, "admin")
    other = make_engine(f"sqlite:///{tmp_path / 'restored.db'}")
    create_schema(other)
    for table, data in backup_files(archive):
        assert run_import(other, table, data, table, ADMIN, dry_run=False).ok, table
    assert row_counts(other) == row_counts(county)
    with county.connect() as a, other.connect() as b:
        assert headline_figures(a) == headline_figures(b)
    other.dispose()


def test_the_command_line_exit_codes_and_lines(tmp_path, capsys, monkeypatch):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    from data_access.db import make_engine

    seed(make_engine(url))
    bad = tmp_path / "bad.csv"
    bad.write_bytes(_csv([BAD_ROWS[0], BAD_ROWS[9]]))
    assert cli(["import", "welfare_households", str(bad)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert '第2行 "户主身份证号": 校验位错误' in err
    assert '第3行 "户主姓名": 不能为空' in err
    good = tmp_path / "good.csv"
    good.write_bytes(_csv([_household("T0401")]))
    assert cli(["import", "welfare_households", str(good), "--dry-run"]) == 0
    assert "新增1" in capsys.readouterr().out
    assert cli(["import", "welfare_households", str(good)]) == 0
    assert cli(["template", "jobseekers", str(tmp_path / "t.xlsx")]) == 0
    assert (tmp_path / "t.xlsx").read_bytes()[:2] == b"PK"


def test_every_importable_column_has_a_header_and_every_table_a_title():
    from data_access.importing import importable_tables, table_spec
    from data_access.text import has

    for table in importable_tables():
        assert has(f"import.table.{table}"), table
        for col in table_spec(table).columns:
            assert has(f"col.{table}.{col.name}") or has(f"col.{col.name}"), (table, col.name)


def test_every_sample_file_imports_into_the_sample_county_unchanged(engine):
    from data_access.importing import importable_tables
    from data_access.seeding import SAMPLE_DIR

    for table in importable_tables():
        data = (SAMPLE_DIR / f"{table}.csv").read_bytes()
        result = run_import(engine, table, data, f"{table}.csv", ADMIN, dry_run=True)
        assert result.ok, (table, [p.line() for p in result.problems[:5]])
        assert result.unchanged == result.rows and not (result.added or result.updated), table


def test_an_open_vocabulary_reads_labels_and_keeps_new_codes(engine):
    from data_access.importing.apply import check_file

    grid = sample_rows("grids")[0]
    rows = "编号,社区代码,网格代码,服务点类型,服务点名称,纬度,经度,状态,开办日期\n"
    rows += (
        f"FWX1,{grid['community_code']},{grid['code']},送奶点,甲,35.578,104.626,运营中,2022-01-01\n"
    )
    rows += (
        f"FWX2,{grid['community_code']},{grid['code']},快递柜,乙,35.578,104.626,运营中,2022-01-01\n"
    )
    with engine.connect() as conn:
        result, typed = check_file(conn, "service_points", rows.encode(), ADMIN)
    assert result.ok, [p.line() for p in result.problems]
    assert [r["type"] for r in typed] == ["milk", "快递柜"]
    assert [r["status"] for r in typed] == ["operating", "operating"]


@pytest.mark.parametrize("metres_north", [11, 110, 550])
def test_a_compound_moved_a_few_metres_is_updated_not_read_as_unchanged(county, metres_north):
    """Amounts are compared within half a cent; positions within about a centimetre (a 0.005
    tolerance on degrees kept a compound moved 500 m where it was)."""
    from data_access.areas.models import Compound

    rows = sample_rows("compounds")
    moved = dict(rows[0], lat=str(round(float(rows[0]["lat"]) + metres_north / 111_320, 6)))
    data = "\n".join([",".join(moved), *(",".join(r.values()) for r in (moved, *rows[1:]))])
    result = run_import(county, "compounds", data.encode(), "c.csv", ADMIN, dry_run=False)
    assert (result.updated, result.added) == (1, 0), result.problems
    with county.connect() as conn:
        lat = conn.execute(select(Compound.lat).where(Compound.id == moved["id"])).scalar_one()
    assert lat == pytest.approx(float(moved["lat"]), abs=1e-9)
    again = run_import(county, "compounds", data.encode(), "c.csv", ADMIN)
    assert (again.updated, again.unchanged) == (0, len(rows))
