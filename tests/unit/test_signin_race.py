"""The five-failure lock under parallel attempts: every wrong password counts, and once the lock
is set even the right password is refused (SQLite and, with TEST_DATABASE_URL, PostgreSQL).

Each attempt runs in a thread of its own; a barrier lets them all read the account before any
of them writes, which is where a read-check-write counter loses its updates."""

from __future__ import annotations

import datetime as dt
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import select

from data_access.admin import accounts
from data_access.models import AuditLog
from data_access.models import User as UserRow
from data_access.seeding import seed
from tests.conftest import OLD_TOWN

T0 = dt.datetime(2026, 11, 27, 9, 0)
SECRET = "right-pass-1"
WRONG = 12
_FAILED = ("failed", "locked")


@pytest.fixture
def county(empty_engine):
    seed(empty_engine)
    accounts.add_user(empty_engine, "clerk", SECRET, "editor", (OLD_TOWN,), by="test")
    return empty_engine


def _attempt(county, barrier: threading.Barrier, password: str, client: str) -> str:
    barrier.wait()
    try:
        accounts.sign_in(county, "clerk", password, now=T0, client=client)
    except accounts.SignInRefused:
        return "refused"
    return "ok"


def _parallel(county, passwords: list[tuple[str, str]]) -> list[str]:
    barrier = threading.Barrier(len(passwords))
    with ThreadPoolExecutor(max_workers=len(passwords)) as pool:
        futures = [pool.submit(_attempt, county, barrier, p, c) for p, c in passwords]
        return [f.result() for f in futures]


def _state(county) -> tuple[int, dt.datetime | None]:
    with county.connect() as conn:
        row = conn.execute(
            select(UserRow.failed_attempts, UserRow.locked_until).where(UserRow.name == "clerk")
        ).one()
    return int(row.failed_attempts), row.locked_until


def _results(county) -> list[tuple[str, str]]:
    """(client, result) of every sign-in, in the order the database recorded them."""
    with county.connect() as conn:
        rows = conn.execute(
            select(AuditLog.message, AuditLog.result)
            .where(AuditLog.action == "sign_in")
            .order_by(AuditLog.id)
        ).all()
    return [(m.removeprefix("client "), r) for m, r in rows]


def test_parallel_wrong_passwords_all_count_and_lock(county):
    outcomes = _parallel(county, [("wrong-pass-x", f"10.0.0.{i}") for i in range(WRONG)])
    assert outcomes == ["refused"] * WRONG
    failed, locked_until = _state(county)
    assert failed == WRONG  # no attempt lost to another's write
    assert locked_until == T0 + dt.timedelta(minutes=accounts.LOCK_MINUTES)
    assert [r for _, r in _results(county)].count("locked") == WRONG - 4
    with pytest.raises(accounts.SignInRefused):
        accounts.sign_in(county, "clerk", SECRET, now=T0 + dt.timedelta(minutes=1))


def test_the_right_password_among_parallel_wrong_ones_never_passes_a_lock(county):
    attempts = [("wrong-pass-x", f"10.0.0.{i}") for i in range(WRONG)]
    attempts.insert(WRONG // 2, (SECRET, "10.0.1.1"))
    outcomes = _parallel(county, attempts)
    results = _results(county)
    right = [r for c, r in results if c == "10.0.1.1"]
    wrong = [r for c, r in results if c != "10.0.1.1"]
    assert len(wrong) == WRONG and set(wrong) <= set(_FAILED)  # every wrong one recorded
    assert len(right) == 1
    if right == ["ok"]:
        # Signed in only if it came before the fifth failure: fewer than five before it …
        before = [r for c, r in results[: results.index(("10.0.1.1", "ok"))]]
        assert before == ["failed"] * len(before) and len(before) < accounts.MAX_FAILED_ATTEMPTS
        # … and the count started again after it, counting every later failure.
        assert _state(county)[0] == WRONG - len(before)
    else:
        assert outcomes[WRONG // 2] == "refused" and right == ["locked"]
        assert _state(county)[0] == WRONG + 1  # an attempt on a locked account counts too
    # At least eight failures came after any reset: the account ends locked, right password too.
    assert _state(county)[1] is not None
    with pytest.raises(accounts.SignInRefused):
        accounts.sign_in(county, "clerk", SECRET, now=T0 + dt.timedelta(minutes=1))
