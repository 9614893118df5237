"""Importing ledgers from a workbook, in two steps: a plan to preview, then all or nothing.

``plan = read_ledgers(store, path)`` reads the file (only reads it) and lists what would be added
and changed and every problem by sheet, row and column. ``apply_plan(store, plan)`` refuses a plan
with problems; otherwise it takes a backup and writes everything in one transaction.

Both our own exported workbooks and a clerk's older ledgers are read: a sheet's ledger is found by
its header row (under any title rows), columns by their header names and common variants.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence, Set
from contextlib import closing
from operator import itemgetter
from pathlib import Path
from typing import Any, NamedTuple

from studio_desk.core import codec
from studio_desk.core.collector import collector_paused
from studio_desk.core.enums import TYPE_LIST_LABELS
from studio_desk.core.errors import StudioDeskError
from studio_desk.core.masked_marker import MaskedEvidence
from studio_desk.core.models import Member, Record
from studio_desk.core.progress import ProgressFn, report
from studio_desk.core.reporting import record_years, refuse_in_locked_years
from studio_desk.core.store import Store
from studio_desk.exports import ledger_columns as lc
from studio_desk.exports.ledger_attachments import AttachmentCheck
from studio_desk.exports.ledger_locate import fill_merged_down, is_total_row, locate, studio_name_in_title, year_in_title
from studio_desk.exports.ledger_match import Identity, KnownRecords, RowIdentities
from studio_desk.exports.ledger_reader import NOT_READ, RowCells
from studio_desk.exports.ledger_plan import (  # the plan's parts, also imported from here
    ACTION_LABELS,
    ADD,
    CHANGE,
    CONFLICT,
    SAME,
    ImportPlan,
    ImportResult,
    PlannedRecord,
)
from studio_desk.exports.ledger_notes import (
    formula_notes,
    formula_refusal,
    incomplete_notes,
    inferred_notes,
    repeat_notes,
)
from studio_desk.exports.ledger_studio import (
    is_studio_sheet,
    is_unnamed,
    read_studio_sheet,
    studio_sheet_identity,
)
from studio_desk.exports.ledger_rows import Problem, Resolver, RowLayout, RowResult, build_record, changed_labels, row_layout
from studio_desk.exports.ledger_values import is_blank, parse_text
from studio_desk.exports.xlsx_read import RawSheet, iter_workbook

# Columns whose cells may be formulas: the import does not take their values.
FORMULA_OK = (lc.SEQ, lc.COUNT_OF, lc.SUM_MONEY)
WRITE_REPORT_EVERY = 1000  # records written (in one batch) between progress reports


# A ledger sheet found in the file: the sheet, its ledger, its header row (0-based) and its
# columns by index (column, header as written).
_Found = tuple[RawSheet, lc.SheetSpec, int, dict[int, tuple[lc.Column, str]]]


@collector_paused()  # the plan holds every row's record: no walks over them meanwhile
def read_ledgers(
    store: Store,
    path: Path | str,
    *,
    add_unknown_members: bool = False,
    restore_deleted: bool = False,
    include_hidden: bool = False,
    allow_masked: bool = False,
    progress: ProgressFn | None = None,
) -> ImportPlan:
    """Read ``path`` and plan the import; nothing is written anywhere.

    ``allow_masked`` reads a masked workbook too: only into a database made for it (the county's
    temporary one), never over a studio's real data."""
    path = Path(path)
    report(progress, 0, 1, "正在读取文件……")
    # A copy whose citizens' data was masked would overwrite real names and phones with "吴*":
    # what says so is gathered while the file is read.
    evidence = None if allow_masked else MaskedEvidence()
    options = _Options(add_unknown_members, restore_deleted, include_hidden, allow_masked)
    planning = _Planning(store, path, options, progress)
    sheets: list[RawSheet] = []
    with closing(iter_workbook(path, progress=planning.reading, evidence=evidence)) as arriving:
        for raw in arriving:  # planned while the next sheet is read
            sheets.append(raw)
            planning.add(raw)
    if evidence is not None and planning.plan.masked:
        evidence.saw_marker()  # in a title row (an .xls or .ods has no XML the scan finds it in)
    reason = None if evidence is None else evidence.reason(path.name)
    if reason is not None:
        raise StudioDeskError(reason)
    if planning.roster_came_late:  # planned again from the sheets read, every roster first
        planning = _Planning(store, path, options, progress, wait_for_all=True)
        for raw in sheets:
            planning.add(raw)
    return planning.finish(sheets)


