"""The Word (.docx) renderer of :mod:`studio_desk.exports.document` (python-docx).

The page setup is written as Word keeps it: A4, mirrored margins (28 mm inside, 26 mm outside for
GB/T 9704), a document grid of the setup's lines, and named styles the clerk can change once for
the whole document: 公文标题, Heading 1 (一、 黑体), Heading 2 (（一） 楷体), Normal (body). Page
numbers are fields in the footers (odd pages right, even pages left for GB/T 9704).
"""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from studio_desk.core.files import atomic_output
from studio_desk.exports import document as d

# The faces Word and WPS know on a Chinese Windows (the PDF uses the same ones when installed).
FACES = {"fangsong": "仿宋_GB2312", "title": "方正小标宋简体", "hei": "黑体", "kai": "楷体_GB2312", "song": "宋体"}
ALIGN = {"justify": WD_ALIGN_PARAGRAPH.JUSTIFY, "left": WD_ALIGN_PARAGRAPH.LEFT,
         "centre": WD_ALIGN_PARAGRAPH.CENTER, "center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}


def _fonts(element: object, face: str) -> None:
    """Every script in one face (digits and Latin too: one font per heading)."""
    rpr = element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), face)


def _set(parent: object, tag: str, **attrs: str) -> object:
    element = parent.find(qn(tag))  # type: ignore[attr-defined]
    if element is None:
        element = OxmlElement(tag)
        parent.append(element)  # type: ignore[attr-defined]
    for key, value in attrs.items():
        element.set(qn(f"w:{key}"), value)
    return element


