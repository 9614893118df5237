"""The year's workbook for the county (SPEC section 4), written with openpyxl's write-only mode.

Rows are streamed from the store in chunks, so a 100,000-row ledger needs little memory. The file
is written under a temporary name beside the target and renamed at the end: a failure or a
cancellation never leaves a half-written file under the final name.
"""

from __future__ import annotations

import re

from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

from openpyxl import Workbook
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from studio_desk.core.attachments import CITIZEN_OWNER_KINDS
from studio_desk.core.attachments import listing as attachment_listing
from studio_desk.core.files import OutputError, atomic_output, temp_folder_message
from studio_desk.core.figures import AnnualFigures, annual_figures, period_label
from studio_desk.core.masked_marker import MARKER_PROPERTY, MARKER_SHEET, MASKED_MARKER
from studio_desk.core.masking import mask_record, store_citizen_names
from studio_desk.core.models import Activity, Donation, Member, Proposal, Record
from studio_desk.core.money import fen_to_decimal
from studio_desk.core.progress import ProgressFn, report
from studio_desk.core.store import Store
from studio_desk.exports import ledger_columns as lc
from studio_desk.core.county_read import database_identity
from studio_desk.exports.ledger_studio import write_studio_sheet
from studio_desk.exports.ledger_format import ROUND_TRIP_KINDS, format_followup, format_items, round_trip_value
from studio_desk.exports.xlsx_cells import (
    DATE_FORMAT,
    HEADER_FILL,
    INT_FORMAT,
    MONEY_FORMAT,
    TOTAL_FILL,
    CellMaker,
    display_width,
    save_workbook,
)
from studio_desk.exports.summary_sheet import RATE_FORMAT, is_number, summary_rows
from studio_desk.exports.paper import DEFAULT_PAPER
from studio_desk.exports.xlsx_print import FOLDED_NOTE, fit_widths, plan_print, print_area, setup_print

CHUNK = 500
WIDTH_SAMPLE = 300  # rows looked at to size the columns (the sheet is streamed, not kept)
# Widest a column gets: long texts wrap rather than widen the printed page.
MAX_WIDTH = {lc.LONG: 40, lc.TEXT: 28, lc.MEMBERS: 24, lc.AUTHORS: 20, lc.ITEMS: 32, lc.FOLLOWUP: 32}
# Narrowest a wrapping column gets so that a sheet prints one page across (about 4–9 characters
# a line): long texts take more lines instead.
WRAP_FLOOR = {lc.LONG: 16, lc.TEXT: 9, lc.MEMBERS: 10, lc.AUTHORS: 10, lc.ITEMS: 14, lc.FOLLOWUP: 14, lc.CHOICE: 6.5}
WRAPPING = ("long", "text", "choice")
_UNBROKEN = re.compile(r"[0-9A-Za-z*+\-.,:/()]{6,}")  # what a line is never broken inside
_ORDER_FIELD = {Member: None, Proposal: "submitted_on"}


def write_workbook(
    store: Store,
    year: int,
    path: Path | str,
    *,
    mask_pii: bool = False,
    progress: ProgressFn | None = None,
    first_year: int | None = None,
    paper: str = DEFAULT_PAPER,
) -> Path:
    """Write the workbook of ``year`` (or of the years ``first_year``–``year``) to ``path``;
    returns the path written. ``paper``: ``a4`` (the wide ledgers' print layout) or ``a3`` (every
    column printed), see :mod:`studio_desk.exports.xlsx_print`."""
    path = Path(path)
    try:
        with atomic_output(path) as tmp:
            _write(store, year, tmp, mask_pii, progress, first_year, paper)
    except Exception as exc:
        # openpyxl streams each sheet through a file in the temp folder; lxml reports a failed
        # write there (e.g. IO_ENOSPC) as its own SerialisationError, not as an OSError.
        if type(exc).__name__ == "SerialisationError":
            raise OutputError(temp_folder_message(exc)) from exc
        raise
    return path


class _Counter:
    """Progress over all record sheets together."""

    def __init__(self, progress: ProgressFn | None, total: int):
        self.progress = progress
        self.total = max(total, 1)
        self.done = 0

    def step(self, n: int, text: str) -> None:
        self.done += n
        report(self.progress, self.done, self.total, text)


