"""Opening a workbook for import: what kind of file it is, its sheets' cells, its formula cells.

The file is only read. python-calamine reads the cells (several times faster than openpyxl);
formulas are found by scanning the sheet XML, because calamine gives only their cached values.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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
        raise WorkbookFileError(f"无法读取文件“{path.name}”：{exc.strerror or exc}。") from exc
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


def read_workbook(path: Path) -> list[RawSheet]:
    """Every sheet's cells (and formula cells for .xlsx)."""
    from python_calamine import (
        CalamineError,
        CalamineWorkbook,
        PasswordError,
        SheetTypeEnum,
        SheetVisibleEnum,
    )

    kind = check_file(path)
    try:
        wb = CalamineWorkbook.from_path(str(path))
    except PasswordError as exc:
        raise WorkbookFileError(f"文件“{path.name}”设有密码，无法读取。请取消密码后另存再导入。") from exc
    except (CalamineError, OSError, ValueError) as exc:
        raise WorkbookFileError(f"文件“{path.name}”已损坏，无法读取（{_short(exc)}）。") from exc
    formulas: dict[str, set[tuple[int, int]]] = {}
    if kind == "xlsx":
        try:
            formulas = _formula_cells(path)
        # zlib.error: a damaged compressed sheet; EOFError: one cut short; NotImplementedError:
        # a compression method zipfile does not know (all seen with damaged files).
        except (zipfile.BadZipFile, KeyError, OSError, ValueError, zlib.error, EOFError, NotImplementedError) as exc:
            raise WorkbookFileError(f"文件“{path.name}”已损坏，无法读取（{_short(exc)}）。") from exc
    sheets = []
    try:
        for meta in wb.sheets_metadata:
            if meta.typ != SheetTypeEnum.WorkSheet:
                continue  # chart sheets and the like hold no cells
            sheet = wb.get_sheet_by_name(meta.name)
            rows = sheet.to_python(skip_empty_area=False)
            hidden = meta.visible != SheetVisibleEnum.Visible
            sheets.append(RawSheet(meta.name, rows, formulas.get(meta.name, set()), hidden))
    except PasswordError as exc:
        raise WorkbookFileError(f"文件“{path.name}”设有密码，无法读取。请取消密码后另存再导入。") from exc
    except (CalamineError, OSError, ValueError) as exc:
        raise WorkbookFileError(f"文件“{path.name}”已损坏，无法读取（{_short(exc)}）。") from exc
    finally:
        wb.close()
    return sheets


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:120]


_SHEET_TAG = re.compile(rb'<(?:\w+:)?sheet\b[^>]*?>')
_ATTR = re.compile(rb'([\w:]+)="([^"]*)"')
_REL_TAG = re.compile(rb"<(?:\w+:)?Relationship\b[^>]*?>")
_FORMULA_CELL = re.compile(rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{1,3})(\d+)"[^>]*?(?<!/)>\s*<(?:\w+:)?f\b')
_CHUNK = 4 * 1024 * 1024
_OVERLAP = 4096


def _formula_cells(path: Path) -> dict[str, set[tuple[int, int]]]:
    """Sheet name → 0-based (row, column) of every cell holding a formula."""
    from xml.sax.saxutils import unescape

    out: dict[str, set[tuple[int, int]]] = {}
    with zipfile.ZipFile(path) as zf:
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
            out[unescape(name.decode("utf-8"), {"&quot;": '"', "&apos;": "'"})] = _scan(zf, member)
    return out


def _scan(zf: zipfile.ZipFile, member: str) -> set[tuple[int, int]]:
    found: set[tuple[int, int]] = set()
    with zf.open(member) as fh:
        tail = b""
        while True:
            chunk = fh.read(_CHUNK)
            if not chunk:
                break
            data = tail + chunk
            if b"<f" in data or b":f" in data:
                for match in _FORMULA_CELL.finditer(data):
                    found.add((int(match[2]) - 1, _column_index(match[1])))
            tail = data[-_OVERLAP:]
    return found


def _column_index(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n - 1
