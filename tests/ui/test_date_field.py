"""Dates typed into the forms: every usual form is read, nothing is turned into another day."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QCalendarWidget, QLabel, QLineEdit

from studio_desk.core.models import Member, Reception
from studio_desk.ui.date_field import DateField
from studio_desk.ui.forms import MemberForm, ReceptionForm, StudioForm
from tests.ui.conftest import child, save, type_into

MARCH_5 = date(2024, 3, 5)


@pytest.fixture
def opened():
    """Forms a test opened, closed afterwards without the question about unsaved changes."""
    forms: list = []
    yield forms
    for form in forms:
        form.done(0)  # QDialog.done: no 未保存的修改 question
        form.deleteLater()


@pytest.fixture
def show_form(opened, qtbot):
    def show(form):
        opened.append(form)
        form.show()
        form.activateWindow()  # focus moves between fields only in the active window
        qtbot.waitUntil(form.isActiveWindow, timeout=5000)
        return form

    return show


def _new_member(qtbot, show_form, store, name: str, joined: str) -> MemberForm:
    form = show_form(MemberForm(store))
    type_into(qtbot, child(form, "f_name", QLineEdit), name)
    field = child(form, "f_joined_on", DateField)
    assert field.text() == "" and field.placeholderText()  # an empty field shows as empty
    type_into(qtbot, field, joined)
    return form


@pytest.mark.parametrize(
    "typed",
    ["2024-03-05", "2024/3/5", "2024.3.5", "20240305", "2024年3月5日", "2024 年 3 月 5 日", "２０２４－３－５"],
)
def test_every_usual_form_reaches_the_database_as_typed(store, qtbot, show_form, typed):
    form = _new_member(qtbot, show_form, store, "张三", typed)
    field = child(form, "f_joined_on", DateField)
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert field.text() == "2024-03-05"  # shown the way the ledgers print it once the clerk moves on
    save(qtbot, form)
    assert form.result() == form.DialogCode.Accepted
    (member,) = store.list_records(Member)
    assert (member.name, member.joined_on, member.left_on) == ("张三", MARCH_5, None)


@pytest.mark.parametrize(
    "typed",
    ["2026-02-30", "2024/13/40", "2024-3", "三月五日", "20240230", "1850-01-01", "2024-03-05x"],
)
def test_a_date_that_is_no_date_is_named_and_nothing_is_written(store, qtbot, show_form, typed):
    form = _new_member(qtbot, show_form, store, "张三", typed)
    field = child(form, "f_joined_on", DateField)
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert field.text() == typed  # kept as typed, never turned into another day
    save(qtbot, form)
    err = child(form, "err_joined_on", QLabel)
    assert err.isVisible() and "加入日期" in err.text()
    assert typed in err.text() or typed[:4] in err.text()
    assert form.isVisible() and store.list_records(Member) == []
    type_into(qtbot, field, "2024/3/5")
    save(qtbot, form)
    (member,) = store.list_records(Member)
    assert member.joined_on == MARCH_5


def test_an_empty_date_stays_empty(store, qtbot, show_form):
    form = _new_member(qtbot, show_form, store, "李四", "")
    field = child(form, "f_joined_on", DateField)
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert field.text() == ""
    save(qtbot, form)
    (member,) = store.list_records(Member)
    assert member.joined_on is None and member.left_on is None


def test_clearing_a_stored_date_empties_it(store, qtbot, show_form):
    saved = store.save(Member(name="王五", joined_on=MARCH_5))
    form = show_form(MemberForm(store, saved))
    field = child(form, "f_joined_on", DateField)
    assert field.text() == "2024-03-05"
    type_into(qtbot, field, "")
    save(qtbot, form)
    assert store.get(Member, saved.id).joined_on is None


def test_studio_founding_date_typed_into_the_empty_field(store, qtbot, show_form):
    form = show_form(StudioForm(store, store.studio()))
    type_into(qtbot, child(form, "f_name", QLineEdit), "城关镇委员工作室")
    type_into(qtbot, child(form, "f_founded_on", DateField), "2024/3/5")
    save(qtbot, form)
    assert store.studio().founded_on == MARCH_5


def test_an_impossible_date_in_a_stored_reception_leaves_it_unchanged(demo_store, qtbot, show_form):
    before = next(r for r in demo_store.list_records(Reception) if r.date is not None)
    form = show_form(ReceptionForm(demo_store, before))
    field = child(form, "f_date", DateField)
    type_into(qtbot, field, "2026-02-30")
    save(qtbot, form)
    assert child(form, "err_date", QLabel).isVisible()
    assert "2026-02-30" in child(form, "err_date", QLabel).text()
    assert demo_store.get(Reception, before.id).date == before.date
    type_into(qtbot, field, "2026年2月28日")
    save(qtbot, form)
    assert demo_store.get(Reception, before.id).date == date(2026, 2, 28)


def test_closing_a_request_keeps_a_typed_closing_date(store, qtbot, show_form):
    form = show_form(ReceptionForm(store))
    closed = child(form, "f_closed_on", DateField)
    type_into(qtbot, closed, "2026/2/30")
    form.set_status("已办结")
    assert closed.text() == "2026/2/30"  # not replaced by today: the clerk is told on 保存
    type_into(qtbot, closed, "")
    form.set_status("已办结")
    assert closed.value() == date.today()


def test_calendar_and_arrow_keys(store, qtbot, show_form):
    form = show_form(MemberForm(store))
    field = child(form, "f_joined_on", DateField)
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Up)  # an empty field starts from today
    assert field.value() == date.today()
    type_into(qtbot, field, "2024-03-05")
    qtbot.keyClick(field, Qt.Key.Key_Down)
    assert field.text() == "2024-03-04"
    qtbot.keyClick(field, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = child(field, "date_calendar", QCalendarWidget)
    qtbot.waitUntil(calendar.isVisible)
    assert calendar.selectedDate() == QDate(2024, 3, 4)
    calendar.setSelectedDate(QDate(2024, 3, 20))
    calendar.activated.emit(calendar.selectedDate())  # what Enter or a double click on a day sends
    assert not calendar.isVisible() and field.text() == "2024-03-20"
    assert QApplication.focusWidget() is field
    type_into(qtbot, child(form, "f_name", QLineEdit), "赵六")
    save(qtbot, form)
    assert store.list_records(Member)[0].joined_on == date(2024, 3, 20)


def test_reception_day_sheet_refuses_an_impossible_day(demo_store, qtbot, show_form):
    from studio_desk.ui.reception_day import ReceptionDayDialog

    before = len(demo_store.list_records(Reception))
    dialog = show_form(ReceptionDayDialog(demo_store))
    type_into(qtbot, child(dialog, "day_date", DateField), "2026-02-30")
    dialog.table.item(0, 0).setText("王大妈")
    assert not dialog.try_save()
    assert "2026-02-30" in dialog.status.text()
    assert len(demo_store.list_records(Reception)) == before


def test_follow_up_rows_read_dates_with_the_same_parser(store, qtbot, show_form):
    form = show_form(ReceptionForm(store))
    followups = form.ui.f_followups
    followups.add_row(["20240305", "电话回访"])
    followups.add_row(["2024-02-30", "上门回访"])
    rows, problems = followups.value_checked()
    assert rows[0].date == MARCH_5
    assert rows[1].date is None and "2024-02-30" in problems[0]