def _write(
    store: Store, year: int, tmp: Path, mask_pii: bool, progress: ProgressFn | None, first_year: int | None,
    paper: str,
) -> None:
    report(progress, 0, 1, "正在统计年度数据……")
    first = year if first_year is None else first_year
    label = period_label(first, year)
    studio = store.studio()
    span = (date(first, 1, 1), date(year, 12, 31))
    id_lists = {spec.name: _record_ids(store, spec, span) for spec in lc.RECORD_SHEETS}
    counter = _Counter(progress, sum(len(ids) for ids in id_lists.values()))
    names = {m.id: m.name for m in store.list_records(Member, include_deleted=True)}
    # A citizen one record names is masked in every other record's text too (a follow-up note
    # naming a recipient); member names stay.
    citizens = store_citizen_names(store, range(first, year + 1)) if mask_pii else frozenset()

    wb = Workbook(write_only=True)
    wb.properties.creator = "委员工作室履职台账"
    wb.properties.title = f"{studio.name}{label}履职台账"
    if mask_pii:
        _mark_masked(wb)
    try:
        summary = wb.create_sheet(lc.SUMMARY_SHEET_NAME)  # first, filled once the figures are known
        sheets = [
            _RecordSheet(wb.create_sheet(spec.name), store, spec, id_lists[spec.name],
                         _Context(studio.name, label, names, mask_pii, counter, citizens, paper))
            for spec in lc.RECORD_SHEETS
        ]
        # The year's figures count the records as their sheets write them: the year is read once.
        figures = annual_figures(store, year, first_year, records={s.spec.cls: s.records for s in sheets})
        for sheet in sheets:
            sheet.finish(figures)
        _summary_sheet(summary, studio.name, figures, mask_pii)
        _ranking_sheet(wb, studio.name, figures, mask_pii)
        write_studio_sheet(wb, studio, database_identity(store) or "")
        if mask_pii:
            marker = wb.create_sheet(MARKER_SHEET)
            marker.sheet_state = "veryHidden"
            marker.append([MASKED_MARKER])
        report(progress, counter.total, counter.total, "正在保存文件……")
        save_workbook(wb, tmp)
    except BaseException:
        _discard(wb)
        raise


def _mark_masked(wb: Workbook) -> None:
    """The marker in the document properties (the hidden sheet and the page headers carry it too)."""
    from openpyxl.packaging.custom import StringProperty

    wb.properties.keywords = MASKED_MARKER
    wb.properties.subject = MASKED_MARKER
    wb.custom_doc_props.append(StringProperty(name=MARKER_PROPERTY, value=MASKED_MARKER))


def _discard(wb: Workbook) -> None:
    """Close the half-written sheets' streams and delete their temporary files."""
    for ws in wb.worksheets:
        rows = getattr(ws, "_rows", None)
        writer = getattr(ws, "_writer", None)
        try:
            if rows is not None:
                rows.close()
        except Exception:  # noqa: BLE001 - best effort on the way out of a failure
            pass
        try:
            if writer is not None:
                writer.close()
                _remove(Path(writer.out))
        except Exception:  # noqa: BLE001
            pass


def _record_ids(store: Store, spec: lc.SheetSpec, span: tuple[date, date]) -> list[str]:
    order = _ORDER_FIELD.get(spec.cls, "date")
    if order is None:
        return store.query_ids(spec.cls, date_range=span)
    return store.query_ids(spec.cls, date_range=span, order_by=order)


def _title(studio_name: str, ledger: str, label: str, masked: bool) -> str:
    """``XX工作室活动台账（2025年）``; ``label`` is ``2025年`` or ``2023—2025年``."""
    text = f"{studio_name}{ledger}（{label}）"
    if masked:
        text += f"（{MASKED_MARKER}）"
    return text


