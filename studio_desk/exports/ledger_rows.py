"""One ledger row → one record: the cells parsed, names resolved, the core's validation applied.

Rows with a 记录编号 of a stored record start from that record and change only the columns the
sheet has; other rows make new records. Every problem is reported against its sheet, row and
column, in the core's own words where the core finds it.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

from studio_desk.core import codec
from studio_desk.core.ids import ID_PATTERN, canonical_id
from studio_desk.core.models import (
    CHOICE,
    INCOMPLETE_SEPARATOR,
    Activity,
    Author,
    Donation,
    FollowUp,
    Member,
    Proposal,
    Reception,
    Record,
    field_info,
    fields_of,
    pii_fields,
)
from studio_desk.core.store import Store
from studio_desk.core.validate import member_ids_of, validation_errors
from studio_desk.exports import ledger_columns as lc
from studio_desk.exports.ledger_format import (
    ItemsError,
    format_followup,
    format_followup_log,
    format_items,
    parse_children,
    parse_followup,
    parse_followup_log,
    parse_items,
)
from studio_desk.exports.ledger_infer import (
    infer_activity_type,
    infer_handling,
    infer_reception_mode,
    infer_reception_status,
)
from studio_desk.exports.ledger_reader import PARSERS, Reader, RowCells, row_reader
from studio_desk.exports.ledger_values import (
    CellError,
    exact_text,
    is_blank,
    normalise_choice,
    parse_money,
    parse_month_day,
    parse_text,
    split_names,
)


@dataclass(frozen=True)
class Problem:
    sheet: str
    row: int | None  # Excel row number (1-based); None: the whole sheet or file
    column: str  # header as in the file ("" when not about one column)
    message: str

    def text(self) -> str:
        where = f"“{self.sheet}”" if self.sheet else ""
        if self.row is not None:
            where += f"第 {self.row} 行"
        if self.column:
            where += f"“{self.column}”列"
        return f"{where}：{self.message}" if where else self.message


class Resolver:
    """What rows share: the roster by name, members and types to add, validation lookups."""

    def __init__(self, store: Store, add_unknown_members: bool):
        self.store = store
        self.add_unknown_members = add_unknown_members
        self.by_name: dict[str, str] = {m.name: m.id for m in store.list_records(Member)}
        self.names: dict[str, str] = {m.id: m.name for m in store.list_records(Member, include_deleted=True)}
        self.new_members: dict[str, Member] = {}  # name → member to add (unknown names)
        self.planned_member_ids: set[str] = set()  # members the roster sheet adds
        self.new_types: dict[str, list[str]] = {}
        self.notes: list[str] = []
        self._states: dict[str, str | None] = {}
        self._type_values: dict[str, list[str]] = {}
        self._parsed: dict[tuple[str, type, Any], Any] = {}
        # ``parsed``'s value for a (kind, class, value) key seen before (the row readers look there first).
        self.cached_parse = self._parsed.get
        self._exported_names: dict[tuple[str, ...], str] = {}
        self.unknown_names: Counter[str] = Counter()  # names not in the roster → cells naming them
        self.sheet_year: int | None = None  # the year the sheet being read names (its dates may omit it)

    # the validation lookup (core.validate.Lookup): the store plus what this import adds; the
    # store does not change while a file is checked, so each member is asked about once
    def member_state(self, member_id: str) -> str | None:
        if member_id in self.planned_member_ids:
            return "active"
        if member_id not in self._states:
            self._states[member_id] = self.store.member_state(member_id)
        return self._states[member_id]

    def parsed(self, kind: str, raw: Any) -> Any:
        """A date, number, amount or yes/no cell's value: each different cell parsed once per import
        (a ledger repeats its dates, counts and 是/否 thousands of times). A cell that cannot be
        read raises :class:`CellError` every time it comes."""
        key = (kind, raw.__class__, raw)  # the class too: 1, 1.0 and True are equal keys
        found = self._parsed.get(key, _NOT_PARSED)
        if found is _NOT_PARSED:
            try:
                found = self._parsed[key] = PARSERS[kind](raw)
            except CellError:
                if kind != lc.DATE or self.sheet_year is None or not isinstance(raw, str):
                    raise
                return parse_month_day(raw, self.sheet_year)  # in this sheet's year (not kept for others)
        return found

    def type_values(self, list_name: str) -> list[str]:
        values = self._type_values.get(list_name)
        if values is None:
            values = self._type_values[list_name] = self.store.type_values(list_name) + self.new_types.get(list_name, [])
        return values

    def member_id(self, name: str) -> str | None:
        """The id for a member's name, adding an unknown name to the roster when allowed."""
        found = self.by_name.get(name)
        if found is not None:
            return found
        if not self.add_unknown_members:
            return None
        member = Member(name=name, role="成员", notes="导入台账时加入名册")
        self.new_members[name] = member
        self.plan_member(member, new=True)
        return member.id

    def name_of(self, member_id: str) -> str:
        return self.names.get(member_id, "（未知委员）")

    def exported_names(self, member_ids: list[str]) -> str:
        """The names of ``member_ids`` as our own workbook writes them in a cell (worked out once
        for each set of members, until the roster changes)."""
        key = tuple(member_ids)
        text = self._exported_names.get(key)
        if text is None:
            text = self._exported_names[key] = parse_text("、".join(map(self.name_of, member_ids)))
        return text

    def plan_member(self, member: Member, *, new: bool) -> None:
        """A roster row of this import: later rows find the member by name and id."""
        if member.id in self.names:  # a member renamed: the names as exported are joined again
            self._exported_names.clear()
        self.by_name[member.name] = member.id
        self.names[member.id] = member.name
        if new:
            self.planned_member_ids.add(member.id)

    def add_type(self, list_name: str, value: str) -> None:
        if value not in self.type_values(list_name):
            self.new_types.setdefault(list_name, []).append(value)
            self._type_values[list_name].append(value)


