"""How a ledger sheet prints: one page wide, every record on one line of one page, readable.

Each sheet prints fitted to one page across (landscape), so a record never splits over two pages
and its long texts wrap in their columns. Readable means no text below 8 pt on paper: the printed
columns are planned to fit at ``MIN_FIT`` or more of their size (10.5 pt body text stays above
8.8 pt, the 11 pt page header above 9 pt). Wrapping columns (texts, names) are narrowed towards
a floor to make the sheet fit A4; a sheet whose columns cannot fit A4 even then (活动, 接待走访,
提案 with all their columns) prints on A3, as the county's A3 ledgers do. The title and the header
row are repeated on every page; the columns written only for the import (记录编号 and what follows
it) are outside the print area. The page header names the studio, the ledger and the year; the
footer numbers pages.
"""

from __future__ import annotations

from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from studio_desk.core.masked_marker import MASKED_MARKER

BODY_PT = 10.5
HEADER_PT = 11
MIN_FIT = 0.84  # the smallest fit planned for: 10.5 pt × 84 % ≈ 8.8 pt on paper
A4, A3 = "9", "8"  # openpyxl's paper size codes
# Printable width in landscape with 0.4" side margins. A column of width w prints about 7w pt wide
# in LibreOffice (measured) and about 5.3w pt in Excel; the larger is assumed, so a sheet planned
# to fit at MIN_FIT fits at least as large in both.
PRINTABLE_PT = {A4: (11.69 - 0.8) * 72, A3: (16.54 - 0.8) * 72}


def column_points(width: float) -> float:
    return 7 * width


def room(paper: str) -> float:
    """The sum of column widths that fits one page across at MIN_FIT."""
    return PRINTABLE_PT[paper] / MIN_FIT / column_points(1)


def fit_widths(widths: list[float], floors: list[float]) -> tuple[list[float], str]:
    """The widths narrowed (each down to its floor at most) to fit one page across, and the paper:
    A4 if they can fit it, else A3."""
    for paper in (A4, A3):
        fitted = _narrowed(widths, floors, room(paper))
        if fitted is not None:
            return fitted, paper
    return [min(w, f) for w, f in zip(widths, floors)], A3  # wider still: the fit goes below MIN_FIT


def _narrowed(widths: list[float], floors: list[float], budget: float) -> list[float] | None:
    excess = sum(widths) - budget
    if excess <= 0:
        return list(widths)
    slack = [max(w - f, 0.0) for w, f in zip(widths, floors)]
    if sum(slack) < excess:
        return None
    share = excess / sum(slack)
    return [round(w - s * share, 1) for w, s in zip(widths, slack)]


def setup_print(
    ws: WriteOnlyWorksheet,
    widths: list[float],
    *,
    printed: int,
    page_header: str,
    masked: bool,
    paper: str = A4,
) -> int:
    """Print settings for a sheet whose first ``printed`` columns are for readers and fit ``paper``
    one page across (:func:`fit_widths`); returns how many columns the title row spans (all the
    printed ones: the title is never cut).

    Must be called before the first row is written (a write-only sheet writes them first)."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = paper
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as the rows need
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.page_margins.header = ws.page_margins.footer = 0.3
    ws.print_title_rows = "1:2"
    for part in (ws.oddHeader, ws.evenHeader):
        part.center.text = page_header
        part.center.size = HEADER_PT
        if masked:
            part.right.text = MASKED_MARKER
            part.right.size = HEADER_PT
    for part in (ws.oddFooter, ws.evenFooter):
        part.center.text = "第 &P 页 共 &N 页"
        part.center.size = HEADER_PT
    return printed


def print_area(ws: WriteOnlyWorksheet, printed: int, last_row: int) -> None:
    ws.print_area = f"A1:{get_column_letter(printed)}{max(last_row, 2)}"
