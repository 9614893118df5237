"""Opening a workbook for import: what kind of file it is, its sheets' cells, its formula cells.

The file is only read. python-calamine reads the cells (several times faster than openpyxl) and
gives a formula cell its cached value, the result the spreadsheet program saved with the file;
formula cells themselves are found by scanning the sheet XML (.xlsx) or the BIFF records (.xls),
so that the import can say which values came from formulas and which formulas have no saved result.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from studio_desk.core.files import error_message
from studio_desk.core.errors import StudioDeskError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
_ENCRYPTED_STREAM = "EncryptionInfo".encode("utf-16-le")


class WorkbookFileError(StudioDeskError):
    """The file cannot be read as a workbook; the message says why."""


@dataclass
class RawSheet:
    name: str
    rows: list[list[Any]]  # from cell A1; rows[i][j] is Excel row i+1, column j+1
    formulas: set[tuple[int, int]] = field(default_factory=set)  # 0-based (row, column)
    hidden: bool = False
    external_cells: set[tuple[int, int]] = field(default_factory=set)  # formulas reading another file
    very_hidden: bool = False  # hidden so that Excel's own menu cannot show it
    external_links: bool = False  # formulas of the sheet refer to another file


def check_file(path: Path) -> str:
    """``"xlsx"`` or ``"xls"`` (or ``"ods"``), or a :class:`WorkbookFileError` saying what is wrong."""
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(8)
    except FileNotFoundError as exc:
        raise WorkbookFileError(f"找不到文件“{path}”。") from exc
    except IsADirectoryError as exc:
        raise WorkbookFileError(f"“{path}”是文件夹，不是 Excel 文件。") from exc
    except OSError as exc:
        raise WorkbookFileError(error_message(exc, path)) from exc
    if size == 0:
        raise WorkbookFileError(f"文件“{path.name}”是空的（0 字节），没有可导入的内容。")
    if head.startswith(OLE_MAGIC):
        with path.open("rb") as fh:
            data = fh.read(min(size, 8 * 1024 * 1024))
        if _ENCRYPTED_STREAM in data:
            raise WorkbookFileError(
                f"文件“{path.name}”设有打开密码，无法读取。请在 Excel/WPS 中打开它，"
                "取消密码（文件→信息→保护工作簿）后另存，再导入。"
            )
        return "xls"
    if not head.startswith(ZIP_MAGIC):
        raise WorkbookFileError(
            f"文件“{path.name}”不是 Excel 工作簿（.xlsx/.xls）。如果是 CSV 或文本文件，"
            "请先在 Excel/WPS 中另存为 .xlsx 再导入。"
        )
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise WorkbookFileError(f"文件“{path.name}”已损坏或不完整（可能没有复制完），无法读取。") from exc
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "content.xml" in names and "mimetype" in names:
        return "ods"
    raise WorkbookFileError(f"文件“{path.name}”不是 Excel 工作簿（可能是 Word 文档或其他压缩文件）。")


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

    rows: int = 0  # the last row and column that hold something (1-based; columns: at most the
    columns: int = 0  # last column referenced, exact when that would be out of bounds)
    formulas: set[tuple[int, int]] = field(default_factory=set)  # 0-based (row, column)
    external_links: bool = False
    external_cells: set[tuple[int, int]] = field(default_factory=set)


def read_workbook(path: Path) -> list[RawSheet]:
    """Every sheet's cells (and formula cells for .xlsx), within bounds."""
    from python_calamine import (
        CalamineError,
        CalamineWorkbook,
        PasswordError,
        SheetTypeEnum,
        SheetVisibleEnum,
    )

    kind = check_file(path)
    scans: dict[str, SheetScan] = {}
    if kind == "xlsx":
        try:
            scans = _scan_workbook(path)
        # zlib.error: a damaged compressed sheet; EOFError: one cut short; NotImplementedError:
        # a compression method zipfile does not know (all seen with damaged files).
        except (zipfile.BadZipFile, KeyError, OSError, ValueError, zlib.error, EOFError, NotImplementedError) as exc:
            raise WorkbookFileError(error_message(exc, path)) from exc
    elif kind == "xls":
        if path.stat().st_size > MAX_XLS_BYTES:
            raise WorkbookFileError(
                f"文件“{path.name}”有 {path.stat().st_size // (1024 * 1024)} MB，超出旧版 .xls 的读取上限：请在 Excel/WPS 中另存为 .xlsx 再导入。"
            )
        from studio_desk.exports.xls_formulas import XlsFormatError, scan_xls_formulas

        try:
            found = scan_xls_formulas(path)
        except XlsFormatError as exc:
            raise WorkbookFileError(f"文件“{path.name}”已损坏，无法读取（{exc}）。") from exc
        except OSError as exc:
            raise WorkbookFileError(error_message(exc, path)) from exc
        scans = {name: SheetScan(formulas=cells) for name, cells in found.items()}
    try:
        wb = CalamineWorkbook.from_path(str(path))
    except PasswordError as exc:
        raise WorkbookFileError(f"文件“{path.name}”设有密码，无法读取。请取消密码后另存再导入。") from exc
    except (CalamineError, OSError, ValueError) as exc:
        raise WorkbookFileError(error_message(exc, path)) from exc
    sheets = []
    try:
        for meta in wb.sheets_metadata:
            if meta.typ != SheetTypeEnum.WorkSheet:
                continue  # chart sheets and the like hold no cells
            scan = scans.get(meta.name, SheetScan())
            sheet = wb.get_sheet_by_name(meta.name)
            _check_grid(path, meta.name, max(scan.rows, sheet.height), max(scan.columns, sheet.width))
            rows = sheet.to_python(skip_empty_area=False)
            hidden = meta.visible != SheetVisibleEnum.Visible
            raw = RawSheet(meta.name, rows, scan.formulas, hidden)
            raw.very_hidden = meta.visible == SheetVisibleEnum.VeryHidden
            raw.external_links = scan.external_links
            raw.external_cells = scan.external_cells
            sheets.append(raw)
    except PasswordError as exc:
        raise WorkbookFileError(f"文件“{path.name}”设有密码，无法读取。请取消密码后另存再导入。") from exc
    except (CalamineError, OSError, ValueError) as exc:
        raise WorkbookFileError(error_message(exc, path)) from exc
    finally:
        wb.close()
    return sheets