class _Options(NamedTuple):
    add_unknown_members: bool
    restore_deleted: bool
    include_hidden: bool
    allow_masked: bool


class _Planning:
    """An import's plan made sheet by sheet as the file is read.

    A roster sheet goes first, so that names in the other ledgers find the members it adds: a
    ledger sheet read before any roster waits (to the end of the file, if none comes), one read
    after it is planned at once, while the next sheet is read. A roster that comes only after a
    ledger was planned (``roster_came_late``) means planning again, every roster first
    (``wait_for_all``)."""

    def __init__(self, store: Store, path: Path, options: _Options, progress: ProgressFn | None,
                 *, wait_for_all: bool = False):
        self.store, self.options, self.progress, self.wait_for_all = store, options, progress, wait_for_all
        self.plan = ImportPlan(path, restore_deleted=options.restore_deleted, allow_masked=options.allow_masked)
        self.resolver = Resolver(store, options.add_unknown_members)
        self.seen_ids: dict[str, tuple[str, int]] = {}
        self.found: list[_Found] = []
        self.waiting: list[_Found] = []
        self.roster_planned = self.ledger_planned = self.roster_came_late = False
        self.rows_read = self.rows_done = 0

    def reading(self, done: int, total: int, text: str) -> None:
        """The progress of the reading: the checking's, once it has begun (and the clerk's cancel)."""
        if self.rows_done:
            report(self.progress, self.rows_done, max(self.rows_read, 1), "正在检查……")
        else:
            report(self.progress, done, total, text)

    def add(self, raw: RawSheet) -> None:
        if not self.plan.file_time:  # the time of the file's changes, for conflicts
            self.plan.file_time = _file_time(self.plan.path)
        found = _find_ledger(self.store, self.plan, raw, self.options.include_hidden)
        if found is None:
            return
        self.found.append(found)
        self.rows_read += len(raw.rows) - found[2] - 1
        if self.wait_for_all:
            self.waiting.append(found)
        elif found[1].cls is Member:
            self.roster_came_late |= self.ledger_planned
            self._plan(found)
            self.roster_planned = True
            while self.waiting:
                self._plan(self.waiting.pop(0))
        elif self.roster_planned:
            self._plan(found)
        else:
            self.waiting.append(found)

    def finish(self, sheets: list[RawSheet]) -> ImportPlan:
        plan, path = self.plan, self.plan.path
        if not self.found:
            raise StudioDeskError(_no_ledger_message(path, plan, sheets, self.options.include_hidden))
        self.waiting.sort(key=lambda f: 0 if f[1].cls is Member else 1)
        for found in self.waiting:
            self._plan(found)
        _finish(self.store, plan, self.resolver)
        plan.checked_at = self.store.changes_made()
        return plan

    def _plan(self, sheet: _Found) -> None:
        name, rows, done = sheet[0].name, len(sheet[0].rows) - sheet[2] - 1, self.rows_done

        def tick(n: int) -> None:
            report(self.progress, done + n, max(self.rows_read, 1), f"正在检查“{name}”……")

        if sheet[1].cls is not Member:
            self.ledger_planned = True
        _SheetPlanner(self.plan, self.resolver, sheet, self.seen_ids).run(tick)
        self.rows_done += rows
        report(self.progress, self.rows_done, max(self.rows_read, 1), f"已检查“{name}”")


