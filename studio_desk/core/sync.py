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
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from studio_desk.core import codec
from studio_desk.core.db import check_schema, connect, ensure_ours, sniff_file, sqlite_error_message
from studio_desk.core.errors import DatabaseError, NotStudioDeskError, StudioDeskError
from studio_desk.core.masked_marker import masked_connection_reason
from studio_desk.core.models import BY_TABLE, RECORD_TYPES, Member, Record, TypeEntry
from studio_desk.core.progress import ProgressFn, report
from studio_desk.core.store import Store

CONFLICT_REASON = "合并冲突：未采用的版本"
SUPERSEDED_REASON = "合并：被较新的版本取代"
SWAP_REASON = "合并冲突：换用另一版本"

Meta = tuple[str, str, str, int]  # version_id, updated_at, replica_id, deleted


def _key(meta: Meta) -> tuple[str, str, str]:
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


@dataclass
class MergeSummary:
    source: str = ""
    per_type: dict[str, TypeCounts] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    history_added: int = 0
    backup: Path | None = None

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
        head = f"合并完成：新增 {t.added} 条，更新 {t.changed} 条，删除 {t.deleted} 条，冲突 {t.conflicts} 条。"
        return "\n".join([head, *self.lines()])


# ---------------------------------------------------------------- checking the other copy


def prepare_copy(local: Path, work: Path, shown: str | None = None) -> Store:
    """Check a local copy of the other file and open it (migrating the copy if it is older).

    ``shown``: the name of the clerk's own file, for messages (``local`` is a temporary copy)."""
    sniff_file(local)
    conn = connect(local)
    try:
        version = ensure_ours(conn, local)
        if version == 0:
            raise NotStudioDeskError(f"“{local.name}”是空的数据库，不是履职台账数据库。")
        check_schema(conn, local, version)
        masked = masked_connection_reason(conn, shown or local.name)
        if masked:
            raise DatabaseError(masked)
        bad = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall() if r[0] != "ok"]
        if bad:
            raise DatabaseError("这个副本已损坏（完整性检查未通过），不能合并：" + "；".join(bad[:3]))
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(sqlite_error_message(exc, local)) from exc
    finally:
        conn.close()
    # Opening migrates an older copy (our own temporary copy; its backup stays in ``work``).
    return Store.open(local, replica_id="merge-source", create=False, backup_dir=work)


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
    from studio_desk.core.snapshot import read_copy

    source = Path(source)
    work = Path(tempfile.mkdtemp(prefix="studio-desk-merge-"))
    other: Store | None = None
    try:
        report(progress, 0, 0, "正在把文件复制到本机……")
        local = work / "other.sqlite"
        read_copy(source, local, password=password)
        report(progress, 0, 0, "正在检查文件……")
        other = prepare_copy(local, work, source.name)
        if backup_dir is None:
            from studio_desk.paths import backups_dir

            backup_dir = backups_dir()
        report(progress, 0, 0, "正在备份当前数据……")
        info = make_backup(store, backup_dir, "merge")
        summary = merge_stores(store, other, progress=progress)
        summary.source = str(source)
        summary.backup = info.path
        return summary
    finally:
        if other is not None:
            other.close()
        shutil.rmtree(work, ignore_errors=True)


# ---------------------------------------------------------------- the merge itself


def _metas(conn: sqlite3.Connection, table: str) -> dict[str, Meta]:
    return {
        row[0]: (row[1], row[2], row[3], row[4])
        for row in conn.execute(f"SELECT id, version_id, updated_at, replica_id, deleted FROM {table}")
    }


def _known(conn: sqlite3.Connection, table: str) -> set[tuple[str, str]]:
    return {
        (row[0], row[1])
        for row in conn.execute(
            "SELECT record_id, version_id FROM history WHERE table_name = ?", (table,)
        )
    }


def _load(other: Store, cls: type[Record], ids: Iterable[str]) -> dict[str, Record]:
    ids = list(ids)
    out: dict[str, Record] = {}
    for start in range(0, len(ids), 500):
        for record in other.get_many(cls, ids[start : start + 500]):
            out[record.id] = record
    return out


def merge_stores(store: Store, other: Store, *, progress: ProgressFn | None = None) -> MergeSummary:
    """Merge every record and history version of ``other`` into ``store``, in one transaction."""
    summary = MergeSummary()
    renamed_members: list[str] = []
    latest = ""
    with store.transaction():
        for step, cls in enumerate(RECORD_TYPES):
            report(progress, step, len(RECORD_TYPES), f"正在合并{cls.TITLE}……")
            counts, conflicts, renamed, added_history, newest = _merge_table(store, other, cls)
            summary.per_type[cls.TITLE] = counts
            summary.conflicts += conflicts
            summary.history_added += added_history
            renamed_members += renamed
            latest = max(latest, newest)
        from studio_desk.core.attachments import copy_missing_blobs

        copy_missing_blobs(store, other)  # attachments' bytes (stored once, never changed)
        # Records that list a renamed member and were not rewritten keep a stale search text.
        for member_id in renamed_members:
            store._refresh_search_for_member(member_id)
        report(progress, len(RECORD_TYPES), len(RECORD_TYPES), "正在保存……")
    store._type_cache.clear()
    # Later local edits must sort after every version seen here, even if this PC's clock is
    # behind the other one's.
    store._last_stamp = max(store._last_stamp, latest)
    return summary


