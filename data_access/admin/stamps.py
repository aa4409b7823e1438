"""The stamp of an account: what a signed-in session must still match on every run.

A session keeps the `User` its sign-in returned, so without a check a disabled account, a reset
password or a changed role would go on working in a tab that stays open. The stamp is a digest of
everything that decides what the account may do — its password hash, role, disabled flag and
communities — taken at sign-in; each run compares it with the account as it is now, and a
difference (or an account that is gone) signs the session out. No column is added: a password
reset changes the hash, so it changes the stamp.
"""

from __future__ import annotations

import hashlib

from sqlalchemy import select
from sqlalchemy.engine import Connection, Engine

from data_access.admin.models import User as UserRow
from data_access.admin.models import UserCommunity
from data_access.admin.users import User


def stamp_of(password_hash: str, role: str, disabled: bool, communities: tuple[str, ...]) -> str:
    """The digest of an account's rights (the hash is only ever compared, never shown)."""
    parts = (password_hash, role, "1" if disabled else "0", ",".join(sorted(communities)))
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def current_stamp(conn: Connection, name: str) -> str | None:
    """The account's stamp as it is now; None when there is no such account."""
    row = conn.execute(select(UserRow.__table__).where(UserRow.name == name)).mappings().first()
    if row is None:
        return None
    stmt = select(UserCommunity.community_code).where(UserCommunity.user_name == name)
    communities = tuple(conn.execute(stmt).scalars())
    return stamp_of(row["password_hash"], row["role"], bool(row["disabled"]), communities)


def still_valid(engine: Engine, user: User) -> bool:
    """Whether a session's user may go on: the account unchanged since its sign-in. A user that
    no sign-in issued (no stamp: the command line's operator, tests) is not an account session."""
    if user.stamp is None:
        return True
    with engine.connect() as conn:
        return current_stamp(conn, user.name) == user.stamp
