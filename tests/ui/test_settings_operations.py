"""The settings dialogs and the 接待日 sheet write as the window's operations: one undo step
each, and the window's pages re-read what they wrote (while the dialog is still open)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QListWidget, QPushButton, QSpinBox

from studio_desk.core.models import Activity, Reception
from studio_desk.core.reception_day import linked_receptions
from tests.ui.conftest import child, click, in_dialog, press_shortcut, save, type_into, wait_idle


def _button(dialog, text):
    return next(b for b in dialog.findChildren(QPushButton) if b.text() == text)


def test_studio_details_reach_the_overview_and_undo_in_one_step(window, demo_store, qtbot):
    old = demo_store.studio().name
    dashboard = window.show_page("总览")

    def rename(form):
        type_into(qtbot, child(form, "f_name", QLineEdit), "城关镇委员工作室")
        save(qtbot, form)
        return True

    in_dialog(qtbot, window.edit_studio, rename)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: dashboard.title.text().startswith("城关镇委员工作室"), timeout=5000)
    assert window.undo_action.text() == "撤销“修改工作室信息”"

    press_shortcut(qtbot, dashboard, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, window)
    assert demo_store.studio().name == old
    qtbot.waitUntil(lambda: dashboard.title.text().startswith(old), timeout=5000)
    assert "城关镇委员工作室" not in window.windowTitle()


def test_a_new_type_reaches_the_filter_while_the_dialog_is_open(window, demo_store, qtbot):
    page = window.show_page("活动")
    wait_idle(qtbot, window)
    combo = child(page, "filter_type", QComboBox)
    assert combo.findText("读书会") < 0
    seen: list[int] = []

    def add(dialog):
        entry = child(dialog, "entry_activity_type", QLineEdit)
        type_into(qtbot, entry, "读书会")
        qtbot.keyClick(entry, Qt.Key.Key_Return)
        seen.append(combo.findText("读书会"))  # the page re-read on the operation, not on closing
        assert child(dialog, "list_activity_type", QListWidget).findItems("读书会", Qt.MatchFlag.MatchExactly)
        dialog.reject()
        return True

    in_dialog(qtbot, window.edit_types, add)
    assert seen and seen[0] >= 0
    assert window.undo_action.text() == "撤销“添加活动类型：读书会”"
    window.undo()
    wait_idle(qtbot, window)
    assert "读书会" not in demo_store.type_values("activity_type")
    assert combo.findText("读书会") < 0


def test_point_weights_are_one_undo_step(window, demo_store, qtbot):
    before = demo_store.point_weights()["activity"]
    with qtbot.waitSignal(window.operations.changed, timeout=5000):
        def change(dialog):
            type_into(qtbot, child(dialog, "weight_activity", QSpinBox), str(before + 5))
            click(qtbot, _button(dialog, "保存"))
            return True

        in_dialog(qtbot, window.edit_weights, change)
    assert demo_store.point_weights()["activity"] == before + 5
    assert window.undo_action.text() == "撤销“修改履职积分规则”"
    window.undo()
    wait_idle(qtbot, window)
    assert demo_store.point_weights()["activity"] == before


def _fill(dialog, citizens) -> None:
    for row, (name, content) in enumerate(citizens):
        if row >= dialog.table.rowCount():
            dialog.add_row()
        dialog.table.item(row, 0).setText(name)
        dialog.table.item(row, 3).setText(content)


def test_reception_day_sheet_shows_on_the_receptions_page_and_ctrl_z_takes_it_back(window, qtbot):
    store = window.store
    receptions_page = window.page("接待走访")
    page = window.show_page("活动")
    wait_idle(qtbot, window)
    page.set_year(None)
    day = next(a for a in store.list_records(Activity) if a.type == "委员接待日")
    page.select_ids([day.id])
    before = store.count(Reception)

    def fill(dialog):
        _fill(dialog, (("钱先生", "咨询社保"), ("孙女士", "反映噪音"), ("周师傅", "路面积水")))
        assert dialog.try_save()
        return [r.id for r in dialog.saved.receptions]

    ids = in_dialog(qtbot, page.day_button.click, fill)[0]
    assert store.count(Reception) == before + 3
    assert window.undo_action.text() == "撤销“登记接待日群众3人”"
    window.show_page("接待走访")
    wait_idle(qtbot, window)
    receptions_page.set_year(None)
    wait_idle(qtbot, window)
    assert all(receptions_page.model.row_of(i) >= 0 for i in ids)

    press_shortcut(qtbot, receptions_page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, window)
    assert store.count(Reception) == before  # all three at once: one step
    assert not {r.id for r in linked_receptions(store, day.id)} & set(ids)
    assert all(receptions_page.model.row_of(i) < 0 for i in ids)
    assert store.get(Activity, day.id).public_count == day.public_count


def test_a_day_the_store_refuses_is_said_in_the_sheet(window, qtbot):
    store = window.store
    page = window.show_page("接待走访")
    wait_idle(qtbot, window)
    before = (store.count(Reception), store.count(Activity), window.undo_action.text())

    def fill(dialog):
        dialog.date_edit.set_value(date(2025, 6, 14))
        dialog.topic_edit.clear()  # a day without a topic: the store refuses it
        _fill(dialog, (("钱先生", "咨询社保"),))
        saved = dialog.try_save()
        text = dialog.status.text()
        dialog.reject()
        return saved, text

    saved, text = in_dialog(qtbot, page.day_button.click, fill)[0]
    assert not saved and text.startswith("接待日本身有需要修改的地方")
    assert (store.count(Reception), store.count(Activity), window.undo_action.text()) == before
