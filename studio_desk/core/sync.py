"""Merging a copy of the database that was edited apart (e.g. on another PC, via a USB stick).

Every record carries the version that is current (``version_id``, ``updated_at``,
``replica_id``) and ``history`` keeps every earlier version. For a record id, the versions a
copy *knows* are its current one plus those in its history. Merging:

- a record only in the other copy is added (tombstones too, so deletions propagate);
- when both copies have it, the later change wins: the larger ``(updated_at, replica_id,
  version_id)``. This is a total order every machine computes alike, so the winner does not
  depend on which copy is merged into which, or in which order several copies meet
  (last-writer-wins register);
- the known versions become the union of both: the loser goes to history, and history rows the
  other copy has are copied over, so no version is ever lost;
- it is a *conflict* when both copies changed the record since they last met (neither current
  version is known to the other side), or when a clock running behind made a copy's own newer
  edit lose to a version it had already replaced. The clerk sees the list and can swap any of
  them with :func:`use_version` (itself an ordinary new version, which then travels).

All of it happens in one transaction on the working database: killed half-way, nothing changed.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from studio_desk.core import codec
from studio_desk.core.db import check_schema, connect, ensure_ours, sniff_file, sqlite_error_message
from studio_desk.core.errors import DatabaseError, NotStudioDeskError, StudioDeskError
from studio_desk.core.masked_marker import masked_connection_reason
from studio_desk.core.models import BY_TABLE, RECORD_TYPES, Record
from studio_desk.core.progress import ProgressFn, report
from studio_desk.core.merge_check import Refused, history_row_problem, read_incoming
from studio_desk.core.reporting import refuse_in_locked_years
from studio_desk.core.store import Store
from studio_desk.core.store_read import VersionMeta

CONFLICT_REASON = "合并冲突：未采用的版本"
SUPERSEDED_REASON = "合并：被较新的版本取代"
SWAP_REASON = "合并冲突：换用另一版本"

def _key(meta: VersionMeta) -> tuple[str, str, str]:
    return (meta[1], meta[2], meta[0])


@dataclass
class Conflict:
    table: str
    record_id: str
    title: str  # what the record is (its display name)
    kept_version: str
    other_version: str
    kept_replica: str
    other_replica: str
    kept_updated_at: str
    other_updated_at: str
    kept_deleted: bool
    other_deleted: bool
    kept_here: bool | None = None  # the kept version is this copy's own (None: not known, e.g. from history)

    @property
    def type_title(self) -> str:
        return BY_TABLE[self.table].TITLE

    def describe(self) -> str:
        kept = "删除" if self.kept_deleted else "修改"
        other = "删除" if self.other_deleted else "修改"
        return (
            f"{self.type_title}“{self.title}”：两边都改过。采用了 {self.kept_updated_at[:19].replace('T', ' ')} 的"
            f"{kept}，另一版本（{self.other_updated_at[:19].replace('T', ' ')} 的{other}）已保存在历史中，可互换。"
        )


@dataclass
class TypeCounts:
    added: int = 0
    changed: int = 0
    deleted: int = 0
    conflicts: int = 0

    def any(self) -> bool:
        return bool(self.added or self.changed or self.deleted or self.conflicts)


@dataclass(frozen=True)
class PlannedChange:
    """One record a merge adds, changes, deletes or finds in conflict (for the preview)."""

    action: str  # 新增, 修改, 删除, 冲突
    type_title: str
    record_id: str
    title: str
    detail: str = ""
    day: str = ""  # the record's own date (several records share a title), see record_day

    def describe(self) -> str:
        day = f"（{self.day}）" if self.day else ""
        return f"{self.action}　{self.type_title}“{self.title}”{day}" + (f"　{self.detail}" if self.detail else "")


@dataclass
class MergeSummary:
    source: str = ""
    per_type: dict[str, TypeCounts] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    history_added: int = 0
    backup: Path | None = None
    changes: list[PlannedChange] = field(default_factory=list)
    refused: list[Refused] = field(default_factory=list)
    dry_run: bool = False
    years: set[int] = field(default_factory=set)  # the years whose records it adds, changes or deletes

    def totals(self) -> TypeCounts:
        out = TypeCounts()
        for c in self.per_type.values():
            out.added += c.added
            out.changed += c.changed
            out.deleted += c.deleted
            out.conflicts += c.conflicts
        return out

    @property
    def changed_anything(self) -> bool:
        return self.totals().any()

    def lines(self) -> list[str]:
        out = []
        for title, c in self.per_type.items():
            if c.any():
                out.append(
                    f"{title}：新增 {c.added} 条，更新 {c.changed} 条，删除 {c.deleted} 条，冲突 {c.conflicts} 条"
                )
        if not out:
            out.append("两份数据已经一致，没有需要合并的变化。")
        return out

    def text(self) -> str:
        t = self.totals()
        what = "预览（尚未写入任何数据）" if self.dry_run else "合并完成"
        head = f"{what}：新增 {t.added} 条，更新 {t.changed} 条，删除 {t.deleted} 条，冲突 {t.conflicts} 条。"
        refused = [f"未合并 {len(self.refused)} 条（内容不符合记录规则）："] if self.refused else []
        return "\n".join([head, *self.lines(), *refused, *("  " + r.describe() for r in self.refused[:50])])


# Checking the other copy.


# The preview of a merge is its summary, computed without writing.
MergePlan = MergeSummary


def prepare_copy(local: Path, work: Path, shown: Path | None = None) -> Store:
    """Check a local copy of the other file and open it (migrating the copy if it is older).

    Messages name ``shown`` (the clerk's own file), never the temporary copy."""
    shown = shown or local
    try:
        sniff_file(local)
        conn = connect(local)
    except DatabaseError as exc:
        raise DatabaseError(_named(str(exc), local, shown)) from exc
    try:
        version = ensure_ours(conn, shown)
        if version == 0:
            raise NotStudioDeskError(f"“{shown.name}”是空的数据库，不是履职台账数据库。")
        check_schema(conn, shown, version)
        masked = masked_connection_reason(conn, shown.name)
        if masked:
            raise DatabaseError(masked)
        bad = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall() if r[0] != "ok"]
        if bad:
            raise DatabaseError(f"“{shown.name}”已损坏（完整性检查未通过），不能合并：" + "；".join(bad[:3]))
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(sqlite_error_message(exc, shown)) from exc
    finally:
        conn.close()
    # Opening migrates an older copy (our own temporary copy; its backup stays in ``work``).
    try:
        return Store.open(local, replica_id="merge-source", create=False, backup_dir=work)
    except DatabaseError as exc:
        raise DatabaseError(_named(str(exc), local, shown)) from exc


