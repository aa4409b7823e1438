"""Command line: python -m data_access init | seed [--dir] [--replace] | export DIR |
generate --communities N [--seed S] [--out DIR], and the
data-management commands of `cli_data` (import, template, backup, restore, users).

Exit 0 on success, 2 on invalid input (one line per problem on stderr, nothing written).

Start-up is kept short (`--help` well under a second): SQLAlchemy, pandas and the domain modules
are imported by the command that needs them, not here.
"""

from __future__ import annotations

import argparse
import getpass
import socket
import sys
import time
from pathlib import Path

from data_access import cli_data
from data_access.text import t

# The operators who run these commands read Chinese.
_LANG = "zh"


def _actor() -> str:
    """Who runs the command, for the audit log (the operating-system account until sign-in)."""
    try:
        return f"{getpass.getuser()}@{socket.gethostname()}"
    except (OSError, KeyError):
        return "unknown"


def make_engine(url: str | None):
    from data_access.db import make_engine as make

    return make(url)


def create_schema(engine) -> bool:
    from data_access.db import create_schema as create

    return create(engine)


def cmd_init(args: argparse.Namespace) -> int:
    engine = make_engine(args.database_url)
    created = create_schema(engine)
    print(t("cli.init.created" if created else "cli.init.exists", _LANG))
    return 0


def cmd_seed(args: argparse.Namespace) -> int:
    from data_access.seeding import SAMPLE_DIR, SeedError, seed

    engine = make_engine(args.database_url)
    try:
        result = seed(engine, args.dir or SAMPLE_DIR, replace=args.replace)
    except SeedError as exc:
        for line in exc.problems:
            print(line, file=sys.stderr)
        return 2
    for name, count in result.inserted.items():
        print(t("cli.seed.counts", _LANG, table=name, inserted=count, skipped=result.skipped[name]))
    return 0


def _confirmed_personal(args: argparse.Namespace) -> bool:
    """--include-personal needs --yes, or a "yes" typed at a terminal."""
    if args.yes:
        return True
    if not sys.stdin.isatty():
        print(t("cli.export.personal.needs_yes", _LANG), file=sys.stderr)
        return False
    answer = input(t("cli.export.personal.confirm", _LANG))
    return answer.strip().lower() in ("yes", "y", t("cli.export.personal.yes_word", _LANG))


def cmd_export(args: argparse.Namespace) -> int:
    from data_access.seeding import export

    if args.include_personal and not _confirmed_personal(args):
        return 2
    engine = make_engine(args.database_url)
    create_schema(engine)
    counts = export(engine, args.dir, include_personal=args.include_personal, actor=_actor())
    if not args.include_personal:
        print(t("cli.export.masked", _LANG))
    for name, count in counts.items():
        print(t("cli.export.counts", _LANG, table=name, count=count, path=args.dir / f"{name}.csv"))
    return 0


def cmd_generate(args: argparse.Namespace) -> int:
    from data_access.sample import scale, scale_load

    started = time.perf_counter()
    tables = scale.generate(args.communities, args.seed)
    generated = time.perf_counter() - started
    if args.out is not None:
        for name, count in scale_load.write_dir(tables, args.out).items():
            print(t("cli.generate.done", _LANG, table=name, count=count))
        return 0
    engine = make_engine(args.database_url)
    try:
        result = scale_load.load(engine, tables, args.mode)
    except scale_load.LoadError as exc:
        print(t("cli.generate.refused", _LANG, table=exc.table), file=sys.stderr)
        for line in exc.problems[:50]:
            print(line, file=sys.stderr)
        return 2
    for name, count in result.rows.items():
        print(t("cli.generate.done", _LANG, table=name, count=count))
    print(
        t(
            "cli.generate.loaded",
            _LANG,
            mode=result.mode,
            gen=f"{generated:.1f}",
            load=f"{result.total_seconds:.1f}",
        )
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m data_access", description=t("cli.description", _LANG)
    )
    parser.add_argument(
        "--database-url",
        help=t("cli.database_url.help", _LANG),
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("init", help=t("cli.init.help", _LANG))
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("seed", help=t("cli.seed.help", _LANG))
    p.add_argument("--dir", type=Path, default=None, help=t("cli.seed.dir.help", _LANG))
    p.add_argument("--replace", action="store_true", help=t("cli.seed.replace.help", _LANG))
    p.set_defaults(func=cmd_seed)

    p = sub.add_parser("export", help=t("cli.export.help", _LANG))
    p.add_argument("dir", type=Path, help=t("cli.export.dir.help", _LANG))
    p.add_argument(
        "--include-personal", action="store_true", help=t("cli.export.personal.help", _LANG)
    )
    p.add_argument("--yes", action="store_true", help=t("cli.export.yes.help", _LANG))
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("generate", help=t("cli.generate.help", _LANG))
    p.add_argument(
        "--communities", type=int, required=True, help=t("cli.generate.communities.help", _LANG)
    )
    p.add_argument("--seed", type=int, default=2022, help=t("cli.generate.seed.help", _LANG))
    p.add_argument("--out", type=Path, help=t("cli.generate.out.help", _LANG))
    p.add_argument(
        "--mode",
        choices=("auto", "validated", "bulk"),
        default="auto",
        help=t("cli.generate.mode.help", _LANG),
    )
    p.set_defaults(func=cmd_generate)

    cli_data.add_commands(sub, lambda fn: lambda args: fn(args, _actor()))
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from sqlalchemy.exc import SQLAlchemyError

    from data_access.migrations import SchemaError

    try:
        return args.func(args)
    except SQLAlchemyError as exc:
        # The operator needs the reason, not a traceback: e.g. the server is down or the URL is wrong.
        detail = str(exc).splitlines()[0]
        print(t("cli.db_error", _LANG, kind=exc.__class__.__name__, detail=detail), file=sys.stderr)
        return 1
    except SchemaError as exc:
        # A partial database or one migrated by newer code: say so, change nothing.
        print(t("cli.schema_error", _LANG, detail=exc.text(_LANG)), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
