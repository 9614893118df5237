"""One document model for everything the program prints: the annual summary, forms, write-ups.

A :class:`Document` is a page setup and a list of blocks (:class:`Title`, :class:`Heading`,
:class:`Paragraph`, :class:`Table`, :class:`Image`, :class:`BarChart`, :class:`AnnexList`,
:class:`Signature`, :class:`Spacer`, :class:`PageBreak`). ``render_pdf`` lays it out with
ReportLab and ``render_docx`` writes the same blocks as an editable Word file, so the PDF and the
.docx of one document never disagree. Two page setups are predefined: :data:`GBT9704` (党政机关
公文格式: 37 mm top margin, 156 × 225 mm text block alternating 28/26 mm from the left, 22 lines of
28 characters in 3号 仿宋) and :data:`A4_FORM` (a plain A4 form: 20 mm margins, 小四 宋体).

Text is plain Unicode (no markup); font roles name the GB/T 9704 faces: ``fangsong`` (body),
``title`` (小标宋), ``hei`` (黑体), ``kai`` (楷体), ``song`` (宋体).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Union

if TYPE_CHECKING:
    from studio_desk.exports.doc_pdf import PdfResult

MM = 72 / 25.4  # points per millimetre


@dataclass(frozen=True)
class PageSetup:
    """Where the text block sits on an A4 page, and the house style's sizes (points, mm)."""

    name: str
    top_mm: float
    left_mm: float  # on odd pages (the binding side); even pages mirror it when ``mirror``
    block_w_mm: float
    block_h_mm: float
    mirror: bool  # the block alternates (GB/T 9704: 28 mm on odd pages, 26 mm on even ones)
    body_role: str
    body_size: float  # pt
    line_pitch: float  # pt; lines sit on this grid from the block's top
    title_size: float
    folio: str  # "gbt9704" (— 1 —, right on odd pages, left on even), "centre" (第 1 页 共 N 页), ""
    folio_size: float = 14.0
    landscape: bool = False

    @property
    def page_w_mm(self) -> float:
        return 297.0 if self.landscape else 210.0

    @property
    def page_h_mm(self) -> float:
        return 210.0 if self.landscape else 297.0

    def left_mm_on(self, page: int) -> float:
        """The block's left edge on page ``page`` (1-based)."""
        if self.mirror and page % 2 == 0:
            return self.page_w_mm - self.left_mm - self.block_w_mm
        return self.left_mm

    @property
    def bottom_mm(self) -> float:
        return self.page_h_mm - self.top_mm - self.block_h_mm

    @property
    def lines_per_page(self) -> int:
        return int(self.block_h_mm * MM / self.line_pitch + 1e-6)


GBT9704 = PageSetup(
    name="gbt9704", top_mm=37, left_mm=28, block_w_mm=156, block_h_mm=225, mirror=True,
    body_role="fangsong", body_size=16.0, line_pitch=225 * MM / 22, title_size=22.0, folio="gbt9704",
)
A4_FORM = PageSetup(
    name="form", top_mm=20, left_mm=20, block_w_mm=170, block_h_mm=250, mirror=False,
    body_role="song", body_size=12.0, line_pitch=20.0, title_size=18.0, folio="centre", folio_size=10.5,
)
A4_FORM_LANDSCAPE = PageSetup(
    name="form-landscape", top_mm=18, left_mm=18, block_w_mm=261, block_h_mm=165, mirror=False,
    body_role="song", body_size=12.0, line_pitch=20.0, title_size=18.0, folio="centre", folio_size=10.5,
    landscape=True,
)


@dataclass(frozen=True)
class Title:
    """The document's title, centred. ``lines`` fixes where it breaks (else it breaks where the
    lines come out most even, never inside a number or a word of Latin letters)."""

    text: str
    lines: tuple[str, ...] = ()
    size: float | None = None  # default: the page setup's title size
    role: str = "title"
    space_after: float = 1.0  # in body lines


@dataclass(frozen=True)
class Heading:
    """``一、…`` (level 1, 黑体) or ``（一）…`` (level 2, 楷体); level 3 is body text in bold.
    The text carries its own number."""

    text: str
    level: int = 1


@dataclass(frozen=True)
class Paragraph:
    text: str
    indent: float = 2.0  # first-line indent in characters
    align: str = "justify"  # "justify", "left", "centre", "right"
    role: str = ""  # default: the body font
    size: float | None = None
    left_indent: float = 0.0  # in characters (hanging lists)
    keep_with_next: bool = False


@dataclass(frozen=True)
class Cell:
    text: str
    align: str = ""  # default: the column's
    bold: bool = False
    colspan: int = 1


CellValue = Union[str, Cell]


