"""The mouse wheel over a record form scrolls the form: a combo box or number box the pointer
passes keeps its value unless the clerk has clicked or tabbed into it. The same holds in the other
dialogs and bars that have such boxes (a ledger's filters, 打印文档 …)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QScrollArea, QSpinBox, QWidget

from studio_desk.core.models import Activity
from studio_desk.ui.forms import ActivityForm
from studio_desk.ui.print_dialog import PrintDialog
from tests.ui.conftest import child, turn_wheel


def _small_form(qtbot, store) -> ActivityForm:
    act = store.save(Activity(date=date(2025, 12, 31), type="集中学习", topic="年终学习", public_count=30))
    form = ActivityForm(store, act)
    qtbot.addWidget(form, before_close_func=lambda f: f.done(0))  # no question left open
    form.resize(700, 360)  # shorter than its fields: the tab scrolls, as on the clerk's laptop
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    return form


def test_the_wheel_over_an_unfocused_box_scrolls_the_form_and_keeps_the_value(store, qtbot):
    form = _small_form(qtbot, store)
    kind = form.findChild(QComboBox, "f_type")
    count = form.findChild(QSpinBox, "f_public_count")
    scroll = form.findChild(QScrollArea, "scroll_tab_basic") or next(
        s for s in form.findChildren(QScrollArea) if s.isAncestorOf(count)
    )
    bar = scroll.verticalScrollBar()
    assert bar.maximum() > 0, "the form should scroll at this size"
    form.findChild(QWidget, "f_topic").setFocus()
    assert not kind.hasFocus() and not count.hasFocus()

    turn_wheel(kind)
    assert kind.currentText() == "集中学习"
    assert bar.value() > 0  # the form scrolled instead
    moved = bar.value()
    turn_wheel(count)
    assert count.value() == 30
    assert bar.value() > moved or bar.value() == bar.maximum()
    assert not kind.hasFocus() and not count.hasFocus()  # the wheel gives no box the focus

    assert form.try_save()  # what reaches the database is what the clerk chose
    stored = store.get(Activity, form.record.id)
    assert stored.type == "集中学习" and stored.public_count == 30


def test_a_box_the_clerk_clicked_into_takes_theturn_wheel(store, qtbot):
    form = _small_form(qtbot, store)
    count = form.findChild(QSpinBox, "f_public_count")
    count.setFocus()
    qtbot.waitUntil(count.hasFocus, timeout=2000)
    turn_wheel(count, steps=1)
    assert count.value() == 31
    kind = form.findChild(QComboBox, "f_type")
    kind.setFocus()
    qtbot.waitUntil(kind.hasFocus, timeout=2000)
    before = kind.currentIndex()
    turn_wheel(kind, steps=-1)
    assert kind.currentIndex() == before + 1


def test_the_wheel_over_a_filter_or_a_print_choice_changes_nothing(window, demo_store, qtbot):
    page = window.show_page("接待走访")
    status, year = child(page, "filter_status", QComboBox), child(page, "year", QComboBox)
    page.table.setFocus()
    shown = list(page.model.ids)
    for combo in (status, year):
        before = combo.currentIndex()
        for steps in (-1, 1):
            turn_wheel(combo, steps)
            assert combo.currentIndex() == before, (combo.objectName(), steps)
    assert page.model.ids == shown  # the ledger was not filtered behind the clerk's back

    dialog = PrintDialog(demo_store, date.today().year)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.make_button.setFocus()
    kind, rows = child(dialog, "kind", QComboBox), dialog.rows
    turn_wheel(kind)
    turn_wheel(rows, steps=1)
    assert kind.currentIndex() == 0 and rows.value() == 20
    kind.setFocus()  # clicked into: the wheel chooses, as before
    qtbot.waitUntil(kind.hasFocus, timeout=2000)
    turn_wheel(kind)
    assert kind.currentIndex() == 1
