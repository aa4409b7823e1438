"""A file failing on every row: the first 1,000 problems are listed and the rest counted (page,
command line, problem workbook), without a Problem object per row; the key's uniqueness is still
checked over the whole file, every duplicated row named as before."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from data_access.__main__ import main as cli
from data_access.admin.users import User
from data_access.db import create_schema, make_engine
from data_access.importing import run_import
from data_access.importing.limits import MAX_PROBLEMS
from data_access.importing.spec import header, table_spec
from data_access.importing.templates import problems_workbook
from data_access.importing.validate import Problem, Problems

TABLE = "honours"
KEY = header(TABLE, table_spec(TABLE).key[0], "zh")
ADMIN = User("tester", "admin")


def _one_column(values: list[str]) -> bytes:
    return (KEY + "\n" + "".join(v + "\n" for v in values)).encode()


def _engine(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'db.db'}")
    create_schema(engine)
    return engine


def test_problems_past_the_limit_are_counted_not_kept():
    problems = Problems(limit=3)
    for n in range(10):
        problems.append(Problem(n, "c", "v", "r"))
    assert len(problems) == 3 and problems.more == 7 and problems.full


def test_a_file_failing_on_every_row_lists_a_thousand_and_counts_the_rest(tmp_path):
    rows = 4_000
    result = run_import(_engine(tmp_path), TABLE, _one_column(["HX1"] * rows), "x.csv", ADMIN)
    file_level = [p for p in result.problems if p.row is None]  # the missing columns
    assert len(result.problems) == MAX_PROBLEMS
    assert len(result.problems) + result.more_problems == rows + len(file_level)
    book = load_workbook(io.BytesIO(problems_workbook(b"", result.problems)))
    assert book.active.max_row == MAX_PROBLEMS + 1


def test_every_duplicated_key_is_named_across_the_whole_file(tmp_path):
    values = ["A", "B", "A"] + [f"U{i}" for i in range(60_000)] + ["B"]  # past one schema chunk
    result = run_import(_engine(tmp_path), TABLE, _one_column(values), "x.csv", ADMIN)
    duplicated = sorted(p.row for p in result.problems if p.row and p.column == KEY)
    assert duplicated == [2, 3, 4, len(values) + 1]


def test_the_command_line_says_how_many_more(tmp_path, capsys):
    path = tmp_path / "one-column.csv"
    path.write_bytes(_one_column(["HX1"] * 1_500))
    url = f"sqlite:///{tmp_path / 'db.db'}"
    assert cli(["--database-url", url, "import", TABLE, str(path), "--dry-run"]) == 2
    err = capsys.readouterr().err
    assert len([line for line in err.splitlines() if line.startswith("第")]) <= MAX_PROBLEMS
    assert "个问题未列出（只列出前1000个）" in err
