"""The folded search text each ledger record carries: its text, member names and their pinyin
initials (so ``lg`` finds 刘刚), and the notes of its follow-ups. A mixin of
:class:`~studio_desk.core.store.Store`."""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any, TypeVar

from studio_desk.core.generated import compiled
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
    field_info,
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


@functools.cache
def _search_texter(cls: type) -> Callable[[dict[str, Any], dict[str, str] | None, Callable[..., list[str]]], str]:
    """The search text of a ``cls`` record from its values, written out once per kind (an import
    makes thousands): its texts (a long one's start), member names with their initials, the
    names and notes of its children, and the initials of a member's or citizen's own name."""
    lines = ["def text(values, names, member_names):", "    parts = []"]
    for name, kind in _searched_fields(cls):
        lines += [f"    v = values[{name!r}]", "    if v:"]
        if kind == TEXT:
            lines.append("        parts.append(v)")
        elif kind == LONGTEXT:
            lines.append(f"        parts.append(v[:{_LONG_TEXT_SEARCHED}])")
        elif kind == MEMBERS:
            lines += ["        for n in ([names.get(i, UNKNOWN) for i in v] if names is not None else member_names(v)):",
                      "            parts += (n, initials(n))"]
        else:  # children: a name with its initials, a follow-up's note
            child = field_info(cls, name).child
            child_fields = {f.name for f in fields_of(child)} if child is not None else set()
            lines.append("        for c in v:")
            if "name" in child_fields:
                lines += ["            if c.name:", "                parts += (c.name, initials(c.name))"]
            if "note" in child_fields:
                lines += ["            if c.note:", f"                parts.append(c.note[:{_LONG_TEXT_SEARCHED}])"]
            if not child_fields & {"name", "note"}:
                lines.append("            pass")
    if cls is Member:
        lines.append("    parts.append(initials(values['name']))")
    if cls is Reception:
        lines.append("    if values['person_name']:\n        parts.append(initials(values['person_name']))")
    lines.append("    return fold('\\n'.join(parts))\n")
    names = {"UNKNOWN": "（未知委员）", "initials": pinyin_initials, "fold": fold}
    return compiled("\n".join(lines), names, "text", "search text")  # type: ignore[no-any-return]


_LONG_TEXT_SEARCHED = 2000  # characters of a long text (or a follow-up's note) in the search text


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
        return _search_texter(type(record))(record.__dict__, names, self.member_names)

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
