"""The annual summary (年度工作总结): one document, written as a PDF (GB/T 9704-2012) or a .docx.

``summary_document`` reads the year's figures (``annual_figures`` and the rates over the years),
the studio and the clerk's narrative sections, fills the editable template in ``reports/`` and
adds the 附件 (tables and charts); :mod:`studio_desk.exports.document` lays it out, so the PDF and
the Word file say the same. ``summary_warnings`` names what the clerk should know before export
(an empty year, missing 存在问题 / 下一步打算).
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from studio_desk.core import enums
from studio_desk.core.errors import StudioDeskError
from studio_desk.core.figures import AnnualFigures, annual_figures, rate_trend
from studio_desk.core.progress import ProgressFn, report
from studio_desk.core.store import Store
from studio_desk.exports import document as d
from studio_desk.exports.pdf_template import render
from studio_desk.exports.pdf_values import build_blocks, build_values, types_named_in
from studio_desk.core.attachments import photos_for_summary, print_copy
from studio_desk.exports.documents.photos import PHOTO_WIDTH_MM
from studio_desk.exports.summary_annex import annex_blocks, attachments
from studio_desk.paths import asset_path, data_dir

TEMPLATE_NAME = "年度工作总结.txt"


@dataclass
class SummaryResult:
    path: Path
    pages: int  # 0 for a .docx (Word paginates it)
    warnings: list[str] = field(default_factory=list)
    fonts: dict[str, str] = field(default_factory=dict)  # role → font file
    size: int = 0  # bytes
    seconds: float = 0.0
    notices: list[str] = field(default_factory=list)  # said before export: see summary_warnings


def default_template_path() -> Path:
    """The clerk's own copy in the data folder wins over the one shipped with the program."""
    own = data_dir() / "reports" / TEMPLATE_NAME
    if own.is_file():
        return own
    return asset_path("reports", TEMPLATE_NAME)


def editable_template_path() -> Path:
    """The clerk's own copy of the template, made from the shipped one the first time."""
    own = data_dir() / "reports" / TEMPLATE_NAME
    if not own.is_file():
        own.parent.mkdir(parents=True, exist_ok=True)
        readme = asset_path("reports", "README.md")
        shutil.copyfile(asset_path("reports", TEMPLATE_NAME), own)
        shutil.copyfile(readme, own.parent / "README.md")
    return own


def reset_template() -> Path | None:
    """Go back to the shipped template: the clerk's own copy is set aside, never deleted.

    Returns where the copy was kept (``年度工作总结（停用 2026-12-01 093000）.txt`` beside it), or
    None when there was no own copy."""
    own = data_dir() / "reports" / TEMPLATE_NAME
    if not own.is_file():
        return None
    stamp = time.strftime("%Y-%m-%d %H%M%S")
    kept = own.with_name(f"{own.stem}（停用 {stamp}）{own.suffix}")
    number = 1
    while kept.exists():  # set aside twice in one second: never over an earlier copy
        number += 1
        kept = own.with_name(f"{own.stem}（停用 {stamp} {number}）{own.suffix}")
    try:
        own.replace(kept)
    except OSError as exc:
        raise StudioDeskError(f"无法恢复默认模板：“{own}”{exc.strerror or exc}。请关闭正在编辑它的记事本后再试。") from exc
    return kept


def read_template(template: Path | str | None) -> str:
    path = Path(template) if template is not None else default_template_path()
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise StudioDeskError(f"无法读取总结模板“{path}”：{exc.strerror or exc}。") from exc
    for encoding in ("utf-8-sig", "gb18030"):  # Notepad on older Windows saves in GBK
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise StudioDeskError(f"总结模板“{path}”不是文本文件（请用 UTF-8 编码保存）。")


