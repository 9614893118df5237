"""The PDF renderer of :mod:`studio_desk.exports.document` (ReportLab).

Body text is set by our own line breaker (:mod:`pdf_lines`): 禁则 kept, every line but a
paragraph's last justified exactly to the block's width, every line on the page's line grid.
The text block's position is chosen per page when the page begins (odd pages at the binding
margin, even pages mirrored), so it alternates page by page whatever breaks the pages.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, CondPageBreak, Flowable, Frame, KeepTogether, PageTemplate
from reportlab.platypus import Image as RLImage
from reportlab.platypus import PageBreak as RLPageBreak
from reportlab.platypus import Spacer as RLSpacer
from reportlab.platypus import Table as RLTable
from reportlab.platypus import TableStyle

from studio_desk.core.errors import StudioDeskError
from studio_desk.core.files import atomic_output
from studio_desk.exports import document as d
from studio_desk.exports.pdf_fonts import FontSet
from studio_desk.exports.pdf_lines import break_lines, char_space, units

# Pictures go in as binary JPEG: ASCII85 would add a quarter to every photo (图片资料).
rl_config.useA85 = 0

HEAD_BG = colors.Color(0.9, 0.9, 0.9)


@dataclass
class PdfResult:
    path: Path
    pages: int
    warnings: list[str] = field(default_factory=list)
    fonts: dict[str, str] = field(default_factory=dict)  # role label → font file
    size: int = 0


class TextLines(Flowable):
    """A paragraph in one font role, broken by :func:`break_lines` and drawn line by line."""

    def __init__(self, text: str, fonts: FontSet, role: str, size: float, leading: float, *,
                 first_indent: float = 0.0, indent: float = 0.0, align: str = "justify",
                 lines: list[str] | None = None, is_end: bool = True):
        super().__init__()
        self.text, self.fonts, self.role, self.size, self.leading = text, fonts, role, size, leading
        self.first_indent, self.indent, self.align = first_indent, indent, align
        self.lines = lines
        self.is_end = is_end  # holds the paragraph's last line (which is not justified)
        self.is_start = True

    def _measure(self, s: str) -> float:
        return self.fonts.width(s, self.role, self.size)

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        self.width = avail_w
        if self.lines is None:
            self.lines = break_lines(self.text, avail_w, self._measure, self.first_indent, self.indent) or [""]
        return avail_w, self.leading * len(self.lines)

    def split(self, avail_w: float, avail_h: float) -> list[Flowable]:
        self.wrap(avail_w, avail_h)
        assert self.lines is not None
        fit = int(avail_h / self.leading + 1e-6)
        if fit < 1 or fit >= len(self.lines):
            return []
        if len(self.lines) > 2 and fit == 1 and self.is_start:  # never one lonely first line
            return []
        head = TextLines(self.text, self.fonts, self.role, self.size, self.leading, first_indent=self.first_indent,
                         indent=self.indent, align=self.align, lines=self.lines[:fit], is_end=False)
        tail = TextLines(self.text, self.fonts, self.role, self.size, self.leading, first_indent=0.0,
                         indent=self.indent, align=self.align, lines=self.lines[fit:], is_end=self.is_end)
        head.is_start, tail.is_start = self.is_start, False
        return [head, tail]

    def draw(self) -> None:
        assert self.lines is not None
        c = self.canv
        c.setFont(self.fonts.name(self.role), self.size)  # else the text object names Helvetica
        last = len(self.lines) - 1
        for index, line in enumerate(self.lines):
            x0 = self.indent + (self.first_indent if index == 0 and self.is_start else 0.0)
            room = self.width - x0
            natural = self._measure(line)
            space = 0.0
            if self.align == "justify" and (index < last or not self.is_end):
                space = char_space(line, natural, room)
            elif self.align in ("centre", "center"):
                x0 += (room - natural) / 2
            elif self.align == "right":
                x0 += room - natural
            baseline = self.leading * (last - index) + (self.leading - self.size) / 2 + self.size * 0.12
            text = c.beginText(x0, baseline)
            text.setCharSpace(space)
            for run, name in self.fonts.runs(line, self.role):
                text.setFont(name, self.size)
                text.textOut(run)
            c.drawText(text)


_TITLE_WORD_ENDS = ("工作室", "委员会", "办公室", "联络站", "工作站", "的", "关于")


def title_lines(text: str, fonts: FontSet, role: str, size: float, width: float) -> list[str]:
    """One line if it fits; else two lines cut where the words allow (before a year, after
    工作室/委员会/的 …), as even as possible, never inside a number; the top line the longer when
    it makes no difference (梯形, as GB/T 9704 asks)."""
    room = width - 2 * size
    if fonts.width(text, role, size) <= room:
        return [text]
    pieces = units(text)
    best: tuple[float, int] | None = None
    for cut in range(1, len(pieces)):
        a, b = "".join(pieces[:cut]), "".join(pieces[cut:])
        wa, wb = fonts.width(a, role, size), fonts.width(b, role, size)
        if wa > room or wb > room or a[-1] in "（“《" or b[0] in "，。、；：）”》":
            continue
        word_break = a.endswith(_TITLE_WORD_ENDS) or (pieces[cut].isdigit() and len(pieces[cut]) == 4)
        score = abs(wa - wb) + (0 if wa >= wb else size * 0.5) + (0 if word_break else width)
        if best is None or score < best[0]:
            best = (score, cut)
    if best is None:
        return break_lines(text, room, lambda s: fonts.width(s, role, size))
    return ["".join(pieces[: best[1]]), "".join(pieces[best[1]:])]


class SignatureBlock(Flowable):
    """署名 over 成文日期 (GB/T 9704-2012 7.3.5.2), two lines of the grid."""

    def __init__(self, name: str, date_text: str, fonts: FontSet, role: str, size: float, leading: float):
        super().__init__()
        self.name, self.date_text, self.fonts = name, date_text, fonts
        self.role, self.size, self.leading = role, size, leading

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        self.width = avail_w
        return avail_w, self.leading * (2 if self.name else 1)

    def positions(self) -> list[tuple[str, float]]:
        right = self.width - 2 * self.size
        w_name = self.fonts.width(self.name, self.role, self.size)
        w_date = self.fonts.width(self.date_text, self.role, self.size)
        name_x = right - w_name
        date_x = name_x + 2 * self.size
        if date_x + w_date > right:  # the date is the longer: it keeps two characters from the right
            date_x = right - w_date
            name_x = date_x - 2 * self.size
        rows = [(self.name, name_x)] if self.name else []
        return rows + [(self.date_text, date_x)]

    def draw(self) -> None:
        c = self.canv
        c.setFont(self.fonts.name(self.role), self.size)
        rows = self.positions()
        for index, (text, x) in enumerate(rows):
            y = self.leading * (len(rows) - index - 1) + (self.leading - self.size) / 2 + self.size * 0.12
            obj = c.beginText(max(0.0, x), y)
            for run, font in self.fonts.runs(text, self.role):
                obj.setFont(font, self.size)
                obj.textOut(run)
            c.drawText(obj)


class _Page(BaseDocTemplate):
    def __init__(self, filename: str, setup: d.PageSetup, fonts: FontSet, **kw: Any):
        size = (setup.page_w_mm * mm, setup.page_h_mm * mm)
        super().__init__(filename, pagesize=size, **kw)
        self.setup, self.fonts = setup, fonts
        bottom = setup.bottom_mm * mm
        self.frames_by_parity = {
            parity: Frame(setup.left_mm_on(2 - parity) * mm, bottom, setup.block_w_mm * mm, setup.block_h_mm * mm,
                          id=f"block{parity}", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
            for parity in (0, 1)
        }
        template = PageTemplate("page", [self.frames_by_parity[1]], onPage=self._begin, onPageEnd=self._folio)
        self.addPageTemplates([template])
        self.pages_drawn = 0
        self.total_pages = 0  # known on the second pass (第 n 页 共 N 页)

    def _begin(self, canvas: Any, doc: Any) -> None:
        """Choose this page's text block before anything is placed on it."""
        doc.pageTemplate.frames = [self.frames_by_parity[doc.page % 2]]

    def _folio(self, canvas: Any, doc: Any) -> None:
        self.pages_drawn = doc.page
        s = self.setup
        if not s.folio:
            return
        block_left = s.left_mm_on(doc.page) * mm
        block_right = block_left + s.block_w_mm * mm
        baseline = s.bottom_mm * mm - 7 * mm - s.folio_size * 0.8
        if s.folio == "gbt9704":
            text, role = f"— {doc.page} —", "song"
            width = self.fonts.width(text, role, s.folio_size)
            x = block_right - s.folio_size - width if doc.page % 2 else block_left + s.folio_size
        else:
            total = f" 共 {self.total_pages} 页" if self.total_pages else ""
            text, role = f"第 {doc.page} 页{total}", s.body_role
            width = self.fonts.width(text, role, s.folio_size)
            x = (block_left + block_right - width) / 2
            baseline = s.bottom_mm * mm - 10 * mm
        canvas.saveState()
        canvas.setFont(self.fonts.name(role), s.folio_size)
        obj = canvas.beginText(x, baseline)
        for run, name in self.fonts.runs(text, role):
            obj.setFont(name, s.folio_size)
            obj.textOut(run)
        canvas.drawText(obj)
        canvas.restoreState()


