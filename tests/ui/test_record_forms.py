"""接待走访, 捐赠慰问, 提案建议 and 委员 through their forms, with what reached the database."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QListWidget, QPlainTextEdit, QPushButton, QSpinBox

from studio_desk.core.models import Activity, Donation, Member, Proposal, Reception
from tests.ui.conftest import (
    answer_next_box,
    child,
    click,
    edit_cell,
    press_enter,
    in_dialog,
    press_shortcut,
    save,
    type_into,
    type_text,
)

THIS_YEAR = date.today().year


def _member(store, name):
    return next(m for m in store.list_records(Member) if m.name == name)


def _select_combo(combo: QComboBox, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, text
    combo.setCurrentIndex(index)


# 接待走访.


def test_reception_status_flow_and_undo(window, demo_store, qtbot):
    page = window.show_page("接待走访")
    zhao = _member(demo_store, "赵明")

    def fill(form):
        type_into(qtbot, child(form, "f_person_name", QLineEdit), "王大妈")
        type_into(qtbot, child(form, "f_person_phone", QLineEdit), "13800001234")
        type_into(qtbot, child(form, "f_request_content", QPlainTextEdit), "小区路灯坏了三个月")
        search = child(form, "member_search", QLineEdit)
        type_into(qtbot, search, "zm")
        qtbot.keyClick(search, Qt.Key.Key_Return)
        form.ui.tabs.setCurrentIndex(1)
        flow = child(form, "status_flow")
        next_step = child(flow, "next_step", QPushButton)
        assert next_step.text() == "转为“办理中”"
        click(qtbot, next_step)
        assert child(form, "f_status", QComboBox).currentText() == "办理中"
        _select_combo(child(form, "f_handling", QComboBox), "转交部门")
        save(qtbot, form)  # 转交部门 needs a 转办单位
        err = child(form, "err_transferred_to", QLabel)
        assert err.isVisible() and "转办单位" in err.text()
        type_into(qtbot, child(form, "f_transferred_to", QLineEdit), "县住建局")
        click(qtbot, next_step)
        assert child(form, "f_status", QComboBox).currentText() == "已办结"
        assert child(form, "f_closed_on").value() == date.today()
        assert not next_step.isEnabled()
        form.ui.tabs.setCurrentIndex(2)
        followups = child(form, "f_followups")
        click(qtbot, child(followups, "add_row", QPushButton))
        qtbot.keyClick(qtbot_focus(), Qt.Key.Key_Tab)  # past today's date to the note
        type_text(qtbot, qtbot_focus(), "已联系住建局")
        press_enter(qtbot)
        save(qtbot, form)
        return form.saved

    saved = in_dialog(qtbot, lambda: click(qtbot, page.new_button), fill)[0]
    stored = demo_store.get(Reception, saved.id)
    assert stored.person_name == "王大妈"
    assert stored.status == "已办结" and stored.closed_on == date.today()
    assert stored.handling == "转交部门" and stored.transferred_to == "县住建局"
    assert stored.member_ids == [zhao.id]
    assert [(f.date, f.note) for f in stored.followups] == [(date.today(), "已联系住建局")]

    press_shortcut(qtbot, page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert demo_store.get(Reception, saved.id).deleted  # undoing a new record removes it
    assert saved.id not in page.model.ids


def qtbot_focus():
    from PySide6.QtWidgets import QApplication

    return QApplication.focusWidget()


def test_reception_status_filter_and_search_by_pinyin_of_citizen(window, demo_store, qtbot):
    page = window.show_page("接待走访")
    status = child(page, "filter_status", QComboBox)
    _select_combo(status, "办理中")
    expected = demo_store.count(Reception, year=THIS_YEAR, filters={"status": "办理中"})
    assert len(page.model.ids) == expected
    assert all(page.model.record_at(r).status == "办理中" for r in range(expected))
    _select_combo(status, "全部状态")
    someone = demo_store.list_records(Reception, year=THIS_YEAR)[0]
    from studio_desk.core.text import pinyin_initials

    type_into(qtbot, page.search, pinyin_initials(someone.person_name))
    qtbot.waitUntil(lambda: someone.id in page.model.ids and len(page.model.ids) < demo_store.count(Reception, year=THIS_YEAR), timeout=2000)


def test_reception_search_finds_a_follow_up_note(window, demo_store, qtbot):
    page = window.show_page("接待走访")
    followed = next(r for r in demo_store.list_records(Reception, year=THIS_YEAR) if r.followups)
    note = followed.followups[-1].note
    assert note not in followed.request_content and note not in followed.notes  # found by the note alone
    type_into(qtbot, page.search, note)
    qtbot.waitUntil(lambda: followed.id in page.model.ids and len(page.model.ids) < demo_store.count(Reception, year=THIS_YEAR), timeout=2000)


# 捐赠慰问.


def _donation_with_an_item(qtbot, form, recipients: str):  # type: ignore[no-untyped-def]
    """A new donation's donor and recipients typed, and a first item row named 书包."""
    type_into(qtbot, child(form, "f_donor", QLineEdit), "刘记豆腐食品有限公司")
    type_into(qtbot, child(form, "f_recipients", QLineEdit), "留守儿童")
    type_into(qtbot, child(form, "f_recipient_count", QSpinBox), recipients)
    items = child(form, "f_items")
    click(qtbot, child(items, "add_row", QPushButton))
    type_text(qtbot, qtbot_focus(), "书包")
    press_enter(qtbot)
    return items, items.table


