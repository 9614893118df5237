"""The window as a whole: 总览 figures against the store, 跟踪卡, settings, status bar, persistence."""

from __future__ import annotations

import pytest

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QListWidget, QPushButton, QSpinBox, QTableWidget

from studio_desk.core.figures import annual_figures
from studio_desk.core.models import Activity, Proposal, Reception
from studio_desk.core.tracking import open_items
from studio_desk.ui.main_window import PAGE_NAMES, MainWindow
from tests.ui.conftest import (
    answer_message_box,
    answer_next_box,
    child,
    click,
    double_click,
    in_dialog,
    press_shortcut,
    save,
    type_into,
    wait_idle,
)

THIS_YEAR = date.today().year


def test_navigation_reaches_every_page(window, qtbot):
    nav = child(window, "nav", QListWidget)
    assert [nav.item(i).text() for i in range(nav.count())] == list(PAGE_NAMES)
    for i, name in enumerate(PAGE_NAMES):
        rect = nav.visualItemRect(nav.item(i))
        qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert window.current_page() is window.page(name)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() is window.page("活动")


def test_dashboard_figures_match_the_store(window, demo_store, qtbot):
    dashboard = window.page("总览")
    figures = annual_figures(demo_store, THIS_YEAR)
    for key in ("activities_total", "member_participations", "receptions_total", "close_rate", "donation_total", "outputs_total"):
        kf = figures.key_figure(key)
        shown = dashboard.figure_row(key)
        unit = f" {kf.unit}" if kf.kind != "rate" and kf.unit else ""
        assert shown["本年"] == kf.text(kf.current) + unit
        assert shown["上年"] == kf.text(kf.previous) + unit
    assert dashboard.month_chart.series[0][1] == figures.current.activities_by_month
    assert dashboard.month_chart.series[1][1] == figures.current.outputs_by_month
    assert dict(zip(dashboard.type_chart.labels, dashboard.type_chart.series[0][1])) == figures.current.activities_by_type

    # a new activity through the window changes the dashboard's count
    page = window.show_page("活动")

    def fill(form):
        type_into(qtbot, child(form, "f_topic", QLineEdit), "新的一次学习")
        answer_message_box("仍然保存")  # no 参加委员: asked, and passed
        save(qtbot, form)
        return form.saved

    in_dialog(qtbot, lambda: click(qtbot, page.new_button), fill)
    window.show_page("总览")
    wait_idle(qtbot, window)
    expected = annual_figures(demo_store, THIS_YEAR).key_figure("activities_total")
    assert expected.current == figures.key_figure("activities_total").current + 1
    assert dashboard.figure_row("activities_total")["本年"] == f"{expected.current} 次"

    # last year, chosen in the dashboard's year box
    year_box = child(dashboard, "year", QComboBox)
    year_box.setCurrentIndex(year_box.findData(THIS_YEAR - 1))
    wait_idle(qtbot, window)
    last = annual_figures(demo_store, THIS_YEAR - 1).key_figure("activities_total")
    assert dashboard.figure_row("activities_total")["本年"] == f"{last.current} 次"


def test_tracking_list_opens_the_record(window, demo_store, qtbot):
    dashboard = window.page("总览")
    items = open_items(demo_store)
    tracking = child(dashboard, "tracking", QTableWidget)
    assert tracking.rowCount() == len(items) > 0
    assert tracking.item(0, 2).text() == items[0].title
    assert ("逾期" in tracking.item(0, 0).text()) == items[0].overdue
    first = items[0]
    cls = Reception if first.kind == Reception.KIND else Proposal

    def look(form):
        assert form.record.id == first.record_id
        assert isinstance(form.record, cls)
        form.done(0)
        return True

    rect = tracking.visualItemRect(tracking.item(0, 2))
    in_dialog(qtbot, lambda: double_click(qtbot, tracking.viewport(), rect.center()), look)
    page = window.current_page()
    assert page.cls is cls and page.selected_ids() == [first.record_id]


