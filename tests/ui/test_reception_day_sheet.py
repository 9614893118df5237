"""接待日登记: five citizens typed into the sheet like Excel end as five linked receptions."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from studio_desk.core.models import Activity, Member, Reception
from studio_desk.core.reception_day import linked_receptions
from studio_desk.core.store import Store
from tests.ui.conftest import answer_with, questions, type_text

CITIZENS = [
    ("张大爷", "13800000001", "dl", "反映村口路灯损坏"),
    ("李阿姨", "", "yl", "咨询医保报销"),
    ("王师傅", "13800000003", "就业", "返乡创业贷款"),
    ("赵女士", "", "jy", "孩子入学"),  # 就业创业 or 教育: must be made clear
    ("青溪县某公司", "0571-1234", "qy", "用工招聘难"),
]


class Keys:
    """Presses of keys that are not part of a text (Tab, Enter, …), counted."""

    def __init__(self, qtbot):
        self.qtbot, self.count = qtbot, 0

    def press(self, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        self.count += 1
        self.qtbot.keyClick(QApplication.focusWidget(), key, modifier)
        self.qtbot.wait(1)


def _type(qtbot, text: str) -> None:
    if text:
        type_text(qtbot, QApplication.focusWidget(), text)


def test_five_citizens_through_the_sheet(qtbot, store: Store):
    from studio_desk.ui.reception_day import ReceptionDayDialog

    on_duty = [store.save(Member(name=n)) for n in ("刘刚", "王芳")]
    day = store.save(Activity(date=date(2025, 6, 14), type="委员接待日", topic="六月接待日",
                              member_ids=[m.id for m in on_duty], public_count=0))
    dialog = ReceptionDayDialog(store, day)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)
    dialog.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.table, timeout=5000)
    keys = Keys(qtbot)
    for name, phone, category, content in CITIZENS:
        _type(qtbot, name)
        keys.press(Qt.Key.Key_Tab)
        _type(qtbot, phone)
        keys.press(Qt.Key.Key_Tab)
        _type(qtbot, category)
        keys.press(Qt.Key.Key_Tab)
        _type(qtbot, content)
        keys.press(Qt.Key.Key_Return)  # next citizen, on a new row
    table = dialog.table
    assert table.item(0, 2).text() == "道路交通" and table.item(2, 2).text() == "就业创业"
    # "jy" is two categories: the cell is marked and saving is refused, nothing written
    assert "可指" in table.item(3, 2).toolTip()
    keys.press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible() and "第 4 行“诉求类别”" in dialog.status.text()
    assert store.count(Reception) == 0
    # the sheet went to the bad cell: type over it
    assert (table.currentRow(), table.currentColumn()) == (3, 2)
    _type(qtbot, "教育")
    keys.press(Qt.Key.Key_Return)
    # The company's number looks too short: asked once, as a record form asks; 返回修改 writes nothing
    # and goes to that cell.
    with questions(answer_with("返回修改")) as asked:
        keys.press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 1 and "第 5 行：联系电话“0571-1234”" in asked[0][0]
    assert dialog.isVisible() and store.count(Reception) == 0
    assert (table.currentRow(), table.currentColumn()) == (4, 1)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table, timeout=5000)  # back in the sheet
    with questions(answer_with("仍然保存")) as asked:
        keys.press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 1
    assert not dialog.isVisible()

    assert keys.count <= 8 * len(CITIZENS) + 1
    linked = sorted(linked_receptions(store, day.id), key=lambda r: r.person_phone + r.person_name)
    assert len(linked) == 5
    assert {r.person_name for r in linked} == {c[0] for c in CITIZENS}
    by_name = {r.person_name: r for r in linked}
    assert by_name["赵女士"].request_category == "教育"
    assert by_name["李阿姨"].request_category == "医疗卫生"
    assert all(r.member_ids == [m.id for m in on_duty] for r in linked)
    assert all((r.date, r.mode, r.status) == (date(2025, 6, 14), "接待日来访", "待办") for r in linked)
    assert store.get(Activity, day.id).public_count == 5


def test_a_required_cell_left_empty_is_named(qtbot, store: Store):
    from studio_desk.ui.reception_day import ReceptionDayDialog

    dialog = ReceptionDayDialog(store, None)
    qtbot.addWidget(dialog)
    dialog.table.setCurrentCell(0, 0)
    dialog.table.item(0, 0).setText("孙先生")
    assert not dialog.try_save()
    assert "第 1 行“诉求内容”：请填写“诉求内容”" in dialog.status.text()
    dialog.table.item(0, 3).setText("咨询政策")
    dialog.table.item(0, 4).setText("不存在的人")
    assert not dialog.try_save()
    assert "不是工作室的委员" in dialog.status.text()
    dialog.table.item(0, 4).setText("")
    assert dialog.try_save()
    saved = dialog.saved
    assert saved is not None and saved.activity_before is None
    assert store.get(Activity, saved.activity.id).type == "委员接待日"
    assert [r.activity_id for r in linked_receptions(store, saved.activity.id)] == [saved.activity.id]


def test_from_the_activity_page_and_undone_in_one_step(window, qtbot):
    from tests.ui.conftest import in_dialog, wait_idle

    store = window.store
    page = window.show_page("活动")
    wait_idle(qtbot, window)
    page.set_year(None)
    day = next(a for a in store.list_records(Activity) if a.type == "委员接待日")
    page.select_ids([day.id])
    assert page.day_button.isEnabled()
    before = store.count(Reception)

    def fill(dialog):
        for row, (name, content) in enumerate((("钱先生", "咨询社保"), ("孙女士", "反映噪音"))):
            if row >= dialog.table.rowCount():
                dialog.add_row()
            dialog.table.item(row, 0).setText(name)
            dialog.table.item(row, 3).setText(content)
        assert dialog.try_save()

    in_dialog(qtbot, page.day_button.click, fill)
    assert store.count(Reception) == before + 2
    assert page.selected_ids() == [day.id]
    linked = linked_receptions(store, day.id)
    assert store.get(Activity, day.id).public_count == sum(max(r.people_count, 1) for r in linked)
    window.undo()
    wait_idle(qtbot, window)
    assert store.count(Reception) == before
    assert store.get(Activity, day.id).public_count == day.public_count