def _named(message: str, local: Path, shown: Path) -> str:
    return message.replace(str(local), str(shown)).replace(local.name, shown.name)


@contextmanager
def other_copy(source: Path, *, password: str | None, progress: ProgressFn | None) -> Iterator[Store]:
    """The other file (e.g. on a stick, maybe encrypted), copied to local disk, checked and
    open; the source is only read, and the copy is gone afterwards."""
    from studio_desk.core.snapshot import read_copy

    work = Path(tempfile.mkdtemp(prefix="studio-desk-merge-"))
    other: Store | None = None
    try:
        report(progress, 0, 0, "正在把文件复制到本机……")
        local = work / "other.sqlite"
        read_copy(source, local, password=password)
        report(progress, 0, 0, "正在检查文件……")
        other = prepare_copy(local, work, source)
        yield other
    finally:
        if other is not None:
            other.close()
        shutil.rmtree(work, ignore_errors=True)


def merge_file(
    store: Store,
    source: Path | str,
    *,
    password: str | None = None,
    progress: ProgressFn | None = None,
    backup_dir: Path | None = None,
) -> MergeSummary:
    """Merge the database file ``source`` (e.g. on a USB stick, maybe encrypted) into ``store``.

    The source is only read: it is copied to local disk first. A backup of ``store`` is made
    before anything is written.
    """
    from studio_desk.core.backup import make_backup

    source = Path(source)
    with other_copy(source, password=password, progress=progress) as other:
        if backup_dir is None:
            from studio_desk.paths import backups_dir

            backup_dir = backups_dir()
        report(progress, 0, 0, "正在备份当前数据……")
        info = make_backup(store, backup_dir, "merge")
        summary = merge_stores(store, other, progress=progress)
    summary.source = str(source)
    summary.backup = info.path
    return summary


def plan_merge(
    store: Store,
    other_path: Path | str,
    *,
    password: str | None = None,
    progress: ProgressFn | None = None,
) -> MergePlan:
    """What merging ``other_path`` would add, change, delete and find in conflict, record by
    record, and what it would refuse; nothing is written (the preview, ``merge --dry-run``)."""
    source = Path(other_path)
    with other_copy(source, password=password, progress=progress) as other:
        plan = plan_stores(store, other, progress=progress)
    plan.source = str(source)
    return plan


