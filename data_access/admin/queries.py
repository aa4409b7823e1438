"""The audit log as admins read it: imports, exports, backups and sign-ins, newest first."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import select
from sqlalchemy.engine import Connection

from data_access.admin.models import AuditLog

LOG_COLUMNS = (
    "at",
    "actor",
    "action",
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
    cols = [getattr(AuditLog, c) for c in LOG_COLUMNS]
    stmt = select(*cols).order_by(AuditLog.id.desc()).limit(limit)
    if actions:
        stmt = stmt.where(AuditLog.action.in_(actions))
    return pd.DataFrame(conn.execute(stmt).all(), columns=list(LOG_COLUMNS))