_NOT_PARSED = object()
_ID_LIST = re.compile(f"(?:{ID_PATTERN}(?:,{ID_PATTERN})*)?")  # member ids in their one spelling, as exported


class RowLayout(NamedTuple):
    """How a row whose cells are in one arrangement of columns is read: worked out once per
    sheet, not for each of its rows."""

    reader: Reader
    # The hidden round-trip columns (member ids, child lists): (where in the row, field, the child
    # class of a child list; None for member ids).
    hidden: tuple[tuple[int, str, type | None], ...]


@functools.cache
def row_layout(cls: type, columns: tuple[lc.Column, ...], exact: bool, masked: bool) -> RowLayout:
    """The layout of ``cls`` rows whose cells are in ``columns``; ``exact``: our own workbook's;
    ``masked``: a masked copy's (see ``row_reader``)."""
    reader = row_reader(cls, columns, exact, _masked_fields(cls) if masked else frozenset())
    hidden = []
    for index, col in enumerate(columns):
        if col.kind == lc.MEMBER_IDS and col.field:
            hidden.append((index, col.field, None))
        elif col.kind == lc.CHILD_DATA and col.field and (child := _field_info(cls, col.field).child) is not None:
            hidden.append((index, col.field, child))
    return RowLayout(reader, tuple(hidden))


@functools.cache
def _masked_fields(cls: type) -> frozenset[str]:
    return frozenset(pii_fields(cls))


@functools.cache
def _field_info(cls: type, name: str) -> Any:
    return field_info(cls, name)


@dataclass(slots=True)
class RowResult:
    record: Record | None
    existing: Record | None
    problems: list[Problem] = field(default_factory=list)
    # (column, value, the words it was read from) of each value worked out from the row's words,
    # for the preview
    inferred: list[tuple[str, str, str]] = field(default_factory=list)


