"""Delete asks first (how many, what goes with them); the 回收站 page restores, and Ctrl+Z undoes that."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from studio_desk.core.models import Reception
from tests.ui.conftest import wait_idle


def _answer(button, seen: list) -> None:
    def poll() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            seen.append(box.text() + "\n" + box.informativeText())
            box.button(button).click()
            return
        QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)


def test_delete_asks_and_the_recycle_bin_restores(window, demo_store, qtbot):
    page = window.show_page("接待走访")
    wait_idle(qtbot, window)
    page.table.setFocus()
    ids = page.model.ids[:3]
    page.select_ids(ids)
    before = demo_store.count(Reception)

    seen: list[str] = []
    _answer(QMessageBox.StandardButton.No, seen)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert demo_store.count(Reception) == before  # 取消: nothing deleted
    assert "删除选中的 3 条接待走访记录吗" in seen[0] and "回收站" in seen[0]

    window.activateWindow()  # the window system would give the focus back
    qtbot.waitUntil(window.isActiveWindow)
    page.table.setFocus()
    _answer(QMessageBox.StandardButton.Yes, seen)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert demo_store.count(Reception) == before - 3

    bin_page = window.show_page("回收站")
    wait_idle(qtbot, window)
    listed = [d.record_id for d in bin_page.items]
    assert set(ids) <= set(listed[:3])
    assert bin_page.table.model().index(0, 0).data() == "接待走访"
    bin_page.select_ids(ids[:2])
    bin_page.restore_button.click()
    wait_idle(qtbot, window)  # the bin reads its list again in the background
    assert demo_store.count(Reception) == before - 1
    assert [h.reason for h in demo_store.history(ids[0])][-2:] == ["删除", "恢复"]
    assert ids[0] not in [d.record_id for d in bin_page.items]
    assert window.undo_action.text() == "撤销“恢复2条记录”"

    window.undo()
    wait_idle(qtbot, window)
    assert demo_store.count(Reception) == before - 3
    assert demo_store.get(Reception, ids[0]).deleted
    bin_page.refresh()
    wait_idle(qtbot, window)
    assert ids[0] in [d.record_id for d in bin_page.items]


def test_the_bin_reads_its_list_in_the_background_and_makes_cells_when_shown(window, demo_store, qtbot):
    from PySide6.QtWidgets import QHeaderView

    from studio_desk.core.models import Activity

    receptions = demo_store.query_ids(Reception)[:4]
    activity = demo_store.query_ids(Activity)[0]
    with demo_store.transaction():
        for record_id in receptions:
            demo_store.delete(Reception, record_id)
        demo_store.delete(Activity, activity)
    bin_page = window.show_page("回收站")
    assert bin_page.is_busy()  # the list is read off the UI thread
    wait_idle(qtbot, window)
    model = bin_page.table.model()
    assert model.rowCount() == len(bin_page.items) >= 5
    assert {receptions[0], activity} <= {d.record_id for d in bin_page.items}
    row = next(r for r, d in enumerate(bin_page.items) if d.record_id == activity)
    assert model.index(row, 0).data() == "活动"
    assert model.index(row, 1).data() == (bin_page.items[row].title or "（无标题）")
    assert bin_page.table.verticalHeader().sectionResizeMode(0) == QHeaderView.ResizeMode.Fixed
    assert bin_page.count_label.text() == f"共 {len(bin_page.items):,} 条"

    bin_page.kind_combo.setCurrentIndex(bin_page.kind_combo.findData(Activity.KIND))
    wait_idle(qtbot, window)
    assert {d.cls for d in bin_page.items} == {Activity} and model.rowCount() == len(bin_page.items)
    bin_page.select_ids([activity])
    assert [d.record_id for d in bin_page.selected()] == [activity]