@dataclass(frozen=True)
class Table:
    """A ruled table. ``widths_mm`` per column (default: equal shares of the block);
    ``header_rows`` repeat at the top of every page; ``blank_rows`` empty rows of
    ``blank_row_mm`` are added for handwriting (sign-in sheets)."""

    rows: tuple[tuple[CellValue, ...], ...]
    widths_mm: tuple[float, ...] = ()
    header_rows: int = 1
    align: tuple[str, ...] = ()  # per column: "left", "centre", "right"
    size: float = 12.0
    blank_rows: int = 0
    blank_row_mm: float = 10.0
    min_row_mm: float = 0.0
    caption: str = ""  # a centred 黑体 line above the table
    note: str = ""  # a small line below it

    @staticmethod
    def of(rows: list[list[CellValue]], **kw: object) -> Table:
        return Table(tuple(tuple(r) for r in rows), **kw)  # type: ignore[arg-type]

    @property
    def columns(self) -> int:
        return max((sum(c.colspan if isinstance(c, Cell) else 1 for c in row) for row in self.rows), default=0)


@dataclass(frozen=True)
class Image:
    """A picture (PNG/JPEG file or bytes) scaled to ``width_mm``, with a caption below it."""

    source: Path | bytes
    width_mm: float = 120.0
    caption: str = ""


@dataclass(frozen=True)
class BarChart:
    """A bar chart with the count above each bar, drawn from figures (vector in the PDF,
    a picture in the .docx)."""

    labels: tuple[str, ...]
    values: tuple[int, ...]
    caption: str = ""
    empty_note: str = "没有数据"
    colour: tuple[float, float, float] = (0.25, 0.38, 0.6)
    height_mm: float = 68.0


@dataclass(frozen=True)
class AnnexList:
    """附件说明: ``附件：1．…`` with later items lined up under the first one's number."""

    titles: tuple[str, ...]


@dataclass(frozen=True)
class Signature:
    """署名 and 成文日期 after GB/T 9704-2012 7.3.5.2: the name two characters from the right, the
    date below it starting two characters right of the name (the name moves left when the
    date is the longer). Kept on one page with the paragraph before it."""

    name: str
    signed_on: date


@dataclass(frozen=True)
class Spacer:
    lines: float = 1.0


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Union[Title, Heading, Paragraph, Table, Image, BarChart, AnnexList, Signature, Spacer, PageBreak]


@dataclass
class Document:
    blocks: list[Block]
    setup: PageSetup = GBT9704
    title: str = ""  # file metadata
    author: str = ""
    subject: str = ""
    meta: dict[str, str] = field(default_factory=dict)


def full_date(d: date) -> str:
    """GB/T 9704-2012 writes dates in Arabic numerals, year, month and day in full."""
    return f"{d.year}年{d.month}月{d.day}日"


def annex_lines(block: AnnexList) -> list[str]:
    """``附件：1．…`` then ``2．…`` (GB/T 9704 7.3.4)."""
    return [f"附件：{i}．{t}" if i == 1 else f"{i}．{t}" for i, t in enumerate(block.titles, start=1)]


def plain_text(doc: Document) -> str:
    """Every word of the document, one block a line (for checks and previews)."""
    out: list[str] = []
    for block in doc.blocks:
        if isinstance(block, (Title, Heading, Paragraph)):
            out.append(block.text)
        elif isinstance(block, Table):
            out += ["\t".join(c.text if isinstance(c, Cell) else c for c in row) for row in block.rows]
        elif isinstance(block, AnnexList):
            out += annex_lines(block)
        elif isinstance(block, Signature):
            out += [block.name, full_date(block.signed_on)]
        elif isinstance(block, (Image, BarChart)) and block.caption:
            out.append(block.caption)
    return "\n".join(out)


def render_pdf(doc: Document, path: Path | str, *, font_dirs: list[Path] | None = None) -> PdfResult:
    """Write ``doc`` as a PDF (through a temporary file; nothing half-written is left)."""
    from studio_desk.exports.doc_pdf import render

    return render(doc, Path(path), font_dirs=font_dirs)


def render_docx(doc: Document, path: Path | str) -> Path:
    """Write ``doc`` as an editable Word document (through a temporary file)."""
    from studio_desk.exports.doc_docx import render

    return render(doc, Path(path))


__all__ = [
    "A4_FORM", "A4_FORM_LANDSCAPE", "AnnexList", "BarChart", "Block", "Cell", "Document", "GBT9704",
    "Heading", "Image", "PageBreak", "PageSetup", "Paragraph", "Signature", "Spacer", "Table", "Title",
    "full_date", "plain_text", "render_pdf", "render_docx",
]
