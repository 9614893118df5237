"""One ledger row → one record: the cells parsed, names resolved, the core's validation applied.

Rows with a 记录编号 of a stored record start from that record and change only the columns the
sheet has; other rows make new records. Every problem is reported against its sheet, row and
column, in the core's own words where the core finds it.
"""

from __future__ import annotations

import dataclasses
import uuid
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from studio_desk.core import codec
from studio_desk.core.models import (
    CHOICE,
    Author,
    Donation,
    Member,
    Proposal,
    Record,
    field_info,
    fields_of,
    pii_fields,
)
from studio_desk.core.store import Store
from studio_desk.core.validate import validation_errors
from studio_desk.exports import ledger_columns as lc
from studio_desk.exports.ledger_format import ItemsError, format_followup, parse_followup, parse_items
from studio_desk.exports.ledger_values import (
    CellError,
    is_blank,
    normalise_choice,
    parse_bool,
    parse_date,
    parse_int,
    parse_money,
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
        self.by_name: dict[str, str] = {m.name: m.id for m in store.list(Member)}
        self.new_members: dict[str, Member] = {}  # name → member to add (unknown names)
        self.planned_member_ids: set[str] = set()  # members the roster sheet adds
        self.new_types: dict[str, list[str]] = {}
        self.notes: list[str] = []

    # the validation lookup (core.validate.Lookup): the store plus what this import adds
    def member_state(self, member_id: str) -> str | None:
        if member_id in self.planned_member_ids:
            return "active"
        return self.store.member_state(member_id)

    def type_values(self, list_name: str) -> list[str]:
        return self.store.type_values(list_name) + self.new_types.get(list_name, [])

    def member_id(self, name: str) -> str | None:
        """The id for a member's name, adding an unknown name to the roster when allowed."""
        found = self.by_name.get(name)
        if found is not None:
            return found
        if not self.add_unknown_members:
            return None
        member = Member(name=name, role="成员", notes="导入台账时加入名册")
        self.new_members[name] = member
        self.planned_member_ids.add(member.id)
        self.by_name[name] = member.id
        return member.id

    def add_type(self, list_name: str, value: str) -> None:
        if value not in self.type_values(list_name):
            self.new_types.setdefault(list_name, []).append(value)


@dataclass
class RowResult:
    record: Record | None
    existing: Record | None
    problems: list[Problem] = field(default_factory=list)


def _unknown_member_message(header: str, name: str) -> str:
    return f"“{name}”不在委员名册中。请先在名册中添加，或勾选“把名册中没有的委员加入名册”。"


def build_record(
    spec: lc.SheetSpec,
    sheet: str,
    row_no: int,
    cells: dict[lc.Column, tuple[str, Any]],
    existing: Record | None,
    record_id: str | None,
    resolver: Resolver,
    masked: bool,
) -> RowResult:
    """``cells``: column → (header as written in the file, raw value)."""
    cls = spec.cls
    problems: list[Problem] = []
    if existing is not None:
        record = dataclasses.replace(existing)
    elif record_id is not None:
        record = cls(id=record_id)
    else:
        record = cls()
    changes: dict[str, Any] = {}
    pii = pii_fields(cls)
    pending_followup: tuple[str, str] | None = None
    items_cell: tuple[str, Any] | None = None
    sums: dict[str, tuple[str, Any]] = {}

    bad_fields: set[str] = set()

    def problem(header: str, message: str, field_name: str = "") -> None:
        problems.append(Problem(sheet, row_no, header, message))
        bad_fields.add(field_name)

    for col, (header, raw) in cells.items():
        kind, name = col.kind, col.field
        if kind in (lc.SEQ, lc.COUNT_OF, lc.RECORD_ID):
            continue
        if kind == lc.SUM_MONEY:
            sums[col.header] = (header, raw)
            continue
        if kind == lc.ITEMS:
            items_cell = (header, raw)
            continue
        assert name is not None
        try:
            if kind == lc.FOLLOWUP:
                text = parse_text(raw)
                if text:
                    pending_followup = (header, text)
                continue
            if name in pii and masked:
                if existing is None and not is_blank(raw):
                    problem(header, "这份台账已隐去群众个人信息，不能据此新建记录（请导入未隐去信息的台账）。", name)
                continue  # a masked copy never overwrites the real data
            if kind == lc.DATE:
                changes[name] = parse_date(raw)
            elif kind == lc.INT:
                changes[name] = parse_int(raw)
            elif kind == lc.MONEY:
                changes[name] = parse_money(raw)
            elif kind == lc.BOOL:
                changes[name] = parse_bool(raw)
            elif kind == lc.MEMBERS:
                ids = []
                for member_name in split_names(raw):
                    member_id = resolver.member_id(member_name)
                    if member_id is None:
                        problem(header, _unknown_member_message(header, member_name), name)
                    elif member_id not in ids:
                        ids.append(member_id)
                changes[name] = ids
            elif kind == lc.AUTHORS:
                changes[name] = _authors(split_names(raw), existing, resolver, sheet, row_no, header)
            elif kind == lc.CHOICE:
                info = field_info(cls, name)
                text = normalise_choice(name, parse_text(raw), info.choices)
                if text and info.type_list:
                    resolver.add_type(info.type_list, text)
                changes[name] = text
            else:
                changes[name] = parse_text(raw)
        except CellError as exc:
            problem(header, f"{exc}。", name)

    if isinstance(record, Donation):
        _donation_items(record, changes, items_cell, sums, problem)
    record = dataclasses.replace(record, **changes)
    if isinstance(record, Proposal) and pending_followup is not None:
        header, text = pending_followup
        latest = record.followups[-1] if record.followups else None
        when = record.answered_on or record.submitted_on or date.today()
        parsed = parse_followup(text, when)
        # A note without a leading date is stored with one; compared as parsed, so that importing
        # the same cell again does not add it a second time.
        if latest is None or (format_followup(latest) != text and (latest.date, latest.note) != (parsed.date, parsed.note)):
            record = dataclasses.replace(record, followups=record.followups + [parsed])

    # The core's validation, on what could be read (a cell that could not be read is already
    # reported; the rules between fields are still checked on the others).
    previous = set(getattr(existing, "member_ids", []) or []) if existing is not None else set()
    for error in validation_errors(record, resolver, previous):
        if error.field in bad_fields:
            continue
        col = spec.column_for_field(error.field)
        header = _header_in_file(cells, col) if col is not None else ""
        problem(header or (col.header if col else error.label), error.message, error.field)
    return RowResult(record if not problems else None, existing, problems)


def _header_in_file(cells: dict[lc.Column, tuple[str, Any]], col: lc.Column) -> str:
    found = cells.get(col)
    return found[0] if found else col.header


def _authors(
    names: list[str], existing: Record | None, resolver: Resolver, sheet: str, row: int, header: str
) -> list[Author]:
    old = {a.name: a for a in getattr(existing, "authors", [])} if existing is not None else {}
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


def _donation_items(record: Donation, changes: dict[str, Any], items_cell, sums, problem) -> None:  # type: ignore[no-untyped-def]
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
    elif in_kind_fen:
        from studio_desk.core.models import DonationItem

        changes["items"] = [DonationItem(name="物资", value_fen=in_kind_fen)]
    if not is_blank(total_raw):
        try:
            total = parse_money(total_raw)
        except CellError as exc:
            problem(total_header, f"{exc}。")
            return
        probe = dataclasses.replace(record, **changes)
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
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


__all__ = ["Problem", "Resolver", "RowResult", "build_record", "changed_labels", "CHOICE"]
