"""The 数据交换 dialogs, driven like a clerk would: copy to a folder, merge from it (with a
conflict to swap), and restore a backup."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from studio_desk.core.models import Activity, Donation, Member
from studio_desk.core.store import Store
from studio_desk.ui.exchange_dialogs import BackupDialog, MergeDialog, SnapshotDialog


@pytest.fixture
def clerk_store(store: Store) -> Store:
    m = store.save(Member(name="陈晓燕", role="召集人"))
    store.save(Activity(date=date(2026, 3, 8), type="集中学习", topic="学习会", member_ids=[m.id]))
    return store


def copy_to(qtbot, store: Store, target: Path, password: str | None = None) -> SnapshotDialog:
    dialog = SnapshotDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.path_edit, str(target))  # QTest types ASCII only: ASCII paths here
    if password:
        dialog.encrypt_check.setChecked(True)
        qtbot.keyClicks(dialog.password_edit, password)
        qtbot.keyClicks(dialog.password_again, password)
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.run_button.isEnabled(), timeout=15000)
    return dialog


def preview(qtbot, merge: MergeDialog) -> None:
    """预览合并, and wait for the preview (or its message)."""
    qtbot.mouseClick(merge.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not merge.busy() and merge.run_button.isEnabled(), timeout=15000)


def confirm(qtbot, merge: MergeDialog) -> None:
    with qtbot.waitSignal(merge.ops.changed, timeout=15000):
        qtbot.mouseClick(merge.confirm_button, Qt.MouseButton.LeftButton)


def test_copy_merge_conflict_swap_and_restore(qtbot, clerk_store: Store, tmp_path: Path, monkeypatch):
    stick = tmp_path / "usb"
    stick.mkdir()
    target = stick / "taizhang.sqlite"
    dialog = copy_to(qtbot, clerk_store, target)
    assert "可以安全拔出" in dialog.status.text() and target.exists()

    # A second copy of the same name is refused in place, without a pop-up.
    again = copy_to(qtbot, clerk_store, target)
    assert "已存在" in again.status.text()

    # The director edits the copy on another PC; the clerk edits the same activity later.
    activity = clerk_store.list_records(Activity)[0]
    with Store.open(target, replica_id="director") as other:
        other.save(dataclasses.replace(other.get(Activity, activity.id), topic="主任改的题目"))
        other.save(Donation(date=date(2026, 4, 1), category="慰问", donor="工作室", recipients="环卫工人",
                            recipient_count=30, cash_fen=300_000))
    clerk_store.save(dataclasses.replace(clerk_store.get(Activity, activity.id), topic="联络员改的题目"))

    merge = MergeDialog(clerk_store)
    qtbot.addWidget(merge)
    merge.show()
    qtbot.keyClicks(merge.path_edit, str(target))
    assert not merge.password_edit.isEnabled()  # a plain copy needs no password
    preview(qtbot, merge)
    assert clerk_store.list_records(Donation) == []  # the preview writes nothing
    confirm(qtbot, merge)
    text = merge.summary_view.toPlainText()
    assert "捐赠慰问：新增 1 条" in text and "冲突 1 条" in text
    assert merge.conflict_table.rowCount() == 1
    assert merge.conflict_table.item(0, 1).text() == "2026-03-08"
    assert merge.conflict_table.item(0, 2).text() == "联络员改的题目"
    assert merge.conflict_table.item(0, 3).text() == "活动主题"
    assert merge.conflict_table.item(0, 6).text() == "本机的版本"  # the clerk's edit was the later one
    assert "活动主题：本机“联络员改的题目”，U盘“主任改的题目”" in merge.conflict_table.item(0, 3).toolTip()
    assert clerk_store.list_records(Donation)[0].recipient_count == 30

    merge.conflict_table.selectRow(0)
    with qtbot.waitSignal(merge.ops.changed):
        qtbot.mouseClick(merge.swap_button, Qt.MouseButton.LeftButton)
    assert clerk_store.get(Activity, activity.id).topic == "主任改的题目"
    assert merge.conflict_table.item(0, 6).text() == "U盘的版本"

    # Restore the backup made before the merge: the donation goes, the clerk's title is back.
    backups = BackupDialog(clerk_store)
    qtbot.addWidget(backups)
    backups.show()
    labels = [backups.table.item(r, 1).text() for r in range(backups.table.rowCount())]
    assert "合并前" in labels
    row = labels.index("合并前")
    assert backups.table.item(row, 6).text() == "0"  # 捐赠慰问 in that backup
    backups.table.selectRow(row)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(backups.ops.changed, timeout=15000):
        qtbot.mouseClick(backups.restore_button, Qt.MouseButton.LeftButton)
    assert clerk_store.list_records(Donation) == []
    assert clerk_store.get(Activity, activity.id).topic == "联络员改的题目"
    labels = [backups.table.item(r, 1).text() for r in range(backups.table.rowCount())]
    assert "恢复前" in labels
    assert "已恢复" in backups.status.text()


def test_encrypted_copy_asks_for_the_password(qtbot, clerk_store: Store, tmp_path: Path):
    target = tmp_path / "enc.sqlite"
    dialog = copy_to(qtbot, clerk_store, target, password="secret-1234")
    assert "已加密" in dialog.status.text()

    with Store.open(tmp_path / "fresh.sqlite", replica_id="fresh") as fresh:
        merge = MergeDialog(fresh)
        qtbot.addWidget(merge)
        qtbot.keyClicks(merge.path_edit, str(target))
        assert merge.password_edit.isEnabled()
        qtbot.mouseClick(merge.run_button, Qt.MouseButton.LeftButton)
        assert "请输入密码" in merge.status.text()
        qtbot.keyClicks(merge.password_edit, "wrong-pass")
        qtbot.mouseClick(merge.run_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "密码不正确" in merge.status.text(), timeout=15000)
        assert fresh.list_records(Member) == []
        merge.password_edit.clear()
        qtbot.keyClicks(merge.password_edit, "secret-1234")
        preview(qtbot, merge)
        assert fresh.list_records(Member) == []
        confirm(qtbot, merge)
        assert [m.name for m in fresh.list_records(Member)] == ["陈晓燕"]


def test_backup_now_adds_a_row(qtbot, clerk_store: Store, tmp_path: Path):
    dialog = BackupDialog(clerk_store, backup_dir=tmp_path / "b")
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 0
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10000)
    assert dialog.table.item(0, 1).text() == "手动备份"
    assert dialog.table.item(0, 3).text() == "1"


def test_county_package_dialog_writes_a_masked_zip(qtbot, demo_store: Store, tmp_path: Path):
    from studio_desk.ui.exchange_dialogs import CountyPackageDialog

    dialog = CountyPackageDialog(demo_store)
    qtbot.addWidget(dialog)
    dialog.year_combo.setCurrentIndex(dialog.year_combo.findData(2026))
    qtbot.keyClicks(dialog.folder_edit, str(tmp_path))
    assert dialog.mask_check.isChecked()
    qtbot.mouseClick(dialog.db_check, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.run_button.isEnabled(), timeout=30000)
    assert "报送材料已生成" in dialog.status.text()
    (archive,) = tmp_path.glob("*.zip")
    import zipfile

    with zipfile.ZipFile(archive) as zf:
        assert any(n.endswith("（已脱敏）.sqlite") for n in zf.namelist())


def test_a_plugged_in_stick_is_offered(qtbot, store: Store, tmp_path: Path, monkeypatch):
    stick = tmp_path / "stick"
    stick.mkdir()
    monkeypatch.setenv("STUDIO_DESK_REMOVABLE_ROOTS", str(stick))
    dialog = SnapshotDialog(store)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.use_stick_button, Qt.MouseButton.LeftButton)
    assert Path(dialog.path_edit.text()).parent == stick
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.run_button.isEnabled(), timeout=15000)
    assert "可以安全拔出" in dialog.status.text()
    assert len(list(stick.glob("台账-*.sqlite"))) == 1


def test_merge_dialog_shows_conflicts_of_an_earlier_merge(qtbot, clerk_store: Store, tmp_path: Path):
    from studio_desk.core.sync import merge_stores

    activity = clerk_store.list_records(Activity)[0]
    other_path = tmp_path / "other.sqlite"
    clerk_store.backup_to(other_path)
    with Store.open(other_path, replica_id="director") as other:
        other.save(dataclasses.replace(other.get(Activity, activity.id), topic="主任改的"))
        clerk_store.save(dataclasses.replace(clerk_store.get(Activity, activity.id), topic="联络员改的"))
        merge_stores(clerk_store, other)
    dialog = MergeDialog(clerk_store)
    qtbot.addWidget(dialog)
    assert dialog.conflict_table.rowCount() == 1
    assert "1 处冲突" in dialog.summary_view.toPlainText()
    # Read back from history: the version made on this PC is 本机's.
    assert dialog.conflict_table.item(0, 6).text() == "本机的版本"
    assert dialog.conflict_table.item(0, 1).text() == "2026-03-08"
    dialog.conflict_table.selectRow(0)
    qtbot.mouseClick(dialog.swap_button, Qt.MouseButton.LeftButton)
    assert clerk_store.get(Activity, activity.id).topic == "主任改的"
