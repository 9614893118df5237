"""The annual summary (年度工作总结) as a PDF laid out after GB/T 9704-2012.

``write_summary(store, year, path)`` reads the year's figures (``annual_figures``), the studio and
the clerk's narrative sections, fills the editable template in ``reports/``, and lays the text out
on A4: top margin 37 mm, binding margin 28 mm (left on odd pages, right on even ones), a text
block of 156 × 225 mm holding 22 lines of 28 characters, then the 附件 (tables and charts).
The file is written to a temporary name and renamed, so a failure never leaves half a PDF.
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib import textsplit as _rl_textsplit
from reportlab.platypus import paragraph as _rl_paragraph
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    CondPageBreak,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)

from studio_desk.core import enums
from studio_desk.core.errors import StudioDeskError
from studio_desk.core.files import atomic_output
from studio_desk.core.figures import annual_figures
from studio_desk.core.progress import ProgressFn, report
from studio_desk.core.store import Store
from studio_desk.exports import pdf_attachments
from studio_desk.exports.pdf_fonts import FontSet
from studio_desk.exports.pdf_template import Block, render
from studio_desk.exports.pdf_values import build_blocks, build_values, full_date
from studio_desk.paths import asset_path, data_dir

TEMPLATE_NAME = "年度工作总结.txt"

PAGE_W, PAGE_H = A4
TOP = 37 * mm
BINDING = 28 * mm
BLOCK_W, BLOCK_H = 156 * mm, 225 * mm
LINES, CHARS = 22, 28
LINE = BLOCK_H / LINES  # 28.98 pt: the grid's line pitch
# 3号 is 16 pt; Word's document grid fits 28 of them into 156 mm by narrowing the pitch. ReportLab
# has no character spacing for paragraphs, so the characters are set at the pitch instead (15.8 pt).
BODY = BLOCK_W / CHARS
TITLE = 22.0  # 2号
FOLIO = 14.0  # 4号, page numbers


# ReportLab's CJK line breaking keeps only Japanese/ASCII closing marks off the start of a line;
# add the Chinese full-width ones (，；：！？”’》〉) so they hang at the line's end instead.
_CLOSING = "，；：！？”’》〉】」』…"
for _module in (_rl_paragraph, _rl_textsplit):  # one-fragment paragraphs wrap in textsplit
    if not set(_CLOSING) <= set(_module.ALL_CANNOT_START):
        _module.ALL_CANNOT_START += _CLOSING


@dataclass
class SummaryResult:
    path: Path
    pages: int
    warnings: list[str] = field(default_factory=list)
    fonts: dict[str, str] = field(default_factory=dict)  # role → font file
    size: int = 0  # bytes
    seconds: float = 0.0


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


def summary_blocks(store: Store, year: int, *, template: Path | str | None = None,
                   signed_on: date | None = None, figures: Any = None) -> list[Block]:
    """The summary's text (title, headings, paragraphs), before layout."""
    figures = figures or annual_figures(store, year)
    narratives = {s: store.narrative(year, s) for s in enums.NARRATIVE_SECTIONS}
    values = build_values(figures, store.studio(), signed_on or date.today())
    return render(read_template(template), values, build_blocks(figures, narratives))


# ------------------------------------------------------------------ layout


class _Title(Flowable):
    """The title, centred, in lines that break between characters; drawn with a light stroke
    when the font is an ordinary 宋体 standing in for 小标宋 (whose strokes are heavier)."""

    def __init__(self, text: str, fonts: FontSet, size: float = TITLE, role: str = "title"):
        super().__init__()
        self.text, self.fonts, self.size, self.role = text, fonts, size, role
        self.leading = size * 1.45
        self.lines: list[str] = []
        self.embolden = "小标宋" not in fonts.roles[role].path.name and "XBS" not in fonts.roles[role].path.name

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        self.width = avail_w
        self.lines = []
        line = ""
        for ch in self.text:
            if line and self.fonts.width(line + ch, self.role, self.size) > avail_w - 2 * self.size:
                if ch in "，。、；：）”》":  # never start a line with closing punctuation
                    line, ch = line[:-1], line[-1] + ch
                self.lines.append(line)
                line = ""
            line += ch
        if line:
            self.lines.append(line)
        return avail_w, self.leading * len(self.lines)

    def draw(self) -> None:
        c = self.canv
        c.setFont(self.fonts.name(self.role), self.size)  # else the text object names Helvetica
        for index, line in enumerate(self.lines):
            width = self.fonts.width(line, self.role, self.size)
            x = (self.width - width) / 2
            y = self.leading * (len(self.lines) - index - 1) + (self.leading - self.size) / 2 + 2
            text = c.beginText(x, y)
            if self.embolden:
                text.setTextRenderMode(2)
                c.setLineWidth(self.size * 0.028)
            for run, name in self.fonts.runs(line, self.role):
                text.setFont(name, self.size)
                text.textOut(run)
            c.drawText(text)


