"""The export dialog and the import dialog, driven for real with qtbot."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt
from python_calamine import CalamineWorkbook

from studio_desk.core.models import Activity, Member
from studio_desk.exports.workbook import write_workbook
from studio_desk.ui.ledger_io import ExportDialog, ImportDialog, export_workbook_action

YEAR = 2025


def _cell_texts(model, column: int) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_export_dialog_writes_a_masked_workbook_by_default(qtbot, demo_store, tmp_path: Path):
    dialog = export_workbook_action(None, demo_store, YEAR)
    qtbot.addWidget(dialog)
    assert isinstance(dialog, ExportDialog) and dialog.isVisible()
    assert dialog.mask_box.isChecked()
    assert not dialog.open_folder_button.isEnabled()
    target = tmp_path / "县里要的台账.xlsx"
    dialog.path_edit.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=20_000) as blocker:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert Path(blocker.args[0]) == target and target.exists()
    assert str(target) in dialog.status.text() and "隐去" in dialog.status.text()
    assert dialog.open_folder_button.isEnabled()
    title = CalamineWorkbook.from_path(str(target)).get_sheet_by_name("接待走访台账").to_python()[0][0]
    assert "已隐去群众个人信息" in title


def test_export_dialog_paper_choice_reaches_the_file(qtbot, demo_store, tmp_path: Path):
    import openpyxl

    dialog = ExportDialog(demo_store, YEAR)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.paper_box.currentText() == "A4（主要列）"  # township offices print A4
    written = {}
    for paper in ("a4", "a3"):
        if paper == "a3":  # the clerk picks A3 in the list, as a county may ask for it
            qtbot.keyClick(dialog.paper_box, Qt.Key.Key_Down)
            assert dialog.paper_box.currentText() == "A3（全部列）"
        dialog.path_edit.setText(str(tmp_path / f"{paper}.xlsx"))
        with qtbot.waitSignal(dialog.exported, timeout=20_000) as blocker:
            qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        written[paper] = openpyxl.load_workbook(blocker.args[0])["接待走访台账"]
    folded = [c.value for c in written["a4"][2] if written["a4"].column_dimensions[c.column_letter].outlineLevel]
    assert str(written["a4"].page_setup.paperSize) == "9" and "联系电话" in folded
    wide = written["a3"]
    assert str(wide.page_setup.paperSize) == "8"
    assert not any(wide.column_dimensions[c.column_letter].outlineLevel for c in wide[2])


def test_export_dialog_unmasked_and_bad_folder(qtbot, demo_store, tmp_path: Path):
    dialog = ExportDialog(demo_store, YEAR)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.path_edit.setText(str(tmp_path / "没有这个文件夹" / "x.xlsx"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "未导出" in dialog.status.text(), timeout=20_000)
    assert "不存在" in dialog.status.text()
    dialog.mask_box.setChecked(False)
    dialog.path_edit.setText(str(tmp_path / "内部.xlsx"))
    with qtbot.waitSignal(dialog.exported, timeout=20_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    title = CalamineWorkbook.from_path(str(tmp_path / "内部.xlsx")).get_sheet_by_name("接待走访台账").to_python()[0][0]
    assert "隐去" not in title


def test_the_full_copy_has_a_name_of_its_own_and_is_never_replaced_unasked(qtbot, demo_store, tmp_path: Path):
    """The clerk exports the studio's full copy, ticks 隐去 again and exports: the suggested
    name follows the choice, and a file that exists is replaced only when the clerk says so."""
    from PySide6.QtWidgets import QMessageBox

    from tests.ui.conftest import answer_next_box

    dialog = ExportDialog(demo_store, YEAR)
    qtbot.addWidget(dialog)
    dialog.show()
    county = dialog.path_edit.text()
    assert county.endswith(f"{YEAR}年台账.xlsx")
    dialog.mask_box.setChecked(False)
    assert dialog.path_edit.text() == county.replace("年台账.xlsx", "年台账（含群众个人信息）.xlsx")
    dialog.mask_box.setChecked(True)
    assert dialog.path_edit.text() == county
    full = tmp_path / "台账.xlsx"
    dialog.path_edit.setText(str(full))
    dialog.mask_box.setChecked(False)
    assert dialog.path_edit.text() == str(full)  # a name the clerk chose stays
    with qtbot.waitSignal(dialog.exported, timeout=20_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    written = full.read_bytes()
    dialog.mask_box.setChecked(True)
    answer_next_box(QMessageBox.StandardButton.No)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "没有替换" in dialog.status.text(), timeout=5_000)
    assert full.read_bytes() == written and dialog.export_button.isEnabled()
    answer_next_box(QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(dialog.exported, timeout=20_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    title = CalamineWorkbook.from_path(str(full)).get_sheet_by_name("接待走访台账").to_python()[0][0]
    assert "已隐去群众个人信息" in title


def _ledger_with_unknown_member(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "活动"
    ws.append(["2024年活动台账"])
    ws.append(["日期", "活动类型", "活动名称", "参加委员", "群众人次", "内容"])
    ws.append(["2024-05-01", "集中学习", "学习会", "刘刚、新委员", 3, "学习"])
    ws.append(["2024/5/2", "调研走访", "调研", "刘刚", "abc", "调研"])
    wb.save(path)
    return path


def test_import_dialog_shows_problems_and_blocks_import(qtbot, store, tmp_path: Path):
    store.save(Member(name="刘刚", role="召集人"))
    dialog = ImportDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load_file(_ledger_with_unknown_member(tmp_path / "旧台账.xlsx"))
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=20_000)
    problems = dialog.problems_model
    assert problems.rowCount() == 2
    assert _cell_texts(problems, 0) == ["活动", "活动"]
    assert _cell_texts(problems, 1) == ["3", "4"]
    assert _cell_texts(problems, 2) == ["参加委员", "群众人次"]
    assert "新委员" in problems.index(0, 3).data()
    assert not dialog.import_button.isEnabled()
    assert "2 处问题" in dialog.summary.text()
    assert dialog.tabs.currentWidget() is dialog.problems_view
    assert store.count(Activity) == 0


def test_a_long_problem_and_a_long_note_are_shown_whole(qtbot, store, tmp_path: Path):
    """At 1366×768 a long message was cut at the table's edge ("…请在 Ex…"), and its advice with it."""
    store.save(Member(name="刘刚", role="召集人"))
    dialog = ImportDialog(store)
    qtbot.addWidget(dialog)
    dialog.resize(900, 600)
    dialog.show()
    path = _ledger_with_unknown_member(tmp_path / "旧台账.xlsx")
    wb = openpyxl.load_workbook(path)
    wb.active["F3"] = "=C3&B3"  # a formula openpyxl saves without its result
    wb.save(path)
    dialog.load_file(path)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=20_000)
    view, line = dialog.problems_view, dialog.problems_view.fontMetrics().height()
    [row] = [r for r in range(dialog.problems_model.rowCount()) if "公式" in dialog.problems_model.index(r, 3).data()]
    message = dialog.problems_model.index(row, 3).data()
    assert view.fontMetrics().horizontalAdvance(message) > view.columnWidth(3)  # longer than its column
    assert view.wordWrap() and view.rowHeight(row) >= 2 * line  # so it wraps onto more lines, whole
    assert dialog.notes_list.wordWrap()


