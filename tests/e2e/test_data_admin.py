"""Journey: a community clerk signs in, uploads an Excel sheet of two new 低保 households, reads
the check and the figures it would move, confirms, and sees the overview change. Then every
control of 数据管理 is moved once by an admin. No exception box, no request leaves 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from data_access.admin import accounts
from data_access.db import make_engine
from data_access.idcard import make_id_number
from data_access.seeding import seed
from tests.conftest import OLD_TOWN, sample_rows
from tests.e2e.conftest import (
    assert_no_exception,
    card_value,
    nav_to,
    screenshot,
    served,
    wait_settled,
)

PASSWORD = "clerk-password-1"
HEADERS = ["户编号", "社区代码", "网格代码", "小区编号", "救助类别", "户主姓名", "户主身份证号",
           "保障人数", "家庭人均月收入（元）", "月保障金（元）", "起始月份", "状态"]  # fmt: skip


@pytest.fixture(scope="module")
def admin_app(tmp_path_factory):
    """Its own database: the imports here must not change what other browser tests read."""
    folder = tmp_path_factory.mktemp("e2e-admin")
    url = f"sqlite:///{folder / 'admin.db'}"
    engine = make_engine(url)
    seed(engine)
    accounts.add_user(engine, "clerk", PASSWORD, "editor", (OLD_TOWN,), by="test")
    accounts.add_user(engine, "boss", PASSWORD, "admin", by="test")
    engine.dispose()
    with served("app.py", url, folder) as base:
        yield base


def _households_xlsx(path, members: int = 2) -> None:
    compound = next(r for r in sample_rows("compounds") if r["community_code"] == OLD_TOWN)
    book = Workbook()
    ws = book.active
    ws.append(HEADERS)
    for n in (1, 2):
        id_number = make_id_number("629901", dt.date(1968, 3, n), 7, n == 1)
        ws.append(["E2E000" + str(n), OLD_TOWN, compound["grid_code"], compound["id"], "低保",
                   f"测试{n}", id_number, members, 320, "1,100", "2022年5月", "在保"])  # fmt: skip
        ws.cell(row=n + 1, column=7).number_format = "@"
    book.save(path)


def _workbook(path):
    """A downloaded workbook (Playwright keeps downloads without their extension)."""
    return load_workbook(io.BytesIO(Path(path).read_bytes()))


def _sign_in(page, name: str) -> None:
    page.get_by_label("用户名").fill(name)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.get_by_text(f"当前用户：{name}").wait_for(timeout=30_000)
    wait_settled(page)


def _pick(page, label: str, option: str) -> None:
    page.locator('[data-testid="stSelectbox"]').filter(has_text=label).first.click()
    page.locator('[role="option"]').filter(has_text=option).first.click()
    wait_settled(page)


def _signed_in_again_if_lost(page, name: str) -> None:
    """Two CI runs in parallel workers lost this page's content here (no template button for
    90 s) while other runs passed: keep what the page showed for the next reader of the log and,
    when it is the sign-in form again (a session lost when the websocket reconnected on a loaded
    machine), sign in once more; anything else fails as before."""
    button = page.get_by_role("button", name="下载此表模板")
    try:
        button.wait_for(timeout=20_000)
        return
    except Exception:  # noqa: BLE001 — the page is looked at below
        screenshot(page, "data-admin-template-button-missing")
        print(page.locator("body").inner_text()[:2000])
    if page.get_by_label("密码").count() == 0:
        raise AssertionError("数据管理 shows neither the template button nor the sign-in form")
    _sign_in(page, name)
    _pick(page, "数据表", "救助标准")


def _upload(page, path) -> None:
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(path))
    wait_settled(page, quiet_ms=1000)


def test_a_clerk_imports_two_households_and_the_overview_follows(page, admin_app, tmp_path):
    page.goto(admin_app + "/data_admin")
    wait_settled(page)
    assert page.get_by_label("密码").count() == 1  # the sign-in form, not the page
    _sign_in(page, "clerk")
    assert_no_exception(page)
    assert page.get_by_text("当前用户：clerk（编辑员）").count() == 1

    imports = page.locator('[data-testid="stSelectbox"]').filter(has_text="数据表").nth(1)
    imports.click()
    page.locator('[role="option"]').filter(has_text="低保特困家庭").first.click()
    wait_settled(page)
    sheet = tmp_path / "老城新增低保.xlsx"
    _households_xlsx(sheet)
    _upload(page, sheet)
    assert_no_exception(page)
    assert page.get_by_text("检查通过").count() == 1
    assert page.get_by_text("新增2行").count() >= 1
    screenshot(page, "data-admin-dry-run")
    page.get_by_role("button", name="确认导入").click()
    wait_settled(page, quiet_ms=1000)
    assert page.get_by_text("导入完成").count() == 1

    nav_to(page, "总览")
    assert card_value(page, "低保对象") == "1,280人"  # 1,276 + two households of two
    assert_no_exception(page)
    assert page.watch.outside_requests() == []
    assert page.watch.errors == []


def test_an_admin_moves_every_control_of_the_page(page, admin_app, tmp_path):
    page.goto(admin_app + "/data_admin")
    wait_settled(page)
    _sign_in(page, "boss")

    # Templates: another table, its download, every template at once.
    _pick(page, "数据表", "救助标准")
    _signed_in_again_if_lost(page, "boss")
    with page.expect_download() as one:
        page.get_by_role("button", name="下载此表模板").click()
    book = _workbook(one.value.path())
    assert book.worksheets[0]["A1"].value == "执行起始月份" and len(book.worksheets) == 2
    with page.expect_download() as every:
        page.get_by_role("button", name="下载全部模板（ZIP）").click()
    assert len(zipfile.ZipFile(every.value.path()).namelist()) >= 20

    # A refused file: problems listed and downloadable; the coordinate system switched.
    page.get_by_text("GCJ-02（高德、腾讯）").click()
    wait_settled(page)
    imports = page.locator('[data-testid="stSelectbox"]').filter(has_text="数据表").nth(1)
    imports.click()
    page.locator('[role="option"]').filter(has_text="便民服务点").first.click()
    wait_settled(page)
    bad = tmp_path / "bad.csv"
    bad.write_bytes("编号,社区代码,服务点类型,服务点名称,纬度,经度,状态,开办日期\n"
                    "FW9001,629901100001,reading_room,测试,35.57,104.63,火箭站,2022/13/1\n"
                    .encode("gb18030"))  # fmt: skip
    _upload(page, bad)
    assert page.get_by_text("发现").filter(has_text="未写入任何数据").count() == 1
    with page.expect_download() as problems:
        page.get_by_role("button", name="下载问题清单（Excel，问题单元格标红）").click()
    listed = _workbook(problems.value.path()).worksheets[0]
    reasons = " ".join(str(c.value) for row in listed.iter_rows() for c in row)
    assert "火箭站" in reasons and "应为日期" in reasons

    # The audit log: sign-ins shown on request.
    page.locator('[data-testid="stMultiSelect"]').filter(has_text="操作类型").click()
    page.locator('[role="option"]').filter(has_text="登录").first.click()
    wait_settled(page)
    page.keyboard.press("Escape")
    assert page.get_by_text("boss").count() >= 1

    # The backup.
    page.get_by_role("button", name="生成备份").click()
    wait_settled(page, quiet_ms=1000)
    with page.expect_download() as backup:
        page.get_by_role("button", name="下载备份（ZIP）").click()
    names = zipfile.ZipFile(backup.value.path()).namelist()
    assert any(n.endswith("welfare_households.xlsx") for n in names)
    screenshot(page, "data-admin-admin")

    # Sign out: the form again.
    page.get_by_role("button", name="退出登录").click()
    wait_settled(page)
    assert page.get_by_label("密码").count() == 1
    assert_no_exception(page)
    assert page.watch.outside_requests() == []
