"""Workflows through the workbook that must lose nothing: export → import → merge, an older
workbook after an edit, ids in other spellings or of another kind, deleted records, odd names."""

from __future__ import annotations

import os
import time
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from studio_desk.core import codec
from studio_desk.core.errors import StudioDeskError
from studio_desk.core.models import Activity, Donation, Member, Proposal, Reception, Studio
from studio_desk.core.store import Store
from studio_desk.core.sync import merge_stores, recent_conflicts, swap_conflict
from studio_desk.exports.ledger_import import apply_plan, read_ledgers
from studio_desk.exports.workbook import write_workbook

YEAR = 2025
LEDGERS = (Member, Activity, Reception, Donation, Proposal)


def _edit(path: Path, sheet: str, record_id: str, **cells: object) -> None:
    """Change cells of the row of ``record_id`` by header, as a clerk would in Excel."""
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    headers = [c.value for c in ws[2]]
    at = headers.index("记录编号")
    row = next(r for r in ws.iter_rows(min_row=3) if r[at].value == record_id)
    for header, value in cells.items():
        row[headers.index(header)].value = value
    wb.save(path)


def _history_rows(store: Store) -> int:
    return int(store.conn.execute("SELECT count(*) FROM history").fetchone()[0])


def test_export_import_merge_changes_nothing(demo_store, tmp_path: Path):
    """The demo's year → workbook → fresh database → merged back: no change, no conflict."""
    path = write_workbook(demo_store, YEAR, tmp_path / "year.xlsx")
    with Store.open(tmp_path / "copy.sqlite") as copy:
        plan = read_ledgers(copy, path)
        assert plan.problems == []
        apply_plan(copy, plan)
        for cls in LEDGERS:
            ids = demo_store.query_ids(cls, year=YEAR)
            for record in demo_store.get_many(cls, ids):
                assert codec.content_of(copy.get(cls, record.id)) == codec.content_of(record), cls
        summary = merge_stores(demo_store, copy)
    totals = summary.totals()
    assert (totals.added, totals.changed, totals.conflicts) == (0, 0, 0), summary.text()
    # proposals' long texts and follow-up logs, receptions' logs survived the trip
    assert any(p.content and p.followups for p in demo_store.list_records(Proposal, year=YEAR))


def test_an_older_workbook_never_rolls_an_edit_back(demo_store, tmp_path: Path):
    path = write_workbook(demo_store, YEAR, tmp_path / "before.xlsx")
    activity = demo_store.list_records(Activity, year=YEAR)[0]
    edited = demo_store.save(codec.copy_record(activity, topic="导出后在程序中改过的主题"))
    history = _history_rows(demo_store)
    plan = read_ledgers(demo_store, path)
    assert plan.problems == [] and plan.changes == [] and plan.conflicts == []
    assert any("旧内容" in note for note in plan.notes)
    apply_plan(demo_store, plan)
    assert demo_store.get(Activity, activity.id).topic == edited.topic
    assert _history_rows(demo_store) == history


def test_both_sides_changed_is_a_conflict_the_newer_wins_and_can_be_swapped(demo_store, tmp_path: Path):
    path = write_workbook(demo_store, YEAR, tmp_path / "before.xlsx")
    activity = demo_store.list_records(Activity, year=YEAR)[0]
    _edit(path, "活动台账", activity.id, 地点="表中改的地点")
    old = time.time() - 3600
    os.utime(path, (old, old))  # the workbook was edited before the record was changed here
    here = demo_store.save(codec.copy_record(activity, location="程序中改的地点"))
    plan = read_ledgers(demo_store, path)
    assert plan.problems == [] and plan.changes == []
    [conflict] = plan.conflicts
    assert conflict.record.id == activity.id and conflict.changed == ["地点"]
    assert not conflict.workbook_wins and "冲突列表" in conflict.conflict_text()
    result = apply_plan(demo_store, plan)
    assert result.conflicts == 1 and "冲突 1 条" in result.text()
    assert demo_store.get(Activity, activity.id).location == here.location
    [listed] = [c for c in recent_conflicts(demo_store) if c.record_id == activity.id]
    swap_conflict(demo_store, listed)
    assert demo_store.get(Activity, activity.id).location == "表中改的地点"


