"""The rows of 统计汇总: every figure the annual summary states, with last year's beside it.

The list is the core's (``AnnualFigures.key_figures``, the headline figures in sections) with the
breakdowns the summary also states put under their totals (接待走访 by 方式, 诉求类别 and 处理方式;
采用 by 层级; 办理结果 by 类; the members by 职务, 界别 and 层级). Nothing is counted here: every
number comes from the same ``AnnualFigures`` the PDF is written from.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from studio_desk.core import enums
from studio_desk.core.figures import AnnualFigures, KeyFigure, Rate
from studio_desk.core.money import fen_to_decimal

RATE_FORMAT = "0.0%"
_LEVEL_WORDS = {"县": "县级", "市": "市级", "省": "省级", "全国": "全国"}
BREAKDOWN_INDENT = "　"  # a breakdown stands indented under its total: "　方式：电话/线上"


@dataclass(frozen=True)
class SummaryRow:
    section: str
    label: str
    unit: str
    kind: str  # "count", "money", "rate"
    current: Any  # int, Decimal (yuan), float (a rate's fraction) or None (a rate with nothing to count)
    previous: Any


def _cell(kind: str, value: int | Rate) -> Any:
    if isinstance(value, Rate):  # a fraction; the sheet formats it as a percentage
        return None if value.value is None else float(value.value)
    if kind == "money":
        return fen_to_decimal(value)
    return value


def _from_key(section: str, figure: KeyFigure) -> SummaryRow:
    return SummaryRow(
        section, figure.label, figure.unit, figure.kind, _cell(figure.kind, figure.current),
        _cell(figure.kind, figure.previous),
    )


def _ordered_keys(current: dict[str, int], previous: dict[str, int], order: Iterable[str] = ()) -> list[str]:
    known = [k for k in order if current.get(k) or previous.get(k)]
    rest = [k for k in list(current) + list(previous) if k not in known and (current.get(k) or previous.get(k))]
    return known + list(dict.fromkeys(rest))


def _breakdown(
    section: str, what: str, unit: str, current: dict[str, int], previous: dict[str, int],
    order: Iterable[str] = (), words: dict[str, str] | None = None,
) -> list[SummaryRow]:
    rows = []
    for key in _ordered_keys(current, previous, order):
        label = (words or {}).get(key, key)
        rows.append(SummaryRow(section, f"{BREAKDOWN_INDENT}{what}：{label}", unit, "count",
                               current.get(key, 0), previous.get(key, 0)))
    return rows


def _extra(figures: AnnualFigures, section: str) -> list[SummaryRow]:
    """The breakdowns the summary states, under their section's figures."""
    c, p = figures.current, figures.previous
    if section == "委员":
        return (
            _breakdown(section, "职务", "人", c.members_by_role, p.members_by_role, enums.MEMBER_ROLES)
            + _breakdown(section, "界别", "人", c.members_by_sector, p.members_by_sector)
            + _breakdown(section, "党派", "人", c.members_by_party, p.members_by_party, enums.PARTIES)
            + _breakdown(section, "政协层级", "人", c.members_by_level, p.members_by_level, enums.CPPCC_LEVELS,
                         _LEVEL_WORDS)
        )
    if section == "接待走访":
        return (
            _breakdown(section, "方式", "次", c.receptions_by_mode, p.receptions_by_mode, enums.RECEPTION_MODES)
            + _breakdown(section, "诉求类别", "件", c.receptions_by_category, p.receptions_by_category)
            + _breakdown(section, "处理方式", "件", c.receptions_by_handling, p.receptions_by_handling,
                         enums.HANDLING_METHODS)
            + [
                SummaryRow(section, "诉求办理中", "件", "count", c.receptions_open, p.receptions_open),
                SummaryRow(section, "已向群众反馈", "件", "count", c.feedback_given, p.feedback_given),
            ]
        )
    if section == "提案建议":
        return (
            [SummaryRow(section, "提案办复", "件", "count", c.proposals_answered, p.proposals_answered)]
            + _breakdown(section, "采用层级", "件", c.adopted_by_level, p.adopted_by_level, enums.ADOPTION_LEVELS,
                         _LEVEL_WORDS)
            + _breakdown(section, "办理结果", "件", c.results_by_class, p.results_by_class, enums.RESULT_CLASSES,
                         {k: f"{k}类" for k in enums.RESULT_CLASSES})
        )
    return []


def summary_rows(figures: AnnualFigures) -> list[SummaryRow]:
    rows: list[SummaryRow] = []
    for section, items in figures.key_figures():
        rows += [_from_key(section, figure) for figure in items]
        rows += _extra(figures, section)
    return rows


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)