def test_import_dialog_imports_after_the_clerk_fixes_the_file(qtbot, store, tmp_path: Path):
    store.save(Member(name="刘刚", role="召集人"))
    path = _ledger_with_unknown_member(tmp_path / "旧台账.xlsx")
    wb = openpyxl.load_workbook(path)
    wb.active["E4"] = 12
    wb.save(path)
    dialog = _checked(qtbot, store, path)
    assert dialog.problems_model.rowCount() == 1 and not dialog.import_button.isEnabled()
    # the clerk ticks "add unknown members": the file is checked again
    dialog.add_members_box.setChecked(True)
    qtbot.waitUntil(lambda: dialog.plan is not None and not dialog.plan.problems, timeout=20_000)
    assert dialog.import_button.isEnabled()
    assert _cell_texts(dialog.records_model, 2) == ["新增", "新增"]
    assert "新增活动类型" in dialog.summary.text() or any(
        "调研走访" in dialog.notes_list.item(i).text() for i in range(dialog.notes_list.count())
    )
    with qtbot.waitSignal(dialog.ops.changed, timeout=20_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "导入完成" in dialog.summary.text() and "备份" in dialog.summary.text()
    assert "写入的记录在2024年的台账中" in dialog.summary.text()
    assert store.count(Activity) == 2
    assert "新委员" in {m.name for m in store.list_records(Member)}
    assert "调研走访" in store.type_values("activity_type")
    assert not dialog.import_button.isEnabled()


def test_import_dialog_reimport_of_an_export_has_nothing_to_do(qtbot, demo_store, tmp_path: Path):
    path = write_workbook(demo_store, YEAR, tmp_path / "导出.xlsx")
    dialog = ImportDialog(demo_store)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load_file(path)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=20_000)
    assert dialog.records_model.rowCount() == 0
    assert "无需导入" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()


