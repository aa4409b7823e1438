"""Local accounts: argon2 password hashes, roles, an editor's communities, lock after failures.

Used by the sign-in form and by `python -m data_access users …`; no Streamlit here. Every sign-in
attempt is written to the audit log (who, when, from which client, the result; never the
password), and so is every change to an account (`by`: who made it; the account changed is the
entry's message; never the password or its hash), in the transaction that makes the change.

Two limits on guessing: per account (five failures in a row lock it for 15 minutes) and per
client (ten failures within a minute, whatever names they tried, refuse that client's attempts
until the minute has passed — so one machine cannot try one password on every account). The
client's failures are counted from the audit log, so every app server behind one database
shares the count.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import DateTime, and_, case, func, literal, null, or_, select, update
from sqlalchemy.engine import Connection, Engine

from data_access import vocab
from data_access.admin.models import AuditLog, UserCommunity
from data_access.admin.models import User as UserRow
from data_access.admin.stamps import stamp_of
from data_access.admin.users import User
from data_access.areas.models import Community
from data_access.text import t

MAX_FAILED_ATTEMPTS = 5
LOCK_MINUTES = 15
MIN_PASSWORD_LENGTH = 8
CLIENT_MAX_FAILURES = 10
CLIENT_WINDOW = dt.timedelta(minutes=1)
_FAILURES = ("unknown", "disabled", "locked", "failed")  # "throttled" itself does not count
_HASHER = PasswordHasher()
_LANG = "zh"


class AccountError(ValueError):
    """A request about accounts that cannot be done: `key` and `kwargs` name the reason in any
    language; str() is the Chinese text (the command line's)."""

    def __init__(self, key: str, **kwargs: object):
        super().__init__(t(key, _LANG, **kwargs))
        self.key = key
        self.kwargs = kwargs

    def text(self, lang: str) -> str:
        return t(self.key, lang, **self.kwargs)


class SignInRefused(AccountError):
    """Wrong name or password, a disabled account, or a locked one: one message for all (the
    audit log says which), or the client's throttle."""


@dataclass(frozen=True)
class AccountInfo:
    name: str
    role: str
    communities: tuple[str, ...]
    disabled: bool
    locked_until: dt.datetime | None
    created_at: dt.datetime | None


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError("account.password_short", length=MIN_PASSWORD_LENGTH)


def _check_role(role: str, communities: tuple[str, ...]) -> None:
    if role not in vocab.USER_ROLES:
        raise AccountError("account.bad_role", role=role)
    if role == "editor" and not communities:
        raise AccountError("account.editor_needs_community")


def _check_communities(conn: Connection, communities: tuple[str, ...]) -> None:
    known = set(conn.execute(select(Community.code)).scalars())
    unknown = [c for c in communities if c not in known]
    if unknown:
        raise AccountError("account.unknown_community", codes=", ".join(unknown))


ACCOUNT_ACTIONS = ("user_add", "user_disable", "user_enable", "user_reset_password")


def _log_change(conn: Connection, action: str, by: str, account: str, detail: str = "") -> None:
    """One audit entry for a change made to `account` by `by` (message: the account, then what
    it was given). Refuses an empty `by`: an account change nobody made cannot be recorded."""
    actor = (by or "").strip()
    if not actor:
        raise AccountError("account.no_actor")
    conn.execute(
        AuditLog.__table__.insert().values(
            at=_now(),
            actor=actor[:100],
            action=action,
            rows=1,
            personal=False,
            result="ok",
            message=f"{account} · {detail}" if detail else account,
        )
    )


def add_user(
    engine: Engine,
    name: str,
    password: str,
    role: str,
    communities: tuple[str, ...] = (),
    *,
    by: str,
) -> None:
    """A new account; `by` is who adds it (recorded in the audit log)."""
    name = name.strip()
    if not name:
        raise AccountError("account.name_empty")
    _check_password(password)
    _check_role(role, communities)
    with engine.begin() as conn:
        if conn.execute(select(UserRow.name).where(UserRow.name == name)).first():
            raise AccountError("account.exists", name=name)
        _check_communities(conn, communities)
        conn.execute(
            UserRow.__table__.insert().values(
                name=name,
                password_hash=_HASHER.hash(password),
                role=role,
                disabled=False,
                failed_attempts=0,
            )
        )
        for code in dict.fromkeys(communities):
            conn.execute(
                UserCommunity.__table__.insert().values(user_name=name, community_code=code)
            )
        _log_change(conn, "user_add", by, name, " ".join((role, *dict.fromkeys(communities))))


def _row(conn: Connection, name: str):
    return conn.execute(select(UserRow.__table__).where(UserRow.name == name)).mappings().first()


def _communities(conn: Connection, name: str) -> tuple[str, ...]:
    stmt = select(UserCommunity.community_code).where(UserCommunity.user_name == name)
    return tuple(sorted(conn.execute(stmt).scalars()))


def list_users(engine: Engine) -> list[AccountInfo]:
    with engine.connect() as conn:
        rows = conn.execute(select(UserRow.__table__).order_by(UserRow.name)).mappings().all()
        return [
            AccountInfo(
                r["name"],
                r["role"],
                _communities(conn, r["name"]),
                bool(r["disabled"]),
                r["locked_until"],
                r["created_at"],
            )
            for r in rows
        ]


def _must_exist(conn: Connection, name: str):
    row = _row(conn, name)
    if row is None:
        raise AccountError("account.unknown", name=name)
    return row


def set_disabled(engine: Engine, name: str, disabled: bool = True, *, by: str) -> None:
    """Disable (or enable again) an account; `by` is who does it (recorded in the audit log)."""
    with engine.begin() as conn:
        _must_exist(conn, name)
        conn.execute(update(UserRow).where(UserRow.name == name).values(disabled=disabled))
        _log_change(conn, "user_disable" if disabled else "user_enable", by, name)


def reset_password(engine: Engine, name: str, password: str, *, by: str) -> None:
    """A new password; the lock and the failure count are cleared. `by` is who resets it."""
    _check_password(password)
    with engine.begin() as conn:
        _must_exist(conn, name)
        conn.execute(
            update(UserRow)
            .where(UserRow.name == name)
            .values(password_hash=_HASHER.hash(password), failed_attempts=0, locked_until=None)
        )
        _log_change(conn, "user_reset_password", by, name)


def _client_note(client: str) -> str:
    return f"client {client[:80]}"


def _log(conn: Connection, name: str, result: str, client: str | None, now: dt.datetime) -> None:
    conn.execute(
        AuditLog.__table__.insert().values(
            at=now,
            actor=name[:100],
            action="sign_in",
            rows=0,
            personal=False,
            result=result,
            message=_client_note(client) if client else None,
        )
    )


def client_failures(conn: Connection, client: str, now: dt.datetime) -> int:
    """Failed sign-ins from `client` within the last CLIENT_WINDOW, across all names."""
    stmt = (
        select(func.count())
        .select_from(AuditLog)
        .where(
            AuditLog.action == "sign_in",
            AuditLog.at > now - CLIENT_WINDOW,
            AuditLog.result.in_(_FAILURES),
            AuditLog.message == _client_note(client),
        )
    )
    return int(conn.execute(stmt).scalar_one())


def sign_in(
    engine: Engine,
    name: str,
    password: str,
    now: dt.datetime | None = None,
    client: str | None = None,
) -> User:
    """The user when the password is right; SignInRefused otherwise.

    The same message for an unknown name, a wrong password, a locked and a disabled account,
    so the form does not tell which names exist or what state they are in. The fifth failure in a row locks the account for 15 minutes, during which even
    the right password is refused. `client` (the reader's address, from the page) is throttled
    across names: CLIENT_MAX_FAILURES failures within CLIENT_WINDOW refuse its next attempts
    until they age out. The failure count and the log entry are committed before the refusal
    is raised. Parallel attempts are safe: the count and the lock are decided by one statement
    each (`_count_failure`), and the right password clears them only where no lock is in force."""
    now = now or _now()
    name = name.strip()
    with engine.begin() as conn:
        if client and client_failures(conn, client, now) >= CLIENT_MAX_FAILURES:
            _log(conn, name, "throttled", client, now)
            user, refusal = None, SignInRefused("account.throttled")
        else:
            user, refusal = _attempt(conn, name, password, now, client)
    if refusal is not None:
        raise refusal
    assert user is not None
    return user


def _count_failure(conn: Connection, name: str, now: dt.datetime) -> tuple[dt.datetime | None, int]:
    """Count one refused attempt on `name` and set the lock, in one statement: (the lock's end
    or None, the count).

    The row is read and written by the database itself (`failures + 1`), so attempts running
    in parallel all count: none can write a count it read before another attempt's write, and
    whichever reaches MAX_FAILED_ATTEMPTS sets the lock. A lock in force is kept; one that has
    run out starts the count again at this attempt."""
    expired = and_(UserRow.locked_until.is_not(None), UserRow.locked_until <= now)
    in_force = and_(UserRow.locked_until.is_not(None), UserRow.locked_until > now)
    count = case((expired, 1), else_=func.coalesce(UserRow.failed_attempts, 0) + 1)
    until = now + dt.timedelta(minutes=LOCK_MINUTES)
    stmt = (
        update(UserRow)
        .where(UserRow.name == name)
        .values(
            failed_attempts=count,
            locked_until=case(
                (in_force, UserRow.locked_until),
                (count >= MAX_FAILED_ATTEMPTS, literal(until, DateTime)),
                else_=null(),
            ),
        )
        .returning(UserRow.failed_attempts, UserRow.locked_until)
    )
    row = conn.execute(stmt).one()
    return row.locked_until, int(row.failed_attempts)


def _refused(
    conn: Connection, name: str, result: str, client: str | None, now: dt.datetime
) -> tuple[None, SignInRefused]:
    """Log why, and refuse with the one message for every reason: an unknown name, a wrong
    password, a locked or a disabled account all read alike, so the form tells nobody which
    names exist or what state an account is in. The message states the rule (five failures lock
    for 15 minutes) for the reader who is locked out; the audit log keeps the real reason."""
    _log(conn, name, result, client, now)
    return None, SignInRefused("account.wrong", attempts=MAX_FAILED_ATTEMPTS, minutes=LOCK_MINUTES)


def _attempt(
    conn: Connection, name: str, password: str, now: dt.datetime, client: str | None
) -> tuple[User | None, SignInRefused | None]:
    row = _row(conn, name)
    if row is None:
        return _refused(conn, name, "unknown", client, now)
    if row["disabled"]:
        return _refused(conn, name, "disabled", client, now)
    if row["locked_until"] is not None and row["locked_until"] > now:
        # Refused without looking at the password; the attempt still counts.
        _count_failure(conn, name, now)
        return _refused(conn, name, "locked", client, now)
    try:
        _HASHER.verify(row["password_hash"], password)
    except (VerificationError, InvalidHashError):
        until, _ = _count_failure(conn, name, now)
        # Logged "locked" when this failure set the lock, or a parallel one did.
        return _refused(conn, name, "failed" if until is None else "locked", client, now)
    # The right password signs in only if no parallel attempt locked (or an admin disabled) the
    # account since it was read above: the condition is checked by the write itself.
    clear = (
        update(UserRow)
        .where(
            UserRow.name == name,
            UserRow.disabled.is_(False),
            or_(UserRow.locked_until.is_(None), UserRow.locked_until <= now),
        )
        .values(failed_attempts=0, locked_until=None)
    )
    if conn.execute(clear).rowcount != 1:
        if _row(conn, name)["disabled"]:
            return _refused(conn, name, "disabled", client, now)
        _count_failure(conn, name, now)
        return _refused(conn, name, "locked", client, now)
    _log(conn, name, "ok", client, now)
    communities = _communities(conn, name)
    stamp = stamp_of(row["password_hash"], row["role"], bool(row["disabled"]), communities)
    return User(name, row["role"], communities, stamp=stamp), None