def _find_ledger(store: Store, plan: ImportPlan, raw: RawSheet, include_hidden: bool) -> _Found | None:
    """The ledger a sheet holds, or None (the studio sheet, a skipped hidden or summary sheet, a
    sheet without a ledger header: each noted in the plan)."""
    if is_studio_sheet(raw.name, raw.rows):
        plan.database_identity = studio_sheet_identity(raw.rows)
        if is_unnamed(store.studio()):
            plan.studio = read_studio_sheet(raw.rows, store.studio())
        return None
    if raw.hidden and _has_content(raw):
        plan.hidden_sheets.append(raw.name)
        if not include_hidden:
            kind = "深度隐藏（在 Excel 中看不到）" if raw.very_hidden else "隐藏"
            plan.notes.append(
                f"工作表“{raw.name}”是{kind}的工作表，已略过；如需导入，请勾选“同时导入隐藏的工作表”"
                "（命令行：--include-hidden）。"
            )
            return None
    if raw.external_links:
        plan.notes.append(f"工作表“{raw.name}”中有引用其他文件的公式（外部链接）：台账各列中的这些单元格不能导入。")
    if raw.name in (lc.SUMMARY_SHEET_NAME, lc.RANKING_SHEET_NAME):
        plan.notes.append(f"工作表“{raw.name}”是统计表，由程序根据台账计算，导入时略过。")
        return None
    located = locate(raw)
    if located is None:
        if _has_content(raw):
            plan.notes.append(f"工作表“{raw.name}”中没有找到台账的表头，已略过。")
        return None
    spec, header_row, mapping = located
    plan.sheets[raw.name] = spec.name
    if not plan.studio_name and is_unnamed(store.studio()):
        plan.studio_name = studio_name_in_title(raw.rows[:header_row], spec.name)
    if any(lc.MASKED_MARK in parse_text(v) for row in raw.rows[:header_row] for v in row):
        plan.masked = True
    return raw, spec, header_row, mapping


def _has_content(raw: RawSheet) -> bool:
    return any(not is_blank(v) for row in raw.rows for v in row)


def _no_ledger_message(path: Path, plan: ImportPlan, sheets: list[RawSheet], include_hidden: bool) -> str:
    if plan.hidden_sheets and not include_hidden:
        names = "、".join(f"“{n}”" for n in plan.hidden_sheets)
        return (
            f"文件“{path.name}”中看得见的工作表里没有台账，隐藏的工作表{names}已略过："
            "如需导入，请勾选“同时导入隐藏的工作表”（命令行：--include-hidden）。"
        )
    if not any(_has_content(s) for s in sheets):
        return f"文件“{path.name}”是空的，没有可导入的内容。"
    return f"文件“{path.name}”中没有找到可导入的台账：请确认表头（如“日期”“活动主题”“参加委员”）在表格上方。"


def _finish(store: Store, plan: ImportPlan, resolver: Resolver) -> None:
    """What the rows add to the roster and the type lists, and what stops the whole import."""
    if plan.studio is not None:
        plan.studio_name = plan.studio.name
    plan.new_members = list(resolver.new_members.values())
    plan.new_types = {k: v for k, v in resolver.new_types.items() if v}
    plan.notes += resolver.notes
    plan.unknown_members = dict(resolver.unknown_names)
    for name in resolver.new_members:
        plan.notes.append(f"委员“{name}”不在名册中，将加入名册（职务：成员）。")
    for list_name, values in plan.new_types.items():
        for value in values:
            plan.notes.append(f"将在{TYPE_LIST_LABELS.get(list_name, list_name)}中新增“{value}”。")
    if not plan.problems and not plan.records:
        plan.problems.append(Problem("", None, "", "文件中的台账没有数据行，没有可导入的内容。"))
    try:
        refuse_in_locked_years(store, _years_touched(store, [r for r in plan.records if r.action != SAME]), "导入")
    except StudioDeskError as exc:
        plan.problems.append(Problem("", None, "", str(exc)))


def _years_touched(store: Store, items: list[PlannedRecord]) -> set[int | None]:
    """The years the planned rows write into: each record's year as imported and as stored."""
    years = {item.record.year() for item in items}
    by_type: dict[type[Record], list[str]] = {}
    for item in items:
        if item.action != ADD:
            by_type.setdefault(type(item.record), []).append(item.record.id)
    for cls, ids in by_type.items():
        years |= record_years(store, cls, ids)
    return years