class _Writer:
    def __init__(self, setup: d.PageSetup):
        self.setup = setup
        self.doc = new_docx()
        self.size = setup.body_size
        self.break_next = False
        self._page()
        self._styles()
        self._footers()

    def _page(self) -> None:
        s, section = self.setup, self.doc.sections[0]
        if s.landscape:
            section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(s.page_w_mm), Mm(s.page_h_mm)
        section.top_margin, section.bottom_margin = Mm(s.top_mm), Mm(s.bottom_mm)
        section.left_margin = Mm(s.left_mm)
        section.right_margin = Mm(s.page_w_mm - s.left_mm - s.block_w_mm)
        section.footer_distance = Mm(max(s.bottom_mm - 7 - s.folio_size * 25.4 / 72 - 2, 5))
        if s.mirror:
            _set(self.doc.settings.element, "w:mirrorMargins")
        if s.name.startswith("form"):
            return  # a form has no character grid: its tables' smaller text keeps its own width
        # The document grid of lines only: a character grid makes LibreOffice set every digit in a
        # grid cell of its own ("40 次"), and the body is justified to the block anyway.
        _set(section._sectPr, "w:docGrid", type="lines", linePitch=str(round(s.line_pitch * 20)))

    def _styles(self) -> None:
        s, styles = self.setup, self.doc.styles
        normal = styles["Normal"]
        normal.font.size = Pt(s.body_size)
        _fonts(normal.element, FACES[s.body_role])
        fmt = normal.paragraph_format
        fmt.line_spacing_rule, fmt.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(s.line_pitch)
        fmt.space_before = fmt.space_after = Pt(0)
        fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        ppr = normal.element.get_or_add_pPr()
        for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):  # no extra space between 汉字 and digits
            _set(ppr, tag, val="0")
        self.body = styles.add_style("正文", WD_STYLE_TYPE.PARAGRAPH)
        self.body.base_style = normal
        _set(self.body.element.get_or_add_pPr(), "w:ind", firstLineChars="200", firstLine=str(round(2 * s.body_size * 20)))
        title = styles.add_style("公文标题", WD_STYLE_TYPE.PARAGRAPH)
        title.base_style = normal
        title.font.size = Pt(s.title_size)
        _fonts(title.element, FACES["title"])
        title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        title.paragraph_format.line_spacing = Pt(s.line_pitch if s.title_size <= s.line_pitch * 0.9 else s.line_pitch * 1.5)
        _set(title.element.get_or_add_pPr(), "w:snapToGrid", val="0")  # its own size, not the body's grid
        for level, role in ((1, "hei"), (2, "kai")):
            style = styles[f"Heading {level}"]
            style.base_style = normal
            style.font.size, style.font.bold, style.font.italic = Pt(s.body_size), False, False
            style.font.color.rgb = RGBColor(0, 0, 0)
            _fonts(style.element, FACES[role])
            fmt = style.paragraph_format
            fmt.space_before = fmt.space_after = Pt(0)
            fmt.keep_with_next = True
            fmt.line_spacing_rule, fmt.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(s.line_pitch)
            _set(style.element.get_or_add_pPr(), "w:ind", firstLineChars="200", firstLine=str(round(2 * s.body_size * 20)))

    def _footers(self) -> None:
        s, section = self.setup, self.doc.sections[0]
        if not s.folio:
            return
        if s.folio == "gbt9704":
            self.doc.settings.odd_and_even_pages_header_footer = True
            for footer, align, side in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT, "right"),
                                        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT, "left")):
                para = footer.paragraphs[0]
                para.alignment = align
                _set(para._p.get_or_add_pPr(), "w:ind", **{side: str(round(s.folio_size * 20))})
                self._folio_runs(para, ["— ", ("PAGE",), " —"], FACES["song"])
        else:
            para = section.footer.paragraphs[0]
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            self._folio_runs(para, ["第 ", ("PAGE",), " 页 共 ", ("NUMPAGES",), " 页"], FACES[s.body_role])

    def _folio_runs(self, para: object, parts: list[object], face: str) -> None:
        for part in parts:
            if isinstance(part, tuple):
                for kind, text in (("begin", ""), ("instr", part[0]), ("separate", ""), ("text", "1"), ("end", "")):
                    run = para.add_run()  # type: ignore[attr-defined]
                    self._run_font(run, face, self.setup.folio_size)
                    if kind == "instr":
                        instr = OxmlElement("w:instrText")
                        instr.set(qn("xml:space"), "preserve")
                        instr.text = f" {text} "
                        run._r.append(instr)
                    elif kind == "text":
                        run.text = text
                    else:
                        char = OxmlElement("w:fldChar")
                        char.set(qn("w:fldCharType"), kind)
                        run._r.append(char)
            else:
                run = para.add_run(str(part))  # type: ignore[attr-defined]
                self._run_font(run, face, self.setup.folio_size)

    @staticmethod
    def _run_font(run: object, face: str, size: float) -> None:
        run.font.size = Pt(size)  # type: ignore[attr-defined]
        _fonts(run._r, face)  # type: ignore[attr-defined]

    def paragraph(self, text: str, *, style: object = None, align: str = "", role: str = "",
                  size: float | None = None, indent: float | None = None, left: float = 0.0) -> object:
        para = self.doc.add_paragraph(style=style or self.body)
        if self.break_next:
            para.paragraph_format.page_break_before = True
            self.break_next = False
        for index, line in enumerate(text.split("\n")):
            if index:
                para.add_run().add_break()
            run = para.add_run(line)
            if role:
                _fonts(run._r, FACES[role])
            if size:
                run.font.size = Pt(size)
        if align:
            para.alignment = ALIGN[align]
        if indent is not None or left:
            em = (size or self.size) * 20  # twips per character
            ind = {"firstLineChars": str(round((indent or 0) * 100)), "firstLine": str(round((indent or 0) * em))} \
                if (indent or 0) >= 0 else \
                {"hangingChars": str(round(-(indent or 0) * 100)), "hanging": str(round(-(indent or 0) * em))}
            if left:
                ind["leftChars"] = str(round(left * 100))
                ind["left"] = str(round(left * em))
            _set(para._p.get_or_add_pPr(), "w:ind", **ind)
        return para

    def block(self, block: d.Block) -> None:
        if isinstance(block, d.Title):
            lines = block.lines or tuple(self.title_lines(block))
            para = self.paragraph("\n".join(lines), style=self.doc.styles["公文标题"], role=block.role,
                                  size=block.size)
            para.paragraph_format.space_after = Pt(self.setup.line_pitch * block.space_after)  # type: ignore[attr-defined]
        elif isinstance(block, d.Heading):
            style = self.doc.styles[f"Heading {min(block.level, 2)}"] if block.level <= 2 else self.body
            para = self.paragraph(block.text, style=style)
            if block.level > 2:
                for run in para.runs:  # type: ignore[attr-defined]
                    run.font.bold = True
        elif isinstance(block, d.Paragraph):
            para = self.paragraph(block.text, align=block.align, role=block.role, size=block.size,
                                  indent=block.indent if block.indent != 2 else None, left=block.left_indent)
            para.paragraph_format.keep_with_next = block.keep_with_next or None  # type: ignore[attr-defined]
        elif isinstance(block, d.Table):
            self.table(block)
        elif isinstance(block, d.Image):
            data = block.source if isinstance(block.source, bytes) else Path(block.source).read_bytes()
            self.picture(data, block.width_mm, block.caption)
        elif isinstance(block, d.BarChart):
            self.picture(chart_png(block, self.setup.block_w_mm), self.setup.block_w_mm, block.caption)
        elif isinstance(block, d.AnnexList):
            for index, text in enumerate(d.annex_lines(block)):
                self.paragraph(text, align="left", indent=-3 if index == 0 else 0, left=5)
        elif isinstance(block, d.Signature):
            self.signature(block)
        elif isinstance(block, d.Spacer):
            for _ in range(max(1, round(block.lines))):
                self.paragraph("")
        elif isinstance(block, d.PageBreak):
            # on the next paragraph rather than a paragraph of its own, which makes an empty page
            # when the page before is full to its last line
            self.break_next = True

    def title_lines(self, block: d.Title) -> list[str]:
        """Where the PDF breaks the title, as explicit breaks (Word would otherwise break it at
        the margin: “…工作/总结”)."""
        from studio_desk.exports.doc_pdf import title_lines
        from studio_desk.exports.pdf_fonts import FontSet

        size = block.size or self.setup.title_size
        return title_lines(block.text, FontSet.load(), block.role, size, self.setup.block_w_mm * d.MM)

    def signature(self, block: d.Signature) -> None:
        """GB/T 9704 7.3.5.2 in character widths (digits count half), as right indents."""
        date_text = d.full_date(block.signed_on)
        n, m = _chars(block.name), _chars(date_text)
        name_right, date_right = 2.0, 2.0 + (n - 2 - m)
        if date_right < 2:
            date_right, name_right = 2.0, 2.0 + (m + 2 - n)
        for text, right in ((block.name, name_right), (date_text, date_right)):
            if not text:
                continue
            para = self.paragraph(text, align="right", indent=0)
            _set(para._p.get_or_add_pPr(), "w:ind", rightChars=str(round(right * 100)),  # type: ignore[attr-defined]
                 right=str(round(right * self.size * 20)))
            para.paragraph_format.keep_with_next = True  # type: ignore[attr-defined]

    def table(self, t: d.Table) -> None:
        if t.caption:
            self.paragraph(t.caption, align="centre", role="hei", size=min(self.size, 14), indent=0)
        ncols = t.columns
        widths = list(t.widths_mm) or [self.setup.block_w_mm / ncols] * ncols
        scale = min(1.0, self.setup.block_w_mm / sum(widths))
        widths = [w * scale for w in widths]
        if self.break_next:  # a table straight after a page break: the break needs its paragraph
            self.doc.add_page_break()
            self.break_next = False
        table = self.doc.add_table(rows=0, cols=ncols)
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for r, row in enumerate(t.rows):
            added = table.add_row()
            cells = added.cells
            col = 0
            for value in row:
                cell = value if isinstance(value, d.Cell) else d.Cell(str(value))
                target = cells[col]
                if cell.colspan > 1:
                    target = target.merge(cells[col + cell.colspan - 1])
                head = r < t.header_rows
                align = cell.align or ("centre" if head else (t.align[col] if col < len(t.align) else "left"))
                para = target.paragraphs[0]
                para.alignment = ALIGN[align]
                para.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
                run = para.add_run(cell.text)
                run.font.size = Pt(t.size)
                if head or cell.bold:
                    _fonts(run._r, FACES["hei"])
                col += cell.colspan
            if r < t.header_rows:
                _set(added._tr.get_or_add_trPr(), "w:tblHeader")
            if t.min_row_mm:
                added.height = Mm(t.min_row_mm)
        for _ in range(t.blank_rows):
            row = table.add_row()
            row.height = Mm(t.blank_row_mm)
        _fixed_widths(table, widths)
        if t.note:
            self.paragraph(t.note, align="left", size=min(self.size, 10.5), indent=0)

    def picture(self, data: bytes, width_mm: float, caption: str) -> None:
        self.doc.add_picture(io.BytesIO(data), width=Mm(min(width_mm, self.setup.block_w_mm)))
        if self.break_next:
            self.doc.paragraphs[-1].paragraph_format.page_break_before = True
            self.break_next = False
        self.doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
        self.doc.paragraphs[-1].paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
        self.doc.paragraphs[-1].paragraph_format.first_line_indent = Pt(0)
        if caption:
            self.paragraph(caption, align="centre", role="hei", size=min(self.size, 14), indent=0)


