"""What a merge accepts from the other copy: values its fields can hold, as an import checks them.

A copy from elsewhere may have been edited by another program: text in a number column, a date
that is no date, a timestamp that cannot be read. Such a record is refused (named, with what is
wrong) and the rest of the merge goes on; nothing unreadable reaches the working database, so
every later export still works.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from studio_desk.core import codec
from studio_desk.core.models import Record
from studio_desk.core.store import Store
from studio_desk.core.validate import value_errors

_STAMP = "%Y-%m-%dT%H:%M:%S.%fZ"


@dataclass(frozen=True)
class Refused:
    """A record (or an earlier version of one) of the other copy that was not merged."""

    type_title: str
    record_id: str
    title: str
    problems: tuple[str, ...]

    def describe(self) -> str:
        return f"{self.type_title}“{self.title}”（记录编号 {self.record_id}）未合并：{'；'.join(self.problems)}"


def stamp_problem(value: Any, label: str = "修改时间") -> str | None:
    if not isinstance(value, str):
        return f"{label}不是有效的时间"
    try:
        datetime.strptime(value, _STAMP)
    except ValueError:
        return f"{label}“{value[:40]}”不是有效的时间"
    return None


def record_problems(record: Record) -> list[str]:
    """Why ``record`` (as read from the other copy) may not come in; empty when it may."""
    problems = []
    # Older versions let other spellings of an id in; such a record is still itself.
    if not isinstance(record.id, str) or not record.id.strip() or len(record.id) > 100:
        problems.append(f"记录编号“{str(record.id)[:40]}”格式不对")
    for label, value in (("修改时间", record.updated_at), ("创建时间", record.created_at)):
        if (problem := stamp_problem(value, label)) is not None:
            problems.append(problem)
    if not isinstance(record.version_id, str) or not record.version_id:
        problems.append("缺少版本号")
    problems += [e.message for e in value_errors(record)]
    return problems


def _title(record: Record) -> str:
    try:
        name = record.display_name()
    except Exception:  # noqa: BLE001 - a title is only a label
        name = record.id
    return (str(name) or record.id)[:40]


def read_incoming(other: Store, cls: type[Record], ids: list[str]) -> tuple[dict[str, Record], list[Refused]]:
    """The other copy's records ``ids``, checked; those that cannot be read or break the rules
    are refused."""
    good: dict[str, Record] = {}
    refused: list[Refused] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        try:
            records = other.get_many(cls, chunk)
        except (ValueError, TypeError, ArithmeticError):  # an undecodable value: find which one
            records = []
            for record_id in chunk:
                try:
                    records += other.get_many(cls, [record_id])
                except (ValueError, TypeError, ArithmeticError) as exc:
                    refused.append(Refused(cls.TITLE, record_id, record_id, (f"有无法读取的内容（{_what(exc)}）",)))
        for record in records:
            problems = record_problems(record)
            if problems:
                refused.append(Refused(cls.TITLE, record.id, _title(record), tuple(problems)))
            else:
                good[record.id] = record
    return good, refused


def history_row_problem(cls: type[Record], row: tuple[Any, ...]) -> str | None:
    """A history row of the other copy that could not be shown later: (record_id, version_id,
    updated_at, replica_id, deleted, data, archived_at, reason)."""
    if stamp_problem(row[2]) is not None or stamp_problem(row[6], "存档时间") is not None:
        return "时间无法读取"
    try:
        codec.from_dict(cls, json.loads(row[5]))
    except (ValueError, TypeError, ArithmeticError) as exc:
        return f"内容无法读取（{_what(exc)}）"
    return None


def _what(exc: BaseException) -> str:
    text = str(exc)
    if "isoformat" in text or "date" in text.lower():
        return "日期格式不对"
    if "decimal" in text.lower() or isinstance(exc, ArithmeticError):
        return "数字格式不对"
    return "格式不对"


__all__ = ["Refused", "history_row_problem", "read_incoming", "record_problems", "stamp_problem"]