class _Builder:
    """Turns blocks into flowables for one page setup."""

    def __init__(self, setup: d.PageSetup, fonts: FontSet):
        self.setup, self.fonts = setup, fonts
        self.size, self.pitch, self.body = setup.body_size, setup.line_pitch, setup.body_role
        self.width = setup.block_w_mm * mm

    def text(self, text: str, role: str = "", size: float | None = None, *, first: float = 0.0,
             left: float = 0.0, align: str = "justify", leading: float | None = None) -> TextLines:
        size = size or self.size
        if leading is None:  # body-sized text keeps the grid; other sizes take whole grid lines
            leading = self.pitch if size <= self.pitch * 0.9 else self.pitch * 2
        return TextLines(text, self.fonts, role or self.body, size, leading, first_indent=first * size,
                         indent=left * size, align=align)

    def block(self, block: d.Block) -> list[Flowable]:
        if isinstance(block, d.Title):
            size = block.size or self.setup.title_size
            lines = list(block.lines) or title_lines(block.text, self.fonts, block.role, size, self.width)
            leading = self.pitch if size <= self.pitch * 0.9 else self.pitch * 2
            out: list[Flowable] = [TextLines(line, self.fonts, block.role, size, leading, align="centre")
                                   for line in lines]
            if block.space_after:
                out.append(RLSpacer(1, self.pitch * block.space_after))
            return out
        if isinstance(block, d.Heading):
            role = {1: "hei", 2: "kai"}.get(block.level, self.body)
            return [CondPageBreak(self.pitch * 3 - 0.5), self.text(block.text, role, first=2, align="left")]  # 0.5: rounding
        if isinstance(block, d.Paragraph):
            flow = self.text(block.text, block.role, block.size, first=block.indent, left=block.left_indent,
                             align=block.align)
            return [CondPageBreak(flow.leading * 3), flow] if block.keep_with_next else [flow]
        if isinstance(block, d.Table):
            return self.table(block)
        if isinstance(block, d.Image):
            return self.image(block)
        if isinstance(block, d.BarChart):
            return [KeepTogether([bar_drawing(block, self.fonts, self.width)] + self.caption(block.caption))]
        if isinstance(block, d.AnnexList):
            out = []
            for index, text in enumerate(d.annex_lines(block)):
                out.append(self.text(text, left=5, first=-3 if index == 0 else 0, align="left"))
            return out
        if isinstance(block, d.Signature):
            return [SignatureBlock(block.name, d.full_date(block.signed_on), self.fonts, self.body, self.size,
                                   self.pitch)]
        if isinstance(block, d.Spacer):
            return [RLSpacer(1, self.pitch * block.lines)]
        if isinstance(block, d.PageBreak):
            return [RLPageBreak()]
        raise TypeError(f"unknown block {block!r}")

    def caption(self, text: str) -> list[Flowable]:
        if not text:
            return []
        return [self.text(text, "hei", min(self.size, 14), align="centre", leading=self.pitch)]

    def table(self, t: d.Table) -> list[Flowable]:
        ncols = t.columns
        widths = [w * mm for w in t.widths_mm] if t.widths_mm else [self.width / ncols] * ncols
        scale = min(1.0, self.width / sum(widths))  # nothing outside the block
        widths = [w * scale for w in widths]
        leading = t.size * 1.35
        rows: list[list[Any]] = []
        spans: list[tuple] = []
        needed: list[float] = []  # each row's tallest cell (a fixed row height must not cut text)
        for r, row in enumerate(t.rows):
            tallest = 0.0
            cells: list[Any] = []
            col = 0
            for value in row:
                cell = value if isinstance(value, d.Cell) else d.Cell(str(value))
                head = r < t.header_rows
                align = cell.align or ("centre" if head else (t.align[col] if col < len(t.align) else "left"))
                role = "hei" if head or cell.bold else self.body
                span_w = sum(widths[col : col + cell.colspan]) - 4
                flow = TextLines(cell.text, self.fonts, role, t.size, leading, align=align)
                tallest = max(tallest, flow.wrap(span_w, 10_000)[1])
                cells.append(flow)
                if cell.colspan > 1:
                    spans.append(("SPAN", (col, r), (col + cell.colspan - 1, r)))
                    cells += [""] * (cell.colspan - 1)
                col += cell.colspan
            cells += [""] * (ncols - len(cells))
            rows.append(cells)
            needed.append(tallest)
        heights: list[float | None] = [max(t.min_row_mm * mm, h + 5) if t.min_row_mm else None for h in needed]
        for _ in range(t.blank_rows):
            rows.append([""] * ncols)
            heights.append(t.blank_row_mm * mm)
        style = [
            ("FONTNAME", (0, 0), (-1, -1), self.fonts.name(self.body)),  # empty cells too (else Helvetica)
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ] + spans
        if t.header_rows:
            style.append(("BACKGROUND", (0, 0), (-1, t.header_rows - 1), HEAD_BG))
        if t.min_row_mm:
            heights = [max(h or 0, t.min_row_mm * mm) for h in heights]
        table = RLTable(rows, colWidths=widths, rowHeights=heights if any(heights) else None,
                        repeatRows=t.header_rows, style=TableStyle(style), hAlign="CENTER")
        out: list[Flowable] = self.caption(t.caption)
        out.append(table)
        if t.note:
            out.append(RLSpacer(1, 4))
            out.append(self.text(t.note, size=min(self.size, 10.5), align="left", leading=15))
        return out

    def image(self, block: d.Image) -> list[Flowable]:
        source = io.BytesIO(block.source) if isinstance(block.source, bytes) else str(block.source)
        try:
            picture = RLImage(source)
        except Exception as exc:  # noqa: BLE001 - a damaged picture is named, not a traceback
            raise StudioDeskError(f"图片无法读取：{exc}") from exc
        width = min(block.width_mm * mm, self.width)
        ratio = picture.imageHeight / picture.imageWidth if picture.imageWidth else 1
        height = min(width * ratio, self.setup.block_h_mm * mm * 0.8)
        width = height / ratio if ratio else width
        picture.drawWidth, picture.drawHeight = width, height
        return [KeepTogether([picture] + self.caption(block.caption))]

    def story(self, blocks: list[d.Block]) -> list[Flowable]:
        story: list[Flowable] = []
        for index, block in enumerate(blocks):
            if isinstance(block, d.Signature):
                # the signature, the 附件说明 and spacing before it and the last paragraph stay together
                keep: list[Flowable] = []
                while story and not isinstance(story[-1], (RLPageBreak, CondPageBreak)):
                    item = story.pop()
                    keep.insert(0, item)
                    if isinstance(item, TextLines) and item.align == "justify":
                        break
                story.append(KeepTogether(keep + self.block(block)))
                continue
            story += self.block(block)
        return story


