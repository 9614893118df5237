"""The store: one SQLite file, one writer, history of every change, tombstones for deletes.

All writes go through :class:`Store` methods, each one short explicit transaction on the one
connection the store owns (guarded by a lock, so a background thread may use it too).
"""

from __future__ import annotations

import builtins
import json
import sqlite3
import threading
import uuid
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from studio_desk.core import codec, enums
from studio_desk.core.db import (
    check_schema,
    connect,
    copy_database,
    ensure_ours,
    migrate,
    sniff_file,
    sqlite_error_message,
)
from studio_desk.core.errors import DatabaseError, RecordNotFound
from studio_desk.core.models import (
    CHILDREN,
    MEMBERS,
    Activity,
    Donation,
    Member,
    Narrative,
    Proposal,
    Reception,
    Record,
    Setting,
    Studio,
    TypeEntry,
    fields_of,
    stable_id,
)
from studio_desk.core.replica import backup_before_migration, installation_id
from studio_desk.core.schema import CURRENT_VERSION
from studio_desk.core.store_search import SEARCHABLE, SearchText
from studio_desk.core.store_settings import StudioSettings
from studio_desk.core.text import like_pattern, utc_now
from studio_desk.core.validate import validate

R = TypeVar("R", bound=Record)


# How each ledger is placed in a year, as SQL over its table (``t``).
_YEAR_COLUMN: dict[type[Record], str | None] = {
    Activity: "t.date",
    Reception: "t.date",
    Donation: "t.date",
    Proposal: "coalesce(t.submitted_on, substr(t.created_at, 1, 10))",
    Narrative: None,
}
_DEFAULT_ORDER = {
    Member: "t.deleted, CASE t.role WHEN '召集人' THEN 0 WHEN '主任' THEN 1 WHEN '副主任' THEN 2 "
    "WHEN '成员' THEN 3 ELSE 4 END, t.joined_on, t.name",
    Activity: "t.date DESC, t.created_at DESC",
    Reception: "t.date DESC, t.created_at DESC",
    Donation: "t.date DESC, t.created_at DESC",
    Proposal: "coalesce(t.submitted_on, substr(t.created_at, 1, 10)) DESC, t.created_at DESC",
    TypeEntry: "t.list_name, t.position, t.value",
    Narrative: "t.year_no, t.section",
    Setting: "t.key",
    Studio: "t.id",
}

@dataclass(frozen=True)
class HistoryEntry:
    seq: int
    record_id: str
    version_id: str
    updated_at: str
    replica_id: str
    deleted: bool
    data: dict[str, Any]
    archived_at: str
    reason: str