class _Signature(Flowable):
    """署名 and 成文日期: the date two characters from the right, the name centred over it
    (or the other way round when the name is the longer), after GB/T 9704-2012 7.3.5."""

    def __init__(self, name: str, date_text: str, fonts: FontSet):
        super().__init__()
        self.name, self.date_text, self.fonts = name, date_text, fonts

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        self.width = avail_w
        return avail_w, LINE * (3 if self.name else 2)

    def draw(self) -> None:
        c = self.canv
        c.setFont(self.fonts.name("fangsong"), BODY)
        right = self.width - 2 * BODY
        w_name = self.fonts.width(self.name, "fangsong", BODY)
        w_date = self.fonts.width(self.date_text, "fangsong", BODY)
        centre = right - max(w_name, w_date) / 2
        rows = [(self.name, w_name), (self.date_text, w_date)] if self.name else [(self.date_text, w_date)]
        for index, (text, width) in enumerate(rows):
            y = LINE * (len(rows) - index - 1) + (LINE - BODY) / 2 + 3
            x = max(0.0, min(centre - width / 2, self.width - width))
            obj = c.beginText(x, y)
            for run, font in self.fonts.runs(text, "fangsong"):
                obj.setFont(font, BODY)
                obj.textOut(run)
            c.drawText(obj)


def _styles(fonts: FontSet) -> dict[str, ParagraphStyle]:
    body = ParagraphStyle(
        "body", fontName=fonts.name("fangsong"), fontSize=BODY, leading=LINE, firstLineIndent=2 * BODY,
        alignment=TA_JUSTIFY, wordWrap="CJK", allowWidows=0, allowOrphans=0,
    )
    return {
        "body": body,
        "h1": ParagraphStyle("h1", parent=body, fontName=fonts.name("hei"), alignment=TA_LEFT),
        "h2": ParagraphStyle("h2", parent=body, fontName=fonts.name("kai"), alignment=TA_LEFT),
        "annex": ParagraphStyle("annex", parent=body, alignment=TA_LEFT, leftIndent=5 * BODY,
                                firstLineIndent=-3 * BODY),
        "annex_more": ParagraphStyle("annex_more", parent=body, alignment=TA_LEFT, leftIndent=5 * BODY,
                                     firstLineIndent=0),
        "annex_label": ParagraphStyle("annex_label", parent=body, fontName=fonts.name("hei"),
                                      firstLineIndent=0, alignment=TA_LEFT),
    }


def _role(kind: str) -> str:
    return {"h1": "hei", "h2": "kai"}.get(kind, "fangsong")


def _story(blocks: list[Block], studio_name: str, date_text: str, attachments: list[tuple[str, list[Flowable]]],
           fonts: FontSet) -> list[Flowable]:
    styles = _styles(fonts)
    story: list[Flowable] = []
    for index, block in enumerate(blocks):
        if block.kind == "title":
            story += [_Title(block.text, fonts), Spacer(1, LINE * 0.6)]
            continue
        if block.kind in ("h1", "h2") and (index == 0 or blocks[index - 1].kind not in ("h1", "h2")):
            # A heading (or a run of them) starts a page unless it and two lines of the text after
            # it fit; the paragraph itself may then run on to the next page, as in any document.
            run = 0
            while index + run < len(blocks) and blocks[index + run].kind in ("h1", "h2"):
                run += 1
            story.append(CondPageBreak(LINE * (run + 2)))
        story.append(Paragraph(fonts.markup(block.text, _role(block.kind)), styles.get(block.kind, styles["body"])))
    # 附件说明 one line below the text, then the signature one line below that
    closing: list[Flowable] = [Spacer(1, LINE)]
    for index, (title, _) in enumerate(attachments, start=1):
        if index == 1:
            closing.append(Paragraph(fonts.markup(f"附件：{index}．{title}", "fangsong"), styles["annex"]))
        else:  # later items line up under the first one's number
            closing.append(Paragraph(fonts.markup(f"{index}．{title}", "fangsong"), styles["annex_more"]))
    closing += [Spacer(1, LINE), _Signature(studio_name, date_text, fonts)]
    # the last paragraph goes with them, so the signature never stands on a page of its own
    last = [story.pop()] if story and isinstance(story[-1], Paragraph) else []
    story.append(KeepTogether(last + closing))
    for index, (title, flowables) in enumerate(attachments, start=1):
        story += [PageBreak(), Paragraph(fonts.markup(f"附件{index}", "hei"), styles["annex_label"]),
                  Spacer(1, LINE * 0.5), _Title(title, fonts, size=18), Spacer(1, LINE * 0.5)]
        story += flowables
    return story