def _load(other: Store, cls: type[Record], ids: Iterable[str]) -> dict[str, Record]:
    ids = list(ids)
    out: dict[str, Record] = {}
    for start in range(0, len(ids), 500):
        for record in other.get_many(cls, ids[start : start + 500]):
            out[record.id] = record
    return out


def merge_stores(store: Store, other: Store, *, progress: ProgressFn | None = None) -> MergeSummary:
    """Merge every record and history version of ``other`` into ``store``, in one transaction.

    A merge cannot be undone step by step: it ends the undo history."""
    from studio_desk.core.attachments import copy_missing_blobs

    summary = MergeSummary()
    with store.transaction():
        _run(store, other, summary, write=True, progress=progress)
        refuse_in_locked_years(store, summary.years, "合并")  # rolls the merge back
        copy_missing_blobs(store, other)  # attachments' bytes (stored once, never changed)
    store.end_undo_history()
    return summary


def plan_stores(store: Store, other: Store, *, progress: ProgressFn | None = None) -> MergeSummary:
    """What merging ``other`` would do, record by record; nothing is written."""
    summary = MergeSummary(dry_run=True)
    _run(store, other, summary, write=False, progress=progress)
    refuse_in_locked_years(store, summary.years, "合并")
    return summary


def _run(store: Store, other: Store, summary: MergeSummary, *, write: bool, progress: ProgressFn | None) -> None:
    owners = {record_id: cls for cls in RECORD_TYPES for record_id in store.current_versions(cls)}
    for step, cls in enumerate(RECORD_TYPES):
        report(progress, step, len(RECORD_TYPES), f"正在合并{cls.TITLE}……")
        job = _TableMerge(store, other, cls, store.known_versions(cls), other.known_versions(cls), write=write)
        job.run(owners)
        summary.per_type[cls.TITLE] = job.counts
        summary.conflicts += job.conflicts
        summary.history_added += job.history_added
        summary.changes += job.changes
        summary.refused += job.refused
        summary.years |= job.years
    report(progress, len(RECORD_TYPES), len(RECORD_TYPES), "正在保存……")


@dataclass
class _TableMerge:
    """One record type's merge: what each side has and knows, and what was (or would be) done."""

    store: Store
    other: Store
    cls: type[Record]
    my_known: set[tuple[str, str]]
    their_known: set[tuple[str, str]]
    write: bool = True
    counts: TypeCounts = field(default_factory=TypeCounts)
    conflicts: list[Conflict] = field(default_factory=list)
    changes: list[PlannedChange] = field(default_factory=list)
    refused: list[Refused] = field(default_factory=list)
    history_added: int = 0
    years: set[int] = field(default_factory=set)

    def run(self, owners: dict[str, type[Record]]) -> None:
        store, other, cls = self.store, self.other, self.cls
        mine, theirs = store.current_versions(cls), other.current_versions(cls)
        self.copy_history()
        take, keep = _decide(mine, theirs)
        their_records, refused = read_incoming(other, cls, take + keep)
        for record_id in take:  # a new id that another kind of record here already has
            owner = owners.get(record_id)
            record = their_records.get(record_id)
            if record is not None and record_id not in mine and owner is not None and owner is not cls:
                del their_records[record_id]
                refused.append(Refused(cls.TITLE, record_id, _title(record), (f"记录编号已属于本机的一条{owner.TITLE}记录",)))
        self.refused += refused
        my_records = _load(store, cls, [i for i in take + keep if i in mine and i in their_records])
        for record_id in keep:
            if record_id in their_records:
                self.keep_mine(my_records[record_id], their_records[record_id])
        for record_id in take:
            if record_id in their_records:
                self.take_theirs(my_records.get(record_id), their_records[record_id])
        # Later local edits must sort after every version seen here, even if this PC's clock is
        # behind the other one's.
        if self.write:
            store.note_version_seen(max((r.updated_at for r in their_records.values()), default=""))

    def copy_history(self) -> None:
        """History rows the other copy has and we do not (oldest first, as it archived them)."""
        for row in self.other.history_rows(self.cls):
            if (row[0], row[1]) in self.my_known:
                continue
            problem = history_row_problem(self.cls, row)
            if problem is not None:
                self.refused.append(Refused(self.cls.TITLE, row[0], row[0], (f"一个早先的版本{problem}",)))
                continue
            if self.write:
                self.store.add_history_row(self.cls, row)
            self.my_known.add((row[0], row[1]))
            self.history_added += 1

    def archive_once(self, record: Record, conflict: Conflict | None) -> None:
        if (record.id, record.version_id) not in self.my_known:
            if self.write:
                self.store.archive_version(record, CONFLICT_REASON if conflict else SUPERSEDED_REASON)
            self.my_known.add((record.id, record.version_id))
        if conflict:
            self.conflicts.append(conflict)
            self.counts.conflicts += 1
            self.changes.append(PlannedChange("冲突", self.cls.TITLE, conflict.record_id, conflict.title,
                                              conflict.describe(), record_day(record)))

    def keep_mine(self, mine: Record, theirs: Record) -> None:
        self.archive_once(theirs, _conflict(mine, theirs, self.my_known, self.their_known, kept=mine))

    def take_theirs(self, mine: Record | None, theirs: Record) -> None:
        if mine is None:
            if self.write:
                self.store.write_version(theirs, replacing=None)
            if not theirs.deleted:
                self.years |= {y for y in (theirs.year(),) if y is not None}
                self.counts.added += 1
                self.changes.append(PlannedChange("新增", self.cls.TITLE, theirs.id, _title(theirs), day=record_day(theirs)))
            return
        conflict = _conflict(mine, theirs, self.my_known, self.their_known, kept=theirs)
        self.archive_once(mine, conflict)
        if self.write:
            self.store.write_version(theirs, replacing=mine)
        if not codec.same_content(mine, theirs):
            self.years |= {y for y in (mine.year(), theirs.year()) if y is not None}
            deleted = theirs.deleted and not mine.deleted
            if deleted:
                self.counts.deleted += 1
            else:
                self.counts.changed += 1
            if conflict is None:
                shown = mine if deleted else theirs
                self.changes.append(PlannedChange("删除" if deleted else "修改", self.cls.TITLE, theirs.id,
                                                  _title(shown), _changed_fields(mine, theirs), record_day(shown)))


