"""The county's workbook: 统计汇总 with every studio's key figures side by side and the county's
totals (this year and last), then one sheet per ledger holding every studio's records of the year
with a 工作室 column. The studios' records are their masked copies' records; the sheets are laid
out like a studio's own ledgers (the same columns, styles and print setup).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from studio_desk.core.county import County
from studio_desk.core.county_figures import CountyFigures, figure_value, last_year_words, star_text
from studio_desk.core.errors import StudioDeskError
from studio_desk.core.files import OutputError, atomic_output, temp_folder_message
from studio_desk.core.figures import KeyFigure, Rate
from studio_desk.core.money import fen_to_decimal
from studio_desk.core.progress import ProgressFn, report
from studio_desk.exports import ledger_columns as lc
from studio_desk.core.masked_marker import MARKER_SHEET, MASKED_MARKER
from studio_desk.exports.workbook import (
    LINE_HEIGHT,
    _STYLE,
    _finish,
    _head,
    _lines,
    _mark_masked,
    _page_header,
    _prepare,
    _shown,
    _value,
    _widths_and_floors,
)
from studio_desk.exports.xlsx_cells import display_width, save_workbook
from studio_desk.exports.paper import DEFAULT_PAPER
from studio_desk.exports.xlsx_print import pages_across, plan_print, print_area

STUDIO_HEADER = "工作室"
WIDTH_SAMPLE = 300


def _figure_cell(figure: KeyFigure, value: int | Rate) -> tuple[str, Any]:
    if isinstance(value, Rate):
        ratio = value.value
        return ("percent", float(ratio) if ratio is not None else None)
    if figure.kind == "money":
        return ("money", fen_to_decimal(value))
    return ("int", value)


NOTE_LINES = 24  # the most lines of one note row (a row is at most 409 pt high)


def _summary_sheet(wb: Workbook, county: CountyFigures, county_name: str) -> None:
    """Printed at full size over as many pages across as the forty figures need, 工作室 and 星级
    (and the title above them) on each page: nothing that belongs to one page is in a merged cell
    running over the others, nor a text running out of A:B into the next page's columns."""
    ws = wb.create_sheet(lc.SUMMARY_SHEET_NAME)
    columns = county.columns()
    headers = [STUDIO_HEADER, "星级"] + [
        f"{kf.label}\n({kf.unit})" if kf.unit else kf.label for _, kf in columns
    ]
    longest = max((display_width(s.name) for s in county.studios), default=10)
    widths = [min(max(longest + 2, 14), 40), 10] + [
        15.0 if kf.kind == "money" else min(max(display_width(kf.label) / 2 + 2, 9), 14) for _, kf in columns
    ]
    cells = _prepare(ws, widths, _page_header(county_name, "统计汇总", f"{county.year}年"), True)
    pages_across(ws, "A:B")  # forty figures, over as many pages as they need, 工作室 and 星级 on each
    ws.freeze_panes = "C3"  # on screen too, whose row it is stays in sight
    cells.define("percent", number_format="0.0%", horizontal="right")
    cells.define("total_percent", bold=True, number_format="0.0%")
    # The title wraps within A:B, so that it is repeated with them on every page, whole.
    cells.define("title", bold=True, size=14, horizontal="center", wrap=True, border=False)
    cells.define("remark", wrap=True, border=False)
    title = f"{county_name}委员工作室统计汇总（{county.year}年）"
    title_lines = _lines([title], [(0, (widths[0] + widths[1]) * 10.5 / 14)])
    ws.row_dimensions[1].height = 19.0 * title_lines + 6
    ws.row_dimensions[2].height = 44  # the figures' names wrap onto three lines
    _head(ws, cells, title, headers, 2)
    out_of = len(county.criteria)
    for s in county.studios:
        row = [cells.cell("text", s.name), cells.cell("center", star_text(s.stars, out_of))]
        for key, kf in ((kf.key, kf) for _, kf in columns):
            figure = figure_value(s.figures, key, kf)
            style, value = _figure_cell(kf, figure.current)
            row.append(cells.cell(style, value))
        ws.append(row)
    for label, annual in ((f"{county.year}年合计", county.totals), (f"{county.year - 1}年合计", None)):
        row = [cells.cell("total_label", label), cells.cell("total_text", None)]
        for _, kf in columns:
            if annual is None and not county.last_year_sent:  # said below, not a row of zeros
                row.append(cells.cell("total_text", None))
                continue
            style, value = _figure_cell(kf, kf.current if annual is not None else kf.previous)
            row.append(cells.cell("total_" + style, value))
        ws.append(row)
    last_row = len(county.studios) + 4
    _finish(ws, len(headers), last_row)
    notes = _note_rows(last_year_words(county), widths[0] + widths[1])
    for number, (text, lines) in enumerate(notes, start=last_row + 1):
        ws.row_dimensions[number].height = LINE_HEIGHT * lines + 6
        ws.append([cells.cell("remark", text)])
        ws.merged_cells.add(f"A{number}:B{number}")
    print_area(ws, len(headers), last_row + len(notes))


