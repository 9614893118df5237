"""接待日登记: a 委员接待日 and its citizens in one sheet, typed like Excel, saved in one go.

One row per citizen. Tab moves right, Enter goes to the first cell of the next row (a new row
when it was the last), as in a spreadsheet. The members on duty are filled in for every row;
a choice cell takes the value itself, its beginning or its pinyin initials ("dl" → 道路交通).
Each cell is checked as it is left; nothing is written until every row is right, and then the
day and all its citizens are written in one transaction (``core.reception_day``), as one of the
window's operations: one undo step, and the window's pages re-read on its ``changed``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QInputMethodEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio_desk.core import enums
from studio_desk.core.errors import FieldError, StudioDeskError, ValidationError
from studio_desk.core.models import Activity, Member, Reception
from studio_desk.core.reception_day import RECEPTION_DAY_MODE, RECEPTION_DAY_TYPE, DaySaved, save_reception_day
from studio_desk.core.soft_warnings import record_warnings
from studio_desk.core.store import Store
from studio_desk.core.text import fold, pinyin_initials
from studio_desk.core.undo import UndoStep
from studio_desk.core.validate import validation_errors
from studio_desk.ui.look import fit_to_screen
from studio_desk.ui.operations import Progress, operations_for
from studio_desk.ui.save_warnings import ask_save_anyway
from studio_desk.ui.date_field import DateField
from studio_desk.ui.widgets import MemberPicker

_BAD = QBrush(QColor("#fde7e7"))
NAME_SPLIT = ("、", "，", ",", " ", "；", ";")


@dataclass(frozen=True)
class GridColumn:
    header: str
    field: str
    required: bool = False
    width: int = 100


COLUMNS = (
    GridColumn("姓名/单位", "person_name", True, 110),
    GridColumn("联系电话", "person_phone", False, 110),
    GridColumn("诉求类别", "request_category", False, 90),
    GridColumn("诉求内容", "request_content", True, 260),
    GridColumn("接待委员", "member_ids", False, 130),
    GridColumn("处理方式", "handling", False, 90),
    GridColumn("办理状态", "status", True, 80),
)
TYPED = {"person_name", "person_phone", "request_category", "request_content"}  # an empty row has none of these


def resolve_choice(text: str, values: list[str]) -> tuple[str | None, str]:
    """The value ``text`` stands for (itself, its beginning, its pinyin initials), or a message."""
    t = fold(text.strip())
    if not t:
        return "", ""
    exact = [v for v in values if fold(v) == t]
    if exact:
        return exact[0], ""
    found = [v for v in values if fold(v).startswith(t) or pinyin_initials(v).startswith(t) or t in fold(v)]
    if len(found) == 1:
        return found[0], ""
    if not found:
        return None, f"“{text.strip()}”不在列表中，可填：{'、'.join(values)}"
    return None, f"“{text.strip()}”可指：{'、'.join(found)}，请多写几个字"


def resolve_members(text: str, roster: list[Member]) -> tuple[list[str] | None, str]:
    """Member ids for names or pinyin initials separated by 、 or spaces, or a message."""
    parts = [text]
    for sep in NAME_SPLIT:
        parts = [p for part in parts for p in part.split(sep)]
    ids: list[str] = []
    for part in (p.strip() for p in parts):
        if not part:
            continue
        value, message = resolve_choice(part, [m.name for m in roster])
        if value is None:
            return None, message.replace("不在列表中，可填", "不是工作室的委员，可填")
        member = next(m for m in roster if m.name == value)
        if member.id not in ids:
            ids.append(member.id)
    return ids, ""


class SheetTable(QTableWidget):
    """A table that moves like a spreadsheet: Enter ends the row and starts the next one."""

    def __init__(self, rows: int, columns: int, parent: QWidget | None = None):
        super().__init__(rows, columns, parent)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setTabKeyNavigation(True)
        self.add_row = lambda: None  # set by the dialog: appends a prefilled row

    def next_row(self) -> None:
        row = self.currentRow() + 1
        if row >= self.rowCount():
            self.add_row()
        self.setCurrentCell(row, 0)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:  # noqa: N802
        at_end = self.currentColumn() == self.columnCount() - 1 and self.currentRow() == self.rowCount() - 1
        if hint == QAbstractItemDelegate.EndEditHint.EditNextItem and at_end:
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self.next_row()  # Tab out of the very last cell: a new row, as Enter
            return
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:  # Enter in a cell
            self.next_row()

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:  # noqa: N802
        """Chinese typed into a cell not yet being edited opens it and lands in it whole."""
        editing = self.state() == QAbstractItemView.State.EditingState
        if not editing and event.commitString() and self.currentIndex().isValid():
            if self.edit(self.currentIndex(), QAbstractItemView.EditTrigger.AnyKeyPressed, event):
                editor = next((w for w in self.viewport().findChildren(QLineEdit) if w.isVisible()), None)
                if editor is not None:
                    editor.setFocus()
                    QApplication.sendEvent(editor, QInputMethodEvent(event))
                    return
        super().inputMethodEvent(event)

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != QAbstractItemView.State.EditingState:
            self.next_row()
            return
        if key == Qt.Key.Key_Tab and self.currentColumn() == self.columnCount() - 1 and self.currentRow() == self.rowCount() - 1:
            self.next_row()
            return
        if key == Qt.Key.Key_Delete and self.state() != QAbstractItemView.State.EditingState:
            for item in self.selectedItems():
                item.setText("")
            return
        super().keyPressEvent(event)


class ReceptionDayDialog(QDialog):
    """A 委员接待日 (new, or one already recorded) and the citizens received at it."""

    def __init__(self, store: Store, activity: Activity | None = None, parent: QWidget | None = None,
                 then: Callable[[DaySaved], Any] | None = None):
        """``then(saved)`` runs inside the same write (one undo step): the rota links its day."""
        super().__init__(parent)
        self.store = store
        self.then = then
        self.is_new = activity is None
        self.activity = activity or Activity(date=date.today(), type=RECEPTION_DAY_TYPE, topic="委员接待日")
        self.saved: DaySaved | None = None
        self.roster = [m for m in store.list_records(Member) if not m.deleted]
        self.categories = list(store.type_values("request_category"))
        self.problems: dict[tuple[int, int], str] = {}
        self.setWindowTitle("接待日登记" if activity is None else f"接待日登记 — {self.activity.topic[:20]}")
        self._build()
        self.add_row()
        fit_to_screen(self, 1100, 640)
        self.table.setCurrentCell(0, 0)
        self.table.setFocus()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.date_edit = DateField()
        self.date_edit.setObjectName("day_date")
        self.date_edit.set_value(self.activity.date)
        self.topic_edit = QLineEdit(self.activity.topic)
        self.topic_edit.setObjectName("day_topic")
        self.location_edit = QLineEdit(self.activity.location)
        self.location_edit.setObjectName("day_location")
        self.members = MemberPicker()
        self.members.setObjectName("day_members")
        self.members.set_members(self.roster)
        self.members.set_value(list(self.activity.member_ids))
        self.members.changed.connect(self._members_changed)
        self._prefill_members = self._names(self.activity.member_ids)
        form.addRow("接待日期", self.date_edit)
        form.addRow("活动主题", self.topic_edit)
        form.addRow("地点", self.location_edit)
        form.addRow("值班委员", self.members)
        layout.addLayout(form)
        hint = QLabel(
            "每位群众一行：Tab 到下一格，回车到下一行（自动添加）；诉求类别、处理方式可只打开头几个字或拼音首字母，"
            "如“dl”即道路交通；值班委员已替每行填好。Ctrl+S 保存全部。"
        )
        hint.setWordWrap(True)
        hint.setProperty("hint", True)
        layout.addWidget(hint)
        self.table = SheetTable(0, len(COLUMNS))
        self.table.setObjectName("citizens")
        self.table.add_row = self.add_row
        self.table.setHorizontalHeaderLabels([c.header for c in COLUMNS])
        for i, column in enumerate(COLUMNS):
            self.table.setColumnWidth(i, column.width)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._check_item)
        layout.addWidget(self.table, 1)
        self.status = QLabel()
        self.status.setObjectName("grid_status")
        self.status.setWordWrap(True)
        self.status.setProperty("error", True)
        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText("保存全部")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.buttons.accepted.connect(self.try_save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        QShortcut(QKeySequence.StandardKey.Save, self, self.try_save)

    def _names(self, ids: list[str]) -> str:
        names = {m.id: m.name for m in self.roster}
        return "、".join(names[i] for i in ids if i in names)

    def _members_changed(self) -> None:
        """Rows still showing the members on duty follow the new choice."""
        new = self._names(self.members.value())
        col = self._col("member_ids")
        for row in range(self.table.rowCount()):
            item = self.table.item(row, col)
            if item is not None and item.text() == self._prefill_members:
                item.setText(new)
        self._prefill_members = new

    @staticmethod
    def _col(field: str) -> int:
        return next(i for i, c in enumerate(COLUMNS) if c.field == field)

    def add_row(self) -> None:
        row = self.table.rowCount()
        self.table.blockSignals(True)
        self.table.insertRow(row)
        defaults = {"member_ids": self._prefill_members, "status": "待办"}
        for i, column in enumerate(COLUMNS):
            self.table.setItem(row, i, QTableWidgetItem(defaults.get(column.field, "")))
        self.table.blockSignals(False)

    def _is_empty(self, row: int) -> bool:
        return all(not self._text(row, self._col(f)) for f in TYPED)

    def _text(self, row: int, col: int) -> str:
        item = self.table.item(row, col)
        return item.text().strip() if item is not None else ""

    def _check_item(self, item: QTableWidgetItem) -> None:
        self._check_cell(item.row(), item.column())
        self._show_status()

    def _check_cell(self, row: int, col: int) -> None:
        """Check one cell; a choice typed short is written out in full."""
        column, text = COLUMNS[col], self._text(row, col)
        message = ""
        if column.field == "request_category":
            value, message = resolve_choice(text, self.categories)
        elif column.field == "handling":
            value, message = resolve_choice(text, list(enums.HANDLING_METHODS))
        elif column.field == "status":
            value, message = resolve_choice(text, list(enums.RECEPTION_STATUSES))
        elif column.field == "member_ids":
            ids, message = resolve_members(text, self.roster)
            value = self._names(ids) if ids is not None else None
        else:
            value = text
        if value is not None and value != text:
            self.table.blockSignals(True)
            self.table.item(row, col).setText(value)
            self.table.blockSignals(False)
        if not message and column.required and not (value or "") and not self._is_empty(row):
            message = f"请填写“{column.header}”"
        self._mark(row, col, message)

    def _mark(self, row: int, col: int, message: str) -> None:
        item = self.table.item(row, col)
        if item is None:
            return
        self.table.blockSignals(True)
        item.setBackground(_BAD if message else QBrush())
        item.setToolTip(message)
        self.table.blockSignals(False)
        if message:
            self.problems[(row, col)] = message
        else:
            self.problems.pop((row, col), None)

    def _show_status(self) -> None:
        if not self.problems:
            self.status.clear()
            return
        (row, col), message = min(self.problems.items())
        more = f"（共 {len(self.problems)} 处）" if len(self.problems) > 1 else ""
        self.status.setText(f"第 {row + 1} 行“{COLUMNS[col].header}”：{message}。{more}")

    def citizen_rows(self) -> list[int]:
        return [r for r in range(self.table.rowCount()) if not self._is_empty(r)]

    def day(self) -> Activity:
        from studio_desk.core import codec

        return codec.copy_record(
            self.activity,
            date=self.date_edit.value(),
            topic=self.topic_edit.text().strip(),
            location=self.location_edit.text().strip(),
            member_ids=self.members.value(),
        )

    def reception_of(self, row: int, day: Activity) -> Reception:
        values = {c.field: self._text(row, i) for i, c in enumerate(COLUMNS)}
        member_ids, _ = resolve_members(values.pop("member_ids"), self.roster)
        status = values["status"]
        closed = day.date if status in ("已办结", "无法办理") else None
        return Reception(date=day.date, mode=RECEPTION_DAY_MODE, member_ids=member_ids or [], closed_on=closed, **values)

    def _check_records(self, day: Activity, rows: list[int]) -> list[Reception]:
        """Every cell and every record checked; problems marked in their cells."""
        for row in rows:
            for col in range(len(COLUMNS)):
                self._check_cell(row, col)
        receptions = [self.reception_of(row, day) for row in rows]
        for row, reception in zip(rows, receptions):
            for error in validation_errors(reception, self.store):
                col = next((i for i, c in enumerate(COLUMNS) if c.field == error.field), None)
                if col is not None and (row, col) not in self.problems:
                    self._mark(row, col, error.message.rstrip("。"))
                elif col is None:
                    self.problems[(row, 0)] = error.message.rstrip("。")
        self._show_status()
        return receptions

    def _saved_despite_warnings(self, rows: list[int], receptions: list[Reception]) -> bool:
        """What looks wrong in the rows though they may be saved (a phone of the wrong length) is
        asked about once, as a record form asks; 返回修改 goes to the first such cell."""
        cells, warnings = [], []
        for row, reception in zip(rows, receptions):
            for warning in record_warnings(reception):
                col = next((i for i, c in enumerate(COLUMNS) if c.field == warning.field), 0)
                cells.append((row, col))
                warnings.append(FieldError(warning.field, warning.label, f"第 {row + 1} 行：{warning.message}"))
        if not warnings or ask_save_anyway(self, receptions[0], warnings, subject="登记的群众中"):
            return True
        self.table.setCurrentCell(*cells[0])
        self.table.setFocus()
        return False

    def try_save(self) -> bool:
        problem = self.date_edit.problem("接待日期")
        if problem:
            self.status.setText(problem + "。")
            self.date_edit.setFocus()
            return False
        day = self.day()
        rows = self.citizen_rows()
        if not rows:
            self.status.setText("还没有填写任何群众。")
            return False
        receptions = self._check_records(day, rows)
        if self.problems:
            row, col = min(self.problems)
            self.table.setCurrentCell(row, col)
            return False
        if not self._saved_despite_warnings(rows, receptions):
            return False
        store = self.store

        def write(_progress: Progress, step: UndoStep | None) -> DaySaved:
            saved = save_reception_day(store, day, receptions)
            if self.then is not None:
                self.then(saved)
            if step is not None:
                step.text = f"登记接待日群众{len(saved.receptions)}人"
            return saved

        def done(saved: DaySaved) -> None:
            self.saved = saved

        ops = operations_for(self, store)
        # The page that opened the sheet shows the saved records itself; every other page re-reads.
        ops.run("登记接待日", write, source=self.parentWidget(), parent=self, on_done=done, on_error=self._refused)
        if self.saved is None:
            return False  # the sheet stays as typed, with what went wrong under it
        self.accept()
        return True

    def _refused(self, exc: BaseException) -> None:
        """An expected failure said under the sheet (anything else was shown by the operation)."""
        if isinstance(exc, ValidationError):
            self.status.setText("接待日本身有需要修改的地方：" + "；".join(e.message for e in exc.errors))
        elif isinstance(exc, StudioDeskError):
            self.status.setText(str(exc))