def test_a_newer_workbook_change_wins_and_the_local_one_is_kept(demo_store, tmp_path: Path):
    path = write_workbook(demo_store, YEAR, tmp_path / "before.xlsx")
    activity = demo_store.list_records(Activity, year=YEAR)[0]
    demo_store.save(codec.copy_record(activity, location="程序中改的地点"))
    time.sleep(0.01)
    _edit(path, "活动台账", activity.id, 地点="表中后来改的地点")
    plan = read_ledgers(demo_store, path)
    [conflict] = plan.conflicts
    assert conflict.workbook_wins
    apply_plan(demo_store, plan)
    assert demo_store.get(Activity, activity.id).location == "表中后来改的地点"
    [listed] = [c for c in recent_conflicts(demo_store) if c.record_id == activity.id]
    swap_conflict(demo_store, listed)
    assert demo_store.get(Activity, activity.id).location == "程序中改的地点"


@pytest.mark.parametrize(
    "spell", [lambda i: i.replace("-", ""), lambda i: "{" + i.upper() + "}", lambda i: f"urn:uuid:{i}"]
)
def test_ids_in_other_spellings_are_the_same_record(demo_store, tmp_path: Path, spell):
    path = write_workbook(demo_store, YEAR, tmp_path / "ids.xlsx")
    activity = demo_store.list_records(Activity, year=YEAR)[0]
    _edit(path, "活动台账", activity.id, 记录编号=spell(activity.id), 地点="新地点")
    plan = read_ledgers(demo_store, path)
    assert plan.problems == [] and plan.additions == []
    assert [c.record.id for c in plan.changes] == [activity.id]


def test_an_id_of_another_kind_is_a_problem(demo_store, tmp_path: Path, fingerprint):
    path = write_workbook(demo_store, YEAR, tmp_path / "kind.xlsx")
    activity = demo_store.list_records(Activity, year=YEAR)[0]
    reception = demo_store.list_records(Reception, year=YEAR)[0]
    _edit(path, "活动台账", activity.id, 记录编号=reception.id, 版本=None)
    before = fingerprint(demo_store)
    plan = read_ledgers(demo_store, path)
    [problem] = plan.problems
    assert problem.sheet == "活动台账" and problem.column == "记录编号"
    assert "另一类记录（接待走访）" in problem.text()
    assert fingerprint(demo_store) == before


def test_a_deleted_record_is_a_problem_unless_restoring_is_chosen(demo_store, tmp_path: Path):
    path = write_workbook(demo_store, YEAR, tmp_path / "deleted.xlsx")
    donation = demo_store.list_records(Donation, year=YEAR)[0]
    demo_store.delete(Donation, donation.id)
    plan = read_ledgers(demo_store, path)
    [problem] = plan.problems
    assert "已在程序中删除" in problem.message and "--restore-deleted" in problem.message
    plan = read_ledgers(demo_store, path, restore_deleted=True)
    assert plan.problems == []
    [restore] = plan.changes
    assert restore.record.id == donation.id and restore.changed[0] == "恢复已删除的记录"
    apply_plan(demo_store, plan)
    restored = demo_store.get(Donation, donation.id)
    assert not restored.deleted and codec.content_of(restored) == codec.content_of(donation)


def test_namesakes_odd_names_and_exact_texts_survive(tmp_path: Path):
    with Store.open(tmp_path / "a.sqlite") as store:
        store.save_studio(codec.copy_record(store.studio(), name="城关镇委员工作室"))
        first = store.save(Member(name="王 芳", role="主任"))
        second = store.save(Member(name="王 芳", role="成员", employer="县医院"))
        third = store.save(Member(name="李、娜", role="成员"))
        activity = store.save(
            Activity(
                date=date(YEAR, 5, 1),
                type="集中学习",
                topic="  前面有空格的主题",
                content="\n第一行\r\n第二行  ",
                member_ids=[second.id, third.id],
                highlight_note="_x0041_ 不是 A",
            )
        )
        path = write_workbook(store, YEAR, tmp_path / "names.xlsx")
        history = _history_rows(store)
        plan = read_ledgers(store, path)
        assert plan.problems == [] and not plan.changes and not plan.additions
        apply_plan(store, plan)
        assert _history_rows(store) == history  # an untouched re-import writes nothing
        with Store.open(tmp_path / "b.sqlite") as empty:
            plan = read_ledgers(empty, path)
            assert plan.problems == [] and plan.studio_name == "城关镇委员工作室"
            apply_plan(empty, plan)
            copied = empty.get(Activity, activity.id)
            assert codec.content_of(copied) == codec.content_of(activity)
            assert copied.member_ids == [second.id, third.id]
            assert {m.id for m in empty.list_records(Member)} == {first.id, second.id, third.id}
            assert empty.studio().name == "城关镇委员工作室"


