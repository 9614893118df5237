"""One pass over each sheet's XML of an .xlsx before any cell is read: the sheet's extent (so that
no reader builds a grid of billions of cells), its formula cells and links to other files, and
the masked-copy marker.

The XML is searched as bytes, a piece at a time. A sheet written the usual way (every ``<c>`` and
``<row>`` starting with its ``r="…"``, no namespace prefixes: Excel, WPS, LibreOffice, openpyxl)
is bounded by a few literal-led searches; any piece that is not is scanned with the careful
patterns, and a sheet whose cells or rows omit their reference is counted in order, as Excel
counts them.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from studio_desk.core.errors import StudioDeskError
from studio_desk.core.masked_marker import MaskedEvidence
from studio_desk.core.progress import ProgressFn, report
from studio_desk.core.xml_parts import xml_chunks, xml_text


class WorkbookFileError(StudioDeskError):
    """The file cannot be read as a workbook; the message says why."""


# Bounds checked before a reader allocates anything (SPEC section 9): the reader keeps a sheet as
# one dense grid, so one cell at XFD1048576 would ask for hundreds of GB, and a zip bomb of a few
# MB unpacks to many GB. A 100,000-row ledger is far inside these.
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
MAX_RATIO = 100  # a part this many times smaller packed than unpacked is a bomb (text packs ~10×)
MAX_ROWS = 300_000
MAX_COLUMNS = 500
MAX_CELLS = 12_000_000  # rows × columns of the grid the reader builds
MAX_XLS_BYTES = 64 * 1024 * 1024


@dataclass
class SheetScan:
    """What the sheet XML says before any cell is read."""

    rows: int = 0  # at least the last row and column of a cell that holds something (1-based):
    columns: int = 0  # exact when that is out of bounds, else possibly a bound above it
    formulas: set[tuple[int, int]] = field(default_factory=set)  # 0-based (row, column)
    external_links: bool = False
    external_cells: set[tuple[int, int]] = field(default_factory=set)


def too_big(rows: int, columns: int) -> bool:
    return rows > MAX_ROWS or columns > MAX_COLUMNS or rows * columns > MAX_CELLS


def check_grid(path: Path, sheet: str, rows: int, columns: int) -> None:
    if too_big(rows, columns):
        corner = f"{_column_letters(columns)}{rows}"
        raise WorkbookFileError(
            f"文件“{path.name}”的工作表“{sheet}”数据范围太大（一直到 {corner} 单元格，{rows:,} 行 × {columns:,} 列），"
            f"超出导入上限（{MAX_ROWS:,} 行、{MAX_COLUMNS} 列）。请删除表格右侧和下方多余的内容后另存，再导入。"
        )


def _column_letters(n: int) -> str:
    letters = ""
    while n > 0:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters or "A"


def _check_sizes(path: Path, zf: zipfile.ZipFile) -> None:
    total = 0
    for info in zf.infolist():
        total += info.file_size
        packed = max(info.compress_size, 1)
        if info.file_size > 1024 * 1024 and info.file_size / packed > MAX_RATIO:
            raise WorkbookFileError(
                f"文件“{path.name}”中的“{info.filename}”压缩前有 {info.file_size // (1024 * 1024):,} MB，"
                "是压缩包炸弹一类的异常文件，拒绝读取。"
            )
    if total > MAX_UNPACKED_BYTES:
        raise WorkbookFileError(
            f"文件“{path.name}”解压后有 {total // (1024 * 1024):,} MB，超出导入上限"
            f"（{MAX_UNPACKED_BYTES // (1024 * 1024)} MB）。请拆分成几个文件再导入。"
        )


def scan_xlsx(
    path: Path,
    start: Callable[[int], None],
    scanned: Callable[[str, SheetScan], None],
    evidence: MaskedEvidence | None = None,
    progress: ProgressFn | None = None,
) -> None:
    """Check the parts' sizes, then ``start(number of sheets)``, then scan each sheet and hand it
    to ``scanned(name, scan)`` once it is within bounds (zip errors are the caller's to word)."""
    with zipfile.ZipFile(path) as zf:
        _check_sizes(path, zf)
        if evidence is not None:
            evidence.check_package(zf)
        sheets = _sheet_parts(zf)
        start(len(sheets))
        for number, (sheet, member) in enumerate(sheets):
            report(progress, number, len(sheets), f"正在检查工作表“{sheet}”……")
            scan = _scan(zf, member, evidence)
            check_grid(path, sheet, scan.rows, scan.columns)
            scanned(sheet, scan)


_SHEET_TAG = re.compile(rb'<(?:\w+:)?sheet\b[^>]*?>')
_ATTR = re.compile(rb'([\w:]+)="([^"]*)"')
_REL_TAG = re.compile(rb"<(?:\w+:)?Relationship\b[^>]*?>")


def _sheet_parts(zf: zipfile.ZipFile) -> list[tuple[str, str]]:
    """(name, zip member) of each sheet the workbook lists, in its order."""
    workbook = zf.read("xl/workbook.xml")
    names = set(zf.namelist())
    rels_name = "xl/_rels/workbook.xml.rels"
    rels = zf.read(rels_name) if rels_name in names else b""
    targets = {}
    for tag in _REL_TAG.findall(rels):
        attrs = dict(_ATTR.findall(tag))
        if b"Id" in attrs and b"Target" in attrs:
            targets[attrs[b"Id"]] = xml_text(attrs[b"Target"])
    parts = []
    for tag in _SHEET_TAG.findall(workbook):
        attrs = dict(_ATTR.findall(tag))
        rid = next((v for k, v in attrs.items() if k.endswith(b":id")), None)
        name = attrs.get(b"name")
        if rid is None or name is None or rid not in targets:
            continue
        target = targets[rid]
        member = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        if member in names:
            parts.append((xml_text(name), member))
    return parts


# The usual way of writing, checked per piece: no prefixed cell or formula tag (``:c`` also
# catches the end tag ``</x:c>``), and every cell tag starting with its reference, a column up to
# AZ and a row of at most five digits (``<c r="AB12345"``). A cell written otherwise (without its
# reference, with another attribute first, beyond column AZ or row 99,999) sends the piece to the
# careful patterns. Rows do not matter here: every cell says where it is.
_PREFIXED = re.compile(rb":(?:c|f)[\s>/]")
_UNUSUAL_CELL = re.compile(rb'<c(?! r="[Aa]?[A-Za-z]\d{1,5}")(?=[\s>/])')
_USUAL_ROWS, _USUAL_COLUMNS = 99_999, 52
_PIECE = 1 << 20  # a piece is searched several times: small enough to stay in the CPU's cache
_FORMULA_START = re.compile(rb"<f[\s>/]")
# The careful patterns: any cell reference, however written (false hits only make a piece slower).
_ANY_CELL_REF = re.compile(rb"""r=["']([A-Za-z]+)(\d+)["']""")
# A cell that holds something (not self-closing), with its reference; a formula right inside it
# (its text may end the piece: a piece ends before a tag).
_CELL_REF = re.compile(rb"""<(?:\w+:)?c\b[^>]*?\br=["']([A-Za-z]+)(\d+)["'][^>]*?(?<!/)>""")
_FORMULA_CELL = re.compile(
    rb"""<(?:\w+:)?c\b[^>]*?\br=["']([A-Za-z]+)(\d+)["'][^>]*?(?<!/)>\s*<(?:\w+:)?f\b[^>]*?(?:/>|>([^<]*)(?:<|\Z))"""
)
_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f\b")
# Cells and rows written without their reference (allowed: they follow the one before).
_NO_REF = re.compile(rb"<(?:\w+:)?(?:c|row)(?=[\s>/])(?![^>]*\br=)[^>]*>")
_TOKEN = re.compile(rb"<(?:\w+:)?(row|c|f)(?=[\s>/])([^>]*?)(/?)>([^<]*)")
_REF_ATTR = re.compile(rb"""\br=["']([A-Za-z]*)(\d+)["']""")
_EXTERNAL = re.compile(rb"\[\d+\]")


def _scan(zf: zipfile.ZipFile, member: str, evidence: MaskedEvidence | None) -> SheetScan:
    scan = SheetScan()
    for data in xml_chunks(zf, member, _PIECE):
        if evidence is not None:
            evidence.check_xml(data, values=False)
        if _bound_quickly(data, scan):
            continue
        if _NO_REF.search(data):
            return _scan_in_order(zf, member, evidence)
        refs = _ANY_CELL_REF.findall(data)  # empty cells' too: at least as far as the cells that hold something
        if refs:
            scan.rows = max(scan.rows, max(int(row) for _, row in refs))
            scan.columns = max(scan.columns, max(_column_index(x) + 1 for x in {col for col, _ in refs}))
        _add_formulas(scan, data)
    if too_big(scan.rows, scan.columns):
        scan.rows, scan.columns = _content_extent(zf, member)  # only cells that hold something count
    return scan


def _bound_quickly(data: bytes, scan: SheetScan) -> bool:
    """Bound a piece written the usual way (see above); False when it needs the careful patterns."""
    if _PREFIXED.search(data) or _UNUSUAL_CELL.search(data):
        return False
    scan.rows, scan.columns = max(scan.rows, _USUAL_ROWS), max(scan.columns, _USUAL_COLUMNS)
    if _FORMULA_START.search(data):
        _add_formulas(scan, data)
    return True


def _add_formulas(scan: SheetScan, data: bytes) -> None:
    for cell, text in _formula_cells(data):
        scan.formulas.add(cell)
        if text and _EXTERNAL.search(text):
            scan.external_links = True
            scan.external_cells.add(cell)


def _content_extent(zf: zipfile.ZipFile, member: str) -> tuple[int, int]:
    rows = columns = 0
    for data in xml_chunks(zf, member):
        refs = _CELL_REF.findall(data)
        if refs:
            rows = max(rows, max(int(row) for _, row in refs))
            columns = max(columns, max(_column_index(x) + 1 for x in {col for col, _ in refs}))
    return rows, columns


def _formula_cells(data: bytes) -> list[tuple[tuple[int, int], bytes]]:
    """(0-based row, column) and formula text of each cell whose first child is a formula: the
    exact pattern tried at the cell tag just before each ``<f``."""
    found = []
    for tag in _FORMULA_TAG.finditer(data):
        close = data.rfind(b">", 0, tag.start())
        if close < 0 or data[close + 1 : tag.start()].strip():
            continue
        match = _FORMULA_CELL.match(data, data.rfind(b"<", 0, close))
        if match is not None:
            found.append(((int(match[2]) - 1, _column_index(match[1])), match[3]))
    return found


def _scan_in_order(zf: zipfile.ZipFile, member: str, evidence: MaskedEvidence | None) -> SheetScan:
    """The careful scan for a sheet whose rows or cells omit their reference: positions are
    counted as Excel counts them (one after the other)."""
    scan = SheetScan()
    row, col = 0, 0
    current: tuple[int, int] | None = None
    for data in xml_chunks(zf, member):
        if evidence is not None:
            evidence.check_xml(data, values=False)
        for match in _TOKEN.finditer(data):
            tag, attrs, closed = match[1], match[2], match[3]
            ref = _REF_ATTR.search(attrs)
            if tag == b"row":
                row = int(ref[2]) if ref else row + 1
                col = 0
            elif tag == b"c":
                if ref and ref[1]:
                    row, col = int(ref[2]), _column_index(ref[1]) + 1
                else:
                    col += 1
                current = None if closed else (row - 1, col - 1)
                if current is not None:
                    scan.rows, scan.columns = max(scan.rows, row), max(scan.columns, col)
            elif current is not None:  # <f> inside the cell
                scan.formulas.add(current)
                if _EXTERNAL.search(match[4]):
                    scan.external_links = True
                    scan.external_cells.add(current)
    return scan


def _column_index(letters: bytes) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + (ch - 64)
    return n - 1
