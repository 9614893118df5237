"""Undo steps, kept by the store where changes are made (as Anki keeps them in its collection).

One user action is one step, however many records it touches: the store's ``save`` records each
record's version before and the version it wrote while a step is open. An import, a merge, a
restore or a conflict swap ends the history; undo itself checks that every record of the step is
still the version the step wrote, so it never reverts a change it did not make.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from studio_desk.core.errors import StudioDeskError
from studio_desk.core.models import Record

LIMIT = 50  # steps kept


@dataclass
class Change:
    """One record changed by a step: as it was before (None: the step created it), and the
    version the step left current."""

    cls: type[Record]
    record_id: str
    before: Record | None
    after_version: str


@dataclass
class UndoStep:
    text: str
    changes: list[Change] = field(default_factory=list)

    @property
    def record_ids(self) -> list[str]:
        return [c.record_id for c in self.changes]


class NothingToUndo(StudioDeskError):
    pass


class UndoHistory:
    """The steps of one open store, newest last."""

    def __init__(self) -> None:
        self._steps: list[UndoStep] = []
        self._open: UndoStep | None = None
        self._index: dict[tuple[str, str], Change] = {}
        self._owner: int | None = None
        self._depth = 0
        self._lock = threading.RLock()

    @contextmanager
    def step(self, text: str, *, verify: Callable[[type[Record], str, str], bool]) -> Iterator[UndoStep]:
        """Record what is saved inside as one step (a nested step joins the outer one) and yield
        it: an action that knows only at its end what it did (保存并新建 saved three records)
        may set its ``text`` then.

        When the action fails, only the changes that really stayed (committed before the
        failure) are kept, checked with ``verify(cls, record_id, version_id)``.
        """
        with self._lock:
            if self._open is not None:
                self._depth += 1
                nested = True
            else:
                self._open, self._index, self._depth = UndoStep(text), {}, 1
                self._owner = threading.get_ident()
                nested = False
            current = self._open
        try:
            yield current
        except BaseException:
            if not nested:
                self._close(lambda c: verify(c.cls, c.record_id, c.after_version))
            else:
                self._depth -= 1
            raise
        if nested:
            self._depth -= 1
        else:
            self._close(None)

    def _close(self, keep: Callable[[Change], bool] | None) -> None:
        with self._lock:
            step, self._open, self._owner, self._depth = self._open, None, None, 0
            self._index = {}
        if step is None:
            return
        if keep is not None:
            step.changes = [c for c in step.changes if keep(c)]
        if step.changes:
            with self._lock:
                self._steps.append(step)
                del self._steps[:-LIMIT]

    def record(self, cls: type[Record], record_id: str, before: Record | None, after_version: str) -> None:
        """A save inside an open step (ignored when no step is open: not a user action)."""
        with self._lock:
            if self._open is None or self._owner != threading.get_ident():
                return
            key = (cls.TABLE, record_id)
            earlier = self._index.get(key)
            if earlier is not None:  # saved twice in one action: undo goes back to the first before
                earlier.after_version = after_version
                return
            change = Change(cls, record_id, before, after_version)
            self._index[key] = change
            self._open.changes.append(change)

    def can_undo(self) -> bool:
        return bool(self._steps)

    def label(self) -> str:
        with self._lock:
            return self._steps[-1].text if self._steps else ""

    def size(self) -> int:
        with self._lock:
            return len(self._steps[-1].changes) if self._steps else 0

    def clear(self) -> None:
        with self._lock:
            self._steps.clear()

    def pop(self) -> UndoStep:
        with self._lock:
            if not self._steps:
                raise NothingToUndo("没有可以撤销的操作。")
            return self._steps.pop()

    def push_back(self, step: UndoStep) -> None:
        with self._lock:
            self._steps.append(step)

    def rebase(self, cls: type[Record], record_id: str, before: Record | None, new_version: str) -> None:
        """An undo wrote ``before`` again as ``new_version``: earlier steps that left ``before``
        current now find it under the new version."""
        if before is None:
            return
        with self._lock:
            for step in self._steps:
                for change in step.changes:
                    if (change.cls is cls and change.record_id == record_id
                            and change.after_version == before.version_id):
                        change.after_version = new_version


__all__ = ["Change", "LIMIT", "NothingToUndo", "UndoHistory", "UndoStep"]