def _unknown_member_message(header: str, name: str) -> str:
    return f"“{name}”不在委员名册中：请先在名册中添加，或导入时把名册中没有的委员加入名册。"


def build_record(
    spec: lc.SheetSpec,
    sheet: str,
    row_no: int,
    cells: RowCells,
    existing: Record | None,
    record_id: str | None,
    resolver: Resolver,
    masked: bool,
    *,
    exact: bool = False,
    created_at: str = "",
    extras: list[tuple[str, Any]] | None = None,
    layout: RowLayout | None = None,
    refused: Collection[str] = (),
) -> RowResult:
    """``cells``: the row's cells (column → header as written in the file, raw value). ``exact``: the row is
    from our own workbook, whose texts come back exactly as they were written. ``extras``:
    (header, value) of the row's cells in columns no field has, kept in its 备注. ``layout``:
    ``row_layout`` of the cells' columns, when the caller has it at hand (a sheet's rows).
    ``refused``: the fields whose cells were refused (a formula without its result; left out of
    ``cells`` and reported already): what follows from their absence is not reported again."""
    if layout is None:
        layout = row_layout(spec.cls, cells.columns, exact, masked)
    builder = _RowBuilder(spec, sheet, row_no, cells, existing, resolver, layout, exact)
    builder.bad_fields.update(refused)
    if extras:
        builder.keep_in_notes(extras)
    return builder.build(record_id, created_at)


