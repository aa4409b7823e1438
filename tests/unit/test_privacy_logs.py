"""A failed query never carries personal data into the server log."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import SQLAlchemyError

from data_access.admin.users import User
from data_access.db import make_engine
from data_access.filters import Filters
from data_access.models import WelfareHousehold
from data_access.seeding import seed
from data_access.welfare import personal as welfare_personal
from tests.conftest import sample_rows

ADMIN = User("admin", "admin")
log = logging.getLogger("dashboard")


@pytest.fixture
def broken(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'broken.db'}")
    seed(engine)
    with engine.begin() as conn:  # the roster joins compounds: make that join fail
        conn.execute(text("ALTER TABLE compounds RENAME TO compounds_gone"))
    yield engine
    engine.dispose()


def _personal_values() -> list[str]:
    rows = sample_rows("welfare_households")
    return [v for r in rows[:50] for v in (r["household_no"], r["head_name"], r["head_id_number"])]


def test_a_failed_roster_query_logs_no_personal_data(broken, caplog):
    with caplog.at_level(logging.DEBUG), broken.connect() as conn:
        with pytest.raises(SQLAlchemyError) as failure:
            welfare_personal.roster(conn, ADMIN, Filters(start="2021-07", end="2022-06"))
        log.exception("database error on page %r", "welfare")  # what dashboard.py does
    logged = caplog.text + str(failure.value)
    assert "compounds" in logged  # the error itself is there to diagnose
    assert not [v for v in _personal_values() if v and v in logged]


def test_bound_values_are_hidden_from_the_error(broken, caplog):
    first = sample_rows("welfare_households")[0]
    with caplog.at_level(logging.DEBUG), broken.connect() as conn:
        conn.execute(text("ALTER TABLE welfare_households RENAME TO wh_gone"))
        stmt = select(WelfareHousehold.head_name).where(
            WelfareHousehold.household_no == first["household_no"],
            WelfareHousehold.head_id_number == first["head_id_number"],
        )
        with pytest.raises(SQLAlchemyError) as failure:
            conn.execute(stmt)
        log.exception("database error")
    logged = caplog.text + str(failure.value)
    assert first["household_no"] not in logged and first["head_id_number"] not in logged
    assert "hidden due to hide_parameters" in str(failure.value)
