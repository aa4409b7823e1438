"""The audit log as admins read it: imports, exports, backups, sign-ins and account changes,
newest first."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import case, select
from sqlalchemy.engine import Connection

from data_access.admin.accounts import ACCOUNT_ACTIONS
from data_access.admin.models import AuditLog

LOG_ACTIONS = ("import", "export", "backup", "sign_in", *ACCOUNT_ACTIONS)
LOG_COLUMNS = (
    "at",
    "actor",
    "action",
    "account",
    "tables",
    "file_name",
    "file_sha256",
    "rows",
    "rows_added",
    "rows_updated",
    "rows_refused",
    "result",
)


def audit_entries(
    conn: Connection, actions: tuple[str, ...] = (), limit: int = 200
) -> pd.DataFrame:
    """The latest entries of the audit log (all actions when none are named)."""
    # The account an account change was made to is its message; other messages (an import's
    # problems, a sign-in's client) are not shown here.
    account = case((AuditLog.action.in_(ACCOUNT_ACTIONS), AuditLog.message)).label("account")
    cols = [account if c == "account" else getattr(AuditLog, c) for c in LOG_COLUMNS]
    stmt = select(*cols).order_by(AuditLog.id.desc()).limit(limit)
    if actions:
        stmt = stmt.where(AuditLog.action.in_(actions))
    return pd.DataFrame(conn.execute(stmt).all(), columns=list(LOG_COLUMNS))
