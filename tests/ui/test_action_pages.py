"""报表 and 数据交换 open the other modules' dialogs; what they write runs as one of the window's
operations, and the pages re-read on its ``changed``."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QPushButton

from studio_desk.core.models import Activity
from tests.ui.conftest import child, click, in_dialog, wait_idle

THIS_YEAR = date.today().year


def _count_on(window, page_name: str) -> int:
    """What a ledger page lists when shown (a hidden page re-reads on showing only when a change
    marked it stale)."""
    return len(window.show_page(page_name).model.ids)


def test_an_import_from_reports_runs_as_the_window_s_operation_and_every_page_shows_it(window, qtbot, tmp_path):
    from studio_desk.ui.ledger_io import ImportDialog

    before = _count_on(window, "活动")
    book = tmp_path / "new.xlsx"
    sheet_book = openpyxl.Workbook()
    sheet_book.active.title = "活动"
    sheet_book.active.append(["日期", "活动类型", "活动主题", "群众人次"])
    sheet_book.active.append([date.today().isoformat(), "集中学习", "导入的学习会", 12])
    sheet_book.save(book)
    reports = window.show_page("报表")

    def import_it(dialog: ImportDialog) -> bool:
        assert dialog.ops is window.operations  # one write path: the window's
        dialog.load_file(book)
        qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=20_000)
        click(qtbot, dialog.import_button)
        qtbot.waitUntil(lambda: dialog.result is not None, timeout=20_000)
        dialog.reject()
        return True

    in_dialog(qtbot, lambda: click(qtbot, child(reports, "import_xlsx", QPushButton)), import_it, ImportDialog)
    assert _count_on(window, "活动") == before + 1  # marked stale on Operations.changed, re-read when shown
    assert window.statusBar().currentMessage() == "已导入台账。"  # no Ctrl+Z offered: the import ended it


def test_a_merge_and_a_restore_from_the_exchange_page_refresh_the_pages(window, demo_store, qtbot, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    from studio_desk.core.store import Store
    from studio_desk.ui.exchange_dialogs import BackupDialog, MergeDialog

    before = _count_on(window, "活动")
    stick = tmp_path / "stick.sqlite"
    demo_store.backup_to(stick)
    with Store.open(stick, replica_id="director") as other:
        other.save(Activity(date=date.today(), type="视察调研", topic="主任在另一台电脑上记的视察"))
    page = window.show_page("数据交换")

    def merge_it(dialog: MergeDialog) -> bool:
        assert dialog.ops is window.operations
        dialog.path_edit.setText(str(stick))
        click(qtbot, dialog.run_button)
        qtbot.waitUntil(lambda: dialog.confirm_button.isEnabled(), timeout=20_000)
        click(qtbot, dialog.confirm_button)
        qtbot.waitUntil(lambda: dialog.summary is not None, timeout=20_000)
        dialog.reject()
        return True

    in_dialog(qtbot, lambda: click(qtbot, child(page, "merge", QPushButton)), merge_it, MergeDialog)
    assert _count_on(window, "活动") == before + 1
    assert window.statusBar().currentMessage() == "已从U盘合并。"

    def restore_before_merge(dialog: BackupDialog) -> bool:
        labels = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
        dialog.table.selectRow(labels.index("合并前"))
        answer = QMessageBox.question
        QMessageBox.question = lambda *a, **k: QMessageBox.StandardButton.Yes  # the clerk answers 是
        try:
            click(qtbot, dialog.restore_button)
        finally:
            QMessageBox.question = answer
        qtbot.waitUntil(lambda: "已恢复" in dialog.status.text(), timeout=20_000)
        dialog.reject()
        return True

    in_dialog(qtbot, lambda: click(qtbot, child(page, "backups", QPushButton)), restore_before_merge, BackupDialog)
    assert _count_on(window, "活动") == before  # the restored file is what the page shows


def test_the_rota_s_planned_days_are_one_undo_step_of_the_window(window, demo_store, qtbot):
    from studio_desk.core import rota
    from studio_desk.ui.rota_dialog import RotaDialog

    planned = len(rota.days(demo_store))
    reports = window.show_page("报表")

    def plan(dialog: RotaDialog) -> bool:
        dialog.months.setValue(rota.MAX_MONTHS)
        click(qtbot, child(dialog, "plan", QPushButton))
        dialog.accept()
        return True

    in_dialog(qtbot, lambda: click(qtbot, child(reports, "reception_rota", QPushButton)), plan, RotaDialog)
    added = len(rota.days(demo_store)) - planned
    assert added > 0 and window.statusBar().currentMessage() == "已安排委员接待日。按 Ctrl+Z 可撤销。"
    window.undo()
    assert len(rota.days(demo_store)) == planned


def test_exchange_dialogs_open_from_their_buttons(window, qtbot):
    pytest.importorskip("studio_desk.ui.exchange_dialogs")
    from studio_desk.ui import exchange_dialogs as ex

    page = window.show_page("数据交换")
    for name, kind in (("snapshot", ex.SnapshotDialog), ("merge", ex.MergeDialog), ("backups", ex.BackupDialog), ("county_package", ex.CountyPackageDialog)):
        def close(dialog):
            assert isinstance(dialog, kind)
            dialog.reject()
            return True

        in_dialog(qtbot, lambda n=name: click(qtbot, child(page, n, QPushButton)), close, kind)


def test_ctrl_e_opens_the_export_for_the_chosen_year(window, qtbot):
    pytest.importorskip("studio_desk.ui.ledger_io")
    from studio_desk.ui.ledger_io import ExportDialog

    reports = window.show_page("报表")
    year = child(reports, "year", QComboBox)
    year.setCurrentIndex(year.findData(THIS_YEAR - 1))
    window.show_page("活动")
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: any(isinstance(w, ExportDialog) and w.isVisible() for w in QApplication.topLevelWidgets()))
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ExportDialog) and w.isVisible())
    assert dialog.year == THIS_YEAR - 1
    dialog.reject()


def test_summary_dialog_opens_for_the_chosen_year(window, qtbot):
    pytest.importorskip("studio_desk.ui.summary_dialog")
    from studio_desk.ui.summary_dialog import SummaryDialog

    reports = window.show_page("报表")
    year = child(reports, "year", QComboBox)
    year.setCurrentIndex(year.findData(THIS_YEAR - 1))

    def look(dialog):
        assert dialog.year == THIS_YEAR - 1
        dialog.reject()
        return True

    in_dialog(qtbot, lambda: click(qtbot, child(reports, "summary_pdf", QPushButton)), look, SummaryDialog)


def test_a_day_recorded_from_the_rota_is_one_undo_step(window, demo_store, qtbot):
    """登记这天的接待 writes the citizens and links the rota's day together: one Ctrl+Z takes both back."""
    from studio_desk.core import rota
    from studio_desk.core.models import Reception
    from studio_desk.ui.reception_day import ReceptionDayDialog
    from studio_desk.ui.rota_dialog import RotaDialog

    reports = window.show_page("报表")
    receptions = demo_store.count(Reception)
    seen: dict = {}

    def record(dialog: RotaDialog) -> bool:
        dialog.months.setValue(1)
        click(qtbot, child(dialog, "plan", QPushButton))
        wait_idle(qtbot, window)
        open_days = [d for d in rota.days(demo_store) if not d.activity_id]
        day = open_days[-1]
        seen["day"] = day.id
        row = next(r for r in range(dialog.table.rowCount())
                   if dialog.table.item(r, 0).text().startswith(day.date.isoformat()))
        dialog.table.selectRow(row)

        def fill(sheet: ReceptionDayDialog) -> bool:
            from PySide6.QtWidgets import QTableWidgetItem

            sheet.table.setItem(0, 0, QTableWidgetItem("钱大爷"))
            sheet.table.setItem(0, 3, QTableWidgetItem("反映路灯不亮"))
            assert sheet.try_save()
            return True

        in_dialog(qtbot, dialog.record_selected, fill, ReceptionDayDialog)
        dialog.accept()
        return True

    in_dialog(qtbot, lambda: click(qtbot, child(reports, "reception_rota", QPushButton)), record, RotaDialog)
    linked = next(d for d in rota.days(demo_store) if d.id == seen["day"])
    assert linked.activity_id and demo_store.count(Reception) == receptions + 1
    window.undo()
    wait_idle(qtbot, window)
    assert demo_store.count(Reception) == receptions
    assert not next(d for d in rota.days(demo_store) if d.id == seen["day"]).activity_id


