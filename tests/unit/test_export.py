"""Export: names and ID numbers masked unless asked for, confirmation, and every export recorded."""

from __future__ import annotations

import csv
import re

import pytest
from sqlalchemy import select

from data_access.__main__ import main as cli
from data_access.db import make_engine
from data_access.models import AuditLog
from data_access.seeding import export, personal_columns, seed
from tests.conftest import sample_rows

ID_NUMBER = re.compile(r"\b\d{17}[\dX]\b")


@pytest.fixture
def db_url(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'export.db'}"
    engine = make_engine(url)
    seed(engine)
    engine.dispose()
    return url


def _all_text(folder) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.csv")))


def _audit_rows(url: str) -> list:
    engine = make_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(select(AuditLog).order_by(AuditLog.id)).all()
    engine.dispose()
    return rows


def test_personal_columns_are_declared_on_the_models():
    assert personal_columns("welfare_households") == {
        "head_name": "name",
        "head_id_number": "id_number",
    }
    assert personal_columns("jobseekers") == {
        "name": "name",
        "id_number": "id_number",
        "birth_date": "birth_date",
    }
    assert personal_columns("cadres") == {"birth_date": "birth_date"}


def _csv_rows(path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_a_plain_export_gives_birth_years_and_area_codes_only(db_url, tmp_path):
    out = tmp_path / "out"
    assert cli(["--database-url", db_url, "export", str(out)]) == 0
    for table, key in (("jobseekers", "person_no"), ("cadres", "id")):
        born = {r[key]: r["birth_date"] for r in sample_rows(table)}
        rows = _csv_rows(out / f"{table}.csv")
        assert len(rows) == len(born)
        assert all(r["birth_date"] == born[r[key]][:4] for r in rows)
    ids = [r["id_number"] for r in _csv_rows(out / "jobseekers.csv")]
    assert all(re.fullmatch(r"\d{6}\*{12}", v) for v in ids)


def test_a_plain_export_has_no_id_number_and_no_full_name_and_is_recorded(db_url, tmp_path):
    out = tmp_path / "out"
    assert cli(["--database-url", db_url, "export", str(out)]) == 0
    text = _all_text(out)
    assert not ID_NUMBER.search(text)
    names = {r["head_name"] for r in sample_rows("welfare_households")}
    names |= {r["name"] for r in sample_rows("jobseekers")}
    leaked = [
        n for n in names if len(n) >= 2 and re.search(rf"(?<![\w*]){re.escape(n)}(?![\w*])", text)
    ]
    assert leaked == []
    assert "*" in (out / "welfare_households.csv").read_text(encoding="utf-8")
    assert not (out / "users.csv").exists()  # password hashes never leave the database
    (row,) = _audit_rows(db_url)
    assert (row.action, row.personal, row.result) == ("export", False, "ok")
    assert "welfare_households" in row.tables and row.actor and row.rows > 0


def test_personal_data_needs_confirmation(db_url, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    out = tmp_path / "out"
    assert cli(["--database-url", db_url, "export", str(out), "--include-personal"]) == 2
    assert "--yes" in capsys.readouterr().err
    assert not out.exists() and _audit_rows(db_url) == []


def test_confirmed_at_a_terminal(db_url, tmp_path, monkeypatch):
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    out = tmp_path / "out"
    assert cli(["--database-url", db_url, "export", str(out), "--include-personal"]) == 2
    monkeypatch.setattr("builtins.input", lambda prompt: "yes")
    assert cli(["--database-url", db_url, "export", str(out), "--include-personal"]) == 0
    assert ID_NUMBER.search(_all_text(out))
    (row,) = _audit_rows(db_url)
    assert row.personal is True


def test_with_yes_personal_data_is_exported_and_recorded(db_url, tmp_path):
    out = tmp_path / "out"
    args = ["--database-url", db_url, "export", str(out), "--include-personal", "--yes"]
    assert cli(args) == 0
    first = sample_rows("welfare_households")[0]
    assert first["head_id_number"] in (out / "welfare_households.csv").read_text(encoding="utf-8")
    (row,) = _audit_rows(db_url)
    assert row.personal is True and row.action == "export"
    assert "audit_log" in row.tables
    assert "export" in (out / "audit_log.csv").read_text(encoding="utf-8")


def test_export_from_python_records_too(db_url, tmp_path):
    engine = make_engine(db_url)
    export(engine, tmp_path / "a", actor="tester")
    export(engine, tmp_path / "b", actor="tester")
    engine.dispose()
    assert [r.actor for r in _audit_rows(db_url)] == ["tester", "tester"]
