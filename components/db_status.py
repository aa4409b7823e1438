"""The database went away during a run: say so in the reader's language, retry, come back by itself.

dashboard.py runs a page inside `guarded`'s error handling. A database fault (see
`data_access.db_faults`) shows its message instead of the page and starts a small fragment that
ticks every second: it probes the database with backoff (1, 2, 4, 8, 15 s between probes) and,
once a probe succeeds, reruns the whole app, so the page returns without anyone pressing reload
and without restarting Streamlit. The engine's pool pre-pings on PostgreSQL, so connections left
over from before an outage are replaced on their next checkout.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from typing import TypeVar

import streamlit as st
from sqlalchemy import text

from components import data
from components.i18n import lang, t
from data_access.db import database_url
from data_access.db_faults import DatabaseFileGone, DbFault, classify, sqlite_file

T = TypeVar("T")
log = logging.getLogger(__name__)

_ATTEMPT = "_db_fault_attempt"
_NEXT_PROBE = "_db_fault_next_probe"
_QUICK_RETRIES = (0.2, 0.5)  # a restart or a failover often lasts less than a second
_MAX_DELAY_S = 15.0
# The SQLite file the pool's connections have open (device, inode), per path, for this process.
_OPEN_FILES: dict[str, tuple[int, int]] = {}


def fault_of(exc: BaseException) -> DbFault | None:
    return classify(exc, database_url())


def retrying(fn: Callable[[], T]) -> T:
    """fn(), tried again after short pauses while the database is only briefly unavailable."""
    for pause in _QUICK_RETRIES:
        try:
            return fn()
        except Exception as exc:
            fault = fault_of(exc)
            if fault is None or not fault.transient:
                raise
            log.warning(
                "database unavailable (%s); retrying in %.1f s", exc.__class__.__name__, pause
            )
            time.sleep(pause)
    return fn()


def check_file() -> None:
    """SQLite: the file the app opened must still be at its path, and a new file put there (a
    restored backup) must be opened anew.

    Open connections keep reading a deleted or replaced file through their handles, so without
    this a page would go on showing data that is gone, and a restored file would never be read.
    A path never opened yet is left alone: the first start creates the database.
    """
    path = sqlite_file(database_url())
    if path is None:
        return
    try:
        info = os.stat(path)
    except OSError:
        if path in _OPEN_FILES:
            raise DatabaseFileGone(path) from None
        return
    identity = (info.st_dev, info.st_ino)
    if _OPEN_FILES.setdefault(path, identity) != identity:
        data.engine().dispose()
        st.cache_data.clear()  # results are keyed on the data version, which a new file restarts
        _OPEN_FILES[path] = identity


def recovered() -> None:
    """A run reached the database: forget past failures."""
    st.session_state.pop(_ATTEMPT, None)
    st.session_state.pop(_NEXT_PROBE, None)


def delay(attempt: int) -> float:
    """Seconds until probe number `attempt` (1, 2, 4, 8, then every 15 s)."""
    return min(2.0 ** max(attempt - 1, 0), _MAX_DELAY_S)


def _probe() -> bool:
    try:
        check_file()
        with data.engine().connect() as conn:
            conn.execute(text("SELECT 1"))
        return True
    except Exception as exc:
        if fault_of(exc) is None:
            raise
        return False


@st.fragment(run_every=1.0)
def _retry_loop() -> None:
    attempt = st.session_state.get(_ATTEMPT, 1)
    now = time.monotonic()
    next_probe = st.session_state.setdefault(_NEXT_PROBE, now + delay(attempt))
    if now >= next_probe:
        if _probe():
            recovered()
            st.rerun(scope="app")
        attempt += 1
        st.session_state[_ATTEMPT] = attempt
        next_probe = st.session_state[_NEXT_PROBE] = now + delay(attempt)
    seconds = max(0, round(next_probe - now))
    st.caption(t("dbfault.retrying", attempt=attempt, seconds=seconds))


def show(exc: BaseException) -> bool:
    """Show the database fault behind `exc` and keep retrying; False if `exc` is not one."""
    fault = fault_of(exc)
    if fault is None:
        return False
    # The kind and the driver's class are enough for the operator; parameters are hidden anyway.
    log.warning("database fault %s (%s: %s)", fault.kind, exc.__class__.__name__, exc)
    if fault.transient:
        st.warning(fault.message(lang()), icon=":material/sync_problem:")
    else:
        st.error(fault.message(lang()), icon=":material/database:")
    _retry_loop()
    return True
