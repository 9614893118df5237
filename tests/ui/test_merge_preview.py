"""从U盘合并 previews record by record before anything is written; 取消 writes nothing, 确认合并
merges what was shown; conflicts say which version is 本机's and which the stick's."""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from studio_desk.core.models import Activity, Author, Donation, Member, Proposal
from studio_desk.core.store import Store
from studio_desk.core.sync import data_fingerprint
from studio_desk.ui.merge_dialog import MergeDialog


@pytest.fixture
def two_pcs(store: Store, tmp_path: Path):
    """This PC's store and a stick copy edited apart: one record added, changed, deleted, and
    one changed on both sides (here later)."""
    m = store.save(Member(name="陈晓燕", role="召集人"))
    study = store.save(Activity(date=date(2026, 3, 8), type="集中学习", topic="学习会", member_ids=[m.id]))
    visit = store.save(Activity(date=date(2026, 4, 2), type="视察调研", topic="视察饮水工程", member_ids=[m.id]))
    gift = store.save(Donation(date=date(2026, 5, 1), category="慰问", donor="工作室", recipients="环卫工人",
                               recipient_count=20))
    stick = tmp_path / "stick.sqlite"
    store.backup_to(stick)
    with Store.open(stick, replica_id="director") as other:
        other.save(Proposal(category="提案", title="关于加装电梯的提案", submitted_on=date(2026, 6, 9),
                            status="已提交", authors=[Author(name="陈晓燕", member_id=m.id)]))
        other.save(dataclasses.replace(other.get(Donation, gift.id), recipient_count=35))
        other.delete(Activity, visit.id)
        other.save(dataclasses.replace(other.get(Activity, study.id), topic="主任改的题目"))
    store.save(dataclasses.replace(store.get(Activity, study.id), topic="联络员改的题目"))
    return store, stick, {"study": study.id, "visit": visit.id, "gift": gift.id}


def _open(qtbot, store: Store, stick: Path) -> MergeDialog:
    dialog = MergeDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.path_edit, str(stick))
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=15000)
    return dialog


def _rows(view) -> list[list[str]]:
    """What a table shows, cell by cell (a QTableWidget or a view on a model)."""
    model = view.model()
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_the_preview_lists_each_record_and_writes_nothing(qtbot, two_pcs):
    store, stick, ids = two_pcs
    before = data_fingerprint(store)
    dialog = _open(qtbot, store, stick)
    assert data_fingerprint(store) == before  # a preview writes nothing
    rows = {(r[0], r[1]): r for r in _rows(dialog.preview_table)}
    assert set(rows) == {("冲突", "活动"), ("删除", "活动"), ("修改", "捐赠慰问"), ("新增", "提案建议")}
    assert rows[("新增", "提案建议")][2:4] == ["2026-06-09", "关于加装电梯的提案"]
    assert rows[("修改", "捐赠慰问")][2] == "2026-05-01" and "受助人数" in rows[("修改", "捐赠慰问")][4]
    assert rows[("删除", "活动")][2:4] == ["2026-04-02", "视察饮水工程"]
    conflict = rows[("冲突", "活动")]
    assert conflict[2:4] == ["2026-03-08", "联络员改的题目"]
    # The later edit (here) is kept; both sides are named with their times.
    assert "采用本机的版本" in conflict[4] and "U盘的存入历史" in conflict[4]
    assert conflict[4].index("本机 ") < conflict[4].index("U盘 ")
    assert "预览" in dialog.summary_view.toPlainText() and "尚未写入" in dialog.summary_view.toPlainText()
    assert dialog.confirm_button.isEnabled()
    # Colour-coded by action.
    model = dialog.preview_table.model()
    colours = {model.index(r, 0).data(): model.index(r, 0).data(Qt.ItemDataRole.BackgroundRole).color().name()
               for r in range(model.rowCount())}
    assert len(set(colours.values())) == 4


def test_cancel_after_the_preview_writes_nothing(qtbot, two_pcs, tmp_path):
    store, stick, _ids = two_pcs
    before = data_fingerprint(store)
    dialog = _open(qtbot, store, stick)
    assert dialog.close_button.text() == "取消"
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert data_fingerprint(store) == before
    from studio_desk.core.backup import list_backups
    from studio_desk.paths import backups_dir

    assert [b for b in list_backups(backups_dir(), store) if b.label == "合并前"] == []


def test_confirm_merges_what_the_preview_showed(qtbot, two_pcs):
    store, stick, ids = two_pcs
    dialog = _open(qtbot, store, stick)
    with qtbot.waitSignal(dialog.ops.changed, timeout=15000):
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert [p.title for p in store.list_records(Proposal)] == ["关于加装电梯的提案"]
    assert store.get(Donation, ids["gift"]).recipient_count == 35
    assert store.get(Activity, ids["visit"]).deleted
    assert store.get(Activity, ids["study"]).topic == "联络员改的题目"
    assert "合并完成" in dialog.summary_view.toPlainText() and "合并前的备份" in dialog.summary_view.toPlainText()
    assert dialog.close_button.text() == "关闭" and not dialog.confirm_button.isEnabled()
    # The conflict after the merge: the record's date, each side's version, the one in use.
    [row] = _rows(dialog.conflict_table)
    assert row[:4] == ["活动", "2026-03-08", "联络员改的题目", "活动主题"]
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", t) for t in row[4:6]) and row[6] == "本机的版本"
    dialog.conflict_table.selectRow(0)
    with qtbot.waitSignal(dialog.ops.changed):
        qtbot.mouseClick(dialog.swap_button, Qt.MouseButton.LeftButton)
    assert store.get(Activity, ids["study"]).topic == "主任改的题目"
    assert _rows(dialog.conflict_table)[0][6] == "U盘的版本"


def test_another_file_after_the_preview_must_be_previewed_again(qtbot, two_pcs):
    store, stick, _ids = two_pcs
    dialog = _open(qtbot, store, stick)
    qtbot.keyClicks(dialog.path_edit, "x")
    assert not dialog.confirm_button.isEnabled() and dialog.plan is None
    assert "重新预览" in dialog.status.text()


def test_an_identical_copy_needs_no_merge(qtbot, store: Store, tmp_path: Path):
    store.save(Member(name="陈晓燕", role="召集人"))
    stick = tmp_path / "same.sqlite"
    store.backup_to(stick)
    dialog = _open(qtbot, store, stick)
    assert dialog.preview_table.model().rowCount() == 0
    assert not dialog.confirm_button.isEnabled()
    assert "已经一致" in dialog.status.text()
