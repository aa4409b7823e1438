"""Command-line data management: import, template, backup, restore and users.

    python -m data_access import TABLE FILE [--dry-run] [--coordinates gcj02] [--user NAME]
    python -m data_access import roads FILE --replace [--dry-run]   (the whole street network)
    python -m data_access template TABLE OUT.xlsx      (or: template --all DIR)
    python -m data_access backup OUT.zip               restore IN.zip   (passphrase: asked, or
                                                       BACKUP_PASSPHRASE)
    python -m data_access users add NAME --role editor --community CODE [--by WHO]
    python -m data_access users list | disable NAME | enable NAME | reset-password NAME [--by WHO]

Exit 0 on success, 2 when the input is refused (one line per problem on stderr, nothing written).
Without --user an import runs with the rights of whoever can run commands on the server (an
admin); with --user the password is asked and that account's communities apply. Every account
change is written to the audit log as made by --by, or by the operating-system user running the
command when --by is not given.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path

from data_access.text import numbers, t

# The commands import what they use (SQLAlchemy, pandas, the import checks): `--help` stays fast.
COORDINATE_SYSTEMS = (
    "wgs84",
    "gcj02",
    "bd09",
)  # importing.coords.SYSTEMS (a test keeps them equal)


def make_engine(url: str | None):
    from data_access.db import make_engine as make

    return make(url)


def create_schema(engine) -> bool:
    from data_access.db import create_schema as create

    return create(engine)


_LANG = "zh"
_LISTED = 50  # keys listed per kind of change by import --replace


def _read_password(confirm: bool) -> str:
    """From the terminal (asked twice for a new one), else the first line of stdin."""
    from data_access.admin import accounts

    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(t("cli.users.password", _LANG))
    if confirm and getpass.getpass(t("cli.users.password_again", _LANG)) != first:
        raise accounts.AccountError("cli.users.password_mismatch")
    return first


PASSPHRASE_ENV = "BACKUP_PASSPHRASE"


def _passphrase(confirm: bool) -> str:
    """The backup passphrase: BACKUP_PASSPHRASE when set (scheduled backups), else asked on the
    terminal (twice for a new backup), else the first line of stdin."""
    from data_access.backup_crypto import SealProblem

    from_env = os.environ.get(PASSPHRASE_ENV, "")
    if from_env:
        return from_env
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(t("cli.backup.passphrase", _LANG))
    if confirm and getpass.getpass(t("cli.backup.passphrase_again", _LANG)) != first:
        raise SealProblem(t("cli.backup.passphrase_mismatch", _LANG))
    return first


def _print_problems(lines: list[str]) -> None:
    for line in lines:
        print(line, file=sys.stderr)


def cmd_import(args: argparse.Namespace, actor: str) -> int:
    from data_access import metrics
    from data_access.admin import accounts
    from data_access.admin.users import User
    from data_access.importing import importable_tables, limits, run_import

    if args.table not in importable_tables():
        print(t("data.unknown_table", _LANG, name=args.table), file=sys.stderr)
        return 2
    engine = make_engine(args.database_url)
    create_schema(engine)
    if not args.file.exists():
        print(t("data.file_missing", _LANG, file=str(args.file)), file=sys.stderr)
        return 2
    user = User(actor, "admin")
    if args.user:
        try:
            user = accounts.sign_in(engine, args.user, _read_password(confirm=False))
        except accounts.AccountError as exc:
            print(str(exc), file=sys.stderr)
            return 2
    # From its size before a byte is read: a 200 MB export must not take the server's memory.
    too_big = limits.size_problem(args.file.stat().st_size)
    if too_big:
        print(too_big, file=sys.stderr)
        print(t("cli.import.refused", _LANG, count=1), file=sys.stderr)
        return 2
    data = args.file.read_bytes()
    result = run_import(
        engine,
        args.table,
        data,
        args.file.name,
        user,
        dry_run=args.dry_run,
        coordinates=args.coordinates,
        replace=args.replace,
    )
    if result.problems:
        _print_problems([p.line() for p in result.problems])
        if result.more_problems:
            more = t(
                "cli.import.more", _LANG, more=result.more_problems, listed=len(result.problems)
            )
            print(more, file=sys.stderr)
        count = len(result.problems) + result.more_problems
        print(t("cli.import.refused", _LANG, count=count), file=sys.stderr)
        return 2
    key = "cli.import.dry_run" if args.dry_run else "cli.import.done"
    print(
        t(
            key,
            _LANG,
            rows=result.rows,
            added=result.added,
            updated=result.updated,
            unchanged=result.unchanged,
        )
    )
    if args.replace:
        _print_replaced(result)
    for warning in result.warnings:
        print(t("cli.import.warning", _LANG, text=warning))
    for change in result.figures:
        if change.changed:
            label = t(f"metric.{change.key}.label", _LANG)
            unit = metrics.get(change.key).unit
            before, after = (numbers.figure(v, unit, _LANG) for v in (change.before, change.after))
            print(t("cli.import.figure", _LANG, label=label, before=before, after=after))
    return 0


def _print_replaced(result) -> None:
    """The segments a --replace adds, changes and removes (the first _LISTED of each)."""
    print(t("cli.import.removed", _LANG, removed=result.removed))
    for kind, keys in (
        ("added", result.added_keys),
        ("updated", result.updated_keys),
        ("removed", result.removed_keys),
    ):
        if keys:
            shown = ", ".join(keys[:_LISTED])
            more = (
                t("cli.import.keys_more", _LANG, n=len(keys) - _LISTED)
                if len(keys) > _LISTED
                else ""
            )
            print(t(f"cli.import.keys_{kind}", _LANG, keys=shown, more=more))


def cmd_template(args: argparse.Namespace, actor: str) -> int:
    from data_access.importing import importable_tables
    from data_access.importing.templates import template

    tables = importable_tables() if args.all else (args.table,)
    if not args.all and args.table not in importable_tables():
        print(t("data.unknown_table", _LANG, name=args.table), file=sys.stderr)
        return 2
    for table in tables:
        out = args.out / f"{table}.xlsx" if args.all else args.out
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(template(table))
        print(out)
    return 0


def cmd_backup(args: argparse.Namespace, actor: str) -> int:
    from data_access.backup_crypto import SealProblem, check_passphrase
    from data_access.files_at_rest import write_private
    from data_access.importing.templates import sealed_backup

    try:
        passphrase = _passphrase(confirm=True)
        check_passphrase(passphrase)
    except SealProblem as exc:
        print(str(exc), file=sys.stderr)
        return 2
    engine = make_engine(args.database_url)
    create_schema(engine)
    write_private(args.out, sealed_backup(engine, actor, passphrase))
    print(t("cli.backup.done", _LANG, path=args.out))
    return 0


def cmd_restore(args: argparse.Namespace, actor: str) -> int:
    from data_access.admin.users import User
    from data_access.backup_crypto import SealProblem, is_sealed
    from data_access.db import is_empty
    from data_access.importing.templates import BackupProblem, restore_zip

    engine = make_engine(args.database_url)
    create_schema(engine)
    with engine.connect() as conn:
        if not is_empty(conn):
            print(t("cli.restore.not_empty", _LANG), file=sys.stderr)
            return 2
    archive = args.file.read_bytes()
    try:
        passphrase = _passphrase(confirm=False) if is_sealed(archive) else None
        results = restore_zip(engine, archive, User(actor, "admin"), passphrase)
    except (BackupProblem, SealProblem) as exc:
        print(str(exc), file=sys.stderr)
        return 2
    failed = [r for r in results if r.problems]
    if failed:
        _print_problems([f"{r.table}: {p.line()}" for r in failed for p in r.problems])
        print(t("backup.restore.failed", _LANG), file=sys.stderr)
        return 2
    for result in results:
        print(t("cli.restore.table", _LANG, table=result.table, rows=result.added))
    return 0


def cmd_users(args: argparse.Namespace, actor: str) -> int:
    from data_access.admin import accounts

    engine = make_engine(args.database_url)
    create_schema(engine)
    by = (args.by or "").strip() or actor
    try:
        if args.action == "add":
            communities = tuple(args.community or ())
            accounts.add_user(
                engine, args.name, _read_password(confirm=True), args.role, communities, by=by
            )
            print(t("cli.users.added", _LANG, name=args.name, role=args.role))
        elif args.action == "list":
            for a in accounts.list_users(engine):
                state = t(
                    "cli.users.state.disabled" if a.disabled else "cli.users.state.active", _LANG
                )
                print(f"{a.name}\t{a.role}\t{','.join(a.communities) or '-'}\t{state}")
        elif args.action in ("disable", "enable"):
            accounts.set_disabled(engine, args.name, args.action == "disable", by=by)
            print(t(f"cli.users.{args.action}d", _LANG, name=args.name))
        elif args.action == "reset-password":
            accounts.reset_password(engine, args.name, _read_password(confirm=True), by=by)
            print(t("cli.users.reset", _LANG, name=args.name))
    except accounts.AccountError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    return 0


def add_commands(sub, wrap: Callable) -> None:
    """Register the data-management subcommands; `wrap` gives each the operator's name."""
    p = sub.add_parser("import", help=t("cli.import.help", _LANG))
    p.add_argument("table", metavar="TABLE")  # checked by the command: the list needs the models
    p.add_argument("file", type=Path)
    p.add_argument("--dry-run", action="store_true", help=t("cli.import.dry_run.help", _LANG))
    p.add_argument(
        "--coordinates",
        choices=COORDINATE_SYSTEMS,
        default="wgs84",
        help=t("cli.import.coords.help", _LANG),
    )
    p.add_argument("--replace", action="store_true", help=t("cli.import.replace.help", _LANG))
    p.add_argument("--user", help=t("cli.import.user.help", _LANG))
    p.set_defaults(func=wrap(cmd_import))

    p = sub.add_parser("template", help=t("cli.template.help", _LANG))
    p.add_argument("table", nargs="?", default="")
    p.add_argument("out", type=Path)
    p.add_argument("--all", action="store_true", help=t("cli.template.all.help", _LANG))
    p.set_defaults(func=wrap(cmd_template))

    p = sub.add_parser("backup", help=t("cli.backup.help", _LANG))
    p.add_argument("out", type=Path)
    p.set_defaults(func=wrap(cmd_backup))

    p = sub.add_parser("restore", help=t("cli.restore.help", _LANG))
    p.add_argument("file", type=Path)
    p.set_defaults(func=wrap(cmd_restore))

    p = sub.add_parser("users", help=t("cli.users.help", _LANG))
    p.add_argument("action", choices=("add", "list", "disable", "enable", "reset-password"))
    p.add_argument("name", nargs="?", default="")
    p.add_argument("--role", default="viewer", choices=("viewer", "editor", "admin"))
    p.add_argument("--community", action="append", help=t("cli.users.community.help", _LANG))
    p.add_argument("--by", metavar="NAME", help=t("cli.users.by.help", _LANG))
    p.set_defaults(func=wrap(cmd_users))
