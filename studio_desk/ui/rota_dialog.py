"""委员接待日安排: the planned reception days — plan months at once (e.g. the 15th of every month,
members taking turns), change one day's date, time, place or members, or remove it."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio_desk.core import rota
from studio_desk.core.errors import StudioDeskError
from studio_desk.core.models import Member, ReceptionDay
from studio_desk.core.store import Store
from studio_desk.ui.date_field import DateField
from studio_desk.ui.operations import operations_for
from studio_desk.ui.wheel_guard import guard_wheel

_ID = Qt.ItemDataRole.UserRole


class _MemberChecks(QListWidget):
    """The roster with a tick box per member (who is on duty)."""

    def __init__(self, store: Store, chosen: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("duty_members")
        for m in store.list_records(Member):
            item = QListWidgetItem(m.name)
            item.setData(_ID, m.id)
            item.setCheckState(Qt.CheckState.Checked if m.id in chosen else Qt.CheckState.Unchecked)
            self.addItem(item)

    def chosen(self) -> list[str]:
        return [
            self.item(i).data(_ID)
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        ]


class DayDialog(QDialog):
    """One reception day: date, time, place, members on duty."""

    def __init__(self, store: Store, day: ReceptionDay, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("委员接待日")
        self.day = day
        self.date = DateField()
        self.date.setObjectName("day_date")
        self.date.set_value(day.date or date.today())
        self.date.textEdited.connect(lambda _text: self.problem.hide())
        self.problem = QLabel()
        self.problem.setObjectName("day_date_problem")
        self.problem.setWordWrap(True)
        self.problem.setProperty("error", True)
        self.problem.hide()
        self.hours = QLineEdit(day.hours)
        self.location = QLineEdit(day.location)
        self.members = _MemberChecks(store, day.member_ids)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("确定")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("日期", self.date)
        form.addRow("", self.problem)
        form.addRow("时间", self.hours)
        form.addRow("地点", self.location)
        form.addRow("值班委员", self.members)
        form.addRow(buttons)

    def accept(self) -> None:
        """Closes only on a real date; otherwise says why next to the field and keeps the dialog open."""
        problem = self.date.problem("日期", required=True)
        if problem is not None:
            self.problem.setText(problem + "。")
            self.problem.show()
            self.date.setFocus()
            return
        super().accept()

    def result_day(self) -> ReceptionDay:
        return dataclasses.replace(
            self.day,
            date=self.date.value(),
            hours=self.hours.text().strip(),
            location=self.location.text().strip(),
            member_ids=self.members.chosen(),
        )


class RotaDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        self.setWindowTitle("委员接待日安排")
        self.store = store
        self.ops = operations_for(self, store)
        self.today = today or date.today()
        layout = QVBoxLayout(self)
        self.next_line = QLabel()
        self.next_line.setObjectName("next_line")
        layout.addWidget(self.next_line)

        plan = QHBoxLayout()
        self.day_of_month = QSpinBox()
        self.day_of_month.setObjectName("day_of_month")
        self.day_of_month.setRange(1, 31)
        kept = rota.rule(store) or rota.Rule(15, False)  # the rule planned by last time
        self.day_of_month.setValue(kept.day)
        self.months = QSpinBox()
        self.months.setObjectName("months")
        self.months.setRange(1, rota.MAX_MONTHS)
        self.months.setValue(6)
        self.per_day = QSpinBox()
        self.per_day.setRange(0, 10)
        self.per_day.setValue(2)
        self.skip_weekend = QCheckBox("逢周末顺延到周一")
        self.skip_weekend.setObjectName("skip_weekend")
        self.skip_weekend.setChecked(kept.skip_weekend)
        self.plan_location = QLineEdit(store.studio().address)
        self.plan_location.setPlaceholderText("地点")
        self.plan_hours = QLineEdit("9:00—11:30")
        self.plan_button = QPushButton("按月安排")
        self.plan_button.setObjectName("plan")
        self.plan_button.clicked.connect(self.plan)
        for w in (QLabel("每月"), self.day_of_month, QLabel("日，今后"), self.months, QLabel("个月，每次"),
                  self.per_day, QLabel("位委员"), self.skip_weekend):
            plan.addWidget(w)
        plan.addStretch(1)
        layout.addLayout(plan)
        where = QHBoxLayout()
        where.addWidget(QLabel("地点"))
        where.addWidget(self.plan_location, 2)
        where.addWidget(QLabel("时间"))
        where.addWidget(self.plan_hours, 1)
        where.addWidget(self.plan_button)
        layout.addLayout(where)
        layout.addWidget(QLabel("已安排的接待日（已有的月份不会重复安排；轮值按委员名册顺序）："))

        self.table = QTableWidget(0, 5)
        self.table.setObjectName("days")
        self.table.setHorizontalHeaderLabels(["日期", "时间", "地点", "值班委员", "来访（人次）"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        layout.addWidget(self.table, 1)

        row = QHBoxLayout()
        add = QPushButton("添加一天…")
        add.clicked.connect(self.add_day)
        edit = QPushButton("修改…")
        edit.clicked.connect(self.edit_selected)
        record = QPushButton("登记这天的接待…")
        record.setObjectName("record_day")
        record.setToolTip("在接待日登记表中录入这天接待的群众；这天的委员接待日活动随之建立")
        record.clicked.connect(self.record_selected)
        remove = QPushButton("删除")
        remove.setObjectName("remove")
        remove.clicked.connect(self.remove_selected)
        close = QPushButton("关闭")
        close.clicked.connect(self.accept)
        for b in (add, edit, record, remove):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.resize(760, 480)
        guard_wheel(self)
        self.reload()

    def reload(self) -> None:
        days = rota.days(self.store, start=date(self.today.year, 1, 1))
        self.table.setRowCount(len(days))
        for r, day in enumerate(days):
            held = day.date is not None and day.date <= self.today
            cells = [rota.when_text(day).split("）")[0] + "）", day.hours, day.location,
                     "、".join(rota.duty_names(self.store, day)), str(rota.visits(self.store, day)) if held else ""]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(_ID, day.id)
                if c == 4:  # a number, read down the column
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.next_line.setText(rota.next_day_line(self.store, self.today))

    def _guard(self, text: str, action: Any) -> None:
        """Run one change of the rota as one of the window's operations (one undo step; the
        window's pages re-read on its ``changed``), then show the days again."""

        def refused(exc: BaseException) -> None:
            if isinstance(exc, StudioDeskError):  # anything else was shown by the operation
                QMessageBox.warning(self, "委员接待日安排", str(exc))

        self.ops.run(text, lambda _progress, _step: action(), parent=self, on_done=lambda _r: self.reload(),
                     on_error=refused)

    def plan(self) -> None:
        self._guard("安排委员接待日", lambda: rota.plan(
            self.store, self.today, self.months.value(), day=self.day_of_month.value(),
            per_day=self.per_day.value(), location=self.plan_location.text().strip(),
            hours=self.plan_hours.text().strip(), skip_weekend=self.skip_weekend.isChecked(),
        ))

    def _selected(self) -> ReceptionDay | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        return self.store.find(ReceptionDay, item.data(_ID)) if item is not None else None

    def _edit(self, day: ReceptionDay) -> None:
        dialog = DayDialog(self.store, day, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._guard("修改接待日安排", lambda: self.store.save(dialog.result_day()))

    def add_day(self) -> None:
        self._edit(ReceptionDay(date=self.today, location=self.plan_location.text().strip(),
                                hours=self.plan_hours.text().strip()))

    def edit_selected(self) -> None:
        day = self._selected()
        if day is not None:
            self._edit(day)

    def record_selected(self) -> None:
        """The 接待日登记 sheet for the selected day (its activity, or a new one from the rota)."""
        from studio_desk.core.models import Activity
        from studio_desk.ui.reception_day import ReceptionDayDialog

        day = self._selected()
        if day is None:
            return
        linked = self.store.find(Activity, day.activity_id) if day.activity_id else None
        activity = linked if linked is not None and not linked.deleted else rota.draft_activity(day)
        # The sheet and the day's link are written together: one undo step, one Ctrl+Z.
        dialog = ReceptionDayDialog(self.store, activity, self, then=lambda saved: rota.link(self.store, day, saved.activity))
        if dialog.exec() and dialog.saved is not None:
            self.reload()

    def remove_selected(self) -> None:
        day = self._selected()
        if day is None:
            return
        answer = QMessageBox.question(self, "删除接待日", f"删除 {rota.when_text(day)} 的接待日安排？")
        if answer == QMessageBox.StandardButton.Yes:
            self._guard("删除接待日安排", lambda: self.store.delete(ReceptionDay, day.id))
