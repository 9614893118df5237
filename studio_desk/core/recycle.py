"""回收站: deleted records (tombstones) listed by kind and date, and restored with their history.

Deleting never removes a row: the record stays as a tombstone and its earlier versions stay in
history. Restoring saves the record again as a new, later version (reason 恢复), so history
keeps the deletion and a merge with a copy that still has the tombstone keeps the restored
record (the newer version wins). Attachments come back with their record (``store.save``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from studio_desk.core import codec
from studio_desk.core.models import LEDGER_TYPES, Activity, Member, Reception, Record
from studio_desk.core.store import Store

KINDS: tuple[type[Record], ...] = LEDGER_TYPES
MAX_LISTED = 5000  # the most recent deletions; older ones stay in the file all the same


@dataclass(frozen=True)
class Deleted:
    """One deleted record as the 回收站 lists it."""

    cls: type[Record]
    record_id: str
    title: str
    when: str  # the record's own date (yyyy-mm-dd) or ""
    deleted_at: str  # UTC stamp of the deletion


def _when(record: Record) -> str:
    for name in ("date", "submitted_on", "joined_on"):
        value = getattr(record, name, None)
        if value is not None:
            return value.isoformat()
    return ""


def deleted_records(store: Store, kinds: Iterable[type[Record]] = KINDS, limit: int = MAX_LISTED) -> list[Deleted]:
    """Deleted records of ``kinds``, the most recently deleted first."""
    out: list[Deleted] = []
    for cls in kinds:
        ids = store.query_ids(
            cls, include_deleted=True, filters={"deleted": 1}, order_by="updated_at", descending=True
        )[:limit]
        for record in store.get_many(cls, ids):
            out.append(Deleted(cls, record.id, record.display_name()[:60], _when(record), record.updated_at))
    out.sort(key=lambda d: d.deleted_at, reverse=True)
    return out[:limit]


def restore(store: Store, cls: type[Record], ids: Sequence[str]) -> list[tuple[Record, Record]]:
    """Bring deleted records back, all in one transaction; returns (tombstone, restored) pairs.

    A reception restored into a 委员接待日 counts in its day's 群众人次 again."""
    from studio_desk.core.reception_day import recount

    pairs: list[tuple[Record, Record]] = []
    with store.transaction():
        for tomb in store.get_many(cls, list(ids), include_deleted=True):
            if not tomb.deleted:
                continue
            back = store.save(codec.copy_record(tomb, deleted=False), check=False, reason="恢复", restore=True)
            pairs.append((tomb, back))
        if cls is Reception:
            recount(store, [r.activity_id for _t, r in pairs if isinstance(r, Reception)])
    return pairs


def consequences(store: Store, cls: type[Record], ids: Sequence[str]) -> list[str]:
    """What goes with deleting these records, in sentences for the question asked first."""
    from studio_desk.core.attachments import attachment_counts

    lines = []
    attached = sum(attachment_counts(store, list(ids)).values())
    if attached:
        lines.append(f"它们的 {attached} 个附件（照片、扫描件）一并删除，恢复时一并恢复。")
    if cls is Activity:
        linked = sum(store.count(Reception, filters={"activity_id": i}) for i in ids)
        if linked:
            lines.append(f"接待日登记的 {linked} 条接待走访记录保留，不会删除。")
    if cls is Reception:
        days = {r.activity_id for r in store.get_many(Reception, list(ids)) if r.activity_id}
        if days:
            lines.append("所属委员接待日的群众人次会相应减少。")
    if cls is Member:
        lines.append("这些委员参加过的活动、接待等记录都保留，其中仍显示委员姓名。")
    return lines
