"""Files at rest hold 低保 rosters: the SQLite database, backup ZIPs and export CSVs are readable
by their owner only (0600), in folders the commands create for their owner only (0700), whatever
the umask. POSIX only: Windows keeps its own access lists."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from data_access.__main__ import main as cli

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def lax_umask() -> Iterator[None]:
    """The usual 022, which creates files -rw-r--r--: the code must not rely on a strict one."""
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.fixture(autouse=True)
def passphrase(monkeypatch) -> None:
    monkeypatch.setenv("BACKUP_PASSPHRASE", "file modes passphrase")


@pytest.fixture
def database(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'db' / 'dashboard.db'}"
    assert cli(["--database-url", url, "init"]) == 0
    return url


def test_init_creates_the_database_private(database, tmp_path):
    db = tmp_path / "db" / "dashboard.db"
    assert _mode(db) == 0o600
    assert _mode(db.parent) == 0o700
    for side in db.parent.iterdir():  # -wal, -shm: SQLite gives them the database's mode
        assert _mode(side) == 0o600, side.name


def test_a_backup_zip_is_private(database, tmp_path):
    out = tmp_path / "backups" / "nightly" / "backup.zip"
    assert cli(["--database-url", database, "backup", str(out)]) == 0
    assert _mode(out) == 0o600
    assert _mode(out.parent) == 0o700 and _mode(out.parent.parent) == 0o700


def test_a_backup_over_a_readable_file_makes_it_private(database, tmp_path):
    out = tmp_path / "backup.zip"
    out.write_bytes(b"old")
    out.chmod(0o644)
    assert cli(["--database-url", database, "backup", str(out)]) == 0
    assert _mode(out) == 0o600 and out.read_bytes() != b"old"


def test_export_csvs_are_private(database, tmp_path):
    out = tmp_path / "exports" / "2026-12"
    assert cli(["--database-url", database, "export", str(out)]) == 0
    files = sorted(out.glob("*.csv"))
    assert files
    assert {f.name: _mode(f) for f in files} == {f.name: 0o600 for f in files}
    assert _mode(out) == 0o700 and _mode(out.parent) == 0o700


def test_an_existing_folder_chosen_for_an_export_keeps_its_mode(database, tmp_path):
    """A folder the operator already has (say a shared drive) is not changed; only the files."""
    out = tmp_path / "shared"
    out.mkdir(mode=0o755)
    assert cli(["--database-url", database, "export", str(out)]) == 0
    assert _mode(out) == 0o755
    assert {_mode(f) for f in out.glob("*.csv")} == {0o600}
