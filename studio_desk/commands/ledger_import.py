"""``studio-desk import FILE.xlsx [--add-members] [--dry-run]``: import ledgers, all or nothing."""

from __future__ import annotations

import argparse
from pathlib import Path

from studio_desk.commands import db_path, open_store
from studio_desk.core.store import Store

MAX_LISTED = 200  # problems printed; the count says how many more there are


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "import",
        parents=[common],
        help="从 Excel 台账导入记录（先检查全部内容，有问题则一条也不导入）",
    )
    p.add_argument("file", type=Path, metavar="FILE.xlsx", help="要导入的 Excel 台账文件（只读取，不修改）")
    p.add_argument(
        "--add-members", action="store_true", help="把名册中没有的委员加入名册（默认：作为问题列出）"
    )
    p.add_argument(
        "--restore-deleted", action="store_true", help="表中有已删除的记录时，把它们恢复（默认：作为问题列出）"
    )
    p.add_argument(
        "--include-hidden", action="store_true", help="同时导入隐藏的工作表（默认：列出并略过）"
    )
    p.add_argument("--dry-run", action="store_true", help="只检查并列出将导入的内容，不写入数据库")
    p.set_defaults(run=run_import)


def run_import(args: argparse.Namespace) -> int:
    from studio_desk.core.open import discard_new_database, not_made_yet

    path = db_path(args)
    new = not args.dry_run and not_made_yet(path)
    code = 1
    try:
        with open_store(args, create=True, scratch=args.dry_run) as store:
            code = _import(args, store, new)
    finally:
        # A refused import (or a file that cannot be read) into a database made for it leaves
        # no empty database behind.
        if code != 0 and new and discard_new_database(path):
            print(f"刚才新建的数据库“{path}”没有写入任何内容，已删除。")
    return code


def _import(args: argparse.Namespace, store: Store, new: bool) -> int:
    from studio_desk.exports.ledger_import import apply_plan, read_ledgers

    plan = read_ledgers(
        store, args.file, add_unknown_members=args.add_members, restore_deleted=args.restore_deleted,
        include_hidden=args.include_hidden,
    )
    print(f"文件：{args.file}")
    for sheet, ledger in plan.sheets.items():
        print(f"工作表“{sheet}”按{ledger}读取")
    for note in plan.notes:
        print(f"提示：{note}")
    if plan.problems:
        print(f"{plan.problems_line('加上 --add-members 把他们加入名册')}，未导入任何数据：")
        for problem in plan.problems[:MAX_LISTED]:
            print(f"  {problem.text()}")
        if len(plan.problems) > MAX_LISTED:
            print(f"  ……另有 {len(plan.problems) - MAX_LISTED:,} 处问题未列出。")
        print("请改正后重新导入。原文件未改动。" if new else "请改正后重新导入。数据库和原文件均未改动。")
        return 1
    print(f"检查通过：{plan.summary()}。")
    if plan.studio_name:
        print(f"工作室还没有名称：将按台账标题设为“{plan.studio_name}”（可在“工作室信息”中修改）。")
    for item in plan.changes[:MAX_LISTED]:
        print(f"  修改 “{item.sheet}”第 {item.row} 行 {item.summary()}：" + "、".join(item.changed))
    for item in plan.conflicts[:MAX_LISTED]:
        print(f"  冲突 “{item.sheet}”第 {item.row} 行 {item.summary()}：{item.conflict_text()}")
    if args.dry_run:
        print("（仅检查，未写入数据库。）")
        return 0
    result = apply_plan(store, plan)
    print(result.text())
    if result.backup is not None:
        print(f"导入前的数据库已备份到：{result.backup}")
    return 0
