"""Recognising which record a row is.

With a 记录编号 (our own workbooks): the id, read in its canonical spelling and checked against
the records of every kind, and the hidden 版本 cell, which tells an up-to-date row from one
exported before the record changed here.

Without (a clerk's own ledger): importing the same file twice must not double every activity.

A row without a 记录编号 is "already there" when a stored record of the same ledger has the same
natural key (date and topic, date and person and request, …) and equal values in every column the
sheet has. Such rows are shown as unchanged and skipped. A row whose natural key only one stored
record has, and no earlier row took, is that record corrected in Excel: it is updated (shown as a
change), not added a second time.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from studio_desk.core.ids import canonical_id
from studio_desk.core.models import RECORD_TYPES, Activity, Donation, Proposal, Reception, Record
from studio_desk.core.store import Store
from studio_desk.exports import ledger_columns as lc
from studio_desk.exports.ledger_format import parse_version
from studio_desk.exports.ledger_rows import Problem
from studio_desk.exports.ledger_values import parse_text

NATURAL_KEYS: dict[type[Record], tuple[str, ...]] = {
    Activity: ("date", "topic"),
    Reception: ("date", "person_name", "request_content"),
    Donation: ("date", "donor", "recipients"),
    Proposal: ("title", "submitted_on"),
}
_NOT_COMPARED = (lc.SEQ, lc.COUNT_OF, lc.SUM_MONEY, lc.RECORD_ID, lc.VERSION, lc.MEMBER_IDS, lc.CHILD_DATA,
                 lc.ATTACHMENTS)


class KnownRecords:
    """Stored records of one ledger by natural key (loaded once, on first use)."""

    def __init__(self, store: Store, cls: type[Record]):
        self.store = store
        self.cls = cls
        self._index: dict[tuple[Any, ...], list[Record]] | None = None
        self._taken: set[str] = set()  # stored records a row of this import already is

    def _key(self, record: Record) -> tuple[Any, ...]:
        return tuple(getattr(record, name) for name in NATURAL_KEYS[self.cls])

    def _with_key(self, record: Record) -> list[Record]:
        if self._index is None:
            self._index = {}
            for known in self.store.list_records(self.cls):
                self._index.setdefault(self._key(known), []).append(known)
        return self._index.get(self._key(record), [])

    def same_as(self, record: Record, columns: list[lc.Column]) -> Record | None:
        """The stored record the row repeats: the same natural key and every column equal."""
        if self.cls not in NATURAL_KEYS:
            return None
        for known in self._with_key(record):
            if all(_equal(col, known, record) for col in columns if col.kind not in _NOT_COMPARED):
                self._taken.add(known.id)
                return known
        return None

    def only_match(self, record: Record) -> Record | None:
        """The one stored record with the row's natural key that no earlier row took (None when
        none has it or several do: the row is then a new record)."""
        if self.cls not in NATURAL_KEYS:
            return None
        found = [known for known in self._with_key(record) if known.id not in self._taken]
        if len(found) != 1:
            return None
        self._taken.add(found[0].id)
        return found[0]


def _equal(col: lc.Column, known: Record, new: Record) -> bool:
    name = col.field or ""
    a, b = getattr(known, name), getattr(new, name)
    if col.kind == lc.FOLLOWUP:
        # Only the latest step is in the sheet; a date it did not give was filled in on import.
        return (a[-1].note if a else "") == (b[-1].note if b else "")
    if col.kind == lc.AUTHORS:
        return [x.name for x in a] == [x.name for x in b]
    return bool(a == b)


@dataclass(slots=True)
class Identity:
    """Which stored record a row is, and what it was exported from."""

    record_id: str | None = None
    found: Record | None = None  # the stored record of that id
    exported: Record | None = None  # the earlier version the row shows (changed here since)
    unknown_version: bool = False  # the row shows a version this database never had
    own: bool = False  # the row carries our version cell: its texts are taken exactly
    created_at: str = ""
    restoring: bool = False  # the clerk chose to bring a deleted record back
    problem: Problem | None = None


class RowIdentities:
    """The 记录编号 and 版本 cells of a sheet's rows, checked against the database.

    Ids are read in their one canonical spelling; an id that names a record of another kind is
    refused (its member links and children would be replaced), and so is a deleted record unless
    the clerk chose to restore it.
    """

    def __init__(
        self,
        store: Store,
        spec: lc.SheetSpec,
        sheet: str,
        mapping: dict[int, tuple[lc.Column, str]],
        rows: list[list[Any]],
        seen_ids: dict[str, tuple[str, int]],
    ):
        self.store, self.spec, self.sheet, self.seen_ids = store, spec, sheet, seen_ids
        self.id_index = next((i for i, (c, _) in mapping.items() if c.kind == lc.RECORD_ID), None)
        self.version_index = next((i for i, (c, _) in mapping.items() if c.kind == lc.VERSION), None)
        # Each 记录编号 as written → its one spelling (None: not an id), looked up once per sheet.
        self.spelled = {text: canonical_id(text) for text in (self._cell(row, self.id_index) for row in rows) if text}
        ids = [i for i in self.spelled.values() if i]
        stored = store.existing_ids(spec.cls, ids)
        self.existing = {r.id: r for r in store.get_many(spec.cls, [i for i in ids if i in stored])}
        self.other_kind: dict[str, type[Record]] = {}
        rest = {i for i in ids if i not in self.existing}
        for cls in RECORD_TYPES:
            if cls is spec.cls or not rest:
                continue
            found = store.existing_ids(cls, rest)
            self.other_kind.update(dict.fromkeys(found, cls))
            rest -= found
        # The earlier versions rows show (a workbook exported before the record changed here, or
        # from another copy), read together.
        older = []
        for row in rows if self.existing else ():  # (a first import into a database knows none)
            record_id = self.spelled.get(self._cell(row, self.id_index))
            known = self.existing.get(record_id) if record_id else None
            version = parse_version(self._cell(row, self.version_index))[0]
            if known is not None and version and version != known.version_id:
                older.append((known.id, version))
        self.older = store.history_versions(spec.cls, older) if older else {}

    @staticmethod
    def _cell(row: list[Any], index: int | None) -> str:
        if index is None or index >= len(row):
            return ""
        return parse_text(row[index])

    def identify(self, row: list[Any], row_no: int, restore_deleted: bool) -> Identity:
        text = self._cell(row, self.id_index)
        version, created_at = parse_version(self._cell(row, self.version_index))
        who = Identity(own=bool(version), created_at=created_at)
        if not text:
            return who
        record_id = self.spelled[text] if text in self.spelled else canonical_id(text)
        if record_id is None:
            who.problem = self._problem(f"“{text[:40]}”不是有效的记录编号。", row_no)
            return who
        other = self.other_kind.get(record_id)
        if other is not None:
            who.problem = self._problem(
                f"记录编号“{text[:40]}”属于另一类记录（{other.TITLE}），不能用于{self.spec.cls.TITLE}："
                "请检查是否从别的台账复制了这一行。", row_no
            )
            return who
        if record_id in self.seen_ids:
            first_sheet, first_row = self.seen_ids[record_id]
            who.problem = self._problem(f"与“{first_sheet}”第 {first_row} 行的记录编号重复。", row_no)
            return who
        self.seen_ids[record_id] = (self.sheet, row_no)
        who.record_id = record_id
        found = who.found = self.existing.get(record_id)
        if found is None:
            return who
        if found.deleted:
            if not restore_deleted:
                who.problem = self._problem(
                    "这条记录已在程序中删除。如需恢复，请勾选“恢复表中已删除的记录”（命令行：--restore-deleted）。",
                    row_no,
                )
            who.restoring = True
            return who
        if version and version != found.version_id:
            # An earlier version of the record the row names (the current one was just read).
            who.exported = self.older.get((record_id, version))
            who.unknown_version = who.exported is None
        return who

    def _problem(self, message: str, row_no: int | None = None) -> Problem:
        return Problem(self.sheet, row_no, lc.ID_HEADER, message)
