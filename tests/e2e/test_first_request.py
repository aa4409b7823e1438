"""A fresh server's very first request — to / or straight to a page's link — shows the app: its
sidebar, the page's title and figures, and never Streamlit's own list of page files.

Each case starts a server of its own, so the first request really is the first. The launcher
(`streamlit run app.py`) is what users run; `dashboard.py` run directly shows that the guard at
the top of every page sends a legacy first run back through the script.
"""

from __future__ import annotations

import pytest

from components.registry import PAGES
from tests.e2e import act
from tests.e2e.conftest import assert_no_exception, served

TITLES = {
    "": "总览",
    "service_points": "服务网点",
    "welfare": "社会救助",
    "employment": "就业服务",
    "facilities": "设施建设",
    "community_life": "志愿·为老·平安",
    "data_admin": "数据管理",
    "review": "会议汇报 · 总体情况",
}
FILE_NAMES = (
    "app",
    "dashboard",
    "overview",
    "service points",
    "welfare",
    "employment",
    "facilities",
    "community life",
    "data admin",
    "review",
)
# Every entry of the sidebar's page list the page ever shows, recorded from the first paint by
# an observer (Streamlit's own list of page files would flash there on a legacy first run).
LEGACY_WATCH_JS = """
window.__navSeen = [];
new MutationObserver(() => {
  const nav = document.querySelector('[data-testid="stSidebarNav"]');
  if (!nav) return;
  for (const e of nav.querySelectorAll('a, span')) window.__navSeen.push(e.innerText.trim().toLowerCase());
}).observe(document, {subtree: true, childList: true, characterData: true});
"""


# The launcher for every page; the script run directly for the default page, a reader's deep
# link and an editor's (every page file starts with the same guard: tests/unit/test_page_files.py).
CASES = [(spec, "app.py") for spec in PAGES] + [
    (spec, "dashboard.py") for spec in PAGES if spec.url_path in ("", "welfare", "data_admin")
]


@pytest.mark.parametrize(
    ("spec", "entry"), CASES, ids=[f"{s.url_path or 'overview'}-{e}" for s, e in CASES]
)
def test_first_request_opens_the_page_itself(browser, seeded_db, tmp_path, spec, entry):
    with served(entry, seeded_db, tmp_path) as base:
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        page.add_init_script(LEGACY_WATCH_JS)
        page.goto(f"{base}/{spec.url_path}", wait_until="commit")
        act.wait_settled(page, quiet_ms=800)
        legacy = page.evaluate("() => window.__navSeen")
        assert not [item for item in legacy if item in FILE_NAMES], legacy
        assert_no_exception(page)
        assert page.locator("h1").first.inner_text() == TITLES[spec.url_path]
        sidebar = page.locator('[data-testid="stSidebar"]')
        assert "社会救助" in sidebar.inner_text()
        if spec.role != "viewer":
            # Not for an anonymous reader, even as a fresh server's first request: the sign-in
            # form, no upload, no figure.
            assert page.get_by_label("密码").count() == 1
            assert page.locator('[data-testid="stFileUploader"]').count() == 0
            assert page.locator('[data-testid="stMetric"]').count() == 0
            page.close()
            return
        assert "筛选" in sidebar.inner_text()
        assert page.locator('[data-testid="stMetric"]').count() >= 2
        page.close()