def _too_big(rows: int, columns: int) -> bool:
    return rows > MAX_ROWS or columns > MAX_COLUMNS or rows * columns > MAX_CELLS


def _check_grid(path: Path, sheet: str, rows: int, columns: int) -> None:
    if _too_big(rows, columns):
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


_SHEET_TAG = re.compile(rb'<(?:\w+:)?sheet\b[^>]*?>')
_ATTR = re.compile(rb'([\w:]+)="([^"]*)"')
_REL_TAG = re.compile(rb"<(?:\w+:)?Relationship\b[^>]*?>")
_CHUNK = 4 * 1024 * 1024
# A cell that holds something (not self-closing), with its reference; a formula right inside it.
_CELL_REF = re.compile(rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{1,3})(\d+)"[^>]*?(?<!/)>')
_FORMULA_CELL = re.compile(
    rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{1,3})(\d+)"[^>]*?(?<!/)>\s*<(?:\w+:)?f\b[^>]*?(?:/>|>([^<]*)<)'
)
# Where a formula may start, and any cell reference at all: both found at a glance, so that
# the exact patterns above run only where they can match (a sheet has ~20 cells a row).
_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f\b")
_ANY_CELL_REF = re.compile(rb'r="([A-Z]{1,3})\d+"')  # a plain prefix: the fast search
_ROW_REF = re.compile(rb'<(?:\w+:)?row\b[^>]*?\br="(\d+)"')
# Cells and rows written without their reference (allowed: they follow the one before).
_NO_REF = re.compile(rb'<(?:\w+:)?(?:c|row)(?=[\s>/])(?![^>]*\br=)[^>]*>')
_TOKEN = re.compile(rb'<(?:\w+:)?(row|c|f)(?=[\s>/])([^>]*?)(/?)>([^<]*)')
_REF_ATTR = re.compile(rb'\br="([A-Z]{0,3})(\d+)"')
_EXTERNAL = re.compile(rb"\[\d+\]")


