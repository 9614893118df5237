"""委员接待日安排 and 打印文档 through their dialogs, with what reached the database and the files."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QListWidget, QPushButton, QTableWidget

from studio_desk.core import rota
from studio_desk.core.models import Activity, Member, ReceptionDay
from studio_desk.ui.date_field import DateField
from studio_desk.ui.print_dialog import PrintDialog
from studio_desk.ui.rota_dialog import DayDialog, RotaDialog
from tests.ui.conftest import answer_message_box, child, click, in_dialog, type_into


def _roster(store):
    for name, role in (("王建国", "召集人"), ("李梅", "副主任"), ("张强", "成员")):
        store.save(Member(name=name, role=role))


def test_plan_months_then_change_and_remove_a_day(store, qtbot):
    _roster(store)
    dialog = RotaDialog(store, today=date(2026, 1, 10))
    qtbot.addWidget(dialog)
    dialog.show()
    child(dialog, "months").setValue(3)
    click(qtbot, child(dialog, "plan", QPushButton))
    days = rota.days(store)
    assert [d.date for d in days] == [date(2026, 1, 15), date(2026, 2, 15), date(2026, 3, 15)]
    table = child(dialog, "days", QTableWidget)
    assert table.rowCount() == 3 and table.item(0, 3).text() == "王建国、李梅"
    assert "2026-01-15" in child(dialog, "next_line").text()

    def move_and_swap(day_dialog: DayDialog) -> None:
        field = child(day_dialog, "day_date", DateField)
        type_into(qtbot, field, "2026-02-30")  # no such day: the dialog stays open and says so
        day_dialog.accept()
        problem = child(day_dialog, "day_date_problem", QLabel)
        assert day_dialog.isVisible() and not problem.isHidden() and "2026-02-30" in problem.text()
        type_into(qtbot, field, "")
        day_dialog.accept()
        assert day_dialog.isVisible() and "请填写" in problem.text()
        type_into(qtbot, field, "2026年2月13日")
        members = day_dialog.findChild(QListWidget, "duty_members")
        for i in range(members.count()):
            members.item(i).setCheckState(Qt.CheckState.Checked if members.item(i).text() == "张强" else Qt.CheckState.Unchecked)
        day_dialog.accept()

    table.selectRow(1)
    in_dialog(qtbot, dialog.edit_selected, move_and_swap, DayDialog)
    moved = store.get(ReceptionDay, days[1].id)
    assert moved.date == date(2026, 2, 13) and store.member_names(moved.member_ids) == ["张强"]

    def impossible_then_cancel(day_dialog: DayDialog) -> None:
        type_into(qtbot, child(day_dialog, "day_date", DateField), "2026.2.31")
        day_dialog.accept()
        assert day_dialog.isVisible()
        day_dialog.reject()

    in_dialog(qtbot, dialog.add_day, impossible_then_cancel, DayDialog)
    assert [d.date for d in rota.days(store)] == [date(2026, 1, 15), date(2026, 2, 13), date(2026, 3, 15)]

    def add_typed(day_dialog: DayDialog) -> None:
        type_into(qtbot, child(day_dialog, "day_date", DateField), "20260420")
        day_dialog.accept()

    in_dialog(qtbot, dialog.add_day, add_typed, DayDialog)
    assert [d.date for d in rota.days(store)] == [
        date(2026, 1, 15), date(2026, 2, 13), date(2026, 3, 15), date(2026, 4, 20)]
    assert table.rowCount() == 4 and table.item(3, 0).text().startswith("2026")

    table.selectRow(2)
    answer_message_box("&Yes")
    dialog.remove_selected()
    assert [d.date for d in rota.days(store)] == [date(2026, 1, 15), date(2026, 2, 13), date(2026, 4, 20)]
    assert store.get(ReceptionDay, days[2].id).deleted


def test_the_dialog_remembers_the_rule_and_shows_each_day_s_visitors(demo_store, qtbot):
    dialog = RotaDialog(demo_store, today=date(2026, 11, 21))
    qtbot.addWidget(dialog)
    assert child(dialog, "day_of_month").value() == 15 and child(dialog, "skip_weekend").isChecked()
    table = child(dialog, "days", QTableWidget)
    days = rota.days(demo_store, start=date(2026, 1, 1))
    shown = [table.item(r, 4).text() for r in range(table.rowCount())]
    expected = [str(rota.visits(demo_store, d)) if d.date <= date(2026, 11, 21) else "" for d in days]
    assert shown == expected and int(shown[0]) > 0 and shown[-1] == ""


def test_print_dialog_writes_the_chosen_document(demo_store, qtbot, tmp_path, monkeypatch):
    act = demo_store.list_records(Activity, year=2026)[0]
    dialog = PrintDialog(demo_store, 2026, today=date(2026, 11, 21))
    qtbot.addWidget(dialog)
    combo = child(dialog, "activity")
    combo.setCurrentIndex(combo.findData(act.id))
    # The short number the command line takes is shown on the entry.
    assert act.id[:8] in combo.itemData(combo.currentIndex(), Qt.ItemDataRole.ToolTipRole)
    child(dialog, "with_docx").setChecked(True)
    target = tmp_path / "签到.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    click(qtbot, child(dialog, "make", QPushButton))
    qtbot.waitUntil(lambda: bool(dialog.written), timeout=20_000)
    assert dialog.written == [target, target.with_suffix(".docx")]
    assert target.read_bytes().startswith(b"%PDF") and target.with_suffix(".docx").stat().st_size > 0

    kind = child(dialog, "kind")
    kind.setCurrentIndex(kind.findData("poster"))
    assert not child(dialog, "with_docx").isEnabled()


def test_print_button_on_the_activity_page_opens_the_selected_activity(window, demo_store, qtbot):
    page = window.show_page("活动")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)
    act = demo_store.list_records(Activity)[3]
    page.select_ids([act.id])
    seen = in_dialog(
        qtbot,
        lambda: click(qtbot, child(page, "print_record", QPushButton)),
        lambda d: (d.kind.currentData(), child(d, "activity").currentData(), d.reject()),
        PrintDialog,
    )
    assert seen[0][:2] == ("signin", act.id)
    assert child(window.page("捐赠慰问"), "print_record", QPushButton).text() == "打印签收单…"


def test_recording_a_planned_day_makes_its_activity_and_links_its_citizens(store, qtbot):
    from studio_desk.core.models import Reception
    from studio_desk.core.reception_day import linked_receptions
    from studio_desk.ui.reception_day import ReceptionDayDialog

    _roster(store)
    dialog = RotaDialog(store, today=date(2026, 3, 1))
    qtbot.addWidget(dialog)
    dialog.show()
    child(dialog, "months").setValue(1)
    click(qtbot, child(dialog, "plan", QPushButton))
    (day,) = rota.days(store)
    # A citizen entered earlier through the ordinary form on that day, not yet linked.
    store.save(Reception(date=day.date, mode="接待日来访", person_name="周某", request_content="路灯", people_count=2))
    child(dialog, "days", QTableWidget).selectRow(0)

    def fill(sheet: ReceptionDayDialog) -> None:
        assert sheet.activity.date == day.date and sheet.activity.member_ids == day.member_ids
        sheet.table.item(0, 0).setText("钱先生")
        sheet.table.item(0, 3).setText("咨询社保")
        assert sheet.try_save()

    in_dialog(qtbot, lambda: click(qtbot, child(dialog, "record_day", QPushButton)), fill, ReceptionDayDialog)
    day = store.get(ReceptionDay, day.id)
    activity = store.get(Activity, day.activity_id)
    assert (activity.type, activity.date, activity.member_ids) == ("委员接待日", day.date, day.member_ids)
    linked = linked_receptions(store, activity.id)
    assert sorted(r.person_name for r in linked) == ["周某", "钱先生"]
    assert activity.public_count == 3 == rota.visits(store, day)
