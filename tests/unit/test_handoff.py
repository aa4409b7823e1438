"""A backup is handed out once: the link's first GET takes the file, a second one (or a copy of
the address from the proxy's log) gets 404, as does a link older than TTL_SECONDS or one whose
session signed out. A HEAD probe does not use it up."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from starlette.applications import Starlette
from starlette.routing import Route

from app import handed_off, is_unknown
from components import handoff


@dataclass
class Answer:
    status_code: int
    headers: dict[str, str]
    content: bytes

    @property
    def text(self) -> str:
        return self.content.decode()


class _Client:
    """The route in a bare Starlette app, called through ASGI (no HTTP client needed)."""

    def __init__(self) -> None:
        route = Route(f"/{handoff.ROUTE}/{{token}}", handed_off, methods=["GET"])
        self.app = Starlette(routes=[route])

    def _call(self, method: str, path: str) -> Answer:
        scope = {"type": "http", "method": method, "path": path, "headers": [],
                 "query_string": b"", "http_version": "1.1", "scheme": "http",
                 "server": ("test", 80), "root_path": ""}  # fmt: skip
        sent: list[dict] = []

        async def receive():
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message):
            sent.append(message)

        # In a thread of its own: a browser test earlier in the process may leave its event
        # loop running on this one.
        with ThreadPoolExecutor(max_workers=1) as pool:
            pool.submit(asyncio.run, self.app(scope, receive, send)).result()
        start = sent[0]
        headers = {k.decode().lower(): v.decode() for k, v in start["headers"]}
        body = b"".join(m.get("body", b"") for m in sent[1:])
        return Answer(start["status"], headers, body)

    def get(self, path: str) -> Answer:
        return self._call("GET", path)

    def head(self, path: str) -> Answer:
        return self._call("HEAD", path)


def _client() -> _Client:
    return _Client()


def test_a_link_serves_its_file_once():
    token = handoff.offer(b"sealed", "backup.zip.enc", "application/octet-stream", "s1")
    client = _client()
    assert client.head(f"/download/{token}").status_code == 405
    first = client.get(f"/download/{token}")
    assert first.status_code == 200 and first.content == b"sealed"
    assert first.headers["content-disposition"] == 'attachment; filename="backup.zip.enc"'
    assert first.headers["cache-control"] == "no-store"
    again = client.get(f"/download/{token}")
    assert again.status_code == 404 and "链接已失效" in again.text


def test_an_old_link_and_a_signed_out_session_s_link_are_gone():
    old = handoff.offer(b"a", "a", "application/octet-stream", "s2", now=0.0)
    assert handoff.take(old, now=handoff.TTL_SECONDS + 1) is None
    kept = handoff.offer(b"b", "b", "application/octet-stream", "s3")
    mine = [handoff.offer(b"c", "c", "application/octet-stream", "s4") for _ in range(2)]
    assert handoff.drop_owner("s4") == 2
    assert all(handoff.take(t) is None for t in mine)
    assert handoff.take(kept) is not None


def test_tokens_cannot_be_guessed_and_the_route_is_not_a_missing_page():
    tokens = {handoff.offer(b"", "x", "text/plain", "s5") for _ in range(50)}
    assert len(tokens) == 50 and min(len(t) for t in tokens) >= 40
    handoff.drop_owner("s5")
    assert _client().get("/download/not-a-token").status_code == 404
    assert not is_unknown("/download/abc")
