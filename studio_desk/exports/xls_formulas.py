"""Which cells of an old ``.xls`` workbook hold formulas.

python-calamine gives every cell of an .xls file its value, and a formula cell its cached result,
without saying that it is a formula. The import reports formula cells by row and column, so this
module walks the BIFF records of the file's ``Workbook`` stream (``Book`` in Excel 5/95 files):
the ``BOUNDSHEET`` records name the sheets and say where each sheet's records start; each
``FORMULA`` record in a sheet gives its cell. Only record headers are read, so a file that is
large for its kind is still walked quickly, and the walk stops at the end of the stream.
"""

from __future__ import annotations

import struct
from pathlib import Path

import olefile

BOF, EOF, BOUNDSHEET, CODEPAGE, FORMULA = 0x0809, 0x000A, 0x0085, 0x0042, 0x0006
BOF_BIFF5 = (0x0009, 0x0209, 0x0409, 0x0809)  # the BOF record's id in the versions calamine reads
HEADER = struct.Struct("<HH")


class XlsFormatError(Exception):
    """The BIFF records cannot be walked (a damaged file); the message is short, for the reader's."""


def scan_xls_formulas(path: Path) -> dict[str, set[tuple[int, int]]]:
    """Sheet name → its formula cells as 0-based (row, column)."""
    try:
        with olefile.OleFileIO(str(path)) as ole:
            stream = next((name for name in ("Workbook", "Book") if ole.exists(name)), None)
            if stream is None:
                raise XlsFormatError("没有工作簿数据")
            data = ole.openstream(stream).read()
    except (olefile.olefile.OleFileError, ValueError, struct.error, IndexError) as exc:  # a damaged file
        raise XlsFormatError(str(exc)[:80] or type(exc).__name__) from exc
    sheets = _sheets(data)
    return {name: _formula_cells(data, start) for name, start in sheets}


def _records(data: bytes, pos: int):  # type: ignore[no-untyped-def]
    """(record id, body offset, body length) from ``pos`` to the end of the data."""
    end = len(data)
    while pos + HEADER.size <= end:
        rid, size = HEADER.unpack_from(data, pos)
        body = pos + HEADER.size
        if body + size > end:
            raise XlsFormatError("记录超出文件末尾")
        yield rid, body, size
        pos = body + size


def _sheets(data: bytes) -> list[tuple[str, int]]:
    """The sheets the workbook globals list: (name, offset of the sheet's BOF record)."""
    encoding = "cp1252"
    out = []
    for rid, body, size in _records(data, 0):
        if rid == EOF:
            break
        if rid == CODEPAGE and size >= 2:
            (page,) = struct.unpack_from("<H", data, body)
            encoding = "utf-16-le" if page == 1200 else f"cp{page}"
        elif rid == BOUNDSHEET and size >= 7:
            (start,) = struct.unpack_from("<I", data, body)
            out.append((_sheet_name(data[body + 6 : body + size], encoding), start))
    return out


def _sheet_name(raw: bytes, encoding: str) -> str:
    count = raw[0]
    if len(raw) >= 2 + count and raw[1] in (0, 1) and len(raw) == 2 + count * (1 + raw[1]):
        # BIFF8: a flag byte says whether the characters are one byte or two
        return raw[2:].decode("utf-16-le" if raw[1] else "latin-1", errors="replace")
    try:
        return raw[1 : 1 + count].decode(encoding, errors="replace")  # BIFF5: the code page's bytes
    except LookupError:
        return raw[1 : 1 + count].decode("latin-1")


def _formula_cells(data: bytes, start: int) -> set[tuple[int, int]]:
    cells: set[tuple[int, int]] = set()
    depth = 0
    for rid, body, size in _records(data, start):
        if rid in BOF_BIFF5:
            depth += 1  # a chart embedded in the sheet has a BOF … EOF of its own
        elif rid == EOF:
            depth -= 1
            if depth <= 0:
                break
        elif rid == FORMULA and depth == 1 and size >= 4:
            row, col = struct.unpack_from("<HH", data, body)
            cells.add((row, col))
    return cells
