"""Writing records: every save keeps the version it replaces in history; deletes are tombstones.

A mixin of :class:`~studio_desk.core.store.Store`. ``save`` is the one path for changes made
by people (forms, imports, undo): it validates, refuses an id that belongs to another kind of
record or to a deleted one, writes nothing when nothing changed, and records the change in the
open undo step. Merges write versions exactly as they come (``write_version``) and end the
undo history.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TypeVar

from studio_desk.core import codec
from studio_desk.core.errors import StudioDeskError
from studio_desk.core.ids import canonical_id, random_id
from studio_desk.core.models import (
    CHILDREN,
    LEDGER_TYPES,
    MEMBERS,
    RECORD_TYPES,
    Member,
    Record,
    TypeEntry,
    fields_of,
)
from studio_desk.core.store_search import SEARCHABLE
from studio_desk.core.text import utc_now
from studio_desk.core.undo import UndoHistory, UndoStep
from studio_desk.core.validate import Lookup, member_ids_of, validate

_ID = attrgetter("id")

R = TypeVar("R", bound=Record)

# Kinds whose records people create and delete (a deleted one comes back only on purpose).
_PEOPLES_RECORDS = (Member, *LEDGER_TYPES)
UNDO_REASON = "撤销"
_HISTORY_INSERT = (
    "INSERT INTO history (table_name, record_id, version_id, updated_at, replica_id,"
    " deleted, data, archived_at, reason) VALUES (?,?,?,?,?,?,?,?,?)"
)


class _BatchLookup:
    """The store as the validation lookup of one batch: the members' states read in one query
    (a batch saves no member), the type lists from the store's own cache."""

    def __init__(self, store: RecordWriter, states: dict[str, str]):
        self.store, self.states = store, states

    def member_state(self, member_id: str) -> str | None:
        return self.states.get(member_id)

    def type_values(self, list_name: str) -> list[str]:
        return self.store.type_values(list_name)


class RecordIdError(StudioDeskError):
    """An id that cannot be used for this record (another kind's, a deleted one's, no id)."""


