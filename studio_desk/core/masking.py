"""Masking citizens' personal data for copies that leave the studio (county ledgers, packages).

Which fields are personal data is said once, in the schema (``models.pii_fields``); this module
only knows how each kind of personal data is masked. Members are public figures in this role and
are never masked (the ``Member`` class marks no field as personal data).

- names: ``张三`` → ``张*``, ``欧阳娜娜`` → ``欧***``; longer texts (a unit, a household with a note)
  keep their first two and last two characters: ``青溪县宏达建材公司`` → ``青溪*****公司``;
- phones: ``13812341234`` → ``138****1234``; a landline keeps its area code and last four digits;
- ID numbers: first three and last four characters kept: ``510***********123X``;
- addresses: kept down to the town or street office, the rest replaced: ``城关镇迎宾路18号`` → ``城关镇****``.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any, TypeVar

from studio_desk.core.models import PII_ADDRESS, PII_ID, PII_NAME, PII_PHONE, Record, pii_fields

R = TypeVar("R", bound=Record)

STAR = "*"
# Places an address may be cut after: administrative levels above the house number.
_ADDRESS_LEVELS = re.compile(r"(省|自治区|市|自治州|州|盟|县|区|旗|镇|乡|街道|街道办事处)")


def mask_name(text: str) -> str:
    text = text.strip()
    if not text:
        return ""
    if len(text) <= 4:
        return text[0] + STAR * (len(text) - 1) if len(text) > 1 else STAR
    return text[:2] + STAR * (len(text) - 4) + text[-2:]


def mask_phone(text: str) -> str:
    """Mask the middle digits; separators and the number's shape are kept."""
    text = text.strip()
    digits = [i for i, ch in enumerate(text) if ch.isdigit()]
    if not digits:
        return STAR * len(text) if text else ""
    n = len(digits)
    if n >= 11 and text[digits[n - 11]] == "1":  # a mobile number, perhaps with +86 before it
        keep = set(digits[: n - 8]) | set(digits[n - 4 :])
    elif n >= 7:
        # A landline: keep the area code (up to the first separator) and the last four digits.
        head = re.match(r"\D*0\d{2,3}(?=\D)", text)
        head_len = head.end() if head else 0
        keep = {i for i in digits if i < head_len} | set(digits[n - 4 :])
    else:
        keep = set(digits[n - 2 :]) if n > 2 else set()
    return "".join(ch if (not ch.isdigit() or i in keep) else STAR for i, ch in enumerate(text))


def mask_id_number(text: str) -> str:
    text = text.strip()
    if len(text) <= 7:
        return STAR * len(text)
    return text[:3] + STAR * (len(text) - 7) + text[-4:]


def mask_address(text: str) -> str:
    text = text.strip()
    if not text:
        return ""
    cut = 0
    for match in _ADDRESS_LEVELS.finditer(text):
        if match.end() < len(text):
            cut = match.end()
    if cut == 0:
        cut = min(3, max(1, len(text) // 3))
    return text[:cut] + STAR * 4


_MASKERS = {
    PII_NAME: mask_name,
    PII_PHONE: mask_phone,
    PII_ID: mask_id_number,
    PII_ADDRESS: mask_address,
}


def mask_value(kind: str, value: str) -> str:
    """Mask one value of the given kind of personal data (``models.PII_*``)."""
    if not value:
        return value
    return _MASKERS[kind](value)


def mask_record(record: R) -> R:
    """A copy of ``record`` with every personal-data field masked (the record is not changed)."""
    changes: dict[str, Any] = {}
    for name, kind in pii_fields(type(record)).items():
        value = getattr(record, name)
        if isinstance(value, str) and value:
            changes[name] = mask_value(kind, value)
    return dataclasses.replace(record, **changes) if changes else record


def is_masked(value: str) -> bool:
    """Whether a text looks like something this module masked (used to refuse masked imports)."""
    return STAR * 2 in value or (len(value) == 2 and value.endswith(STAR))