def _prepare(
    ws: WriteOnlyWorksheet,
    widths: list[float],
    page_header: str,
    masked: bool,
    printed: int | None = None,
    paper: str | None = None,
    folded: tuple[int, ...] = (),
) -> CellMaker:
    """Widths, frozen panes, print setup: all must be set before the first row is written.
    ``paper`` and ``folded``: as :func:`plan_print` chose them (by default the paper the widths
    fit as they are, nothing folded)."""
    from openpyxl.utils import get_column_letter

    printed = printed or len(widths)
    if paper is None:
        paper = fit_widths(widths[:printed], widths[:printed])[1]
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = round(width, 1)
    ws.freeze_panes = "A3"
    title_cols = setup_print(
        ws, widths, printed=printed, page_header=page_header, masked=masked, paper=paper, folded=folded
    )
    cells = CellMaker(ws)
    cells.define("title", bold=True, size=14, horizontal="center", border=False)
    cells.define("note", border=False, color="595959")  # beside the title, outside the print area
    cells.define("header", bold=True, horizontal="center", wrap=True, fill=HEADER_FILL)
    cells.define("text", wrap=True)  # a text wider than its column wraps instead of being cut on paper
    cells.define("long", wrap=True)
    cells.define("plain")  # round-trip columns: not printed, so they never make a row taller
    cells.define("center", horizontal="center")
    cells.define("choice", horizontal="center", wrap=True)  # 接待日来访 in two lines of a narrow column
    cells.define("date", number_format=DATE_FORMAT, horizontal="center")
    cells.define("int", number_format=INT_FORMAT)
    cells.define("money", number_format=MONEY_FORMAT)
    cells.define("total_label", bold=True, horizontal="center", fill=TOTAL_FILL)
    cells.define("total_text", bold=True, fill=TOTAL_FILL)
    cells.define("total_int", bold=True, number_format=INT_FORMAT, fill=TOTAL_FILL)
    cells.define("total_money", bold=True, number_format=MONEY_FORMAT, fill=TOTAL_FILL)
    cells.title_columns = title_cols
    return cells


def _page_header(studio_name: str, ledger: str, label: str) -> str:
    # "&" starts a code in a page header: a studio named "A&B" is written "A&&B".
    return f"{studio_name} {ledger} {label}".replace("&", "&&")


def _head(
    ws: WriteOnlyWorksheet,
    cells: CellMaker,
    title: str,
    headers: list[str],
    merge_cols: int | None = None,
    widths: list[float] | None = None,
    note: bool = False,
) -> None:
    """The title row (with :data:`FOLDED_NOTE` beside it when ``note``) and the header row."""
    from openpyxl.utils import get_column_letter

    span = min(merge_cols or len(headers), cells.title_columns or len(headers))
    beside = [None] * (span - 1) + [cells.cell("note", FOLDED_NOTE)] if note else []
    ws.append([cells.cell("title", title)] + beside)
    ws.merged_cells.add(f"A1:{get_column_letter(span)}1")
    ws.row_dimensions[1].height = 28
    if widths is not None:  # headers wrap in narrow columns: the row is as high as the most lines
        lines = _lines(list(headers), [(i, w) for i, w in enumerate(widths[:span])])
        if lines > 1:
            ws.row_dimensions[2].height = LINE_HEIGHT * lines + 4
    ws.append([cells.cell("header", h) for h in headers])


def _shown(widths: list[float], folded: tuple[int, ...]) -> list[float]:
    """The widths as the header row's height counts them: a folded column's header takes no lines."""
    return [1000.0 if i in folded else w for i, w in enumerate(widths)]


def _finish(ws: WriteOnlyWorksheet, ncols: int, last_row: int, print_cols: int | None = None) -> None:
    from openpyxl.utils import get_column_letter

    ws.auto_filter.ref = f"A2:{get_column_letter(ncols)}{max(last_row, 2)}"
    # 记录编号 and what follows it are for the import, not for readers: not printed.
    print_area(ws, print_cols or ncols, last_row)


_STYLE = {
    lc.SEQ: "center",
    lc.TEXT: "text",
    lc.LONG: "long",
    lc.DATE: "date",
    lc.INT: "int",
    lc.MONEY: "money",
    lc.BOOL: "center",
    lc.CHOICE: "choice",
    lc.MEMBERS: "long",
    lc.AUTHORS: "long",
    lc.ITEMS: "long",
    lc.FOLLOWUP: "long",
    lc.COUNT_OF: "int",
    lc.SUM_MONEY: "money",
    lc.RECORD_ID: "text",
    lc.VERSION: "text",
    lc.MEMBER_IDS: "text",
    lc.CHILD_DATA: "text",
    lc.FOLLOWUP_LOG: "long",
    lc.ATTACHMENTS: "long",
}