class RecordWriter:
    if TYPE_CHECKING:  # provided by Store and its other parts
        conn: sqlite3.Connection
        replica_id: str
        _lock: threading.RLock
        _type_cache: dict[str, list[str]]
        _undo: UndoHistory

        def transaction(self) -> AbstractContextManager[sqlite3.Connection]: ...

        def _stamp(self, after: str = "") -> str: ...

        def note_version_seen(self, stamp: str) -> None: ...

        def find(self, cls: type[R], record_id: str) -> R | None: ...

        def get(self, cls: type[R], record_id: str, *, include_deleted: bool = True) -> R: ...

        def table_of(self, record_id: str) -> type[Record] | None: ...

        def _search_text(self, record: Record, names: dict[str, str] | None = None) -> str: ...

        def get_many(self, cls: type[R], ids: Any, *, include_deleted: bool = True, only: Any = None) -> list[R]: ...

        def query_ids(self, cls: type[Record], **kwargs: Any) -> list[str]: ...

        def existing_ids(self, cls: type[Record], ids: Any) -> set[str]: ...

        def refresh_search_for_member(self, member_id: str) -> None: ...

        def type_values(self, list_name: str) -> list[str]: ...

    def save(self, record: R, *, check: bool = True, reason: str = "", restore: bool = False) -> R:
        """Validate and write ``record`` (new or changed); the previous version goes to history.

        Returns the stored record, with its new timestamps and version id. Saving a record
        whose values did not change writes nothing. A deleted record comes back through a
        checked save (a form, an import) only with ``restore`` (the recycle bin, undo).
        """
        with self.transaction():
            record = self._with_canonical_id(record)
            existing = self.find(type(record), record.id)
            if existing is None:
                self._refuse_foreign_id(record)
            elif check and existing.deleted and not record.deleted and not restore and isinstance(record, _PEOPLES_RECORDS):
                raise RecordIdError(
                    f"记录编号 {record.id} 是一条已删除的{record.TITLE}记录（“{existing.display_name()}”）。"
                    "要恢复它，请在回收站中恢复；不能用它保存新的内容。"
                )
            if check:
                validate(record, self, member_ids_of(existing))
            if existing is not None and codec.same_content(existing, record):
                return existing  # nothing changed: no new version
            stored = self._new_version(record, existing)
            if existing is not None:
                self._archive(existing, reason or "修改")
            self._write(stored)
            self._after_write(stored, existing)
            # Recorded before the cascade below, so undo puts the attachments back first.
            self._undo.record(type(record), record.id, existing, stored.version_id)
            if existing is not None and existing.deleted != stored.deleted:
                from studio_desk.core.attachments import follow_owner

                follow_owner(self, stored)  # a record's attachments are deleted and restored with it
        return stored

    def _with_canonical_id(self, record: R) -> R:
        canonical = canonical_id(record.id)
        if canonical is None:
            raise RecordIdError(f"“{record.id}”不是有效的记录编号（应为 32 位十六进制的 UUID）。")
        if canonical != record.id:
            record = codec.copy_record(record, id=canonical)
        return record

    def _refuse_foreign_id(self, record: Record) -> None:
        owner = self.table_of(record.id)
        if owner is not None and owner is not type(record):
            other = self.find(owner, record.id)
            name = other.display_name() if other is not None else record.id
            raise RecordIdError(
                f"记录编号 {record.id} 已属于另一条{owner.TITLE}记录（“{name}”），"
                f"不能用作{record.TITLE}的编号。请清空记录编号，作为新记录添加。"
            )

    def save_batch(
        self, records: Iterable[Record], *, reason: str = "", restore: bool = False, check: bool = True
    ) -> int:
        """``save`` for many ledger records at once (an import), with the same checks, versions,
        history and undo records, done per batch: the stored versions and the ids of other kinds
        read together, member names for the search text looked up once, current rows, history
        rows and child rows written with one ``executemany`` each. One transaction (all or
        nothing); returns how many records were written (an unchanged one writes nothing).
        Members and type entries are saved one by one (``save``): a renamed member changes
        other records' search text. ``check=False``: the records were validated and their ids
        checked against every kind of record in this database as it is now (an import's plan,
        when nothing was written since: see ``changes_made``); deleted records are still refused."""
        batch = [self._with_canonical_id(r) for r in records]
        if any(isinstance(r, (Member, TypeEntry)) for r in batch) or len({r.id for r in batch}) < len(batch):
            return self.save_many(batch, reason=reason)  # the careful path for what a batch cannot hold
        groups: dict[type[Record], list[Record]] = {}
        for record in batch:
            groups.setdefault(type(record), []).append(record)
        written = 0
        with self.transaction():
            members = self.get_many(Member, self.query_ids(Member, include_deleted=True))
            names = {m.id: m.name for m in members}
            lookup = _BatchLookup(self, {m.id: "deleted" if m.deleted else "active" for m in members})
            for cls, group in groups.items():
                written += self._save_group(cls, group, names, lookup if check else None, reason, restore)
        return written

    def _save_group(
        self, cls: type[Record], group: list[Record], names: dict[str, str], lookup: Lookup | None, reason: str,
        restore: bool,
    ) -> int:
        """One kind's records of a batch; ``lookup`` None: already checked (``save_batch``)."""
        ids = [r.id for r in group]
        stored = self.existing_ids(cls, ids)
        existing = {r.id: r for r in self.get_many(cls, [i for i in ids if i in stored])} if stored else {}
        if lookup is not None:
            self._refuse_foreign_ids(cls, [r for r in group if r.id not in existing])
        written: list[tuple[Record, Record | None]] = []
        history = []
        for record in group:
            old = existing.get(record.id)
            if old is not None and old.deleted and not record.deleted and not restore:
                raise RecordIdError(
                    f"记录编号 {record.id} 是一条已删除的{record.TITLE}记录（“{old.display_name()}”）。"
                    "要恢复它，请在回收站中恢复；不能用它保存新的内容。"
                )
            if lookup is not None:
                validate(record, lookup, member_ids_of(old))
            if old is not None and codec.same_content(old, record):
                continue
            stored = self._new_version(record, old)
            if old is not None:
                history.append(self._history_row(old, reason or "修改"))
            written.append((stored, old))
        self.conn.executemany(_HISTORY_INSERT, history)
        self._write_rows(cls, [stored for stored, _ in written], names, {s.id for s, old in written if old})
        for stored, old in written:
            self._undo.record(cls, stored.id, old, stored.version_id)
            if old is not None and old.deleted != stored.deleted:
                from studio_desk.core.attachments import follow_owner

                follow_owner(self, stored)
        return len(written)

    def _refuse_foreign_ids(self, cls: type[Record], records: list[Record]) -> None:
        """``_refuse_foreign_id`` for many new records, one table at a time."""
        ids = [r.id for r in records]
        for other in RECORD_TYPES:
            if other is cls:
                continue
            found = self.existing_ids(other, ids)
            for record in records:
                if record.id in found:
                    self._refuse_foreign_id(record)

    def _write_rows(
        self, cls: type[Record], records: list[Record], names: dict[str, str] | None, replaced: set[str]
    ) -> None:
        """Write records of ``cls`` as they are: their rows, member links and child rows, with one
        ``executemany`` each (``replaced``: the ids whose old links and child rows go first;
        ``names``: member id → name for the search text, when the caller has looked them up)."""
        if not records:
            return
        # Rows go in in the order of their keys: SQLite then adds to the end of each key's index
        # instead of all over it (an import of a year's records writes a fifth faster).
        records = sorted(records, key=_ID)
        columns = list(codec.BASE_COLUMNS) + codec.scalar_columns(cls)
        rows = [codec.table_row(record) for record in records]
        if cls in SEARCHABLE:
            columns.append("search_text")
            for row, record in zip(rows, records):
                row.append(self._search_text(record, names))
        _insert_rows(self.conn, f"INSERT OR REPLACE INTO {cls.TABLE} ({', '.join(columns)})", rows)
        gone = [(cls.TABLE, record_id) for record_id in replaced]
        for info in fields_of(cls):
            if info.kind == MEMBERS:
                self.conn.executemany("DELETE FROM record_members WHERE table_name = ? AND record_id = ?", gone)
                _insert_rows(
                    self.conn, "INSERT INTO record_members (table_name, record_id, position, member_id)",
                    [(cls.TABLE, r.id, i, m) for r in records for i, m in enumerate(getattr(r, info.name))],
                )
            elif info.kind == CHILDREN:
                assert info.child is not None
                table, child_cols = codec.CHILD_TABLES[info.child]
                self.conn.executemany(f"DELETE FROM {table} WHERE table_name = ? AND record_id = ?", gone)
                cols = ", ".join(("table_name", "record_id", "position") + child_cols)
                _insert_rows(
                    self.conn, f"INSERT INTO {table} ({cols})",
                    [[cls.TABLE, r.id, i, *codec.child_row(child, child_cols)]
                     for r in records for i, child in enumerate(getattr(r, info.name))],
                )

    def save_many(self, records: Iterable[Record], *, check: bool = True, reason: str = "") -> int:
        """Save several records in one transaction (all or nothing)."""
        n = 0
        with self.transaction():
            for record in records:
                self.save(record, check=check, reason=reason)
                n += 1
        return n

    def delete(self, cls: type[R], record_id: str) -> R:
        """Mark a record deleted (a tombstone); the version before stays in history."""
        with self.transaction():
            existing = self.get(cls, record_id)
            if existing.deleted:
                return existing
            tomb = codec.copy_record(existing, deleted=True)
            return self.save(tomb, check=False, reason="删除")

    # Undo: steps recorded by ``save`` while a step is open; the window only asks these.

    @contextmanager
    def undo_step(self, text: str) -> Iterator[UndoStep]:
        """Group what one user action writes into one undo step (nested steps join it); the
        step is yielded so that its ``text`` can say what the action turned out to do."""
        with self._undo.step(text, verify=self._still_current) as step:
            yield step

    def _still_current(self, cls: type[Record], record_id: str, version_id: str) -> bool:
        found = self.find(cls, record_id)
        return found is not None and found.version_id == version_id

    def can_undo(self) -> bool:
        return self._undo.can_undo()

    def undo_label(self) -> str:
        """What the next undo undoes (``新建活动``…), or "" when there is nothing to undo."""
        return self._undo.label()

    def undo_size(self) -> int:
        """How many records the next undo puts back (a long one runs in the background)."""
        return self._undo.size()

    def end_undo_history(self) -> None:
        """An import, merge, restore or conflict swap cannot be undone step by step: forget the
        steps before it, so undo never reverts a change it did not make."""
        self._undo.clear()

    def undo(self, progress: Any = None) -> UndoStep:
        """Undo the last step, all of it or nothing, and return it.

        A record changed since the step by something else (a merge, an import, another copy of
        the program) is not put back: the step is dropped and the error says which record.
        """
        step = self._undo.pop()
        try:
            with self.transaction():
                for n, change in enumerate(reversed(step.changes)):
                    if progress is not None and n % 200 == 0:
                        progress(n, len(step.changes), f"正在撤销 {n:,} / {len(step.changes):,} 条……")
                    self._undo_change(change)
        except RecordIdError:
            raise  # the step cannot be undone any more: it stays dropped
        except BaseException:
            self._undo.push_back(step)  # nothing was undone: it can be tried again
            raise
        return step

    def _undo_change(self, change: Any) -> None:
        current = self.find(change.cls, change.record_id)
        if current is None or current.version_id != change.after_version:
            name = current.display_name() if current is not None else change.record_id
            raise RecordIdError(
                f"{change.cls.TITLE}“{name}”在这一步之后又被改过（导入、合并或另一处的修改），"
                "不能撤销这一步，以免抹掉后来的修改。现在的内容保持不变。"
            )
        if change.before is None:
            done = self.delete(change.cls, change.record_id)
        else:
            done = self.save(
                codec.copy_record(change.before, created_at=current.created_at),
                check=False,
                reason=UNDO_REASON,
                restore=True,
            )
        self._undo.rebase(change.cls, change.record_id, change.before, done.version_id)

    # Versions as they are: used by merges, which then end the undo history.

    def _new_version(self, record: Record, existing: Record | None) -> Record:
        """The record as stored next: a new version stamped after the one it replaces (one rule for
        a single save and a batch)."""
        stamp = self._stamp(after=existing.updated_at if existing is not None else "")
        return codec.copy_record(
            record,
            created_at=existing.created_at if existing else (record.created_at or stamp),
            updated_at=stamp,
            replica_id=self.replica_id,
            version_id=random_id(),
        )

    def _archive(self, record: Record, reason: str) -> None:
        self.conn.execute(_HISTORY_INSERT, self._history_row(record, reason))

    @staticmethod
    def _history_row(record: Record, reason: str) -> tuple[Any, ...]:
        return (
            record.TABLE,
            record.id,
            record.version_id,
            record.updated_at,
            record.replica_id,
            1 if record.deleted else 0,
            codec.dumps(codec.to_dict(record)),
            utc_now(),
            reason,
        )

    def archive_version(self, record: Record, reason: str) -> None:
        """Keep a version in history without making it current (used by merges)."""
        with self.transaction():
            self._archive(record, reason)

    def add_history_row(self, cls: type[Record], row: tuple[Any, ...]) -> None:
        """Copy a history row of another copy as it is (see ``history_rows``)."""
        with self.transaction():
            self.conn.execute(
                "INSERT INTO history (table_name, record_id, version_id, updated_at, replica_id,"
                " deleted, data, archived_at, reason) VALUES (?,?,?,?,?,?,?,?,?)",
                (cls.TABLE, *row),
            )

    def write_version(self, record: Record, *, replacing: Record | None | bool = True) -> None:
        """Write a record exactly as given (timestamps and version id kept): merges use this.

        ``replacing`` is the version it replaces when the caller has it (None: a new record);
        left out, it is read here. Later local edits are stamped after it.
        """
        with self.transaction():
            existing = self.find(type(record), record.id) if replacing is True else replacing
            self._write(record)
            self._after_write(record, existing if isinstance(existing, Record) else None)
        self.note_version_seen(record.updated_at)

    def _write(self, record: Record) -> None:
        self._write_rows(type(record), [record], None, {record.id})

    def _after_write(self, record: Record, existing: Record | None) -> None:
        """A renamed member's records search by the new name; a type list is read afresh."""
        if isinstance(record, Member) and isinstance(existing, Member) and existing.name != record.name:
            self.refresh_search_for_member(record.id)
        if isinstance(record, TypeEntry):
            self._type_cache.pop(record.list_name, None)


__all__ = ["RECORD_TYPES", "RecordIdError", "RecordWriter", "UNDO_REASON"]


# Rows per INSERT statement of many rows, within the bound on a statement's parameters that
# every SQLite build keeps (999).
_ROWS_PER_INSERT, _MAX_PARAMETERS = 100, 999


def _insert_rows(conn: sqlite3.Connection, insert: str, rows: Sequence[Sequence[Any]]) -> None:
    """``insert`` ("INSERT … INTO table (columns)") of every row: many rows a statement (the
    statement is run once for them instead of once a row, a quarter faster for an import's
    member links), the rest one a statement."""
    if not rows:
        return
    width = len(rows[0])
    row_marks = "(" + ",".join("?" * width) + ")"
    per = max(1, min(_ROWS_PER_INSERT, _MAX_PARAMETERS // width))
    whole = len(rows) - len(rows) % per
    if whole:
        flat = [value for row in rows[:whole] for value in row]
        step = per * width
        rows_marks = ",".join([row_marks] * per)
        conn.executemany(f"{insert} VALUES {rows_marks}", [flat[i : i + step] for i in range(0, len(flat), step)])
    if whole < len(rows):
        conn.executemany(f"{insert} VALUES {row_marks}", rows[whole:])
