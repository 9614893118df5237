"""The forms' date field: a line edit that reads a date as the clerk types it, with a calendar.

A clerk types dates the way the ledgers write them. The field reads every usual form with the
same parser as the workbook import, keeps an unreadable or impossible date exactly as typed and
names it when the form is saved; it never turns what was typed into another day.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QLocale, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QWidget

from studio_desk.exports.ledger_values import parse_date_text
from studio_desk.ui.look import icon

FIRST_YEAR, LAST_YEAR = 1900, 2100
FORMS_HINT = "2024-03-05、2024/3/5 或 2024年3月5日"


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class DateField(QLineEdit):
    """A date or nothing: typed (2024-03-05, 2024/3/5, 2024.3.5, 20240305, 2024年3月5日) or
    picked from the calendar (the icon, Alt+↓ or F4). ↑/↓ move a day."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText("如 2024-03-05")
        self.setMaxLength(30)
        self.setClearButtonEnabled(True)
        self.setToolTip(f"输入日期，如 {FORMS_HINT}；点右侧日历图标或按 Alt+↓ 从日历中选择")
        self.calendar_action = self.addAction(icon("calendar"), QLineEdit.ActionPosition.TrailingPosition)
        self.calendar_action.setObjectName("open_calendar")
        self.calendar_action.setToolTip("从日历中选择日期")
        self.calendar_action.triggered.connect(self.show_calendar)
        self.calendar: QCalendarWidget | None = None
        self.editingFinished.connect(self._tidy)

    def value(self) -> date | None:
        """The date typed; None when the field is empty or does not hold a date (see :meth:`problem`)."""
        text = self.text().strip()
        if not text:
            return None
        found = parse_date_text(text)
        if found is None or not FIRST_YEAR <= found.year <= LAST_YEAR:
            return None
        return found

    def set_value(self, value: date | None) -> None:
        self.setText(value.isoformat() if value else "")

    def problem(self, label: str = "日期", *, required: bool = False) -> str | None:
        """Why the text is no date, as a sentence naming the field; None when it is one, or
        empty and not ``required``."""
        text = self.text().strip()
        if not text:
            return f"请填写“{label}”，如 2024-03-05" if required else None
        if self.value() is not None:
            return None
        found = parse_date_text(text)
        if found is not None:
            return f"“{label}”的年份 {found.year} 不在 {FIRST_YEAR}—{LAST_YEAR} 年之间"
        return f"“{label}”填的“{text[:30]}”不是有效的日期（没有这一天，或写法无法识别），请写成 {FORMS_HINT}"

    def _tidy(self) -> None:
        """Show a readable date in the one form the ledgers print, so the clerk sees what is kept."""
        found = self.value()
        if found is not None and self.text() != found.isoformat():
            self.setText(found.isoformat())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, modifiers = event.key(), event.modifiers()
        if key == Qt.Key.Key_F4 or (key == Qt.Key.Key_Down and modifiers & Qt.KeyboardModifier.AltModifier):
            self.show_calendar()
            return
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not modifiers & Qt.KeyboardModifier.AltModifier:
            self._step(1 if key == Qt.Key.Key_Up else -1)
            return
        super().keyPressEvent(event)

    def _step(self, days: int) -> None:
        current = self.value()
        if current is None and self.text().strip():
            return  # an unreadable text stays as typed until the clerk corrects it
        moved = date.today() if current is None else current + timedelta(days=days)
        if FIRST_YEAR <= moved.year <= LAST_YEAR:
            self.set_value(moved)

    def show_calendar(self) -> None:
        """A calendar under the field, on the typed date (today when there is none)."""
        if self.calendar is None:
            self.calendar = QCalendarWidget(self)
            self.calendar.setObjectName("date_calendar")
            self.calendar.setWindowFlags(Qt.WindowType.Popup)
            self.calendar.setLocale(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
            self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
            self.calendar.setGridVisible(True)
            self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
            self.calendar.setMinimumDate(QDate(FIRST_YEAR, 1, 1))
            self.calendar.setMaximumDate(QDate(LAST_YEAR, 12, 31))
            self.calendar.clicked.connect(self._picked)
            self.calendar.activated.connect(self._picked)
        self.calendar.setSelectedDate(_qdate(self.value() or date.today()))
        self.calendar.adjustSize()
        hint = self.calendar.sizeHint()
        self.calendar.move(self._popup_position(hint.width(), hint.height()))
        self.calendar.show()
        self.calendar.setFocus()

    def _popup_position(self, width: int, height: int) -> QPoint:
        below = self.mapToGlobal(QPoint(0, self.height()))
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is None:
            return below
        x = min(max(below.x(), screen.left()), screen.right() - width)
        y = below.y() if below.y() + height <= screen.bottom() else self.mapToGlobal(QPoint(0, 0)).y() - height
        return QPoint(x, max(y, screen.top()))

    def _picked(self, picked: QDate) -> None:
        self.set_value(date(picked.year(), picked.month(), picked.day()))
        assert self.calendar is not None
        self.calendar.hide()
        self.setFocus()
