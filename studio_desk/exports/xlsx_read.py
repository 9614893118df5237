"""Opening a workbook for import: what kind of file it is, its sheets' cells, its formula cells.

The file is only read. python-calamine reads the cells (several times faster than openpyxl) and
gives a formula cell its cached value, the result the spreadsheet program saved with the file;
formula cells themselves are found by scanning the sheet XML (.xlsx) or the BIFF records (.xls),
so that the import can say which values came from formulas and which formulas have no saved result.

Each sheet's XML is read once (``xlsx_scan``): its extent (checked before calamine builds the
sheet's grid), its formula cells, its external links and the masked-copy marker. Calamine runs in
a worker thread of its own (it lets go of the GIL while it reads), so that it reads one sheet
while the XML of the next is scanned.
"""

from __future__ import annotations

import queue
import threading
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from studio_desk.core.files import error_message
from studio_desk.core.masked_marker import MaskedEvidence, masked_cells
from studio_desk.core.progress import ProgressFn, report
from studio_desk.exports.xlsx_scan import MAX_XLS_BYTES, SheetScan, WorkbookFileError, check_grid, scan_xlsx

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
_ENCRYPTED_STREAM = "EncryptionInfo".encode("utf-16-le")


@dataclass
class RawSheet:
    name: str
    rows: list[list[Any]]  # from cell A1; rows[i][j] is Excel row i+1, column j+1
    formulas: set[tuple[int, int]] = field(default_factory=set)  # 0-based (row, column)
    hidden: bool = False
    external_cells: set[tuple[int, int]] = field(default_factory=set)  # formulas reading another file
    very_hidden: bool = False  # hidden so that Excel's own menu cannot show it
    external_links: bool = False  # formulas of the sheet refer to another file
    merged: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)  # 0-based corners


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


def read_workbook(
    path: Path, *, progress: ProgressFn | None = None, evidence: MaskedEvidence | None = None
) -> list[RawSheet]:
    """Every sheet's cells (and formula cells for .xlsx), within bounds.

    ``evidence`` collects what says the file is a masked copy (the marker in the XML, masked
    values among the cells). ``progress`` may cancel: the worker thread is then stopped and the
    file closed before the exception goes on."""
    with closing(iter_workbook(path, progress=progress, evidence=evidence)) as sheets:
        return list(sheets)


def iter_workbook(
    path: Path, *, progress: ProgressFn | None = None, evidence: MaskedEvidence | None = None
) -> Iterator[RawSheet]:
    """``read_workbook`` a sheet at a time, each as soon as it is read: the caller works on one
    while the next is read. ``evidence`` is complete when the last sheet has come. Use it inside
    ``contextlib.closing`` so that stopping early stops the reading thread and closes the file."""
    kind = check_file(path)
    if kind == "xls" and path.stat().st_size > MAX_XLS_BYTES:
        raise WorkbookFileError(
            f"文件“{path.name}”有 {path.stat().st_size // (1024 * 1024)} MB，超出旧版 .xls 的读取上限：请在 Excel/WPS 中另存为 .xlsx 再导入。"
        )
    reader = _SheetReader(path, kind, find_masked=evidence is not None)
    try:
        if kind == "xlsx":
            try:
                scan_xlsx(path, reader.start, reader.add, evidence, progress)
            # zlib.error: a damaged compressed sheet; EOFError: one cut short; NotImplementedError:
            # a compression method zipfile does not know (all seen with damaged files).
            except (zipfile.BadZipFile, KeyError, OSError, ValueError, zlib.error, EOFError, NotImplementedError) as exc:
                raise WorkbookFileError(error_message(exc, path)) from exc
        else:
            reader.start(0)  # an .xls is bounded by its size: calamine opens it while its formulas are found
            for name, scan in (_xls_scans(path) if kind == "xls" else {}).items():
                reader.add(name, scan)
        for sheet in reader.arrivals(progress):
            if evidence is not None:
                evidence.add_values(reader.masked.get(sheet.name, ()))
            yield sheet
    finally:
        reader.stop()


def _xls_scans(path: Path) -> dict[str, SheetScan]:
    from studio_desk.exports.xls_formulas import XlsFormatError, scan_xls_formulas

    try:
        found = scan_xls_formulas(path)
    except XlsFormatError as exc:
        raise WorkbookFileError(f"文件“{path.name}”已损坏，无法读取（{exc}）。") from exc
    except OSError as exc:
        raise WorkbookFileError(error_message(exc, path)) from exc
    return {name: SheetScan(formulas=cells) for name, cells in found.items()}


