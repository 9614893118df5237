"""Exact money: integer fen in storage, Decimal at the edges, never float."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

FEN_PER_YUAN = 100
# Amounts above this are refused as absurd for a studio (one hundred million yuan).
MAX_FEN = 100_000_000 * FEN_PER_YUAN


class MoneyError(ValueError):
    pass


_WAN = re.compile(r"万元?$")


# What a Chinese input method types in full width for a number: its digits, point and comma.
FULL_WIDTH_NUMBERS = str.maketrans("０１２３４５６７８９．，", "0123456789.,")

def parse_yuan(value: object) -> int:
    """Parse an amount in yuan into fen.

    Accepts ints, Decimals, strings like ``¥28,000.00``, ``28000元``, ``2.8万元``, ``１２３``.
    Floats are accepted only at the import edge and are converted through ``repr`` so that
    ``0.1`` stays ``0.1``.
    """
    if value is None:
        raise MoneyError("金额为空")
    if isinstance(value, bool):
        raise MoneyError("金额不是数字")
    if isinstance(value, int):
        dec = Decimal(value)
    elif isinstance(value, Decimal):
        dec = value
    elif isinstance(value, float):
        dec = Decimal(repr(value))
    else:
        text = str(value).strip()
        text = text.translate(FULL_WIDTH_NUMBERS)
        text = text.replace("¥", "").replace("￥", "").replace("RMB", "").replace(",", "")
        text = text.replace(" ", "")
        factor = Decimal(1)
        if _WAN.search(text):
            text = _WAN.sub("", text)
            factor = Decimal(10000)
        elif text.endswith("元"):
            text = text[:-1]
        if not text:
            raise MoneyError("金额为空")
        try:
            dec = Decimal(text) * factor
        except InvalidOperation as exc:
            raise MoneyError(f"“{value}”不是有效的金额") from exc
    if not dec.is_finite():
        raise MoneyError(f"“{value}”不是有效的金额")
    fen = (dec * FEN_PER_YUAN).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return int(fen)


def fen_to_decimal(fen: int) -> Decimal:
    return (Decimal(fen) / FEN_PER_YUAN).quantize(Decimal("0.01"))


def format_fen(fen: int) -> str:
    """``2800000`` → ``28,000.00``."""
    sign = "-" if fen < 0 else ""
    fen = abs(fen)
    return f"{sign}{fen // 100:,}.{fen % 100:02d}"


def format_yuan_prose(fen: int) -> str:
    """Exact yuan for prose: ``28,000元``, ``1,234.50元``; a 万元 figure is added from 10,000 up."""
    if fen % 100 == 0:
        text = f"{fen // 100:,}元"
    else:
        text = f"{format_fen(fen)}元"
    if abs(fen) >= 10000 * 100:
        wan = (Decimal(fen) / (10000 * 100)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        text += f"（约{wan.normalize():f}万元）"
    return text