def _note_rows(text: str, width: float) -> list[tuple[str, int]]:
    """``text`` wrapped within a column of ``width``, as rows of at most :data:`NOTE_LINES` lines
    (cut between two names of a list): each row's text and its lines."""
    rows: list[tuple[str, int]] = []
    while text:
        lines = _lines([text], [(0, width)])
        if lines <= NOTE_LINES:
            rows.append((text, lines))
            break
        cut = text.rfind("、", 0, len(text) * NOTE_LINES // lines) + 1 or max(1, len(text) * NOTE_LINES // lines)
        rows.append((text[:cut], _lines([text[:cut]], [(0, width)])))
        text = text[cut:]
    return rows


def _columns(spec: lc.SheetSpec) -> list[lc.Column]:
    """The readers' columns: the round-trip columns after them serve a studio's own import (a county
    workbook is never imported), and the county file holds no attachments."""
    return [c for c in spec.printed if c.kind != lc.ATTACHMENTS]


def _ledger_rows(county: County, year: int, spec: lc.SheetSpec) -> Iterator[list[Any]]:
    columns = _columns(spec)
    seq = 0
    for entry, records in county.ledger_records(year, spec.cls):
        names = county.member_names(entry.key)
        for record in records:
            seq += 1
            yield [entry.name] + [_value(c, record, names, seq) for c in columns]


def _ledger_sheet(wb: Workbook, county: County, year: int, spec: lc.SheetSpec, county_name: str, paper: str) -> int:
    ws = wb.create_sheet(spec.name)
    columns = _columns(spec)
    headers = [STUDIO_HEADER] + [c.header for c in columns]
    stream = _ledger_rows(county, year, spec)
    sample: list[list[Any]] = []
    for row in stream:
        sample.append(row)
        if len(sample) >= WIDTH_SAMPLE:
            break
    inner = lc.SheetSpec(spec.name, spec.cls, tuple(columns))
    widths, floors = _widths_and_floors(inner, [r[1:] for r in sample])
    longest = max((display_width(r[0]) for r in sample), default=10)
    studio_width = min(max(longest + 2, 12), 30)
    # Laid out and printed like a studio's ledger, the 工作室 column first (always printed).
    plan = plan_print([studio_width] + widths, [min(studio_width, 12)] + floors, len(headers),
                      [True] + [c.on_a4 for c in columns], paper)
    widths, folded = plan.widths, plan.folded
    page_header = _page_header(county_name, spec.name, f"{year}年")
    cells = _prepare(ws, widths, page_header, True, len(headers), plan.paper, folded)
    title = f"{county_name}各委员工作室{spec.name}（{year}年，{MASKED_MARKER}）"
    _head(ws, cells, title, headers, widths=_shown(widths, folded), note=bool(folded))
    styles = ["text"] + [_STYLE[c.kind] for c in columns]
    wrapped = [(i, widths[i]) for i, style in enumerate(styles) if style == "long" and i not in folded]
    n = 0
    for source in (sample, stream):
        for row in source:
            lines = _lines(row, wrapped)
            row_no = n + 3
            if lines > 1:
                ws.row_dimensions[row_no].height = min(409, 14.0 * lines + 3)
            ws.append([cells.cell(style, value) for style, value in zip(styles, row)])
            if lines > 1:
                del ws.row_dimensions[row_no]
            n += 1
    _finish(ws, len(headers), n + 2)
    return n


def write_county_workbook(
    county: County,
    year: int,
    path: Path | str,
    *,
    county_name: str,
    figures: CountyFigures | None = None,
    progress: ProgressFn | None = None,
    paper: str = DEFAULT_PAPER,
) -> Path:
    """Write the county's workbook of ``year`` to ``path`` (through a temporary file); ``paper``:
    ``a4`` (the wide ledgers' print layout) or ``a3`` (every column printed)."""
    path = Path(path)
    if not path.parent.exists():
        raise StudioDeskError(f"文件夹“{path.parent}”不存在。")
    figures = figures or county.figures(year)
    wb = Workbook(write_only=True)
    wb.properties.creator = "委员工作室履职台账"
    wb.properties.title = f"{county_name}委员工作室{year}年度汇总"
    _mark_masked(wb)
    total = len(lc.RECORD_SHEETS) + 1
    report(progress, 0, total, "正在写出统计汇总……")
    _summary_sheet(wb, figures, county_name)
    for index, spec in enumerate(lc.RECORD_SHEETS, start=1):
        report(progress, index, total, f"正在写出{spec.name}……")
        _ledger_sheet(wb, county, year, spec, county_name, paper)
    marker = wb.create_sheet(MARKER_SHEET)
    marker.sheet_state = "veryHidden"
    marker.append([MASKED_MARKER])
    report(progress, total, total, "正在保存文件……")
    try:
        with atomic_output(path) as tmp:
            save_workbook(wb, tmp)
    except Exception as exc:
        # openpyxl streams each sheet through a file in the temp folder; lxml reports a failed
        # write there as its own SerialisationError, not as an OSError.
        if type(exc).__name__ == "SerialisationError":
            raise OutputError(temp_folder_message(exc)) from exc
        raise
    return path


__all__ = ["STUDIO_HEADER", "write_county_workbook"]
