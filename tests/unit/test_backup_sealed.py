"""Backups are sealed with a passphrase and restored in one transaction.

The file `backup` writes is AES-GCM ciphertext (no ZIP, no name readable); restoring it asks for
the passphrase, and a wrong one or a changed byte writes nothing. A backup with one bad cell in
a late table leaves the database empty — every table, not only the first sixteen — and the next
restore of a good backup works (SQLite through the command line; PostgreSQL, with
TEST_DATABASE_URL, through the same functions)."""

from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from sqlalchemy import func, select

from data_access.__main__ import main as cli
from data_access.admin.users import User
from data_access.backup_crypto import MAGIC, SealProblem, seal, unseal
from data_access.db import create_schema
from data_access.importing import importable_tables
from data_access.importing.templates import (
    BackupProblem,
    backup_files,
    backup_zip,
    restore_zip,
    sealed_backup,
)
from data_access.models import Base
from data_access.seeding import seed
from tests.conftest import BACKENDS, _new_engine, sample_rows

PASSPHRASE = "a long backup passphrase"
ADMIN = User("tester", "admin")


@settings(max_examples=5, deadline=None)
@given(data=st.binary(max_size=2000), passphrase=st.text(min_size=12, max_size=40))
def test_sealed_data_comes_back_only_with_its_passphrase(data, passphrase):
    blob = seal(data, passphrase)
    assert blob.startswith(MAGIC)
    assert unseal(blob, passphrase) == data
    with pytest.raises(SealProblem):
        unseal(blob, passphrase + "x")


def test_a_changed_byte_or_a_short_passphrase_is_refused():
    blob = bytearray(seal(b"every name of the county", PASSPHRASE))
    for at in (len(MAGIC) + 5, len(blob) - 1):  # the salt, the tag
        broken = bytearray(blob)
        broken[at] ^= 1
        with pytest.raises(SealProblem):
            unseal(bytes(broken), PASSPHRASE)
    with pytest.raises(SealProblem, match="至少"):
        seal(b"x", "short")


@pytest.fixture(scope="module", params=BACKENDS)
def county(request, tmp_path_factory):
    eng, cleanup = _new_engine(request.param, tmp_path_factory.mktemp("sealed"))
    seed(eng)
    yield eng
    cleanup()


@pytest.fixture
def empty(county, tmp_path):
    eng, cleanup = _new_engine(county.dialect.name, tmp_path)
    create_schema(eng)
    yield eng
    cleanup()


def _rows(engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {
            t: conn.execute(select(func.count()).select_from(Base.metadata.tables[t])).scalar_one()
            for t in importable_tables()
        }


def _broken(archive: bytes) -> bytes:
    """The backup with one bad cell (a key left empty) in its last table that has rows."""
    files = backup_files(archive)
    last = max(
        i for i, (_, data) in enumerate(files) if load_workbook(io.BytesIO(data)).active.max_row > 1
    )
    book = load_workbook(io.BytesIO(files[last][1]))
    book.active.cell(row=2, column=1).value = None
    out = io.BytesIO()
    book.save(out)
    files[last] = (files[last][0], out.getvalue())
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as z:
        for order, (table, data) in enumerate(files, start=1):
            z.writestr(f"{order:02d}_{table}.xlsx", data)
    assert last > 10  # late enough that a table-by-table restore would have written many
    return zipped.getvalue()


def test_a_broken_backup_leaves_the_database_empty_and_the_next_restore_works(county, empty):
    good = backup_zip(county, "tester")
    results = restore_zip(empty, seal(_broken(good), PASSPHRASE), ADMIN, PASSPHRASE)
    assert results[-1].problems and not any(r.written for r in results)
    assert set(_rows(empty).values()) == {0}
    results = restore_zip(empty, seal(good, PASSPHRASE), ADMIN, PASSPHRASE)
    assert all(r.ok and r.written for r in results)
    assert _rows(empty) == _rows(county)


def test_restore_asks_for_the_passphrase(county, empty):
    sealed = sealed_backup(county, "tester", PASSPHRASE)
    for wrong in (None, "", "not the passphrase"):
        with pytest.raises(BackupProblem):
            restore_zip(empty, sealed, ADMIN, wrong)
    assert set(_rows(empty).values()) == {0}


def test_the_command_line_writes_ciphertext_and_restores_with_the_passphrase(
    county, tmp_path, monkeypatch
):
    if county.dialect.name != "sqlite":
        pytest.skip("the command line is run once, on SQLite")
    out = tmp_path / "nightly.zip"
    monkeypatch.delenv("BACKUP_PASSPHRASE", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert cli(["--database-url", str(county.url), "backup", str(out)]) == 2
    assert not out.exists()

    monkeypatch.setenv("BACKUP_PASSPHRASE", PASSPHRASE)
    assert cli(["--database-url", str(county.url), "backup", str(out)]) == 0
    blob = out.read_bytes()
    assert blob.startswith(MAGIC) and not zipfile.is_zipfile(io.BytesIO(blob))
    name = next(r["head_name"] for r in sample_rows("welfare_households"))
    assert name.encode() not in blob

    target = f"sqlite:///{tmp_path / 'restored.db'}"
    monkeypatch.setenv("BACKUP_PASSPHRASE", "the wrong passphrase")
    assert cli(["--database-url", target, "restore", str(out)]) == 2
    broken = tmp_path / "broken.zip"
    broken.write_bytes(seal(_broken(unseal(blob, PASSPHRASE)), PASSPHRASE))
    monkeypatch.setenv("BACKUP_PASSPHRASE", PASSPHRASE)
    assert cli(["--database-url", target, "restore", str(broken)]) == 2
    # Still empty: the next restore is not refused as "数据库不是空的".
    assert cli(["--database-url", target, "restore", str(out)]) == 0
