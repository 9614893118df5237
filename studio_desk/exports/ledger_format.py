"""Texts that stand for several values in one ledger cell, written and read back the same way.

- 物资明细: ``大米×50袋（2,500.00元）；食用油×20桶（1,600.00元）``
- 最新跟踪: ``2024-05-10 已转县住建局办理``
"""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from studio_desk.core import codec
from studio_desk.core.models import DonationItem, FollowUp, Record
from studio_desk.core.money import MoneyError, format_fen, parse_yuan
from studio_desk.exports import ledger_columns as lc

ITEM_SEPARATOR = "；"
_ITEM_SPLIT = re.compile(r"[；;\n]+")
_ITEM = re.compile(
    r"^(?P<name>.+?)"
    r"(?:\s*[×xX*]\s*(?P<qty>\d+(?:\.\d+)?)\s*(?P<unit>[^（(]*?))?"
    r"\s*(?:[（(](?P<value>[^()（）]*?)[)）])?$"
)
_FOLLOWUP = re.compile(r"^\s*(?P<date>\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?)\s*[：:，,]?\s*(?P<note>.*)$", re.S)


def format_items(items: list[DonationItem]) -> str:
    parts = []
    for item in items:
        text = item.name
        if item.quantity is not None:
            text += f"×{format(item.quantity, 'f')}{item.unit}"
        elif item.unit:
            text += f"×{item.unit}"
        text += f"（{format_fen(item.value_fen)}元）"
        parts.append(text)
    return ITEM_SEPARATOR.join(parts)


class ItemsError(ValueError):
    pass


def parse_items(text: str) -> tuple[list[DonationItem], bool]:
    """Items from a 物资明细 text; the flag says whether every item carried its own value."""
    items: list[DonationItem] = []
    all_valued = True
    for part in _ITEM_SPLIT.split(text.strip()):
        part = part.strip()
        if not part:
            continue
        match = _ITEM.match(part)
        if match is None:  # pragma: no cover - the pattern matches any non-empty text
            raise ItemsError(f"无法识别物资“{part}”")
        name = match["name"].strip()
        quantity = None
        if match["qty"]:
            try:
                quantity = Decimal(match["qty"])
            except InvalidOperation as exc:
                raise ItemsError(f"物资“{name}”的数量“{match['qty']}”不是数字") from exc
        value_fen = 0
        if match["value"] is not None:
            try:
                value_fen = parse_yuan(match["value"])
            except MoneyError as exc:
                raise ItemsError(f"物资“{name}”的价值：{exc}") from exc
        else:
            all_valued = False
        items.append(DonationItem(name=name, quantity=quantity, unit=(match["unit"] or "").strip(), value_fen=value_fen))
    return items, all_valued


def format_followup(followup: FollowUp) -> str:
    when = followup.date.isoformat() if followup.date else ""
    return f"{when} {followup.note}".strip()


def parse_followup(text: str, default_date: date) -> FollowUp:
    from studio_desk.exports.ledger_values import parse_date_text

    match = _FOLLOWUP.match(text)
    if match:
        when = parse_date_text(match["date"])
        if when is not None:
            return FollowUp(date=when, note=match["note"].strip())
    return FollowUp(date=default_date, note=text.strip())


def format_followup_log(followups: list[FollowUp]) -> str:
    """Every step, one per line (a note's own line breaks continue its line)."""
    return "\n".join([format_followup(f) for f in followups])


def parse_followup_log(text: str, default_date: date) -> list[FollowUp]:
    """Steps from a log a clerk typed: a line that starts with a date starts a step."""
    steps: list[FollowUp] = []
    for line in text.split("\n"):
        match = _FOLLOWUP.match(line)
        when = None
        if match:
            from studio_desk.exports.ledger_values import parse_date_text

            when = parse_date_text(match["date"])
        if when is not None and match is not None:
            steps.append(FollowUp(date=when, note=match["note"].strip()))
        elif steps:
            steps[-1] = FollowUp(date=steps[-1].date, note=steps[-1].note + "\n" + line)
        elif line.strip():
            steps.append(FollowUp(date=default_date, note=line.strip()))
    return [FollowUp(date=s.date, note=s.note.strip("\n")) for s in steps]


def format_children(children: list[Any]) -> str:
    """A child list as the exact JSON a hidden round-trip column holds."""
    return json.dumps([codec.encode_child(c) for c in children], ensure_ascii=False, separators=(",", ":"))


def parse_children(cls: type, text: str) -> list[Any] | None:
    """The child list of a hidden column, or None when the cell is not what we wrote
    (edited, cut at Excel's cell limit): the visible column is read instead."""
    try:
        data = json.loads(text)
        if not isinstance(data, list) or not all(isinstance(d, dict) for d in data):
            return None
        decode = codec.child_decoder(cls)
        return [decode(d) for d in data]
    except (ValueError, TypeError, KeyError, ArithmeticError):
        return None


VERSION_SEPARATOR = "|"


def format_version(record: Record) -> str:
    """What the hidden 版本 cell holds: the version the row shows and when the record was made."""
    return f"{record.version_id}{VERSION_SEPARATOR}{record.created_at}"


def parse_version(text: str) -> tuple[str, str]:
    version, _, created = text.strip().partition(VERSION_SEPARATOR)
    return version.strip(), created.strip()


ROUND_TRIP_KINDS = (lc.VERSION, lc.MEMBER_IDS, lc.CHILD_DATA, lc.FOLLOWUP_LOG)


def round_trip_value(kind: str, field: str | None, record: Record) -> str:
    """The text of a column of one of the ``ROUND_TRIP_KINDS`` for ``record``."""
    if kind == lc.VERSION:
        return format_version(record)
    value = getattr(record, field or "")
    if kind == lc.MEMBER_IDS:
        return ",".join(value)
    if kind == lc.CHILD_DATA:
        return format_children(value)
    if kind == lc.FOLLOWUP_LOG:
        return format_followup_log(value)
    raise KeyError(kind)
