"""Shared fixtures: database engines on SQLite and, when TEST_DATABASE_URL is set, on PostgreSQL.

Data-layer tests take `engine` (read-only, the seeded sample county) or `empty_engine` (a fresh,
empty database of their own); both run once per backend. On PostgreSQL each engine lives in a
schema of its own, dropped afterwards, so runs never see each other's rows.
"""

from __future__ import annotations

import os
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from sqlalchemy import Engine, create_engine, text

# Hypothesis checks properties, not speed: on a shared 2-core CI machine one example of a pure
# function took 771 ms under load and failed its 200 ms deadline. Speed lives in bench/.
settings.register_profile("dashboard", deadline=None)
settings.load_profile("dashboard")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# A missing text key fails the test instead of showing the key: set before the app is imported,
# and inherited by the AppTest scripts and the browser tests' `streamlit run` servers.
os.environ.setdefault("DASHBOARD_STRICT_TEXT", "1")

from data_access.db import make_engine  # noqa: E402
from data_access.filters import Filters  # noqa: E402
from data_access.seeding import seed  # noqa: E402

os.environ.setdefault("DASHBOARD_STRICT_TEXT", "1")  # a missing text key fails the test
PG_URL = os.environ.get("TEST_DATABASE_URL", "").strip()
BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL else [])

# The sample county's data period: the dashboard's default filter ("no filter" in the issues).
SAMPLE_PERIOD = Filters(start="2021-07", end="2022-06")
OLD_TOWN, EAST = "629901100001", "629901100002"


class _PgSchema:
    def __init__(self, url: str):
        self.url = url
        self.schema = f"t_{uuid.uuid4().hex[:12]}"
        self.admin = create_engine(url)
        with self.admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{self.schema}"'))

    def engine(self) -> Engine:
        return make_engine(self.url, connect_args={"options": f"-csearch_path={self.schema}"})

    def drop(self) -> None:
        with self.admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{self.schema}" CASCADE'))
        self.admin.dispose()


def _new_engine(backend: str, tmp_dir: Path) -> tuple[Engine, callable]:
    if backend == "sqlite":
        path = tmp_dir / f"{uuid.uuid4().hex[:8]}.db"
        eng = make_engine(f"sqlite:///{path}")
        return eng, eng.dispose
    schema = _PgSchema(PG_URL)
    eng = schema.engine()

    def cleanup() -> None:
        eng.dispose()
        schema.drop()

    return eng, cleanup


@pytest.fixture(scope="session", params=BACKENDS)
def engine(request, tmp_path_factory) -> Iterator[Engine]:
    """The sample county, seeded once per backend. Do not write to it."""
    eng, cleanup = _new_engine(request.param, tmp_path_factory.mktemp("db"))
    seed(eng)
    yield eng
    cleanup()


@pytest.fixture(params=BACKENDS)
def empty_engine(request, tmp_path) -> Iterator[Engine]:
    """A fresh database with no schema, for tests that write."""
    eng, cleanup = _new_engine(request.param, tmp_path)
    yield eng
    cleanup()


@pytest.fixture
def conn(engine):
    with engine.connect() as connection:
        yield connection


def sample_rows(table_name: str) -> list[dict[str, str]]:
    """Rows of a sample CSV as text: tests count from these independently of the queries under test."""
    import csv

    with (ROOT / "sample_data" / f"{table_name}.csv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def jobseeker_groups() -> dict[str, set[str]]:
    """person_no → the groups recorded for them (jobseeker_groups.csv)."""
    out: dict[str, set[str]] = {}
    for row in sample_rows("jobseeker_groups"):
        out.setdefault(row["person_no"], set()).add(row["group_code"])
    return out


def operating_ids(day: str) -> set[str]:
    """Ids of the service points whose operating spell covers `day` (ISO date), read from the
    dated states (service_point_states.csv): opened by then, not closed, not suspended then."""
    return {
        s["point_id"]
        for s in sample_rows("service_point_states")
        if s["status"] == "operating"
        and s["valid_from"] <= day
        and (not s["valid_to"] or s["valid_to"] > day)
    }