def _merge_table(
    store: Store, other: Store, cls: type[Record]
) -> tuple[TypeCounts, list[Conflict], list[str], int, str]:
    conn, table = store.conn, cls.TABLE
    mine, theirs = _metas(conn, table), _metas(other.conn, table)
    my_known, their_known = _known(conn, table), _known(other.conn, table)
    counts = TypeCounts()
    conflicts: list[Conflict] = []
    renamed: list[str] = []
    newest = max((m[1] for m in theirs.values()), default="")

    # 1. History rows the other copy has and we do not (oldest first, as it archived them).
    added_history = 0
    for row in other.conn.execute(
        "SELECT record_id, version_id, updated_at, replica_id, deleted, data, archived_at, reason"
        " FROM history WHERE table_name = ? ORDER BY seq",
        (table,),
    ):
        if (row[0], row[1]) in my_known:
            continue
        conn.execute(
            "INSERT INTO history (table_name, record_id, version_id, updated_at, replica_id,"
            " deleted, data, archived_at, reason) VALUES (?,?,?,?,?,?,?,?,?)",
            (table, *row),
        )
        my_known.add((row[0], row[1]))
        added_history += 1

    # 2. Decide each record the other copy has.
    take: list[str] = []  # their version becomes current here
    keep_theirs_in_history: list[str] = []  # ours stays current; theirs is archived
    for record_id, their_meta in theirs.items():
        my_meta = mine.get(record_id)
        if my_meta is None:
            take.append(record_id)
            continue
        if my_meta[0] == their_meta[0]:
            continue
        if _key(their_meta) > _key(my_meta):
            take.append(record_id)
        else:
            keep_theirs_in_history.append(record_id)

    their_records = _load(other, cls, take + keep_theirs_in_history)
    my_records = _load(store, cls, [i for i in take + keep_theirs_in_history if i in mine])

    for record_id in keep_theirs_in_history:
        theirs_rec, mine_rec = their_records[record_id], my_records[record_id]
        conflict = _conflict(mine_rec, theirs_rec, my_known, their_known, kept=mine_rec)
        if (record_id, theirs_rec.version_id) not in my_known:
            store._archive(theirs_rec, CONFLICT_REASON if conflict else SUPERSEDED_REASON)
            my_known.add((record_id, theirs_rec.version_id))
        if conflict:
            conflicts.append(conflict)
            counts.conflicts += 1

    for record_id in take:
        theirs_rec = their_records[record_id]
        maybe_mine = my_records.get(record_id)
        if maybe_mine is None:
            store._write(theirs_rec)
            if not theirs_rec.deleted:
                counts.added += 1
            continue
        mine_rec = maybe_mine
        conflict = _conflict(mine_rec, theirs_rec, my_known, their_known, kept=theirs_rec)
        if (record_id, mine_rec.version_id) not in my_known:
            store._archive(mine_rec, CONFLICT_REASON if conflict else SUPERSEDED_REASON)
            my_known.add((record_id, mine_rec.version_id))
        store._write(theirs_rec)
        if conflict:
            conflicts.append(conflict)
            counts.conflicts += 1
        if codec.content_of(mine_rec) != codec.content_of(theirs_rec):
            if theirs_rec.deleted and not mine_rec.deleted:
                counts.deleted += 1
            else:
                counts.changed += 1
        if (
            isinstance(theirs_rec, Member)
            and isinstance(mine_rec, Member)
            and theirs_rec.name != mine_rec.name
        ):
            renamed.append(record_id)
    if cls is TypeEntry:
        store._type_cache.clear()
    return counts, conflicts, renamed, added_history, newest


def _conflict(
    mine: Record,
    theirs: Record,
    my_known: set[tuple[str, str]],
    their_known: set[tuple[str, str]],
    *,
    kept: Record,
) -> Conflict | None:
    """A conflict worth the clerk's look, or None (see the module text for the rule)."""
    if codec.content_of(mine) == codec.content_of(theirs):
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
    )


def _title(record: Record) -> str:
    try:
        name = record.display_name()
    except Exception:  # noqa: BLE001 - a title is only a label
        name = record.id
    return (name or record.id)[:40]


# ---------------------------------------------------------------- resolving conflicts


def version_record(store: Store, cls: type[Record], record_id: str, version_id: str) -> Record:
    """The record as it was in ``version_id`` (current or from history)."""
    current = store.find(cls, record_id)
    if current is not None and current.version_id == version_id:
        return current
    row = store.conn.execute(
        "SELECT data FROM history WHERE record_id = ? AND version_id = ? ORDER BY seq DESC LIMIT 1",
        (record_id, version_id),
    ).fetchone()
    if row is None:
        raise StudioDeskError("找不到这条记录的另一版本，可能已被处理过。")
    import json

    return codec.from_dict(cls, json.loads(row[0]))


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
        return store.save(replacement, check=False, reason=SWAP_REASON)


def swap_conflict(store: Store, conflict: Conflict) -> Record:
    """Swap the two versions of a conflict: whichever is not in use becomes current (and back)."""
    cls = BY_TABLE[conflict.table]
    current = store.get(cls, conflict.record_id)
    other = version_record(store, cls, conflict.record_id, conflict.other_version)
    showing_other = codec.content_of(other) == codec.content_of(current)
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
