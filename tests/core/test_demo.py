from __future__ import annotations

from studio_desk.core.figures import annual_figures
from studio_desk.core.models import Proposal, Reception
from studio_desk.core.store import Store


def test_demo_fills_every_ledger_and_figure(demo_store: Store):
    for year in (2024, 2025, 2026):
        f = annual_figures(demo_store, year).current
        assert f.members_total >= 9
        assert f.activities_total > 20 and len(f.activities_by_type) >= 8
        assert f.receptions_total > 20 and f.practical_help and f.disputes
        assert f.outputs_by_kind.get("提案") and f.outputs_by_kind.get("社情民意信息")
        assert f.donations_all.cash_fen > 0 and f.donations_all.in_kind_fen > 0
        assert f.ranking[0].points > 0
    f = annual_figures(demo_store, 2025).current
    assert f.proposals_filed and f.adopted_total and f.highlights
    # open items exist for the 跟踪卡 list
    assert demo_store.count(Reception, filters={"status": ["待办", "办理中"]}) > 0
    assert demo_store.count(Proposal, filters={"status": ["立案", "交办", "办理中", "已提交"]}) > 0


def test_demo_records_are_all_valid(demo_store: Store):
    from studio_desk.core.models import LEDGER_TYPES
    from studio_desk.core.validate import validation_errors

    for cls in LEDGER_TYPES:
        for record in demo_store.list(cls):
            assert validation_errors(record, demo_store) == [], record
