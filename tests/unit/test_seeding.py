"""seed is idempotent, init never changes an existing database, export round-trips."""

from __future__ import annotations

import csv

import pytest
from sqlalchemy import select, update

from data_access import metrics
from data_access.__main__ import main as cli
from data_access.db import create_schema, data_version
from data_access.models import Community
from data_access.seeding import SAMPLE_DIR, ensure_ready, export, row_counts, seed
from tests.conftest import SAMPLE_PERIOD


def test_seed_twice_gives_the_same_row_counts(empty_engine):
    first = seed(empty_engine)
    counts = row_counts(empty_engine)
    second = seed(empty_engine)
    assert first.total_inserted == sum(counts.values()) > 0
    assert second.total_inserted == 0
    assert row_counts(empty_engine) == counts


def test_seed_leaves_rows_users_edited_alone(empty_engine):
    seed(empty_engine)
    with empty_engine.begin() as conn:
        conn.execute(update(Community).where(Community.name == "东部社区").values(households=2500))
    seed(empty_engine)
    with empty_engine.connect() as conn:
        assert (
            conn.execute(
                select(Community.households).where(Community.name == "东部社区")
            ).scalar_one()
            == 2500
        )


def test_init_on_an_existing_database_changes_nothing(empty_engine):
    seed(empty_engine)
    counts = row_counts(empty_engine)
    with empty_engine.connect() as conn:
        version = data_version(conn)
    assert create_schema(empty_engine) is False
    assert row_counts(empty_engine) == counts
    with empty_engine.connect() as conn:
        assert data_version(conn) == version


def test_every_write_bumps_the_data_version(empty_engine):
    create_schema(empty_engine)
    with empty_engine.connect() as conn:
        before = data_version(conn)
    seed(empty_engine)
    with empty_engine.connect() as conn:
        assert data_version(conn) == before + 1


def test_ensure_ready_seeds_only_an_empty_database(empty_engine):
    assert ensure_ready(empty_engine) is True
    assert ensure_ready(empty_engine) is False
    with empty_engine.connect() as conn:
        assert metrics.value(conn, "service_points", SAMPLE_PERIOD) == 138


@pytest.fixture
def seeded(empty_engine):
    """The sample county in a database of the test's own (exports write to the audit log)."""
    seed(empty_engine)
    return empty_engine


def test_export_writes_every_table_as_the_sample_files(seeded, tmp_path):
    counts = export(seeded, tmp_path)
    for name, count in counts.items():
        with (tmp_path / f"{name}.csv").open(encoding="utf-8") as fh:
            assert sum(1 for _ in csv.reader(fh)) == count + 1
    with (
        (tmp_path / "communities.csv").open(encoding="utf-8") as fh,
        (SAMPLE_DIR / "communities.csv").open(encoding="utf-8") as sample,
    ):
        assert list(csv.DictReader(fh)) == list(csv.DictReader(sample))


def test_exported_files_seed_an_identical_database(seeded, engine, tmp_path):
    export(seeded, tmp_path, include_personal=True)
    other = tmp_path / "other.db"
    from data_access.db import make_engine

    copy = make_engine(f"sqlite:///{other}")
    seed(copy, tmp_path)
    assert row_counts(copy) == row_counts(engine)
    copy.dispose()


def test_cli_seed_reports_an_invalid_file_and_writes_nothing(tmp_path, capsys):
    for path in SAMPLE_DIR.glob("*.csv"):
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    lines = (tmp_path / "service_points.csv").read_text(encoding="utf-8").splitlines()
    cells = lines[3].split(",")
    cells[8] = "2021-13-40"  # opened_on
    lines[3] = ",".join(cells)
    (tmp_path / "service_points.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "cli.db"
    code = cli(["--database-url", f"sqlite:///{db}", "seed", "--dir", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 2
    assert '第4行 "opened_on": 应为日期' in err
    assert cli(["--database-url", f"sqlite:///{db}", "init"]) == 0
    capsys.readouterr()
    assert cli(["--database-url", f"sqlite:///{db}", "export", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "communities.csv").read_text(encoding="utf-8").count("\n") == 1
