"""活动: create through the form, validation, edit, delete and undo, filter and search."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QSpinBox

from studio_desk.core.models import Activity, Member
from studio_desk.ui.forms import ActivityForm
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
    type_text,
    wait_idle,
)

THIS_YEAR = date.today().year


def _member(store, name):
    return next(m for m in store.list_records(Member) if m.name == name)


def _activities_page(window):
    return window.show_page("活动")


def test_create_activity_through_the_form(window, demo_store, qtbot):
    page = _activities_page(window)
    before = demo_store.count(Activity)
    liu = _member(demo_store, "刘刚")

    def fill(form: ActivityForm):
        type_into(qtbot, child(form, "f_topic", QLineEdit), "走访青溪镇养老院")
        type_into(qtbot, child(form, "f_location", QLineEdit), "青溪镇敬老院")
        search = child(form, "member_search", QLineEdit)
        type_into(qtbot, search, "lg")  # 刘刚 by pinyin initials
        assert child(form, "f_member_ids").visible_names() == ["刘刚"]
        qtbot.keyClick(search, Qt.Key.Key_Return)
        assert form.isVisible()  # Enter picked the member; it did not submit the form
        assert "刘刚" in child(form, "chosen", QLabel).text()
        type_into(qtbot, child(form, "f_public_count", QSpinBox), "35")
        combo = child(form, "f_type", QComboBox)
        combo.setCurrentIndex(combo.findText("公益活动"))
        form.ui.tabs.setCurrentIndex(1)
        type_into(qtbot, child(form, "f_content", QPlainTextEdit), "为老人送去米面油，开展健康义诊。")
        qtbot.keyClick(child(form, "f_is_highlight"), Qt.Key.Key_Space)
        save(qtbot, form)
        return form.saved

    saved = in_dialog(qtbot, lambda: click(qtbot, page.new_button), fill)[0]
    assert saved is not None
    stored = demo_store.get(Activity, saved.id)
    assert stored.topic == "走访青溪镇养老院"
    assert stored.member_ids == [liu.id]
    assert stored.public_count == 35
    assert stored.type == "公益活动"
    assert stored.is_highlight
    assert stored.date == date.today()
    assert demo_store.count(Activity) == before + 1
    assert page.selected_ids() == [saved.id]


def test_shortcut_ctrl_n_opens_the_form(window, demo_store, qtbot):
    page = _activities_page(window)
    page.table.setFocus()

    def cancel(form):
        assert form.windowTitle() == "新建活动"
        form.reject()  # nothing typed: closes without asking
        return True

    in_dialog(qtbot, lambda: qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier), cancel)


def test_validation_shows_messages_next_to_fields_and_saves_nothing(window, demo_store, qtbot):
    page = _activities_page(window)
    before = demo_store.count(Activity, include_deleted=True)

    def fill(form):
        save(qtbot, form)  # topic empty
        err = child(form, "err_topic", QLabel)
        assert err.isVisible() and err.text() == "请填写“活动主题”。"
        assert form.isVisible()
        assert demo_store.count(Activity, include_deleted=True) == before
        end = child(form, "f_end_date")
        end.set_value(date(2000, 1, 1))  # before the start
        type_into(qtbot, child(form, "f_topic", QLineEdit), "=SUM(A1)")
        save(qtbot, form)
        assert not child(form, "err_topic", QLabel).isVisible()
        end_err = child(form, "err_end_date", QLabel)
        assert "不能早于" in end_err.text()
        assert demo_store.count(Activity, include_deleted=True) == before
        qtbot.keyClick(end, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(end, Qt.Key.Key_Delete)  # empties the date
        assert end.value() is None
        answer_message_box("仍然保存")  # no 参加委员: asked, and passed
        save(qtbot, form)
        return form.saved

    saved = in_dialog(qtbot, lambda: click(qtbot, page.new_button), fill)[0]
    assert demo_store.get(Activity, saved.id).topic == "=SUM(A1)"  # stored as typed


def test_edit_delete_and_undo(window, demo_store, qtbot):
    page = _activities_page(window)
    page.table.setFocus()
    page.table.selectRow(0)
    record_id = page.selected_ids()[0]
    old_topic = demo_store.get(Activity, record_id).topic

    def edit(form):
        type_into(qtbot, child(form, "f_topic", QLineEdit), "修改后的主题")
        save(qtbot, form)
        return True

    in_dialog(qtbot, lambda: qtbot.keyClick(page.table, Qt.Key.Key_Return), edit)
    assert demo_store.get(Activity, record_id).topic == "修改后的主题"
    assert page.model.record_at(page.model.row_of(record_id)).topic == "修改后的主题"

    page.table.setFocus()
    answer_next_box()  # the question asked before deleting
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert demo_store.get(Activity, record_id).deleted
    assert record_id not in page.model.ids

    press_shortcut(qtbot, page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not demo_store.get(Activity, record_id).deleted
    assert record_id in page.model.ids

    press_shortcut(qtbot, page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert demo_store.get(Activity, record_id).topic == old_topic
    assert not window.store.can_undo()


def test_double_click_opens_and_cancel_keeps_record(window, demo_store, qtbot):
    page = _activities_page(window)
    record_id = page.model.ids[2]
    before = demo_store.get(Activity, record_id)

    def look(form):
        assert child(form, "f_topic", QLineEdit).text() == before.topic
        click(qtbot, form.ui.buttons.button(form.ui.buttons.StandardButton.Cancel))
        return True

    rect = page.table.visualRect(page.model.index(2, 2))
    in_dialog(qtbot, lambda: double_click(qtbot, page.table.viewport(), rect.center()), look)
    assert demo_store.get(Activity, record_id).version_id == before.version_id


def test_unsaved_edits_ask_before_closing(window, demo_store, qtbot):
    page = _activities_page(window)
    before = demo_store.count(Activity)

    def type_then_escape(form):
        type_into(qtbot, child(form, "f_topic", QLineEdit), "写了一半")
        answer_message_box("继续编辑")
        qtbot.keyClick(form, Qt.Key.Key_Escape)
        assert form.isVisible()
        answer_message_box("放弃修改")
        qtbot.keyClick(form, Qt.Key.Key_Escape)
        assert not form.isVisible()
        return True

    in_dialog(qtbot, lambda: click(qtbot, page.new_button), type_then_escape)
    assert demo_store.count(Activity) == before


def test_search_as_you_type_and_filters(window, demo_store, qtbot):
    page = _activities_page(window)
    assert page.year_combo.currentData() == THIS_YEAR
    total = demo_store.count(Activity, year=THIS_YEAR)
    assert page.count_label.text() == f"共 {total:,} 条"

    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    qtbot.keyClicks(page.search, "lg")
    expected = demo_store.count(Activity, year=THIS_YEAR, search="lg")
    qtbot.waitUntil(lambda: len(page.model.ids) == expected, timeout=2000)
    assert 0 < expected < total
    liu = _member(demo_store, "刘刚")
    for row in range(len(page.model.ids)):
        assert liu.id in page.model.record_at(row).member_ids
    participants = page.model.index(0, 4).data()
    assert "刘刚" in participants

    page.search.clear()
    type_text(qtbot, page.search, "学习")  # a two-character Chinese substring
    expected = demo_store.count(Activity, year=THIS_YEAR, search="学习")
    qtbot.waitUntil(lambda: len(page.model.ids) == expected, timeout=2000)
    assert expected > 0

    page.search.clear()
    type_combo = child(page, "filter_type", QComboBox)
    type_combo.setCurrentIndex(type_combo.findText("集中学习"))
    qtbot.waitUntil(lambda: not page._search_timer.isActive())  # noqa: SLF001 - debounce over
    assert len(page.model.ids) == demo_store.count(Activity, year=THIS_YEAR, filters={"type": "集中学习"})

    page.year_combo.setCurrentIndex(page.year_combo.findData(None))
    assert len(page.model.ids) == demo_store.count(Activity, filters={"type": "集中学习"})

    type_text(qtbot, page.search, "没有这样的活动xyz")
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.empty, timeout=2000)
    assert "没有符合条件的记录" in page.empty.text()


def test_sorting_by_header(window, demo_store, qtbot):
    page = _activities_page(window)
    header = page.table.horizontalHeader()
    pos = QPoint(header.sectionViewportPosition(6) + 10, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    counts = [page.model.record_at(r).public_count for r in range(len(page.model.ids))]
    assert len(set(counts)) > 1
    first = list(counts)
    assert first in (sorted(counts), sorted(counts, reverse=True))
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    counts = [page.model.record_at(r).public_count for r in range(len(page.model.ids))]
    assert counts == list(reversed(first)) or counts == first[::-1]
    wait_idle(qtbot, window)


def test_delete_key_in_the_search_box_edits_text_not_records(window, demo_store, qtbot):
    page = _activities_page(window)
    before = demo_store.count(Activity)
    page.table.selectRow(0)
    type_into(qtbot, page.search, "abc")
    qtbot.keyClick(page.search, Qt.Key.Key_Home)
    qtbot.keyClick(page.search, Qt.Key.Key_Delete)
    assert page.search.text() == "bc"
    assert demo_store.count(Activity) == before


def test_a_new_record_hidden_by_the_filters_is_still_shown(window, demo_store, qtbot):
    page = _activities_page(window)
    type_combo = child(page, "filter_type", QComboBox)
    type_combo.setCurrentIndex(type_combo.findText("集中学习"))
    type_into(qtbot, page.search, "xyz")
    page.apply_filters()
    page.set_year(THIS_YEAR - 1)

    def fill(form):
        combo = child(form, "f_type", QComboBox)
        combo.setCurrentIndex(combo.findText("视察调研"))
        type_into(qtbot, child(form, "f_topic", QLineEdit), "视察新建的学校")
        answer_message_box("仍然保存")  # no 参加委员: asked, and passed
        save(qtbot, form)
        return form.saved

    saved = in_dialog(qtbot, lambda: click(qtbot, page.new_button), fill)[0]
    assert page.selected_ids() == [saved.id]
    assert page.year_combo.currentData() == THIS_YEAR
    assert page.search.text() == "" and type_combo.currentIndex() == 0


def test_rare_characters_are_kept_and_control_characters_refused(window, demo_store, qtbot):
    page = _activities_page(window)

    def fill(form):
        topic = child(form, "f_topic", QLineEdit)
        type_into(qtbot, topic, "𠀀村😀座谈\x07")
        save(qtbot, form)
        assert "控制字符" in child(form, "err_topic", QLabel).text()
        qtbot.keyClick(topic, Qt.Key.Key_End)
        qtbot.keyClick(topic, Qt.Key.Key_Backspace)
        long_text = "很长的内容" * 5000  # 25,000 characters: over the limit
        notes = child(form, "f_content", QPlainTextEdit)
        form.ui.tabs.setCurrentIndex(1)
        notes.setPlainText(long_text)  # pasted
        save(qtbot, form)
        assert "太长" in child(form, "err_content", QLabel).text()
        assert form.ui.tabs.currentIndex() == 1
        notes.setPlainText(long_text[:20000])
        answer_message_box("仍然保存")  # no 参加委员: asked, and passed
        save(qtbot, form)
        return form.saved

    saved = in_dialog(qtbot, lambda: click(qtbot, page.new_button), fill)[0]
    stored = demo_store.get(Activity, saved.id)
    assert stored.topic == "𠀀村😀座谈"
    assert len(stored.content) == 20000


def test_escape_clears_the_search_and_returns_to_the_table(window, demo_store, qtbot):
    page = _activities_page(window)
    total = len(page.model.ids)
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, page.search, "学习")
    qtbot.waitUntil(lambda: len(page.model.ids) < total, timeout=2000)
    qtbot.keyClick(page.search, Qt.Key.Key_Escape)
    assert page.search.text() == "" and len(page.model.ids) == total
    assert page.table.hasFocus()
