"""Validation of every record type, in one place. Each failure names the field in Chinese.

Text is stored exactly as typed; what cannot be stored faithfully or safely (control
characters, unpaired surrogates, absurd lengths) is refused with a message instead.
"""

from __future__ import annotations

import functools
import re
import uuid
from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal
from typing import Any, Protocol

from studio_desk.core import enums
from studio_desk.core.errors import FieldError, ValidationError
from studio_desk.core.generated import compiled
from studio_desk.core.models import (
    BOOL,
    CHILDREN,
    CHOICE,
    DATE,
    DECIMAL,
    INT,
    LONGTEXT,
    MEMBERS,
    MONEY,
    TEXT,
    Activity,
    Donation,
    FieldInfo,
    Member,
    Narrative,
    Proposal,
    Reception,
    INCOMPLETE_SEPARATOR,
    Record,
    fields_of,
)
from studio_desk.core.money import MAX_FEN

MIN_DATE = date(1949, 10, 1)
MAX_DATE = date(2100, 12, 31)
MAX_QUANTITY = Decimal("100000000")

# C0 controls other than tab/newline/carriage return, DEL and the C1 range.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


class Lookup(Protocol):
    def member_state(self, member_id: str) -> str | None:
        """``"active"``, ``"deleted"`` or None when there is no such member."""

    def type_values(self, list_name: str) -> list[str]: ...


def text_problem(label: str, value: str, maxlen: int) -> str | None:
    if _SURROGATE.search(value):
        return f"“{label}”含有无法保存的残缺字符，请重新输入。"
    if _CONTROL.search(value):
        return f"“{label}”含有不可见的控制字符，请删除后再保存。"
    if len(value) > maxlen:
        return f"“{label}”太长：最多 {maxlen:,} 个字，现有 {len(value):,} 个字。"
    return None


def _is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value == []


def _check_field(
    info: FieldInfo, value: Any, lookup: Lookup | None, prefix: str = "", *, required: bool = True
) -> list[str]:
    label = prefix + info.label
    problems: list[str] = []
    empty = _is_empty(value)
    if required and info.required and empty and info.kind not in (INT, MONEY, BOOL):
        return [f"请填写“{label}”。"]
    if value is None:
        return []
    kind = info.kind
    if kind in (TEXT, LONGTEXT, CHOICE):
        if not isinstance(value, str):
            return [f"“{label}”应为文字。"]
        problem = text_problem(label, value, info.maxlen)
        if problem:
            return [problem]
        if kind == CHOICE and value:
            allowed: Iterable[str] | None = info.choices
            if info.type_list and lookup is not None:
                allowed = lookup.type_values(info.type_list)
            if allowed is not None and value not in allowed:
                options = "、".join(allowed)
                problems.append(f"“{label}”不能是“{value}”，应为：{options}。")
    elif kind == DATE:
        if not isinstance(value, date):
            return [f"“{label}”不是有效的日期。"]
        if not MIN_DATE <= value <= MAX_DATE:
            problems.append(f"“{label}”{value.isoformat()}超出合理范围（1949-10-01 至 2100-12-31）。")
    elif kind in (INT, MONEY):
        if isinstance(value, bool) or not isinstance(value, int):
            return [f"“{label}”应为整数。"]
        minimum = 0 if kind == MONEY else info.minimum
        maximum = MAX_FEN if kind == MONEY else info.maximum
        if minimum is not None and value < minimum:
            problems.append(f"“{label}”不能为负数。")
        elif maximum is not None and value > maximum:
            shown = f"{maximum // 100:,} 元" if kind == MONEY else f"{maximum:,}"
            problems.append(f"“{label}”数值过大（最多 {shown}），请核对。")
    elif kind == BOOL:
        if not isinstance(value, bool):
            problems.append(f"“{label}”应为是或否。")
    elif kind == DECIMAL:
        if not isinstance(value, Decimal) or not value.is_finite():
            return [f"“{label}”应为数字。"]
        if value < 0:
            problems.append(f"“{label}”不能为负数。")
        elif value > MAX_QUANTITY:
            problems.append(f"“{label}”数值过大，请核对。")
    elif kind == MEMBERS:
        seen = set()
        for member_id in value:
            if member_id in seen:
                problems.append(f"“{label}”中同一位委员出现了两次。")
                break
            seen.add(member_id)
    return problems


