"""The year's figures, computed once from the records.

:func:`annual_figures` feeds the 总览 page, the 统计汇总 sheet and the PDF summary; each of them
shows these numbers and computes none of its own.

Counting rules (stated once, here):
- a record counts in the year of its date (提案建议: its 提交日期); tombstones never count;
- members are those on the roster at some time in the year (joined before its end, not left
  before its start);
- 提案建议 still 草拟 are not outputs yet and count nowhere;
- 立案: a 提案 whose status reached 立案 or a later handling step; 办复率 = answered / 立案;
- 采用: an output with a 采用层级 or the status 已采用; 批示: a non-empty 领导批示;
- 办结率 = 已办结 / all receptions of the year; 群众认可率 (满意率) = (满意 + 基本满意) / those that
  gave one;
- 化解矛盾纠纷 counts disputes resolved: receptions marked 矛盾纠纷 that are 已办结;
- 委员参与率 = members who took part in at least one activity / members of the year;
- 成果转化率 = outputs 立案, 采用 or 批示 / outputs submitted;
- 捐赠 and 慰问 are counted apart and together; cash and goods apart and together;
- 经济成效 and 受益群众 add up the activities' outcome fields.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from studio_desk.core import enums
from studio_desk.core.figures_count import Given, period_figures
from studio_desk.core.figures_types import (
    DonationEvent,
    DonationTotals,
    Highlight,
    LeadAuthor,
    MemberPoints,
    Rate,
    YearFigures,
    period_label,
)
from studio_desk.core.points import POINT_WEIGHT_LABELS
from studio_desk.core.store import Store


@dataclass(frozen=True)
class KeyFigure:
    key: str
    label: str
    unit: str  # 人, 次, 人次, 件, 条, 元, or "" for rates
    kind: str  # "count", "money" (fen), "rate"
    current: int | Rate
    previous: int | Rate

    def text(self, value: int | Rate) -> str:
        if isinstance(value, Rate):
            return value.percent_text()
        if self.kind == "money":
            from studio_desk.core.money import format_fen

            return format_fen(value)
        return f"{value:,}"


@dataclass
class AnnualFigures:
    year: int
    current: YearFigures
    previous: YearFigures

    @property
    def is_span(self) -> bool:
        return self.current.first_year != self.year

    def key_figures(self) -> list[tuple[str, list[KeyFigure]]]:
        """The headline figures in sections, each with last year's beside it."""
        c, p = self.current, self.previous
        return [
            ("委员", _named(c, p, (("members_total", "工作室委员", "人"),))),
            ("活动", _activity_figures(c, p)),
            ("接待走访", _named(c, p, _RECEPTION_FIGURES)),
            ("提案建议", _output_figures(c, p)),
            ("捐赠慰问", _donation_figures(c, p)),
        ]

    def key_figure(self, key: str) -> KeyFigure:
        for _, figures in self.key_figures():
            for figure in figures:
                if figure.key == key:
                    return figure
        raise KeyError(key)


# (key, label, unit[, kind]) of the figures kept under their own names in YearFigures.
_ACTIVITY_FIGURES = (
    ("activities_total", "开展活动", "次"),
    ("member_participations", "委员参加活动", "人次"),
    ("public_participants", "群众参与", "人次"),
    ("suggestions_collected", "收集意见建议", "条"),
    ("economic_fen", "经济成效", "元", "money"),
    ("beneficiaries", "受益群众", "人"),
    ("participation_rate", "委员参与率", "", "rate"),
)
_RECEPTION_FIGURES = (
    ("receptions_total", "接待走访", "次"),
    ("reception_people", "接待走访群众", "人次"),
    ("reception_households", "走访户数", "户"),
    ("practical_help", "帮办实事", "件"),
    ("disputes_resolved", "化解矛盾纠纷", "件"),
    ("receptions_closed", "诉求已办结", "件"),
    ("close_rate", "办结率", "", "rate"),
    ("satisfaction_rate", "群众认可率（满意率）", "", "rate"),
)
_OUTPUT_RESULTS = (
    ("proposals_filed", "提案立案", "件"),
    ("adopted_total", "被采用", "件"),
    ("instructions", "获领导批示", "件"),
    ("answer_rate", "提案办复率", "", "rate"),
    ("conversion_rate", "成果转化率", "", "rate"),
)


def _named(c: YearFigures, p: YearFigures, specs: tuple[tuple[str, ...], ...]) -> list[KeyFigure]:
    return [
        KeyFigure(key, label, unit, kind[0] if kind else "count", getattr(c, key), getattr(p, key))
        for key, label, unit, *kind in specs
    ]


