"""Journey: a community clerk signs in, uploads an Excel sheet of two new 低保 households, reads
the check and the figures it would move, confirms, and sees the overview change. Then every
control of 数据管理 is moved once by an admin. No exception box, no request leaves 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import io
import json
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import text

from data_access.admin import accounts
from data_access.backup_crypto import unseal
from data_access.db import make_engine
from data_access.idcard import make_id_number
from data_access.seeding import seed
from tests.conftest import OLD_TOWN, sample_rows
from tests.e2e import act
from tests.e2e.conftest import assert_no_exception, card_value, screenshot, served

PASSWORD = "clerk-password-1"
BACKUP_PASS = "e2e backup passphrase"
HEADERS = ["户编号", "社区代码", "网格代码", "小区编号", "救助类别", "户主姓名", "户主身份证号",
           "保障人数", "家庭人均月收入（元）", "月保障金（元）", "起始月份", "状态"]  # fmt: skip


@pytest.fixture(scope="module")
def admin_db(tmp_path_factory) -> str:
    return f"sqlite:///{tmp_path_factory.mktemp('e2e-admin') / 'admin.db'}"


@pytest.fixture(scope="module")
def admin_app(admin_db):
    """Its own database: the imports here must not change what other browser tests read."""
    url = admin_db
    folder = Path(url.removeprefix("sqlite:///")).parent
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
    act.type_into(page, page.get_by_label("用户名"), name, enter=False)
    act.type_into(page, page.get_by_label("密码"), PASSWORD, enter=False)
    act.click(page, page.get_by_role("button", name="登录"))
    page.get_by_text(f"当前用户：{name}").wait_for()


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def base_url(page) -> str:
    """The page's own address up to its last slash: where a relative link resolves."""
    return page.url.split("?")[0].rsplit("/", 1)[0] + "/"


def _table(page, n: int):
    """The n-th 数据表 select box: 0 the templates', 1 the imports'."""
    return page.locator('[data-testid="stSelectbox"]').filter(has_text="数据表").nth(n)


def _upload(page, path) -> None:
    since = act.arm(page)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(path))
    act.settle(page, since, quiet_ms=1000)


def test_a_clerk_imports_two_households_and_the_overview_follows(page, admin_app, tmp_path):
    act.goto(page, admin_app + "/data_admin")
    assert page.get_by_label("密码").count() == 1  # the sign-in form, not the page
    _sign_in(page, "clerk")
    assert_no_exception(page)
    assert page.get_by_text("当前用户：clerk（编辑员）").count() == 1

    act.choose(page, _table(page, 1), "低保特困家庭")
    sheet = tmp_path / "老城新增低保.xlsx"
    _households_xlsx(sheet)
    _upload(page, sheet)
    assert_no_exception(page)
    assert page.get_by_text("检查通过").count() == 1
    assert page.get_by_text("新增2行").count() >= 1
    screenshot(page, "data-admin-dry-run")
    done = page.get_by_text("导入完成")
    act.click_until(page, page.get_by_role("button", name="确认导入"), done, quiet_ms=1000)
    assert done.count() == 1

    act.nav_to(page, "总览")
    assert card_value(page, "低保对象") == "1,280人"  # 1,276 + two households of two
    assert_no_exception(page)
    assert page.watch.outside_requests() == []
    assert page.watch.errors == []


