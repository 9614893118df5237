"""The first start of an empty database offers the studio's details once; skipping is fine."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QPushButton

from studio_desk import APP_TITLE
from studio_desk.core.models import Member
from studio_desk.ui import app as app_module
from studio_desk.ui.date_field import DateField
from studio_desk.ui.first_run import SetupDialog
from tests.ui.conftest import child, click, type_into


@pytest.fixture
def opened(qtbot):
    yield app_module._windows
    for window, store in list(app_module._windows):
        window.shutdown()
        window.close()
        store.close()
    app_module._windows.clear()


def _setup_dialog(qtbot, window) -> SetupDialog:
    qtbot.waitUntil(lambda: window.setup_dialog is not None and window.setup_dialog.isVisible(), timeout=5000)
    return window.setup_dialog


def test_first_start_asks_for_the_studio_and_the_title_follows(qtbot, opened, db_path):
    window = app_module.open_window(db_path)
    assert window.windowTitle() == APP_TITLE
    dialog = _setup_dialog(qtbot, window)
    assert "文件 → 工作室信息" in child(dialog, "first_run_welcome", QLabel).text()
    name = child(dialog, "f_name", QLineEdit)
    assert name.text() == ""  # the studio's own name, typed over nothing
    type_into(qtbot, name, "青溪县政协城关镇委员工作室")
    type_into(qtbot, child(dialog, "f_county", QLineEdit), "青溪县政协")
    type_into(qtbot, child(dialog, "f_convenor", QLineEdit), "刘刚")
    type_into(qtbot, child(dialog, "f_founded_on", DateField), "2024/3/5")
    click(qtbot, dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save))
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    studio = window.store.studio()
    assert (studio.name, studio.county, studio.convenor, studio.founded_on) == (
        "青溪县政协城关镇委员工作室", "青溪县政协", "刘刚", date(2024, 3, 5)
    )
    assert window.windowTitle() == "青溪县政协城关镇委员工作室 — 履职台账"
    dashboard = window.page("总览")  # re-read on the save's operation, not on the dialog closing
    qtbot.waitUntil(lambda: dashboard.title.text().startswith("青溪县政协城关镇委员工作室"), timeout=5000)
    assert window.undo_action.text() == "撤销“修改工作室信息”"
    dashboard = window.page("总览")
    qtbot.waitUntil(lambda: "青溪县政协城关镇委员工作室" in dashboard.title.text(), timeout=10_000)


def test_skipped_once_and_not_asked_again(qtbot, opened, db_path):
    window = app_module.open_window(db_path)
    dialog = _setup_dialog(qtbot, window)
    click(qtbot, child(dialog, "skip", QPushButton))
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert window.store.studio().name == "委员工作室"
    welcome = window.page("总览").findChild(QLabel, "welcome")
    qtbot.waitUntil(welcome.isVisible, timeout=10_000)
    assert "文件 → 工作室信息" in welcome.text() and "“委员”页点“添加委员”" in welcome.text()
    assert window.page("委员").new_button.text() == "添加委员"
    window.shutdown()
    window.close()
    store = app_module._windows.pop()[1]
    store.close()
    again = app_module.open_window(db_path)
    qtbot.wait(50)
    assert again.setup_dialog is None


def test_a_database_with_records_is_not_asked(qtbot, opened, db_path):
    from studio_desk.core.store import Store

    store = Store.open(db_path)
    store.save(Member(name="刘刚"))
    store.close()
    window = app_module.open_window(db_path)
    qtbot.wait(50)
    assert window.setup_dialog is None