def _by_name(c: dict[str, int], p: dict[str, int], names: Iterable[str], prefix: str, unit: str) -> list[KeyFigure]:
    """One figure a name of a breakdown (activity type, kind of output)."""
    return [KeyFigure(f"{prefix}:{n}", n, unit, "count", c.get(n, 0), p.get(n, 0)) for n in names]


def _activity_figures(c: YearFigures, p: YearFigures) -> list[KeyFigure]:
    types = _union_keys(c.activities_by_type, p.activities_by_type)
    return _named(c, p, _ACTIVITY_FIGURES) + _by_name(c.activities_by_type, p.activities_by_type, types, "activity", "次")


def _output_figures(c: YearFigures, p: YearFigures) -> list[KeyFigure]:
    return (
        _named(c, p, (("outputs_total", "提交提案建议", "件"),))
        + _by_name(c.outputs_by_kind, p.outputs_by_kind, enums.PROPOSAL_CATEGORIES, "output", "件")
        + _named(c, p, _OUTPUT_RESULTS)
    )


def _donation_figures(c: YearFigures, p: YearFigures) -> list[KeyFigure]:
    """捐赠 and 慰问 together, then each apart; cash and goods apart and together."""
    return (
        [
            KeyFigure("donation_events", "捐赠慰问活动", "次", "count",
                      c.donations_all.events, p.donations_all.events),
            KeyFigure("donation:捐赠", "其中捐赠", "次", "count",
                      c.donation("捐赠").events, p.donation("捐赠").events),
            KeyFigure("donation:慰问", "其中慰问", "次", "count",
                      c.donation("慰问").events, p.donation("慰问").events),
            KeyFigure("donation_cash", "捐赠慰问现金", "元", "money",
                      c.donations_all.cash_fen, p.donations_all.cash_fen),
            KeyFigure("donation_in_kind", "捐赠慰问物资价值", "元", "money",
                      c.donations_all.in_kind_fen, p.donations_all.in_kind_fen),
            KeyFigure("donation_total", "捐赠慰问合计", "元", "money",
                      c.donations_all.total_fen, p.donations_all.total_fen),
        ]
        + [
            KeyFigure(f"donation_{part}:{cat}", f"{cat}{label}", "元", "money",
                      getattr(c.donation(cat), part), getattr(p.donation(cat), part))
            for cat in enums.DONATION_CATEGORIES
            for part, label in (("cash_fen", "现金"), ("in_kind_fen", "物资价值"))
        ]
        + [
            KeyFigure("donation_people", "受助群众", "人", "count",
                      c.donations_all.people, p.donations_all.people),
        ]
    )


def _union_keys(a: dict[str, int], b: dict[str, int]) -> list[str]:
    keys = [k for k in a if a[k]] + [k for k in b if b[k] and not a.get(k)]
    return keys


def year_figures(store: Store, year: int) -> YearFigures:
    return period_figures(store, year, year)


@dataclass(frozen=True)
class TrendYear:
    """One year's rates for the trend over years (seed: 由2020年20%…增至2024年的92%)."""

    year: int
    participation: Rate
    conversion: Rate
    recognition: Rate
    close: Rate


def rate_trend(store: Store, figures: AnnualFigures, years: int = 5) -> list[TrendYear]:
    """The rates of up to ``years`` years ending with ``figures``' year, oldest first; only
    years that have records count, and the trend starts at the first of them."""
    out: list[TrendYear] = []
    for year in range(figures.year - years + 1, figures.year + 1):
        if year == figures.year:
            fig = figures.current
        elif year == figures.year - 1 and not figures.is_span:
            fig = figures.previous
        else:
            fig = period_figures(store, year, year)
        if not out and not fig.has_records:
            continue
        out.append(TrendYear(year, fig.participation_rate, fig.conversion_rate, fig.satisfaction_rate,
                             fig.close_rate))
    return out


def annual_figures(
    store: Store, year: int, first_year: int | None = None, records: Given | None = None
) -> AnnualFigures:
    """The year's figures with the year before beside them.

    With ``first_year``, the span ``first_year``–``year`` beside the span of the same length
    just before it (e.g. 2023–2025 beside 2020–2022). ``records``: the span's records when the
    caller reads them anyway (see :data:`~studio_desk.core.figures_count.Given`), counted after
    the year before."""
    first = year if first_year is None else first_year
    if first > year:
        raise ValueError("first_year after year")
    length = year - first + 1
    previous = period_figures(store, first - length, year - length)
    return AnnualFigures(year, period_figures(store, first, year, records), previous)


__all__ = [
    "AnnualFigures",
    "DonationTotals",
    "Highlight",
    "KeyFigure",
    "MemberPoints",
    "POINT_WEIGHT_LABELS",
    "Rate",
    "TrendYear",
    "YearFigures",
    "DonationEvent",
    "LeadAuthor",
    "rate_trend",
    "annual_figures",
    "period_figures",
    "period_label",
    "year_figures",
]