class _SheetReader:
    """Calamine in a thread of its own, the only thread that touches its workbook: it reads each
    sheet once the XML scan has bounded it (:meth:`add`), then, at :meth:`finish`, the sheets the
    scan did not name. Its errors reach the caller at :meth:`finish`, as the clerk's messages."""

    def __init__(self, path: Path, kind: str, *, find_masked: bool):
        self.path, self.kind, self.find_masked = path, kind, find_masked
        self.masked: dict[str, list[str]] = {}  # sheet name → masked texts among its cells
        self._todo: queue.SimpleQueue[tuple[str, SheetScan] | None] = queue.SimpleQueue()
        self._done: queue.SimpleQueue[RawSheet | None] = queue.SimpleQueue()  # None: the worker ended
        self._thread = threading.Thread(target=self._run, name="workbook-reader", daemon=True)
        self._stopping = False
        self._error: BaseException | None = None
        self._total = self._read = 0

    def start(self, sheets: int) -> None:
        """Open the workbook in the worker (only once its parts' sizes are known to be sane)."""
        self._total = sheets
        self._thread.start()

    def add(self, name: str, scan: SheetScan) -> None:
        self._todo.put((name, scan))

    def arrivals(self, progress: ProgressFn | None) -> Iterator[RawSheet]:
        """Each sheet as the worker has read it; its error raised once the worker is done. This
        thread looks for masked values among the cells of each sheet read (the worker reads the
        next one meanwhile)."""
        self._todo.put(None)
        while True:
            report(progress, self._read, max(self._total, self._read, 1), "正在读取文件……")
            try:
                raw = self._done.get(timeout=0.1)
            except queue.Empty:
                continue
            if raw is None:
                break
            if self.find_masked:
                self.masked[raw.name] = masked_cells(raw.rows)
            yield raw
        self._thread.join()
        if self._error is not None:
            raise _reader_error(self.path, self._error)

    def stop(self) -> None:
        """Let the worker end after the sheet it reads and wait for it (the file is then closed)."""
        if self._thread.ident is None:
            return
        self._stopping = True
        self._todo.put(None)
        self._thread.join()

    def _run(self) -> None:
        try:
            self._read_all()
        except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
            self._error = exc
        finally:
            self._done.put(None)

    def _read_all(self) -> None:
        from python_calamine import CalamineWorkbook, SheetTypeEnum

        if self.path.suffix.lower() == f".{self.kind}":
            wb = CalamineWorkbook.from_path(str(self.path))
        else:  # named otherwise than it is (an .xlsx renamed .xls): read as what its bytes are
            with self.path.open("rb") as fh:
                wb = CalamineWorkbook.from_filelike(fh)
        try:
            # In the workbook's order (chart sheets and the like hold no cells), each once the
            # scan has bounded it; a sheet the scan did not name, once the scan is over.
            scans: dict[str, SheetScan] = {}
            scanned_all = False
            for meta in [m for m in wb.sheets_metadata if m.typ == SheetTypeEnum.WorkSheet]:
                while meta.name not in scans and not scanned_all:
                    item = self._todo.get()
                    if item is None:
                        scanned_all = True
                    else:
                        scans[item[0]] = item[1]
                if self._stopping:
                    return
                self._sheet(wb, meta, scans.get(meta.name, SheetScan()))
        finally:
            wb.close()

    def _sheet(self, wb: Any, meta: Any, scan: SheetScan) -> RawSheet:
        from python_calamine import SheetVisibleEnum

        sheet = wb.get_sheet_by_name(meta.name)  # the grid is built here, without the GIL
        check_grid(self.path, meta.name, max(scan.rows, sheet.height), max(scan.columns, sheet.width))
        rows = sheet.to_python(skip_empty_area=False)
        raw = RawSheet(meta.name, rows, scan.formulas, meta.visible != SheetVisibleEnum.Visible)
        raw.very_hidden = meta.visible == SheetVisibleEnum.VeryHidden
        raw.external_links = scan.external_links
        raw.external_cells = scan.external_cells
        raw.merged = list(getattr(sheet, "merged_cell_ranges", None) or [])
        self._read += 1
        self._done.put(raw)
        return raw


def _reader_error(path: Path, exc: BaseException) -> BaseException:
    from python_calamine import CalamineError, PasswordError

    if isinstance(exc, PasswordError):
        error: BaseException = WorkbookFileError(f"文件“{path.name}”设有密码，无法读取。请取消密码后另存再导入。")
    elif isinstance(exc, (CalamineError, OSError, ValueError)) and not isinstance(exc, WorkbookFileError):
        error = WorkbookFileError(error_message(exc, path))
    else:
        return exc
    error.__cause__ = exc
    return error