def test_a_quantity_written_with_its_unit_is_read_as_both(window, demo_store, qtbot):
    """“30个” in 数量 (as 群众人次 takes “30人”): 30 and 个 when 单位 is empty; a different 单位 is
    asked about, not overwritten."""
    page = window.show_page("捐赠慰问")

    def fill(form):
        items, table = _donation_with_an_item(qtbot, form, "30")
        edit_cell(qtbot, table, 0, 1, "30个")
        edit_cell(qtbot, table, 0, 2, "箱")
        save(qtbot, form)
        err = child(form, "err_items", QLabel)
        assert err.isVisible() and "30个" in err.text() and "箱" in err.text() and form.saved is None
        edit_cell(qtbot, table, 0, 2, "个")  # the same unit: fine
        click(qtbot, child(items, "add_row", QPushButton))
        type_text(qtbot, qtbot_focus(), "笔记本")
        press_enter(qtbot)
        edit_cell(qtbot, table, 1, 1, "５０本")  # full width, no unit written: the unit is taken from it
        save(qtbot, form)
        assert form.saved is not None, child(form, "err_items", QLabel).text()
        return form.saved

    saved = in_dialog(qtbot, lambda: click(qtbot, page.new_button), fill)[0]
    items = demo_store.get(Donation, saved.id).items
    assert [(i.name, str(i.quantity), i.unit) for i in items] == [("书包", "30", "个"), ("笔记本", "50", "本")]


def test_donation_items_total_and_bad_amounts(window, demo_store, qtbot):
    page = window.show_page("捐赠慰问")

    def fill(form):
        type_into(qtbot, child(form, "f_cash_fen", QLineEdit), "1,000")
        items, table = _donation_with_an_item(qtbot, form, "40")
        edit_cell(qtbot, table, 0, 1, "40")
        edit_cell(qtbot, table, 0, 2, "个")
        edit_cell(qtbot, table, 0, 3, "2,400.50")
        click(qtbot, child(items, "add_row", QPushButton))
        type_text(qtbot, qtbot_focus(), "文具")
        press_enter(qtbot)
        edit_cell(qtbot, table, 1, 3, "三百元")  # not an amount
        total = child(form, "total_label", QLabel)
        assert "无法识别" in total.text()
        save(qtbot, form)
        err = child(form, "err_items", QLabel)
        assert err.isVisible() and "第2行" in err.text() and "三百元" in err.text()
        edit_cell(qtbot, table, 1, 3, "¥300")
        assert total.text().startswith("3,700.50")
        type_into(qtbot, child(form, "f_cash_fen", QLineEdit), "-5")
        save(qtbot, form)
        assert "不能为负数" in child(form, "err_cash_fen", QLabel).text()
        type_into(qtbot, child(form, "f_cash_fen", QLineEdit), "1000")
        save(qtbot, form)
        return form.saved

    saved = in_dialog(qtbot, lambda: click(qtbot, page.new_button), fill)[0]
    stored = demo_store.get(Donation, saved.id)
    assert stored.cash_fen == 100_000
    assert [(i.name, str(i.quantity) if i.quantity is not None else None, i.unit, i.value_fen) for i in stored.items] == [
        ("书包", "40", "个", 240_050),
        ("文具", None, "", 30_000),
    ]
    assert stored.total_fen == 370_050
    assert stored.recipient_count == 40
    row = page.model.row_of(saved.id)
    assert page.model.index(row, 7).data() == "3,700.50"


