"""AppTest: sign-in, who may open 数据管理, the lock after five wrong passwords, the login
requirement on every page (deep links too), rosters for an editor of the community."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from data_access.admin import accounts
from data_access.admin.users import User
from data_access.db import make_engine
from data_access.importing import run_import
from data_access.importing.templates import template
from tests.app.conftest import assert_clean
from tests.conftest import EAST, OLD_TOWN, sample_rows

PAGE = "pages/data_admin.py"
PASSWORD = "correct-horse-1"


@pytest.fixture(scope="module")
def users(app_database):
    engine = make_engine(app_database)
    for name, role, communities in (
        ("app_editor", "editor", (OLD_TOWN,)),
        ("app_admin", "admin", ()),
        ("app_viewer", "viewer", ()),
        ("app_locked", "editor", (EAST,)),
    ):
        if name not in {a.name for a in accounts.list_users(engine)}:
            accounts.add_user(engine, name, PASSWORD, role, communities, by="test")
    # One import attempt in the log, beside the sign-ins (rows with and without a table).
    run_import(engine, "honours", template("honours"), "honours.xlsx", User("app_admin", "admin"))
    engine.dispose()


def _sign_in(at, name: str, password: str = PASSWORD):
    at.text_input(key="_auth_name").input(name)
    at.text_input(key="_auth_password").input(password)
    at.button[0].click() if False else None
    form_button = next(b for b in at.button if b.label in ("登录", "Sign in"))
    form_button.click().run()
    return at


def _texts(at) -> str:
    parts = [e.value for e in (*at.markdown, *at.caption, *at.info, *at.error, *at.success)]
    return " ".join(str(p) for p in parts)


def test_an_anonymous_reader_gets_the_sign_in_form_on_a_deep_link(open_page, users):
    at = open_page(PAGE)
    assert_clean(at)
    assert [w.key for w in at.text_input] == ["_auth_name", "_auth_password"]
    assert not at.selectbox  # no table picker, no upload
    assert "此页面供编辑员和管理员使用" in _texts(at)


def test_an_editor_signs_in_sees_their_tables_and_signs_out(open_page, users):
    at = _sign_in(open_page(PAGE), "app_editor")
    assert_clean(at)
    picker = at.selectbox(key="admin_import_table")
    assert "低保特困家庭" in picker.options
    # County-wide tables are for admins only.
    assert "救助标准" not in picker.options and "设施类别" not in picker.options
    assert "老城社区" in _texts(at)
    assert "当前用户：app_editor（编辑员）" in _texts(at)
    assert "admin_log_actions" not in [m.key for m in at.multiselect]  # the log is for admins
    at.sidebar.button(key="_auth_sign_out").click().run()
    assert [w.key for w in at.text_input] == ["_auth_name", "_auth_password"]
    assert "未登录" in _texts(at)


def test_an_admin_sees_every_table_and_the_audit_log(open_page, users):
    at = _sign_in(open_page(PAGE), "app_admin")
    assert_clean(at)
    options = at.selectbox(key="admin_import_table").options
    assert "救助标准" in options and "目标" in options
    at.multiselect(key="admin_log_actions").set_value(["import", "sign_in"]).run()
    assert_clean(at)
    shown = at.dataframe[0].value
    assert "app_admin" in set(shown.iloc[:, 1])


def test_the_admin_reads_who_changed_which_account(open_page, users):
    at = _sign_in(open_page(PAGE), "app_admin")
    at.multiselect(key="admin_log_actions").set_value(["user_add"]).run()
    assert_clean(at)
    shown = at.dataframe[0].value
    assert list(shown.columns[:4]) == ["时间", "用户", "操作", "账号"]
    added = shown[shown["账号"].str.startswith("app_editor ")]
    assert list(added["操作"]) == ["添加账号"] and list(added["用户"]) == ["test"]


def test_a_viewer_account_is_refused_the_page(open_page, users):
    at = _sign_in(open_page(PAGE), "app_viewer")
    assert_clean(at)
    assert "无权打开此页面" in " ".join(w.value for w in at.warning)
    assert not at.selectbox


def test_five_wrong_passwords_lock_the_account(open_page, users):
    at = open_page(PAGE)
    messages = set()
    for _ in range(5):
        _sign_in(at, "app_locked", "wrong-password")
        messages.add(" ".join(e.value for e in at.error))
    _sign_in(at, "app_locked", PASSWORD)  # even the right password, while locked
    messages.add(" ".join(e.value for e in at.error))
    _sign_in(at, "app_nobody", PASSWORD)  # an unknown name reads the same
    messages.add(" ".join(e.value for e in at.error))
    assert len(messages) == 1 and messages.pop().startswith("用户名或密码错误")
    assert [w.key for w in at.text_input] == ["_auth_name", "_auth_password"]
    assert not at.selectbox


def test_with_login_required_every_page_shows_the_form_first(open_page, users, monkeypatch):
    monkeypatch.setenv("REQUIRE_LOGIN", "1")
    for page in (None, "pages/welfare.py", "pages/service_points.py"):
        at = open_page(page) if page else open_page()
        assert_clean(at)
        assert not at.metric, page
        assert "本看板需要登录后才能查看" in _texts(at)
    at = _sign_in(open_page("pages/welfare.py"), "app_viewer")
    assert at.metric  # a viewer account may read aggregates


def test_an_editor_sees_the_masked_roster_of_their_community(open_page, users):
    at = _sign_in(open_page(PAGE), "app_editor")
    at.switch_page("pages/welfare.py").run()
    at.button_group(key="pw_wel_sec").set_value("roster").run()  # the roster's own section
    assert_clean(at)
    rosters = [d.value for d in at.dataframe if d.value.shape[0] > 20]
    assert rosters, "the roster appears for the editor"
    text = rosters[-1].to_string()
    assert "*" in text  # names and ID numbers masked
    assert "东部" not in text  # only their own community


def _street_file(drop: str, renamed: str) -> bytes:
    """The sample network as a GIS export: one segment left out, one renamed, one new lane."""
    features = []
    for row in sample_rows("roads"):
        if row["id"] == drop:
            continue
        name = "改名街" if row["id"] == renamed else row["name"]
        features.append({"type": "Feature", "id": row["id"],
                         "properties": {"name": name, "walkable": row["walkable"] == "true"},
                         "geometry": json.loads(row["geometry"])})  # fmt: skip
    lane = [[104.6600, 35.5900], [104.6612, 35.5900]]
    features.append({"type": "Feature", "id": "NEW1", "properties": {"name": "新巷"},
                     "geometry": {"type": "LineString", "coordinates": lane}})  # fmt: skip
    return json.dumps({"type": "FeatureCollection", "features": features}).encode()


def _roads(url: str) -> set[str]:
    engine = make_engine(url)
    with engine.connect() as conn:
        ids = {r[0] for r in conn.execute(text("SELECT id FROM roads"))}
    engine.dispose()
    return ids


def test_the_admin_checks_a_replacing_street_file_and_sees_what_it_adds_changes_and_removes(
    open_page, users, app_database
):
    before = _roads(app_database)
    at = _sign_in(open_page(PAGE), "app_admin")
    at.selectbox(key="admin_import_table").set_value("roads").run()
    replace = at.toggle(key="admin_replace")
    assert replace.value is False and "删除" in replace.help  # off by default, says what it does
    at.get("file_uploader")[0].set_value(
        ("streets.geojson", _street_file("RD00001", "RD00002"), "application/geo+json")
    ).run()
    assert_clean(at)
    # Without replacing: the missing segment stays, nothing is listed as removed.
    assert "整体替换" not in _texts(at)
    assert "新增1行，更新1行" in " ".join(s.value for s in at.success)

    at.toggle(key="admin_replace").set_value(True).run()
    assert_clean(at)
    assert "整体替换：新增1段，变化1段，删除1段" in _texts(at)
    assert "删除 1 段道路" in " ".join(w.value for w in at.warning)
    listed = next(d.value for d in at.dataframe if "路段编号" in d.value.columns)
    assert sorted(map(tuple, listed.values.tolist())) == [
        ("删除", "RD00001"), ("变化", "RD00002"), ("新增", "NEW1"),
    ]  # fmt: skip
    # The map: the file's segments over the communities, the removed one among them.
    deck = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    layers = {layer["id"]: layer for layer in deck["layers"]}
    drawn = layers["admin-preview-lines"]["data"]
    kinds = [p["t1"] for p in drawn]
    assert {p["width"] for p in drawn if p["t1"] != "不变"} == {4}  # changes wider than the rest
    assert kinds.count("删除") == 1 and kinds.count("新增") == 1 and kinds.count("变化") == 1
    assert "boundaries-community" in layers
    assert deck["mapStyle"] == "__MAP_STYLE__"  # no basemap: Streamlit fetches no tile
    assert _roads(app_database) == before  # the dry run wrote nothing


def test_a_compound_file_is_drawn_as_points_over_the_boundaries_and_no_replace_is_offered(
    open_page, users
):
    rows = sample_rows("compounds")
    # One compound moved 1 km north.
    moved = dict(rows[0], lat=str(round(float(rows[0]["lat"]) + 0.01, 6)))
    lines = [",".join(rows[0].keys())] + [",".join(r.values()) for r in (moved, *rows[1:])]
    at = _sign_in(open_page(PAGE), "app_admin")
    at.selectbox(key="admin_import_table").set_value("compounds").run()
    assert "admin_replace" not in [w.key for w in at.toggle]  # the street network only
    at.get("file_uploader")[0].set_value(
        ("compounds.csv", "\n".join(lines).encode(), "text/csv")
    ).run()
    assert_clean(at)
    deck = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    points = next(x for x in deck["layers"] if x["id"] == "admin-preview-points")["data"]
    assert len(points) == len(rows)
    first = next(p for p in points if p["t1"] == "变化")
    assert (first["t0"], first["lat"]) == (rows[0]["name"], round(float(moved["lat"]), 5))
    assert f"变化：1个、不变：{len(rows) - 1}个" in at.get("deck_gl_json_chart")[0].proto.alt
