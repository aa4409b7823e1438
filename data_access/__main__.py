"""Command line: python -m data_access init | seed [--dir] [--replace] | export DIR.

Exit 0 on success, 2 on invalid input (one line per problem on stderr, nothing written).
New commands (import, generate, users) register a subparser in `build_parser`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from data_access.db import create_schema, make_engine
from data_access.seeding import SAMPLE_DIR, SeedError, export, seed


def cmd_init(args: argparse.Namespace) -> int:
    engine = make_engine(args.database_url)
    created = create_schema(engine)
    print("已创建或升级数据库结构" if created else "数据库结构已是最新，未做改动")
    return 0


def cmd_seed(args: argparse.Namespace) -> int:
    engine = make_engine(args.database_url)
    try:
        result = seed(engine, args.dir, replace=args.replace)
    except SeedError as exc:
        for line in exc.problems:
            print(line, file=sys.stderr)
        return 2
    for name, count in result.inserted.items():
        print(f"{name}: 新增 {count} 行，已存在 {result.skipped[name]} 行")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    engine = make_engine(args.database_url)
    create_schema(engine)
    for name, count in export(engine, args.dir).items():
        print(f"{name}: {count} 行 -> {args.dir / (name + '.csv')}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m data_access", description="社区建设看板 数据命令"
    )
    parser.add_argument(
        "--database-url",
        help="数据库地址（默认取环境变量 DATABASE_URL，否则为 data/ 下的 SQLite 文件）",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser(
        "init",
        help="创建数据库结构，或把旧数据库升级到当前结构（SQLite、PostgreSQL；已是最新则不改动）",
    )
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("seed", help="载入示例县数据（可重复执行，不会重复插入）")
    p.add_argument("--dir", type=Path, default=SAMPLE_DIR, help="示例数据目录（默认 sample_data/）")
    p.add_argument("--replace", action="store_true", help="先清空各数据表再载入（会删除已有数据）")
    p.set_defaults(func=cmd_seed)

    p = sub.add_parser("export", help="把每张表导出为 CSV")
    p.add_argument("dir", type=Path, help="导出目录")
    p.set_defaults(func=cmd_export)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except SQLAlchemyError as exc:
        # The operator needs the reason, not a traceback: e.g. the server is down or the URL is wrong.
        print(f"数据库错误：{exc.__class__.__name__}: {str(exc).splitlines()[0]}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
