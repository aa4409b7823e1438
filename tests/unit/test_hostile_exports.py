"""Text from the data that a spreadsheet would run (= + - @, tab, CR first) stays text in every
file we write: the CSV export gets an apostrophe; XLSX (review tables, problem workbook,
backups) gets quote-prefixed string cells with the value unchanged, so a backup restores it
exactly. A refused ZIP bomb is not opened again to mark its problems."""

from __future__ import annotations

import csv
import dataclasses
import io
import zipfile

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, update

from components.review.deck import build_deck
from components.review.files import deck_xlsx
from data_access import formula_guard
from data_access.importing import Problem
from data_access.importing import templates as templates_module
from data_access.importing.templates import backup_files, backup_zip, problems_workbook
from data_access.models import Community, WelfareHousehold
from data_access.seeding import export, seed
from tests.conftest import BACKENDS, OLD_TOWN, SAMPLE_PERIOD, _new_engine

HOSTILE = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]
NAME = '=HYPERLINK("http://x","y")'
HEAD = "@SUM(1+1)*cmd|'/C calc'!A0"[:30]


@pytest.fixture(scope="module", params=BACKENDS)
def hostile_county(request, tmp_path_factory):
    eng, cleanup = _new_engine(request.param, tmp_path_factory.mktemp("hx"))
    seed(eng)
    with eng.begin() as conn:
        conn.execute(update(Community).where(Community.code == OLD_TOWN).values(name=NAME))
        first = conn.execute(select(WelfareHousehold.household_no).limit(1)).scalar_one()
        conn.execute(
            update(WelfareHousehold)
            .where(WelfareHousehold.household_no == first)
            .values(head_name=HEAD)
        )
    yield eng, first
    cleanup()


@pytest.mark.parametrize("value", HOSTILE)
def test_csv_text_prefixes_only_risky_text(value):
    assert formula_guard.csv_text(value) == "'" + value
    assert formula_guard.csv_text("社区") == "社区"
    assert formula_guard.csv_text(-2.5) == -2.5


def test_the_csv_export_neutralises_formulas(hostile_county, tmp_path):
    eng, _ = hostile_county
    export(eng, tmp_path, include_personal=True, actor="t")
    with (tmp_path / "communities.csv").open(encoding="utf-8") as fh:
        names = {r["code"]: r["name"] for r in csv.DictReader(fh)}
    assert names[OLD_TOWN] == "'" + NAME
    with (tmp_path / "welfare_households.csv").open(encoding="utf-8") as fh:
        heads = [r["head_name"] for r in csv.DictReader(fh)]
    assert "'" + HEAD in heads
    assert not any(h.startswith(formula_guard.TRIGGERS) for h in heads)


def _cells(data: bytes):
    book = load_workbook(io.BytesIO(data))
    return [c for ws in book.worksheets for row in ws.iter_rows() for c in row]


def test_a_backup_keeps_formula_text_as_text_with_the_exact_value(hostile_county):
    """The restore of these very values is in test_backup_roundtrip.py."""
    eng, _ = hostile_county
    files = dict(backup_files(backup_zip(eng, "t")))
    risky = [c for c in _cells(files["communities"]) if c.value == NAME]
    assert risky and all(c.data_type == "s" and c.quotePrefix for c in risky)
    heads = [c for c in _cells(files["welfare_households"]) if c.value == HEAD]
    assert heads and all(c.data_type == "s" and c.quotePrefix for c in heads)
    for table in ("communities", "welfare_households"):
        assert not any(c.data_type == "f" for c in _cells(files[table]))


def test_the_problem_workbook_keeps_values_as_text():
    problems = [Problem(2, "户主姓名", v, "原因") for v in HOSTILE]
    cells = _cells(problems_workbook(b"a,b\n", problems))
    assert {c.value for c in cells if c.quotePrefix} >= set(HOSTILE) - {"\r=1"}
    assert not any(c.data_type == "f" for c in cells)


def test_the_review_workbook_keeps_community_names_as_text(engine):
    """The sample county's deck with hostile community names put in its first table."""
    with engine.connect() as conn:
        real = build_deck(conn, SAMPLE_PERIOD, "zh")
    first = real.pages[0]
    table = first.table.copy()
    table.iloc[:, 0] = [NAME, "+1+1"][: len(table)]
    table.iloc[0, 1] = -2
    deck = dataclasses.replace(real, pages=(dataclasses.replace(first, table=table),))
    cells = _cells(deck_xlsx(deck))
    assert not any(c.data_type == "f" for c in cells)
    names = {c.value: c for c in cells}
    assert names[NAME].quotePrefix and names["+1+1"].quotePrefix
    assert names[-2].data_type == "n"  # numbers stay numbers


def test_a_refused_zip_bomb_is_not_opened_to_mark_its_problems(monkeypatch):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", b"<c r='A1'/>" * 10 + b'<c r="XFD1048576"/>')

    def boom(*_a, **_k):
        raise AssertionError("the refused file was opened")

    monkeypatch.setattr(templates_module, "load_workbook", boom)
    data = problems_workbook(out.getvalue(), [Problem(None, "", "", "太大")])
    assert load_workbook(io.BytesIO(data)).active["D2"].value == "太大"
