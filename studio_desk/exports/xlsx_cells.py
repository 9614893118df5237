"""Writing cells safely and quickly in openpyxl's write-only mode.

- Text is always written as text: a value starting with ``=``, ``+``, ``-`` or ``@`` would be a
  formula to Excel (openpyxl even turns a leading ``=`` into one), so such cells are forced to
  the string type.
- Characters XML 1.0 cannot hold (most C0 controls, unpaired surrogates, U+FFFE/U+FFFF) are
  replaced by a space instead of breaking the whole file.
- Excel keeps at most 32,767 characters in a cell; longer texts are cut with a note saying so.
- Styles are set up once per column style in a template cell and registered with the workbook
  once; data cells share its style array and id, which is far cheaper than assigning fonts and
  borders cell by cell.
- A sheet's XML is written in UTF-8: openpyxl's own writer writes ASCII, every Chinese character
  as an eight-byte character reference, which costs a twentieth of an export and file size.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.xml.constants import SHEET_MAIN_NS
from openpyxl.xml.functions import xmlfile

EXCEL_CELL_LIMIT = 32_767
CUT_NOTE = "……（内容过长，超出 Excel 单元格上限，已截断）"
FORMULA_STARTS = ("=", "+", "-", "@")

_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Excel and the import's reader decode ``_x0041_`` in a cell to "A": a text that holds such a
# sequence has its underscore written as ``_x005F_`` so that it reads back as typed.
_ESCAPE_LIKE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)")

FONT_NAME = "宋体"
THIN = Side(style="thin", color="808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")

DATE_FORMAT = "yyyy-mm-dd"
MONEY_FORMAT = "#,##0.00"
INT_FORMAT = "#,##0"


def clean_text(text: str) -> str:
    """Text an xlsx file can hold: illegal characters replaced, cut to Excel's cell limit."""
    if _ILLEGAL_XML.search(text):
        text = _ILLEGAL_XML.sub(" ", text)
    if "_x" in text:
        text = _ESCAPE_LIKE.sub("_x005F_", text)
    if len(text) > EXCEL_CELL_LIMIT:
        text = text[: EXCEL_CELL_LIMIT - len(CUT_NOTE)] + CUT_NOTE
    return text


# Runs of characters that take two columns (East Asian wide and full-width forms), as one pattern:
# their lengths summed are several times faster than asking unicodedata character by character,
# and than matching the characters one at a time (a Chinese text is mostly one or two long runs).
_WIDE_RUNS = re.compile(
    "[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
    "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd]+"
)


def display_width(text: str) -> float:
    """Column width (in Excel's character units) a text needs: CJK characters count about two."""
    return 1.1 * len(text) + 1.0 * sum(map(len, _WIDE_RUNS.findall(text)))


class _StyledCell(Cell):
    """A write-only cell whose style was registered with the workbook once, for its column's style:
    openpyxl otherwise looks the style array up again for every cell it writes."""

    __slots__ = ("_style_id",)

    @property
    def style_id(self) -> int:  # type: ignore[override]
        return self._style_id

    @property
    def has_style(self) -> bool:  # type: ignore[override]
        return True


def _cells_to_row(values: Any, row_idx: int) -> Any:
    """A row of prepared cells, as openpyxl's write-only sheet wants it (its own version first
    tries each value as a plain value and creates a cell per row, which costs a third of an export)."""
    for col_idx, cell in enumerate(values, 1):
        if cell is None:
            continue
        if type(cell) is not _StyledCell:
            raise TypeError("a ledger sheet is written from CellMaker cells only")
        cell.column = col_idx
        cell.row = row_idx
        yield cell


class _Utf8SheetWriter(WorksheetWriter):
    """openpyxl's sheet writer with the XML in UTF-8 (its ``get_stream`` but for the encoding)."""

    def get_stream(self) -> Any:
        with xmlfile(self.out, encoding="utf-8") as xf:
            with xf.element("worksheet", xmlns=SHEET_MAIN_NS):
                try:
                    while True:
                        el = yield
                        if el is True:
                            yield xf
                        elif el is not None:
                            xf.write(el)
                except GeneratorExit:
                    pass


def _utf8_writer(ws: WriteOnlyWorksheet) -> None:
    """``WriteOnlyWorksheet._get_writer`` with the UTF-8 writer."""
    if ws._writer is None:
        ws._writer = _Utf8SheetWriter(ws)
        ws._writer.write_top()


class CellMaker:
    """Makes styled write-only cells from per-style templates (one style array and id per style)."""

    def __init__(self, ws: WriteOnlyWorksheet):
        self.ws = ws
        self._templates: dict[str, WriteOnlyCell] = {}
        self._styles: dict[str, tuple[Any, int]] = {}
        # How many columns the sheet's title spans (set by the print setup; None: all).
        self.title_columns: int | None = None
        ws._values_to_row = _cells_to_row  # type: ignore[method-assign]
        ws._get_writer = lambda: _utf8_writer(ws)  # type: ignore[method-assign]

    def define(
        self,
        name: str,
        *,
        number_format: str | None = None,
        bold: bool = False,
        size: float = 10.5,
        wrap: bool = False,
        horizontal: str | None = None,
        border: bool = True,
        fill: PatternFill | None = None,
        color: str | None = None,
    ) -> None:
        cell = WriteOnlyCell(self.ws)
        cell.font = Font(name=FONT_NAME, size=size, bold=bold, color=color)
        cell.alignment = Alignment(
            horizontal=horizontal, vertical="center", wrap_text=wrap
        )
        if border:
            cell.border = BORDER
        if fill is not None:
            cell.fill = fill
        if number_format:
            cell.number_format = number_format
        self._templates[name] = cell
        self._styles[name] = (cell._style, self.ws.parent._cell_styles.add(cell._style))

    def cell(self, style: str, value: Any) -> Cell:
        cell = _StyledCell.__new__(_StyledCell)
        cell.parent = self.ws
        cell._style, cell._style_id = self._styles[style]  # shared: never changed once written
        cell._hyperlink = None
        cell._comment = None
        cell.row = cell.column = 1
        # The value and its type are set directly: openpyxl's value setter would guess the type
        # (and turn a leading "=" into a formula) and costs a third of the export time.
        if isinstance(value, str):
            cell._value = clean_text(value)
            cell.data_type = "s"  # never a formula, whatever the text starts with
        elif value is None:
            cell._value = None
            cell.data_type = "n"
        elif isinstance(value, bool):
            cell._value = value
            cell.data_type = "b"
        elif isinstance(value, (int, float, Decimal)):
            cell._value = value
            cell.data_type = "n"
        elif isinstance(value, (date, datetime)):
            cell._value = value
            cell.data_type = "d"
        else:
            cell._value = clean_text(str(value))
            cell.data_type = "s"
        return cell


def save_workbook(wb: Any, path: Any) -> None:
    """``wb.save(path)``, with the zip archive closed however writing ends: openpyxl leaves it
    open when a full disk stops it, and its finaliser then prints a traceback at exit."""
    import zipfile

    from openpyxl.writer.excel import ExcelWriter

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(wb, archive).write_data()
