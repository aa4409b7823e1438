"""Journey: an editor's tab stays open while an admin runs `users disable e1` on the server. The
next thing the editor does shows that they were signed out — the sign-in form and why — and the
import they had checked is not written; the files the session was given to download are gone.
Each run checks the account (components.auth.check_session), so a run started from an old tab
is refused like a new one."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from sqlalchemy import func, select

from data_access.admin import accounts
from data_access.db import make_engine
from data_access.seeding import seed
from data_access.welfare.models import WelfareHousehold
from tests.conftest import OLD_TOWN
from tests.e2e import act
from tests.e2e.conftest import assert_no_exception, served
from tests.e2e.test_data_admin import (
    PASSWORD,
    _households_xlsx,
    _sign_in,
    _status,
    _table,
    _upload,
)


@pytest.fixture(scope="module")
def app_with_e1(tmp_path_factory):
    folder = tmp_path_factory.mktemp("e2e-session-end")
    url = f"sqlite:///{folder / 'session.db'}"
    engine = make_engine(url)
    seed(engine)
    accounts.add_user(engine, "e1", PASSWORD, "editor", (OLD_TOWN,), by="test")
    engine.dispose()
    with served("app.py", url, folder) as base:
        yield base, url


def _households(url: str) -> int:
    engine = make_engine(url)
    with engine.connect() as conn:
        count = conn.execute(select(func.count()).select_from(WelfareHousehold)).scalar_one()
    engine.dispose()
    return count


def test_a_disabled_account_is_signed_out_at_its_next_click(page, app_with_e1, tmp_path):
    base, db_url = app_with_e1
    act.goto(page, base + "/data_admin")
    _sign_in(page, "e1")
    template = act.download(page, page.get_by_role("button", name="下载此表模板"))
    assert "/media/" in template.url and _status(template.url) == 200
    before = _households(db_url)

    act.choose(page, _table(page, 1), "低保特困家庭")
    sheet = tmp_path / "两户.xlsx"
    _households_xlsx(sheet)
    _upload(page, sheet)
    assert page.get_by_text("检查通过").count() == 1

    # The admin, on the server, while e1's tab stays open.
    done = subprocess.run(
        [sys.executable, "-m", "data_access", "--database-url", db_url, "users", "disable", "e1"],
        capture_output=True,
        text=True,
        env={**os.environ, "DATABASE_URL": db_url},
        check=False,
    )
    assert done.returncode == 0, done.stderr

    notice = page.get_by_text("账号已被停用或修改")
    act.click_until(page, page.get_by_role("button", name="确认导入"), notice, quiet_ms=1000)
    assert_no_exception(page)
    assert notice.count() == 1
    assert page.get_by_label("密码").count() == 1  # the form, not the page
    assert page.get_by_text("导入完成").count() == 0
    assert page.locator('[data-testid="stFileUploaderDropzoneInput"]').count() == 0
    assert _households(db_url) == before  # the checked import was not written
    assert _status(template.url) == 404  # the session's downloads went with it
    assert page.watch.errors == []
