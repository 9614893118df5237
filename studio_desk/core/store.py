"""The store: one SQLite file, one writer, history of every change, tombstones for deletes.

All writes go through :class:`Store` methods, each one short explicit transaction on the one
connection the store owns (guarded by a lock, so a background thread may use it too). A read
from another thread while a write runs does not wait for it: it reads what is committed through
a read-only connection of its own, so the window keeps painting during a long write. The
store is put together from its parts: reading (``store_read``), writing and undo
(``store_write``), whole-file copies (``store_copy``), search text and the studio's settings.
"""

from __future__ import annotations

import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from studio_desk.core import enums
from studio_desk.core.db import (
    check_schema,
    connect,
    ensure_ours,
    migrate,
    sniff_file,
    sqlite_error_message,
)
from studio_desk.core.errors import DatabaseError
from studio_desk.core.ids import random_id
from studio_desk.core.models import Studio, TypeEntry, stable_id
from studio_desk.core.replica import backup_before_migration, installation_id
from studio_desk.core.schema import CURRENT_VERSION
from studio_desk.core.store_copy import StoreCopies
from studio_desk.core.store_read import HistoryEntry, RecordReader
from studio_desk.core.store_search import SEARCH_TEXT_VERSION, SearchText
from studio_desk.core.store_settings import StudioSettings
from studio_desk.core.store_write import RecordIdError, RecordWriter
from studio_desk.core.text import stamp_after, utc_now
from studio_desk.core.undo import UndoHistory


_DATABASE_NAMESPACE = uuid.UUID("2f7c1d0a-5b8e-4f3a-9c61-0d4e8b7a3f25")


