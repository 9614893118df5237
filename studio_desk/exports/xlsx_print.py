"""How a ledger sheet prints: one page wide, every record on one line of one page, readable.

Each sheet prints fitted to one page across (landscape), so a record never splits over two pages
and its long texts wrap in their columns. Readable means no text below 8 pt on paper: the printed
columns are planned to fit at ``MIN_FIT`` or more of their size (10.5 pt body text stays above
8.8 pt, the 11 pt page header above 9 pt). Wrapping columns (texts, names) are narrowed towards
a floor to make the sheet fit the page.

The paper is the clerk's choice (:data:`PAPER_CHOICES`). On A4, the default (township offices have
A4 printers only), a wide ledger (活动, 接待走访, 提案 cannot fit A4 readably with all their columns)
prints its print layout: the columns its spec marks ``on_a4`` are printed, the others stay in
their places with their data, folded into collapsed column groups the clerk opens with the "+"
above the column letters (hidden columns are not printed), and a note beside the title says so.
On A3, as a county may ask for it, every column prints: a sheet that fits A4 stays on A4, a wider
one goes on A3. The title and the header row are repeated on every page; the columns written
only for the import (记录编号 and what follows it) are outside the print area. The page header
names the studio, the ledger and the year; the footer numbers pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from studio_desk.core.masked_marker import MASKED_MARKER
from studio_desk.exports.paper import DEFAULT_PAPER, PAPER_A3, PAPER_A4, PAPER_CHOICES

BODY_PT = 10.5
HEADER_PT = 11
MIN_FIT = 0.84  # the smallest fit planned for: 10.5 pt × 84 % ≈ 8.8 pt on paper
A4, A3 = "9", "8"  # openpyxl's paper size codes
# Printable width in landscape with 0.4" side margins. A column of width w prints about 7w pt wide
# in LibreOffice (measured) and about 5.3w pt in Excel; the larger is assumed, so a sheet planned
# to fit at MIN_FIT fits at least as large in both.
PRINTABLE_PT = {A4: (11.69 - 0.8) * 72, A3: (16.54 - 0.8) * 72}
# Beside the title of a sheet with folded columns (outside the print area: seen, not printed).
FOLDED_NOTE = "打印只含主要列；其余列已折叠，点列标上方的“+”可展开"


def column_points(width: float) -> float:
    return 7 * width


def room(paper: str) -> float:
    """The sum of column widths that fits one page across at MIN_FIT."""
    return PRINTABLE_PT[paper] / MIN_FIT / column_points(1)


def fit_widths(
    widths: list[float], floors: list[float], papers: tuple[str, ...] = (A4, A3)
) -> tuple[list[float], str]:
    """The widths narrowed (each down to its floor at most) to fit one page across, and the paper:
    the first of ``papers`` they can fit."""
    for paper in papers:
        fitted = _narrowed(widths, floors, room(paper))
        if fitted is not None:
            return fitted, paper
    # wider still: the fit goes below MIN_FIT
    return [min(w, f) for w, f in zip(widths, floors)], papers[-1]


class PrintPlan(NamedTuple):
    """How a ledger sheet prints: every column's width (the printed ones fitted to the page), the
    paper (openpyxl's code) and the columns (0-based) folded off the page."""

    widths: list[float]
    paper: str
    folded: tuple[int, ...] = ()


def plan_print(
    widths: list[float], floors: list[float], printed: int, on_a4: Sequence[bool], choice: str = DEFAULT_PAPER
) -> PrintPlan:
    """The print plan of a sheet whose first ``printed`` columns are for readers; ``on_a4`` says
    for each column whether the A4 print layout keeps it. ``choice``: :data:`PAPER_A4` (the print
    layout, on A4 whatever it holds) or :data:`PAPER_A3` (every printed column, on A4 if they fit)."""
    if choice not in PAPER_CHOICES:
        raise ValueError(f"未知的纸张：{choice}")
    folded = tuple(i for i in range(printed) if not on_a4[i]) if choice == PAPER_A4 else ()
    kept = [i for i in range(printed) if i not in folded]
    papers = (A4,) if choice == PAPER_A4 else (A4, A3)
    fitted, paper = fit_widths([widths[i] for i in kept], [floors[i] for i in kept], papers)
    out = list(widths)
    for index, width in zip(kept, fitted):
        out[index] = width
    return PrintPlan(out, paper, folded)


def fold_columns(ws: WriteOnlyWorksheet, folded: Sequence[int]) -> None:
    """Fold the columns (0-based) into collapsed outline groups, one per run of neighbours: hidden,
    so not printed, with the "+" that opens them on the column after each run (Excel and
    LibreOffice put it there). Must be called before the first row is written."""
    if folded:  # the sheet's outline depth, which openpyxl would only learn after writing it
        ws.column_dimensions.max_outline = 1
    for index in folded:
        dim = ws.column_dimensions[get_column_letter(index + 1)]
        dim.outlineLevel = 1
        dim.hidden = True
        if index + 1 not in folded:
            ws.column_dimensions[get_column_letter(index + 2)].collapsed = True


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
    folded: Sequence[int] = (),
) -> int:
    """Print settings for a sheet whose first ``printed`` columns are for readers and fit ``paper``
    one page across (:func:`plan_print`), but for the ``folded`` ones; returns how many columns the title row spans (all the
    printed ones: the title is never cut).

    Must be called before the first row is written (a write-only sheet writes them first)."""
    fold_columns(ws, folded)
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


def pages_across(ws: WriteOnlyWorksheet, repeated: str) -> None:
    """Print a sheet of many figures at full size, over as many pages across as it needs, with the
    ``repeated`` columns (``"A:B"``: whose row it is) on every page, instead of :func:`setup_print`'s
    one page across (forty figures on one A4 width print at 2 pt). Before the first row is written."""
    ws.sheet_properties.pageSetUpPr.fitToPage = False
    ws.print_title_cols = repeated


def print_area(ws: WriteOnlyWorksheet, printed: int, last_row: int) -> None:
    ws.print_area = f"A1:{get_column_letter(printed)}{max(last_row, 2)}"
