"""deploy/nginx.conf in front of two small echo servers standing in for the app processes: the
headers it adds to every answer, the routes it refuses, and what it tells the app about the
client — whatever X-Forwarded-For / X-Real-IP the client sends, the app hears the address nginx
saw, so the per-client sign-in limit counts a client that varies them as one.

The real deployment (two Streamlit processes) is checked the same way in
tests/e2e/test_two_servers.py; this one needs only nginx, so it runs everywhere nginx is."""

from __future__ import annotations

import http.client
import re
import shutil
import subprocess
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from components.auth import client_from
from data_access.admin import accounts
from data_access.db import create_schema
from data_access.importing import limits
from deploy import streamlit_proc
from deploy.run_two_servers import ROOT, nginx_conf

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
pytestmark = pytest.mark.skipif(
    not Path(NGINX).exists(), reason="nginx missing: apt-get install -y nginx"
)
SECURITY_HEADERS = {
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


class _Echo(BaseHTTPRequestHandler):
    """Answers 200 to everything and keeps each request's path and headers."""

    seen: list[tuple[str, object]] = []

    def do_GET(self) -> None:  # noqa: N802 — the name http.server calls
        _Echo.seen.append((self.path, self.headers))
        body = b"ok"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args) -> None:
        pass


@pytest.fixture(scope="module")
def proxy(tmp_path_factory) -> Iterator[str]:
    servers = [ThreadingHTTPServer(("127.0.0.1", 0), _Echo) for _ in range(2)]
    for server in servers:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    run_dir = tmp_path_factory.mktemp("nginx")
    apps = [f"127.0.0.1:{s.server_port}" for s in servers]
    listen = f"127.0.0.1:{streamlit_proc.free_port()}"
    conf = run_dir / "nginx.conf"
    conf.write_text(nginx_conf(listen, apps, run_dir), encoding="utf-8")
    log = run_dir / "nginx-stderr.log"
    proc = subprocess.Popen(
        [NGINX, "-p", str(run_dir), "-c", str(conf), "-g", "daemon off;"],
        stdout=log.open("w"), stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        base = f"http://{listen}"
        streamlit_proc.wait_healthy(base + "/_stcore/health", proc, log, 30)
        yield base
    finally:
        streamlit_proc.stop(proc)
        for server in servers:
            server.shutdown()
            server.server_close()


def _get(url: str, headers: dict[str, str] | None = None) -> tuple[int, object]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, answer.headers
    except urllib.error.HTTPError as refused:
        return refused.code, refused.headers


@pytest.mark.parametrize("path", ["/", "/_stcore/health", "/_stcore/metrics"])
def test_every_answer_carries_the_security_headers_and_no_version(proxy, path):
    _, headers = _get(proxy + path)
    for name, value in SECURITY_HEADERS.items():
        assert headers.get(name) == value, name
    assert headers.get("Server") == "nginx"  # server_tokens off: no "nginx/1.x"


def test_the_metrics_route_is_not_passed_on(proxy):
    _Echo.seen.clear()
    status, _ = _get(proxy + "/_stcore/metrics")
    assert status == 404
    assert not [p for p, _ in _Echo.seen if p.startswith("/_stcore/metrics")]


def test_a_client_varying_forwarded_headers_is_one_client(proxy, empty_engine):
    create_schema(empty_engine)
    accounts.add_user(empty_engine, "clerk", "right-pass-1", "viewer", by="test")
    _Echo.seen.clear()
    for n in range(1, 13):
        spoof = f"198.51.100.{n}"
        _get(proxy + "/", {"X-Forwarded-For": spoof, "X-Real-IP": spoof})
    assert len(_Echo.seen) == 12
    for _, headers in _Echo.seen:
        assert headers.get("X-Forwarded-For") == "127.0.0.1"  # replaced, not appended to
        assert headers.get("X-Real-IP") == "127.0.0.1"
    # The app believes the proxy (its peer is this machine): one client, throttled after ten.
    clients = [client_from(None, headers) for _, headers in _Echo.seen]
    assert set(clients) == {"127.0.0.1"}
    keys = []
    for client in clients:
        with pytest.raises(accounts.SignInRefused) as info:
            accounts.sign_in(empty_engine, "clerk", "wrong-pass", client=client)
        keys.append(info.value.key)
    limit = accounts.CLIENT_MAX_FAILURES
    assert keys == ["account.wrong"] * limit + ["account.throttled"] * (12 - limit)


def test_headers_from_anyone_but_the_proxy_are_not_believed():
    spoofed = {"X-Forwarded-For": "198.51.100.7", "X-Real-Ip": "198.51.100.7"}
    assert client_from("203.0.113.9", spoofed) == "203.0.113.9"
    assert client_from(None, spoofed) == "198.51.100.7"  # from this machine: the proxy's word


def test_streamlit_refuses_a_large_file_before_nginx_and_nginx_says_why(proxy):
    """nginx's limit sits above the largest upload Streamlit sends (server.maxUploadSize plus the
    form around the file), so a file the uploader lets through (and the importer refuses in
    words when over its own 50 MB) is never cut off by nginx with a bare 413. A body over
    nginx's limit is answered in words."""
    conf = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    nginx_mb = int(re.search(r"client_max_body_size (\d+)m;", conf).group(1))
    assert nginx_mb * 1024 * 1024 >= limits.UPLOAD_CEILING_MB * 1024 * 1024 + 64 * 1024
    assert nginx_mb <= limits.UPLOAD_CEILING_MB + 2  # not much above: a bound on what it buffers

    host, port = proxy.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    conn.putrequest("PUT", "/_stcore/upload_file/session/file")
    conn.putheader("Content-Length", str((nginx_mb + 1) * 1024 * 1024))
    conn.endheaders()  # nginx answers from the header, before any of the body
    answer = conn.getresponse()
    text = answer.read().decode("utf-8")
    conn.close()
    assert answer.status == 413
    assert f"文件超过 {limits.UPLOAD_CEILING_MB} MB 上限" in text
    assert answer.getheader("X-Frame-Options") == "DENY"