def _scan_workbook(path: Path) -> dict[str, SheetScan]:
    """Sheet name → its extent and formula cells, from the XML (sizes checked first)."""
    from xml.sax.saxutils import unescape

    out: dict[str, SheetScan] = {}
    with zipfile.ZipFile(path) as zf:
        _check_sizes(path, zf)
        workbook = zf.read("xl/workbook.xml")
        rels_name = "xl/_rels/workbook.xml.rels"
        rels = zf.read(rels_name) if rels_name in zf.namelist() else b""
        targets = {}
        for tag in _REL_TAG.findall(rels):
            attrs = dict(_ATTR.findall(tag))
            if b"Id" in attrs and b"Target" in attrs:
                targets[attrs[b"Id"]] = attrs[b"Target"].decode("utf-8")
        names = set(zf.namelist())
        for tag in _SHEET_TAG.findall(workbook):
            attrs = dict(_ATTR.findall(tag))
            rid = next((v for k, v in attrs.items() if k.endswith(b":id")), None)
            name = attrs.get(b"name")
            if rid is None or name is None or rid not in targets:
                continue
            target = targets[rid]
            member = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
            if member not in names:
                continue
            sheet = unescape(name.decode("utf-8"), {"&quot;": '"', "&apos;": "'"})
            scan = _scan(zf, member)
            _check_grid(path, sheet, scan.rows, scan.columns)
            out[sheet] = scan
    return out


def _chunks(zf: zipfile.ZipFile, member: str):  # type: ignore[no-untyped-def]
    """The part in pieces that end just before a tag (a tag is never cut in two)."""
    with zf.open(member) as fh:
        tail = b""
        while True:
            chunk = fh.read(_CHUNK)
            if not chunk:
                if tail:
                    yield tail
                return
            data = tail + chunk
            cut = data.rfind(b"<")
            if cut <= 0:
                tail = data
                continue
            yield data[:cut]
            tail = data[cut:]


def _scan(zf: zipfile.ZipFile, member: str) -> SheetScan:
    scan = SheetScan()
    for data in _chunks(zf, member):
        if _NO_REF.search(data):
            return _scan_in_order(zf, member)
        rows = _ROW_REF.findall(data)
        if rows:
            scan.rows = max(scan.rows, max(int(r) for r in rows))
        # Every reference, empty cells' too: at least as wide as the cells that hold something.
        letters = set(_ANY_CELL_REF.findall(data))
        if letters:
            scan.columns = max(scan.columns, max(_column_index(x) + 1 for x in letters))
        for cell, text in _formula_cells(data):
            scan.formulas.add(cell)
            if text and _EXTERNAL.search(text):
                scan.external_links = True
                scan.external_cells.add(cell)
    if _too_big(scan.rows, scan.columns):
        scan.columns = _content_columns(zf, member)  # only cells that hold something count
    return scan


def _content_columns(zf: zipfile.ZipFile, member: str) -> int:
    columns = 0
    for data in _chunks(zf, member):
        letters = set(m[0] for m in _CELL_REF.findall(data))
        if letters:
            columns = max(columns, max(_column_index(x) + 1 for x in letters))
    return columns


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


def _scan_in_order(zf: zipfile.ZipFile, member: str) -> SheetScan:
    """The careful scan for a sheet whose rows or cells omit their reference: positions are
    counted as Excel counts them (one after the other)."""
    scan = SheetScan()
    row, col = 0, 0
    current: tuple[int, int] | None = None
    for data in _chunks(zf, member):
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
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n - 1
