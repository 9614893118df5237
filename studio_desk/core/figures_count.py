"""Counting the records of a period into :class:`~studio_desk.core.figures.YearFigures`, one
function per ledger. The rules are stated in :mod:`studio_desk.core.figures`."""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from decimal import Decimal
from typing import TypeVar

from studio_desk.core import enums
from studio_desk.core.figures_types import (
    DonationEvent,
    DonationTotals,
    Highlight,
    LeadAuthor,
    MemberPoints,
    Rate,
    YearFigures,
)
from studio_desk.core.models import Activity, Donation, Member, Proposal, Reception, Record
from studio_desk.core.store import Store

R = TypeVar("R", bound=Record)
TOPICS_PER_TYPE = 6  # the summary names a few topics of each type, never all
Span = tuple[date, date]
# A period's records already read by the caller, by ledger: those of the span, not deleted, read
# once (a generator will do: the year's workbook counts its records as its sheets write them).
# The figures do not depend on the order of a ledger's records; members come in the roster's
# order (``Store.query_ids``'s default), which the ranking keeps among equals.
Given = Mapping[type[Record], Iterable[Record]]

# The fields the figures read: the long texts (content, notes, search text) are left on disk.
_NEEDED: dict[type, tuple[str, ...]] = {
    Activity: ("date", "type", "topic", "member_ids", "public_count", "suggestion_count", "economic_fen",
               "beneficiaries", "is_highlight", "highlight_note"),
    Reception: ("date", "mode", "request_category", "handling", "people_count", "household_count",
                "practical_help", "dispute", "feedback_given", "status", "satisfaction", "member_ids"),
    Proposal: ("category", "title", "status", "submitted_on", "adoption_level", "instruction", "result_class",
               "answered_on", "authors"),
    Donation: ("date", "category", "donor", "recipients", "cash_fen", "items", "recipient_count", "member_ids"),
}


def _each(store: Store, cls: type[R], span: Span, given: Given | None = None, chunk: int = 1000) -> Iterator[R]:
    """The period's records a chunk at a time, so that a 100,000-record year never sits in memory.

    Only the fields the figures need are read (partial records, never saved); ``given``: the
    records the caller has already read, counted instead of reading them again."""
    if given is not None:
        yield from given.get(cls, ())  # type: ignore[misc]
        return
    ids = store.query_ids(cls, date_range=span)
    for start in range(0, len(ids), chunk):
        yield from store.get_many(cls, ids[start : start + chunk], only=_NEEDED[cls])


def _ordered(counter: Counter[str], order: tuple[str, ...] | list[str]) -> dict[str, int]:
    """Counts in the given order first, then any other values by count (equal counts by value,
    whatever order they were met in); zeros left out."""
    out = {k: counter[k] for k in order if counter.get(k)}
    for k, v in sorted(counter.items(), key=lambda item: (-item[1], item[0])):
        if k not in out and v:
            out[k] = v
    return out


class LatestTopics:
    """The few most recent topics of each activity type, the latest first, in whatever order the
    activities are met; types ordered by their latest activity. Holds a few topics a type, not
    the year's: a topic is left out once enough others are more recent, and comes back if met
    again more recently."""

    KEEP = 8 * TOPICS_PER_TYPE  # how many a type holds before the older ones are dropped

    def __init__(self) -> None:
        self.latest: dict[str, dict[str, tuple]] = {}  # type → topic → (date, created_at, id) of its latest

    def add(self, activity: Activity) -> None:
        key = (activity.date, activity.created_at, activity.id)
        topics = self.latest.setdefault(activity.type, {})
        seen = topics.get(activity.topic)
        if seen is None or seen < key:
            topics[activity.topic] = key
            if len(topics) > self.KEEP:
                kept = heapq.nlargest(TOPICS_PER_TYPE, topics.items(), key=lambda item: item[1])
                topics.clear()
                topics.update(kept)

    def result(self) -> dict[str, list[str]]:
        newest = {kind: heapq.nlargest(TOPICS_PER_TYPE, topics.items(), key=lambda item: item[1])
                  for kind, topics in self.latest.items()}
        by_latest = sorted(newest, key=lambda kind: newest[kind][0][1], reverse=True)
        return {kind: [topic for topic, _ in newest[kind]] for kind in by_latest}


