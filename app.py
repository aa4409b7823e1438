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
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route
from streamlit.runtime.pages_manager import PagesManager

from components import handoff
from components.registry import PAGES
from components.shell import NOT_FOUND_PARAM
from data_access.text import t

PagesManager.uses_pages_directory = False

# Streamlit's own routes and files (its reserved prefixes and the files of its static folder),
# and the app's one route of its own (components.handoff).
STREAMLIT_PREFIXES = frozenset({"_stcore", "media", "component", "static", "app", handoff.ROUTE})
STREAMLIT_FILES = frozenset({"favicon.png", "manifest.json", "index.html", "robots.txt"})
PAGE_PATHS = frozenset(spec.url_path for spec in PAGES)


def is_unknown(path: str) -> bool:
    """A path that is neither a page nor one of Streamlit's routes or files.

    A segment naming one of Streamlit's routes anywhere in the path passes through: the browser
    probes `/<page>/_stcore/health` to find the app's base path and must get Streamlit's 404.
    """
    clean = path.strip("/")
    if clean in PAGE_PATHS or clean in STREAMLIT_FILES:
        return False
    return not any(segment in STREAMLIT_PREFIXES for segment in clean.split("/"))


def _opens_a_page(scope) -> bool:
    """A browser navigating to a document (not a script's fetch or a health probe)."""
    accept = dict(scope.get("headers") or []).get(b"accept", b"")
    return scope["method"] in ("GET", "HEAD") and b"text/html" in accept


class UnknownPathRedirect:
    """ASGI middleware: send a browser asking for an unknown page to the not-found notice."""

    def __init__(self, asgi_app):
        self.asgi_app = asgi_app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and _opens_a_page(scope) and is_unknown(scope["path"]):
            target = f"/?{NOT_FOUND_PARAM}={quote(scope['path'][:200], safe='/')}"
            await RedirectResponse(target, status_code=303)(scope, receive, send)
            return
        await self.asgi_app(scope, receive, send)


async def handed_off(request) -> Response:
    """A file handed to one session (components.handoff): served once, then gone."""
    if request.method != "GET":  # a HEAD probe (a link preview) must not use the one download
        return Response(status_code=405, headers={"Allow": "GET"})
    item = handoff.take(request.path_params["token"])
    if item is None:
        # No session language here: both, Chinese first.
        return PlainTextResponse(
            f"{t('handoff.expired', 'zh')}\n{t('handoff.expired', 'en')}\n",
            status_code=404,
            headers={"Cache-Control": "no-store"},
        )
    return Response(
        item.data,
        media_type=item.mime,
        headers={
            "Content-Disposition": f'attachment; filename="{item.file_name}"',
            "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff",
        },
    )


app = st.App(
    "dashboard.py",
    middleware=[Middleware(UnknownPathRedirect)],
    routes=[Route(f"/{handoff.ROUTE}/{{token}}", handed_off, methods=["GET"])],
)