def _style(col: lc.Column) -> str:
    # Round-trip columns are not printed: they must not make the printed rows taller.
    style = _STYLE[col.kind]
    return "plain" if col.round_trip and style in ("long", "text") else style


def _getter(col: lc.Column, names: dict[str, str], listed: dict[str, str] | None = None) -> Callable[[Record, int], Any]:
    """How the column's value is taken from a record (chosen once per column, not per cell).
    ``listed``: each record's attachments as the 附件 column lists them."""
    kind, name = col.kind, col.field or ""
    if kind == lc.ATTACHMENTS:
        files = listed or {}
        return lambda record, seq: files.get(record.id, "")
    if kind == lc.SEQ:
        return lambda record, seq: seq
    if kind == lc.COUNT_OF:
        return lambda record, seq: len(record.member_ids)  # type: ignore[attr-defined]
    if kind == lc.SUM_MONEY:
        in_kind = col.header.startswith("物资")
        return lambda record, seq: fen_to_decimal(
            record.in_kind_fen if in_kind else record.total_fen  # type: ignore[attr-defined]
        )
    if kind in ROUND_TRIP_KINDS:
        return lambda record, seq: round_trip_value(kind, col.field, record)
    if kind == lc.MONEY:
        return lambda record, seq: fen_to_decimal(getattr(record, name))
    if kind == lc.BOOL:
        return lambda record, seq: "是" if getattr(record, name) else "否"
    if kind == lc.MEMBERS:
        return lambda record, seq: "、".join(names.get(i, "（未知委员）") for i in getattr(record, name))
    if kind == lc.AUTHORS:
        return lambda record, seq: "、".join(a.name for a in getattr(record, name))
    if kind == lc.ITEMS:
        return lambda record, seq: format_items(getattr(record, name))
    if kind == lc.FOLLOWUP:
        return lambda record, seq: format_followup(getattr(record, name)[-1]) if getattr(record, name) else ""
    if kind == lc.DATE:
        return lambda record, seq: getattr(record, name)  # a date, written as a real date cell
    if kind == lc.RECORD_ID:
        return lambda record, seq: str(getattr(record, name))

    def text(record: Record, seq: int) -> Any:
        value = getattr(record, name)
        return value if value is not None else ""

    return text


def _value(col: lc.Column, record: Record, names: dict[str, str], seq: int) -> Any:
    """One cell's value (the county workbook takes them one by one)."""
    return _getter(col, names)(record, seq)


LINE_HEIGHT = 14.0  # points per line of 10.5 pt text


