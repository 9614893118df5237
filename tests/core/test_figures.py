"""The yearly figures against a hand-counted fixture, with neighbouring years that must not count."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from studio_desk.core.figures import annual_figures
from studio_desk.core.models import (
    Activity,
    Author,
    Donation,
    DonationItem,
    Member,
    Proposal,
    Reception,
)
from studio_desk.core.store import Store


@pytest.fixture
def fixture_store(store: Store) -> Store:
    s = store
    lg = s.save(Member(name="刘刚", role="召集人", party="民建", sector="经济界", level="县", joined_on=date(2021, 5, 1)))
    wjg = s.save(Member(name="王建国", role="主任", party="中共", sector="经济界", level="市", joined_on=date(2021, 5, 1)))
    lxy = s.save(Member(name="李秀英", role="成员", party="民建", sector="妇联", level="县", joined_on=date(2025, 7, 1)))
    # left before 2025: not a member of 2025
    s.save(Member(name="老委员", role="成员", party="民进", sector="教育界", joined_on=date(2020, 1, 1),
                  left_on=date(2024, 6, 30)))
    # joins in 2026: not a member of 2025
    s.save(Member(name="新委员", role="成员", sector="教育界", joined_on=date(2026, 1, 5)))
    gone = s.save(Member(name="已删除", role="成员"))
    s.delete(Member, gone.id)
    s.fixture_ids = (lg.id, wjg.id, lxy.id)  # type: ignore[attr-defined]

    def act(d, t, members, public=0, sugg=0, highlight=False, **kw):
        return s.save(Activity(date=d, type=t, topic=f"{t}{d}", member_ids=members,
                               public_count=public, suggestion_count=sugg, is_highlight=highlight, **kw))

    # 2025: 3 集中学习, 1 协商议事 (highlight), 1 委员接待日
    act(date(2025, 1, 1), "集中学习", [lg.id, wjg.id])
    act(date(2025, 3, 15), "集中学习", [lg.id])
    act(date(2025, 12, 31), "集中学习", [lg.id, wjg.id, lxy.id])
    act(date(2025, 6, 1), "协商议事", [wjg.id], public=40, sugg=6, highlight=True)
    act(date(2025, 6, 20), "委员接待日", [lg.id, lxy.id], public=25, sugg=3)
    s.add_type("activity_type", "农产品展销")
    act(date(2025, 10, 8), "农产品展销", [], public=300, economic_fen=1300000000, beneficiaries=80)
    act(date(2025, 11, 8), "专题培训", [], beneficiaries=120)
    # neighbours and a deleted one
    act(date(2024, 12, 31), "集中学习", [lg.id], public=999)
    act(date(2026, 1, 1), "视察调研", [lg.id], public=999)
    dead = act(date(2025, 5, 5), "视察调研", [lg.id], public=999)
    s.delete(Activity, dead.id)

    def rec(d, status, **kw):
        return s.save(Reception(date=d, mode=kw.pop("mode", "接待日来访"), person_name="群众",
                                request_content="诉求", status=status, **kw))

    rec(date(2025, 2, 1), "已办结", people_count=3, closed_on=date(2025, 2, 10), practical_help=True,
        satisfaction="满意", member_ids=[lg.id])
    rec(date(2025, 4, 1), "已办结", mode="入户走访", people_count=1, household_count=1,
        closed_on=date(2025, 4, 2), dispute=True, satisfaction="基本满意", member_ids=[lg.id, wjg.id])
    rec(date(2025, 8, 1), "办理中", people_count=2, satisfaction="", member_ids=[wjg.id])
    rec(date(2025, 9, 1), "无法办理", people_count=1, closed_on=date(2025, 9, 5), satisfaction="不满意",
        dispute=True)
    rec(date(2024, 12, 30), "已办结", people_count=50, closed_on=date(2024, 12, 31))

    def out(cat, status, d, authors, **kw):
        return s.save(Proposal(category=cat, title=f"{cat}{status}{d}", status=status, submitted_on=d,
                               authors=[Author(name=n, member_id=i) for n, i in authors], **kw))

    out("提案", "办结", date(2025, 1, 10), [("刘刚", lg.id), ("王建国", wjg.id)], result_class="A",
        answered_on=date(2025, 5, 1))
    out("提案", "立案", date(2025, 1, 11), [("王建国", wjg.id)])
    out("提案", "不立案", date(2025, 1, 12), [("刘刚", lg.id)])
    out("社情民意信息", "已采用", date(2025, 3, 1), [("李秀英", lxy.id)], adoption_level="市",
        instruction="市委领导批示")
    out("社情民意信息", "未采用", date(2025, 3, 2), [("刘刚", lg.id)])
    out("会议发言", "已提交", date(2025, 1, 9), [("刘刚", lg.id)])
    s.save(Proposal(category="提案", title="草稿", status="草拟", authors=[Author(name="刘刚", member_id=lg.id)]))
    out("提案", "立案", date(2024, 1, 10), [("刘刚", lg.id)])

    s.save(Donation(date=date(2025, 1, 20), category="慰问", donor="工作室", recipients="环卫工人",
                    recipient_count=30, cash_fen=0, member_ids=[lg.id],
                    items=[DonationItem(name="大米", quantity=Decimal(30), unit="袋", value_fen=360000),
                           DonationItem(name="食用油", quantity=Decimal(30), unit="桶", value_fen=270050)]))
    s.save(Donation(date=date(2025, 6, 1), category="捐赠", donor="刘刚委员", recipients="留守儿童",
                    recipient_count=45, cash_fen=2800000, member_ids=[lg.id, wjg.id]))
    s.save(Donation(date=date(2026, 1, 2), category="捐赠", donor="x", recipients="y",
                    recipient_count=1000, cash_fen=99999900))
    return s


def test_members_of_the_year(fixture_store: Store):
    f = annual_figures(fixture_store, 2025).current
    assert f.members_total == 3
    assert f.members_by_role == {"召集人": 1, "主任": 1, "成员": 1}
    assert f.members_by_sector == {"经济界": 2, "妇联": 1}
    # in the parties' order (中共 first), whoever has more
    assert list(f.members_by_party.items()) == [("中共", 1), ("民建", 2)]
    assert f.members_by_level == {"市": 1, "县": 2}


def test_activities(fixture_store: Store):
    f = annual_figures(fixture_store, 2025).current
    assert f.activities_total == 7
    # a type the clerk added (农产品展销) counts like any other
    assert f.activities_by_type == {"集中学习": 3, "专题培训": 1, "协商议事": 1, "委员接待日": 1, "农产品展销": 1}
    assert f.member_participations == 2 + 1 + 3 + 1 + 2
    assert f.public_participants == 365
    assert f.suggestions_collected == 9
    assert f.activities_by_month == [1, 0, 1, 0, 0, 2, 0, 0, 0, 1, 1, 1]
    assert f.economic_fen == 1300000000 and f.economic_by_type == {"农产品展销": 1300000000}
    assert f.beneficiaries == 200
    # all three members of the year took part in an activity
    assert f.members_active == 3 and f.participation_rate.percent_text() == "100%"
    assert [h.topic for h in f.highlights] == ["协商议事2025-06-01"]


def test_receptions(fixture_store: Store):
    f = annual_figures(fixture_store, 2025).current
    assert f.receptions_total == 4
    assert f.reception_people == 7
    assert f.reception_households == 1
    assert f.practical_help == 1 and f.disputes_received == 2 and f.disputes_resolved == 1
    assert f.receptions_closed == 2 and f.receptions_open == 1
    assert f.close_rate.percent_text() == "50%"
    assert (f.satisfaction_rate.numerator, f.satisfaction_rate.denominator) == (2, 3)
    assert f.satisfaction_rate.percent_text() == "66.7%"
    assert f.receptions_by_mode == {"接待日来访": 3, "入户走访": 1}


def test_outputs(fixture_store: Store):
    f = annual_figures(fixture_store, 2025).current
    assert f.outputs_total == 6  # the draft does not count
    assert f.outputs_by_kind == {"提案": 3, "社情民意信息": 2, "会议发言": 1}
    assert f.proposals_filed == 2
    assert f.proposals_answered == 1
    assert f.answer_rate.percent_text() == "50%"
    assert f.adopted_total == 1 and f.adopted_by_level == {"市": 1}
    assert f.instructions == 1
    assert f.results_by_class == {"A": 1}
    # 成果转化率: 2 提案 立案 + 1 采用 (with 批示) of 6 outputs
    assert (f.outputs_converted, f.conversion_rate.percent_text()) == (3, "50%")
    lead = {a.name: a for a in f.lead_authors}
    assert lead["刘刚"].by_kind == {"提案": 2, "社情民意信息": 1, "会议发言": 1}
    assert lead["王建国"].by_kind == {"提案": 1}  # a second signer leads nothing
    assert [a.name for a in f.lead_authors] == ["刘刚", "李秀英", "王建国"] or \
        [a.name for a in f.lead_authors] == ["刘刚", "王建国", "李秀英"]


def test_donations_exact(fixture_store: Store):
    f = annual_figures(fixture_store, 2025).current
    assert f.donations_all.events == 2
    assert f.donations_all.cash_fen == 2800000
    assert f.donations_all.in_kind_fen == 630050
    assert f.donations_all.total_fen == 3430050
    assert f.donations_all.people == 75
    assert f.donation("慰问").events == 1 and f.donation("慰问").in_kind_fen == 630050
    assert f.donation("捐赠").cash_fen == 2800000
    assert f.donation("捐赠").in_kind_fen == 0 and f.donation("慰问").cash_fen == 0
    events = f.donation_events
    assert [(e.category, e.recipients, e.people, e.total_fen) for e in events] == [
        ("慰问", "环卫工人", 30, 630050), ("捐赠", "留守儿童", 45, 2800000)]
    assert events[0].items == ["大米30袋", "食用油30桶"]


def test_points_and_ranking(fixture_store: Store):
    lg, wjg, lxy = fixture_store.fixture_ids  # type: ignore[attr-defined]
    f = annual_figures(fixture_store, 2025).current
    by = {r.member_id: r for r in f.ranking}
    # 刘刚: 4 activities*2 + 2 receptions*3 + 提案 first (办结: 5+3) + 提案 first (不立案: 5)
    #       + 社情民意 (未采用: 3) + 会议发言 3 + 2 donations*2
    assert by[lg].activities == 4 and by[lg].receptions == 2 and by[lg].donations == 2
    assert by[lg].points == 8 + 6 + 8 + 5 + 3 + 3 + 4
    # 王建国: 3 activities*2 + 2 receptions*3 + 提案 second signer (办结: 2+3) + 提案 first (立案: 5+3) + 1 donation*2
    assert by[wjg].points == 6 + 6 + 5 + 8 + 2
    # 李秀英: 2 activities*2 + 社情民意 (采用 市 + 批示: 3+3+5)
    assert by[lxy].points == 4 + 11
    assert [r.name for r in f.ranking] == ["刘刚", "王建国", "李秀英"]
    assert [r.rank for r in f.ranking] == [1, 2, 3]


def test_weights_are_configurable(fixture_store: Store):
    fixture_store.set_point_weights({"activity": 10})
    lg = fixture_store.fixture_ids[0]  # type: ignore[attr-defined]
    f = annual_figures(fixture_store, 2025).current
    assert next(r for r in f.ranking if r.member_id == lg).points == 40 + 6 + 8 + 5 + 3 + 3 + 4


def test_previous_year_beside(fixture_store: Store):
    a = annual_figures(fixture_store, 2025)
    assert a.previous.last_year == 2024
    assert a.previous.activities_total == 1
    assert a.previous.receptions_total == 1 and a.previous.reception_people == 50
    kf = a.key_figure("activities_total")
    assert (kf.current, kf.previous) == (7, 1)
    assert a.key_figure("donation_total").text(a.key_figure("donation_total").current) == "34,300.50"


def test_rates_over_the_years_start_at_the_first_year_with_records(fixture_store: Store):
    from studio_desk.core.figures import rate_trend

    figures = annual_figures(fixture_store, 2025)
    trend = rate_trend(fixture_store, figures)
    assert [t.year for t in trend] == [2024, 2025]
    assert trend[-1].conversion.percent_text() == "50%" and trend[-1].close.percent_text() == "50%"
    assert trend[0].close.percent_text() == "100%"  # 2024: one reception, 已办结


def test_empty_year_has_zeros_and_no_rates(store: Store):
    f = annual_figures(store, 2030).current
    assert f.activities_total == 0 and f.donations_all.total_fen == 0
    assert f.close_rate.percent_text() == "—"
    assert f.ranking == []


def test_topics_are_the_latest_of_each_type_whatever_the_order(fixture_store: Store):
    """The summary names the most recent topics of each type; types by their latest activity."""
    from studio_desk.core.figures_count import TOPICS_PER_TYPE, LatestTopics

    s = fixture_store
    for day in range(1, 2 * TOPICS_PER_TYPE + 1):
        s.save(Activity(date=date(2025, 3, day), type="视察调研", topic=f"调研{day:02d}"))
    s.save(Activity(date=date(2025, 3, 1), type="视察调研", topic="调研20"))  # older than its repeat below
    s.save(Activity(date=date(2025, 3, 30), type="视察调研", topic="调研20"))
    topics = annual_figures(s, 2025).current.topics_by_type
    expected = ["调研20"] + [f"调研{day:02d}" for day in range(2 * TOPICS_PER_TYPE, TOPICS_PER_TYPE + 1, -1)]
    assert topics["视察调研"] == expected
    # types by their latest activity
    latest = {a.type: (a.date, a.created_at) for a in sorted(s.list_records(Activity, year=2025),
                                                              key=lambda a: (a.date, a.created_at))}
    assert list(topics) == sorted(latest, key=lambda t: latest[t], reverse=True)
    # few held at a time, the same result in any order
    records = s.list_records(Activity, year=2025)
    for order in (records, records[::-1], sorted(records, key=lambda a: a.topic)):
        small = LatestTopics()
        small.KEEP = TOPICS_PER_TYPE  # drop as soon as possible
        for a in order:
            small.add(a)
        assert small.result() == topics
        assert max(len(held) for held in small.latest.values()) <= TOPICS_PER_TYPE + 1


def test_figures_from_given_records_in_any_order_are_the_stores(demo_store: Store):
    """A caller that has read the year (the workbook as it writes its sheets, the county) counts
    those records, in its own order, to the same figures as the store's own reading."""
    import dataclasses
    import random

    from studio_desk.core.figures import period_figures
    from studio_desk.core.models import LEDGER_TYPES

    year = 2025
    span = (date(year, 1, 1), date(year, 12, 31))
    expected = period_figures(demo_store, year, year)
    assert expected.activities_total and expected.receptions_total and expected.outputs_total
    rng = random.Random(7)
    for _ in range(3):
        given = {}
        for cls in LEDGER_TYPES:
            records = demo_store.list_records(cls, date_range=span)
            if cls is not Member:
                rng.shuffle(records)
            given[cls] = iter(records)  # read once, as a generator is
        got = period_figures(demo_store, year, year, records=given)
        assert dataclasses.asdict(got) == dataclasses.asdict(expected)