class _RowBuilder:
    def __init__(
        self,
        spec: lc.SheetSpec,
        sheet: str,
        row_no: int,
        cells: RowCells,
        existing: Record | None,
        resolver: Resolver,
        layout: RowLayout,
        exact: bool,
    ):
        self.spec, self.sheet, self.row_no, self.cells = spec, sheet, row_no, cells
        self.existing, self.resolver, self.layout, self.exact = existing, resolver, layout, exact
        self.problems: list[Problem] = []
        self.bad_fields: set[str] = set()
        self.changes: dict[str, Any] = {}
        self.hints = self._hidden_values()
        self.inferred: list[tuple[str, str, str]] = []
        self.checked: tuple[Record, list[Any]] | None = None
        self.extra_lines: list[str] = []

    def problem(self, header: str, message: str, field_name: str = "") -> None:
        self.problems.append(Problem(self.sheet, self.row_no, header, message))
        self.bad_fields.add(field_name)

    def text(self, raw: Any) -> str:
        return exact_text(raw) if self.exact else parse_text(raw)

    def keep_in_notes(self, extras: list[tuple[str, Any]]) -> None:
        """Cells no field holds, as "header：value" lines after the row's own 备注 (or the stored
        record's, when the sheet has no 备注 column): nothing a clerk wrote is dropped, and a
        line already there is not added again."""
        self.extra_lines = [f"{header}：{text}" for header, raw in extras if (text := parse_text(raw))]

    def _with_extra_lines(self, read_fields: set[str]) -> None:
        if "notes" in read_fields:
            base = self.changes.get("notes") or ""
        else:
            base = getattr(self.existing, "notes", "") if self.existing is not None else ""
        added = [line for line in self.extra_lines if line not in base]
        if added:
            self.changes["notes"] = "\n".join([base, *added] if base else added)

    def _hidden_values(self) -> dict[str, Any]:
        """Field → what its hidden round-trip column holds (member ids, a child list)."""
        out: dict[str, Any] = {}
        values = self.cells.cell_values
        for index, name, child in self.layout.hidden:
            text = parse_text(values[index])
            if child is None:  # member ids
                if _ID_LIST.fullmatch(text):  # as written (most cells): no id to respell
                    out[name] = text.split(",") if text else []
                    continue
                ids = [canonical_id(i) for i in text.split(",") if i.strip()]
                if all(ids):
                    out[name] = ids
            elif text:
                children = parse_children(child, text)
                if children is not None:
                    out[name] = children
        return out

    def build(self, record_id: str | None, created_at: str) -> RowResult:
        cls, existing = self.spec.cls, self.existing
        # A stored record is copied with the row's values; a new one is made with them (below).
        start = {} if existing is not None or record_id is None else {"id": record_id, "created_at": created_at}
        read_fields, sums, items_cell, pending_followup = self.layout.reader(
            self.cells.cell_values, self.cells.headers, self.changes, existing, self.resolver.parsed, self.resolver.cached_parse,
            self.problem, self._read,
            self.resolver.type_values, self,
        )
        if self.extra_lines:
            self._with_extra_lines(read_fields)
        # A hidden column whose visible column is missing still gives its field back.
        for name, hint in self.hints.items():
            if name not in read_fields and name != "items":
                self.changes[name] = hint
        if cls is Donation:
            base = existing if existing is not None else codec.new_record(cls, start)
            _donation_items(base, self.changes, items_cell, sums, self.problem, self.hints.get("items"))
        if existing is not None:
            record = codec.copy_record(existing, **self.changes)
        else:
            record = codec.new_record(cls, {**start, **self.changes})
        if isinstance(record, Proposal) and pending_followup is not None:
            record = _with_latest_followup(record, pending_followup[1])
        if not self.exact:
            record = self._complete_what_can_be(record, read_fields)
        self._validate(record)
        return RowResult(record if not self.problems else None, existing, self.problems, self.inferred)

    def _read(self, col: lc.Column, header: str, raw: Any) -> None:
        """A list value the row reader does not take as it is."""
        name, cls = col.field or "", self.spec.cls
        assert col.kind == lc.CHOICE, col.kind
        info = _field_info(cls, name)
        allowed = self.resolver.type_values(info.type_list) if info.type_list else info.choices
        text = self.text(raw)
        # Our own workbook's list values come back as written: the list it was made from held
        # them (a studio's own 青联界 is not read as the default 共青团和青联).
        if not (self.exact and allowed is not None and (text in allowed or info.type_list)):
            text = normalise_choice(name, parse_text(raw), allowed)
        if text and info.type_list and text not in allowed:
            self.resolver.add_type(info.type_list, text)
        self.changes[name] = text

    def members(self, header: str, name: str, raw: Any) -> list[str]:
        hint = self.hints.get(name)
        if hint is not None and parse_text(raw) == self.resolver.exported_names(hint):
            return list(hint)  # the names as exported: the ids say who (namesakes, odd names)
        by_hint = {}
        for member_id in hint or []:
            by_hint.setdefault(self.resolver.name_of(member_id), member_id)
        ids: list[str] = []
        for member_name in split_names(raw):
            member_id = by_hint.get(member_name) or self.resolver.member_id(member_name)
            if member_id is None:
                self.problem(header, _unknown_member_message(header, member_name), name)
                self.resolver.unknown_names[member_name] += 1
            elif member_id not in ids:
                ids.append(member_id)
        return ids

    def authors(self, header: str, raw: Any) -> list[Author]:
        hint = self.hints.get("authors")
        if hint is not None and parse_text(raw) == parse_text("、".join([a.name for a in hint])):
            return list(hint)
        known = list(getattr(self.existing, "authors", []) or []) + list(hint or [])
        return _authors(split_names(raw), known, self.resolver, self.sheet, self.row_no, header)

    def followup_log(self, name: str, raw: Any) -> list[FollowUp]:
        hint = self.hints.get(name)
        text = self.text(raw)
        if hint is not None and parse_text(raw) == parse_text(format_followup_log(hint)):
            return list(hint)
        when = getattr(self.existing, "date", None) or date.today()
        return parse_followup_log(text, when) if text.strip() else []

    def _complete_what_can_be(self, record: Record, read_fields: set[str]) -> Record:
        """An old ledger's gaps (SPEC: incomplete is not invalid): a missing activity type is
        inferred from the topic (else 其他); empty descriptive fields the record rules require
        are listed in 待补全 instead of stopping the import."""
        if isinstance(record, Activity) and "type" not in read_fields and not record.type:
            kind, words = infer_activity_type(record.topic)
            record = codec.copy_record(record, type=kind)
            self.inferred.append(("活动类型", kind, words))
        if isinstance(record, Reception):
            record = self._complete_reception(record, read_fields)
        if not hasattr(record, "incomplete") or any(getattr(record, f) is None for f in KIND_FIELDS.get(type(record), ())):
            return record
        previous = self._previous_members()
        errors = validation_errors(record, self.resolver, previous)
        self.checked = (record, errors)  # the same record is not checked twice (_validate)
        missing = [
            e.label
            for e in errors
            if e.field not in self.bad_fields
            and e.field not in KIND_FIELDS.get(type(record), ())
            and _is_empty(getattr(record, e.field, None))
        ]
        if not missing:
            return record
        listed = [x for x in record.incomplete.split(INCOMPLETE_SEPARATOR) if x]
        listed += [label for label in dict.fromkeys(missing) if label not in listed]
        return codec.copy_record(record, incomplete=INCOMPLETE_SEPARATOR.join(listed))

    def _complete_reception(self, record: Reception, read_fields: set[str]) -> Reception:
        """A reception's 方式 from what the citizen asked; its 处理方式 (and the unit it was passed
        to) from 办理结果; its 办理状态, when the sheet gives none for a new record, from what was
        done (an old ledger without these columns is not read as a year of open requests)."""
        changes: dict[str, str] = {}
        if not record.mode:
            mode, words = infer_reception_mode(record)
            if mode:
                changes["mode"] = mode
                self.inferred.append(("方式", mode, words))
        if not record.handling:
            handling, words, unit = infer_handling(record.result)
            if handling:
                changes["handling"] = handling
                self.inferred.append(("处理方式", handling, words))
                if unit and not record.transferred_to:
                    changes["transferred_to"] = unit
        if not record.status or ("status" not in read_fields and self.existing is None):
            status, words = infer_reception_status(codec.copy_record(record, **changes))
            if status and status != record.status:
                changes["status"] = status
                self.inferred.append(("办理状态", status, words))
        return codec.copy_record(record, **changes) if changes else record

    def _previous_members(self) -> set[str]:
        return member_ids_of(self.existing)

    def _validate(self, record: Record) -> None:
        # The core's validation, on what could be read (a cell that could not be read is already
        # reported; the rules between fields are still checked on the others).
        if self.checked is not None and self.checked[0] is record:
            errors = self.checked[1]
        else:
            errors = validation_errors(record, self.resolver, self._previous_members())
        if not errors:
            return
        kind_fields = KIND_FIELDS.get(type(record), ())
        # A row not understood (no date): its empty descriptive fields would be 待补全 once it is,
        # so only what stops it is reported (not a "方式" the file has no column for).
        gaps_wait = not self.exact and hasattr(record, "incomplete") and any(getattr(record, f) is None for f in kind_fields)
        for error in errors:
            if error.field in self.bad_fields:
                continue
            if gaps_wait and error.field not in kind_fields and _is_empty(getattr(record, error.field, None)):
                continue
            col = self.spec.column_for_field(error.field)
            header = _header_in_file(self.cells, col) if col is not None else ""
            self.problem(header or (col.header if col else error.label), error.message, error.field)