def test_a_missing_column_leaves_its_field_alone(demo_store, tmp_path: Path):
    path = write_workbook(demo_store, YEAR, tmp_path / "cut.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb["提案建议台账"]
    headers = [c.value for c in ws[2]]
    for header in ("内容摘要", "跟踪卡", "跟踪卡数据", "最新跟踪"):
        ws.delete_cols(headers.index(header) + 1)
        headers = [c.value for c in ws[2]]
    wb.save(path)
    plan = read_ledgers(demo_store, path)
    assert plan.problems == [] and plan.changes == []
    assert all(r.action == "unchanged" for r in plan.records)
    studio = demo_store.get(Studio, Studio.SINGLETON_ID)
    assert plan.studio_name == "" and studio.name  # a studio with a name is not renamed


def test_a_write_between_the_preview_and_the_import_is_checked_again(demo_store, tmp_path: Path):
    """The import writes the rows its preview checked without checking them again only while
    nothing was written in between: an activity type removed meanwhile is refused at the write,
    and the database keeps what it had."""
    path = write_workbook(demo_store, YEAR, tmp_path / "year.xlsx")
    with Store.open(tmp_path / "copy.sqlite") as copy:
        apply_plan(copy, read_ledgers(copy, path))
        copy.add_type("activity_type", "文化下乡")
        first = copy.list_records(Activity, year=YEAR)[0]
        path = write_workbook(copy, YEAR, tmp_path / "copy.xlsx")
        _edit(path, "活动台账", first.id, 活动类型="文化下乡")
        plan = read_ledgers(copy, path)
        assert [item.record.type for item in plan.changes] == ["文化下乡"]
        copy.remove_type("activity_type", "文化下乡")  # the clerk removed it while the preview was open
        with pytest.raises(StudioDeskError, match="文化下乡"):
            apply_plan(copy, plan, backup_dir=tmp_path / "backups")
        assert copy.get(Activity, first.id).type == first.type
        # Checked afresh, the preview offers to add the type to the list again, and the import writes.
        again = read_ledgers(copy, path)
        assert again.new_types == {"activity_type": ["文化下乡"]}
        apply_plan(copy, again, backup_dir=tmp_path / "backups")
        assert copy.get(Activity, first.id).type == "文化下乡"


def test_rows_deleted_in_excel_are_named_not_deleted(tmp_path):
    """The clerk deletes two rows of the year's 活动台账 in Excel and imports it: nothing is deleted,
    and the preview says how many of the year's records the sheet leaves out."""
    import openpyxl

    from studio_desk.core.demo import create_demo_database
    from studio_desk.core.store import Store
    from studio_desk.exports.ledger_import import apply_plan, read_ledgers
    from studio_desk.exports.workbook import write_workbook

    db = tmp_path / "demo.sqlite"
    create_demo_database(db)
    with Store.open(db) as store:
        path = write_workbook(store, 2025, tmp_path / "2025.xlsx", mask_pii=False)
        before = store.count(Activity)
        plan = read_ledgers(store, path)
        assert not any("不在" in n and "活动台账" in n for n in plan.notes)
        wb = openpyxl.load_workbook(path)
        wb["活动台账"].delete_rows(4, 2)
        wb.save(path)
        plan = read_ledgers(store, path)
        assert "数据库中 2025 年另有 2 条活动记录不在“活动台账”中（可能在 Excel 中删去了）：导入不会删除记录，要删除请在程序中删除。" in plan.notes
        apply_plan(store, plan)
        assert store.count(Activity) == before