def summary_document(store: Store, year: int, *, template: Path | str | None = None,
                     signed_on: date | None = None, figures: AnnualFigures | None = None) -> d.Document:
    """The whole summary: text, 附件说明, signature and 成文日期, then each 附件 on its own pages."""
    figures = figures or annual_figures(store, year)
    signed_on = signed_on or date.today()
    trend = rate_trend(store, figures)
    source = read_template(template)
    narratives = {s: store.narrative(year, s) for s in enums.NARRATIVE_SECTIONS}
    values = build_values(figures, store.studio(), signed_on, trend=trend, named_types=types_named_in(source))
    blocks: list[d.Block] = []
    for block in render(source, values, build_blocks(figures, narratives)):
        if block.kind == "title":
            blocks.append(d.Title(block.text))
        elif block.kind in ("h1", "h2"):
            blocks.append(d.Heading(block.text, 1 if block.kind == "h1" else 2))
        else:
            blocks.append(d.Paragraph(block.text))
    attached = attachments(figures, trend, store.point_weights())
    photos = summary_photos(store, year)
    if photos:
        attached.append((f"{year}年活动图片", photos))
    blocks += [d.Spacer(), d.AnnexList(tuple(title for title, _ in attached)), d.Spacer(),
               d.Signature(store.studio().name, signed_on)]
    blocks += annex_blocks(attached)
    title = next((b.text for b in blocks if isinstance(b, d.Title)), f"{year}年度工作总结")
    return d.Document(blocks, d.GBT9704, title=title, author=store.studio().name, subject=f"{year}年度工作总结")


# The summary's photos are 120 mm wide: 720 px is 150 dpi, sharp in print, and keeps a summary
# with a page or three of photos under 1 MB (to be mailed to the county).
SUMMARY_PHOTO_SIDE = 720


def summary_photos(store: Store, year: int) -> list[d.Block]:
    """The activity photos chosen for the year (图片资料), each a print-sized copy with its caption:
    the last 附件, as the write-ups put their pictures after the text."""
    return [d.Image(print_copy(data, SUMMARY_PHOTO_SIDE), width_mm=PHOTO_WIDTH_MM, caption=attachment.caption)
            for attachment, data in photos_for_summary(store, year)]


def summary_warnings(store: Store, year: int, figures: AnnualFigures | None = None) -> list[str]:
    """What the clerk should know before exporting the year's summary."""
    figures = figures or annual_figures(store, year)
    out = []
    if not figures.current.has_records:
        out.append(f"{year}年度没有任何活动、接待走访、提案建议或捐赠慰问记录，总结将只写基本情况。"
                   "请确认年度是否选对。")
    for section in ("存在问题", "下一步打算"):
        if not store.narrative(year, section).strip():
            out.append(f"尚未填写{year}年度的“{section}”，总结中将没有这一部分（县政协的总结材料一般都有）；"
                       "可在“年度工作总结”窗口中填写。")
    return out


def _stage(progress: ProgressFn | None, done: int, text: str) -> None:
    report(progress, done, 4, text)


def write_summary(
    store: Store,
    year: int,
    path: Path | str,
    *,
    progress: ProgressFn | None = None,
    template: Path | str | None = None,
    signed_on: date | None = None,
    font_dirs: list[Path] | None = None,
    docx: bool | None = None,
) -> SummaryResult:
    """Write the year's summary to ``path`` (a .docx when ``docx`` or the name ends in .docx,
    else a PDF) through a temporary file, and say what it contains."""
    started = time.perf_counter()
    path = Path(path)
    as_docx = path.suffix.lower() == ".docx" if docx is None else docx
    _stage(progress, 0, "正在统计全年数据……")
    figures = annual_figures(store, year)
    _stage(progress, 1, "正在按模板撰写正文……")
    doc = summary_document(store, year, template=template, signed_on=signed_on, figures=figures)
    _stage(progress, 2, "正在排版……")
    if as_docx:
        d.render_docx(doc, path)
        result = SummaryResult(path, 0, [], {}, path.stat().st_size)
    else:
        pdf = d.render_pdf(doc, path, font_dirs=font_dirs)
        result = SummaryResult(path, pdf.pages, pdf.warnings, pdf.fonts, pdf.size)
    _stage(progress, 4, "已完成")
    result.notices = summary_warnings(store, year, figures)
    result.seconds = time.perf_counter() - started
    return result


__all__ = [
    "SummaryResult", "default_template_path", "editable_template_path", "summary_document", "summary_photos",
    "summary_warnings", "write_summary",
]
