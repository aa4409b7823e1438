"""Files handed to one session once: a backup is served from `/download/<token>` a single time,
then forgotten.

Streamlit's own downloads live at `/media/<id>` for as long as the session shows the button,
answer anyone who has the address (no cookie is asked for) and are written to the proxy's access
log. A backup — every name and ID number of the county, even if encrypted — is handed out
differently: the page of a signed-in admin puts the bytes here under a random token and shows a
link to it; the first request for the token takes the bytes away (a second one, or a copy of the
address from a log, gets 404), and a token not used within TTL_SECONDS or left by a session that
signed out is dropped. The store is this process's memory: nginx's route cookie sends the
browser back to the process that served its page (deploy/nginx.conf).
"""

from __future__ import annotations

import secrets
import threading
import time
from dataclasses import dataclass

TTL_SECONDS = 300.0
ROUTE = "download"  # served by app.py at /download/<token>


@dataclass(frozen=True)
class Handoff:
    data: bytes
    file_name: str
    mime: str
    owner: str  # the Streamlit session it was made for
    expires: float


_LOCK = threading.Lock()
_WAITING: dict[str, Handoff] = {}


def _drop_expired(now: float) -> None:
    for token in [k for k, h in _WAITING.items() if h.expires <= now]:
        del _WAITING[token]


def offer(data: bytes, file_name: str, mime: str, owner: str, now: float | None = None) -> str:
    """Keep `data` for one download by `owner`'s link; the token for its address."""
    now = time.monotonic() if now is None else now
    token = secrets.token_urlsafe(32)
    with _LOCK:
        _drop_expired(now)
        _WAITING[token] = Handoff(data, file_name, mime, owner, now + TTL_SECONDS)
    return token


def take(token: str, now: float | None = None) -> Handoff | None:
    """The file behind `token`, removed from the store; None when unknown, used or expired."""
    now = time.monotonic() if now is None else now
    with _LOCK:
        _drop_expired(now)
        return _WAITING.pop(token, None)


def drop_owner(owner: str) -> int:
    """Forget every file waiting for `owner` (its session signed out); how many there were."""
    with _LOCK:
        tokens = [k for k, h in _WAITING.items() if h.owner == owner]
        for token in tokens:
            del _WAITING[token]
    return len(tokens)


def waiting() -> int:
    with _LOCK:
        return len(_WAITING)
