"""AppTest fixtures: every page runs through app.py (sidebar included) on the seeded sample county.

The app's engine is a process-wide st.cache_resource, so all app tests share one SQLite file,
seeded once, chosen through DATABASE_URL before the first AppTest runs.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

from data_access.db import make_engine
from data_access.seeding import seed

APP = Path(__file__).resolve().parents[2] / "dashboard.py"


@pytest.fixture(scope="session", autouse=True)
def _entrypoint_always_runs():
    """Make AppTest run app.py on every run, as `streamlit run` does.

    AppTest resets PagesManager.uses_pages_directory before each run, and because our pages live
    in `pages/` (the brief's layout) the flag becomes True, so from the second run on AppTest takes the
    legacy MPA-v1 path and executes the page file alone, without app.py's sidebar
    (streamlit/streamlit#9446 was fixed only for apps without a pages/ folder). Our app always
    calls st.navigation, which sets the flag to False in a real server after its first run.
    """
    original = PagesManager.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    PagesManager.__init__ = init
    yield
    PagesManager.__init__ = original


@pytest.fixture(scope="session", autouse=True)
def app_database(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('appdb') / 'app.db'}"
    seed(make_engine(url))
    previous = os.environ.get("DATABASE_URL")
    os.environ["DATABASE_URL"] = url
    yield url
    if previous is None:
        os.environ.pop("DATABASE_URL", None)
    else:
        os.environ["DATABASE_URL"] = previous


def assert_clean(at: AppTest) -> None:
    """No exception box, no error box: the page ran as a user would see it."""
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def open_app_page(page: str | None = None, **query_params: str | list[str]) -> AppTest:
    """An AppTest that has run `page` (the overview when None) opened from a link with these
    parameters."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    if page is None:
        for key, value in query_params.items():
            at.query_params[key] = value
        return at.run()
    # A page is reached through the default page first (AppTest needs one run to know the
    # pages); then its URL is read afresh, as when a user opens a link to that page.
    at.run()
    at.switch_page(page)
    at.query_params.clear()  # a browser following a link to the page carries only the link's parameters
    for key, value in query_params.items():
        at.query_params[key] = value
    at.session_state["_url_loaded"] = False
    return at.run()


@pytest.fixture
def open_page() -> Callable[..., AppTest]:
    """open_page("pages/welfare.py", community="...") → an AppTest that has run that page."""
    return open_app_page


def metric_values(at: AppTest) -> dict[str, str]:
    """Label → shown value of every st.metric on the page."""
    return {m.label: m.value for m in at.metric}