def test_closing_a_request_removes_it_from_the_tracking_list(window, demo_store, qtbot):
    dashboard = window.page("总览")
    reception = next(i for i in open_items(demo_store) if i.kind == Reception.KIND)
    tracking = child(dashboard, "tracking", QTableWidget)
    before = tracking.rowCount()
    row = next(r for r in range(before) if tracking.item(r, 0).data(Qt.ItemDataRole.UserRole).endswith(reception.record_id))

    def close_it(form):
        form.ui.tabs.setCurrentIndex(1)
        flow = child(form, "status_flow")
        while child(flow, "next_step", QPushButton).isEnabled():
            click(qtbot, child(flow, "next_step", QPushButton))
        save(qtbot, form)
        return form.saved

    rect = tracking.visualItemRect(tracking.item(row, 2))
    in_dialog(qtbot, lambda: double_click(qtbot, tracking.viewport(), rect.center()), close_it)
    window.show_page("总览")
    wait_idle(qtbot, window)
    assert demo_store.get(Reception, reception.record_id).status == "已办结"
    labels = {tracking.item(r, 1).data(Qt.ItemDataRole.UserRole): tracking.item(r, 1).text() for r in range(tracking.rowCount())}
    # no longer a request to chase: now a citizen to call back for the feedback
    assert labels[f"{Reception.KIND}:{reception.record_id}"] == "回访"
    assert tracking.rowCount() == before


def test_studio_settings_rename_the_window(window, demo_store, qtbot):
    def rename(form):
        type_into(qtbot, child(form, "f_name", QLineEdit), "城关镇委员工作室")
        save(qtbot, form)
        return True

    in_dialog(qtbot, window.edit_studio, rename)
    assert demo_store.studio().name == "城关镇委员工作室"
    assert "城关镇委员工作室" in window.windowTitle()


def test_type_lists_feed_the_filters_and_forms(window, demo_store, qtbot):
    def add(dialog):
        entry = child(dialog, "entry_activity_type", QLineEdit)
        type_into(qtbot, entry, "读书会")
        qtbot.keyClick(entry, Qt.Key.Key_Return)
        lst = child(dialog, "list_activity_type", QListWidget)
        assert lst.item(lst.count() - 1).text() == "读书会"
        lst.setCurrentRow(lst.count() - 2)  # 其他
        removed = lst.currentItem().text()
        click(qtbot, child(dialog, "remove_activity_type", QPushButton))
        dialog.reject()
        return removed

    removed = in_dialog(qtbot, window.edit_types, add)[0]
    values = demo_store.type_values("activity_type")
    assert "读书会" in values and removed not in values
    page = window.show_page("活动")
    combo = child(page, "filter_type", QComboBox)
    assert combo.findText("读书会") >= 0 and combo.findText(removed) < 0

    def form_lists_it(form):
        types = child(form, "f_type", QComboBox)
        assert types.findText("读书会") >= 0 and types.findText(removed) < 0
        form.done(0)
        return True

    in_dialog(qtbot, lambda: click(qtbot, page.new_button), form_lists_it)


def test_point_weights(window, demo_store, qtbot):
    def change(dialog):
        type_into(qtbot, child(dialog, "weight_activity", QSpinBox), "7")
        click(qtbot, _button(dialog, "保存"))
        return True

    in_dialog(qtbot, window.edit_weights, change)
    assert demo_store.point_weights()["activity"] == 7


def _button(dialog, text):
    return next(b for b in dialog.findChildren(QPushButton) if b.text() == text)


def test_status_bar_and_daily_backup(window, demo_store, qtbot, data_home):
    assert str(demo_store.path) in child(window, "db_label").text()
    assert child(window, "backup_label").text() == "尚无备份"
    window.start_daily_backup()
    qtbot.waitUntil(lambda: "每日自动备份" in child(window, "backup_label").text(), timeout=5000)
    backups = list((data_home / "backups").glob("*.sqlite"))
    assert len(backups) == 1
    window.start_daily_backup()  # already made today: nothing more
    wait_idle(qtbot, window)
    assert len(list((data_home / "backups").glob("*.sqlite"))) == 1


def test_window_layout_persists(demo_store, qtbot):
    first = MainWindow(demo_store)
    qtbot.addWidget(first)
    first.resize(780, 560)  # within the offscreen platform's 800×600 screen
    first.show()
    wait_idle(qtbot, first)
    table = first.page("活动").table
    table.setColumnWidth(2, 333)
    first.splitter.setSizes([180, 600])
    nav_width = first.splitter.sizes()[0]
    first.close()

    second = MainWindow(demo_store)
    qtbot.addWidget(second)
    second.show()
    wait_idle(qtbot, second)
    assert second.page("活动").table.columnWidth(2) == 333
    assert second.splitter.sizes()[0] == nav_width
    assert second.size() == first.size()
    second.close()


