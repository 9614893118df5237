"""Undo lives in the store: one step per user action, and an import, merge, restore or conflict
swap ends the history, so undo never reverts a change it did not make."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest

from studio_desk.core.errors import StudioDeskError
from studio_desk.core.models import Activity, Member
from studio_desk.core.store import Store
from studio_desk.core.sync import merge_file, merge_stores, swap_conflict


def _activity(store: Store, topic: str = "学习") -> Activity:
    member = store.save(Member(name="刘刚"))
    return store.save(Activity(date=date(2026, 3, 1), type="集中学习", topic=topic, member_ids=[member.id]))


def test_one_step_per_action_however_many_records(store: Store):
    with store.undo_step("新建委员"):
        a = store.save(Member(name="甲"))
        b = store.save(Member(name="乙"))
        store.save(dataclasses.replace(a, employer="县医院"))  # saved twice in one action
    assert store.undo_label() == "新建委员" and store.undo_size() == 2
    step = store.undo()
    assert sorted(step.record_ids) == sorted([a.id, b.id])
    assert store.get(Member, a.id).deleted and store.get(Member, b.id).deleted
    assert not store.can_undo() and store.undo_label() == ""


def test_saves_outside_a_step_are_not_steps(store: Store):
    store.save(Member(name="甲"))  # e.g. a command, the demo
    assert not store.can_undo()
    with store.undo_step("什么也没改"):
        pass
    assert not store.can_undo()


def test_edit_delete_undo_undo_goes_back_to_the_start(store: Store):
    activity = _activity(store)
    with store.undo_step("修改活动"):
        store.save(dataclasses.replace(activity, topic="改过的主题"))
    with store.undo_step("删除1条活动"):
        store.delete(Activity, activity.id)
    store.undo()
    assert store.get(Activity, activity.id).topic == "改过的主题"
    assert not store.get(Activity, activity.id).deleted
    store.undo()
    assert store.get(Activity, activity.id).topic == "学习"
    history = store.history(activity.id)
    assert [h.reason for h in history][-2:] == ["撤销", "撤销"]  # every version kept


def test_a_failed_action_leaves_no_step(store: Store):
    with pytest.raises(RuntimeError):
        with store.undo_step("新建委员"), store.transaction():
            store.save(Member(name="甲"))
            raise RuntimeError("cut")
    assert not store.can_undo()
    assert store.count(Member) == 0


def test_undo_after_a_merge_does_not_wipe_the_other_pcs_value(store: Store, tmp_path: Path):
    """Edit a record, merge a copy in which another PC filled in a field, press Ctrl+Z."""
    activity = _activity(store)
    other_path = tmp_path / "other.sqlite"
    store.backup_to(other_path)
    with store.undo_step("修改活动"):
        store.save(dataclasses.replace(activity, location="社区会议室"))
    with Store.open(other_path, replica_id="other-pc") as other:
        mine = other.get(Activity, activity.id)
        other.save(dataclasses.replace(mine, organizer="县政协", location="社区会议室"))
    assert store.can_undo()
    merge_file(store, other_path, backup_dir=tmp_path / "backups")
    assert not store.can_undo()
    with pytest.raises(StudioDeskError, match="没有可以撤销"):
        store.undo()
    assert store.get(Activity, activity.id).organizer == "县政协"


def test_undo_refuses_a_record_changed_since_by_something_else(store: Store, tmp_path: Path):
    activity = _activity(store)
    with store.undo_step("修改活动"):
        store.save(dataclasses.replace(activity, topic="我改的"))
    store.save(dataclasses.replace(store.get(Activity, activity.id), notes="导入带来的备注"))
    with pytest.raises(StudioDeskError, match="又被改过"):
        store.undo()
    assert store.get(Activity, activity.id).notes == "导入带来的备注"
    assert store.get(Activity, activity.id).topic == "我改的"
    assert not store.can_undo()  # that step can never be undone now: it is gone


def test_restore_and_conflict_swap_end_the_history(store: Store, tmp_path: Path):
    from studio_desk.core.backup import make_backup, restore_backup

    activity = _activity(store)
    backup = make_backup(store, tmp_path / "backups", "manual")
    with store.undo_step("修改活动"):
        store.save(dataclasses.replace(activity, topic="之后改的"))
    restore_backup(store, backup.path, tmp_path / "backups")
    assert not store.can_undo()

    other_path = tmp_path / "other.sqlite"
    store.backup_to(other_path)
    with Store.open(other_path, replica_id="zz-other") as other:
        other.save(dataclasses.replace(other.get(Activity, activity.id), topic="那边改的"))
        with store.undo_step("修改活动"):
            store.save(dataclasses.replace(store.get(Activity, activity.id), topic="这边改的"))
        summary = merge_stores(store, other)
    assert summary.conflicts
    with store.undo_step("修改委员"):
        store.save(Member(name="新委员"))
    swap_conflict(store, summary.conflicts[0])
    assert not store.can_undo()


def test_import_ends_the_history(demo_store: Store, tmp_path: Path):
    from studio_desk.exports.ledger_import import apply_plan, read_ledgers
    from studio_desk.exports.workbook import write_workbook

    import openpyxl

    workbook = tmp_path / "台账.xlsx"
    write_workbook(demo_store, 2026, workbook)
    first, second = demo_store.list_records(Activity, year=2026)[:2]
    book = openpyxl.load_workbook(workbook)
    cell = next(c for row in book["活动台账"].iter_rows() for c in row if c.value == second.topic)
    cell.value = "表里改的主题"  # the import changes a record
    book.save(workbook)
    with demo_store.undo_step("修改活动"):
        demo_store.save(dataclasses.replace(first, notes="先改一处"))
    plan = read_ledgers(demo_store, workbook)
    apply_plan(demo_store, plan)
    assert demo_store.get(Activity, second.id).topic == "表里改的主题"
    assert not demo_store.can_undo()


def test_undo_of_a_new_record_and_of_a_deletion(store: Store):
    with store.undo_step("新建委员"):
        member = store.save(Member(name="甲"))
    with store.undo_step("删除1条委员"):
        store.delete(Member, member.id)
    store.undo()
    assert not store.get(Member, member.id).deleted
    store.undo()
    assert store.get(Member, member.id).deleted
    assert len(store.history(member.id)) == 3  # created, deleted, restored — all kept