class Tally:
    """What each member of the period did, for the 履职积分."""

    def __init__(self, members: list[Member]):
        self.ids = {m.id for m in members}
        self.counts: dict[str, Counter[str]] = {m.id: Counter() for m in members}

    def bump(self, member_id: str | None, key: str, n: int = 1) -> None:
        if member_id is not None and member_id in self.ids:
            self.counts[member_id][key] += n


def count_members(store: Store, span: Span, fig: YearFigures, given: Given | None = None) -> list[Member]:
    members = list(given.get(Member, ())) if given is not None else store.list_records(Member, date_range=span)
    fig.members_total = len(members)
    fig.members_by_role = _ordered(Counter(m.role for m in members), enums.MEMBER_ROLES)
    fig.members_by_sector = _ordered(Counter(m.sector or "未填界别" for m in members), [])
    fig.members_by_party = _ordered(Counter(m.party or "未填党派" for m in members), enums.PARTIES)
    fig.members_by_level = _ordered(Counter(m.level or "未填层级" for m in members), enums.CPPCC_LEVELS)
    return members


def count_activities(store: Store, span: Span, fig: YearFigures, tally: Tally, given: Given | None = None) -> None:
    by_type: Counter[str] = Counter()
    type_month: dict[str, list[int]] = {}
    active: set[str] = set()
    topics = LatestTopics()
    for a in _each(store, Activity, span, given):
        assert a.date is not None
        fig.activities_total += 1
        by_type[a.type] += 1
        month = a.date.month - 1
        fig.activities_by_month[month] += 1
        type_month.setdefault(a.type, [0] * 12)[month] += 1
        fig.member_participations += len(a.member_ids)
        fig.public_participants += a.public_count
        fig.suggestions_collected += a.suggestion_count
        fig.economic_fen += a.economic_fen
        fig.beneficiaries += a.beneficiaries
        if a.economic_fen:
            fig.economic_by_type[a.type] = fig.economic_by_type.get(a.type, 0) + a.economic_fen
        for member_id in a.member_ids:
            tally.bump(member_id, "activities")
            active.add(member_id)
        topics.add(a)
        if a.is_highlight or a.economic_fen:
            told = Highlight(a.id, a.date, a.type, a.topic, a.highlight_note, a.public_count, a.economic_fen,
                             a.beneficiaries)
            if a.is_highlight:
                fig.highlights.append(told)
            if a.economic_fen:
                fig.economic_events.append(told)
    fig.activities_by_type = _ordered(by_type, store.type_values("activity_type"))
    fig.activities_by_type_month = {t: type_month[t] for t in fig.activities_by_type}
    fig.topics_by_type = topics.result()
    fig.highlights.sort(key=lambda h: (h.date, h.topic, h.record_id))
    fig.economic_events.sort(key=lambda h: (-h.economic_fen, h.date, h.record_id))
    fig.members_active = len(active & tally.ids)
    fig.participation_rate = Rate(fig.members_active, fig.members_total)


