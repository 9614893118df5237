"""Every ledger, the same round: search for a record, edit it in its form, delete it, undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from studio_desk.core.models import Activity, Donation, Member, Proposal, Reception
from tests.ui.conftest import answer_next_box, child, in_dialog, press_shortcut, save, type_into

# page, record type, a text field the form edits, how to find the record by search
CASES = [
    ("活动", Activity, "topic"),
    ("接待走访", Reception, "person_name"),
    ("捐赠慰问", Donation, "recipients"),
    ("提案建议", Proposal, "title"),
    ("委员", Member, "employer"),
]


@pytest.mark.parametrize(("page_name", "cls", "field"), CASES, ids=[c[0] for c in CASES])
def test_search_edit_delete_undo(window, demo_store, qtbot, page_name, cls, field):
    page = window.show_page(page_name)
    page.set_year(None)  # 全部年度
    target = demo_store.get(cls, page.model.ids[3])
    word = getattr(target, field)[:4]
    type_into(qtbot, page.search, word)
    expected = demo_store.count(cls, search=word)
    qtbot.waitUntil(lambda: len(page.model.ids) == expected, timeout=2000)
    assert target.id in page.model.ids

    page.table.setFocus()
    row = page.model.row_of(target.id)
    page.table.selectRow(row)
    new_value = f"改过的{cls.TITLE}字段"

    def edit(form):
        type_into(qtbot, child(form, f"f_{field}", QLineEdit), new_value)
        save(qtbot, form)
        assert not form.isVisible()
        return True

    in_dialog(qtbot, lambda: qtbot.keyClick(page.table, Qt.Key.Key_Return), edit)
    assert getattr(demo_store.get(cls, target.id), field) == new_value
    # still shown and selected although the search word is gone from it
    assert page.selected_ids() == [target.id]

    answer_next_box()  # the question asked before deleting
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert demo_store.get(cls, target.id).deleted
    assert target.id not in page.model.ids
    press_shortcut(qtbot, page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    restored = demo_store.get(cls, target.id)
    assert not restored.deleted and getattr(restored, field) == new_value
    press_shortcut(qtbot, page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert getattr(demo_store.get(cls, target.id), field) == getattr(target, field)
    history = [h.reason for h in demo_store.history(target.id)]
    # every version kept: the original (archived by the edit), the edited one (by the delete),
    # the tombstone and the edited one again (by the two undos)
    assert history[-4:] == ["修改", "删除", "撤销", "撤销"]