class _Document(BaseDocTemplate):
    def __init__(self, filename: str, fonts: FontSet, **kw: Any):
        super().__init__(filename, pagesize=A4, **kw)
        self.fonts = fonts
        self.pages_drawn = 0
        bottom = PAGE_H - TOP - BLOCK_H
        odd = Frame(BINDING, bottom, BLOCK_W, BLOCK_H, id="odd", leftPadding=0, rightPadding=0,
                    topPadding=0, bottomPadding=0)
        even = Frame(PAGE_W - BINDING - BLOCK_W, bottom, BLOCK_W, BLOCK_H, id="even", leftPadding=0,
                     rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([
            PageTemplate("odd", [odd], onPageEnd=self._folio, autoNextPageTemplate="even"),
            PageTemplate("even", [even], onPageEnd=self._folio, autoNextPageTemplate="odd"),
        ])

    def _folio(self, canvas: Any, doc: Any) -> None:
        """``— n —`` in 4号 宋体 7 mm below the text block, right on odd pages, left on even."""
        self.pages_drawn = doc.page
        text = f"— {doc.page} —"
        width = self.fonts.width(text, "song", FOLIO)
        baseline = PAGE_H - TOP - BLOCK_H - 7 * mm - FOLIO * 0.8
        if doc.page % 2:
            x = BINDING + BLOCK_W - FOLIO - width
        else:
            x = PAGE_W - BINDING - BLOCK_W + FOLIO
        canvas.saveState()
        canvas.setFont(self.fonts.name("song"), FOLIO)
        obj = canvas.beginText(x, baseline)
        for run, name in self.fonts.runs(text, "song"):
            obj.setFont(name, FOLIO)
            obj.textOut(run)
        canvas.drawText(obj)
        canvas.restoreState()


def _stage(progress: ProgressFn | None, done: int, text: str) -> None:
    report(progress, done, 5, text)


def write_summary(
    store: Store,
    year: int,
    path: Path | str,
    *,
    progress: ProgressFn | None = None,
    template: Path | str | None = None,
    signed_on: date | None = None,
    font_dirs: list[Path] | None = None,
) -> SummaryResult:
    """Write the year's summary to ``path`` (via a temporary file) and say what it contains."""
    started = time.perf_counter()
    path = Path(path)
    _stage(progress, 0, "正在统计全年数据……")
    figures = annual_figures(store, year)
    _stage(progress, 1, "正在按模板撰写正文……")
    signed_on = signed_on or date.today()
    blocks = summary_blocks(store, year, template=template, signed_on=signed_on, figures=figures)
    _stage(progress, 2, "正在准备字体……")
    fonts = FontSet.load(font_dirs)
    studio = store.studio()
    story = _story(blocks, studio.name, full_date(signed_on), pdf_attachments.attachments(figures, fonts), fonts)
    _stage(progress, 3, "正在排版……")
    title = next((b.text for b in blocks if b.kind == "title"), f"{year}年度工作总结")
    with atomic_output(path) as tmp:
        doc = _Document(str(tmp), fonts, initialFontName=fonts.name("fangsong"), title=title, author=studio.name, subject=f"{year}年度工作总结",
                        creator="委员工作室履职台账")
        doc.build(story)
        _stage(progress, 4, "正在保存……")
    _stage(progress, 5, "已完成")
    return SummaryResult(path, doc.pages_drawn, fonts.warnings(), fonts.describe(), path.stat().st_size,
                         time.perf_counter() - started)


__all__ = ["SummaryResult", "default_template_path", "editable_template_path", "summary_blocks", "write_summary"]

