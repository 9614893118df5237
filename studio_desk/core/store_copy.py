"""Whole-file copies of a store: a consistent copy, putting a backup's contents back, and the
rewrite a masked copy for the county needs. A mixin of :class:`~studio_desk.core.store.Store`."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from studio_desk.core import codec
from studio_desk.core.db import copy_database, sqlite_error_message
from studio_desk.core.errors import DatabaseError
from studio_desk.core.models import Record

R = TypeVar("R", bound=Record)


class StoreCopies:
    if TYPE_CHECKING:  # provided by Store
        conn: sqlite3.Connection
        path: Path
        replica_id: str
        _lock: threading.RLock
        _type_cache: dict[str, list[str]]

        def end_undo_history(self) -> None: ...

        def transaction(self) -> AbstractContextManager[sqlite3.Connection]: ...

        def query_ids(self, cls: type[Record], *, include_deleted: bool = False) -> list[str]: ...

        def get_many(self, cls: type[R], ids: Any) -> list[R]: ...

        def _write(self, record: Record) -> None: ...

    def backup_to(self, target: Path) -> Path:
        """A consistent copy of the whole file at ``target`` (SQLite backup API, flushed)."""
        with self._lock:
            try:
                copy_database(self.conn, Path(target))
            except sqlite3.Error as exc:
                raise DatabaseError(sqlite_error_message(exc, target)) from exc
            except OSError as exc:
                from studio_desk.core.files import os_error_message

                raise DatabaseError(os_error_message(exc, Path(target))) from exc
        return Path(target)

    def replace_contents_from(self, source: Path) -> None:
        """Make this database's contents exactly those of the checked file ``source``, in one
        atomic step under the rollback journal (killed half-way, the database is as before).
        The undo history ends: its steps describe records that are gone."""
        src = sqlite3.connect(str(source))
        try:
            with self._lock:
                if self.conn.in_transaction:
                    raise DatabaseError("数据库正在写入，请稍后再恢复。")
                src.backup(self.conn)
                self._type_cache.clear()
                self.end_undo_history()
        except sqlite3.Error as exc:
            raise DatabaseError("恢复失败，数据保持原样：" + sqlite_error_message(exc, self.path)) from exc
        finally:
            src.close()

    def rewrite_versions(self, cls: type[R], transform: Callable[[R], R]) -> int:
        """Replace every version of every ``cls`` record, current, deleted and in history, by
        ``transform(version)`` (ids, timestamps and version ids kept); returns how many.

        Only for masking a copy that leaves the studio: the studio's own history is never rewritten.
        """
        n = 0
        with self.transaction():
            ids = self.query_ids(cls, include_deleted=True)
            for start in range(0, len(ids), 500):
                for record in self.get_many(cls, ids[start : start + 500]):
                    self._write(transform(record))
                    n += 1
            rows = self.conn.execute(
                "SELECT seq, data FROM history WHERE table_name = ?", (cls.TABLE,)
            ).fetchall()
            for seq, data in rows:
                changed = transform(codec.from_dict(cls, json.loads(data)))
                self.conn.execute(
                    "UPDATE history SET data = ? WHERE seq = ?", (codec.dumps(codec.to_dict(changed)), seq)
                )
                n += 1
        return n


__all__ = ["StoreCopies"]