def _file_time(path: Path) -> str:
    from datetime import datetime, timezone

    stamp = datetime.fromtimestamp(path.stat().st_mtime, timezone.utc)
    return stamp.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class _SheetPlanner:
    """One ledger sheet planned: each row read, recognised by its 记录编号 (or as a row imported
    before) and compared with the database."""

    def __init__(self, plan: ImportPlan, resolver: Resolver, found: _Found, seen_ids: dict[str, tuple[str, int]]):
        self.plan, self.resolver, self.seen_ids = plan, resolver, seen_ids
        self.raw, self.spec, self.header_row, self.mapping = found
        self.mapped = {col.header for col, _ in self.mapping.values()}
        # A row's cells in the mapping's order, taken at once (most rows hold every column).
        self.columns = tuple(col for col, _ in self.mapping.values())
        self.column_index = {col: i for i, col in enumerate(self.columns)}
        # (the first column that holds a record's data: most rows are found not blank by it alone)
        self.first_data = next((col for col in self.columns if col.kind not in NOT_READ), None)
        self.headers = tuple(header for _, header in self.mapping.values())
        self.indexes = list(self.mapping)
        self.reach = max(self.indexes, default=-1) + 1  # a row this wide holds every column
        self.take = itemgetter(*self.indexes) if len(self.indexes) > 1 else lambda row: [row[i] for i in self.indexes]
        self.rows_with_formulas = {row for row, _ in self.raw.formulas}
        self.layouts: dict[tuple[bool, bool], RowLayout] = {}  # (exact, masked) → a full row's layout
        self.extra_columns: list[tuple[int, str]] = []  # (index, header) of columns no field has
        self.repeats = self.stale = self.incomplete = 0  # rows: repeated, stale, marked 待补全
        self.formula_rows: dict[str, list[int]] = {}  # header → rows whose formula's result was taken
        self.inferred: list[tuple[int, str, str, str]] = []  # (row, column, value, the words it was read from)
        store = resolver.store
        self.known = KnownRecords(store, self.spec.cls)
        self.listed = AttachmentCheck(store, self.spec)

    def run(self, tick: Callable[[int], None]) -> None:
        if not self._columns_ok():
            return
        raw, header_row = self.raw, self.header_row
        self.resolver.sheet_year = year_in_title(raw, header_row)
        fill_merged_down(raw, header_row)
        body = raw.rows[header_row + 1 :]
        self.identities = RowIdentities(self.resolver.store, self.spec, raw.name, self.mapping, body, self.seen_ids)
        header_cells = raw.rows[header_row]
        header_norm = [lc.normalise_header(v) for v in header_cells]
        for offset, row in enumerate(body, start=header_row + 1):
            if offset % 500 == 0:
                tick(offset - header_row)  # progress, and the clerk's chance to cancel
            # (most rows start with a 序号 or a date: not blank, looked at no further)
            if (not row or is_blank(row[0])) and all(is_blank(v) for v in row) or is_total_row(row):
                continue
            if row and row[0] == header_cells[0] and [lc.normalise_header(v) for v in row] == header_norm:
                continue  # the header repeated (a ledger pasted together from several)
            self._plan_row(offset, row)
        self._notes()

    def _columns_ok(self) -> bool:
        """Notes the columns not recognised; False (a problem) when a column the rows cannot be
        understood without is missing."""
        raw = self.raw
        for index, value in enumerate(raw.rows[self.header_row]):
            if index not in self.mapping and not is_blank(value):
                header = parse_text(value)
                self.extra_columns.append((index, header))
                self.plan.notes.append(f"“{raw.name}”中的“{header}”列无法识别，其中填写的内容写入各行的“备注”。")
        required = _REQUIRED.get(self.spec.name, ())
        missing = [c.header for c in self.spec.columns if c.header in required and c.header not in self.mapped]
        if missing and lc.ID_HEADER not in self.mapped:
            message = "缺少必需的列：" + "、".join(f"“{m}”" for m in missing) + "。"
            self.plan.problems.append(Problem(raw.name, self.header_row + 1, "", message))
            return False
        return True

    def _plan_row(self, offset: int, row: list[Any]) -> None:
        plan, spec, row_no = self.plan, self.spec, offset + 1
        cells, refused = self._cells(offset, row)
        first = cells.get(self.first_data)  # type: ignore[arg-type]
        if (spec.cls is not Member and (first is None or is_blank(first[1]))
                and all(is_blank(v) for c, (_, v) in cells.items() if c.kind not in NOT_READ)):
            return  # only a 序号: an unused line of a pre-numbered ledger
        who = self.identities.identify(row, row_no, plan.restore_deleted)
        if who.problem is not None:
            plan.problems.append(who.problem)
            return
        found = who.found
        if spec.cls is Member and found is None and who.record_id is None:
            found = _member_by_name(self.resolver, cells)
        self.listed.check(row_no, cells, found)
        base = who.exported if who.exported is not None else found
        masked = plan.masked and not plan.allow_masked
        result = build_record(
            spec, self.raw.name, row_no, cells, base, who.record_id, self.resolver, masked, exact=who.own,
            created_at=who.created_at, extras=self._extras(row) if self.extra_columns else None,
            layout=self._layout(who.own, masked) if refused is _NONE_REFUSED else None, refused=refused,
        )
        if result.problems or refused:  # (the row's other problems too: all are listed at once)
            plan.problems.extend(result.problems)
            return
        record = result.record
        assert record is not None
        repeats: Record | None = None  # the stored record a row without a 记录编号 repeats
        if found is None and who.record_id is None and spec.cls is not Member:
            repeats = self.known.same_as(record, list(cells))
            corrected = self._corrected(offset, cells, record) if repeats is None else None
            if corrected is not None:
                found = base = corrected.existing
                result = corrected
                record = corrected.record
                assert record is not None
        if result.inferred:
            self.inferred += [(row_no, *found) for found in result.inferred]
        if who.restoring:
            record = codec.copy_record(record, deleted=False)
        if isinstance(record, Member):
            self.resolver.plan_member(record, new=found is None)
        planned = self._planned(row_no, who, found, base, record, repeats)
        plan.records.append(planned)
        if planned.action != SAME and getattr(planned.record, "incomplete", ""):
            self.incomplete += 1

    def _layout(self, exact: bool, masked: bool) -> RowLayout:
        """The layout of a row holding every column of the sheet (most rows), found once."""
        found = self.layouts.get((exact, masked))
        if found is None:
            found = self.layouts[(exact, masked)] = row_layout(self.spec.cls, self.columns, exact, masked)
        return found

    def _extras(self, row: list[Any]) -> list[tuple[str, Any]]:
        """The row's cells in columns no field has, as (header, value), for its 备注."""
        width = len(row)
        return [(header, row[i]) for i, header in self.extra_columns if i < width and not is_blank(row[i])]

    def _corrected(self, offset: int, cells: RowCells, record: Record) -> RowResult | None:
        """A row without a 记录编号 that repeats no stored record but has the natural key of exactly
        one (a row corrected in Excel since the last import): the row read again as a change of
        that record, keeping what the sheet does not hold. None when the row is no such row."""
        match = self.known.only_match(record)
        if match is None:
            return None
        plan = self.plan
        result = build_record(
            self.spec, self.raw.name, offset + 1, cells, match, None, self.resolver,
            plan.masked and not plan.allow_masked, extras=self._extras(self.raw.rows[offset]),
        )
        return result if not result.problems else None

    def _planned(
        self, row_no: int, who: Identity, found: Record | None, base: Record | None, record: Record,
        repeats: Record | None,
    ) -> PlannedRecord:
        """The row against the stored record it names (or ``repeats``): added, changed, unchanged
        or a conflict."""
        sheet, file_time = self.raw.name, self.plan.file_time
        if repeats is not None:
            self.repeats += 1
            return PlannedRecord(sheet, row_no, SAME, repeats)
        if found is None:
            return PlannedRecord(sheet, row_no, ADD, record)
        if base is not found:
            # Exported from an earlier version; the record has changed here since.
            assert base is not None
            if codec.same_content(base, record):
                self.stale += 1
                return PlannedRecord(sheet, row_no, SAME, found)
            return _conflict(sheet, row_no, found, record, file_time)
        if codec.same_content(found, record):
            return PlannedRecord(sheet, row_no, SAME, record)
        if who.unknown_version and not who.restoring:
            # A row from a copy that never saw this record's current version: both changed it.
            return _conflict(sheet, row_no, found, record, file_time)
        changed = changed_labels(found, record) or []
        if who.restoring:
            changed = ["恢复已删除的记录"] + changed
        return PlannedRecord(sheet, row_no, CHANGE, record, changed)

    def _cells(self, offset: int, row: list[Any]) -> tuple[RowCells, Set[str]]:
        """Column → (header in the file, value), and the fields of the cells refused. A formula's
        saved result is what the clerk saw in Excel: it is taken, and the cell is listed
        (``formula_rows``: header → rows) for the preview; a formula whose value cannot be taken is
        a problem, its cell left out (the row is refused, with its other problems)."""
        width = len(row)
        if offset not in self.rows_with_formulas:
            if width < self.reach:  # a row cut short: its missing cells are empty
                row = [*row, *[None] * (self.reach - width)]
            return RowCells(self.columns, self.headers, self.take(row), self.column_index), _NONE_REFUSED
        raw, plan = self.raw, self.plan
        cells: dict[lc.Column, tuple[str, Any]] = {}
        refused: set[str] = set()
        for index, (col, header) in self.mapping.items():
            value = row[index] if index < width else None
            if (offset, index) in raw.formulas and col.kind not in FORMULA_OK:
                refusal = formula_refusal(plan.path.name, (offset, index) in raw.external_cells, value)
                if refusal:
                    plan.problems.append(Problem(raw.name, offset + 1, header, refusal))
                    refused.add(col.field or "")
                    continue
                self.formula_rows.setdefault(header, []).append(offset + 1)
            cells[col] = (header, value)
        return RowCells.of(cells), refused

    def _notes(self) -> None:
        plan, sheet = self.plan, self.raw.name
        plan.notes += repeat_notes(sheet, self.repeats)
        plan.notes += formula_notes(sheet, self.formula_rows)
        plan.notes += inferred_notes(sheet, self.mapped, self.inferred)
        plan.notes += incomplete_notes(sheet, self.incomplete)
        plan.notes += self.listed.notes(sheet)
        if self.stale:
            plan.notes.append(
                f"“{sheet}”中有 {self.stale:,} 行是导出后已在程序中修改过的记录的旧内容，保留程序中较新的内容。"
            )
        self._note_rows_not_in_sheet()

    def _note_rows_not_in_sheet(self) -> None:
        """Our own ledger of one year whose rows leave out records of that year (deleted in Excel):
        an import adds and changes, never deletes; the clerk is told so."""
        year = self.resolver.sheet_year
        if lc.ID_HEADER not in self.mapped or year is None or self.spec.cls is Member:
            return
        in_sheet = set(self.identities.spelled.values())
        missing = [i for i in self.resolver.store.query_ids(self.spec.cls, year=year) if i not in in_sheet]
        if missing:
            self.plan.notes.append(
                f"数据库中 {year} 年另有 {len(missing):,} 条{self.spec.cls.TITLE}记录不在“{self.raw.name}”中"
                "（可能在 Excel 中删去了）：导入不会删除记录，要删除请在程序中删除。"
            )