@functools.cache
def _member_fields(cls: type) -> tuple[FieldInfo, ...]:
    return tuple(info for info in fields_of(cls) if info.kind == MEMBERS)


def member_ids_of(record: Record | None) -> set[str]:
    """The members a stored version lists (a member deleted since may stay on it: ``validate``'s
    ``previous_member_ids``)."""
    if record is None:
        return set()
    return {member_id for info in _member_fields(type(record)) for member_id in getattr(record, info.name)}


def _check_members(
    record: Record,
    lookup: Lookup | None,
    previous_ids: set[str],
    errors: list[FieldError],
) -> None:
    if lookup is None:
        return
    for info in _member_fields(type(record)):
        for member_id in getattr(record, info.name):
            state = lookup.member_state(member_id)
            if state is None:
                errors.append(
                    FieldError(info.name, info.label, f"“{info.label}”中有不在名册里的委员。")
                )
                break
            if state == "deleted" and member_id not in previous_ids:
                errors.append(
                    FieldError(info.name, info.label, f"“{info.label}”中有已删除的委员。")
                )
                break


def _date_order(
    errors: list[FieldError], record: Record, first: str, second: str
) -> None:
    a, b = getattr(record, first), getattr(record, second)
    if isinstance(a, date) and isinstance(b, date) and b < a:
        info_a = next(f for f in fields_of(type(record)) if f.name == first)
        info_b = next(f for f in fields_of(type(record)) if f.name == second)
        errors.append(
            FieldError(second, info_b.label, f"“{info_b.label}”不能早于“{info_a.label}”。")
        )


def _rules_member(record: Member, errors: list[FieldError]) -> None:
    _date_order(errors, record, "joined_on", "left_on")


def _rules_activity(record: Activity, errors: list[FieldError]) -> None:
    _date_order(errors, record, "date", "end_date")


def _rules_reception(record: Reception, errors: list[FieldError]) -> None:
    _date_order(errors, record, "date", "closed_on")
    _date_order(errors, record, "date", "deadline")
    if record.closed_on and record.status in enums.RECEPTION_OPEN_STATUSES:
        errors.append(
            FieldError("status", "办理状态", "已填写办结日期，“办理状态”应为已办结或无法办理。")
        )
    if record.handling == "转交部门" and not record.transferred_to.strip():
        errors.append(FieldError("transferred_to", "转办单位", "处理方式为转交部门时，请填写“转办单位”。"))
    if record.activity_id and not _is_uuid(record.activity_id):
        errors.append(
            FieldError("activity_id", "所属接待日编号", f"“所属接待日编号”“{record.activity_id[:40]}”不是有效的记录编号。")
        )


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def _rules_donation(record: Donation, errors: list[FieldError]) -> None:
    if record.cash_fen <= MAX_FEN and record.total_fen > MAX_FEN:
        errors.append(FieldError("cash_fen", "现金(元)", "现金与物资价值合计过大，请核对。"))


def _rules_proposal(record: Proposal, errors: list[FieldError]) -> None:
    _date_order(errors, record, "submitted_on", "answered_on")
    if record.is_output and record.submitted_on is None:
        errors.append(FieldError("submitted_on", "提交日期", "已提交的提案建议请填写“提交日期”。"))
    if not record.authors:
        errors.append(FieldError("authors", "提出人", "请填写“提出人”（至少一人）。"))
    names = [a.name.strip() for a in record.authors]
    if len(set(names)) != len(names):
        errors.append(FieldError("authors", "提出人", "“提出人”中有重复的姓名。"))


