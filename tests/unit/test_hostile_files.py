"""Hostile import files: refused with a Chinese reason before they cost memory, never an
exception, never a partial write. Random bytes and mangled files come from hypothesis; the
100 MB file, the ZIP bomb and the cell at XFD1048576 must be refused before any reader runs."""

from __future__ import annotations

import csv
import io
import struct
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from sqlalchemy import select

from data_access.admin.users import User
from data_access.importing import limits, reading, run_import, table_spec
from data_access.importing.reading import FileProblem, read_grid, rows_of
from data_access.importing.templates import template
from data_access.models import WelfareHousehold
from data_access.seeding import row_counts, seed
from tests.conftest import BACKENDS, _new_engine
from tests.unit.test_importing import HEADERS, _household

ADMIN = User("admin", "admin")
SPEC = table_spec("welfare_households")
FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture(scope="module", params=BACKENDS)
def county(request, tmp_path_factory):
    """The sample county, written to by refused imports' audit entries only."""
    eng, cleanup = _new_engine(request.param, tmp_path_factory.mktemp("hostile"))
    seed(eng)
    yield eng
    cleanup()


@pytest.fixture
def no_reader(monkeypatch):
    """Any use of the workbook reader or the CSV decoder fails the test: the refusal must come
    from the cheap checks before them."""

    def boom(*_a, **_k):
        raise AssertionError("the file was read")

    monkeypatch.setattr(reading.CalamineWorkbook, "from_filelike", boom)
    monkeypatch.setattr(reading, "_decode", boom)


def _csv(rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=HEADERS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def _xlsx(cells: dict[str, object]) -> bytes:
    book = Workbook()
    for ref, value in cells.items():
        book.active[ref] = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _refusal(data: bytes) -> str:
    with pytest.raises(FileProblem) as info:
        rows_of(data, SPEC)
    return str(info.value)


def test_a_100_mb_file_is_refused_by_its_size(no_reader):
    data = b"a," * (50 * 1024 * 1024 + 1)
    assert "超过上限 50 MB" in _refusal(data)


def test_the_server_config_limits_uploads_and_keeps_xsrf_and_tracebacks_off():
    """The effective configuration as Streamlit reads it from .streamlit/config.toml."""
    from streamlit import config

    config.get_config_options(force_reparse=True)
    assert config.get_option("server.maxUploadSize") == limits.UPLOAD_CEILING_MB
    assert limits.UPLOAD_CEILING_MB >= 2 * limits.MAX_FILE_MB  # a 60 MB file gets Chinese words
    assert config.get_option("server.enableXsrfProtection") is True
    assert config.get_option("client.showErrorDetails") == "none"


def _patch_declared_size(data: bytes, size: int) -> bytes:
    """The central directory's 'uncompressed size' of every member set to `size`."""
    out = bytearray(data)
    start = 0
    while (start := out.find(b"PK\x01\x02", start)) >= 0:
        out[start + 24 : start + 28] = struct.pack("<I", size)
        start += 4
    return bytes(out)


def test_a_zip_bomb_declaring_its_size_is_refused_from_the_directory(no_reader):
    bomb = _patch_declared_size(_xlsx({"A1": "x"}), 0xFFFFFF00)
    assert "解压后超过" in _refusal(bomb)


def _zeros_workbook(megabytes: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
        with z.open("xl/worksheets/sheet1.xml", "w") as member:
            for _ in range(megabytes):
                member.write(b"\0" * (1 << 20))
    return out.getvalue()


def test_a_zip_bomb_is_caught_while_streaming_without_unpacking_it_whole(no_reader, monkeypatch):
    # The real limit is 600 MB; a small one keeps the test fast, the mechanism is the same.
    monkeypatch.setattr(limits, "MAX_UNPACKED_BYTES", 8 * 1024 * 1024)
    bomb = _zeros_workbook(12)
    assert len(bomb) < 100_000
    assert "解压后超过" in _refusal(bomb)


def test_a_zip_whose_directory_understates_a_member_is_refused(no_reader):
    # 12 MB of zeros declared as 1 KB: the stream stops at the declared size and fails its CRC.
    assert "无法读取这个 Excel 文件" in _refusal(_patch_declared_size(_zeros_workbook(12), 1024))


def test_too_many_zip_members_are_refused(no_reader):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
        for i in range(limits.MAX_ZIP_MEMBERS + 1):
            z.writestr(f"xl/media/{i}.bin", b"")
    assert "部件" in _refusal(out.getvalue())


def test_a_cell_at_the_far_corner_is_refused_before_the_grid_is_built(no_reader):
    data = _xlsx({"A1": "户编号", "XFD1048576": "x"})
    assert "超过上限" in _refusal(data)


def test_any_other_zip_is_not_a_workbook(no_reader):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("content.xml", "<office/>")
    assert "无法读取这个 Excel 文件" in _refusal(out.getvalue())


def test_a_million_columns_are_refused():
    assert "列，超过上限" in _refusal(("户编号," + "x," * 1_000_000).encode())


def test_too_many_cells_are_refused(monkeypatch):
    monkeypatch.setattr(limits, "MAX_CELLS", 1000)
    data = "\n".join(",".join(["1"] * 10) for _ in range(101)).encode()
    assert "单元格超过上限" in _refusal(data)


def test_too_many_rows_are_refused_at_the_first_row_past_the_limit(monkeypatch):
    monkeypatch.setattr(limits, "MAX_ROWS", 100)
    assert len(read_grid(b"\n".join([b"h,1"] * 100))[0]) == 100  # at the limit: read
    assert "行，超过上限" in _refusal(b"\n".join([b"h,1"] * 101))


def test_an_unclosed_quote_or_a_huge_cell_is_a_clear_refusal():
    assert "无法按表格读取" in _refusal(b'a,b\n"' + b"x" * 200_000 + b"\n")


def test_nul_bytes_are_dropped_from_cells_and_a_file_of_nuls_is_empty():
    assert "文件是空的" in _refusal(b"\0" * 1000)
    sheet = rows_of(_csv([_household("DBT000000101", 户主姓名="测\0试\x07户")]), SPEC)
    assert sheet.rows[0][1]["head_name"] == "测\0试\x07户"  # the reader keeps the raw cell
    from data_access.importing.cells import normalise

    assert normalise("测\0试\x07户") == "测试户"


def test_formula_cells_are_read_as_their_values_never_as_formulas():
    book = Workbook()
    book.active.append(HEADERS)
    row = list(_household("DBT000000102").values())
    book.active.append(row)
    book.active["F2"] = '=HYPERLINK("http://evil","x")'  # 户主姓名, no cached value
    book.active["H2"] = "=1+1"  # 保障人数
    out = io.BytesIO()
    book.save(out)
    values = rows_of(out.getvalue(), SPEC).rows[0][1]
    assert not any(str(v).startswith("=") for v in values.values())


@FUZZ
@given(st.binary(max_size=4096))
def test_random_bytes_are_a_file_problem_or_a_table(data):
    try:
        read_grid(data)
    except FileProblem as exc:
        assert str(exc)


_TEMPLATE = template("welfare_households")


@FUZZ
@given(st.integers(min_value=4, max_value=len(_TEMPLATE) - 1))
def test_a_truncated_workbook_is_a_file_problem(cut):
    with pytest.raises(FileProblem):
        read_grid(_TEMPLATE[:cut])


@FUZZ
@given(st.integers(min_value=30, max_value=len(_TEMPLATE) - 1), st.binary(min_size=1, max_size=8))
def test_a_damaged_workbook_is_read_or_refused(at, junk):
    data = _TEMPLATE[:at] + junk + _TEMPLATE[at + len(junk) :]
    try:
        grid, kind = read_grid(data)
    except FileProblem as exc:
        assert str(exc)
    else:
        assert isinstance(grid, list) and kind


_HOSTILE_TEXT = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "=cmd|' /C calc'!A0",
            "+1+1",
            "-2+3",
            "@SUM(A1)",
            "\t=1",
            "<script>alert(1)</script>",
            "'; DROP TABLE welfare_households; --",
            "\0\0\0",
            "9" * 400,
            "1e309",
            "-1",
            "２０２２年１３月",
            "99999999999999999999",
        ]
    ),
)