_NONE_REFUSED: frozenset[str] = frozenset()  # a row without formula cells: nothing refused


def _conflict(sheet: str, row: int, current: Record, theirs: Record, file_time: str) -> PlannedRecord:
    """Both the workbook and this database changed the record: the newer change wins (the
    file's time against the record's), the other is kept in history and can be swapped in."""
    item = PlannedRecord(sheet, row, CONFLICT, theirs, changed_labels(current, theirs), current=current)
    item.workbook_wins = file_time > current.updated_at
    return item


def _member_by_name(resolver: Resolver, cells: RowCells) -> Member | None:
    """A roster row without a known 记录编号 updates the member of the same name, if any."""
    for col, (_, value) in cells.items():
        if col.field == "name":
            member_id = resolver.by_name.get(parse_text(value))
            if member_id and member_id not in resolver.planned_member_ids:
                return resolver.store.find(Member, member_id)
    return None


# Columns without which a sheet's rows cannot be understood (their date or kind). Descriptive
# columns may be missing: their records come in marked 待补全.
_REQUIRED: dict[str, Sequence[str]] = {
    lc.MEMBER_SHEET.name: ("姓名",),
    lc.ACTIVITY_SHEET.name: ("日期",),
    lc.RECEPTION_SHEET.name: ("日期",),
    lc.DONATION_SHEET.name: ("日期",),
    lc.PROPOSAL_SHEET.name: ("类别", "标题"),
}


