"""Every change to an account is in the audit log: what was done, to which account and by whom,
from Python and from `python -m data_access users`; never the password or its hash; a refused
change and `users list` write nothing."""

from __future__ import annotations

import io

import pytest
from sqlalchemy import select

from data_access import cli_data
from data_access.__main__ import main as cli
from data_access.admin import accounts
from data_access.db import create_schema
from data_access.models import AuditLog
from data_access.models import User as UserRow
from data_access.tables import table, typed_rows
from tests.conftest import OLD_TOWN, sample_rows

PASSWORD = "first-password-1"
NEW_PASSWORD = "second-password-2"


@pytest.fixture
def db(empty_engine):
    """A schema and one community (an editor needs one), without the whole sample county."""
    create_schema(empty_engine)
    rows, problems = typed_rows("communities", sample_rows("communities")[:1])
    assert not problems and rows[0]["code"] == OLD_TOWN
    with empty_engine.begin() as conn:
        conn.execute(table("communities").insert(), rows)
    return empty_engine


def _log(engine) -> list[tuple]:
    with engine.connect() as conn:
        return [
            tuple(r)
            for r in conn.execute(
                select(AuditLog.action, AuditLog.actor, AuditLog.message).order_by(AuditLog.id)
            )
        ]


def _everything_logged(engine) -> str:
    with engine.connect() as conn:
        return "\n".join(repr(tuple(r)) for r in conn.execute(select(AuditLog.__table__)))


def _hash(engine, name: str) -> str:
    with engine.connect() as conn:
        return conn.execute(select(UserRow.password_hash).where(UserRow.name == name)).scalar_one()


def test_each_change_from_python_writes_one_entry(db):
    accounts.add_user(db, "clerk", PASSWORD, "editor", (OLD_TOWN,), by="boss")
    first_hash = _hash(db, "clerk")
    accounts.set_disabled(db, "clerk", by="boss")
    accounts.set_disabled(db, "clerk", False, by="deputy")
    accounts.reset_password(db, "clerk", NEW_PASSWORD, by="boss")
    assert _log(db) == [
        ("user_add", "boss", f"clerk · editor {OLD_TOWN}"),
        ("user_disable", "boss", "clerk"),
        ("user_enable", "deputy", "clerk"),
        ("user_reset_password", "boss", "clerk"),
    ]
    logged = _everything_logged(db)
    for secret in (PASSWORD, NEW_PASSWORD, first_hash, _hash(db, "clerk"), "$argon2"):
        assert secret not in logged


def test_a_refused_change_writes_nothing_and_a_change_needs_someone_who_made_it(db):
    with pytest.raises(accounts.AccountError, match="不存在"):
        accounts.set_disabled(db, "nobody", by="boss")
    with pytest.raises(accounts.AccountError, match="至少8位"):
        accounts.add_user(db, "clerk", "short", "viewer", by="boss")
    with pytest.raises(accounts.AccountError, match="--by"):
        accounts.add_user(db, "clerk", PASSWORD, "viewer", by="  ")
    assert _log(db) == [] and accounts.list_users(db) == []


def _run(monkeypatch, engine, args: list[str], stdin: str = "") -> int:
    monkeypatch.setattr(cli_data, "make_engine", lambda url: engine)
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return cli(["users", *args])


def test_each_users_command_writes_one_entry_naming_who_ran_it(db, monkeypatch):
    monkeypatch.setattr("getpass.getuser", lambda: "osuser")
    add = ["add", "wang", "--role", "editor", "--community", OLD_TOWN, "--by", "李主任"]
    assert _run(monkeypatch, db, add, PASSWORD + "\n") == 0
    assert _run(monkeypatch, db, ["disable", "wang", "--by", "李主任"]) == 0
    assert _run(monkeypatch, db, ["enable", "wang"]) == 0  # no --by: the OS user
    assert _run(monkeypatch, db, ["reset-password", "wang", "--by", "李主任"], NEW_PASSWORD) == 0
    assert _run(monkeypatch, db, ["list"]) == 0
    assert _run(monkeypatch, db, ["disable", "nobody", "--by", "李主任"]) == 2
    entries = _log(db)
    assert [(a, m) for a, _, m in entries] == [
        ("user_add", f"wang · editor {OLD_TOWN}"),
        ("user_disable", "wang"),
        ("user_enable", "wang"),
        ("user_reset_password", "wang"),
    ]
    actors = [actor for _, actor, _ in entries]
    assert actors[:2] == ["李主任", "李主任"] and actors[3] == "李主任"
    assert actors[2].startswith("osuser@")
    assert accounts.sign_in(db, "wang", NEW_PASSWORD).name == "wang"
    logged = _everything_logged(db)
    assert PASSWORD not in logged and NEW_PASSWORD not in logged and "$argon2" not in logged


def test_the_help_says_who_is_recorded(capsys):
    with pytest.raises(SystemExit):
        cli(["users", "--help"])
    out = capsys.readouterr().out
    assert "--by" in out and "操作系统用户" in out
