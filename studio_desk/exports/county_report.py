"""The county's outputs of a year in one call: the workbook, the write-up as PDF and as .docx.

The figures are read once and every output states the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from studio_desk.core.county import County
from studio_desk.core.county_intake import quote
from studio_desk.core.errors import StudioDeskError
from studio_desk.core.progress import ProgressFn, report
from studio_desk.exports.paper import DEFAULT_PAPER


@dataclass
class CountyReport:
    written: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _check_target(county: County, path: Path) -> None:
    if not path.parent.exists():
        raise StudioDeskError(f"文件夹“{path.parent}”不存在。")
    if path.resolve() == county.path.resolve():
        raise StudioDeskError(f"{quote(path.name)}是县政协汇总文件本身，不能用作输出文件。请换一个文件名。")


def write_county_report(
    county: County,
    year: int,
    *,
    xlsx: Path | None = None,
    pdf: Path | None = None,
    docx: Path | None = None,
    signed_on: date | None = None,
    progress: ProgressFn | None = None,
    paper: str = DEFAULT_PAPER,
) -> CountyReport:
    """Write the outputs asked for; refuses a year no studio has figures for. ``paper``: the
    workbook's ledgers on A4 (their print layouts) or A3 (every column)."""
    targets = [p for p in (xlsx, pdf, docx) if p is not None]
    if not targets:
        raise StudioDeskError("请指定要写出的文件（Excel 汇总表、PDF 或 Word 综述）。")
    for target in targets:
        _check_target(county, target)
    report(progress, 0, 3, "正在汇总各工作室数据……")
    figures = county.figures(year)
    if not figures.studios:
        raise StudioDeskError(f"汇总中还没有工作室有 {year} 年的数据。请先添加工作室的材料包。")
    name = county.county_name()
    result = CountyReport()
    stale = [s.name for s in figures.studios if not s.figures.current.activities_total
             and not s.figures.current.receptions_total and not s.figures.current.outputs_total]
    if stale:
        result.warnings.append(f"以下工作室 {year} 年没有活动、接待走访或提案建议记录：" + "、".join(stale))
    if xlsx is not None:
        from studio_desk.exports.county_workbook import write_county_workbook

        report(progress, 1, 3, "正在写出 Excel 汇总表……")
        result.written.append(write_county_workbook(county, year, xlsx, county_name=name, figures=figures, paper=paper))
    if pdf is not None or docx is not None:
        from studio_desk.exports.county_writeup import county_writeup
        from studio_desk.exports.document import render_docx, render_pdf

        report(progress, 2, 3, "正在写出履职工作综述……")
        doc = county_writeup(figures, name, signed_on)
        if pdf is not None:
            render_pdf(doc, pdf)
            result.written.append(pdf)
        if docx is not None:
            render_docx(doc, docx)
            result.written.append(docx)
    report(progress, 3, 3, "完成。")
    return result


__all__ = ["CountyReport", "write_county_report"]
