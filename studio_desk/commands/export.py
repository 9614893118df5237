"""``studio-desk export --year Y [--xlsx F] [--pdf F] [--mask-pii]``."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from studio_desk.commands import open_store
from studio_desk.core.errors import StudioDeskError


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("export", parents=[common], help="导出某年的 Excel 台账和/或 PDF 年度工作总结")
    p.add_argument("--year", type=int, default=date.today().year, help="年度（默认：今年）")
    p.add_argument("--xlsx", type=Path, default=None, help="写出 Excel 台账到此文件")
    p.add_argument("--pdf", type=Path, default=None, help="写出 PDF 年度工作总结到此文件")
    p.add_argument("--mask-pii", action="store_true", help="隐去群众的姓名、电话、身份证号和住址")
    p.set_defaults(run=run_export)


def run_export(args: argparse.Namespace) -> int:
    if not args.xlsx and not args.pdf:
        raise StudioDeskError("请用 --xlsx 文件名 和/或 --pdf 文件名 指定要导出的文件。")
    if not 1949 <= args.year <= 2100:
        raise StudioDeskError(f"年度 {args.year} 不在合理范围内。")
    for target in (args.xlsx, args.pdf):
        if target is not None and not target.parent.exists():
            raise StudioDeskError(f"文件夹“{target.parent}”不存在。")
    with open_store(args, create=False) as store:
        if args.xlsx:
            from studio_desk.exports.workbook import write_workbook

            write_workbook(store, args.year, args.xlsx, mask_pii=args.mask_pii)
            print(f"已导出 {args.year} 年台账：{args.xlsx.resolve()}")
        if args.pdf:
            from studio_desk.exports.summary import write_summary

            result = write_summary(store, args.year, args.pdf)
            print(f"已导出 {args.year} 年度工作总结：{args.pdf.resolve()}")
            for warning in getattr(result, "warnings", []) or []:
                print(f"提示：{warning}")
    return 0
