"""报表 and 数据交换 open the other modules' dialogs; their dataChanged refreshes the window."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QPushButton

from studio_desk.core.models import Activity
from tests.ui.conftest import child, click, in_dialog

THIS_YEAR = date.today().year


def test_import_dialog_data_changed_refreshes_every_page(window, demo_store, qtbot):
    pytest.importorskip("studio_desk.ui.ledger_io")
    from studio_desk.ui.ledger_io import ImportDialog

    activities = window.show_page("活动")
    before = len(activities.model.ids)
    reports = window.show_page("报表")

    def import_elsewhere(dialog):
        # what an import does: records written, then the signal
        demo_store.save(Activity(date=date.today(), type="集中学习", topic="导入的活动"))
        dialog.dataChanged.emit()
        dialog.reject()
        return True

    in_dialog(qtbot, lambda: click(qtbot, child(reports, "import_xlsx", QPushButton)), import_elsewhere, ImportDialog)
    window.show_page("活动")
    assert len(activities.model.ids) == before + 1


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