def _decide(mine: dict[str, VersionMeta], theirs: dict[str, VersionMeta]) -> tuple[list[str], list[str]]:
    """(their version becomes current here, ours stays current and theirs is archived)."""
    take: list[str] = []
    keep: list[str] = []
    for record_id, their_meta in theirs.items():
        my_meta = mine.get(record_id)
        if my_meta is not None and my_meta[0] == their_meta[0]:
            continue
        if my_meta is None or _key(their_meta) > _key(my_meta):
            take.append(record_id)
        else:
            keep.append(record_id)
    return take, keep


def _changed_fields(mine: Record, theirs: Record) -> str:
    from studio_desk.core.models import fields_of

    if theirs.deleted and not mine.deleted:
        return "在另一台电脑上被删除"
    labels = [f.label for f in fields_of(type(theirs)) if getattr(mine, f.name) != getattr(theirs, f.name)]
    return "改动：" + "、".join(labels[:8]) + ("等" if len(labels) > 8 else "") if labels else ""


def _conflict(
    mine: Record,
    theirs: Record,
    my_known: set[tuple[str, str]],
    their_known: set[tuple[str, str]],
    *,
    kept: Record,
) -> Conflict | None:
    """A conflict worth the clerk's look, or None (see the module text for the rule)."""
    if codec.same_content(mine, theirs):
        return None  # two identical edits (e.g. the same default created on both PCs)
    i_knew_theirs = (theirs.id, theirs.version_id) in my_known
    they_knew_mine = (mine.id, mine.version_id) in their_known
    if kept is theirs:
        # Fine when they had already replaced ours; else both changed it, or our newer edit lost.
        is_conflict = not they_knew_mine or i_knew_theirs
    else:
        is_conflict = not i_knew_theirs or they_knew_mine
    if not is_conflict:
        return None
    loser = mine if kept is theirs else theirs
    return Conflict(
        table=kept.TABLE,
        record_id=kept.id,
        title=_title(kept if not kept.deleted else loser),
        kept_version=kept.version_id,
        other_version=loser.version_id,
        kept_replica=kept.replica_id,
        other_replica=loser.replica_id,
        kept_updated_at=kept.updated_at,
        other_updated_at=loser.updated_at,
        kept_deleted=kept.deleted,
        other_deleted=loser.deleted,
        kept_here=kept is mine,
    )


def record_day(record: Record) -> str:
    """The date a record is about (an activity's, a reception's, a proposal's submission…), or ""."""
    for name in ("date", "submitted_on"):
        value = getattr(record, name, None)
        if value:
            return str(value.isoformat())
    return ""


def _title(record: Record) -> str:
    try:
        name = record.display_name()
    except Exception:  # noqa: BLE001 - a title is only a label
        name = record.id
    return (name or record.id)[:40]