def test_import_dialog_says_why_a_file_cannot_be_read(qtbot, store, tmp_path: Path):
    bad = tmp_path / "笔记.xlsx"
    bad.write_text("不是表格", encoding="utf-8")
    dialog = ImportDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load_file(bad)
    qtbot.waitUntil(lambda: "无法导入" in dialog.summary.text(), timeout=20_000)
    assert "不是 Excel 工作簿" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    assert dialog.choose_button.isEnabled()


def test_export_dialog_writes_several_years_when_asked(qtbot, demo_store, tmp_path: Path):
    dialog = ExportDialog(demo_store, YEAR)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.first_year.currentData() == YEAR and f"{YEAR} 年的全部台账" in dialog.what.text()
    dialog.first_year.setCurrentIndex(dialog.first_year.findData(YEAR - 1))
    assert f"{YEAR - 1}—{YEAR} 年" in dialog.what.text()
    assert dialog.path_edit.text().endswith(f"{YEAR - 1}-{YEAR}年台账.xlsx")  # the suggested name follows
    target = tmp_path / "两年.xlsx"
    dialog.path_edit.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=20_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    rows = CalamineWorkbook.from_path(str(target)).get_sheet_by_name("统计汇总").to_python()
    assert rows[1][3:] == [f"{YEAR - 1}—{YEAR}年", f"{YEAR - 3}—{YEAR - 2}年"]


def test_export_dialog_end_year_is_chosen_too(qtbot, demo_store):
    dialog = ExportDialog(demo_store, YEAR)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.first_year.setCurrentIndex(dialog.first_year.findData(YEAR - 1))
    dialog.last_year.setCurrentIndex(dialog.last_year.findData(YEAR + 1))
    assert dialog.year == YEAR + 1 and f"{YEAR - 1}—{YEAR + 1} 年" in dialog.what.text()
    assert dialog.path_edit.text().endswith(f"{YEAR - 1}-{YEAR + 1}年台账.xlsx")
    dialog.last_year.setCurrentIndex(dialog.last_year.findData(YEAR - 1))
    assert dialog.first_year.currentData() == YEAR - 1 and f"导出 {YEAR - 1} 年的全部台账" in dialog.what.text()
    assert all(dialog.first_year.itemData(i) <= YEAR - 1 for i in range(dialog.first_year.count()))