def bar_drawing(chart: d.BarChart, fonts: FontSet, width: float) -> Drawing:
    """A vector bar chart with the count printed above each bar."""
    height = chart.height_mm * mm
    values = list(chart.values)
    drawing = Drawing(width, height, initialFontName=fonts.name("song"))
    bars = VerticalBarChart()
    bars.x, bars.y = 12 * mm, 12 * mm
    bars.width, bars.height = width - 16 * mm, height - 20 * mm
    bars.data = [values]
    bars.bars[0].fillColor = colors.Color(*chart.colour)
    bars.bars[0].strokeColor = None
    top, step = axis_top(values)
    bars.valueAxis.valueMin, bars.valueAxis.valueMax, bars.valueAxis.valueStep = 0, top, step
    bars.valueAxis.labels.fontName = fonts.name("song")
    bars.valueAxis.labels.fontSize = 9
    bars.valueAxis.visibleGrid = True
    bars.valueAxis.gridStrokeColor = colors.Color(0.85, 0.85, 0.85)
    bars.valueAxis.gridStrokeWidth = 0.4
    bars.categoryAxis.categoryNames = list(chart.labels)
    label_font = fonts.name("song")
    if any(not fonts.roles["song"].has(ch) for label in chart.labels for ch in label):
        label_font = fonts.name("hei")  # the fallback font carries the rarest characters
        fonts.runs("".join(chart.labels), "hei")  # note what even it lacks
    bars.categoryAxis.labels.fontName = label_font
    bars.categoryAxis.labels.fontSize = 10 if len(values) <= 12 else 8
    bars.categoryAxis.labels.dy = -2
    bars.barLabelFormat = lambda v: f"{int(v)}" if v else ""
    bars.barLabels.fontName = fonts.name("song")
    bars.barLabels.fontSize = 9
    bars.barLabels.nudge = 7
    drawing.add(bars)
    if not any(values):
        drawing.add(String(width / 2, height / 2, chart.empty_note, fontName=fonts.name("song"), fontSize=12,
                           textAnchor="middle", fillColor=colors.Color(0.4, 0.4, 0.4)))
    return drawing