def _fixed_widths(table: object, widths_mm: list[float]) -> None:
    """The columns as wide as the PDF draws them: a fixed layout, the grid, the table's width and
    every cell's (a merged cell spans the sum), since Word reads the cells and LibreOffice the grid."""
    tbl = table._tbl  # type: ignore[attr-defined]
    table.autofit = False  # type: ignore[attr-defined]  # w:tblLayout w:type="fixed"
    for col, width in zip(tbl.tblGrid.gridCol_lst, widths_mm):
        col.w = Mm(width)
    _set(tbl.tblPr, "w:tblW", w=str(round(sum(widths_mm) / 25.4 * 1440)), type="dxa")
    margins = OxmlElement("w:tblCellMar")  # the PDF's cell padding (2 pt; 3 pt below the text)
    for side, twips in (("top", 40), ("left", 40), ("bottom", 60), ("right", 40)):
        _set(margins, f"w:{side}", w=str(twips), type="dxa")
    look = tbl.tblPr.find(qn("w:tblLook"))
    if look is not None:
        look.addprevious(margins)
    else:
        tbl.tblPr.append(margins)
    for tr in tbl.tr_lst:
        col = 0
        for tc in tr.tc_lst:
            span = tc.grid_span
            tc.width = Mm(sum(widths_mm[col:col + span]))
            _set(tc.get_or_add_tcPr(), "w:vAlign", val="center")
            col += span


def _chars(text: str) -> float:
    return sum(0.5 if ch.isascii() else 1.0 for ch in text)


def chart_png(chart: d.BarChart, width_mm: float) -> bytes:
    """The chart drawn exactly as in the PDF, as a 200 dpi picture (pypdfium2 renders it)."""
    import pypdfium2
    from reportlab.graphics import renderPDF

    from studio_desk.exports.doc_pdf import bar_drawing
    from studio_desk.exports.pdf_fonts import FontSet

    drawing = bar_drawing(chart, FontSet.load(), width_mm * d.MM)
    pdf = pypdfium2.PdfDocument(renderPDF.drawToString(drawing))
    try:
        image = pdf[0].render(scale=200 / 72).to_pil()
        out = io.BytesIO()
        image.save(out, format="PNG")
        return out.getvalue()
    finally:
        pdf.close()


def render(doc: d.Document, path: Path) -> Path:
    writer = _Writer(doc.setup)
    for block in doc.blocks:
        writer.block(block)
    props = writer.doc.core_properties
    props.title, props.author, props.subject = doc.title, doc.author, doc.subject
    props.comments = "委员工作室履职台账"
    with atomic_output(path) as tmp:
        writer.doc.save(str(tmp))
    return path
