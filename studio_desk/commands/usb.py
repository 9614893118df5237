"""``snapshot``, ``merge``, ``backups``, ``restore`` and ``package``: sharing by USB stick."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from studio_desk.commands import db_path, how_to_begin, open_store
from studio_desk.core.errors import StudioDeskError


def _password_options(p: argparse.ArgumentParser, verb: str) -> None:
    group = p.add_mutually_exclusive_group()
    group.add_argument("--password-file", type=Path, default=None, metavar="密码文件", help=f"从此文件读取{verb}密码（第一行）")
    group.add_argument("--password-stdin", action="store_true", help=f"从标准输入读取{verb}密码（一行）")


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("snapshot", parents=[common], help="把数据库安全地复制到U盘（可加密）")
    p.add_argument("file", type=Path, metavar="副本文件", help="副本文件，例如 E:\\台账.sqlite")
    p.add_argument("--overwrite", action="store_true", help="文件已存在时覆盖它")
    _password_options(p, "加密")
    p.set_defaults(run=run_snapshot)

    p = sub.add_parser("merge", parents=[common], help="把另一份副本（如U盘上的）合并进本数据库")
    p.add_argument("file", type=Path, metavar="副本文件", help="另一份数据库副本")
    p.add_argument("--dry-run", action="store_true", help="只逐条列出合并会新增、修改、删除和冲突的记录，不写入数据库")
    _password_options(p, "解密")
    p.set_defaults(run=run_merge)

    p = sub.add_parser("backups", parents=[common], help="列出备份")
    p.set_defaults(run=run_backups)

    p = sub.add_parser("restore", parents=[common], help="从备份恢复（会先备份当前数据）")
    p.add_argument("backup", metavar="备份", help="备份文件，或 backups 列表中的序号")
    p.set_defaults(run=run_restore)

    p = sub.add_parser("package", parents=[common], help="生成报送县政协的材料包（台账、总结，可附数据库）")
    p.add_argument("--year", type=int, default=date.today().year, metavar="年度", help="年度（默认：今年）")
    p.add_argument("dir", type=Path, metavar="文件夹", help="写到此文件夹（不存在时新建）")
    p.add_argument("--no-mask", action="store_true", help="不隐去群众的个人信息（默认隐去）")
    p.add_argument("--with-db", action="store_true", help="附上数据库副本")
    p.add_argument("--zip", action="store_true", help="打成一个 zip 文件")
    p.set_defaults(run=run_package)


def _read_password(args: argparse.Namespace) -> str | None:
    if args.password_file is not None:
        try:
            text = args.password_file.read_text(encoding="utf-8")
        except OSError as exc:
            from studio_desk.core.files import os_error_message

            raise StudioDeskError(os_error_message(exc, args.password_file, action="读取")) from exc
        lines = text.splitlines()
        password = lines[0] if lines else ""
    elif args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        return None
    if not password:
        raise StudioDeskError("密码是空的。")
    return password


def _progress_printer():
    last = [""]

    def progress(done: int, total: int, text: str) -> None:
        if text and text != last[0]:
            print(text, file=sys.stderr)
            last[0] = text

    return progress


def run_snapshot(args: argparse.Namespace) -> int:
    from studio_desk.core.snapshot import write_snapshot

    password = _read_password(args)
    if args.file.resolve() == db_path(args).resolve():
        raise StudioDeskError("副本不能写到数据库文件本身，请换一个位置。")
    if args.file.exists() and not args.overwrite and not args.file.is_dir():
        raise StudioDeskError(f"文件“{args.file}”已存在。为免覆盖，请换一个文件名，或加 --overwrite 覆盖它。")
    with open_store(args, create=False) as store:
        result = write_snapshot(store, args.file, password=password, overwrite=args.overwrite,
                                progress=_progress_printer())
    print(result.message)
    return 0


def run_merge(args: argparse.Namespace) -> int:
    from studio_desk.core.snapshot import NeedPassword
    from studio_desk.core.sync import merge_file, plan_merge

    password = _read_password(args)
    if not args.file.exists():
        raise StudioDeskError(f"找不到文件“{args.file}”（U盘是否已插好？）。")
    # A new PC may start by merging the stick into its (new, empty) database.
    with open_store(args, create=True, scratch=args.dry_run) as store:
        try:
            if args.dry_run:
                summary = plan_merge(store, args.file, password=password, progress=_progress_printer())
            else:
                summary = merge_file(store, args.file, password=password, progress=_progress_printer())
        except NeedPassword as exc:
            raise StudioDeskError(f"{exc}（用 --password-file 或 --password-stdin 提供）") from exc
    print(summary.text())
    if args.dry_run:
        for change in summary.changes:
            print("  " + change.describe())
        print("（仅预览，未写入数据库。）")
        return 0
    if summary.conflicts:
        print(f"冲突 {len(summary.conflicts)} 处（未采用的版本已保存在历史中，可在程序的“数据交换”中互换）：")
        for conflict in summary.conflicts:
            print("  " + conflict.describe())
    if summary.backup is not None:
        print(f"合并前的备份：{summary.backup}")
    return 0


def _backups(store):  # type: ignore[no-untyped-def]
    from studio_desk.core.backup import list_backups
    from studio_desk.paths import backups_dir

    return list_backups(backups_dir(), store)


def run_backups(args: argparse.Namespace) -> int:
    from studio_desk.core.backup import backup_counts
    from studio_desk.core.store import Store

    path = db_path(args)
    if not path.exists():
        raise StudioDeskError(f"还没有数据库“{path}”，也就还没有备份。{how_to_begin()}")
    with Store.open_readonly(path) as store:  # its identity picks its own backups
        found = _backups(store)
    if not found:
        print("还没有备份。用 studio-desk backup 立即备份。")
        return 0
    for n, info in enumerate(found, 1):
        counts = backup_counts(info.path)
        what = "，".join(f"{k}{v}" for k, v in counts.items()) if counts else "无法读取"
        size = info.path.stat().st_size / 1024
        print(f"{n:>3}. {info.made_at:%Y-%m-%d %H:%M:%S}  {info.label:<8} {size:>8,.0f} KB  {what}")
        print(f"     {info.path}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from studio_desk.core.backup import restore_backup

    with open_store(args, create=False) as store:
        chosen = Path(args.backup)
        if args.backup.isdigit() and not chosen.exists():
            found = _backups(store)
            index = int(args.backup)
            if not 1 <= index <= len(found):
                raise StudioDeskError(f"没有第 {index} 个备份（共 {len(found)} 个，用 studio-desk backups 查看）。")
            chosen = found[index - 1].path
        if not chosen.exists():
            raise StudioDeskError(f"找不到备份文件“{chosen}”。")
        before = restore_backup(store, chosen, progress=_progress_printer())
    print(f"已从备份恢复：{chosen}")
    print(f"恢复前的数据已备份为：{before.path}（如需撤销，恢复这个备份即可）")
    return 0


def run_package(args: argparse.Namespace) -> int:
    from studio_desk.exports.county_package import write_county_package

    if not 1949 <= args.year <= 2100:
        raise StudioDeskError(f"年度 {args.year} 不在合理范围内。")
    with open_store(args, create=False) as store:
        result = write_county_package(
            store, args.year, args.dir, mask_pii=not args.no_mask, with_db=args.with_db,
            as_zip=args.zip, progress=_progress_printer(),
        )
    print(result.message)
    for warning in result.warnings:
        print(f"提示：{warning}")
    return 0