def _rules_narrative(record: Narrative, errors: list[FieldError]) -> None:
    return None


_RULES: dict[type, Callable[[Any, list[FieldError]], None]] = {
    Member: _rules_member,
    Activity: _rules_activity,
    Reception: _rules_reception,
    Donation: _rules_donation,
    Proposal: _rules_proposal,
    Narrative: _rules_narrative,
}


# Characters ``text_problem`` refuses, in one pattern: a text without them passes at a glance.
_UNSTORABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_Passes = Callable[[Any, "Lookup | None"], bool]

# The quick test of a value ``v``: true only when ``_check_field`` finds nothing in it. Most values
# of an import or a batch save are fine, and only the others go through the full check, which words
# the messages (one set of messages, one set of rules). The tests are written out per field and
# compiled once per record class (as ``dataclasses`` writes ``__init__``): a record's fields are
# then tested in one function, without a call per field.
#  - a text holds none of the unstorable characters when it is printable (they are all
#    unprintable): most values are answered by ``isprintable`` alone, texts with line breaks by
#    the pattern;
#  - a list value is one of the field's choices, or of the lookup's type list when there is one.
_QUICK_NAMES: dict[str, Any] = {
    "_date": date, "_Decimal": Decimal, "_MIN_DATE": MIN_DATE, "_MAX_DATE": MAX_DATE,
    "_MAX_FEN": MAX_FEN, "_MAX_QUANTITY": MAX_QUANTITY, "_unstorable": _UNSTORABLE.search,
}
_STORABLE = "(v.isprintable() or _unstorable(v) is None)"


def _quick_expression(info: FieldInfo, names: dict[str, Any]) -> str:
    """``info``'s quick test as an expression over ``v`` (and ``lookup``); the constants it needs
    are added to ``names``."""
    kind, required, maxlen = info.kind, info.required, info.maxlen
    none_ok = "" if required else "v is None or "
    if kind in (TEXT, LONGTEXT, CHOICE):
        test = f"type(v) is str and len(v) <= {maxlen} and {_STORABLE}" + (" and v.strip()" if required else "")
        if kind == CHOICE:
            choices = "True"
            if info.choices is not None:
                choices = f"v in _choices_{info.name}"
                names[f"_choices_{info.name}"] = frozenset(info.choices)
            if info.type_list:
                choices = f"(v in lookup.type_values({info.type_list!r}) if lookup is not None else {choices})"
            test += f" and (not v or {choices})"
        return f"{none_ok}({test})"
    if kind == DATE:
        return f"{none_ok}(type(v) is _date and _MIN_DATE <= v <= _MAX_DATE)"
    if kind in (INT, MONEY):
        low = 0 if kind == MONEY else info.minimum
        high = "_MAX_FEN" if kind == MONEY else info.maximum
        bounds = (f" and v >= {low}" if low is not None else "") + (f" and v <= {high}" if high is not None else "")
        return f"v is None or (type(v) is int{bounds})"
    if kind == BOOL:
        return "v is None or type(v) is bool"
    if kind == DECIMAL:
        return f"{none_ok}(type(v) is _Decimal and v.is_finite() and 0 <= v <= _MAX_QUANTITY)"
    if kind == MEMBERS:
        filled = " and v" if required else ""
        return f"type(v) is list{filled} and all(type(m) is str for m in v) and len(set(v)) == len(v)"
    if kind == CHILDREN and info.child is not None:
        names[f"_children_{info.name}"] = _children_passes(info.child)
        filled = " and v" if required else ""
        return f"type(v) is list{filled} and _children_{info.name}(v, lookup)"
    return "False"  # the full check decides


def _compiled(source: str, names: dict[str, Any], function: str) -> Any:
    return compiled(source, {**_QUICK_NAMES, **names}, function, "quick check")


def _passes_test(info: FieldInfo) -> _Passes:
    """One field's quick test, on its own (the property tests hold it to ``_check_field``)."""
    names: dict[str, Any] = {}
    expression = _quick_expression(info, names)
    return _compiled(f"def passes(v, lookup):\n    return bool({expression})\n", names, "passes")


