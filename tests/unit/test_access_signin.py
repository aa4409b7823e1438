"""Sign-in limits per client (across names) next to the per-account lock, and passwords that
never reach the audit log, the application's log or an error message."""

from __future__ import annotations

import datetime as dt
import logging

import pytest
from sqlalchemy import select

from data_access.admin import accounts
from data_access.models import AuditLog
from data_access.seeding import seed
from tests.conftest import OLD_TOWN

T0 = dt.datetime(2026, 11, 27, 9, 0)
SECRET = "Zq-very-secret-77"
ATTACKER, NEIGHBOUR = "10.1.2.3", "10.9.9.9"


@pytest.fixture
def county(empty_engine):
    seed(empty_engine)
    accounts.add_user(empty_engine, "clerk", SECRET, "editor", (OLD_TOWN,), by="test")
    return empty_engine


def _guess(county, name: str, client: str = ATTACKER, at: dt.datetime = T0) -> str:
    with pytest.raises(accounts.SignInRefused) as info:
        accounts.sign_in(county, name, "guess-" + SECRET[::-1], now=at, client=client)
    return info.value.key


def test_one_client_trying_many_names_is_throttled_for_a_minute(county):
    for i in range(accounts.CLIENT_MAX_FAILURES):
        assert _guess(county, f"user{i}") == "account.wrong"  # unknown names, no account lock
    # The right password from the same client is refused too, within the minute …
    with pytest.raises(accounts.SignInRefused) as info:
        accounts.sign_in(
            county, "clerk", SECRET, now=T0 + dt.timedelta(seconds=30), client=ATTACKER
        )
    assert info.value.key == "account.throttled"
    assert "1分钟后再试" in str(info.value)
    # … another client is not affected, and the attacker's account was never locked by it …
    user = accounts.sign_in(county, "clerk", SECRET, now=T0, client=NEIGHBOUR)
    assert user.name == "clerk"
    # … and once the failures are a minute old the client may try again.
    later = T0 + accounts.CLIENT_WINDOW + dt.timedelta(seconds=1)
    assert accounts.sign_in(county, "clerk", SECRET, now=later, client=ATTACKER).name == "clerk"


def test_throttled_attempts_do_not_extend_the_throttle(county):
    for i in range(accounts.CLIENT_MAX_FAILURES):
        _guess(county, f"user{i}")
    for s in range(5, 60, 5):
        assert _guess(county, "clerk", at=T0 + dt.timedelta(seconds=s)) == "account.throttled"
    assert _guess(county, "clerk", at=T0 + dt.timedelta(seconds=61)) == "account.wrong"


def test_the_client_is_in_the_audit_log(county):
    _guess(county, "clerk")
    with county.connect() as conn:
        rows = conn.execute(select(AuditLog.result, AuditLog.message)).all()
    assert ("failed", f"client {ATTACKER}") in rows


def test_a_password_never_reaches_a_log_or_a_message(county, caplog):
    caplog.set_level(logging.DEBUG)
    messages = []
    for name, password in (("clerk", SECRET + "x"), ("nobody", SECRET), ("clerk", SECRET)):
        try:
            accounts.sign_in(county, name, password, now=T0, client=ATTACKER)
        except accounts.AccountError as exc:
            messages += [str(exc), repr(exc), exc.text("en")]
    for bad in ("short", SECRET):
        try:
            accounts.reset_password(county, "clerk", bad, by="test")
            accounts.add_user(county, "clerk", bad, "viewer", by="test")
        except accounts.AccountError as exc:
            messages += [str(exc), repr(exc)]
    with county.connect() as conn:
        logged = [repr(tuple(r)) for r in conn.execute(select(AuditLog.__table__)).all()]
    assert len(logged) >= 3 and messages
    for text in [*logged, *messages, caplog.text]:
        assert SECRET not in text and SECRET[::-1] not in text
