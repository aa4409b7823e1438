"""The payment checks by grid: only for an admin or an editor of the grid's community. As the
editor of 老城, a link to a grid of 东部 (`/welfare?grid=…`) shows the lock notice, not 东部's
checks; and wherever a count is withheld ("<3") the money beside it is withheld too."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from components.auth import SESSION_KEY
from data_access.admin.users import User
from data_access.text import t
from tests.app.conftest import APP, assert_clean
from tests.conftest import EAST, OLD_TOWN

PAGE = "pages/welfare.py"
GRID = f"{EAST}001"  # the grid of the security report: 退出后仍发放 <3 笔
OLD_TOWN_EDITOR = User("clerk", "editor", (OLD_TOWN,))
EAST_EDITOR = User("east_clerk", "editor", (EAST,))
LOCK = t("privacy.grid_only_editors", "zh")


def _open(user: User, **params: str) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=120)
    at.session_state[SESSION_KEY] = user
    at.run()
    at.switch_page(PAGE)
    at.query_params.clear()
    for key, value in params.items():
        at.query_params[key] = value
    at.query_params["wel_sec"] = "integrity"  # the section of the payment checks
    at.session_state["_url_loaded"] = False
    return at.run()


def _captions(at: AppTest) -> str:
    return " ".join(c.value for c in at.caption)


def _check_metrics(at: AppTest) -> list[str]:
    labels = {
        t(f"wf.check.{c}", "zh") for c in ("missing_payment", "paid_after_end", "benefit_mismatch")
    }
    return [m.value for m in at.metric if m.label in labels]


def test_an_editor_of_another_community_gets_the_lock_on_a_grid_link():
    at = _open(OLD_TOWN_EDITOR, grid=GRID)
    assert_clean(at)
    assert LOCK in " ".join(i.value for i in at.info)
    assert not _check_metrics(at)
    assert "涉及金额" not in _captions(at)


@pytest.mark.parametrize("user", [EAST_EDITOR, User("boss", "admin")], ids=["editor", "admin"])
def test_the_grid_s_own_editor_sees_its_checks_without_an_amount_beside_a_small_count(user):
    at = _open(user, community=EAST, grid=GRID)
    assert_clean(at)
    counts = _check_metrics(at)
    assert len(counts) == 3
    assert any(c.startswith("<3") for c in counts)  # the case the report found
    # No amount of money next to a withheld count: "<3 笔，涉及金额 1,026 元" must not appear.
    for caption in (c.value for c in at.caption):
        if caption.startswith("涉及金额") and re.search(r"\d+ 元", caption):
            assert "<3" not in caption, caption
    assert t("wf.check.amount_withheld", "zh", households="<3") in _captions(at)


def test_whole_communities_keep_their_amounts():
    at = _open(OLD_TOWN_EDITOR, community=OLD_TOWN)
    assert_clean(at)
    assert len(_check_metrics(at)) == 3
    assert re.search(r"涉及金额 [\d,]+ 元", _captions(at))
