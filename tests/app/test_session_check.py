"""AppTest: the account is checked on every run. Disabling it, giving it a new password or a new
role signs an open session out at its next run, before the page runs (no upload, no import);
so does a session idle for longer than SESSION_IDLE_MINUTES. A notice says why, once."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import exc as sa_exc
from sqlalchemy import update

from components.auth import LAST_SEEN_KEY
from data_access.admin import accounts
from data_access.db import make_engine
from data_access.models import User as UserRow
from data_access.text import t
from tests.app.conftest import assert_clean
from tests.conftest import OLD_TOWN

PAGE = "pages/data_admin.py"
PASSWORD = "correct-horse-2"


@pytest.fixture
def account(app_database, request):
    """A fresh editor account per test (named after it), enabled, with PASSWORD."""
    engine = make_engine(app_database)
    name = "sc_" + request.node.name.removeprefix("test_")[:45]
    if name not in {a.name for a in accounts.list_users(engine)}:
        accounts.add_user(engine, name, PASSWORD, "editor", (OLD_TOWN,), by="test")
    yield engine, name
    engine.dispose()


def _signed_in(open_page, name: str):
    at = open_page(PAGE)
    at.text_input(key="_auth_name").input(name)
    at.text_input(key="_auth_password").input(PASSWORD)
    next(b for b in at.button if b.label == "登录").click().run()
    assert_clean(at)
    assert at.selectbox(key="admin_import_table")  # the page itself
    return at


def _signed_out(at) -> str:
    """The notice, after checking that the page did not run and the form is back."""
    assert_clean(at)
    assert [w.key for w in at.text_input] == ["_auth_name", "_auth_password"]
    assert not at.selectbox and not at.get("file_uploader")
    return " ".join(w.value for w in at.warning)


def test_a_disabled_account_is_signed_out_at_its_next_run(open_page, account):
    engine, name = account
    at = _signed_in(open_page, name)
    accounts.set_disabled(engine, name, True, by="admin")
    at.selectbox(key="admin_import_table").select_index(1).run()
    assert "账号已被停用或修改" in _signed_out(at)
    at.run()  # the notice is said once
    assert "账号已被停用或修改" not in " ".join(w.value for w in at.warning)


def test_a_new_password_signs_the_session_out(open_page, account):
    engine, name = account
    at = _signed_in(open_page, name)
    accounts.reset_password(engine, name, "another-horse-3", by="admin")
    at.run()
    assert "账号已被停用或修改" in _signed_out(at)


def test_a_new_role_signs_the_session_out(open_page, account):
    engine, name = account
    at = _signed_in(open_page, name)
    with engine.begin() as conn:
        conn.execute(update(UserRow).where(UserRow.name == name).values(role="viewer"))
    at.run()
    assert "账号已被停用或修改" in _signed_out(at)


def test_an_unchanged_account_stays_signed_in(open_page, account):
    _, name = account
    at = _signed_in(open_page, name)
    for _ in range(2):
        at.run()
        assert_clean(at)
        assert at.selectbox(key="admin_import_table")


def test_an_idle_session_is_signed_out(open_page, account, monkeypatch):
    _, name = account
    monkeypatch.setenv("SESSION_IDLE_MINUTES", "5")
    at = _signed_in(open_page, name)
    at.session_state[LAST_SEEN_KEY] = time.time() - 4 * 60  # within the limit: kept
    at.run()
    assert at.selectbox(key="admin_import_table")
    at.session_state[LAST_SEEN_KEY] = time.time() - 6 * 60
    at.run()
    assert "长时间未操作" in _signed_out(at)


def test_signing_in_while_the_database_is_away_shows_the_pages_notice(
    open_page, account, monkeypatch
):
    """The sign-in runs in the script, inside the page's error handling: the same Chinese
    notice as any page (no English error box), and the next sign-in works once it is back."""
    _, name = account
    real = accounts.sign_in

    def away(*args, **kwargs):
        raise sa_exc.TimeoutError("QueuePool limit reached, connection timed out")

    monkeypatch.setattr(accounts, "sign_in", away)
    at = open_page(PAGE)
    at.text_input(key="_auth_name").input(name)
    at.text_input(key="_auth_password").input(PASSWORD)
    next(b for b in at.button if b.label == "登录").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert t("dbfault.unavailable", "zh") in " ".join(w.value for w in at.warning)
    assert "_auth_pending" not in at.session_state  # the password is not kept for a retry

    monkeypatch.setattr(accounts, "sign_in", real)
    at.run()  # what the retry loop does once a probe succeeds
    assert_clean(at)
    assert [w.key for w in at.text_input] == ["_auth_name", "_auth_password"]
    at.text_input(key="_auth_name").input(name)
    at.text_input(key="_auth_password").input(PASSWORD)
    next(b for b in at.button if b.label == "登录").click().run()
    assert_clean(at)
    assert at.selectbox(key="admin_import_table")