@settings(FUZZ, max_examples=25)
@given(
    st.lists(
        st.tuples(st.sampled_from(HEADERS), _HOSTILE_TEXT),
        min_size=1,
        max_size=4,
    )
)
def test_hostile_cells_are_refused_whole_or_imported_whole(county, changes):
    """A file with hostile cells: no exception, and either every row or none is written."""
    rows = [_household("DBT000000201"), _household("DBT000000202")]
    for i, (column, value) in enumerate(changes):
        rows[i % 2][column] = value
    before = row_counts(county)
    keys = WelfareHousehold.household_no
    with county.connect() as conn:
        known = set(conn.execute(select(keys)).scalars())
    result = run_import(county, "welfare_households", _csv(rows), "x.csv", ADMIN, dry_run=False)
    after = row_counts(county)
    if result.problems:
        assert after == before
        assert all(p.reason for p in result.problems)
        return
    with county.begin() as conn:  # put the county back for the next example
        new = set(conn.execute(select(keys)).scalars()) - known
        conn.execute(WelfareHousehold.__table__.delete().where(keys.in_(new)))
    assert result.added == len(new) == 2
    assert after["welfare_households"] == before["welfare_households"] + 2


@FUZZ
@given(st.binary(max_size=2048))
def test_random_bytes_through_the_import_change_nothing(county, data):
    before = row_counts(county)
    result = run_import(county, "welfare_households", data, "x.bin", ADMIN, dry_run=False)
    assert result.problems
    assert row_counts(county) == before
    with county.connect() as conn:
        assert conn.execute(select(WelfareHousehold.household_no).limit(1)).first()


def test_a_sheet_of_unclosed_cell_tags_is_scanned_in_one_pass():
    """'<c <c <c …' once made the reference search rescan the chunk from every tag."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", b"<c " * 400_000 + b'><c r="XFD9">')
    assert "超过上限" in limits.zip_problem(out.getvalue())


_CELL = st.one_of(
    st.text(max_size=40),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(),
    st.datetimes(),
    st.booleans(),
    st.none(),
)


@FUZZ
@given(_CELL)
def test_every_cell_parser_returns_or_refuses_with_a_reason(raw):
    from data_access.importing import cells

    for parse in (
        cells.parse_date,
        cells.parse_month,
        cells.parse_number,
        lambda v: cells.parse_number(v, money=True),
        cells.parse_integer,
        cells.id_number_text,
    ):
        try:
            parse(raw)
        except ValueError as exc:
            assert str(exc)
    assert "\0" not in cells.normalise(raw)
