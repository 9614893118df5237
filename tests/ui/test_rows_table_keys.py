"""Typing into the 跟踪卡 and 物资明细 tables with the keyboard: a new row starts at its first
cell, Tab goes through the row, and Tab from the last cell leaves the table instead of wrapping
round to overwrite an earlier row; the database holds exactly the rows typed."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton

from studio_desk.core.models import Author, Donation, DonationItem, FollowUp, Proposal
from studio_desk.core.enums import DONATION_CATEGORIES
from studio_desk.ui.forms import DonationForm, ProposalForm
from tests.ui.conftest import child, click, type_text


def _open(qtbot, form):
    qtbot.addWidget(form, before_close_func=lambda f: f.done(0))
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow, timeout=5000)
    return form


def _editor() -> QLineEdit:
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit), editor
    return editor


def _tab(qtbot, backwards: bool = False) -> None:
    key = Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab
    mod = Qt.KeyboardModifier.ShiftModifier if backwards else Qt.KeyboardModifier.NoModifier
    qtbot.keyClick(QApplication.focusWidget(), key, mod)
    qtbot.wait(10)


def test_tab_through_a_new_follow_up_never_overwrites_an_earlier_one(store, qtbot):
    earlier = [FollowUp(date=date(2026, 3, 2), note="已报送"), FollowUp(date=date(2026, 4, 9), note="已答复")]
    proposal = store.save(Proposal(category="提案", title="加快老旧小区改造", authors=[Author(name="王五")], followups=earlier))
    form = _open(qtbot, ProposalForm(store, proposal))
    followups = child(form, "f_followups")
    tabs = form.ui.tabs
    tabs.setCurrentIndex(next(i for i in range(tabs.count()) if tabs.widget(i).isAncestorOf(followups)))
    add = child(followups, "add_row", QPushButton)
    click(qtbot, add)
    table = followups.table
    assert (table.currentRow(), table.currentColumn()) == (2, 0)  # the date of the new row
    assert _editor().selectedText() == date.today().isoformat()  # today, ready to be typed over
    type_text(qtbot, _editor(), "2026-05-20")
    _tab(qtbot)
    assert (table.currentRow(), table.currentColumn()) == (2, 1)
    type_text(qtbot, _editor(), "县住建局已回复")
    _tab(qtbot)
    assert not table.isAncestorOf(QApplication.focusWidget())  # out of the table
    assert QApplication.focusWidget() is add  # to the next field: 添加跟踪记录 itself
    type_text(qtbot, QApplication.focusWidget(), "xyz")
    assert followups.rows()[:2] == [["2026-03-02", "已报送"], ["2026-04-09", "已答复"]]

    assert form.try_save()
    stored = store.get(Proposal, proposal.id)
    assert [(f.date, f.note) for f in stored.followups] == [
        (date(2026, 3, 2), "已报送"), (date(2026, 4, 9), "已答复"), (date(2026, 5, 20), "县住建局已回复"),
    ]


def test_tab_through_donated_items_and_shift_tab_out_of_the_first_cell(store, qtbot):
    donation = store.save(Donation(
        date=date(2026, 5, 1), donor="刘记豆腐", category=DONATION_CATEGORIES[0], recipients="留守儿童",
        items=[DonationItem(name="大米", unit="袋")],
    ))
    form = _open(qtbot, DonationForm(store, donation))
    items = child(form, "f_items")
    table = items.table
    click(qtbot, child(items, "add_row", QPushButton))
    assert (table.currentRow(), table.currentColumn()) == (1, 0)
    for i, text in enumerate(("书包", "40", "个", "2400")):
        if i:
            _tab(qtbot)
        assert (table.currentRow(), table.currentColumn()) == (1, i)
        type_text(qtbot, _editor(), text)
    _tab(qtbot)
    assert not table.isAncestorOf(QApplication.focusWidget())
    type_text(qtbot, QApplication.focusWidget(), "zzz")
    assert items.rows() == [["大米", "", "袋", ""], ["书包", "40", "个", "2400"]]

    table.setCurrentCell(0, 0)
    table.editItem(table.item(0, 0))
    _tab(qtbot, backwards=True)
    assert not table.isAncestorOf(QApplication.focusWidget())  # before the table, not its last cell
    type_text(qtbot, QApplication.focusWidget(), "9")
    assert items.rows()[1] == ["书包", "40", "个", "2400"]

    assert form.try_save()
    stored = store.get(Donation, donation.id)
    assert [(i.name, i.unit, i.value_fen) for i in stored.items] == [("大米", "袋", 0), ("书包", "个", 240_000)]