def test_import_dialog_restores_by_choice_lists_conflicts_and_asks_for_the_studio_name(
    qtbot, demo_store, store, tmp_path: Path
):
    from studio_desk.core import codec
    from studio_desk.core.models import Donation

    path = write_workbook(demo_store, YEAR, tmp_path / "导出.xlsx")
    donation = demo_store.list_records(Donation, year=YEAR)[0]
    demo_store.delete(Donation, donation.id)
    activity = demo_store.list_records(Activity, year=YEAR)[0]
    wb = openpyxl.load_workbook(path)
    ws = wb["活动台账"]
    headers = [c.value for c in ws[2]]
    row = next(r for r in ws.iter_rows(min_row=3) if r[headers.index("记录编号")].value == activity.id)
    row[headers.index("地点")].value = "表中改的地点"
    wb.save(path)
    demo_store.save(codec.copy_record(activity, location="程序中后改的地点"))
    dialog = ImportDialog(demo_store)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load_file(path)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=20_000)
    assert "已在程序中删除" in _cell_texts(dialog.problems_model, 3)[0]
    assert not dialog.studio_box.isVisible()  # the demo studio has its name
    dialog.restore_box.setChecked(True)
    qtbot.waitUntil(lambda: dialog.plan is not None and not dialog.plan.problems, timeout=20_000)
    actions = dict(zip(_cell_texts(dialog.records_model, 5), _cell_texts(dialog.records_model, 2)))
    assert actions[activity.topic] == "冲突" and "冲突 1 条" in dialog.summary.text()
    with qtbot.waitSignal(dialog.ops.changed, timeout=20_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert not demo_store.get(Donation, donation.id).deleted
    assert demo_store.get(Activity, activity.id).location == "程序中后改的地点"  # the newer change

    # a new database: the studio name from the workbook is offered, and the clerk may decline it
    empty = ImportDialog(store)
    qtbot.addWidget(empty)
    empty.show()
    empty.load_file(path)
    qtbot.waitUntil(lambda: empty.plan is not None, timeout=20_000)
    assert empty.studio_box.isVisible() and demo_store.studio().name in empty.studio_box.text()
    empty.studio_box.setChecked(False)
    with qtbot.waitSignal(empty.ops.changed, timeout=20_000):
        qtbot.mouseClick(empty.import_button, Qt.MouseButton.LeftButton)
    assert store.studio().name == "委员工作室" and store.count(Activity) > 0


def test_export_for_the_county_records_a_report_lists_later_edits_and_locks(qtbot, demo_store, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    from studio_desk.core.models import Reception
    from studio_desk.core.reporting import is_year_locked, latest_report
    from studio_desk.ui.forms import ReceptionForm

    dialog = ExportDialog(demo_store, YEAR)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "尚未报送" in dialog.report_line.text() and dialog.report_box.isChecked()
    dialog.lock_box.setChecked(True)
    dialog.path_edit.setText(str(tmp_path / "报送.xlsx"))
    with qtbot.waitSignal(dialog.exported, timeout=20_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert latest_report(demo_store, YEAR) is not None and is_year_locked(demo_store, YEAR)
    assert "报送后没有修改" in dialog.report_line.text()

    # Editing a record of the locked year asks for a reason; cancelled, nothing is saved.
    reception = demo_store.list_records(Reception, year=YEAR)[0]
    form = ReceptionForm(demo_store, reception)
    qtbot.addWidget(form)
    form.show()
    form.findChild(QLineEdit, "f_transferred_to").setText("县信访局")
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("", False)))
    assert not form.try_save()
    assert demo_store.get(Reception, reception.id) == reception
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("转办单位填错了", True)))
    assert form.try_save()
    assert demo_store.get(Reception, reception.id).transferred_to == "县信访局"
    assert demo_store.history(reception.id)[-1].reason == "封账后修改：转办单位填错了"

    again = ExportDialog(demo_store, YEAR)
    qtbot.addWidget(again)
    assert "报送后修改 1 条" in again.report_line.text() and "修改接待走访" in again.report_line.text()