def count_receptions(store: Store, span: Span, fig: YearFigures, tally: Tally, given: Given | None = None) -> None:
    modes: Counter[str] = Counter()
    categories: Counter[str] = Counter()
    handlings: Counter[str] = Counter()
    asked = satisfied = 0
    for r in _each(store, Reception, span, given):
        fig.receptions_total += 1
        modes[r.mode] += 1
        categories[r.request_category or "其他"] += 1
        if r.handling:
            handlings[r.handling] += 1
        fig.reception_people += r.people_count
        fig.reception_households += r.household_count
        fig.practical_help += int(r.practical_help)
        fig.feedback_given += int(r.feedback_given)
        if r.dispute:
            fig.disputes_received += 1
            fig.disputes_resolved += r.status == "已办结"
        if r.status == "已办结":
            fig.receptions_closed += 1
        elif r.status in enums.RECEPTION_OPEN_STATUSES:
            fig.receptions_open += 1
        if r.satisfaction:
            asked += 1
            satisfied += r.satisfaction in enums.SATISFIED
        for member_id in r.member_ids:
            tally.bump(member_id, "receptions")
    fig.receptions_by_mode = _ordered(modes, enums.RECEPTION_MODES)
    fig.receptions_by_category = _ordered(categories, store.type_values("request_category"))
    fig.receptions_by_handling = _ordered(handlings, enums.HANDLING_METHODS)
    fig.close_rate = Rate(fig.receptions_closed, fig.receptions_total)
    fig.satisfaction_rate = Rate(satisfied, asked)


_KIND_KEY = {"提案": "proposals", "社情民意信息": "social_info", "会议发言": "speeches"}
_KIND_WEIGHT = {"社情民意信息": "social_info", "会议发言": "speech"}


def count_outputs(
    store: Store, span: Span, fig: YearFigures, tally: Tally, weights: dict[str, int], given: Given | None = None
) -> None:
    kinds: Counter[str] = Counter()
    adopted_levels: Counter[str] = Counter()
    results: Counter[str] = Counter()
    leads: dict[str, tuple[str, list[tuple[date, str, str]]]] = {}  # key → (name, [(date, kind, title)])
    for p in _each(store, Proposal, span, given):
        if not p.is_output:
            continue
        fig.outputs_total += 1
        kinds[p.category] += 1
        if p.submitted_on:
            fig.outputs_by_month[p.submitted_on.month - 1] += 1
        filed = p.category == "提案" and p.status in enums.PROPOSAL_FILED_STATUSES
        adopted = bool(p.adoption_level) or p.status == "已采用"
        instructed = bool(p.instruction.strip())
        if filed:
            fig.proposals_filed += 1
            if p.status in enums.PROPOSAL_ANSWERED_STATUSES or p.answered_on:
                fig.proposals_answered += 1
        if adopted:
            fig.adopted_total += 1
            adopted_levels[p.adoption_level or "未注明层级"] += 1
        fig.outputs_converted += filed or adopted or instructed
        fig.instructions += instructed
        if p.result_class:
            results[p.result_class] += 1
        if p.authors:
            lead = p.authors[0]
            leads.setdefault(lead.member_id or lead.name, (lead.name, []))[1].append(
                (p.submitted_on or span[0], p.category, p.title))
        key = _KIND_KEY.get(p.category, "other_outputs")
        for position, author in enumerate(p.authors):
            tally.bump(author.member_id, key)
            if p.category == "提案":
                weight = "proposal_first" if position == 0 else "proposal_other"
            else:
                weight = _KIND_WEIGHT.get(p.category, "other_output")
            tally.bump(author.member_id, "pts", weights[weight])
            if filed or adopted:
                tally.bump(author.member_id, "pts", weights["adopted"])
            if instructed:
                tally.bump(author.member_id, "pts", weights["instruction"])
    fig.outputs_by_kind = _ordered(kinds, enums.PROPOSAL_CATEGORIES)
    fig.answer_rate = Rate(fig.proposals_answered, fig.proposals_filed)
    fig.conversion_rate = Rate(fig.outputs_converted, fig.outputs_total)
    fig.adopted_by_level = _ordered(adopted_levels, enums.ADOPTION_LEVELS)
    fig.results_by_class = _ordered(results, enums.RESULT_CLASSES)
    ranked = sorted(leads.items(), key=lambda item: (-len(item[1][1]), item[1][0], item[0]))
    fig.lead_authors = [_lead(name, done) for _, (name, done) in ranked]


