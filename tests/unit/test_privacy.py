"""Privacy rules: masking of names and ID numbers, and small-cell suppression in every breakdown.

The hypothesis test builds random rosters in a throw-away SQLite database and runs the real
breakdown queries on them: no count finer than a community may come out as 1 or 2, while the
community totals stay exact.
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from data_access import metrics, privacy
from data_access.db import create_schema, make_engine
from data_access.filters import Filters
from data_access.models import (
    Community,
    Compound,
    Grid,
    WelfareHousehold,
    WelfareReview,
    WelfareStandard,
)
from data_access.welfare import breakdowns as welfare_breakdowns
from data_access.welfare import checks as welfare_checks
from data_access.welfare import queries as welfare

# ------------------------------------------------------------------------------ masking


@pytest.mark.parametrize(
    ("name", "masked"),
    [
        ("张", "*"),  # one character: showing it would show the whole name
        ("王刚", "王*"),
        ("张小明", "张*明"),
        ("欧阳小明", "欧**明"),
        ("  李娜 ", "李*"),
        ("", ""),
        (None, ""),
    ],
)
def test_names_keep_only_the_first_and_last_character(name, masked):
    assert privacy.mask_name(name) == masked


@given(
    st.text(alphabet="赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张欧阳", min_size=1, max_size=8)
)
def test_a_masked_name_reveals_at_most_two_characters_and_keeps_its_length(name):
    masked = privacy.mask_name(name)
    assert len(masked) == len(name)
    assert sum(1 for c in masked if c != "*") <= min(2, len(name) - 1)


@pytest.mark.parametrize(
    ("id_number", "masked"),
    [
        ("620102199001011234", "620102************"),
        ("62010219900101123X", "620102************"),
        ("620102900101123", "620102*********"),  # old 15-digit numbers
        ("12345678901234", "**************"),  # no ID number: nothing of it shown
        ("1234567", "*******"),
        ("", ""),
        (None, ""),
    ],
)
def test_id_numbers_keep_the_area_code_only(id_number, masked):
    assert privacy.mask_id_number(id_number) == masked


def test_a_masked_id_number_shows_no_birth_date_and_no_last_digits():
    masked = privacy.mask_id_number("629901197906030072")
    assert not re.search(r"\d{17}[\dX]", masked)
    assert masked == "629901" + "*" * 12


@given(st.text(alphabet="0123456789X", min_size=1, max_size=20))
def test_a_masked_id_number_shows_at_most_its_first_six_characters(text):
    masked = privacy.mask_id_number(text)
    assert len(masked) == len(text)
    assert set(masked[6:]) <= {"*"}
    assert all(m in ("*", c) for m, c in zip(masked, text, strict=True))


@pytest.mark.parametrize(
    ("kind", "value", "masked"),
    [
        ("name", "张小明", "张*明"),
        ("id_number", "629901197906030072", "629901************"),
        ("birth_date", dt.date(1979, 6, 3), "1979"),
        ("birth_date", "1979-06-03", "1979"),
        ("birth_date", None, None),
    ],
)
def test_one_mask_per_kind_of_personal_column(kind, value, masked):
    assert privacy.mask(kind, value) == masked


def test_a_personal_column_of_an_unknown_kind_is_not_exported_unmasked():
    with pytest.raises(ValueError, match="phone"):
        privacy.mask("phone", "13900000000")


# ------------------------------------------------------------------------------ suppression rule


@pytest.mark.parametrize(
    ("count", "fine", "text"),
    [
        (0, True, "0"),
        (1, True, "<3"),
        (2, True, "<3"),
        (3, True, "3"),
        (1234, True, "1,234"),
        (1, False, "1"),  # a community total stays exact
        (2.0, False, "2"),
        (None, True, "—"),
        (float("nan"), True, "—"),
    ],
)
def test_count_text(count, fine, text):
    assert privacy.count_text(count, fine) == text


def test_chart_values_never_carry_a_suppressed_count():
    assert privacy.chart_value(2) is None
    assert privacy.chart_value(1.0) is None
    assert privacy.chart_value(0) == 0.0
    assert privacy.chart_value(3) == 3.0
    assert privacy.chart_value(2, fine=False) == 2.0


def test_suppressed_columns_become_text_without_the_raw_numbers():
    df = pd.DataFrame({"grid": ["a", "b", "c", "d"], "households": [0, 1, 2, 30]})
    out = privacy.suppress_columns(df, ["households"])
    assert out["households"].tolist() == ["0", "<3", "<3", "30"]
    assert df["households"].tolist() == [0, 1, 2, 30]  # the input is left alone


# ------------------------------------------------------------------------------ breakdowns of random rosters

COMM_A, COMM_B = "999900000001", "999900000002"
GRIDS = {f"{COMM_A}001": COMM_A, f"{COMM_A}002": COMM_A, f"{COMM_B}001": COMM_B}
COMPOUNDS = {
    "C1": f"{COMM_A}001",
    "C2": f"{COMM_A}001",
    "C3": f"{COMM_A}002",
    "C4": f"{COMM_B}001",
    "C5": f"{COMM_B}001",
}
SQUARE = (
    '{"type": "Polygon", "coordinates": [[[0, 0], [0.01, 0], [0.01, 0.01], [0, 0.01], [0, 0]]]}'
)
FILTERS = [
    Filters(start="2022-01", end="2022-06"),
    Filters((COMM_A,), (f"{COMM_A}001",), "2022-01", "2022-06"),
    Filters((COMM_B,), (), "2022-01", "2022-06"),
    Filters((), (f"{COMM_A}002", f"{COMM_B}001"), "2022-01", "2022-06"),
]

household = st.fixed_dictionaries(
    {
        "compound": st.sampled_from(sorted(COMPOUNDS)),
        "category": st.sampled_from(["dibao", "dibao", "tekun"]),
        "members": st.integers(1, 7),
        "income": st.integers(0, 120).map(lambda v: v * 5),
        "ended": st.booleans(),
        "stable": st.booleans(),
        "workers": st.integers(0, 2),
        "reviewed": st.integers(0, 500),
    }
)


def _load(engine, roster: list[dict]) -> None:
    create_schema(engine)
    with engine.begin() as conn:
        for code in (COMM_A, COMM_B):
            conn.execute(
                Community.__table__.insert().values(
                    code=code, name=f"社区{code[-1]}", town="镇", households=900,
                    population=3000, lat=0.005, lon=0.005, boundary=SQUARE,
                )
            )  # fmt: skip
        for code, comm in GRIDS.items():
            conn.execute(
                Grid.__table__.insert().values(
                    code=code, community_code=comm, name=f"网格{code[-3:]}", households=300,
                    population=1000, boundary=SQUARE,
                )
            )  # fmt: skip
        for cid, grid in COMPOUNDS.items():
            conn.execute(
                Compound.__table__.insert().values(
                    id=cid, community_code=GRIDS[grid], grid_code=grid, name=f"小区{cid}",
                    households=100, population=300, residents_60_plus=50, residents_80_plus=5,
                    lat=0.005, lon=0.005,
                )
            )  # fmt: skip
        conn.execute(
            WelfareStandard.__table__.insert(),
            [
                {"effective_from": dt.date(2022, 1, 1), "category": "dibao",
                 "yuan_per_person_month": 700, "min_benefit_yuan": 60},
                {"effective_from": dt.date(2022, 1, 1), "category": "tekun",
                 "yuan_per_person_month": 910, "min_benefit_yuan": None},
            ],
        )  # fmt: skip
        rows = []
        for n, h in enumerate(roster):
            grid = COMPOUNDS[h["compound"]]
            rows.append(
                {
                    "household_no": f"H{n:05d}", "community_code": GRIDS[grid], "grid_code": grid,
                    "compound_id": h["compound"], "category": h["category"],
                    "head_name": "测试", "head_id_number": "999900199001011234",
                    "members": h["members"], "per_capita_income_yuan": h["income"],
                    "monthly_benefit_yuan": 100, "start_month": "2021-01",
                    "end_month": "2022-03" if h["ended"] else None,
                    "status": "exited" if h["ended"] else "active",
                    "last_review_on": dt.date(2022, 6, 30) - dt.timedelta(days=h["reviewed"]),
                    "income_stable": h["stable"], "work_capable_members": h["workers"],
                }
            )  # fmt: skip
        if rows:
            conn.execute(WelfareHousehold.__table__.insert(), rows)
            # Reviews are read from the review history: the last one is the household's.
            conn.execute(
                WelfareReview.__table__.insert(),
                [
                    {"household_no": r["household_no"], "reviewed_on": r["last_review_on"]}
                    for r in rows
                ],
            )


def _leaks(frame: pd.DataFrame, skip: tuple[str, ...] = ()) -> list[tuple[str, object]]:
    """Every cell that shows a count of 1 or 2 (as text or as a number)."""
    bad = []
    for col in frame.columns:
        if col in skip:
            continue
        for value in frame[col].tolist():
            if isinstance(value, str):
                shown_alone = value.strip() in ("1", "2")
                in_text = col == "tip" and re.search(r"(?<![\d,.<])[12](?![\d,.])", value)
                if shown_alone or in_text:
                    bad.append((col, value))
            elif isinstance(value, int | float) and not pd.isna(value) and value in (1, 2):
                bad.append((col, value))
    return bad


SKIP = (
    "lat",
    "lon",
    "grid_code",
    "compound_id",
    "boundary",
    "grid",
    "compound",
    "community",
    "size_band",
)


@settings(max_examples=40, deadline=None)
@given(roster=st.lists(household, min_size=0, max_size=25))
def test_no_breakdown_finer_than_a_community_shows_1_or_2(roster):
    engine = make_engine("sqlite://")  # a fresh in-memory database per example
    try:
        _load(engine, roster)
        in_force = [h for h in roster if not h["ended"]]
        with engine.connect() as conn:
            for f in FILTERS:
                fine_frames = {
                    "grid_breakdown": welfare_breakdowns.grid_breakdown(conn, f),
                    "map_grids": welfare_breakdowns.map_grids(conn, f),
                    "map_compounds": welfare_breakdowns.map_compounds(conn, f),
                }
                if f.grids:  # with a grid filter the community-level tables become grid-level too
                    fine_frames["size_breakdown"] = welfare_breakdowns.size_breakdown(conn, f)
                    fine_frames["review_due_breakdown"] = welfare_checks.review_due_breakdown(
                        conn, f
                    )
                    fine_frames["persons_trend"] = welfare.persons_trend(conn, f)[["value"]]
                for name, frame in fine_frames.items():
                    assert not _leaks(frame, SKIP), (name, f, _leaks(frame, SKIP))
            # Totals stay exact: the county figures are the true sums, small or not.
            county = FILTERS[0]
            dibao = [h for h in in_force if h["category"] == "dibao"]
            assert metrics.value(conn, "dibao_persons", county) == sum(h["members"] for h in dibao)
            assert metrics.value(conn, "tekun_households", county) == sum(
                1 for h in in_force if h["category"] == "tekun"
            )
            size = welfare_breakdowns.size_breakdown(conn, county)  # per community: exact
            assert sum(int(v.replace(",", "")) for v in size["households"]) == len(dibao)
    finally:
        engine.dispose()


def test_the_leak_detector_itself_finds_a_leak():
    frame = pd.DataFrame(
        {"households": ["5", "2"], "weight": [0.0, 1.0], "tip": ["低保 1 户", "x"]}
    )
    assert len(_leaks(frame)) == 3
