from __future__ import annotations

from studio_desk.core.figures import annual_figures
from studio_desk.core.models import Proposal, Reception
from studio_desk.core.store import Store


def test_demo_fills_every_ledger_and_figure(demo_store: Store):
    for year in (2024, 2025, 2026):
        f = annual_figures(demo_store, year).current
        assert f.members_total >= 9
        assert f.activities_total > 20 and len(f.activities_by_type) >= 8
        assert f.receptions_total > 20 and f.practical_help and f.disputes_received
        assert f.economic_fen > 0 and f.beneficiaries > 0
        assert f.outputs_by_kind.get("提案") and f.outputs_by_kind.get("社情民意信息")
        assert f.donations_all.cash_fen > 0 and f.donations_all.in_kind_fen > 0
        assert f.ranking[0].points > 0
    f = annual_figures(demo_store, 2025).current
    assert f.proposals_filed and f.adopted_total and f.highlights and f.disputes_resolved
    # open items exist for the 跟踪卡 list
    assert demo_store.count(Reception, filters={"status": ["待办", "办理中"]}) > 0
    assert demo_store.count(Proposal, filters={"status": ["立案", "交办", "办理中", "已提交"]}) > 0


def test_demo_records_are_all_valid(demo_store: Store):
    from studio_desk.core.models import LEDGER_TYPES
    from studio_desk.core.validate import validation_errors

    for cls in LEDGER_TYPES:
        for record in demo_store.list_records(cls):
            assert validation_errors(record, demo_store) == [], record


def test_demo_proposals_are_handled_consistently(demo_store: Store):
    for p in demo_store.list_records(Proposal):
        if p.status in ("不立案", "已提交", "草拟"):
            assert not p.number and not p.handler_unit, p.title
        if "停车" in p.title and p.handler_unit:
            assert p.handler_unit == "县住房和城乡建设局"
    for year in (2024, 2025):
        assert demo_store.narrative(year, "存在问题") and demo_store.narrative(year, "下一步打算").startswith("下一步")


def test_demo_activities_differ_in_content(demo_store: Store):
    from studio_desk.core.models import Activity

    activities = demo_store.list_records(Activity)
    contents = {a.content.split("，", 1)[1] for a in activities}
    assert len(contents) >= 25
    notes = {a.highlight_note for a in activities if a.is_highlight}
    assert len(notes) >= 5


def test_demo_proposals_a_county_official_would_believe(demo_store: Store):
    from studio_desk.core.demo import UNIT_BY_KEYWORD

    for year in (2024, 2025, 2026):
        proposals = [p for p in demo_store.list_records(Proposal, year=year) if p.category == "提案" and p.status != "草拟"]
        refused = [p for p in proposals if p.status == "不立案"]
        assert len(refused) <= max(1, len(proposals) // 5), [p.title for p in refused]
        for p in proposals:
            unit = next((u for k, u in UNIT_BY_KEYWORD if k in p.title), None)
            if p.handler_unit and unit:  # the department of the proposal's topic
                assert p.handler_unit == unit, (p.title, p.handler_unit)
    medical = [p for p in demo_store.list_records(Proposal) if ("医疗" in p.title or "卫生院" in p.title) and p.handler_unit]
    assert medical and all(p.handler_unit == "县卫生健康局" for p in medical)


def test_demo_activities_name_varied_organizers_and_what_was_done(demo_store: Store):
    from studio_desk.core.models import Activity

    activities = demo_store.list_records(Activity)
    assert len({a.organizer for a in activities}) >= 6
    for a in activities:
        assert a.organizer and a.content.split("，", 1)[1].startswith(a.organizer), a.content
    study = [a for a in activities if a.type == "集中学习"]
    assert all("集中学习。" in a.content for a in study)
    assert not any("开展活动。" in a.content for a in activities)  # each type says what was done
