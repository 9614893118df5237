"""Recognising rows imported before: a clerk's own ledger has no 记录编号, and importing the same
file twice must not double every activity.

A row without a 记录编号 is "already there" when a stored record of the same ledger has the same
natural key (date and topic, date and person and request, …) and equal values in every column the
sheet has. Such rows are shown as unchanged and skipped.
"""

from __future__ import annotations

from typing import Any

from studio_desk.core.models import Activity, Donation, Proposal, Reception, Record
from studio_desk.core.store import Store
from studio_desk.exports import ledger_columns as lc

NATURAL_KEYS: dict[type[Record], tuple[str, ...]] = {
    Activity: ("date", "topic"),
    Reception: ("date", "person_name", "request_content"),
    Donation: ("date", "donor", "recipients"),
    Proposal: ("title", "submitted_on"),
}
_NOT_COMPARED = (lc.SEQ, lc.COUNT_OF, lc.SUM_MONEY, lc.RECORD_ID)


class KnownRecords:
    """Stored records of one ledger by natural key (loaded once, on first use)."""

    def __init__(self, store: Store, cls: type[Record]):
        self.store = store
        self.cls = cls
        self._index: dict[tuple[Any, ...], list[Record]] | None = None

    def _key(self, record: Record) -> tuple[Any, ...]:
        return tuple(getattr(record, name) for name in NATURAL_KEYS[self.cls])

    def same_as(self, record: Record, columns: list[lc.Column]) -> Record | None:
        if self.cls not in NATURAL_KEYS:
            return None
        if self._index is None:
            self._index = {}
            for known in self.store.list(self.cls):
                self._index.setdefault(self._key(known), []).append(known)
        for known in self._index.get(self._key(record), []):
            if all(_equal(col, known, record) for col in columns if col.kind not in _NOT_COMPARED):
                return known
        return None


def _equal(col: lc.Column, known: Record, new: Record) -> bool:
    name = col.field or ""
    a, b = getattr(known, name), getattr(new, name)
    if col.kind == lc.FOLLOWUP:
        # Only the latest step is in the sheet; a date it did not give was filled in on import.
        return (a[-1].note if a else "") == (b[-1].note if b else "")
    if col.kind == lc.AUTHORS:
        return [x.name for x in a] == [x.name for x in b]
    return bool(a == b)