# What makes a row understood: without these it is an error, not a gap.
KIND_FIELDS: dict[type, tuple[str, ...]] = {
    Activity: ("date",),
    Reception: ("date",),
    Donation: ("date",),
    Proposal: ("category",),
}


def _is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value == []


def _with_latest_followup(record: Proposal, text: str) -> Proposal:
    latest = record.followups[-1] if record.followups else None
    if latest is not None and parse_text(format_followup(latest)) == text:
        return record  # the latest step as exported
    parsed = parse_followup(text, record.answered_on or record.submitted_on or date.today())
    # A note without a leading date is stored with one; compared as parsed, so that importing
    # the same cell again does not add it a second time.
    if latest is None or (latest.date, parse_text(latest.note)) != (parsed.date, parsed.note):
        return codec.copy_record(record, followups=record.followups + [parsed])
    return record


def _header_in_file(cells: RowCells, col: lc.Column) -> str:
    found = cells.get(col)
    return found[0] if found else col.header


def _authors(
    names: list[str], known: list[Author], resolver: Resolver, sheet: str, row: int, header: str
) -> list[Author]:
    old = {a.name: a for a in known}
    authors = []
    for name in names:
        member_id = resolver.by_name.get(name)
        if member_id is None and name in old:
            member_id = old[name].member_id
        if member_id is None:
            member_id = resolver.member_id(name)
            if member_id is None:
                note = f"“{sheet}”第 {row} 行“{header}”：“{name}”不在委员名册中，将作为工作室以外的提出人记录。"
                if note not in resolver.notes:
                    resolver.notes.append(note)
        authors.append(Author(name=name, member_id=member_id))
    return authors


