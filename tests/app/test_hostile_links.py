"""Every page opened from a hostile link — SQL fragments, script, NUL, random text and long
lists in the sidebar's and the page's own parameters — runs without an exception or error box,
names what it ignored in one notice, and falls back to the defaults. A 10,000-value list is
dropped whole by Streamlit (more than 1,000 parameters): the page opens on its defaults."""

from __future__ import annotations

import pytest

from components.filters import K_COMMUNITIES, K_GRIDS, K_LANG
from components.registry import PAGES
from components.url import _NOTICES, MAX_VALUES
from tests.app.conftest import assert_clean, open_app_page

SQL = "' OR 1=1; DROP TABLE communities; --"
SCRIPT = "<script>alert(1)</script>"
MANY = [f"{i:012d}" for i in range(MAX_VALUES + 100)]


def _hostile(spec) -> dict[str, str | list[str]]:
    params: dict[str, str | list[str]] = {
        "community": [SQL, *MANY],
        "grid": [SCRIPT, "\x00", *MANY[:50]],
        "from": SQL,
        "to": "9999-99",
        "lang": SCRIPT,
        "present": "\x00",
        "x' OR '1'='1": "1",
    }
    for param in spec.params:
        # Short lists here: Streamlit drops a query string of over 1,000 parameters whole.
        params[param.name] = [SQL, *MANY[:50]] if param.multiple else SCRIPT
    return params


@pytest.mark.parametrize(
    "spec", [s for s in PAGES if s.role == "viewer"], ids=lambda s: s.url_path or "overview"
)
def test_a_hostile_link_is_ignored_with_one_notice(spec):
    at = open_app_page(None if not spec.url_path else spec.file, **_hostile(spec))
    assert_clean(at)
    url_notices = [w.value for w in at.warning if "已忽略" in w.value]
    assert len(url_notices) == 1 and "及其他" in url_notices[0]  # one notice, cut short
    notices = " ".join(at.session_state[_NOTICES])
    assert f"“社区”有 {len(MANY) + 1} 个值，只读取前 {MAX_VALUES} 个" in notices
    # Nothing hostile was kept: the sidebar is on its defaults.
    assert at.session_state[K_COMMUNITIES] == [] and at.session_state[K_GRIDS] == []
    assert at.session_state[K_LANG] == "zh"
    assert not {"community", "grid", "from", "to", "x' OR '1'='1"} & set(at.query_params)


def test_a_link_of_ten_thousand_values_opens_the_page_on_its_defaults():
    at = open_app_page(None, community=[SQL, *(f"{i:012d}" for i in range(10_000))])
    assert_clean(at)
    assert at.session_state[K_COMMUNITIES] == []
