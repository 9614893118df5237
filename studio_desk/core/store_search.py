"""The folded search text each ledger record carries: its text, member names and their pinyin
initials (so ``lg`` finds 刘刚), and the notes of its follow-ups. A mixin of
:class:`~studio_desk.core.store.Store`."""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any, TypeVar

from studio_desk.core.models import (
    CHILDREN,
    CHOICE,
    LONGTEXT,
    MEMBERS,
    TEXT,
    Activity,
    Donation,
    Member,
    Proposal,
    Reception,
    Record,
    fields_of,
)
from studio_desk.core.text import fold, pinyin_initials

R = TypeVar("R", bound=Record)

SEARCHABLE = (Member, Activity, Reception, Donation, Proposal)

# The rule the stored search texts were made by, kept in the file (meta ``search_text_version``):
# a database whose texts were made by an earlier rule has them made again when it is opened.
# 2: a follow-up's note is searched too.
SEARCH_TEXT_VERSION = "2"


@functools.cache
def _searched_fields(cls: type) -> tuple[tuple[str, str], ...]:
    """(name, kind) of the fields whose values go into the search text (the others are dates,
    numbers, flags); a choice counts as a text."""
    return tuple((info.name, TEXT if info.kind == CHOICE else info.kind)
                 for info in fields_of(cls) if info.kind in (TEXT, LONGTEXT, MEMBERS, CHILDREN, CHOICE))


class SearchText:
    if TYPE_CHECKING:  # provided by Store
        conn: sqlite3.Connection

        def member_names(self, ids: Iterable[str]) -> list[str]: ...

        def query_ids(self, cls: type[Record], **kwargs: Any) -> list[str]: ...

        def get_many(self, cls: type[R], ids: Sequence[str], *, include_deleted: bool = True,
                     only: Any = None) -> list[R]: ...

        def transaction(self) -> AbstractContextManager[sqlite3.Connection]: ...

    def _search_text(self, record: Record, names: dict[str, str] | None = None) -> str:
        """``names``: member id → name when the caller has looked them all up (a batch)."""
        parts: list[str] = []
        values = record.__dict__
        for name, kind in _searched_fields(type(record)):
            value = values[name]
            if not value:
                continue
            if kind == TEXT:
                parts.append(value)
            elif kind == LONGTEXT:
                parts.append(value[:2000])
            elif kind == MEMBERS:
                found = [names.get(i, "（未知委员）") for i in value] if names is not None else self.member_names(value)
                for member_name in found:
                    parts += (member_name, pinyin_initials(member_name))
            else:  # children: a name with its initials, a follow-up's note
                for child in value:
                    child_name = getattr(child, "name", None)
                    if child_name:
                        parts += (child_name, pinyin_initials(child_name))
                    note = getattr(child, "note", None)
                    if note:
                        parts.append(note[:2000])
        if isinstance(record, Member):
            parts.append(pinyin_initials(record.name))
        if isinstance(record, Reception) and record.person_name:
            parts.append(pinyin_initials(record.person_name))
        return fold("\n".join(parts))

    def refresh_search_for_member(self, member_id: str) -> None:
        """A member was renamed: the records that list them search by the new name."""
        linked: dict[str, list[str]] = {}
        for table, record_id in self.conn.execute(
            "SELECT DISTINCT table_name, record_id FROM record_members WHERE member_id = ? "
            "UNION SELECT DISTINCT table_name, record_id FROM proposal_authors WHERE member_id = ?",
            (member_id, member_id),
        ):
            linked.setdefault(table, []).append(record_id)
        for cls in SEARCHABLE:
            for record in self.get_many(cls, linked.get(cls.TABLE, [])):
                self.conn.execute(
                    f"UPDATE {cls.TABLE} SET search_text = ? WHERE id = ?",
                    (self._search_text(record), record.id),
                )

    def refresh_search_text(self) -> None:
        """Make every record's search text again, by the rule of this version, and note the rule
        in the file (a schema step added the column; a later version searches more)."""
        with self.transaction():
            names = {m.id: m.name for m in self.get_many(Member, self.query_ids(Member, include_deleted=True))}
            for cls in SEARCHABLE:
                ids = [r[0] for r in self.conn.execute(f"SELECT id FROM {cls.TABLE}")]
                for start in range(0, len(ids), 500):
                    self.conn.executemany(
                        f"UPDATE {cls.TABLE} SET search_text = ? WHERE id = ?",
                        [(self._search_text(r, names), r.id) for r in self.get_many(cls, ids[start : start + 500])],
                    )
            self.conn.execute("DELETE FROM meta WHERE key = 'search_stale'")  # an earlier version's mark
            self.conn.execute(
                "INSERT OR REPLACE INTO meta(key, value) VALUES ('search_text_version', ?)", (SEARCH_TEXT_VERSION,)
            )