def test_donation_category_filter(window, demo_store, qtbot):
    page = window.show_page("捐赠慰问")
    combo = child(page, "filter_category", QComboBox)
    _select_combo(combo, "慰问")
    assert len(page.model.ids) == demo_store.count(Donation, year=THIS_YEAR, filters={"category": "慰问"})
    page.table.setFocus()
    page.table.selectAll()
    n = len(page.model.ids)
    assert n > 1
    answer_next_box()  # the question asked before deleting
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert demo_store.count(Donation, year=THIS_YEAR, filters={"category": "慰问"}) == 0
    assert page.stack.currentWidget() is page.empty
    press_shortcut(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert demo_store.count(Donation, year=THIS_YEAR, filters={"category": "慰问"}) == n


# 提案建议.


def test_proposal_authors_in_order_and_followups(window, demo_store, qtbot):
    page = window.show_page("提案建议")
    liu, li = _member(demo_store, "刘刚"), _member(demo_store, "李秀英")

    def fill(form):
        _select_combo(child(form, "f_category", QComboBox), "提案")
        type_into(qtbot, child(form, "f_title", QLineEdit), "关于加强农村饮水安全的提案")
        authors = child(form, "f_authors")
        entry = child(authors, "author_entry", QLineEdit)
        type_into(qtbot, entry, "lg")
        assert "刘刚" in child(authors, "author_hint", QLabel).text()
        qtbot.keyClick(entry, Qt.Key.Key_Return)
        type_text(qtbot, entry, "李秀英")
        qtbot.keyClick(entry, Qt.Key.Key_Return)
        type_text(qtbot, entry, "县农业农村局王工")  # not a member
        click(qtbot, child(authors, "add_author", QPushButton))
        lst = child(authors, "author_list", QListWidget)
        lst.setCurrentRow(1)
        click(qtbot, child(authors, "author_up", QPushButton))  # 李秀英 becomes first signer
        assert lst.item(0).text() == "1. 李秀英"
        submitted = child(form, "f_submitted_on")
        assert submitted.value() == date.today()  # like the other forms' dates
        type_into(qtbot, submitted, "")
        save(qtbot, form)  # 草拟 with no date is fine, but let's submit it
        return form.saved

    saved = in_dialog(qtbot, lambda: click(qtbot, page.new_button), fill)[0]
    stored = demo_store.get(Proposal, saved.id)
    assert [(a.name, a.member_id) for a in stored.authors] == [
        ("李秀英", li.id),
        ("刘刚", liu.id),
        ("县农业农村局王工", None),
    ]
    assert stored.status == "草拟"

    # the draft has no date: shown when the year filter is 全部年度 (it counts in its creation year)
    row = page.model.row_of(saved.id)
    assert row >= 0
    page.select_ids([saved.id])

    def submit(form):
        form.ui.tabs.setCurrentIndex(1)
        _select_combo(child(form, "f_status", QComboBox), "已提交")
        save(qtbot, form)
        err = child(form, "err_submitted_on", QLabel)
        assert err.isVisible() and "提交日期" in err.text()
        assert form.ui.tabs.currentIndex() == 0  # the form shows the tab with the problem
        child(form, "f_submitted_on").set_value(date.today())
        form.ui.tabs.setCurrentIndex(2)
        click(qtbot, child(child(form, "f_followups"), "add_row", QPushButton))
        qtbot.keyClick(qtbot_focus(), Qt.Key.Key_Tab)  # past today's date to the note
        type_text(qtbot, qtbot_focus(), "已报送县政协提案委")
        press_enter(qtbot)
        save(qtbot, form)
        return form.saved

    page.table.setFocus()
    in_dialog(qtbot, lambda: click(qtbot, page.edit_button), submit)
    stored = demo_store.get(Proposal, saved.id)
    assert stored.status == "已提交" and stored.submitted_on == date.today()
    assert [f.note for f in stored.followups] == ["已报送县政协提案委"]


def test_proposal_status_filter(window, demo_store, qtbot):
    page = window.show_page("提案建议")
    _select_combo(child(page, "filter_status", QComboBox), "已提交")
    _select_combo(child(page, "filter_category", QComboBox), "会议发言")
    expected = demo_store.count(Proposal, year=THIS_YEAR, filters={"status": "已提交", "category": "会议发言"})
    assert len(page.model.ids) == expected
    assert page.count_label.text() == f"共 {expected} 条"


# 委员.


def test_new_member_appears_in_pickers(window, demo_store, qtbot):
    page = window.show_page("委员")

    def fill(form):
        type_into(qtbot, child(form, "f_name", QLineEdit), "欧阳明")
        _select_combo(child(form, "f_role", QComboBox), "副主任")
        _select_combo(child(form, "f_gender", QComboBox), "男")
        type_into(qtbot, child(form, "f_phone", QLineEdit), "13900001111")
        save(qtbot, form)
        return form.saved

    saved = in_dialog(qtbot, lambda: click(qtbot, page.new_button), fill)[0]
    stored = demo_store.get(Member, saved.id)
    assert (stored.name, stored.role, stored.gender) == ("欧阳明", "副主任", "男")
    type_into(qtbot, page.search, "oym")
    qtbot.waitUntil(lambda: page.model.ids == [saved.id], timeout=2000)

    activities = window.show_page("活动")

    def pick(form):
        search = child(form, "member_search", QLineEdit)
        type_into(qtbot, search, "oym")
        assert child(form, "f_member_ids").visible_names() == ["欧阳明"]
        form.done(0)
        return True

    in_dialog(qtbot, lambda: click(qtbot, activities.new_button), pick)


def test_member_page_shows_the_years_record(window, demo_store, qtbot):
    from studio_desk.core.figures import year_figures

    page = window.show_page("委员")
    liu = _member(demo_store, "刘刚")
    row = page.model.row_of(liu.id)
    page.table.setFocus()
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=page.table.visualRect(page.model.index(row, 0)).center())
    points = next(p for p in year_figures(demo_store, THIS_YEAR).ranking if p.member_id == liu.id)
    qtbot.waitUntil(lambda: "履职积分" in page.detail.toPlainText(), timeout=5000)
    text = page.detail.toPlainText()
    assert f"履职积分 {points.points} 分，排名第 {points.rank} 名" in text
    assert f"活动（{points.activities}）" in text
    n_activities = sum(1 for a in demo_store.list_records(Activity, year=THIS_YEAR) if liu.id in a.member_ids)
    assert points.activities == n_activities


