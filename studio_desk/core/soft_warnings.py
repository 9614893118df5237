"""Warnings the clerk may pass: a record that is valid but looks wrong.

Validation (``validate``) refuses what cannot be right; these rules only ask, because an odd
combination is sometimes true and old ledgers hold many of them (a rule that refused them would
refuse old rows on import and make old records unsaveable). The form asks "仍然保存?" before
writing; an import or a merge does not ask.

Each warning is a ``FieldError`` (the field it is about, its label, a Chinese sentence naming the
field and its value), so a form can take the clerk back to that field.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from studio_desk.core import enums
from studio_desk.core.errors import FieldError
from studio_desk.core.masking import PHONE_SEPARATORS
from studio_desk.core.models import Activity, Proposal, Record, fields_of
from studio_desk.core.money import FULL_WIDTH_NUMBERS

# What a Chinese input method types in full width in a phone number: digits as in amounts, and signs.
_FULL_WIDTH = FULL_WIDTH_NUMBERS | str.maketrans("－（）＋", "-()+")
_EXTENSION = re.compile(r"(转|分机|ext\.?|x)\s*\d+\s*$", re.IGNORECASE)
_SEPARATORS = re.compile(PHONE_SEPARATORS)
_AREA_CODE = re.compile(r"^[(（]?(0\d+)[)）\s-]+(\d+)(?:-\d{1,5})?$")  # an extension may follow
# Fields shown in a proposal that only a submitted one can have.
_PROPOSAL_AFTER_SUBMISSION = ("result_class", "adoption_level", "answered_on", "instruction", "satisfaction")


def phone_problem(label: str, text: str) -> str | None:
    """Why ``text`` (a phone field) does not look like Chinese phone numbers, or None.

    Each number in the field (several are separated by 、 / ， ; or a space) is a mobile (11
    digits starting with 1, perhaps after +86), a landline of 7–8 digits with or without an area
    code of 3–4 digits starting with 0 (``0931-8123456``, ``(0931)8123456``), or a 400/800 service
    number; an extension (``转801``, ``-801``) is not counted, and a part without digits (``无``)
    is not judged."""
    for part in _SEPARATORS.split(text.translate(_FULL_WIDTH)):
        part = _EXTENSION.sub("", part.strip())
        if _digits(part) and not _plausible(part) and not all(_plausible(p) for p in part.split()):
            return _phone_message(label, part)
    return None


def _digits(written: str) -> str:
    digits = re.sub(r"\D", "", written)
    if digits[:-11] in ("86", "0086") and digits[-11] == "1":
        return digits[-11:]  # +86 or 0086 before a mobile
    return digits


def _plausible(written: str) -> bool:
    digits = _digits(written)
    n = len(digits)
    if not digits:
        return False
    if digits[0] == "1":
        return n == 11
    if digits[0] == "0":
        apart = _AREA_CODE.match(written)  # 0931-8123456: each side on its own
        if apart:
            return len(apart[1]) in (3, 4) and len(apart[2]) in (7, 8)
        return 10 <= n <= 12  # 3–4 digit area code + 7–8 digit number
    if digits[:3] in ("400", "800"):
        return n == 10
    return n in (7, 8)


def _phone_message(label: str, written: str) -> str:
    digits = _digits(written)
    n = len(digits)
    apart = _AREA_CODE.match(written)
    if digits[0] == "1":
        fewer = "只有" if n < 11 else "有"
        return f"{label}“{written}”{fewer} {n} 位数字，手机号应为 11 位。"
    if apart and len(apart[1]) not in (3, 4):
        return f"{label}“{written}”的区号“{apart[1]}”有 {len(apart[1])} 位，区号应为 3–4 位（如 0931）。"
    if apart:
        return f"{label}“{written}”区号后的号码有 {len(apart[2])} 位，固定电话号码应为 7–8 位。"
    if digits[0] == "0":
        return f"{label}“{written}”有 {n} 位数字，带区号的固定电话应为 10–12 位（如 0931-8123456）。"
    return f"{label}“{written}”有 {n} 位数字，不像手机号（11 位）或固定电话（7–8 位，可加区号）。"


def _phones(record: Record) -> list[FieldError]:
    found = []
    for info in fields_of(type(record)):
        value = getattr(record, info.name)
        if info.name.endswith("phone") and isinstance(value, str):
            problem = phone_problem(info.label, value)
            if problem:
                found.append(FieldError(info.name, info.label, problem))
    return found


def _proposal(record: Proposal) -> list[FieldError]:
    if record.status != enums.PROPOSAL_DRAFT:
        return []
    infos = {info.name: info for info in fields_of(Proposal)}
    filled = [infos[name] for name in _PROPOSAL_AFTER_SUBMISSION if getattr(record, name)]
    if not filled:
        return []
    shown = "、".join(f"{info.label}“{_short(getattr(record, info.name))}”" for info in filled)
    message = (
        f"状态是“草拟”，却已填了{shown}。草拟的{record.category or '提案建议'}不计入成果统计；"
        "如已提交，请把“状态”改为实际的办理进度。"
    )
    return [FieldError("status", "状态", message)]


def _short(value: Any) -> str:
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return text if len(text) <= 12 else text[:12] + "…"


def _activity(record: Activity) -> list[FieldError]:
    if record.member_ids:
        return []
    message = "没有选“参加委员”。这次活动不会计入委员的参加次数、参与率和履职积分。"
    return [FieldError("member_ids", "参加委员", message)]


_RULES: dict[type, Callable[[Any], list[FieldError]]] = {
    Activity: _activity,
    Proposal: _proposal,
}


def record_warnings(record: Record, before: Record | None = None) -> list[FieldError]:
    """What in ``record`` looks wrong though it may be saved.

    ``before``: the stored version the clerk is editing (None for a new record). A warning that
    ``before`` gave word for word is not given again: an old record (imported, or saved after the
    clerk passed its warning) is not questioned on every edit, only when a field a warning is about
    changed (the warnings name the values) or a new warning applies."""
    rule = _RULES.get(type(record))
    found = (rule(record) if rule else []) + _phones(record)
    if before is None:
        return found
    old = {w.message for w in record_warnings(before)}
    return [w for w in found if w.message not in old]
