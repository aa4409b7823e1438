"""Accounts: argon2 hashes, roles and communities, five failures lock for 15 minutes, disabled
accounts, password reset, every attempt in the audit log; the `users` command line."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from data_access.__main__ import main as cli
from data_access.admin import accounts
from data_access.models import AuditLog
from data_access.models import User as UserRow
from data_access.seeding import seed
from tests.conftest import EAST, OLD_TOWN

T0 = dt.datetime(2026, 11, 27, 9, 0)


@pytest.fixture
def county(empty_engine):
    seed(empty_engine)
    accounts.add_user(empty_engine, "clerk", "s3cret-pass", "editor", (OLD_TOWN, EAST), by="test")
    return empty_engine


def test_passwords_are_stored_as_argon2_hashes(county):
    with county.connect() as conn:
        stored = conn.execute(select(UserRow.password_hash)).scalar_one()
    assert stored.startswith("$argon2id$") and "s3cret-pass" not in stored


def test_sign_in_gives_the_role_and_communities(county):
    user = accounts.sign_in(county, "clerk", "s3cret-pass", now=T0)
    assert (user.name, user.role, user.communities) == ("clerk", "editor", (OLD_TOWN, EAST))


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (("clerk", "another-pass", "viewer", ()), "已存在"),
        (("x", "short", "viewer", ()), "至少8位"),
        (("x", "long-enough", "boss", ()), "未知角色"),
        (("x", "long-enough", "editor", ()), "至少一个社区"),
        (("x", "long-enough", "editor", ("999",)), "社区代码不存在"),
        (("  ", "long-enough", "viewer", ()), "不能为空"),
    ],
)
def test_bad_accounts_are_refused_with_the_reason(county, args, reason):
    with pytest.raises(accounts.AccountError, match=reason):
        accounts.add_user(county, *args, by="test")


def test_five_failures_lock_for_fifteen_minutes_then_the_count_starts_again(county):
    for _ in range(5):
        with pytest.raises(accounts.SignInRefused, match="用户名或密码错误"):
            accounts.sign_in(county, "clerk", "wrong", now=T0)
    with pytest.raises(accounts.SignInRefused, match="用户名或密码错误"):
        accounts.sign_in(county, "clerk", "s3cret-pass", now=T0 + dt.timedelta(minutes=14))
    user = accounts.sign_in(county, "clerk", "s3cret-pass", now=T0 + dt.timedelta(minutes=16))
    assert user.role == "editor"
    with county.connect() as conn:
        results = conn.execute(
            select(AuditLog.result).where(AuditLog.action == "sign_in").order_by(AuditLog.id)
        ).scalars()
        assert list(results) == ["failed"] * 4 + ["locked", "locked", "ok"]


def test_an_unknown_name_reads_like_a_wrong_password(county):
    with pytest.raises(accounts.SignInRefused) as unknown:
        accounts.sign_in(county, "nobody", "whatever-pass", now=T0)
    with pytest.raises(accounts.SignInRefused) as wrong:
        accounts.sign_in(county, "clerk", "whatever-pass", now=T0)
    assert str(unknown.value) == str(wrong.value)
    assert str(unknown.value).startswith("用户名或密码错误")


def test_disabled_accounts_cannot_sign_in_and_reset_clears_a_lock(county):
    accounts.set_disabled(county, "clerk", by="test")
    with pytest.raises(accounts.SignInRefused, match="用户名或密码错误"):
        accounts.sign_in(county, "clerk", "s3cret-pass", now=T0)
    with county.connect() as conn:
        assert conn.execute(select(AuditLog.result)).scalars().all()[-1] == "disabled"
    accounts.set_disabled(county, "clerk", False, by="test")
    for _ in range(5):
        with pytest.raises(accounts.SignInRefused):
            accounts.sign_in(county, "clerk", "wrong", now=T0)
    accounts.reset_password(county, "clerk", "new-password-1", by="test")
    assert accounts.sign_in(county, "clerk", "new-password-1", now=T0).name == "clerk"


def test_the_users_command_line(tmp_path, monkeypatch, capsys):
    url = f"sqlite:///{tmp_path / 'users.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    from data_access.db import make_engine

    seed(make_engine(url))
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("a-good-password\n"))
    assert cli(["users", "add", "wang", "--role", "editor", "--community", OLD_TOWN]) == 0
    assert cli(["users", "list"]) == 0
    assert f"wang\teditor\t{OLD_TOWN}\t正常" in capsys.readouterr().out
    assert cli(["users", "disable", "wang"]) == 0
    assert cli(["users", "disable", "li"]) == 2
    assert "用户 li 不存在" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("short\n"))
    assert cli(["users", "add", "li", "--role", "viewer"]) == 2


def test_unknown_wrong_locked_and_disabled_all_read_the_same(county):
    """The form must not tell which names exist, nor which accounts are locked or disabled: every
    refusal on the account reads alike, in both languages (the audit log keeps the reason)."""
    accounts.add_user(county, "gone", "s3cret-pass", "viewer", by="test")
    accounts.set_disabled(county, "gone", by="test")
    accounts.add_user(county, "barred", "s3cret-pass", "viewer", by="test")
    cases = [
        ("nobody", "s3cret-pass"),  # unknown name
        ("clerk", "wrong-pass"),  # wrong password, four left
        *[("barred", "wrong-pass")] * accounts.MAX_FAILED_ATTEMPTS,  # up to the lock
        ("barred", "wrong-pass"),  # locked, wrong password
        ("barred", "s3cret-pass"),  # locked, right password
        ("gone", "wrong-pass"),  # disabled, wrong password
        ("gone", "s3cret-pass"),  # disabled, right password
    ]
    seen = set()
    for name, password in cases:
        with pytest.raises(accounts.SignInRefused) as info:
            accounts.sign_in(county, name, password, now=T0)
        refusal = info.value
        seen.add((refusal.key, str(refusal), refusal.text("en")))
    assert len(seen) == 1, seen
    ((key, zh, en),) = seen
    assert zh.startswith("用户名或密码错误") and en.startswith("wrong user name or password")
    with county.connect() as conn:
        results = conn.execute(
            select(AuditLog.actor, AuditLog.result).where(AuditLog.action == "sign_in")
        ).all()
    assert ("barred", "locked") in results and ("gone", "disabled") in results