class Store(StudioSettings, SearchText):
    """An open database file. Create with :meth:`open`; close with :meth:`close`."""

    def __init__(self, conn: sqlite3.Connection, path: Path, replica_id: str):
        self.conn = conn
        self.path = path
        self.replica_id = replica_id
        self._lock = threading.RLock()
        self._last_stamp = ""
        self._type_cache: dict[str, list[str]] = {}

    # ------------------------------------------------------------ opening

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
            stale = self.conn.execute("SELECT value FROM meta WHERE key='search_stale'").fetchone()
        if fresh:
            self.save(Studio(id=Studio.SINGLETON_ID, name="委员工作室"), check=False)
            for list_name, values in enums.TYPE_LISTS.items():
                for position, value in enumerate(values):
                    self.save(
                        TypeEntry(
                            id=stable_id("type", list_name, value),
                            list_name=list_name,
                            value=value,
                            position=position,
                        ),
                        check=False,
                    )
        if stale:
            self.refresh_search_text()
            with self.transaction():
                self.conn.execute("DELETE FROM meta WHERE key='search_stale'")

    def close(self) -> None:
        with self._lock:
            self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ transactions

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

    def _stamp(self, after: str = "") -> str:
        """A UTC timestamp strictly later than the last one this store handed out, and than
        ``after`` (the version it replaces): a record's versions always go forward in time,
        even when the PC's clock was set back, so the newest edit wins every merge."""
        stamp = utc_now()
        floor = max(self._last_stamp, after)
        if stamp <= floor:
            last = datetime.strptime(floor, "%Y-%m-%dT%H:%M:%S.%fZ")
            stamp = (last + timedelta(microseconds=1)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        self._last_stamp = max(self._last_stamp, stamp)
        return stamp

    # ------------------------------------------------------------ reading

    def get(self, cls: type[R], record_id: str, *, include_deleted: bool = True) -> R:
        records = self.get_many(cls, [record_id], include_deleted=include_deleted)
        if not records:
            raise RecordNotFound(f"找不到这条{cls.TITLE}记录（可能已被删除）。")
        return records[0]

    def find(self, cls: type[R], record_id: str) -> R | None:
        found = self.get_many(cls, [record_id])
        return found[0] if found else None

    def get_many(
        self,
        cls: type[R],
        ids: Sequence[str],
        *,
        include_deleted: bool = True,
        only: Collection[str] | None = None,
    ) -> list[R]:
        """Records by id, in the order of ``ids`` (missing ones are skipped).

        ``only`` names the fields to read (the others keep their defaults): statistics read a
        year's records this way without the long texts. Such partial records are for reading
        only and must never be saved.
        """
        if not ids:
            return []
        columns = "*"
        if only is not None:
            wanted = [f.name for f in fields_of(cls) if f.name in only and f.kind not in (MEMBERS, CHILDREN)]
            columns = ", ".join([*codec.BASE_COLUMNS, *wanted])
        out: dict[str, R] = {}
        with self._lock:
            for start in range(0, len(ids), 500):
                chunk = list(ids[start : start + 500])
                marks = ",".join("?" * len(chunk))
                sql = f"SELECT {columns} FROM {cls.TABLE} WHERE id IN ({marks})"
                if not include_deleted:
                    sql += " AND deleted = 0"
                rows = self._rows(sql, chunk)
                for record in self._build(cls, rows, only):
                    out[record.id] = record
        return [out[i] for i in ids if i in out]

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self.conn.execute(sql, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    def _build(self, cls: type[R], rows: list[Any], only: Collection[str] | None = None) -> list[R]:
        if not rows:
            return []
        ids = [row["id"] for row in rows]
        children = self._load_children(cls, ids, only)
        records = []
        for data in rows:  # fresh dicts from _rows: completed in place
            data.pop("search_text", None)
            data.update(children[data["id"]])
            data["deleted"] = bool(data["deleted"])
            records.append(codec.from_dict(cls, data))
        return records

    def _load_children(
        self, cls: type[Record], ids: list[str], only: Collection[str] | None = None
    ) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {i: {} for i in ids}
        marks = ",".join("?" * len(ids))
        for info in fields_of(cls):
            if only is not None and info.name not in only:
                continue
            # One list per record, filled straight from the cursor: this loop runs for every
            # member and child row of a year's records (the 总览 figures read them all).
            lists: dict[str, list[Any]] = {i: [] for i in ids}
            if info.kind == MEMBERS:
                for record_id, member_id in self.conn.execute(
                    f"SELECT record_id, member_id FROM record_members WHERE record_id IN ({marks}) "
                    "ORDER BY record_id, position",
                    ids,
                ):
                    lists[record_id].append(member_id)
            elif info.kind == CHILDREN:
                assert info.child is not None
                table, columns = codec.CHILD_TABLES[info.child]
                cols = ", ".join(columns)
                for row in self.conn.execute(
                    f"SELECT record_id, {cols} FROM {table} WHERE record_id IN ({marks}) "
                    "ORDER BY record_id, position",
                    ids,
                ):
                    lists[row[0]].append(dict(zip(columns, row[1:])))
            else:
                continue
            for i in ids:
                out[i][info.name] = lists[i]
        return out

    def _filter_sql(
        self,
        cls: type[Record],
        *,
        year: int | None,
        search: str | None,
        filters: dict[str, Any] | None,
        include_deleted: bool,
        date_range: tuple[date, date] | None = None,
    ) -> tuple[str, list[Any]]:
        where = []
        params: list[Any] = []
        if not include_deleted:
            where.append("t.deleted = 0")
        if year is not None:
            date_range = (date(year, 1, 1), date(year, 12, 31))
        if date_range is not None:
            start, end = date_range[0].isoformat(), date_range[1].isoformat()
            if cls is Member:
                where.append("(t.joined_on IS NULL OR t.joined_on <= ?)")
                where.append("(t.left_on IS NULL OR t.left_on >= ?)")
                params += [end, start]
            elif cls is Narrative:
                where.append("t.year_no BETWEEN ? AND ?")
                params += [date_range[0].year, date_range[1].year]
            elif cls in _YEAR_COLUMN:
                column = _YEAR_COLUMN[cls]
                where.append(f"{column} BETWEEN ? AND ?")
                params += [start, end]
        if search and search.strip() and cls in SEARCHABLE:
            where.append("t.search_text LIKE ? ESCAPE '\\'")
            params.append(like_pattern(search))
        allowed = {f.name for f in fields_of(cls)} | {"deleted"}
        for name, value in (filters or {}).items():
            if name not in allowed:
                raise ValueError(f"unknown filter field {name!r} for {cls.__name__}")
            if isinstance(value, (list, tuple, set)):
                values = list(value)
                where.append(f"t.{name} IN ({','.join('?' * len(values))})")
                params += values
            else:
                where.append(f"t.{name} = ?")
                params.append(value)
        clause = (" WHERE " + " AND ".join(where)) if where else ""
        return clause, params

    def query_ids(
        self,
        cls: type[R],
        *,
        year: int | None = None,
        search: str | None = None,
        filters: dict[str, Any] | None = None,
        include_deleted: bool = False,
        order_by: str | None = None,
        descending: bool = False,
        date_range: tuple[date, date] | None = None,
    ) -> list[str]:
        """Ids of the matching records, in order; cheap enough for 100,000 rows (lazy views)."""
        clause, params = self._filter_sql(
            cls,
            year=year,
            search=search,
            filters=filters,
            include_deleted=include_deleted,
            date_range=date_range,
        )
        order = _DEFAULT_ORDER.get(cls, "t.created_at")
        if order_by:
            allowed = {f.name for f in fields_of(cls)} | {"created_at", "updated_at"}
            if order_by not in allowed:
                raise ValueError(f"cannot order by {order_by!r}")
            order = f"t.{order_by} {'DESC' if descending else 'ASC'}, t.created_at"
        sql = f"SELECT t.id FROM {cls.TABLE} t{clause} ORDER BY {order}"
        with self._lock:
            return [row[0] for row in self.conn.execute(sql, params)]

    def list(
        self,
        cls: type[R],
        *,
        year: int | None = None,
        search: str | None = None,
        filters: dict[str, Any] | None = None,
        include_deleted: bool = False,
        date_range: tuple[date, date] | None = None,
    ) -> builtins.list[R]:
        ids = self.query_ids(
            cls,
            year=year,
            search=search,
            filters=filters,
            include_deleted=include_deleted,
            date_range=date_range,
        )
        return self.get_many(cls, ids)

    def count(self, cls: type[Record], **kwargs: Any) -> int:
        clause, params = self._filter_sql(
            cls,
            year=kwargs.get("year"),
            search=kwargs.get("search"),
            filters=kwargs.get("filters"),
            include_deleted=kwargs.get("include_deleted", False),
            date_range=kwargs.get("date_range"),
        )
        with self._lock:
            return int(
                self.conn.execute(f"SELECT count(*) FROM {cls.TABLE} t{clause}", params).fetchone()[0]
            )

    def years(self) -> builtins.list[int]:
        """Years that have records, newest first (always includes the current year)."""
        years = {date.today().year}
        with self._lock:
            for cls, column in _YEAR_COLUMN.items():
                if column is None:
                    continue
                for (value,) in self.conn.execute(
                    f"SELECT DISTINCT substr({column}, 1, 4) FROM {cls.TABLE} t WHERE t.deleted = 0"
                ):
                    if value and value.isdigit():
                        years.add(int(value))
        return sorted(years, reverse=True)

    # ------------------------------------------------------------ lookups for validation

    def member_state(self, member_id: str) -> str | None:
        with self._lock:
            row = self.conn.execute(
                "SELECT deleted FROM members WHERE id = ?", (member_id,)
            ).fetchone()
        if row is None:
            return None
        return "deleted" if row[0] else "active"

    def type_values(self, list_name: str) -> builtins.list[str]:
        cached = self._type_cache.get(list_name)
        if cached is not None:
            return cached
        with self._lock:
            values = [
                row[0]
                for row in self.conn.execute(
                    "SELECT value FROM type_entries WHERE list_name = ? AND deleted = 0 "
                    "ORDER BY position, value",
                    (list_name,),
                )
            ]
        self._type_cache[list_name] = values
        return values

    def members_by_name(self, include_deleted: bool = False) -> dict[str, Member]:
        members = self.list(Member, include_deleted=include_deleted)
        return {m.name: m for m in members}

    def member_names(self, ids: Iterable[str]) -> builtins.list[str]:
        wanted = [str(i) for i in ids]
        found: dict[str, str] = {m.id: m.name for m in self.get_many(Member, wanted)}
        return [found.get(i, "（未知委员）") for i in wanted]

    # ------------------------------------------------------------ writing

    def save(self, record: R, *, check: bool = True, reason: str = "") -> R:
        """Validate and write ``record`` (new or changed); the previous version goes to history.

        Returns the stored record, with its new timestamps and version id.
        """
        with self.transaction():
            existing = self.find(type(record), record.id)
            if check:
                previous_members: set[str] = set()
                if existing is not None:
                    for info in fields_of(type(record)):
                        if info.kind == MEMBERS:
                            previous_members |= set(getattr(existing, info.name))
                validate(record, self, previous_members)
            if existing is not None and codec.content_of(existing) == codec.content_of(record):
                return existing  # nothing changed: no new version
            stamp = self._stamp(after=existing.updated_at if existing is not None else "")
            stored = codec.copy_record(
                record,
                created_at=existing.created_at if existing else (record.created_at or stamp),
                updated_at=stamp,
                replica_id=self.replica_id,
                version_id=str(uuid.uuid4()),
            )
            if existing is not None:
                self._archive(existing, reason or "修改")
            self._write(stored)
            if existing is not None and existing.deleted != stored.deleted:
                from studio_desk.core.attachments import follow_owner

                follow_owner(self, stored)  # a record's attachments are deleted and restored with it
            if (
                isinstance(record, Member)
                and isinstance(existing, Member)
                and existing.name != record.name
            ):
                self._refresh_search_for_member(record.id)
            if isinstance(record, TypeEntry):
                self._type_cache.pop(record.list_name, None)
        return stored

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

    def revert_last_change(self, cls: type[R], record_id: str) -> R:
        """Undo: make the version before the current one current again (as a new version).

        A record with no earlier version (just created) is deleted instead.
        Nothing is lost: the undone version goes to history like any other.
        """
        with self.transaction():
            current = self.get(cls, record_id)
            row = self.conn.execute(
                "SELECT data FROM history WHERE record_id = ? ORDER BY seq DESC LIMIT 1",
                (record_id,),
            ).fetchone()
            if row is None:
                return self.delete(cls, record_id)
            previous = codec.from_dict(cls, json.loads(row[0]))
            restored = codec.copy_record(
                previous,
                created_at=current.created_at,
                updated_at=current.updated_at,
                version_id=current.version_id,
            )
            return self.save(restored, check=False, reason="撤销")

    def _archive(self, record: Record, reason: str) -> None:
        self.conn.execute(
            "INSERT INTO history (table_name, record_id, version_id, updated_at, replica_id,"
            " deleted, data, archived_at, reason) VALUES (?,?,?,?,?,?,?,?,?)",
            (
                record.TABLE,
                record.id,
                record.version_id,
                record.updated_at,
                record.replica_id,
                1 if record.deleted else 0,
                codec.dumps(codec.to_dict(record)),
                utc_now(),
                reason,
            ),
        )

    def archive_version(self, record: Record, reason: str) -> None:
        """Keep a version in history without making it current (used by merges)."""
        with self.transaction():
            self._archive(record, reason)

    def write_version(self, record: Record) -> None:
        """Write a record exactly as given (timestamps and version id kept): merges use this."""
        with self.transaction():
            self._write(record)

    def _write(self, record: Record) -> None:
        cls = type(record)
        data = codec.to_dict(record)
        columns = list(codec.BASE_COLUMNS) + codec.scalar_columns(cls)
        values = [data[c] for c in columns]
        values[columns.index("deleted")] = 1 if record.deleted else 0
        if cls in SEARCHABLE:
            columns.append("search_text")
            values.append(self._search_text(record))
        marks = ",".join("?" * len(columns))
        self.conn.execute(
            f"INSERT OR REPLACE INTO {cls.TABLE} ({', '.join(columns)}) VALUES ({marks})", values
        )
        for info in fields_of(cls):
            if info.kind == MEMBERS:
                self.conn.execute("DELETE FROM record_members WHERE record_id = ?", (record.id,))
                self.conn.executemany(
                    "INSERT INTO record_members (record_id, position, member_id) VALUES (?,?,?)",
                    [(record.id, i, m) for i, m in enumerate(getattr(record, info.name))],
                )
            elif info.kind == CHILDREN:
                assert info.child is not None
                table, child_cols = codec.CHILD_TABLES[info.child]
                self.conn.execute(f"DELETE FROM {table} WHERE record_id = ?", (record.id,))
                rows = []
                for i, child in enumerate(data[info.name]):
                    rows.append([record.id, i] + [child[c] for c in child_cols])
                cols = ", ".join(("record_id", "position") + child_cols)
                marks = ",".join("?" * (2 + len(child_cols)))
                self.conn.executemany(f"INSERT INTO {table} ({cols}) VALUES ({marks})", rows)

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

    # ------------------------------------------------------------ history

    def history(self, record_id: str) -> builtins.list[HistoryEntry]:
        with self._lock:
            rows = self.conn.execute(
                "SELECT seq, record_id, version_id, updated_at, replica_id, deleted, data,"
                " archived_at, reason FROM history WHERE record_id = ? ORDER BY seq",
                (record_id,),
            ).fetchall()
        return [
            HistoryEntry(r[0], r[1], r[2], r[3], r[4], bool(r[5]), json.loads(r[6]), r[7], r[8])
            for r in rows
        ]

    # ------------------------------------------------------------ copies

    def backup_to(self, target: Path) -> Path:
        """A consistent copy of the whole file at ``target`` (SQLite backup API)."""
        with self._lock:
            try:
                copy_database(self.conn, Path(target))
            except sqlite3.Error as exc:
                raise DatabaseError(sqlite_error_message(exc, target)) from exc
            except OSError as exc:
                raise DatabaseError(f"写入备份“{target}”失败：{exc.strerror or exc}") from exc
        return Path(target)

    def file_mark(self, key: str) -> str | None:
        """A mark on this file itself (never merged into other copies): demo, masked, identity."""
        with self._lock:
            row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_file_mark(self, key: str, value: str) -> None:
        with self.transaction():
            self.conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    def counts(self) -> dict[str, int]:
        from studio_desk.core.models import LEDGER_TYPES

        return {cls.TITLE: self.count(cls) for cls in LEDGER_TYPES}
