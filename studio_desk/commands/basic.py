"""``studio-desk`` (the window), ``demo``, ``check`` and ``backup``."""

from __future__ import annotations

import argparse
from pathlib import Path

from studio_desk.commands import db_path, how_to_begin, open_store
from studio_desk.core.errors import StudioDeskError


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("demo", parents=[common], help="创建一个带示例数据的演示数据库")
    p.add_argument("--force", action="store_true", help="目标文件已存在时覆盖它（仅限演示数据库）")
    p.set_defaults(run=run_demo)

    p = sub.add_parser("check", parents=[common], help="检查数据库文件，说明存在的问题（不修改文件）")
    p.set_defaults(run=run_check)

    p = sub.add_parser("backup", parents=[common], help="立即备份数据库")
    p.add_argument("--to", type=Path, default=None, metavar="文件夹", help="备份文件夹（默认：数据文件夹中的 backups）")
    p.set_defaults(run=run_backup)


def run_gui(args: argparse.Namespace) -> int:
    from studio_desk.ui.app import run_app

    if getattr(args, "demo", False):
        from studio_desk.core.demo import create_demo_database, default_demo_path

        demo = default_demo_path()
        if not demo.exists():
            create_demo_database(demo)
        return run_app(demo)
    return run_app(Path(args.db) if args.db else None)


def run_demo(args: argparse.Namespace) -> int:
    from studio_desk.core.demo import create_demo_database, default_demo_path

    target = Path(args.db) if args.db else default_demo_path()
    summary = create_demo_database(target, overwrite=args.force or not args.db)
    print(f"演示数据库已创建：{target.resolve()}")
    print("包含：" + "，".join(f"{name} {count} 条" for name, count in summary.items()))
    print(f"打开它：studio-desk --db \"{target.resolve()}\"")
    return 0


def run_check(args: argparse.Namespace) -> int:
    from studio_desk.core.db import check_file

    path = db_path(args)
    if not path.exists():
        raise StudioDeskError(f"找不到数据库文件“{path}”。{how_to_begin()}")
    report = check_file(path)
    print(f"检查：{path}")
    if report.version is not None:
        print(f"数据格式版本：第 {report.version} 版")
    if report.counts:
        print("记录数：" + "，".join(f"{k} {v} 条" for k, v in report.counts.items()))
    for problem in report.problems:
        print(("问题：" if not report.ok else "提示：") + problem)
    if report.ok:
        print("结论：数据库完好。")
        return 0
    print("结论：数据库有问题，文件未做任何改动。")
    return 1


def run_backup(args: argparse.Namespace) -> int:
    from studio_desk.core.backup import make_backup
    from studio_desk.paths import backups_dir

    target_dir = args.to or backups_dir()
    with open_store(args, create=False) as store:
        info = make_backup(store, target_dir, "manual")
    size = info.path.stat().st_size
    print(f"备份完成：{info.path}（{size / 1024:,.0f} KB）")
    return 0
