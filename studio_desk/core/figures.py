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
- 办结率 = 已办结 / all receptions of the year; 满意率 = (满意 + 基本满意) / those that gave one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, TypeVar

from studio_desk.core import enums
from studio_desk.core.models import Activity, Donation, Member, Proposal, Reception, Record
from studio_desk.core.points import POINT_WEIGHT_LABELS
from studio_desk.core.store import Store

R = TypeVar("R", bound=Record)


@dataclass(frozen=True)
class Rate:
    numerator: int
    denominator: int

    @property
    def value(self) -> Decimal | None:
        """The ratio as a Decimal in [0, 1] (None when nothing to divide)."""
        if not self.denominator:
            return None
        return Decimal(self.numerator) / Decimal(self.denominator)

    def percent_text(self, digits: int = 1) -> str:
        """``95.2%``; ``—`` when there is nothing to count."""
        value = self.value
        if value is None:
            return "—"
        quantum = Decimal(1).scaleb(-digits)
        pct = (value * 100).quantize(quantum, rounding=ROUND_HALF_UP)
        text = f"{pct:f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        return f"{text}%"


@dataclass(frozen=True)
class DonationTotals:
    events: int = 0
    cash_fen: int = 0
    in_kind_fen: int = 0
    people: int = 0

    @property
    def total_fen(self) -> int:
        return self.cash_fen + self.in_kind_fen


@dataclass(frozen=True)
class MemberPoints:
    member_id: str
    name: str
    role: str
    activities: int
    receptions: int
    proposals: int  # 提案
    social_info: int  # 社情民意信息
    speeches: int  # 会议发言
    other_outputs: int  # 意见建议, 微建议, 调研报告
    donations: int
    points: int
    rank: int


@dataclass(frozen=True)
class Highlight:
    record_id: str
    date: date
    type: str
    topic: str
    note: str


