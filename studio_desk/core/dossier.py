"""A member's 履职档案 for a year or a term: every activity, reception, output and donation they
took part in, with their points and rank from the yearly figures (:mod:`figures`, computed once)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from studio_desk.core import enums
from studio_desk.core.errors import StudioDeskError
from studio_desk.core.figures import MemberPoints, period_figures
from studio_desk.core.models import Activity, Donation, Member, Proposal, Reception

if TYPE_CHECKING:
    from studio_desk.core.store import Store


def output_marks(p: Proposal) -> list[str]:
    """立案 / 采用（层级）/ 批示 — the same tests the yearly figures count by."""
    marks = []
    if p.category == "提案" and p.status in enums.PROPOSAL_FILED_STATUSES:
        marks.append("立案")
    if p.adoption_level or p.status == "已采用":
        marks.append(f"{p.adoption_level}级采用" if p.adoption_level else "采用")
    if p.instruction.strip():
        marks.append("批示")
    return marks


@dataclass
class OutputEntry:
    proposal: Proposal
    first_signer: bool
    marks: list[str]


@dataclass
class MemberDossier:
    member: Member
    first_year: int
    last_year: int
    activities: list[Activity] = field(default_factory=list)
    receptions: list[Reception] = field(default_factory=list)
    outputs: list[OutputEntry] = field(default_factory=list)
    donations: list[Donation] = field(default_factory=list)
    points: MemberPoints | None = None
    ranked: int = 0  # how many members the rank is among

    @property
    def span_text(self) -> str:
        if self.first_year == self.last_year:
            return f"{self.first_year}年度"
        return f"{self.first_year}—{self.last_year}年"


def member_dossiers(
    store: Store, first_year: int, last_year: int, member_ids: list[str] | None = None
) -> list[MemberDossier]:
    """The dossiers of the members on the roster in the span (or of ``member_ids``), roster order."""
    if first_year > last_year:
        raise StudioDeskError("起始年份不能晚于结束年份。")
    span = (date(first_year, 1, 1), date(last_year, 12, 31))
    roster = store.list_records(Member, date_range=span)
    if member_ids is not None:
        wanted = set(member_ids)
        roster = [m for m in roster if m.id in wanted]
        if not roster:
            raise StudioDeskError(f"{first_year}—{last_year}年的委员名册中没有这位委员。")
    figures = period_figures(store, first_year, last_year)
    by_member = {p.member_id: p for p in figures.ranking}
    out = {m.id: MemberDossier(m, first_year, last_year, points=by_member.get(m.id), ranked=len(figures.ranking))
           for m in roster}

    def each(cls):  # type: ignore[no-untyped-def]
        return sorted(store.list_records(cls, date_range=span), key=lambda r: str(getattr(r, "date", None) or ""))

    for a in each(Activity):
        for mid in a.member_ids:
            if mid in out:
                out[mid].activities.append(a)
    for r in each(Reception):
        for mid in r.member_ids:
            if mid in out:
                out[mid].receptions.append(r)
    for d in each(Donation):
        for mid in d.member_ids:
            if mid in out:
                out[mid].donations.append(d)
    outputs: dict[str, list[OutputEntry]] = defaultdict(list)
    proposals = sorted(store.list_records(Proposal, date_range=span), key=lambda p: str(p.submitted_on or p.created_at))
    for p in proposals:
        if not p.is_output:
            continue
        for position, author in enumerate(p.authors):
            if author.member_id in out:
                outputs[author.member_id].append(OutputEntry(p, position == 0, output_marks(p)))
    for mid, entries in outputs.items():
        out[mid].outputs = entries
    return list(out.values())