@functools.cache
def _record_passes(cls: type) -> _Passes:
    """Every field's quick test of a ``cls`` record (or child) in one function: true only when
    ``_check_field`` finds nothing in any of its fields."""
    names: dict[str, Any] = {}
    lines = ["def passes(record, lookup):"]
    for info in fields_of(cls):
        lines.append(f"    v = record.{info.name}")
        lines.append(f"    if not ({_quick_expression(info, names)}):\n        return False")
    lines.append("    return True\n")
    return _compiled("\n".join(lines), names, "passes")


def _children_passes(child_cls: type) -> _Passes:
    def children_ok(value: Any, lookup: Lookup | None) -> bool:
        passes = _record_passes(child_cls)
        for child in value:
            if type(child) is not child_cls or not passes(child, lookup):
                return False
        return True
    return children_ok


@functools.cache
def _field_tests(cls: type) -> list[tuple[FieldInfo, _Passes]]:
    return [(info, _passes_test(info)) for info in fields_of(cls)]


def validation_errors(
    record: Record, lookup: Lookup | None = None, previous_member_ids: set[str] | None = None
) -> list[FieldError]:
    """Every problem of ``record``, in field order. Empty when the record may be saved."""
    errors: list[FieldError] = []
    # Fields a record is marked 待补全 for may stay empty until the clerk fills them in.
    incomplete = getattr(record, "incomplete", "")
    waived = set(incomplete.split(INCOMPLETE_SEPARATOR)) - {""} if incomplete else set()
    cls = type(record)
    for info, passes in () if _record_passes(cls)(record, lookup) else _field_tests(cls):
        value = getattr(record, info.name)
        if passes(value, lookup):
            continue
        if info.label in waived and info.required and _is_empty(value):
            continue
        for message in _check_field(info, value, lookup):
            errors.append(FieldError(info.name, info.label, message))
        if info.kind == CHILDREN and info.child is not None and isinstance(value, list):
            for index, child in enumerate(value, start=1):
                for child_info in fields_of(info.child):
                    prefix = f"{info.label}第{index}行的"
                    for message in _check_field(
                        child_info, getattr(child, child_info.name), lookup, prefix
                    ):
                        errors.append(FieldError(info.name, info.label, message))
    _check_members(record, lookup, previous_member_ids or set(), errors)
    rules = _RULES.get(cls)
    if rules is not None and not (errors and any(e.field in ("date", "submitted_on") for e in errors)):
        rules(record, errors)
    if waived:
        errors = [e for e in errors if not (e.label in waived and _is_empty(getattr(record, e.field, None)))]
    return errors


def value_errors(record: Record) -> list[FieldError]:
    """What in ``record`` is not a value of its field's kind: text in a number, a date out of
    range, a control character, an absurd length. A record from another copy (a merge) must
    pass this; what a form would still ask for (a required field, the order of two dates) was
    that copy's clerk's business and is not asked again."""
    errors: list[FieldError] = []
    for info in fields_of(type(record)):
        value = getattr(record, info.name)
        for message in _check_field(info, value, None, required=False):
            errors.append(FieldError(info.name, info.label, message))
        if info.kind == CHILDREN and info.child is not None:
            if not isinstance(value, list):
                errors.append(FieldError(info.name, info.label, f"“{info.label}”的内容无法读取。"))
                continue
            for index, child in enumerate(value, start=1):
                for child_info in fields_of(info.child):
                    prefix = f"{info.label}第{index}行的"
                    for message in _check_field(child_info, getattr(child, child_info.name), None, prefix,
                                                required=False):
                        errors.append(FieldError(info.name, info.label, message))
    return errors


def validate(
    record: Record, lookup: Lookup | None = None, previous_member_ids: set[str] | None = None
) -> None:
    errors = validation_errors(record, lookup, previous_member_ids)
    if errors:
        raise ValidationError(errors)