def test_deleting_many_asks_first_and_undoes_in_one_step(window, demo_store, qtbot):
    from PySide6.QtWidgets import QMessageBox

    from tests.ui.conftest import wait_idle

    page = window.show_page("接待走访")
    page.year_combo.setCurrentIndex(page.year_combo.findData(None))  # 全部年度
    total = len(page.model.ids)
    assert total > 10

    def press_delete_and_answer(button):
        _when_box(lambda: _click_standard(button))
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        page.table.setFocus()
        page.table.selectAll()
        qtbot.keyClick(page.table, Qt.Key.Key_Delete)

    press_delete_and_answer(QMessageBox.StandardButton.No)
    assert demo_store.count(Reception) == total  # 否: nothing deleted
    press_delete_and_answer(QMessageBox.StandardButton.Yes)
    qtbot.waitUntil(lambda: demo_store.count(Reception) == 0, timeout=10_000)
    assert page.stack.currentWidget() is page.empty
    assert window.undo_action.text() == f"撤销“删除{total}条接待走访”"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    press_shortcut(qtbot, page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: demo_store.count(Reception) == total, timeout=10_000)
    assert len(page.model.ids) == total
    wait_idle(qtbot, window)


def test_deleting_very_many_runs_in_the_background(window, demo_store, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from studio_desk.ui import operations
    from tests.ui.conftest import wait_idle

    monkeypatch.setattr(operations, "BACKGROUND_ABOVE", 5)  # the demo has ~100, not thousands
    page = window.show_page("活动")
    total = len(page.model.ids)
    _when_box(lambda: _click_standard(QMessageBox.StandardButton.Yes))
    page.table.setFocus()
    page.table.selectAll()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert window.operations.busy()  # went to a worker thread
    qtbot.waitUntil(lambda: not window.operations.busy(), timeout=10_000)
    assert demo_store.count(Activity, year=THIS_YEAR) == 0
    assert window.store.undo_label() == f"删除{total}条活动"
    wait_idle(qtbot, window)


def _click_standard(which):
    box = _active()
    for b in box.buttons():
        if box.standardButton(b) == which:
            b.click()
            return
    raise AssertionError(f"no {which} button")


def _active():
    from PySide6.QtWidgets import QApplication

    return QApplication.activeModalWidget()


def _when_box(action):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    def poll():
        if isinstance(_active(), QMessageBox):
            action()
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)