class Store(RecordReader, RecordWriter, StoreCopies, StudioSettings, SearchText):
    """An open database file. Create with :meth:`open`; close with :meth:`close`."""

    def __init__(self, conn: sqlite3.Connection, path: Path, replica_id: str, *, readonly: bool = False):
        self._conn = conn
        self.path = path
        self.replica_id = replica_id
        self._lock = threading.RLock()
        self._readonly = readonly
        self._local = threading.local()  # a thread's read-only connection while it reads beside a write
        self._side: dict[int, sqlite3.Connection] = {}
        self._side_lock = threading.Lock()
        self._last_stamp = ""
        self._type_cache: dict[str, list[str]] = {}
        self._undo = UndoHistory()
        self._close_hooks: list[Callable[[], None]] = []

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        replica_id: str | None = None,
        create: bool = True,
        backup_dir: Path | None = None,
    ) -> Store:
        """Open (or create) a database file, migrating an older one after a backup."""
        path = Path(path)
        exists = path.exists() and path.stat().st_size > 0
        if not exists and not create:
            raise DatabaseError(f"找不到数据库文件“{path}”。")
        if exists:
            sniff_file(path)
        elif not path.parent.exists():
            raise DatabaseError(f"文件夹“{path.parent}”不存在。")
        conn = connect(path)
        try:
            version = ensure_ours(conn, path)
            if version:
                # A file from elsewhere (e-mail, a stick) must not bring triggers or views that would
                # run on our saves.
                check_schema(conn, path, version)
            if 0 < version < CURRENT_VERSION:
                backup_before_migration(conn, path, version, backup_dir)
            try:
                migrate(conn, version)
            except sqlite3.Error as exc:
                raise DatabaseError(
                    f"升级数据库失败，文件保持原样：{sqlite_error_message(exc, path)}"
                ) from exc
        except BaseException:
            conn.close()
            raise
        if replica_id is None:
            replica_id = installation_id()
        store = cls(conn, path, replica_id)
        try:
            store._initialise(fresh=version == 0)
        except sqlite3.Error as exc:
            conn.close()
            raise DatabaseError(sqlite_error_message(exc, path)) from exc
        return store

    def _initialise(self, fresh: bool) -> None:
        with self.transaction():
            if fresh:
                self.conn.execute(
                    "INSERT OR REPLACE INTO meta(key, value) VALUES ('application', 'studio-desk')"
                )
                self.conn.execute(
                    "INSERT OR REPLACE INTO meta(key, value) VALUES ('created_at', ?)", (utc_now(),)
                )
                self.conn.execute(
                    "INSERT OR REPLACE INTO meta(key, value) VALUES ('database_id', ?)", (random_id(),)
                )
                self.conn.execute(
                    "INSERT OR REPLACE INTO meta(key, value) VALUES ('search_text_version', ?)",
                    (SEARCH_TEXT_VERSION,),
                )
            # (a file the search column was just added to has no rule noted either)
            stale = self.conn.execute(
                "SELECT value FROM meta WHERE key='search_text_version'"
            ).fetchone() != (SEARCH_TEXT_VERSION,)
            new_lists = self.conn.execute("SELECT value FROM meta WHERE key='new_type_lists'").fetchone()
        if fresh:
            self.save(Studio(id=Studio.SINGLETON_ID, name="委员工作室"), check=False)
            for list_name in enums.TYPE_LISTS:
                self._seed_type_list(list_name)
        elif new_lists:
            # A list a schema step added: its defaults, and what the file's records already name.
            with self.transaction():
                for list_name in new_lists[0].split(","):
                    self._seed_type_list(list_name)
                    self.add_values_in_use(list_name)
                self.conn.execute("DELETE FROM meta WHERE key='new_type_lists'")
        if fresh and new_lists:
            with self.transaction():
                self.conn.execute("DELETE FROM meta WHERE key='new_type_lists'")
        if stale:
            self.refresh_search_text()

    def _seed_type_list(self, list_name: str) -> None:
        """A type list's defaults, with ids every copy shares (two copies merge them as one)."""
        for position, value in enumerate(enums.TYPE_LISTS.get(list_name, ())):
            entry_id = stable_id("type", list_name, value)
            if self.find(TypeEntry, entry_id) is None:
                entry = TypeEntry(id=entry_id, list_name=list_name, value=value, position=position)
                self.save(entry, check=False)

    @classmethod
    def open_readonly(cls, path: Path | str, *, replica_id: str = "") -> Store:
        """A second, read-only connection to a database already open for work (long reads in
        the background) or to a file that must not change; writing through it fails."""
        path = Path(path)
        return cls(connect(path, readonly=True), path, replica_id, readonly=True)

    @property
    def conn(self) -> sqlite3.Connection:
        """The connection this thread uses now: the store's own, or its read-only one while it
        reads beside another thread's write (``_reading``)."""
        side = getattr(self._local, "conn", None)
        return side if side is not None else self._conn

    @contextmanager
    def _reading(self) -> Iterator[None]:
        """Hold the store for a read; when another thread is writing, read what is committed
        through this thread's own read-only connection instead of waiting for the write."""
        if getattr(self._local, "conn", None) is not None:
            yield  # already reading beside a write
            return
        if self._lock.acquire(blocking=False):
            try:
                yield
            finally:
                self._lock.release()
            return
        if self._readonly:  # a read-only store has no writer to step around: wait
            with self._lock:
                yield
            return
        self._local.conn = self._side_connection()
        try:
            yield
        finally:
            self._local.conn = None

    def _side_connection(self) -> sqlite3.Connection:
        ident = threading.get_ident()
        with self._side_lock:
            found = self._side.get(ident)
            if found is None:
                found = self._side[ident] = connect(self.path, readonly=True)
            return found

    def on_close(self, hook: Callable[[], None]) -> None:
        """Run ``hook`` after the connection is closed (e.g. to free the database's lock)."""
        self._close_hooks.append(hook)

    def close(self) -> None:
        try:
            self._close_connection()
        finally:
            hooks, self._close_hooks = self._close_hooks, []
            for hook in hooks:
                hook()

    def _close_connection(self) -> None:
        with self._lock:
            with self._side_lock:
                for side in self._side.values():
                    side.close()
                self._side.clear()
            self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One explicit, short write transaction. Nested use joins the outer one."""
        with self._lock:
            if self.conn.in_transaction:
                yield self.conn
                return
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise DatabaseError(sqlite_error_message(exc, self.path)) from exc
            try:
                yield self.conn
            except BaseException as exc:
                if self.conn.in_transaction:
                    try:
                        self.conn.execute("ROLLBACK")
                    except sqlite3.Error:
                        pass  # SQLite already rolled back (e.g. after a full disk)
                self._type_cache.clear()
                if isinstance(exc, sqlite3.Error):
                    raise DatabaseError(sqlite_error_message(exc, self.path)) from exc
                raise
            try:
                self.conn.execute("COMMIT")
            except sqlite3.Error as exc:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                self._type_cache.clear()
                raise DatabaseError(sqlite_error_message(exc, self.path)) from exc

    def changes_made(self) -> int:
        """How many rows this store has written since it was opened: equal at two moments, nothing
        was written in between (an import's plan is still what the database holds)."""
        return self._conn.total_changes

    def _stamp(self, after: str = "") -> str:
        """A UTC timestamp strictly later than the last one this store handed out, and than
        ``after`` (the version it replaces): a record's versions always go forward in time,
        even when the PC's clock was set back, so the newest edit wins every merge."""
        stamp = utc_now()
        floor = max(self._last_stamp, after)
        if stamp <= floor:
            stamp = stamp_after(floor)
        self._last_stamp = max(self._last_stamp, stamp)
        return stamp

    def note_version_seen(self, stamp: str) -> None:
        """Later local edits sort after ``stamp`` (a version merged in from a PC whose clock
        runs ahead of this one)."""
        self._last_stamp = max(self._last_stamp, stamp)

    def file_mark(self, key: str) -> str | None:
        """A mark on this file itself (never merged into other copies): demo, masked, identity."""
        with self._reading():
            row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def database_id(self) -> str:
        """This database's identity, the same in every copy of it (backups, the stick's file).

        Files made before it was written take one from their creation time, which their
        copies share too."""
        found = self.file_mark("database_id")
        if found:
            return found
        created = self.file_mark("created_at") or str(self.path.name)
        return str(uuid.uuid5(_DATABASE_NAMESPACE, created))

    def set_file_mark(self, key: str, value: str) -> None:
        with self.transaction():
            self.conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))


__all__ = ["HistoryEntry", "RecordIdError", "Store"]
