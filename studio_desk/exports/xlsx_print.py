"""How a ledger sheet prints: readable on A4 paper, never shrunk to fit.

A sheet is printed at the largest scale up to 100 % that fits its printed columns on one A4
landscape page, but never below ``MIN_SCALE``: 10.5 pt text then stays above 9 pt on paper. A sheet
wider than that prints over several pages across (a band of rows across, then the next band), with
its first columns and the header row repeated on every page, so each page can be read by itself. The columns written only for the import (记录编号 and what follows it) are outside the
print area. The page header names the studio, the ledger and the year; the footer numbers pages.
"""

from __future__ import annotations

import math

from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from studio_desk.core.masked_marker import MASKED_MARKER

BODY_PT = 10.5
MIN_SCALE = 86  # 10.5 pt × 86 % ≈ 9 pt on paper
HEADER_PT = 10
# A4 landscape, 0.4" side margins: 10.9" (784 pt) printable. A column of width w prints about
# 7w pt wide in LibreOffice (measured) and about 5.3w pt in Excel; the larger is assumed, so a
# sheet planned as one page wide is one page wide in both.
PRINTABLE_PT = (11.69 - 0.8) * 72
REPEATED_COLUMNS = 2  # 序号 and the column that names the row (日期, 姓名 …)


def column_points(width: float) -> float:
    return 7 * width


def print_scale(widths: list[float]) -> int:
    """The largest scale (≤ 100 %, ≥ MIN_SCALE) at which the columns fit one page wide."""
    needed = sum(column_points(w) for w in widths)
    if needed <= 0:
        return 100
    return max(MIN_SCALE, min(100, math.floor(100 * PRINTABLE_PT / needed)))


def pages_across(widths: list[float]) -> int:
    scale = print_scale(widths) / 100
    needed = sum(column_points(w) for w in widths) * scale
    return max(1, math.ceil(needed / PRINTABLE_PT - 1e-9))


def first_page_columns(widths: list[float]) -> int:
    """How many of the columns fit on the first page across (at least the repeated ones)."""
    room = PRINTABLE_PT * 100 / print_scale(widths)
    used, n = 0.0, 0
    for width in widths:
        used += column_points(width)
        if used > room:
            break
        n += 1
    return max(n, min(REPEATED_COLUMNS, len(widths)))


def setup_print(
    ws: WriteOnlyWorksheet,
    widths: list[float],
    *,
    printed: int,
    page_header: str,
    masked: bool,
) -> int:
    """Print settings for a sheet whose first ``printed`` columns are for readers; returns how many
    columns the title row spans (those of the first page, so the title is never cut).

    Must be called before the first row is written (a write-only sheet writes them first).
    A sheet one page wide repeats its title and header rows; a wider one repeats the header row
    and its first columns, and its title stands on the first page (the page header of every page
    names the studio, the ledger and the year)."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = "9"  # A4
    ws.page_setup.scale = print_scale(widths[:printed])
    ws.sheet_properties.pageSetUpPr.fitToPage = False
    across = pages_across(widths[:printed]) > 1
    ws.page_setup.pageOrder = "overThenDown"
    ws.print_options.horizontalCentered = not across
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.page_margins.header = ws.page_margins.footer = 0.3
    ws.print_title_rows = "2:2" if across else "1:2"
    if across:
        ws.print_title_cols = f"A:{get_column_letter(REPEATED_COLUMNS)}"
    for part in (ws.oddHeader, ws.evenHeader):
        part.center.text = page_header
        part.center.size = HEADER_PT
        if masked:
            part.right.text = MASKED_MARKER
            part.right.size = HEADER_PT
    for part in (ws.oddFooter, ws.evenFooter):
        part.center.text = "第 &P 页 共 &N 页"
        part.center.size = HEADER_PT
    return first_page_columns(widths[:printed]) if across else printed


def print_area(ws: WriteOnlyWorksheet, printed: int, last_row: int) -> None:
    ws.print_area = f"A1:{get_column_letter(printed)}{max(last_row, 2)}"