def test_an_admin_moves_every_control_of_the_page(page, admin_app, tmp_path):
    act.goto(page, admin_app + "/data_admin")
    _sign_in(page, "boss")

    # Templates: another table, its download, every template at once.
    act.choose(page, _table(page, 0), "救助标准")
    one = act.download_path(page, page.get_by_role("button", name="下载此表模板"))
    book = _workbook(one)
    assert book.worksheets[0]["A1"].value == "执行起始月份" and len(book.worksheets) == 2
    every = act.download_path(page, page.get_by_role("button", name="下载全部模板（ZIP）"))
    assert len(zipfile.ZipFile(every).namelist()) >= 20

    # A refused file: problems listed and downloadable; the coordinate system switched.
    act.radio(act.widget(page, "stRadio", "文件中的坐标系"), "GCJ-02（高德、腾讯）")
    act.choose(page, _table(page, 1), "便民服务点")
    bad = tmp_path / "bad.csv"
    bad.write_bytes("编号,社区代码,服务点类型,服务点名称,纬度,经度,状态,开办日期\n"
                    "FW9001,629901100001,reading_room,测试,35.57,104.63,火箭站,2022/13/1\n"
                    .encode("gb18030"))  # fmt: skip
    _upload(page, bad)
    assert page.get_by_text("发现").filter(has_text="未写入任何数据").count() == 1
    problems = act.download_path(
        page, page.get_by_role("button", name="下载问题清单（Excel，问题单元格标红）")
    )
    listed = _workbook(problems).worksheets[0]
    reasons = " ".join(str(c.value) for row in listed.iter_rows() for c in row)
    assert "火箭站" in reasons and "应为日期" in reasons

    # The audit log: sign-ins shown on request.
    act.choose(page, act.widget(page, "stMultiSelect", "操作类型"), "登录")
    assert page.get_by_text("boss").count() >= 1

    # The backup: encrypted with the passphrase given twice, handed out once by a link.
    act.type_into(page, page.get_by_label("备份口令", exact=True), BACKUP_PASS, enter=False)
    act.type_into(page, page.get_by_label("再输入一次口令"), BACKUP_PASS, enter=False)
    act.click(page, page.get_by_role("button", name="生成加密备份"), quiet_ms=1000)
    link = page.get_by_role("link", name="下载备份（已加密）")
    backup = act.download(page, link)
    sealed = Path(backup.path()).read_bytes()
    names = zipfile.ZipFile(io.BytesIO(unseal(sealed, BACKUP_PASS))).namelist()
    assert any(n.endswith("welfare_households.xlsx") for n in names)
    assert "/download/" in backup.url and _status(backup.url) == 404  # once only
    act.click(page, page.get_by_role("button", name="生成加密备份"), quiet_ms=1000)
    assert page.get_by_text("备份口令至少要有").count() == 1  # the form was cleared
    act.type_into(page, page.get_by_label("备份口令", exact=True), BACKUP_PASS, enter=False)
    act.type_into(page, page.get_by_label("再输入一次口令"), BACKUP_PASS, enter=False)
    act.click(page, page.get_by_role("button", name="生成加密备份"), quiet_ms=1000)
    unused = base_url(page) + page.get_by_role("link", name="下载备份（已加密）").get_attribute(
        "href"
    )
    screenshot(page, "data-admin-admin")

    # Sign out: the form again, and the link not used is gone too.
    act.click(page, page.get_by_role("button", name="退出登录"))
    assert page.get_by_label("密码").count() == 1
    assert _status(unused) == 404
    assert_no_exception(page)
    assert page.watch.outside_requests() == []


def test_an_admin_checks_a_gis_street_file_without_ids_on_the_page(
    page, admin_app, admin_db, tmp_path
):
    """A GeoJSON as QGIS exports it (a crs, a new lane without a feature id): accepted by the
    uploader (which listed spreadsheets only), checked like any file and drawn over the
    boundaries; with 替换整个道路网络 on it replaces the network, as `import roads FILE
    --replace` does: the segment it leaves out is gone from the database."""
    act.goto(page, admin_app + "/data_admin")
    _sign_in(page, "boss")
    act.choose(page, _table(page, 1), "道路（步行网络）", search="道路")
    # The toggle first (one check, not two: the AppTest reads the same file without it), then
    # the file: segments listed by kind and drawn, then the import; the database follows.
    act.click(page, page.get_by_text("替换整个道路网络"))
    _upload(page, _street_file(tmp_path, drop="RD00001", renamed="RD00002"))
    assert_no_exception(page)
    assert page.get_by_text("检查通过").count() == 1
    assert page.get_by_text("整体替换：新增1段，变化1段，删除1段").count() == 1
    listing = page.locator('[data-testid="stDataFrame"]').filter(has_text="路段编号")
    assert listing.count() == 1
    act.wait_map_drawn(page)
    for width, height in ((1440, 900), (1280, 720), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        act.wait_layout_still(page)
        screenshot(page, f"data-admin-replace-{width}x{height}")
    page.set_viewport_size({"width": 1440, "height": 900})
    done = page.get_by_text("导入完成")
    act.click_until(page, page.get_by_role("button", name="确认导入"), done, quiet_ms=1000)
    assert page.get_by_text("删除1段").count() >= 1
    engine = make_engine(admin_db)
    with engine.connect() as conn:
        names = dict(conn.execute(text("SELECT id, name FROM roads")).all())
    engine.dispose()
    new = [key for key in names if key.startswith("G")]  # the lane's key, from its line
    assert "RD00001" not in names and names["RD00002"] == "改名街" and len(new) == 1
    assert names[new[0]] == "新巷" and len(names) == len(sample_rows("roads"))  # 181 − 1 + 1
    assert_no_exception(page)
    assert page.watch.outside_requests() == []


def _street_file(folder: Path, drop: str, renamed: str) -> Path:
    """The sample network as a GIS export in CRS84: one segment left out, one renamed, and a new
    lane in the county, away from its streets, without a feature id (as QGIS writes it)."""
    features = [
        {
            "type": "Feature",
            "id": row["id"],
            "properties": {
                "name": "改名街" if row["id"] == renamed else row["name"],
                "walkable": row["walkable"] == "true",
            },
            "geometry": json.loads(row["geometry"]),
        }  # fmt: skip
        for row in sample_rows("roads")
        if row["id"] != drop
    ]
    lane = [[104.6600, 35.5900], [104.6612, 35.5900]]
    features.append({"type": "Feature", "properties": {"name": "新巷"},
                     "geometry": {"type": "LineString", "coordinates": lane}})  # fmt: skip
    crs = {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}}
    doc = {"type": "FeatureCollection", "crs": crs, "features": features}
    path = folder / "streets.geojson"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path
