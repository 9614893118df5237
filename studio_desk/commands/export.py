"""``studio-desk export --year Y|Y1-Y2 [--xlsx F] [--paper a4|a3] [--pdf F] [--docx F] [--date D] [--no-mask]`` and
``studio-desk lock --year Y [--unlock]`` (封账: a reported year locked against changes).

The workbook is for the county unless the clerk says otherwise: citizens' data is masked by
default, as in the window and the county package (``--no-mask`` for the clerk's own full copy;
``--mask-pii``, the old way of asking for masking, is still accepted).
"""

from __future__ import annotations

import argparse
import re
from datetime import date
from pathlib import Path

from studio_desk.commands import open_store
from studio_desk.core.errors import StudioDeskError
from studio_desk.exports.paper import DEFAULT_PAPER, PAPER_CHOICES


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("export", parents=[common], help="导出某年的 Excel 台账和/或 PDF 年度工作总结")
    p.add_argument(
        "--year",
        default=str(date.today().year),
        help="年度，如 2025（默认：今年）；Excel 台账也可导出几年，如 2023-2025",
    )
    p.add_argument("--xlsx", type=Path, default=None, help="写出 Excel 台账到此文件")
    add_paper_option(p)
    p.add_argument("--pdf", type=Path, default=None, help="写出 PDF 年度工作总结到此文件")
    mask = p.add_mutually_exclusive_group()
    mask.add_argument(
        "--no-mask",
        dest="mask_pii",
        action="store_false",
        help="不隐去群众的个人信息（工作室自留的完整台账；默认隐去姓名、电话、身份证号和住址）",
    )
    mask.add_argument("--mask-pii", dest="mask_pii", action="store_true", help="隐去群众的个人信息（默认即如此）")
    p.set_defaults(mask_pii=True)
    p.add_argument("--docx", type=Path, default=None, help="写出 Word 版年度工作总结到此文件（可再编辑）")
    p.add_argument("--date", default=None, help="年度工作总结的成文日期，如 2025-12-28（默认：今天）")
    p.set_defaults(run=run_export)
    q = sub.add_parser(
        "lock", parents=[common], help="封账：锁定已报送的年度（修改需说明原因，不能导入、合并或删除）；--unlock 解除封账"
    )
    q.add_argument("--year", required=True, metavar="年度", help="年度，如 2025")
    q.add_argument("--unlock", action="store_true", help="解除这一年度的封账")
    q.set_defaults(run=run_lock)


def add_paper_option(p: argparse.ArgumentParser) -> None:
    """``--paper a4|a3``: how the Excel ledgers print (an unknown value is refused with the choices)."""
    p.add_argument(
        "--paper",
        choices=tuple(PAPER_CHOICES),
        default=DEFAULT_PAPER,
        help="Excel 台账的打印纸张：a4 = A4 横向，较宽的台账只打印主要列，其余列折叠（默认）；"
        "a3 = 较宽的台账用 A3 横向打印全部列（县政协要求时）",
    )


def parse_years(text: str) -> tuple[int, int]:
    """``2025`` → (2025, 2025); ``2023-2025`` (or ``2023—2025``, ``2023~2025``) → (2023, 2025)."""
    parts = [p.strip() for p in re.split(r"\s*[-—–~至到]\s*", str(text).strip()) if p.strip()]
    if not 1 <= len(parts) <= 2 or not all(p.isdigit() for p in parts):
        raise StudioDeskError(f"年度“{text}”看不懂：请写成 2025，或 2023-2025。")
    first, last = int(parts[0]), int(parts[-1])
    for year in (first, last):
        if not 1949 <= year <= 2100:
            raise StudioDeskError(f"年度 {year} 不在合理范围内。")
    if first > last:
        raise StudioDeskError(f"起始年度 {first} 晚于结束年度 {last}。")
    return first, last


def run_export(args: argparse.Namespace) -> int:
    if not args.xlsx and not args.pdf and not args.docx:
        raise StudioDeskError("请用 --xlsx 文件名、--pdf 文件名 或 --docx 文件名 指定要导出的文件。")
    first, year = parse_years(args.year)
    if (args.pdf or args.docx) and first != year:
        raise StudioDeskError("年度工作总结按单一年度生成，请用 --year 写一个年度（Excel 台账可以导出几年）。")
    label = f"{year} 年" if first == year else f"{first}—{year} 年"
    from studio_desk.commands.summary_export import export_summary, parse_date

    signed_on = parse_date(args.date)
    if args.xlsx is not None and not args.xlsx.suffix:
        args.xlsx = args.xlsx.with_name(args.xlsx.name + ".xlsx")  # named as Excel names a workbook
    for target in (args.xlsx, args.pdf, args.docx):
        if target is not None and not target.parent.exists():
            raise StudioDeskError(f"文件夹“{target.parent}”不存在。")
    with open_store(args, create=False) as store:
        if args.xlsx:
            from studio_desk.exports.workbook import write_workbook

            write_workbook(store, year, args.xlsx, mask_pii=args.mask_pii, first_year=first, paper=args.paper)
            note = "群众个人信息已隐去" if args.mask_pii else "注意：未隐去群众个人信息，请妥善保管"
            print(f"已导出 {label}台账：{args.xlsx.resolve()}（{note}）")
            if not any(first <= y <= year for y in store.years()):
                print(f"注意：数据库中没有{label}的台账记录，导出的台账只有表头。请确认年度是否写对。")
            if args.mask_pii:  # a masked workbook is for the county: what it states is recorded
                from studio_desk.core.reporting import record_report

                record_report(store, year, [args.xlsx], what="台账", masked=True, first_year=first)
        if args.pdf or args.docx:
            export_summary(store, year, args.pdf, args.docx, signed_on)
    return 0


def run_lock(args: argparse.Namespace) -> int:
    from studio_desk.core.reporting import is_year_locked, latest_report, lock_year

    first, year = parse_years(args.year)
    if first != year:
        raise StudioDeskError("封账按单一年度进行，请用 --year 写一个年度，如 2025。")
    with open_store(args, create=False) as store:
        if args.unlock:
            if not is_year_locked(store, year):
                print(f"{year} 年度没有封账。")
                return 0
            lock_year(store, year, False)
            print(f"已解除 {year} 年度的封账：可以修改、导入、合并和删除这一年度的记录。")
            return 0
        lock_year(store, year, True)
        reported = latest_report(store, year)
        when = f"（{reported.day} 已报送）" if reported is not None else "（尚未记录报送）"
        print(f"已封账 {year} 年度{when}：修改需说明原因，不能导入、合并或删除；解除：studio-desk lock --year {year} --unlock。")
    return 0
