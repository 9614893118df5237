"""``studio-desk county …``: the county collection (县政协汇总) from the command line.

``county add PACKAGE…``, ``county list``, ``county report --year Y [--xlsx F] [--pdf F] [--docx F]``,
``county rating [KEY=N …]``, ``county remove NAME`` and ``county`` alone (the county window);
``--db`` names the county file (default: 县政协汇总.sqlite in the data folder).
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from studio_desk.commands.export import add_paper_option
from studio_desk.core.county import COUNTY_FILENAME, County, default_county_path
from studio_desk.core.county_intake import quote
from studio_desk.core.county_figures import Criterion, column_header
from studio_desk.core.errors import StudioDeskError
from studio_desk.core.figures import AnnualFigures


def county_path(args: argparse.Namespace) -> Path:
    return Path(args.db) if getattr(args, "db", None) else default_county_path()


@contextmanager
def open_county(args: argparse.Namespace, *, create: bool = False) -> Iterator[County]:
    """The county file, locked against a county window or another command working on it."""
    county = County.open_for_work(county_path(args), holder="command", create=create)
    try:
        yield county
    finally:
        county.close()


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "county",
        parents=[common],
        help="县政协汇总：汇总各委员工作室的报送材料（不带子命令时打开汇总窗口）",
        description=f"县政协汇总。--db 指县政协汇总文件（默认：数据文件夹中的 {COUNTY_FILENAME}）。",
    )
    p.set_defaults(run=run_window)
    actions = p.add_subparsers(dest="county_command", metavar="子命令", parser_class=sub._parser_class)

    a = actions.add_parser("add", parents=[common], help="添加工作室的报送材料包（zip、文件夹、数据库副本或隐去个人信息的 Excel 台账），同一工作室的新材料替换旧的")
    a.add_argument("packages", nargs="+", type=Path, metavar="材料包", help="工作室“报送县政协”生成的材料包")
    a.set_defaults(run=run_add)

    a = actions.add_parser("list", parents=[common], help="列出已汇总的工作室")
    a.set_defaults(run=run_list)

    a = actions.add_parser("report", parents=[common], help="写出某年的县政协汇总表和履职工作综述")
    a.add_argument("--year", type=int, default=date.today().year, metavar="年度", help="年度（默认：今年）")
    a.add_argument("--xlsx", type=Path, default=None, metavar="文件", help="写出 Excel 汇总表到此文件")
    a.add_argument("--pdf", type=Path, default=None, metavar="文件", help="写出 PDF 履职工作综述到此文件")
    a.add_argument("--docx", type=Path, default=None, metavar="文件", help="写出 Word 履职工作综述到此文件")
    a.add_argument("--name", default=None, metavar="名称", help="县政协名称（写入综述；记住供下次使用）")
    add_paper_option(a)
    a.set_defaults(run=run_report)

    a = actions.add_parser("rating", parents=[common], help="查看或设定星级评定标准，如 活动=12 接待走访=12 办结率=80")
    a.add_argument(
        "criteria", nargs="*", metavar="指标=门槛",
        help="指标写汇总表的列名（如 开展活动、接待走访(次)、接待走访群众(人次)、办结率）或简称（活动、接待、实事）；"
        "每达到一项得一星；比率以百分数计，金额以元计",
    )
    a.set_defaults(run=run_rating)

    a = actions.add_parser("refresh", parents=[common], help="按本程序的统计口径重新统计（升级程序后需要时）")
    a.set_defaults(run=run_refresh)

    a = actions.add_parser("remove", parents=[common], help="从汇总中删除一个工作室（按名称）")
    a.add_argument("name", metavar="工作室名称")
    a.set_defaults(run=run_remove)


def run_window(args: argparse.Namespace) -> int:
    from studio_desk.ui.county_window import run_county_app

    return run_county_app(county_path(args))


def run_add(args: argparse.Namespace) -> int:
    from studio_desk.exports.county_ledgers import add_package

    failed = 0
    with open_county(args, create=True) as county:
        if not county.studios():
            print(f"县政协汇总文件：{county.path.resolve()}")
        for package in args.packages:
            try:
                result = add_package(county, package)
            except StudioDeskError as exc:
                failed += 1
                print(f"未添加：{exc}")
                continue
            print(result.message)
            for warning in result.warnings:
                print(f"提示：{warning}")
    if failed:
        print(f"{failed} 个材料包没有添加（见上），其余已添加。")
    return 1 if failed else 0


def run_list(args: argparse.Namespace) -> int:
    with open_county(args) as county:
        studios = county.studios()
        if not studios:
            print("汇总中还没有工作室。用“studio-desk county add 材料包”添加。")
            return 0
        print(f"{county.county_name()}：{len(studios)} 个工作室")
        for s in studios:
            years = "、".join(str(y) for y in s.years)
            stale = "（需重新添加）" if not s.current_format else ""
            print(f"  {s.name}  年份 {years}  数据截至 {s.data_as_of[:10]}  来自 {s.source_name}{stale}")
    return 0


def run_report(args: argparse.Namespace) -> int:
    from studio_desk.exports.county_report import write_county_report

    if not (args.xlsx or args.pdf or args.docx):
        raise StudioDeskError("请用 --xlsx、--pdf 或 --docx 指定要写出的文件。")
    with open_county(args) as county:
        if args.name:
            county.set_county_name(args.name)
        result = write_county_report(
            county, args.year, xlsx=args.xlsx, pdf=args.pdf, docx=args.docx, paper=args.paper
        )
        for path in result.written:
            print(f"已写出：{Path(path).resolve()}")
        for warning in result.warnings:
            print(f"提示：{warning}")
    return 0


def _parse_criteria(items: list[str], totals: AnnualFigures) -> list[Criterion]:
    """``活动=12 办结率=80`` (names as the county table's columns, or short names) → criteria."""
    from studio_desk.core.county_figures import find_figure

    out: list[Criterion] = []
    for item in items:
        name, sep, value = item.replace("＝", "=").partition("=")
        value = value.strip().rstrip("%％")
        if not sep or not name.strip() or not value.isdigit():
            raise StudioDeskError(f"“{item}”看不懂：请写成 指标=门槛，如 活动=12 或 办结率=80。")
        figure = find_figure(name.strip(), totals)
        if any(c.key == figure.key for c in out):
            raise StudioDeskError(f"“{column_header(figure)}”写了不止一次，请只写一次。")
        if figure.kind == "rate" and int(value) > 100:
            raise StudioDeskError(f"“{item}”：{figure.label}是百分数，门槛不能超过 100。")
        out.append(Criterion(figure.key, int(value)))
    return out


def run_rating(args: argparse.Namespace) -> int:
    from studio_desk.core.county_figures import criterion_label

    with open_county(args, create=bool(args.criteria)) as county:
        year = (county.years() or [date.today().year])[0]
        totals = county.figures(year).totals
        if args.criteria:
            county.set_criteria(_parse_criteria(args.criteria, totals))
            print("星级评定标准已保存（每达到一项得一星）：")
        else:
            print("星级评定标准（每达到一项得一星）：")
        for criterion in county.criteria():
            print(f"  ★ {criterion_label(criterion, totals)}")
    return 0


def run_remove(args: argparse.Namespace) -> int:
    with open_county(args) as county:
        found = [s for s in county.studios() if s.name == args.name.strip()]
        if not found:
            raise StudioDeskError(f"汇总中没有名为{quote(args.name.strip())}的工作室。")
        if len(found) > 1:
            raise StudioDeskError(f"有 {len(found)} 个名为{quote(args.name.strip())}的工作室，请在汇总窗口中选择要删除的一个。")
        county.remove(found[0].key)
        print(f"已从汇总中删除{quote(found[0].name)}。")
    return 0


def run_refresh(args: argparse.Namespace) -> int:
    with open_county(args) as county:
        done = county.refresh_figures()
        print(f"已重新统计 {done} 个工作室。" if done else "各工作室的数字已是本程序的统计口径，无需重新统计。")
    return 0