@collector_paused()
def apply_plan(
    store: Store, plan: ImportPlan, progress: ProgressFn | None = None, *, backup_dir: Path | None = None
) -> ImportResult:
    """Write the plan: a backup first (into ``backup_dir``, by default the backups folder), then
    everything in one transaction (or nothing)."""
    from studio_desk.core.backup import make_backup
    from studio_desk.paths import backups_dir

    if plan.problems:
        raise StudioDeskError(f"导入文件有 {len(plan.problems):,} 处问题，未导入任何数据。请改正后重新导入。")
    todo = [r for r in plan.records if r.action != SAME]
    if not todo and not plan.new_members and not plan.new_types and not plan.studio_name:
        return ImportResult(0, 0, len(plan.records), 0, None)
    refuse_in_locked_years(store, _years_touched(store, todo), "导入")  # locked since the preview?
    checked = plan.checked_at is not None and plan.checked_at == store.changes_made()
    report(progress, 0, len(todo) + 1, "正在备份数据库……")
    backup = make_backup(store, backup_dir or backups_dir(), "import")
    total = len(todo) + 1
    with store.transaction():
        if plan.studio_name and plan.use_studio_name and is_unnamed(store.studio()):
            store.save_studio(plan.studio or codec.copy_record(store.studio(), name=plan.studio_name))
        for list_name, values in plan.new_types.items():
            for value in values:
                store.add_type(list_name, value)
        for member in plan.new_members:
            store.save(member, reason="导入")
        batch: list[Record] = []  # ledger rows are written together (store.save_batch)
        for done, item in enumerate(todo, start=1):
            if item.action == CONFLICT:
                _write_conflict(store, item, plan.file_time)
            elif isinstance(item.record, Member):
                store.save(item.record, reason="导入", restore=plan.restore_deleted)
            else:
                batch.append(item.record)
            if done % WRITE_REPORT_EVERY == 0 or done == len(todo):
                store.save_batch(batch, reason="导入", restore=plan.restore_deleted, check=not checked)
                batch = []
                report(progress, done, total, f"正在写入……{done:,}/{len(todo):,}")
    store.end_undo_history()  # an import is not undone step by step (its backup undoes it)
    report(progress, total, total, "导入完成")
    actions = Counter([r.action for r in todo])
    years = sorted({y for r in todo if (y := r.record.year()) is not None})
    return ImportResult(
        actions[ADD], actions[CHANGE], len(plan.records) - len(todo), len(plan.new_members), backup.path,
        actions[CONFLICT], tuple(years),
    )


def _write_conflict(store: Store, item: PlannedRecord, file_time: str) -> None:
    """The newer side becomes current; the other is kept in history as a merge conflict's loser,
    so the conflict list shows it and the clerk can swap the two."""
    from studio_desk.core.ids import random_id
    from studio_desk.core.sync import CONFLICT_REASON

    if item.workbook_wins:
        store.save(item.record, reason=CONFLICT_REASON)
        return
    current = item.current
    assert current is not None
    loser = codec.copy_record(
        item.record,
        created_at=current.created_at,
        updated_at=min(file_time, current.updated_at),
        replica_id=store.replica_id,
        version_id=random_id(),
    )
    store.archive_version(loser, CONFLICT_REASON)