def _donation_items(record: Donation, changes: dict[str, Any], items_cell, sums, problem, hint=None) -> None:  # type: ignore[no-untyped-def]
    in_kind_header, in_kind_raw = sums.get("物资价值(元)", ("", None))
    total_header, total_raw = sums.get("合计(元)", ("", None))
    in_kind_fen: int | None = None
    try:
        if not is_blank(in_kind_raw):
            in_kind_fen = parse_money(in_kind_raw)
    except CellError as exc:
        problem(in_kind_header, f"{exc}。")
        return
    if items_cell is not None:
        header, raw = items_cell
        text = parse_text(raw)
        try:
            if hint is not None and text == parse_text(format_items(hint)):
                items, all_valued = list(hint), True  # the items as exported, exactly
            else:
                items, all_valued = parse_items(text) if text else ([], True)
        except ItemsError as exc:
            problem(header, f"{exc}。")
            return
        if items and not all_valued:
            # A clerk's own ledger: the goods as words, their value in its own column.
            if len(items) == 1:
                items = [dataclasses.replace(items[0], value_fen=in_kind_fen or 0)]
            else:
                from studio_desk.core.models import DonationItem

                items = [DonationItem(name=text.strip(), value_fen=in_kind_fen or 0)]
        elif items and in_kind_fen is not None:
            listed = sum(i.value_fen for i in items)
            if listed != in_kind_fen:
                problem(
                    in_kind_header,
                    f"物资明细各项价值合计 {listed / 100:,.2f} 元，与本列的 {in_kind_fen / 100:,.2f} 元不符。",
                )
        changes["items"] = items
    elif hint is not None:
        changes["items"] = list(hint)
    elif in_kind_fen:
        from studio_desk.core.models import DonationItem

        changes["items"] = [DonationItem(name="物资", value_fen=in_kind_fen)]
    if not is_blank(total_raw):
        try:
            total = parse_money(total_raw)
        except CellError as exc:
            problem(total_header, f"{exc}。")
            return
        probe = codec.copy_record(record, **changes)
        if total != probe.total_fen:
            problem(
                total_header,
                f"合计 {total / 100:,.2f} 元与现金加物资价值 {probe.total_fen / 100:,.2f} 元不符。",
            )


def changed_labels(old: Record, new: Record) -> list[str]:
    """Chinese labels of the fields that differ (for the preview)."""
    a, b = codec.to_dict(old), codec.to_dict(new)
    return [f.label for f in fields_of(type(new)) if a.get(f.name) != b.get(f.name)]


def is_valid_record_id(text: str) -> bool:
    return canonical_id(text) is not None


__all__ = ["Problem", "Resolver", "RowResult", "build_record", "changed_labels", "CHOICE"]