@dataclass
class YearFigures:
    year: int
    # members
    members_total: int = 0
    members_by_role: dict[str, int] = field(default_factory=dict)
    members_by_sector: dict[str, int] = field(default_factory=dict)
    members_by_level: dict[str, int] = field(default_factory=dict)
    # activities
    activities_total: int = 0
    activities_by_type: dict[str, int] = field(default_factory=dict)
    activities_by_month: list[int] = field(default_factory=lambda: [0] * 12)
    activities_by_type_month: dict[str, list[int]] = field(default_factory=dict)
    member_participations: int = 0  # 委员参与人次
    public_participants: int = 0  # 群众参与人次
    suggestions_collected: int = 0  # 收集意见建议（条）
    highlights: list[Highlight] = field(default_factory=list)
    # receptions and visits
    receptions_total: int = 0
    receptions_by_mode: dict[str, int] = field(default_factory=dict)
    receptions_by_category: dict[str, int] = field(default_factory=dict)
    receptions_by_handling: dict[str, int] = field(default_factory=dict)
    reception_people: int = 0
    reception_households: int = 0
    practical_help: int = 0
    disputes: int = 0
    receptions_closed: int = 0
    receptions_open: int = 0
    feedback_given: int = 0
    close_rate: Rate = field(default_factory=lambda: Rate(0, 0))
    satisfaction_rate: Rate = field(default_factory=lambda: Rate(0, 0))
    # outputs (提案建议)
    outputs_total: int = 0
    outputs_by_kind: dict[str, int] = field(default_factory=dict)
    outputs_by_month: list[int] = field(default_factory=lambda: [0] * 12)
    proposals_filed: int = 0
    proposals_answered: int = 0
    answer_rate: Rate = field(default_factory=lambda: Rate(0, 0))
    adopted_total: int = 0
    adopted_by_level: dict[str, int] = field(default_factory=dict)
    instructions: int = 0
    results_by_class: dict[str, int] = field(default_factory=dict)
    # donations and relief visits
    donations_all: DonationTotals = field(default_factory=DonationTotals)
    donations_by_category: dict[str, DonationTotals] = field(default_factory=dict)
    # members' performance
    ranking: list[MemberPoints] = field(default_factory=list)
    # the first year of a span of years (the same as ``year`` for one year)
    first_year: int | None = None

    def __post_init__(self) -> None:
        if self.first_year is None:
            self.first_year = self.year

    @property
    def label(self) -> str:
        """``2025年`` or, for a span, ``2023—2025年``."""
        if self.first_year == self.year:
            return f"{self.year}年"
        return f"{self.first_year}—{self.year}年"

    def donation(self, category: str) -> DonationTotals:
        return self.donations_by_category.get(category, DonationTotals())


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

        def kf(key: str, label: str, unit: str, kind: str = "count") -> KeyFigure:
            return KeyFigure(key, label, unit, kind, _pick(c, key), _pick(p, key))

        sections = [
            ("委员", [kf("members_total", "工作室委员", "人")]),
            (
                "活动",
                [
                    kf("activities_total", "开展活动", "次"),
                    kf("member_participations", "委员参加活动", "人次"),
                    kf("public_participants", "群众参与", "人次"),
                    kf("suggestions_collected", "收集意见建议", "条"),
                ]
                + [
                    KeyFigure(
                        f"activity:{t}",
                        t,
                        "次",
                        "count",
                        c.activities_by_type.get(t, 0),
                        p.activities_by_type.get(t, 0),
                    )
                    for t in _union_keys(c.activities_by_type, p.activities_by_type)
                ],
            ),
            (
                "接待走访",
                [
                    kf("receptions_total", "接待走访", "次"),
                    kf("reception_people", "接待走访群众", "人次"),
                    kf("reception_households", "走访户数", "户"),
                    kf("practical_help", "帮办实事", "件"),
                    kf("disputes", "化解矛盾纠纷", "件"),
                    kf("receptions_closed", "诉求已办结", "件"),
                    kf("close_rate", "办结率", "", "rate"),
                    kf("satisfaction_rate", "满意率", "", "rate"),
                ],
            ),
            (
                "提案建议",
                [kf("outputs_total", "提交提案建议", "件")]
                + [
                    KeyFigure(
                        f"output:{k}",
                        k,
                        "件",
                        "count",
                        c.outputs_by_kind.get(k, 0),
                        p.outputs_by_kind.get(k, 0),
                    )
                    for k in enums.PROPOSAL_CATEGORIES
                ]
                + [
                    kf("proposals_filed", "提案立案", "件"),
                    kf("adopted_total", "被采用", "件"),
                    kf("instructions", "获领导批示", "件"),
                    kf("answer_rate", "提案办复率", "", "rate"),
                ],
            ),
            (
                "捐赠慰问",
                [
                    KeyFigure("donation_events", "捐赠慰问活动", "次", "count",
                              c.donations_all.events, p.donations_all.events),
                    KeyFigure("donation:捐赠", "其中捐赠", "次", "count",
                              c.donation("捐赠").events, p.donation("捐赠").events),
                    KeyFigure("donation:慰问", "其中慰问", "次", "count",
                              c.donation("慰问").events, p.donation("慰问").events),
                    KeyFigure("donation_cash", "捐赠现金", "元", "money",
                              c.donations_all.cash_fen, p.donations_all.cash_fen),
                    KeyFigure("donation_in_kind", "捐赠物资价值", "元", "money",
                              c.donations_all.in_kind_fen, p.donations_all.in_kind_fen),
                    KeyFigure("donation_total", "捐赠慰问合计", "元", "money",
                              c.donations_all.total_fen, p.donations_all.total_fen),
                    KeyFigure("donation_people", "受助群众", "人",  "count",
                              c.donations_all.people, p.donations_all.people),
                ],
            ),
        ]
        return sections

    def key_figure(self, key: str) -> KeyFigure:
        for _, figures in self.key_figures():
            for figure in figures:
                if figure.key == key:
                    return figure
        raise KeyError(key)


def _pick(figures: YearFigures, key: str) -> Any:
    return getattr(figures, key)


def _union_keys(a: dict[str, int], b: dict[str, int]) -> list[str]:
    keys = [k for k in a if a[k]] + [k for k in b if b[k] and not a.get(k)]
    return keys


def _ordered(counter: Counter[str], order: tuple[str, ...] | list[str]) -> dict[str, int]:
    """Counts in the given order first, then any other values by count; zeros left out."""
    out = {k: counter[k] for k in order if counter.get(k)}
    for k, v in counter.most_common():
        if k not in out and v:
            out[k] = v
    return out


# The fields the figures read: the long texts (content, notes, search text) are left on disk.
_NEEDED: dict[type, tuple[str, ...]] = {
    Activity: ("date", "type", "topic", "member_ids", "public_count", "suggestion_count",
               "is_highlight", "highlight_note"),
    Reception: ("date", "mode", "request_category", "handling", "people_count", "household_count",
                "practical_help", "dispute", "feedback_given", "status", "satisfaction", "member_ids"),
    Proposal: ("category", "status", "submitted_on", "adoption_level", "instruction", "result_class",
               "answered_on", "authors"),
    Donation: ("date", "category", "cash_fen", "items", "recipient_count", "member_ids"),
}


