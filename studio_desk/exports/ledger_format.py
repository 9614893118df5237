"""Texts that stand for several values in one ledger cell, written and read back the same way.

- 物资明细: ``大米×50袋（2,500.00元）；食用油×20桶（1,600.00元）``
- 最新跟踪: ``2024-05-10 已转县住建局办理``
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from studio_desk.core.models import DonationItem, FollowUp
from studio_desk.core.money import MoneyError, format_fen, parse_yuan

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