def test_unexpected_error_is_logged_not_shown_as_traceback(window, qtbot, data_home):
    from PySide6.QtWidgets import QApplication, QMessageBox

    from studio_desk.ui.app import _excepthook

    seen = []

    def poll():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.accept()
        else:
            from PySide6.QtCore import QTimer

            QTimer.singleShot(20, poll)

    from PySide6.QtCore import QTimer

    QTimer.singleShot(20, poll)
    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError as exc:
        _excepthook(type(exc), exc, exc.__traceback__)
    assert seen and "意外" in seen[0] and "Traceback" not in seen[0]
    log = (data_home / "logs" / "studio-desk.log").read_text(encoding="utf-8")
    assert "ZeroDivisionError: boom" in log


def test_undo_action_names_what_it_undoes(window, demo_store, qtbot):
    page = window.show_page("活动")
    assert not window.undo_action.isEnabled()
    page.table.setFocus()
    page.table.selectRow(0)
    record_id = page.selected_ids()[0]
    answer_next_box()  # the question asked before deleting
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert window.undo_action.isEnabled()
    assert window.undo_action.text() == "撤销“删除1条活动”"
    assert "Ctrl+Z" in window.statusBar().currentMessage()
    window.show_page("委员")  # undo works from any page
    press_shortcut(qtbot, window.page("委员").table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not demo_store.get(Activity, record_id).deleted
    assert not window.undo_action.isEnabled()


def test_empty_database_shows_empty_states(store, qtbot):
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.show()
    wait_idle(qtbot, w)
    page = w.show_page("接待走访")
    assert page.stack.currentWidget() is page.empty
    assert "还没有接待走访记录" in page.empty.text()
    assert "跟踪卡：没有待跟踪的事项" == child(w.page("总览"), "tracking_title").text()
    assert not page.edit_button.isEnabled() and not page.delete_button.isEnabled()
    w.close()


def test_an_empty_year_names_the_years_that_have_records(store, qtbot):
    from datetime import date

    store.save(Activity(date=date(2023, 6, 1), type="集中学习", topic="旧台账里的学习会"))
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.show()
    wait_idle(qtbot, w)
    page = w.show_page("活动")
    assert page.year_combo.currentData() == date.today().year
    assert page.stack.currentWidget() is page.empty
    assert f"2023年有活动记录：点左上角的“{date.today().year}年”可改选年份。" in page.empty.text()
    assert "可改选年份" not in w.show_page("接待走访").empty.text()  # only years with its own records
    w.close()


def test_closing_an_edited_form_offers_to_save(window, demo_store, qtbot):
    page = window.show_page("活动")
    page.select_ids([page.model.ids[0]])
    before = demo_store.get(Activity, page.model.ids[0])

    def edit_and_close(form):
        type_into(qtbot, child(form, "f_topic", QLineEdit), "关窗时选择保存")
        answer_message_box("保存")  # 保存 from the question saves it
        form.close()
        return True

    in_dialog(qtbot, page.edit_selected, edit_and_close)
    assert demo_store.get(Activity, before.id).topic == "关窗时选择保存"


def test_an_empty_database_greets_with_what_to_do_first(qtbot, store):
    from studio_desk.core.models import Member
    from studio_desk.ui.main_window import MainWindow

    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    dashboard = window.page("总览")
    welcome = dashboard.findChild(type(dashboard.title), "welcome")
    qtbot.waitUntil(lambda: welcome.isVisible(), timeout=10_000)
    assert "演示数据库" in welcome.text() and "导入台账" in welcome.text()
    store.save(Member(name="刘刚", role="召集人"))
    window.refresh()
    qtbot.waitUntil(lambda: not welcome.isVisible(), timeout=10_000)
    window.shutdown()


@pytest.mark.parametrize("page_name", ["活动", "委员"])
def test_closing_while_a_search_waits_for_its_pause_shows_no_error(qtbot, demo_store, data_home, monkeypatch,
                                                                   page_name):
    from studio_desk.ui import tasks
    from studio_desk.ui.main_window import MainWindow

    shown = []
    monkeypatch.setattr(tasks.QMessageBox, "warning", lambda *args: shown.append(args))

    window = MainWindow(demo_store)
    qtbot.addWidget(window)
    window.show()
    page = window.page(page_name)
    window.show_page(page_name)
    page.search.setText("学习")  # the search starts its 200 ms pause
    window.close()  # shutdown: the store may be closed right after
    demo_store.close()
    qtbot.wait(400)
    assert shown == []
    log = data_home / "logs" / "studio-desk.log"
    assert not log.exists() or "Traceback" not in log.read_text(encoding="utf-8")