def _each(store: Store, cls: type[R], span: tuple[date, date], chunk: int = 1000) -> Iterator[R]:
    """The year's records a chunk at a time, so that a 100,000-record year never sits in memory.

    Only the fields the figures need are read (partial records, never saved)."""
    ids = store.query_ids(cls, date_range=span)
    for start in range(0, len(ids), chunk):
        yield from store.get_many(cls, ids[start : start + chunk], only=_NEEDED[cls])


def year_figures(store: Store, year: int) -> YearFigures:
    return period_figures(store, year, year)


def period_figures(store: Store, first_year: int, last_year: int) -> YearFigures:
    """The figures of the years ``first_year`` to ``last_year`` together (one year when equal).

    Counts add up over the span; members are those on the roster at some time in it; rates and
    the ranking are taken over the whole span."""
    span = (date(first_year, 1, 1), date(last_year, 12, 31))
    fig = YearFigures(last_year, first_year=first_year)
    weights = store.point_weights()

    members = store.list(Member, date_range=span)
    fig.members_total = len(members)
    fig.members_by_role = _ordered(Counter(m.role for m in members), enums.MEMBER_ROLES)
    fig.members_by_sector = _ordered(Counter(m.sector or "未填界别" for m in members), [])
    fig.members_by_level = _ordered(Counter(m.level or "未填层级" for m in members), enums.CPPCC_LEVELS)
    member_ids = {m.id for m in members}
    tally: dict[str, Counter[str]] = {m.id: Counter() for m in members}

    def bump(member_id: str | None, key: str, n: int = 1) -> None:
        if member_id in member_ids and member_id is not None:
            tally[member_id][key] += n

    # activities
    type_order = store.type_values("activity_type")
    by_type: Counter[str] = Counter()
    type_month: dict[str, list[int]] = {}
    for a in _each(store, Activity, span):
        assert a.date is not None
        fig.activities_total += 1
        by_type[a.type] += 1
        month = a.date.month - 1
        fig.activities_by_month[month] += 1
        type_month.setdefault(a.type, [0] * 12)[month] += 1
        fig.member_participations += len(a.member_ids)
        fig.public_participants += a.public_count
        fig.suggestions_collected += a.suggestion_count
        for member_id in a.member_ids:
            bump(member_id, "activities")
        if a.is_highlight:
            fig.highlights.append(Highlight(a.id, a.date, a.type, a.topic, a.highlight_note))
    fig.activities_by_type = _ordered(by_type, type_order)
    fig.activities_by_type_month = {t: type_month[t] for t in fig.activities_by_type}
    fig.highlights.sort(key=lambda h: (h.date, h.topic))

    # receptions and visits
    modes: Counter[str] = Counter()
    categories: Counter[str] = Counter()
    handlings: Counter[str] = Counter()
    answered_satisfaction = 0
    satisfied = 0
    for r in _each(store, Reception, span):
        fig.receptions_total += 1
        modes[r.mode] += 1
        categories[r.request_category or "其他"] += 1
        if r.handling:
            handlings[r.handling] += 1
        fig.reception_people += r.people_count
        fig.reception_households += r.household_count
        fig.practical_help += int(r.practical_help)
        fig.disputes += int(r.dispute)
        fig.feedback_given += int(r.feedback_given)
        if r.status == "已办结":
            fig.receptions_closed += 1
        elif r.status in enums.RECEPTION_OPEN_STATUSES:
            fig.receptions_open += 1
        if r.satisfaction:
            answered_satisfaction += 1
            satisfied += r.satisfaction in enums.SATISFIED
        for member_id in r.member_ids:
            bump(member_id, "receptions")
    fig.receptions_by_mode = _ordered(modes, enums.RECEPTION_MODES)
    fig.receptions_by_category = _ordered(categories, store.type_values("request_category"))
    fig.receptions_by_handling = _ordered(handlings, enums.HANDLING_METHODS)
    fig.close_rate = Rate(fig.receptions_closed, fig.receptions_total)
    fig.satisfaction_rate = Rate(satisfied, answered_satisfaction)

    # outputs
    kinds: Counter[str] = Counter()
    adopted_levels: Counter[str] = Counter()
    results: Counter[str] = Counter()
    kind_key = {"提案": "proposals", "社情民意信息": "social_info", "会议发言": "speeches"}
    for p in _each(store, Proposal, span):
        if p.status == "草拟":
            continue
        fig.outputs_total += 1
        kinds[p.category] += 1
        if p.submitted_on:
            fig.outputs_by_month[p.submitted_on.month - 1] += 1
        filed = p.category == "提案" and p.status in enums.PROPOSAL_FILED_STATUSES
        adopted = bool(p.adoption_level) or p.status == "已采用"
        if filed:
            fig.proposals_filed += 1
            if p.status in enums.PROPOSAL_ANSWERED_STATUSES or p.answered_on:
                fig.proposals_answered += 1
        if adopted:
            fig.adopted_total += 1
            adopted_levels[p.adoption_level or "未注明层级"] += 1
        if p.instruction.strip():
            fig.instructions += 1
        if p.result_class:
            results[p.result_class] += 1
        key = kind_key.get(p.category, "other_outputs")
        for position, author in enumerate(p.authors):
            bump(author.member_id, key)
            if p.category == "提案":
                bump(author.member_id, "pts", weights["proposal_first" if position == 0 else "proposal_other"])
            elif p.category == "社情民意信息":
                bump(author.member_id, "pts", weights["social_info"])
            elif p.category == "会议发言":
                bump(author.member_id, "pts", weights["speech"])
            else:
                bump(author.member_id, "pts", weights["other_output"])
            if filed or adopted:
                bump(author.member_id, "pts", weights["adopted"])
            if p.instruction.strip():
                bump(author.member_id, "pts", weights["instruction"])
    fig.outputs_by_kind = _ordered(kinds, enums.PROPOSAL_CATEGORIES)
    fig.answer_rate = Rate(fig.proposals_answered, fig.proposals_filed)
    fig.adopted_by_level = _ordered(adopted_levels, enums.ADOPTION_LEVELS)
    fig.results_by_class = _ordered(results, enums.RESULT_CLASSES)

    # donations and relief visits
    donations = list(_each(store, Donation, span))
    per_cat: dict[str, list[Donation]] = {c: [] for c in enums.DONATION_CATEGORIES}
    for d in donations:
        per_cat.setdefault(d.category, []).append(d)
        for member_id in d.member_ids:
            bump(member_id, "donations")
    fig.donations_all = _donation_totals(donations)
    fig.donations_by_category = {c: _donation_totals(ds) for c, ds in per_cat.items()}

    # ranking
    rows = []
    for m in members:
        t = tally[m.id]
        points = (
            t["activities"] * weights["activity"]
            + t["receptions"] * weights["reception"]
            + t["donations"] * weights["donation"]
            + t["pts"]
        )
        rows.append((m, t, points))
    rows.sort(key=lambda r: (-r[2], r[0].name))
    rank = 0
    last_points = None
    for index, (m, t, points) in enumerate(rows, start=1):
        if points != last_points:
            rank = index
            last_points = points
        fig.ranking.append(
            MemberPoints(
                m.id,
                m.name,
                m.role,
                t["activities"],
                t["receptions"],
                t["proposals"],
                t["social_info"],
                t["speeches"],
                t["other_outputs"],
                t["donations"],
                points,
                rank,
            )
        )
    return fig


def _donation_totals(donations: list[Donation]) -> DonationTotals:
    return DonationTotals(
        events=len(donations),
        cash_fen=sum(d.cash_fen for d in donations),
        in_kind_fen=sum(d.in_kind_fen for d in donations),
        people=sum(d.recipient_count for d in donations),
    )


def annual_figures(store: Store, year: int, first_year: int | None = None) -> AnnualFigures:
    """The year's figures with the year before beside them.

    With ``first_year``, the span ``first_year``–``year`` beside the span of the same length
    just before it (e.g. 2023–2025 beside 2020–2022)."""
    first = year if first_year is None else first_year
    if first > year:
        raise ValueError("first_year after year")
    length = year - first + 1
    return AnnualFigures(
        year,
        period_figures(store, first, year),
        period_figures(store, first - length, year - length),
    )


__all__ = [
    "AnnualFigures",
    "DonationTotals",
    "Highlight",
    "KeyFigure",
    "MemberPoints",
    "POINT_WEIGHT_LABELS",
    "Rate",
    "YearFigures",
    "annual_figures",
    "period_figures",
    "year_figures",
]