def test_overview_shows_what_changed_after_the_year_was_reported(window, demo_store, qtbot, tmp_path):
    import dataclasses

    from studio_desk.core.models import Reception
    from studio_desk.core.reporting import record_report

    dashboard = window.page("总览")
    year = dashboard.year()
    qtbot.waitUntil(lambda: not dashboard.is_busy(), timeout=20_000)
    assert not dashboard.report_line.isVisible()
    sent = write_workbook(demo_store, year, tmp_path / "报送.xlsx", mask_pii=True)
    record_report(demo_store, year, [sent], what="台账", masked=True)
    reception = demo_store.list_records(Reception, year=year)[0]
    demo_store.save(dataclasses.replace(reception, notes="报送后补记"))
    dashboard.refresh()
    qtbot.waitUntil(lambda: "报送后修改 1 条" in dashboard.report_line.text(), timeout=20_000)
    assert dashboard.report_line.isVisible() and "修改接待走访" in dashboard.report_line.toolTip()


def test_a_locked_year_refuses_delete_and_import_in_the_window_until_unlocked(window, demo_store, qtbot, tmp_path):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from studio_desk.core.models import Reception
    from studio_desk.core.reporting import is_year_locked, lock_year

    lock_year(demo_store, YEAR)
    page = window.show_page("接待走访")
    page.set_year(YEAR)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=10_000)
    ids = page.model.ids[:2]
    assert len(ids) == 2 and all(demo_store.get(Reception, i).date.year == YEAR for i in ids)
    page.select_ids(ids)
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            seen.append(box.text())
            box.button(QMessageBox.StandardButton.Ok).click()
            return
        QTimer.singleShot(20, answer)

    QTimer.singleShot(20, answer)
    page.delete_selected()
    assert seen and "不能删除这一年度的记录" in seen[0] and "取消勾选“报送后封账”" in seen[0]
    assert not any(demo_store.get(Reception, i).deleted for i in ids)

    # the import preview lists the refusal as a problem and cannot be confirmed
    path = tmp_path / "补录.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["日期", "活动类型", "活动主题", "群众人次"])
    wb.active.append([f"{YEAR}-12-01", "集中学习", "补录", 3])
    wb.save(path)
    dialog = ImportDialog(demo_store)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load_file(path)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=20_000)
    problems = [dialog.problems_model.index(r, 3).data() for r in range(dialog.problems_model.rowCount())]
    assert any("不能导入这一年度的记录" in p and "studio-desk lock" in p for p in problems), problems
    assert not dialog.import_button.isEnabled()

    # unchecking 封账 in the export dialog unlocks the year at once
    export = ExportDialog(demo_store, YEAR)
    qtbot.addWidget(export)
    assert export.lock_box.isChecked()
    export.lock_box.setChecked(False)
    assert not is_year_locked(demo_store, YEAR) and "已解除" in export.status.text()


def test_one_unknown_name_on_many_rows_is_summed_up_with_the_step_that_clears_it(qtbot, store, tmp_path: Path):
    store.save(Member(name="刘刚", role="召集人"))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "活动"
    ws.append(["日期", "活动类型", "活动名称", "参加委员"])
    for day in range(1, 31):
        ws.append([f"2024-06-{day:02d}", "集中学习", f"学习{day}", "刘刚、张三丰" if day % 3 else "李四"])
    ws.append(["2024-07-01", "集中学习", "学习31", "刘刚"])
    path = tmp_path / "名册外.xlsx"
    wb.save(path)
    dialog = _checked(qtbot, store, path)
    assert dialog.problems_model.rowCount() == 30
    assert dialog.summary.text().startswith(
        "发现 30 处问题（30 行），其中 30 处是名册中没有的 2 位委员（张三丰、李四）："
        "可先在名册中添加，或勾选“把名册中没有的委员加入名册”。"
    )
    assert "其余各行将会：新增 1 条" in dialog.summary.text() and "改正后也会导入" in dialog.summary.text()


def _checked(qtbot, store, path: Path) -> ImportDialog:  # type: ignore[no-untyped-def]
    """The import dialog, shown, with ``path`` chosen and checked."""
    dialog = ImportDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load_file(path)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=20_000)
    return dialog
