"""社区建设看板 (Community Dashboard): `streamlit run app.py`.

This file is the launcher: it serves dashboard.py (the Streamlit script: navigation, sidebar,
pages) through `st.App`, which lets the server do two things a plain script cannot:

- Unknown paths such as /welfare/extra get a "page not found" page instead of a blank one.
  Streamlit answers every unknown path with its index page, whose relative asset links then
  point under the unknown folder, so the browser never loads the app at all.
- The `pages/` folder is never treated as a legacy multipage app. Streamlit decides that when a
  server's first session starts (`PagesManager.uses_pages_directory`), so before the script has
  called st.navigation a first visitor saw Streamlit's own page list ("app / overview / ...")
  and a deep link ran its page file alone. Setting the flag here, before any session, removes
  both; every page still starts with a guard (components.guard) in case the script is run
  without this launcher.
"""

from __future__ import annotations

from urllib.parse import quote

import streamlit as st
from starlette.middleware import Middleware
from starlette.responses import RedirectResponse
from streamlit.runtime.pages_manager import PagesManager

from components.registry import PAGES
from components.shell import NOT_FOUND_PARAM

PagesManager.uses_pages_directory = False

# Streamlit's own routes and files (its reserved prefixes and the files of its static folder).
STREAMLIT_PREFIXES = frozenset({"_stcore", "media", "component", "static", "app"})
STREAMLIT_FILES = frozenset({"favicon.png", "manifest.json", "index.html", "robots.txt"})
PAGE_PATHS = frozenset(spec.url_path for spec in PAGES)


def is_unknown(path: str) -> bool:
    """A path that is neither a page nor one of Streamlit's routes or files."""
    clean = path.strip("/")
    parts = clean.split("/")
    # The browser looks for the server under the page's own path first
    # (/service_points/_stcore/health): Streamlit must answer that 404, not a redirect to a page,
    # or the browser opens its connection there and is refused.
    return not (
        clean in PAGE_PATHS
        or clean in STREAMLIT_FILES
        or parts[0] in STREAMLIT_PREFIXES
        or "_stcore" in parts
    )


class UnknownPathRedirect:
    """ASGI middleware: send a browser asking for an unknown path to the not-found notice."""

    def __init__(self, asgi_app):
        self.asgi_app = asgi_app

    async def __call__(self, scope, receive, send):
        if (
            scope["type"] == "http"
            and scope["method"] in ("GET", "HEAD")
            and is_unknown(scope["path"])
        ):
            target = f"/?{NOT_FOUND_PARAM}={quote(scope['path'][:200], safe='/')}"
            await RedirectResponse(target, status_code=303)(scope, receive, send)
            return
        await self.asgi_app(scope, receive, send)


app = st.App("dashboard.py", middleware=[Middleware(UnknownPathRedirect)])