def axis_top(values: list[int]) -> tuple[int, int]:
    """A round top for the value axis and its step (axis scaling, not a figure)."""
    top = max(values + [0])
    if top <= 5:
        return 5, 1
    base = 1
    while True:
        for factor in (1, 2, 5):
            step = factor * base
            if top <= step * 8:
                return -(-top // step) * step, step
        base *= 10


def render(doc: d.Document, path: Path, *, font_dirs: list[Path] | None = None) -> PdfResult:
    fonts = FontSet.load(font_dirs)
    builder = _Builder(doc.setup, fonts)
    meta = dict(title=doc.title, author=doc.author, subject=doc.subject, creator="委员工作室履职台账")
    with atomic_output(path) as tmp:
        total = 0
        for _ in range(2 if doc.setup.folio == "centre" else 1):  # 共 N 页 needs the count first
            # A file we close ourselves: reportlab leaves its own open when a full disk stops it.
            with open(tmp, "wb") as fh:
                page = _Page(fh, doc.setup, fonts, initialFontName=fonts.name(doc.setup.body_role), **meta)
                page.total_pages = total
                page.build(builder.story(doc.blocks))
            total = page.pages_drawn
    return PdfResult(path, page.pages_drawn, fonts.warnings(), fonts.describe(), path.stat().st_size)
