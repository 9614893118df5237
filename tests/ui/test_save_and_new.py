"""保存并新建 carries the date, mode and members to the next record; 复制为新记录 starts from a copy."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from studio_desk.core.models import Member, Reception
from tests.ui.conftest import in_dialog, save, wait_idle


def _fill(form, name: str, content: str) -> None:
    form.ui.f_person_name.setText(name)
    form.ui.f_request_content.setPlainText(content)


def test_save_and_new_carries_date_mode_members_and_undoes_as_one(window, demo_store, qtbot):
    page = window.show_page("接待走访")
    wait_idle(qtbot, window)
    before = demo_store.count(Reception)
    members = [m for m in demo_store.list_records(Member) if not m.deleted][:2]
    day = date(2025, 5, 5)
    seen = {}

    def enter_two(form):
        form.ui.f_date.set_value(day)
        form.ui.f_mode.setCurrentIndex(form.ui.f_mode.findData("入户走访"))
        form.ui.f_member_ids.set_value([m.id for m in members])
        _fill(form, "周大伯", "反映水渠堵塞")
        qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        seen["open"] = form.isVisible()
        seen["carried"] = (form.ui.f_date.value(), form.ui.f_mode.currentData(), form.ui.f_member_ids.value())
        seen["name"] = form.ui.f_person_name.text()
        _fill(form, "吴大姐", "咨询低保")
        save(qtbot, form)

    in_dialog(qtbot, page.new_record, enter_two)
    assert seen == {"open": True, "carried": (day, "入户走访", [m.id for m in members]), "name": ""}
    assert demo_store.count(Reception) == before + 2
    new = [r for r in demo_store.list_records(Reception, year=2025) if r.person_name in ("周大伯", "吴大姐")]
    assert {(r.date, r.mode, tuple(r.member_ids)) for r in new} == {(day, "入户走访", tuple(m.id for m in members))}
    assert window.undo_action.text() == "撤销“保存2条接待走访”"
    window.undo()
    wait_idle(qtbot, window)
    assert demo_store.count(Reception) == before


def test_copy_as_new_record(window, demo_store, qtbot):
    page = window.show_page("接待走访")
    wait_idle(qtbot, window)
    original = page.model.record_at(0)
    page.select_ids([original.id])
    assert page.copy_button.isEnabled()

    def change_name(form):
        assert form.ui.f_request_content.toPlainText() == original.request_content
        form.ui.f_person_name.setText("复制的对象")
        save(qtbot, form)

    in_dialog(qtbot, page.copy_button.click, change_name)
    copies = [r for r in demo_store.list_records(Reception) if r.person_name == "复制的对象"]
    assert len(copies) == 1 and copies[0].id != original.id
    assert (copies[0].request_content, copies[0].member_ids) == (original.request_content, original.member_ids)
    assert demo_store.get(Reception, original.id).person_name == original.person_name


def test_the_roster_is_entered_one_member_after_another(window, demo_store, qtbot):
    page = window.show_page("委员")
    wait_idle(qtbot, window)
    before = demo_store.count(Member)
    seen = {}

    def enter_two(form):
        form.ui.f_name.setText("钱多多")
        qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        seen["open"], seen["name"] = form.isVisible(), form.ui.f_name.text()
        form.ui.f_name.setText("孙少少")
        save(qtbot, form)

    in_dialog(qtbot, page.new_record, enter_two)
    assert seen == {"open": True, "name": ""}
    assert demo_store.count(Member) == before + 2
    assert {"钱多多", "孙少少"} <= {m.name for m in demo_store.list_records(Member)}
    wait_idle(qtbot, window)
    assert window.undo_action.text() == "撤销“保存2条委员”"
