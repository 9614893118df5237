"""The value types of the yearly figures (computed in :mod:`figures_count`, used everywhere)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal


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
    public_count: int = 0
    economic_fen: int = 0
    beneficiaries: int = 0


@dataclass(frozen=True)
class DonationEvent:
    """One 捐赠 or 慰问, for the sentence the summary writes about it."""

    record_id: str
    date: date
    category: str
    donor: str
    recipients: str
    people: int
    cash_fen: int
    in_kind_fen: int
    items: list[str] = field(default_factory=list)  # ``大米30袋``, as the sentence names them

    @property
    def total_fen(self) -> int:
        return self.cash_fen + self.in_kind_fen


@dataclass
class LeadAuthor:
    """The outputs a member (or another first signer) led, by kind, with their titles."""

    name: str
    by_kind: dict[str, int] = field(default_factory=dict)
    titles: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.by_kind.values())


def period_label(first_year: int, last_year: int) -> str:
    """``2025年`` or, for a span, ``2023—2025年``."""
    if first_year == last_year:
        return f"{last_year}年"
    return f"{first_year}—{last_year}年"


@dataclass
class YearFigures:
    # The last year of the period (the year itself for one year; 2025 for 2023—2025). Not 上年:
    # the year before stands beside these figures as ``AnnualFigures.previous``.
    last_year: int
    # members
    members_total: int = 0
    members_by_role: dict[str, int] = field(default_factory=dict)
    members_by_sector: dict[str, int] = field(default_factory=dict)
    members_by_party: dict[str, int] = field(default_factory=dict)
    members_by_level: dict[str, int] = field(default_factory=dict)
    # activities
    activities_total: int = 0
    activities_by_type: dict[str, int] = field(default_factory=dict)
    activities_by_month: list[int] = field(default_factory=lambda: [0] * 12)
    activities_by_type_month: dict[str, list[int]] = field(default_factory=dict)
    member_participations: int = 0  # 委员参与人次
    public_participants: int = 0  # 群众参与人次
    suggestions_collected: int = 0  # 收集意见建议（条）
    economic_fen: int = 0  # 经济成效: signed, sold, financed or invested through activities
    economic_by_type: dict[str, int] = field(default_factory=dict)
    economic_events: list[Highlight] = field(default_factory=list)  # activities with 经济成效, largest first
    beneficiaries: int = 0  # 受益群众: people trained, helped or reached by activities
    members_active: int = 0  # members who took part in at least one activity
    participation_rate: Rate = field(default_factory=lambda: Rate(0, 0))  # 委员参与率
    highlights: list[Highlight] = field(default_factory=list)
    topics_by_type: dict[str, list[str]] = field(default_factory=dict)  # the first few of each type
    # receptions and visits
    receptions_total: int = 0
    receptions_by_mode: dict[str, int] = field(default_factory=dict)
    receptions_by_category: dict[str, int] = field(default_factory=dict)
    receptions_by_handling: dict[str, int] = field(default_factory=dict)
    reception_people: int = 0
    reception_households: int = 0
    practical_help: int = 0
    disputes_received: int = 0  # receptions marked 矛盾纠纷
    disputes_resolved: int = 0  # of those, 已办结 (化解矛盾纠纷)
    receptions_closed: int = 0
    receptions_open: int = 0
    feedback_given: int = 0
    close_rate: Rate = field(default_factory=lambda: Rate(0, 0))
    satisfaction_rate: Rate = field(default_factory=lambda: Rate(0, 0))  # 群众认可率 (满意率)
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
    outputs_converted: int = 0  # 立案, 采用 or 批示
    conversion_rate: Rate = field(default_factory=lambda: Rate(0, 0))  # 成果转化率
    lead_authors: list[LeadAuthor] = field(default_factory=list)
    results_by_class: dict[str, int] = field(default_factory=dict)
    # donations and relief visits
    donations_all: DonationTotals = field(default_factory=DonationTotals)
    donations_by_category: dict[str, DonationTotals] = field(default_factory=dict)
    donation_events: list[DonationEvent] = field(default_factory=list)
    # members' performance
    ranking: list[MemberPoints] = field(default_factory=list)
    # the first year of a span of years (the same as ``last_year`` for one year)
    first_year: int | None = None

    def __post_init__(self) -> None:
        if self.first_year is None:
            self.first_year = self.last_year

    @property
    def label(self) -> str:
        return period_label(self.first_year or self.last_year, self.last_year)

    @property
    def has_records(self) -> bool:
        """Anything done in the period (members alone are no work)."""
        return bool(self.activities_total or self.receptions_total or self.outputs_total
                    or self.donations_all.events)

    def donation(self, category: str) -> DonationTotals:
        return self.donations_by_category.get(category, DonationTotals())