def _lines(row: list[Any], wrapped: list[tuple[int, float]]) -> int:
    """How many lines the row's wrapped cells need at their column widths."""
    most = 1
    for index, width in wrapped:
        value = row[index]
        if isinstance(value, str) and value:
            usable = max(width - 1.5, 4)
            if len(value) * 2.1 <= usable and "\n" not in value:
                continue  # fits on one line whatever its characters
            count = 0
            for line in value[:4000].split("\n"):
                count += max(1, -(-int(display_width(line)) // int(usable)))
            most = max(most, count)
    return most


def _widths_and_floors(spec: lc.SheetSpec, sample: list[list[Any]]) -> tuple[list[float], list[float]]:
    """Each column's width for its header and values, and the floor it may be narrowed to for
    the printed page: a wrapping column down to ``WRAP_FLOOR``, the others to their values'
    width (their headers wrap)."""
    widths, floors = [], []
    for index, col in enumerate(spec.columns):
        content = word = 0.0
        for row in sample:
            value = row[index]
            if isinstance(value, str) and value:
                longest = max(display_width(line) for line in value.splitlines() or [""])
                content = max(content, longest + 1.5)
                if longest + 1.5 > WRAP_FLOOR.get(col.kind, 9):  # a phone number never wraps
                    word = max([word] + [display_width(w) + 1.5 for w in _UNBROKEN.findall(value)])
            elif isinstance(value, (int, Decimal)) and not isinstance(value, bool):
                content = max(content, display_width(f"{value:,}") + 3)
        width = max(col.width * 0.6, display_width(col.header) + 2, content)
        if col.kind == lc.DATE:
            width, content = max(width, 12), 12
        width = max(min(width, MAX_WIDTH.get(col.kind, col.width if col.kind == lc.RECORD_ID else 24)), 5)
        widths.append(width)
        wraps = _style(col) in WRAPPING
        floors.append(min(width, max(WRAP_FLOOR.get(col.kind, 9), word)) if wraps else min(width, max(content, 4.5)))
    return widths, floors


def _chunks(store: Store, cls: type[Record], ids: list[str]) -> Iterator[list[Record]]:
    for start in range(0, len(ids), CHUNK):
        yield store.get_many(cls, ids[start : start + CHUNK])


class _Context(NamedTuple):
    """What every record sheet of one workbook shares."""

    studio_name: str
    label: str
    names: dict[str, str]  # member id → name
    masked: bool
    counter: _Counter
    citizens: frozenset[str]  # citizens' names masked wherever they occur
    paper: str  # the clerk's choice: a4 (print layouts) or a3 (every column)


class _RecordSheet:
    """One ledger's sheet, written as its records are read: :attr:`records` yields each record
    once its row is written (or waits among the first rows that size the columns), so that the
    year's figures count the very records the sheet lists. :meth:`finish` adds the totals."""

    def __init__(self, ws: WriteOnlyWorksheet, store: Store, spec: lc.SheetSpec, ids: list[str], context: _Context):
        self.ws, self.spec, self.context = ws, spec, context
        # A masked copy leaves citizens' attachments out (as its database copy does), names included.
        masked_out = context.masked and spec.cls.KIND in CITIZEN_OWNER_KINDS
        listed = {} if masked_out else attachment_listing(store, spec.cls.KIND)
        self.getters = [_getter(c, context.names, listed) for c in spec.columns]
        self.styles = [_style(c) for c in spec.columns]
        self.cells: CellMaker | None = None  # once the first rows have sized the columns
        self.wrapped: list[tuple[int, float]] = []
        self.n = 0
        self.records: Iterator[Record] = self._read(store, ids)

    def _read(self, store: Store, ids: list[str]) -> Iterator[Record]:
        context, seq = self.context, 0
        sample: list[list[Any]] = []
        for chunk in _chunks(store, self.spec.cls, ids):
            for record in chunk:
                seq += 1
                shown = mask_record(record, context.citizens) if context.masked else record
                row = [get(shown, seq) for get in self.getters]
                if self.cells is not None:
                    self._emit(row)
                else:
                    sample.append(row)
                    if len(sample) >= WIDTH_SAMPLE:
                        self._start(sample)
                yield record
            context.counter.step(len(chunk), f"正在写出{self.spec.name}……")
        if self.cells is None:
            self._start(sample)

    def _start(self, sample: list[list[Any]]) -> None:
        """Size the columns by the first rows, set the sheet up and write its head and those rows."""
        spec, context = self.spec, self.context
        printed = len(spec.printed)
        on_a4 = [c.on_a4 for c in spec.columns]
        widths, paper, folded = plan_print(*_widths_and_floors(spec, sample), printed, on_a4, context.paper)
        page_header = _page_header(context.studio_name, spec.name, context.label)
        self.cells = _prepare(self.ws, widths, page_header, context.masked, printed, paper, folded)
        _hide(self.ws, spec)
        title = _title(context.studio_name, spec.name, context.label, context.masked)
        headers = [c.header for c in spec.columns]
        _head(self.ws, self.cells, title, headers, printed, _shown(widths, folded), bool(folded))
        # Rows are as high as their printed cells need (a folded column is not printed).
        self.wrapped = [(i, widths[i]) for i, style in enumerate(self.styles) if style in WRAPPING and i not in folded]
        for row in sample:
            self._emit(row)

    def _emit(self, row: list[Any]) -> None:
        # Wrapped cells need their row's height: Excel and LibreOffice do not both size rows
        # of a streamed sheet by themselves. Set just before the row is written, dropped after.
        assert self.cells is not None
        ws, cells = self.ws, self.cells
        lines = _lines(row, self.wrapped)
        row_no = self.n + 3
        if lines > 1:
            # What openpyxl writes for a row height, given as such (a RowDimension per row costs more).
            ws.row_dimensions[row_no] = {"ht": f"{min(409, LINE_HEIGHT * lines + 3):g}", "customHeight": "1"}
        ws.append([cells.cell(style, value) for style, value in zip(self.styles, row)])
        if lines > 1:
            del ws.row_dimensions[row_no]
        self.n += 1

    def finish(self, figures: AnnualFigures) -> None:
        """The rows the figures left unread (none: they count every record), the totals row and
        the print area."""
        for _ in self.records:
            pass
        assert self.cells is not None
        n = self.n
        total = _totals_row(self.spec, figures, n)
        if total is not None:
            self.ws.append([self.cells.cell(style, value) for style, value in total])
            n += 1
        _finish(self.ws, len(self.spec.columns), n + 2, print_cols=len(self.spec.printed))


def _hide(ws: WriteOnlyWorksheet, spec: lc.SheetSpec) -> None:
    """The version and id columns of the round trip are hidden (they are for the import)."""
    from openpyxl.utils import get_column_letter

    for index, col in enumerate(spec.columns, start=1):
        if col.hidden:
            ws.column_dimensions[get_column_letter(index)].hidden = True


def _totals_row(spec: lc.SheetSpec, figures: AnnualFigures, n: int) -> list[tuple[str, Any]] | None:
    """The totals of the year, as the core computed them (the sheet lists the same records)."""
    c = figures.current
    sums: dict[str, Any] = {}
    if spec.cls is Activity:
        sums = {
            "委员人数": c.member_participations,
            "群众人次": c.public_participants,
            "意见建议(条)": c.suggestions_collected,
            "经济成效(元)": fen_to_decimal(c.economic_fen),
            "受益群众(人)": c.beneficiaries,
        }
    elif spec.name == lc.RECEPTION_SHEET.name:
        sums = {"人数": c.reception_people, "户数": c.reception_households}
    elif spec.cls is Donation:
        d = c.donations_all
        sums = {
            "受助人数": d.people,
            "现金(元)": fen_to_decimal(d.cash_fen),
            "物资价值(元)": fen_to_decimal(d.in_kind_fen),
            "合计(元)": fen_to_decimal(d.total_fen),
        }
    out: list[tuple[str, Any]] = []
    for index, col in enumerate(spec.columns):
        if index == 0:
            out.append(("total_label", "合计"))
        elif index == 1:
            out.append(("total_text", f"共 {n:,} 条"))
        elif col.header in sums:
            value = sums[col.header]
            out.append(("total_money" if isinstance(value, Decimal) else "total_int", value))
        else:
            out.append(("total_text", None))
    return out


def _summary_sheet(ws: WriteOnlyWorksheet, studio_name: str, figures: AnnualFigures, masked: bool) -> None:
    label = figures.current.label
    headers = ["类别", "项目", "单位", label, figures.previous.label]
    cells = _prepare(ws, [12, 30, 7, 16, 16], _page_header(studio_name, "统计汇总", label), masked)
    cells.define("rate", number_format=RATE_FORMAT)
    _head(ws, cells, _title(studio_name, "统计汇总", label, masked), headers)
    rows = summary_rows(figures)
    for row in rows:
        values = []
        for value in (row.current, row.previous):
            if not is_number(value):
                values.append(cells.cell("center", "—"))  # a rate with nothing to count
            else:
                style = {"money": "money", "rate": "rate"}.get(row.kind, "int")
                values.append(cells.cell(style, value))
        ws.append(
            [cells.cell("center", row.section), cells.cell("text", row.label), cells.cell("center", row.unit)]
            + values
        )
    _finish(ws, len(headers), len(rows) + 2)


def _ranking_sheet(wb: Workbook, studio_name: str, figures: AnnualFigures, masked: bool) -> None:
    ws = wb.create_sheet(lc.RANKING_SHEET_NAME)
    headers = list(lc.RANKING_HEADERS)
    widths = [12] + [10] * (len(headers) - 1)
    label = figures.current.label
    cells = _prepare(ws, widths, _page_header(studio_name, "委员履职统计", label), masked)
    _head(ws, cells, _title(studio_name, "委员履职统计", label, masked), headers)
    for m in figures.current.ranking:
        values = [
            m.activities,
            m.receptions,
            m.proposals,
            m.social_info,
            m.speeches,
            m.other_outputs,
            m.donations,
            m.points,
            m.rank,
        ]
        ws.append([cells.cell("center", m.name)] + [cells.cell("int", v) for v in values])
    _finish(ws, len(headers), len(figures.current.ranking) + 2)


__all__ = ["write_workbook"]
