"""Writing cells safely and quickly in openpyxl's write-only mode.

- Text is always written as text: a value starting with ``=``, ``+``, ``-`` or ``@`` would be a
  formula to Excel (openpyxl even turns a leading ``=`` into one), so such cells are forced to
  the string type.
- Characters XML 1.0 cannot hold (most C0 controls, unpaired surrogates, U+FFFE/U+FFFF) are
  replaced by a space instead of breaking the whole file.
- Excel keeps at most 32,767 characters in a cell; longer texts are cut with a note saying so.
- Styles are set up once per column in a template cell; data cells copy its style array, which is
  far cheaper than assigning fonts and borders cell by cell.
"""

from __future__ import annotations

import re
import unicodedata
from copy import copy
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

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


def display_width(text: str) -> float:
    """Column width (in Excel's character units) a text needs: CJK characters count about two."""
    width = 0.0
    for ch in text:
        width += 2.1 if unicodedata.east_asian_width(ch) in ("W", "F") else 1.1
    return width


class CellMaker:
    """Makes styled write-only cells from per-style templates."""

    def __init__(self, ws: WriteOnlyWorksheet):
        self.ws = ws
        self._templates: dict[str, WriteOnlyCell] = {}
        # How many columns the sheet's title spans (set by the print setup; None: all).
        self.title_columns: int | None = None

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
    ) -> None:
        cell = WriteOnlyCell(self.ws)
        cell.font = Font(name=FONT_NAME, size=size, bold=bold)
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

    def cell(self, style: str, value: Any) -> WriteOnlyCell:
        cell = WriteOnlyCell(self.ws)
        # The value and its type are set directly: openpyxl's value setter would guess the type
        # (and turn a leading "=" into a formula) and costs a third of the export time.
        if isinstance(value, str):
            cell._value = clean_text(value)
            cell.data_type = "s"  # never a formula, whatever the text starts with
        elif isinstance(value, bool) or value is None:
            cell.value = value
        elif isinstance(value, (int, float, Decimal)):
            cell._value = value
            cell.data_type = "n"
        elif isinstance(value, (date, datetime)):
            cell._value = value
            cell.data_type = "d"
        else:
            cell.value = value
        cell._style = copy(self._templates[style]._style)
        return cell
