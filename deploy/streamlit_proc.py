"""Start `streamlit run` on 127.0.0.1 and wait until it answers: the one way the deployment script,
the browser tests and the browser benchmarks start an app server.

Streamlit binds its port before the script has run once, so "started" means its health route
answered 200; a process that exits first is reported with the end of its log.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(
    entry: str,
    port: int,
    log_path: Path,
    env: Mapping[str, str] | None = None,
    extra_args: Sequence[str] = (),
) -> subprocess.Popen:
    """`streamlit run entry` on 127.0.0.1:port (headless, no usage statistics), output to log_path."""
    log = log_path.open("w")
    try:
        return subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", entry,
             "--server.headless", "true", "--server.address", "127.0.0.1",
             "--server.port", str(port), "--browser.gatherUsageStats", "false", *extra_args],
            cwd=ROOT, env=dict(env if env is not None else os.environ), stdout=log,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
    finally:
        log.close()  # the child has its own descriptor


def wait_healthy(url: str, proc: subprocess.Popen, log_path: Path, timeout: float) -> None:
    """Until `url` answers 200; RuntimeError with the log's end if proc exits or time runs out."""
    deadline = time.time() + timeout
    while True:
        if proc.poll() is not None:
            tail = log_path.read_text(errors="replace")[-1500:]
            raise RuntimeError(f"{proc.args[0]} exited: {tail}")
        with contextlib.suppress(OSError):
            if urllib.request.urlopen(url, timeout=2).status == 200:
                return
        if time.time() > deadline:
            tail = log_path.read_text(errors="replace")[-1500:]
            raise RuntimeError(f"{url} not healthy in {timeout:.0f} s: {tail}")
        time.sleep(0.2)


def stop(proc: subprocess.Popen, grace: float = 15.0) -> None:
    proc.terminate()
    try:
        proc.wait(grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@contextlib.contextmanager
def serving(
    entry: str,
    log_dir: Path,
    *,
    port: int = 0,
    env: Mapping[str, str] | None = None,
    extra_args: Sequence[str] = (),
    timeout: float = 90.0,
) -> Iterator[tuple[str, subprocess.Popen]]:
    """(base URL, process) of a healthy server on `port` (any free one when 0); stopped on exit."""
    port = port or free_port()
    log_path = log_dir / f"streamlit-{port}.log"
    proc = start(entry, port, log_path, env, extra_args)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(base + "/_stcore/health", proc, log_path, timeout)
        yield base, proc
    finally:
        stop(proc)