def test_the_file_menu_imports_ledgers_beside_exporting_them(qtbot, window, tmp_path):
    """文件 → 从Excel导入台账… (Ctrl+I) opens the same import dialog as the 报表 page, and its
    preview shows each row's date and what it will come in 待补全 for."""
    from PySide6.QtGui import QAction

    from studio_desk.ui.ledger_io import ImportDialog

    book = tmp_path / "旧接待.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "接待登记"
    wb.active.append(["接待日期", "来访人", "反映问题"])
    wb.active.append(["2023-05-05", "王某某", "路灯坏了"])
    wb.save(book)
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    assert texts.index("从Excel导入台账…") == texts.index("导出 Excel 台账…") + 1
    action = next(a for a in window.findChildren(QAction) if a.objectName() == "import")
    assert action.shortcut().toString() == "Ctrl+I"

    def preview(dialog: ImportDialog) -> tuple:
        dialog.load_file(book)
        qtbot.waitUntil(lambda: dialog.plan is not None, timeout=20_000)
        model = dialog.records_model
        row = tuple(model.index(0, c).data() for c in range(model.columnCount()))
        headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
        dialog.reject()
        return dict(zip(headers, row))

    shown = in_dialog(qtbot, action.trigger, preview, ImportDialog)
    assert shown[0]["日期"] == "2023-05-05" and shown[0]["操作"] == "新增"
    assert "方式" in shown[0]["待补全"].split("、")
