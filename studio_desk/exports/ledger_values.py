"""Reading one ledger cell into a record value, in every form a clerk's ledgers use.

Each parser returns the value or raises :class:`CellError` whose text is a Chinese sentence
naming the problem (the caller adds sheet, row and column).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from studio_desk.core import enums
from studio_desk.core.money import MoneyError, parse_yuan


class CellError(ValueError):
    pass


_FULL_WIDTH = str.maketrans("０１２３４５６７８９．－／", "0123456789.-/")
# What may follow a date in a ledger's date cell: the time of day (``上午``, ``14:30``).
_TIME_OF_DAY = r"(?:\s*(?:上午|下午|中午|晚上|早上|全天))?(?:(?:\s+|T|\s*(?<=[午上天]))\d{1,2}[:：]\d{2}(?:[:：]\d{2}(?:\.\d+)?)?)?"
_DATE_PATTERNS = (
    re.compile(r"^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})" + _TIME_OF_DAY + "$"),
    re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?" + _TIME_OF_DAY + "$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)
# A month and day without the year (``6月18日``, ``6.18``): read only in a sheet that names its year.
_MONTH_DAY = (
    re.compile(r"^(\d{1,2})\s*[-/.]\s*(\d{1,2})" + _TIME_OF_DAY + "$"),
    re.compile(r"^(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?" + _TIME_OF_DAY + "$"),
)
_EXCEL_EPOCH = date(1899, 12, 30)


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def parse_date_text(text: str) -> date | None:
    text = text.strip().translate(_FULL_WIDTH)
    for pattern in _DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            try:
                return date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                return None
    return None


def parse_month_day(value: Any, year: int) -> date:
    """``6月18日`` or ``6.18`` (a text cell) in ``year``; :class:`CellError` when it is no such date."""
    text = value.strip().translate(_FULL_WIDTH) if isinstance(value, str) else ""
    for pattern in _MONTH_DAY:
        match = pattern.match(text)
        if match:
            try:
                return date(year, int(match[1]), int(match[2]))
            except ValueError:
                break
    raise CellError(f"“{str(value).strip()[:30]}”不是有效的日期（应如 {year}-06-15、{year}年6月15日）")


def parse_date(value: Any) -> date | None:
    """``2023-06-15``, ``2023/6/15``, ``2023年6月15日``, ``2023.6.15``, date cells, Excel serials."""
    if is_blank(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise CellError("不是有效的日期")
    if isinstance(value, (int, float)):
        whole = float(value).is_integer()
        # A date cell without a date format shows its serial number (days since 1899-12-30).
        if 1 <= value < 2_958_466 and whole:
            return _EXCEL_EPOCH + timedelta(days=int(value))
        # 20230620 typed as a number: the date written without separators, as a text cell holds it
        found = parse_date_text(str(int(value))) if whole and 10_000_000 <= value < 100_000_000 else None
        if found is None:
            shown = int(value) if whole and abs(value) < 10**15 else value
            raise CellError(f"“{shown}”不是有效的日期（应如 2023-06-15、2023年6月15日）")
        return found
    if isinstance(value, timedelta):
        raise CellError("是时间而不是日期")
    found = parse_date_text(str(value))
    if found is None:
        text = str(value).strip()[:30]
        if any(p.match(text.translate(_FULL_WIDTH)) for p in _MONTH_DAY):
            raise CellError(f"“{text}”没有写年份（应如 2023-06-15；工作表名称或标题写明年份时，可只写月和日）")
        raise CellError(f"“{text}”不是有效的日期（应如 2023-06-15、2023年6月15日）")
    return found


_INT_TEXT = re.compile(r"^(-?\d+)(?:\.0+)?\s*(人次|人|次|户|条|件|个|名|位)?$")
# Thousands separators only in thousands places: "1,234" and "12,345,678", never "1,2,3".
_NUMBER_WITH_COMMAS = re.compile(r"\d[\d,，]*[,，]\d[\d,，]*")
_GROUPED = re.compile(r"\d{1,3}(?:[,，]\d{3})+")
MAX_COUNT = 10**12  # far above any real count; the record rules name the real limits


def _ungroup(text: str) -> str:
    """``1,234`` → ``1234``; a comma anywhere else is an error (``1,2,3`` is not 123)."""
    def plain(match: re.Match[str]) -> str:
        if _GROUPED.fullmatch(match[0]) is None:
            raise CellError(f"“{text[:30]}”中的逗号不在千位上，无法确定是什么数")
        return match[0].replace(",", "").replace("，", "")

    return _NUMBER_WITH_COMMAS.sub(plain, text)


def parse_int(value: Any) -> int:
    if is_blank(value):
        return 0
    if isinstance(value, bool):
        raise CellError("应为整数")
    if isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if not math.isfinite(value) or not value.is_integer():
            raise CellError(f"“{value:g}”不是整数")
        if abs(value) >= MAX_COUNT:
            raise CellError(f"“{value:g}”数值过大，请核对")
        number = int(value)
    else:
        text = _ungroup(str(value).strip().translate(_FULL_WIDTH))
        match = _INT_TEXT.match(text)
        if match is None or len(match[1]) > 15:
            raise CellError(f"“{text[:30]}”不是整数" if match is None else f"“{text[:30]}”数值过大，请核对")
        number = int(match[1])
    if abs(number) >= MAX_COUNT:
        raise CellError(f"“{number}”数值过大，请核对")
    return number


def parse_money(value: Any) -> int:
    """Fen from ``¥28,000.00``, ``28000元``, ``2.8万元`` or a number cell."""
    if is_blank(value):
        return 0
    if isinstance(value, bool):
        raise CellError("不是有效的金额")
    if isinstance(value, float) and (not math.isfinite(value) or abs(value) >= MAX_YUAN):
        raise CellError(f"“{value:g}”不是合理的金额，请核对")
    if isinstance(value, str):
        text = value.strip().translate(_FULL_WIDTH)
        digits = sum(ch.isdigit() for ch in text)
        if digits > 18 or re.search(r"[eE][+-]?\d", text):
            raise CellError(f"“{text[:30]}”不是合理的金额，请核对")
        value = _ungroup(text)
    try:
        return parse_yuan(value)
    except MoneyError as exc:
        raise CellError(str(exc)) from exc
    except ArithmeticError as exc:  # decimal.InvalidOperation and the like: far too large
        raise CellError(f"“{str(value)[:30]}”不是合理的金额，请核对") from exc


MAX_YUAN = 10**15


_YES = {"是", "√", "✓", "✔", "y", "yes", "1", "true", "有", "对", "○"}
_NO = {"否", "×", "✗", "n", "no", "0", "false", "无", "不是", "-", "—"}


def parse_bool(value: Any) -> bool:
    if is_blank(value):
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    text = str(value).strip().lower()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise CellError(f"“{text[:20]}”应为是或否（也可填 √、Y/N、1/0 或留空）")


def parse_text(value: Any) -> str:
    if type(value) is str:  # most cells: the same as the last line below, without the checks
        return value.strip() if "\r" not in value else value.replace("\r\n", "\n").replace("\r", "\n").strip()
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    # Line breaks typed in Excel arrive as \r\n or \n; keep them as \n.
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def exact_text(value: Any) -> str:
    """A text as the cell holds it: our own workbook's texts come back exactly (leading spaces
    and line breaks kept)."""
    if isinstance(value, str):
        return value
    return parse_text(value)


_NAME_SPLIT = re.compile(r"[、，,;；/\s]+")


def split_names(value: Any) -> list[str]:
    """Member names separated by ``、``, ``，``, ``,``, ``;`` or spaces (order kept, no repeats)."""
    names: list[str] = []
    for name in _NAME_SPLIT.split(parse_text(value)):
        name = name.strip()
        if name and name not in names:
            names.append(name)
    return names


# Obvious variants of the fixed values (SPEC section 2).
CHOICE_VARIANTS: dict[str, dict[str, str]] = {
    "mode": {
        "接待日": "接待日来访",
        "来访": "接待日来访",
        "接待": "接待日来访",
        "入户": "入户走访",
        "走访": "入户走访",
        "企业": "企业走访",
        "电话": "电话/线上",
        "线上": "电话/线上",
        "网上": "电话/线上",
        "电话或线上": "电话/线上",
    },
    "status": {
        "办结": "已办结",
        "已办": "已办结",
        "已完成": "已办结",
        "完成": "已办结",
        "待处理": "待办",
        "未办": "待办",
        "正在办理": "办理中",
        "处理中": "办理中",
    },
    "handling": {"转交": "转交部门", "转办": "转交部门", "调解": "矛盾调解", "化解矛盾纠纷": "矛盾调解"},
    "level": {"全国政协": "全国", "省政协": "省", "市政协": "市", "县政协": "县", "区": "县", "区政协": "县"},
    "adoption_level": {"县级": "县", "市级": "市", "省级": "省", "国家": "全国", "全国级": "全国"},
    "gender": {"M": "男", "F": "女"},
    "category": {"社情民意": "社情民意信息"},
    "result_class": {"a": "A", "b": "B", "c": "C", "d": "D", "A类": "A", "B类": "B", "C类": "C", "D类": "D"},
    "party": enums.PARTY_VARIANTS,
    "sector": enums.SECTOR_VARIANTS,
}


def normalise_choice(field: str, text: str, allowed: Sequence[str] | None = None) -> str:
    """A fixed value from an obvious variant; a value that is already allowed stays as it is."""
    text = re.sub(r"\s+", "", text)
    if allowed is not None and text in allowed:
        return text
    return CHOICE_VARIANTS.get(field, {}).get(text, text)