def _lead(name: str, done: list[tuple[date, str, str]]) -> LeadAuthor:
    """A first signer's outputs: kinds in the ledger's order, titles by date."""
    kinds = Counter(kind for _, kind, _ in done)
    order = list(enums.PROPOSAL_CATEGORIES) + sorted(set(kinds) - set(enums.PROPOSAL_CATEGORIES))
    return LeadAuthor(name, {k: kinds[k] for k in order if kinds[k]}, [t for _, _, t in sorted(done)])


def count_donations(store: Store, span: Span, fig: YearFigures, tally: Tally, given: Given | None = None) -> None:
    # events, cash, goods, people: added up as the records pass, none of them kept
    every = [0, 0, 0, 0]
    by_category: dict[str, list[int]] = {c: [0, 0, 0, 0] for c in enums.DONATION_CATEGORIES}
    for d in _each(store, Donation, span, given):
        for member_id in d.member_ids:
            tally.bump(member_id, "donations")
        assert d.date is not None
        in_kind = d.in_kind_fen
        for sums in (every, by_category.setdefault(d.category, [0, 0, 0, 0])):
            sums[0] += 1
            sums[1] += d.cash_fen
            sums[2] += in_kind
            sums[3] += d.recipient_count
        items = [_item_words(i.name, i.quantity, i.unit) for i in d.items if i.name]
        fig.donation_events.append(DonationEvent(d.id, d.date, d.category, d.donor, d.recipients,
                                                 d.recipient_count, d.cash_fen, in_kind, items))
    fig.donations_all = DonationTotals(*every)
    fig.donations_by_category = {c: DonationTotals(*sums) for c, sums in by_category.items()}
    fig.donation_events.sort(key=lambda e: (e.date, e.record_id))


def _item_words(name: str, quantity: object, unit: str) -> str:
    """``大米30袋``; ``米面油`` when no quantity was recorded."""
    if isinstance(quantity, Decimal):
        quantity = f"{quantity.normalize():f}" if quantity == quantity.to_integral_value() else f"{quantity:f}"
    return f"{name}{quantity}{unit}" if quantity not in (None, "") else name


def rank_members(members: list[Member], tally: Tally, weights: dict[str, int], fig: YearFigures) -> None:
    rows = []
    for m in members:
        t = tally.counts[m.id]
        points = (t["activities"] * weights["activity"] + t["receptions"] * weights["reception"]
                  + t["donations"] * weights["donation"] + t["pts"])
        rows.append((m, t, points))
    rows.sort(key=lambda r: (-r[2], r[0].name))
    rank = 0
    last_points = None
    for index, (m, t, points) in enumerate(rows, start=1):
        if points != last_points:
            rank, last_points = index, points
        fig.ranking.append(MemberPoints(
            m.id, m.name, m.role, t["activities"], t["receptions"], t["proposals"], t["social_info"],
            t["speeches"], t["other_outputs"], t["donations"], points, rank,
        ))


def period_figures(store: Store, first_year: int, last_year: int, records: Given | None = None) -> YearFigures:
    """The figures of the years ``first_year`` to ``last_year`` together (one year when equal).

    Counts add up over the span; members are those on the roster at some time in it; rates and
    the ranking are taken over the whole span. ``records``: the span's records when the caller
    has read them already (see :data:`Given`); the store is then read only for its settings."""
    span = (date(first_year, 1, 1), date(last_year, 12, 31))
    fig = YearFigures(last_year, first_year=first_year)
    weights = store.point_weights()
    members = count_members(store, span, fig, records)
    tally = Tally(members)
    count_activities(store, span, fig, tally, records)
    count_receptions(store, span, fig, tally, records)
    count_outputs(store, span, fig, tally, weights, records)
    count_donations(store, span, fig, tally, records)
    rank_members(members, tally, weights, fig)
    return fig
