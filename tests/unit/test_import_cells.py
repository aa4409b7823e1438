"""The cell parsers: dates, months, numbers and money as Chinese Excel gives them, full-width
text, ID numbers Excel turned into numbers, coordinate conversion."""

from __future__ import annotations

import datetime as dt
import math
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from data_access.idcard import check_digit, id_number_problem, make_id_number
from data_access.importing import cells
from data_access.importing.coords import from_wgs84, to_wgs84
from data_access.importing.reading import SheetRows
from data_access.importing.spec import table_spec
from data_access.importing.validate import parse_rows

DAYS = st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2099, 12, 31))
FULL_WIDTH = str.maketrans("0123456789-/.", "０１２３４５６７８９－／．")


@given(DAYS)
def test_every_way_a_date_is_written_reads_the_same_day(day):
    written = [
        day.isoformat(),
        f"{day.year}/{day.month}/{day.day}",
        f"{day.year}年{day.month}月{day.day}日",
        f"{day.year}.{day.month}.{day.day}",
        f"{day.year}-{day.month:02d}-{day.day:02d} 00:00:00",
        day.isoformat().translate(FULL_WIDTH),
        (day - dt.date(1899, 12, 30)).days,  # an Excel serial number
        str((day - dt.date(1899, 12, 30)).days),
        dt.datetime(day.year, day.month, day.day, 8, 30),
        day,
    ]
    for text in written:
        assert cells.parse_date(text) == day, text


@pytest.mark.parametrize("text", ["2022-02-30", "2022年13月1日", "明天", "2022-7", "-5", "1.5"])
def test_a_date_that_is_not_a_day_is_refused_in_chinese(text):
    with pytest.raises(ValueError, match="应为日期"):
        cells.parse_date(text)


@given(st.integers(1990, 2050), st.integers(1, 12))
def test_months(year, month):
    expected = f"{year}-{month:02d}"
    for text in (expected, f"{year}/{month}", f"{year}年{month}月", f"{year}.{month:02d}"):
        assert cells.parse_month(text) == expected
    assert cells.parse_month(dt.date(year, month, 5)) == expected


@given(st.integers(0, 10**9), st.integers(0, 99))
def test_money_with_separators_units_and_full_width_digits(yuan, fen):
    amount = yuan + fen / 100
    grouped = f"{yuan:,}.{fen:02d}"
    for text in (grouped, f"¥{grouped}", f"{grouped}元", grouped.translate(FULL_WIDTH)):
        assert cells.parse_number(text, money=True) == pytest.approx(amount)
    assert cells.parse_number(f"{amount / 10_000}万", money=True) == pytest.approx(amount, abs=0.01)
    assert cells.parse_number(f"{amount / 10_000}万元", money=True) == pytest.approx(
        amount, abs=0.01
    )


@pytest.mark.parametrize("text", ["十二", "1,2,3x", "", "nan"])
def test_a_number_that_is_not_one_is_refused(text):
    with pytest.raises(ValueError):
        cells.parse_number(text)


def test_integers_refuse_fractions_and_accept_full_width():
    assert cells.parse_integer("１２") == 12
    assert cells.parse_integer(12.0) == 12
    with pytest.raises(ValueError, match="整数"):
        cells.parse_integer("2.5")


def test_full_width_letters_and_spaces_are_made_half_width():
    assert cells.normalise("　ＡＢＣ１２３　") == "ABC123"
    assert cells.normalise(None) == ""
    assert cells.normalise(float("nan")) == ""
    assert cells.normalise(3.0) == "3"


def _normalise_by_definition(value: object) -> str:
    """NFKC after dropping control characters, then stripped: what the fast path must equal."""
    return unicodedata.normalize("NFKC", str(value).translate(cells._CONTROL)).strip()


@given(
    st.text(
        st.sampled_from("aZ9 -._/\t\n\r\x00\x07\x1f\u3000\xa0\u200b年月日Ａ１ﬁ①㍿")
        | st.characters(codec="utf-8"),
        max_size=20,
    )
)
def test_normalise_of_any_text_is_nfkc_without_control_characters(text):
    # The printable and ASCII shortcuts must give what the definition gives, for every text.
    assert cells.normalise(text) == _normalise_by_definition(text)


@given(st.text("0123456789０１２３４５６７８９٠١٢٣٤٥٦٧٨٩", min_size=17, max_size=17))
def test_the_check_digit_is_the_standards_weighted_sum_for_any_digits(first17):
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    total = sum(int(d) * w for d, w in zip(first17, weights, strict=True))
    assert check_digit(first17) == "10X98765432"[total % 11]


@given(DAYS, st.integers(0, 999), st.booleans())
def test_id_numbers_keep_their_digits_and_check_digit(birth, sequence, male):
    number = make_id_number("629901", birth, sequence, male)
    assert cells.id_number_text(number) == number
    assert cells.id_number_text(number.lower()) == number
    assert id_number_problem(number) is None
    wrong = number[:17] + ("0" if number[17] != "0" else "1")
    assert id_number_problem(wrong) == "校验位错误"


def test_the_check_digit_of_the_standards_example():
    # GB 11643-1999's worked example: 11010519491231002X.
    assert check_digit("11010519491231002") == "X"


@pytest.mark.parametrize("cell", [6.29901197302102e17, "6.29901E+17", "6.2E17"])
def test_an_id_number_excel_turned_into_a_number_is_refused_with_the_reason(cell):
    with pytest.raises(ValueError, match="6.2E\\+17"):
        cells.id_number_text(cell)


def _metres(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat = math.radians((a[0] + b[0]) / 2)
    dy = (a[0] - b[0]) * 111_320
    dx = (a[1] - b[1]) * 111_320 * math.cos(lat)
    return math.hypot(dx, dy)


@given(st.floats(18.5, 53.0), st.floats(74.0, 134.0))
def test_round_trips_through_gcj02_and_bd09_stay_within_half_a_metre(lat, lon):
    for system in ("gcj02", "bd09"):
        there = from_wgs84(lat, lon, system)
        back = to_wgs84(*there, system)
        assert _metres((lat, lon), back) < 0.5, system


def test_a_known_pair_gcj02():
    # Tiananmen: WGS-84 (39.90872, 116.39748) shows on AMap at about (39.91012, 116.40372).
    gcj = from_wgs84(39.90872, 116.39748, "gcj02")
    assert _metres(gcj, (39.91012, 116.40372)) < 30
    assert _metres(to_wgs84(*gcj, "gcj02"), (39.90872, 116.39748)) < 0.5


def test_a_remembered_cell_is_parsed_as_its_own_type_not_as_an_equal_key():
    # True == 1 == 1.0 as dict keys: a refused TRUE cell must not refuse the 1 below it.
    sheet = SheetRows(
        [(2, {"members": True}), (3, {"members": 1}), (4, {"members": 1.0})],
        {"members": "保障人数"},
        (),
        "xlsx",
    )
    checked = parse_rows(table_spec("welfare_households"), sheet)
    assert [p.row for p in checked.problems if p.row is not None] == [2]
    assert [r["members"] for r in checked.rows] == [None, 1, 1]
