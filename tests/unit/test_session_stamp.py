"""The stamp a signed-in session must still match: a sign-in's user matches its account until
the account is disabled, given a new password or a new role, or removed (SQLite and, with
TEST_DATABASE_URL, PostgreSQL)."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, update

from data_access.admin import accounts, stamps
from data_access.admin.users import User
from data_access.db import create_schema
from data_access.models import User as UserRow

SECRET = "right-pass-1"


@pytest.fixture
def signed_in(empty_engine):
    create_schema(empty_engine)
    accounts.add_user(empty_engine, "e1", SECRET, "viewer", by="test")
    return empty_engine, accounts.sign_in(empty_engine, "e1", SECRET)


def test_a_fresh_sign_in_matches_its_account(signed_in):
    engine, user = signed_in
    assert user.stamp
    assert stamps.still_valid(engine, user)
    # Signing in again, or a failed attempt on the account, changes nothing that matters.
    with pytest.raises(accounts.SignInRefused):
        accounts.sign_in(engine, "e1", "wrong-pass-9")
    assert stamps.still_valid(engine, accounts.sign_in(engine, "e1", SECRET))
    assert stamps.still_valid(engine, user)


def test_a_disabled_account_no_longer_matches(signed_in):
    engine, user = signed_in
    accounts.set_disabled(engine, "e1", True, by="admin")
    assert not stamps.still_valid(engine, user)
    accounts.set_disabled(engine, "e1", False, by="admin")
    # Enabled again, the old session matches again only because nothing else changed; a new
    # password below ends it for good.
    accounts.reset_password(engine, "e1", "another-pass-2", by="admin")
    assert not stamps.still_valid(engine, user)


def test_the_same_password_set_again_still_ends_the_session(signed_in):
    engine, user = signed_in
    accounts.reset_password(engine, "e1", SECRET, by="admin")  # a new salt, a new hash
    assert not stamps.still_valid(engine, user)


def test_a_new_role_or_a_removed_account_no_longer_matches(signed_in):
    engine, user = signed_in
    with engine.begin() as conn:
        conn.execute(update(UserRow).where(UserRow.name == "e1").values(role="admin"))
    assert not stamps.still_valid(engine, user)
    with engine.begin() as conn:
        conn.execute(delete(UserRow).where(UserRow.name == "e1"))
    assert not stamps.still_valid(engine, user)


def test_a_user_no_sign_in_issued_is_not_an_account_session(signed_in):
    engine, _ = signed_in
    assert stamps.still_valid(engine, User("operator", "admin"))
    assert not stamps.still_valid(engine, User("e1", "viewer", stamp="0" * 64))
