from __future__ import annotations

from decimal import Decimal

import pytest

from studio_desk.core.money import MoneyError, format_fen, format_yuan_prose, parse_yuan


@pytest.mark.parametrize(
    "raw, fen",
    [
        ("28000", 2800000),
        ("¥28,000.00", 2800000),
        ("￥1,234.5元", 123450),
        ("2.8万元", 2800000),
        ("10.5094万", 10509400),
        ("１２３", 12300),
        (0.1, 10),
        (Decimal("0.305"), 31),
        (105094, 10509400),
        (" 3 000 元 ", 300000),
    ],
)
def test_parse_yuan(raw, fen):
    assert parse_yuan(raw) == fen


@pytest.mark.parametrize("raw", ["", "abc", "12元5角", None, True, "nan", "inf"])
def test_parse_yuan_refuses(raw):
    with pytest.raises(MoneyError):
        parse_yuan(raw)


def test_formats():
    assert format_fen(2800000) == "28,000.00"
    assert format_fen(5) == "0.05"
    assert format_fen(-123456) == "-1,234.56"
    assert format_yuan_prose(10509400) == "105,094元（约10.51万元）"
    assert format_yuan_prose(880000) == "8,800元"
    assert format_yuan_prose(123450) == "1,234.50元"


def test_sums_are_exact():
    assert sum(parse_yuan("0.1") for _ in range(10)) == parse_yuan("1")