# Resolving conflicts.


def version_record(store: Store, cls: type[Record], record_id: str, version_id: str) -> Record:
    """The record as it was in ``version_id`` (current or from history)."""
    current = store.find(cls, record_id)
    if current is not None and current.version_id == version_id:
        return current
    found = store.history_version(cls, record_id, version_id)
    if found is None:
        raise StudioDeskError("找不到这条记录的另一版本，可能已被处理过。")
    return found


def use_version(store: Store, cls: type[Record], record_id: str, version_id: str) -> Record:
    """Make an earlier version (e.g. a conflict's loser) current again, as a new version.

    The version it replaces goes to history, so swapping back is the same call with the other
    version id. The new version is newer than both, so it wins on the next merge everywhere.
    """
    with store.transaction():
        current = store.get(cls, record_id)
        wanted = version_record(store, cls, record_id, version_id)
        if wanted.version_id == current.version_id:
            return current
        replacement = codec.copy_record(
            wanted,
            created_at=current.created_at,
            updated_at=current.updated_at,
            version_id=current.version_id,
            replica_id=current.replica_id,
        )
        swapped = store.save(replacement, check=False, reason=SWAP_REASON, restore=True)
    store.end_undo_history()  # undo must not take back a version the clerk chose on purpose
    return swapped


def swap_conflict(store: Store, conflict: Conflict) -> Record:
    """Swap the two versions of a conflict: whichever is not in use becomes current (and back)."""
    cls = BY_TABLE[conflict.table]
    current = store.get(cls, conflict.record_id)
    other = version_record(store, cls, conflict.record_id, conflict.other_version)
    showing_other = codec.same_content(other, current)
    target = conflict.kept_version if showing_other else conflict.other_version
    return use_version(store, cls, conflict.record_id, target)


def recent_conflicts(store: Store, *, days: int = 30, limit: int = 500) -> list[Conflict]:
    """Conflicts left by merges in the last ``days`` days (from history), newest first.

    Lets the clerk come back to the list after closing the merge dialog. Each is stated
    against the record as it is now, so :func:`swap_conflict` works on it the same way.
    """
    from datetime import datetime, timedelta, timezone

    since = (datetime.now(timezone.utc) - timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    rows = store.conn.execute(
        "SELECT table_name, record_id, version_id, MAX(seq) FROM history"
        " WHERE reason = ? AND archived_at >= ? GROUP BY record_id ORDER BY MAX(seq) DESC LIMIT ?",
        (CONFLICT_REASON, since, limit),
    ).fetchall()
    out = []
    for table, record_id, version_id, seq in rows:
        cls = BY_TABLE.get(table)
        current = store.find(cls, record_id) if cls else None
        if cls is None or current is None:
            continue
        other = version_record(store, cls, record_id, version_id)
        # The version that won is the current one then: archived later if it has changed since.
        after = store.conn.execute(
            "SELECT version_id FROM history WHERE record_id = ? AND seq > ? AND version_id != ?"
            " ORDER BY seq LIMIT 1",
            (record_id, seq, version_id),
        ).fetchone()
        won = version_record(store, cls, record_id, after[0]) if after else current
        out.append(
            Conflict(
                table=table,
                record_id=record_id,
                title=_title(won if not won.deleted else other),
                kept_version=won.version_id,
                other_version=other.version_id,
                kept_replica=won.replica_id,
                other_replica=other.replica_id,
                kept_updated_at=won.updated_at,
                other_updated_at=other.updated_at,
                kept_deleted=won.deleted,
                other_deleted=other.deleted,
            )
        )
    return out


def data_fingerprint(store: Store) -> dict[str, Any]:
    """Everything a merge must agree on (current rows with children, and the set of versions).

    Used by tests and by ``check`` tools to compare two copies.
    """
    out: dict[str, Any] = {}
    for cls in RECORD_TYPES:
        ids = store.query_ids(cls, include_deleted=True)
        out[cls.TABLE] = {r.id: codec.to_dict(r) for r in store.get_many(cls, ids)}
    out["history"] = {
        (r[0], r[1], r[2]): (r[3], r[4], r[5], r[6])
        for r in store.conn.execute(
            "SELECT table_name, record_id, version_id, updated_at, replica_id, deleted, data FROM history"
        )
    }
    out["search"] = {
        cls.TABLE: dict(store.conn.execute(f"SELECT id, search_text FROM {cls.TABLE}").fetchall())
        for cls in RECORD_TYPES
        if cls.TABLE in ("members", "activities", "receptions", "donations", "proposals")
    }
    return out
