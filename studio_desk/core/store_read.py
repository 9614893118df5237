"""Reading records: by id, by filter (a year, a search, field values), counts, and history.

A mixin of :class:`~studio_desk.core.store.Store`; every read takes the store's lock, so a
background thread may read through the same connection.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Collection, Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date
from itertools import groupby
from operator import itemgetter
from typing import Any, TypeVar

from studio_desk.core import codec
from studio_desk.core.errors import RecordNotFound
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
)
from studio_desk.core.store_search import SEARCHABLE
from studio_desk.core.text import like_pattern

R = TypeVar("R", bound=Record)
_FIRST = itemgetter(0)

# A record's current version as merges compare it: version_id, updated_at, replica_id, deleted.
VersionMeta = tuple[str, str, str, int]

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


class RecordReader:
    """Reads; needs ``conn``, ``_reading`` and ``_type_cache`` from the store."""

    conn: sqlite3.Connection
    _conn: sqlite3.Connection
    _reading: Callable[[], AbstractContextManager[None]]
    _type_cache: dict[str, list[str]]

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
        # The table's columns but its search text (the long texts too when ``only`` leaves them out).
        wanted = [f.name for f in fields_of(cls)
                  if (only is None or f.name in only) and f.kind not in (MEMBERS, CHILDREN)]
        columns = ", ".join([*codec.BASE_COLUMNS, *wanted])
        out: dict[str, R] = {}
        with self._reading():
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
        children = self._load_children(cls, [row["id"] for row in rows], only)
        records = []
        for data in rows:  # fresh dicts from _rows: completed in place
            record_id = data["id"]
            for name, lists in children:
                data[name] = lists.get(record_id) or []
            records.append(codec.from_dict(cls, data))
        return records

    def _load_children(
        self, cls: type[Record], ids: list[str], only: Collection[str] | None = None
    ) -> list[tuple[str, dict[str, list[Any]]]]:
        """Each member or child field's lists, by record id (a record without any is left out)."""
        out = []
        marks = ",".join("?" * len(ids))
        for info in fields_of(cls):
            if only is not None and info.name not in only:
                continue
            if info.kind == MEMBERS:
                table, columns = codec.MEMBER_TABLE, None
                cols = "member_id"
            elif info.kind == CHILDREN:
                assert info.child is not None
                table, columns = codec.CHILD_TABLES[info.child]
                cols = ", ".join(columns)
            else:
                continue
            cursor = self.conn.execute(
                f"SELECT record_id, {cols} FROM {table} WHERE table_name = ? AND record_id IN ({marks}) "
                "ORDER BY record_id, position",
                [cls.TABLE, *ids],
            )
            # Grouped as the cursor gives them: this runs for every member and child row of a
            # year's records (the 总览 figures and the year's workbook read them all).
            if columns is None:
                lists = {record_id: [row[1] for row in group] for record_id, group in groupby(cursor, _FIRST)}
            else:
                lists = {
                    record_id: [dict(zip(columns, row[1:])) for row in group]
                    for record_id, group in groupby(cursor, _FIRST)
                }
            out.append((info.name, lists))
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
        with self._reading():
            return [row[0] for row in self.conn.execute(sql, params)]

    def list_records(self, cls: type[R], **query: Any) -> list[R]:
        """The matching records, in order (``query`` as for ``query_ids``)."""
        return self.get_many(cls, self.query_ids(cls, **query))

    def count(self, cls: type[Record], **kwargs: Any) -> int:
        clause, params = self._filter_sql(
            cls,
            year=kwargs.get("year"),
            search=kwargs.get("search"),
            filters=kwargs.get("filters"),
            include_deleted=kwargs.get("include_deleted", False),
            date_range=kwargs.get("date_range"),
        )
        with self._reading():
            return int(
                self.conn.execute(f"SELECT count(*) FROM {cls.TABLE} t{clause}", params).fetchone()[0]
            )

    def years(self, kind: type[Record] | None = None) -> list[int]:
        """Years that have records (of ``kind``, or of any kind), newest first (always includes
        the current year)."""
        years = {date.today().year}
        with self._reading():
            for cls, column in _YEAR_COLUMN.items():
                if column is None or kind not in (None, cls):
                    continue
                for (value,) in self.conn.execute(
                    f"SELECT DISTINCT substr({column}, 1, 4) FROM {cls.TABLE} t WHERE t.deleted = 0"
                ):
                    if value and value.isdigit():
                        years.add(int(value))
        return sorted(years, reverse=True)

    def member_state(self, member_id: str) -> str | None:
        with self._reading():
            row = self.conn.execute(
                "SELECT deleted FROM members WHERE id = ?", (member_id,)
            ).fetchone()
        if row is None:
            return None
        return "deleted" if row[0] else "active"

    def type_values(self, list_name: str) -> list[str]:
        cached = self._type_cache.get(list_name)
        if cached is not None:
            return cached
        with self._reading():
            values = [
                row[0]
                for row in self.conn.execute(
                    "SELECT value FROM type_entries WHERE list_name = ? AND deleted = 0 "
                    "ORDER BY position, value",
                    (list_name,),
                )
            ]
            if self.conn is self._conn:  # not what was committed before a write still running
                self._type_cache[list_name] = values
        return values

    def member_names(self, ids: Iterable[str]) -> list[str]:
        wanted = [str(i) for i in ids]
        found: dict[str, str] = {m.id: m.name for m in self.get_many(Member, wanted)}
        return [found.get(i, "（未知委员）") for i in wanted]

    def history(self, record_id: str, cls: type[Record] | None = None) -> list[HistoryEntry]:
        """Earlier versions of a record, oldest first (of ``cls`` only, when given)."""
        sql = (
            "SELECT seq, record_id, version_id, updated_at, replica_id, deleted, data,"
            " archived_at, reason FROM history WHERE record_id = ?"
        )
        params: list[Any] = [record_id]
        if cls is not None:
            sql += " AND table_name = ?"
            params.append(cls.TABLE)
        with self._reading():
            rows = self.conn.execute(sql + " ORDER BY seq", params).fetchall()
        return [
            HistoryEntry(r[0], r[1], r[2], r[3], r[4], bool(r[5]), json.loads(r[6]), r[7], r[8])
            for r in rows
        ]

    def current_versions(self, cls: type[Record]) -> dict[str, VersionMeta]:
        """Every record's current version (merges compare these)."""
        with self._reading():
            return {
                row[0]: (row[1], row[2], row[3], row[4])
                for row in self.conn.execute(
                    f"SELECT id, version_id, updated_at, replica_id, deleted FROM {cls.TABLE}"
                )
            }

    def known_versions(self, cls: type[Record]) -> set[tuple[str, str]]:
        """(record id, version id) of every version kept in history."""
        with self._reading():
            return {
                (row[0], row[1])
                for row in self.conn.execute(
                    "SELECT record_id, version_id FROM history WHERE table_name = ?", (cls.TABLE,)
                )
            }

    def history_rows(self, cls: type[Record]) -> list[tuple[Any, ...]]:
        """History of a record type as stored, oldest first: (record_id, version_id,
        updated_at, replica_id, deleted, data, archived_at, reason)."""
        with self._reading():
            return self.conn.execute(
                "SELECT record_id, version_id, updated_at, replica_id, deleted, data, archived_at, reason"
                " FROM history WHERE table_name = ? ORDER BY seq",
                (cls.TABLE,),
            ).fetchall()

    def history_version(self, cls: type[R], record_id: str, version_id: str) -> R | None:
        """The record as it was in ``version_id`` when history keeps that version."""
        return self.history_versions(cls, [(record_id, version_id)]).get((record_id, version_id))

    def history_versions(self, cls: type[R], wanted: Collection[tuple[str, str]]) -> dict[tuple[str, str], R]:
        """``history_version`` for many (record id, version id) pairs, 500 versions a query (an
        import of another copy's workbook asks for every row's)."""
        pairs = set(wanted)
        versions = sorted({version for _, version in pairs})
        found: dict[tuple[str, str], str] = {}
        with self._reading():
            for start in range(0, len(versions), 500):
                chunk = versions[start : start + 500]
                marks = ",".join("?" * len(chunk))
                for record_id, version_id, data in self.conn.execute(
                    f"SELECT record_id, version_id, data FROM history WHERE table_name = ? "
                    f"AND version_id IN ({marks}) ORDER BY seq",
                    (cls.TABLE, *chunk),
                ):
                    if (record_id, version_id) in pairs:
                        found[(record_id, version_id)] = data  # the latest copy of a version wins
        return {key: codec.from_dict(cls, json.loads(data)) for key, data in found.items()}

    def existing_ids(self, cls: type[Record], ids: Collection[str]) -> set[str]:
        """Which of ``ids`` ``cls``'s table holds (deleted records too). A table smaller than the
        list is read whole (an import's 20,000 ids against a few type entries or an empty
        ledger); a larger one is asked about the ids, 500 at a time."""
        wanted = set(ids)
        if not wanted:
            return set()
        with self._reading():
            # The largest rowid: at least the number of rows, found without counting them.
            size = self.conn.execute(f"SELECT max(rowid) FROM {cls.TABLE}").fetchone()[0] or 0
            if size <= len(wanted):
                return {row[0] for row in self.conn.execute(f"SELECT id FROM {cls.TABLE}")} & wanted
            found: set[str] = set()
            listed = list(wanted)
            for start in range(0, len(listed), 500):
                chunk = listed[start : start + 500]
                marks = ",".join("?" * len(chunk))
                found.update(row[0] for row in self.conn.execute(f"SELECT id FROM {cls.TABLE} WHERE id IN ({marks})", chunk))
            return found

    def table_of(self, record_id: str) -> type[Record] | None:
        """The record type that holds ``record_id`` (None when no table has it)."""
        from studio_desk.core.models import RECORD_TYPES

        with self._reading():
            for cls in RECORD_TYPES:
                if self.conn.execute(f"SELECT 1 FROM {cls.TABLE} WHERE id = ?", (record_id,)).fetchone():
                    return cls
        return None

    def counts(self) -> dict[str, int]:
        from studio_desk.core.models import LEDGER_TYPES

        return {cls.TITLE: self.count(cls) for cls in LEDGER_TYPES}
