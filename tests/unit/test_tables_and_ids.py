"""Typed CSV cells and ID numbers: what every import path relies on."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from data_access.idcard import check_digit, id_number_problem, make_id_number
from data_access.tables import format_cell, parse_cell, table, typed_rows
from tests.conftest import sample_rows

births = st.dates(min_value=dt.date(1920, 1, 1), max_value=dt.date(2020, 12, 31))


@given(births, st.integers(0, 999), st.booleans())
def test_made_id_numbers_are_valid_and_carry_sex_and_birth(birth, seq, male):
    number = make_id_number("629901", birth, seq, male)
    assert id_number_problem(number) is None
    assert number[6:14] == birth.strftime("%Y%m%d")
    assert (int(number[16]) % 2 == 1) == male


def test_known_check_digit():
    # The standard's worked example: 11010519491231002X.
    assert check_digit("11010519491231002") == "X"
    assert id_number_problem("11010519491231002X") is None
    assert id_number_problem("110105194912310021") == "校验位错误"


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("1234", "应为18位"),
        ("62990119491331002X", "出生日期无效"),
        ("6299011949123100AX", "前17位须为数字"),
    ],
)
def test_bad_id_numbers_are_explained_in_chinese(value, reason):
    assert reason in id_number_problem(value)


def test_every_sample_id_number_is_valid():
    ids = [r["head_id_number"] for r in sample_rows("welfare_households")]
    ids += [r["id_number"] for r in sample_rows("jobseekers")]
    assert ids and all(id_number_problem(i) is None for i in ids)


def test_parse_cell_types_and_errors():
    sp = table("service_points").c
    assert parse_cell(sp.opened_on, "2021/07/01") == dt.date(2021, 7, 1)
    assert parse_cell(sp.lat, " 35.5 ") == 35.5
    assert parse_cell(sp.closed_on, "") is None
    with pytest.raises(ValueError, match="不能为空"):
        parse_cell(sp.name, "")
    with pytest.raises(ValueError, match="应为日期"):
        parse_cell(sp.opened_on, "2021-02-30")
    households = table("welfare_households").c
    assert parse_cell(households.income_stable, "是") is True
    with pytest.raises(ValueError, match="应为整数"):
        parse_cell(households.members, "2.5")


@given(st.one_of(st.integers(-(10**6), 10**6), st.dates(), st.booleans()))
def test_format_then_parse_round_trips(value):
    column = {int: table("compounds").c.households, bool: table("cadres").c.party_member}.get(
        type(value), table("disputes").c.reported_on
    )
    assert parse_cell(column, format_cell(value)) == value


def test_typed_rows_name_the_row_and_column_of_each_problem():
    rows = [
        {"code": "629901100009", "name": "新社区", "town": "城关镇", "households": "x", "population": "5",
         "lat": "35", "lon": "104", "boundary": ""},
        {"code": "", "name": "无代码", "town": "城关镇", "households": "1", "population": "2",
         "lat": "35", "lon": "104", "boundary": ""},
    ]  # fmt: skip
    _typed, problems = typed_rows("communities", rows)
    assert [str(p) for p in problems] == [
        '第2行 "households": 应为整数，实际为“x”',
        '第3行 "code": 不能为空',
    ]
