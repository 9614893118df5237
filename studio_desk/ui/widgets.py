"""Field widgets the forms use (promoted in Qt Designer, header ``studio_desk.ui.widgets``;
the date field is in ``studio_desk.ui.date_field``).

Each one reads and writes plain Python values (``date | None``, member ids, child dataclasses),
so the form code stays a table of field names.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio_desk.core.models import Author, DonationItem, FollowUp, Member
from studio_desk.core.money import FULL_WIDTH_NUMBERS, MoneyError, format_fen, parse_yuan
from studio_desk.core.text import fold, pinyin_initials
from studio_desk.exports.ledger_values import parse_date_text


class MoneyEdit(QLineEdit):
    """Yuan as typed (``1,234.5``, ``¥300``, ``2万``); :meth:`fen` parses it exactly."""

    def fen(self) -> int:
        """The amount in fen; raises MoneyError with a Chinese message when it is not one."""
        text = self.text().strip()
        return parse_yuan(text) if text else 0

    def set_fen(self, fen: int) -> None:
        self.setText(format_fen(fen) if fen else "")


class EntryLineEdit(QLineEdit):
    """A line edit whose Enter means "add this", never the dialog's 保存 button."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()


def member_matches(member: Member, query: str) -> bool:
    q = fold(query)
    return not q or q in fold(member.name) or q in pinyin_initials(member.name)


class MemberPicker(QWidget):
    """Pick members from the roster: type a name or its pinyin initials, Enter adds the first match."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._members: list[Member] = []
        self._chosen: list[str] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.chosen_label = QLabel("未选委员")
        self.chosen_label.setObjectName("chosen")
        self.chosen_label.setWordWrap(True)
        self.search = EntryLineEdit()
        self.search.setObjectName("member_search")
        self.search.setPlaceholderText("输入姓名或拼音首字母（如 lg），回车选中第一位")
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setObjectName("member_list")
        self.list.setMaximumHeight(110)
        self.list.setFlow(QListWidget.Flow.LeftToRight)
        self.list.setWrapping(True)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setSpacing(2)
        layout.addWidget(self.chosen_label)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._take_first)
        self.list.itemChanged.connect(self._item_changed)
        self.setFocusProxy(self.search)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def set_members(self, members: list[Member]) -> None:
        self._members = list(members)
        self._rebuild()

    def _rebuild(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        known = {m.id for m in self._members}
        for m in self._members:
            item = QListWidgetItem(m.name + ("（已删除）" if m.deleted else ""))
            item.setData(Qt.ItemDataRole.UserRole, m.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if m.id in self._chosen else Qt.CheckState.Unchecked)
            item.setToolTip(f"{m.name}  {pinyin_initials(m.name)}  {m.role}")
            self.list.addItem(item)
        for missing in [i for i in self._chosen if i not in known]:
            item = QListWidgetItem("（未知委员）")
            item.setData(Qt.ItemDataRole.UserRole, missing)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._filter(self.search.text())
        self._update_label()

    def _filter(self, text: str) -> None:
        by_id = {m.id: m for m in self._members}
        for row in range(self.list.count()):
            item = self.list.item(row)
            member = by_id.get(item.data(Qt.ItemDataRole.UserRole))
            item.setHidden(member is not None and not member_matches(member, text))

    def visible_names(self) -> list[str]:
        return [
            self.list.item(r).text() for r in range(self.list.count()) if not self.list.item(r).isHidden()
        ]

    def _take_first(self) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if not item.isHidden() and item.checkState() == Qt.CheckState.Unchecked:
                item.setCheckState(Qt.CheckState.Checked)
                self.search.clear()
                return

    def _item_changed(self, item: QListWidgetItem) -> None:
        member_id = item.data(Qt.ItemDataRole.UserRole)
        if item.checkState() == Qt.CheckState.Checked and member_id not in self._chosen:
            self._chosen.append(member_id)
        elif item.checkState() == Qt.CheckState.Unchecked and member_id in self._chosen:
            self._chosen.remove(member_id)
        self._update_label()
        self.changed.emit()

    def _update_label(self) -> None:
        names = {m.id: m.name for m in self._members}
        chosen = [names.get(i, "（未知委员）") for i in self._chosen]
        self.chosen_label.setText(
            f"已选 {len(chosen)} 人：" + "、".join(chosen) if chosen else "未选委员"
        )

    def value(self) -> list[str]:
        return list(self._chosen)

    def set_value(self, ids: list[str]) -> None:
        self._chosen = list(ids)
        self._rebuild()


_QUANTITY = re.compile(r"(-?[0-9][0-9,]*(?:\.[0-9]+)?)\s*([^\s0-9.,-]{1,4})?")


def _quantity_and_unit(text: str) -> tuple[Decimal | None, str]:
    """``30`` → (30, ""); ``30个`` or ``1,200 斤`` → the number and the unit written after it (as
    群众人次 takes ``30人``); (None, "") when the text is no number."""
    match = _QUANTITY.fullmatch(text.strip().translate(FULL_WIDTH_NUMBERS))
    if match is None:
        return None, ""
    try:
        number = Decimal(match[1].replace(",", ""))
    except InvalidOperation:
        return None, ""
    return number, match[2] or ""


class _RowsGrid(QTableWidget):
    """The cells of a rows table: Tab goes on through the row and to the next row; from the last
    cell of the last row it leaves the table for the next field (Shift+Tab from the first cell, for
    the one before), never wrapping round to overwrite an earlier row."""

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:  # noqa: N802
        row, col = self.currentRow(), self.currentColumn()
        last = row == self.rowCount() - 1 and col == self.columnCount() - 1
        first = row == 0 and col == 0
        Hint = QAbstractItemDelegate.EndEditHint
        leave = (hint == Hint.EditNextItem and last) or (hint == Hint.EditPreviousItem and first)
        super().closeEditor(editor, Hint.NoHint if leave else hint)
        if leave:
            self.setFocus()
            QWidget.focusNextPrevChild(self, hint == Hint.EditNextItem)


class _RowsTable(QWidget):
    """A table of child rows with 添加/删除 buttons."""

    changed = Signal()
    HEADERS: tuple[str, ...] = ()
    ADD_TEXT = "添加一行"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.table = _RowsGrid(0, len(self.HEADERS))
        self.table.setObjectName("rows")
        self.table.setHorizontalHeaderLabels(list(self.HEADERS))
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(110)
        self.table.setTabKeyNavigation(False)
        self.table.itemChanged.connect(lambda _item: self.changed.emit())
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.ADD_TEXT)
        self.add_button.setObjectName("add_row")
        self.remove_button = QPushButton("删除选中行")
        self.remove_button.setObjectName("remove_row")
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add_empty_row)
        self.remove_button.clicked.connect(self.remove_selected)

    def add_row(self, values: list[str]) -> int:
        row = self.table.rowCount()
        self.table.blockSignals(True)
        self.table.insertRow(row)
        for col, text in enumerate(values):
            self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.blockSignals(False)
        self.changed.emit()
        return row

    def add_empty_row(self) -> None:
        self.start_row([""] * len(self.HEADERS))

    def start_row(self, values: list[str]) -> None:
        """Add a row and start typing into its first cell (its text, if any, selected)."""
        row = self.add_row(values)
        self.table.setCurrentCell(row, 0)
        self.table.scrollToItem(self.table.item(row, 0))
        self.table.setFocus()
        self.table.editItem(self.table.item(row, 0))

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        if not rows and self.table.currentRow() >= 0:
            rows = [self.table.currentRow()]
        for row in rows:
            self.table.removeRow(row)
        self.changed.emit()

    def cell(self, row: int, col: int) -> str:
        item = self.table.item(row, col)
        return item.text().strip() if item else ""

    def rows(self) -> list[list[str]]:
        """Non-empty rows as text."""
        out = []
        for row in range(self.table.rowCount()):
            values = [self.cell(row, c) for c in range(self.table.columnCount())]
            if any(values):
                out.append(values)
        return out

    def clear_rows(self) -> None:
        self.table.setRowCount(0)


class ItemsTable(_RowsTable):
    """Donated goods: 物资名称, 数量, 单位, 价值(元)."""

    HEADERS = ("物资名称", "数量", "单位", "价值(元)")
    ADD_TEXT = "添加物资"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def value_checked(self) -> tuple[list[DonationItem], list[str]]:
        """The items, and a message for each cell that is not a number or an amount."""
        items, problems = [], []
        for index, (name, qty, unit, value) in enumerate(self.rows(), start=1):
            quantity: Decimal | None = None
            if qty:
                number, said_unit = _quantity_and_unit(qty)
                if said_unit and unit and said_unit != unit:
                    problems.append(f"物资明细第{index}行的“数量”写着“{qty}”，“单位”却是“{unit}”：数量只填数字")
                    number = None
                elif number is None:
                    problems.append(f"物资明细第{index}行的“数量”不是数字：{qty}（数量只填数字，单位填在“单位”一栏）")
                quantity, unit = number, unit or said_unit  # “30个” with no unit: 30, 个
            fen = 0
            if value:
                try:
                    fen = parse_yuan(value)
                except MoneyError:
                    problems.append(f"物资明细第{index}行的“价值(元)”不是有效的金额：{value}")
            items.append(DonationItem(name=name, quantity=quantity, unit=unit, value_fen=fen))
        return items, problems

    def value(self) -> list[DonationItem]:
        return self.value_checked()[0]

    def set_value(self, items: list[DonationItem]) -> None:
        self.clear_rows()
        for item in items:
            qty = "" if item.quantity is None else f"{item.quantity.normalize():f}"
            self.add_row([item.name, qty, item.unit, format_fen(item.value_fen) if item.value_fen else ""])

    def total_fen(self) -> int | None:
        """Sum of the values, or None while a value cannot be read."""
        items, problems = self.value_checked()
        if any("价值" in p for p in problems):
            return None
        return sum(i.value_fen for i in items)


class FollowUpTable(_RowsTable):
    """Dated notes (跟踪卡 / 办理跟踪), newest added at the bottom; 添加 fills in today."""

    HEADERS = ("日期", "跟踪记录")
    ADD_TEXT = "添加跟踪记录"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 110)

    def add_empty_row(self) -> None:
        self.start_row([date.today().isoformat(), ""])

    def value_checked(self) -> tuple[list[FollowUp], list[str]]:
        out, problems = [], []
        for index, (when, note) in enumerate(self.rows(), start=1):
            parsed = parse_date_text(when)
            if when and parsed is None:
                problems.append(f"跟踪记录第{index}行的日期“{when}”无法识别，请写成 2026-06-15")
            out.append(FollowUp(date=parsed, note=note))
        return out, problems

    def value(self) -> list[FollowUp]:
        return self.value_checked()[0]

    def set_value(self, followups: list[FollowUp]) -> None:
        self.clear_rows()
        for f in followups:
            self.add_row([f.date.isoformat() if f.date else "", f.note])


class AuthorList(QWidget):
    """Authors in order (first signer first): roster members or other names."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._members: list[Member] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        entry = QHBoxLayout()
        self.entry = EntryLineEdit()
        self.entry.setObjectName("author_entry")
        self.entry.setPlaceholderText("姓名或拼音首字母，回车添加（非工作室委员可直接写姓名）")
        self.add_button = QPushButton("添加")
        self.add_button.setObjectName("add_author")
        entry.addWidget(self.entry, 1)
        entry.addWidget(self.add_button)
        self.list = QListWidget()
        self.list.setObjectName("author_list")
        self.list.setMaximumHeight(100)
        buttons = QHBoxLayout()
        self.up_button = QPushButton("上移")
        self.up_button.setObjectName("author_up")
        self.down_button = QPushButton("下移")
        self.down_button.setObjectName("author_down")
        self.remove_button = QPushButton("移除")
        self.remove_button.setObjectName("author_remove")
        for b in (self.up_button, self.down_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.hint = QLabel("")
        self.hint.setObjectName("author_hint")
        layout.addLayout(entry)
        layout.addWidget(self.hint)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.entry.returnPressed.connect(self.add_from_entry)
        self.entry.textChanged.connect(self._show_matches)
        self.add_button.clicked.connect(self.add_from_entry)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.remove_button.clicked.connect(self._remove)
        self.setFocusProxy(self.entry)

    def set_members(self, members: list[Member]) -> None:
        self._members = [m for m in members if not m.deleted]

    def _matches(self, text: str) -> list[Member]:
        return [m for m in self._members if member_matches(m, text)] if text.strip() else []

    def _show_matches(self, text: str) -> None:
        found = self._matches(text)
        self.hint.setText(("回车添加：" + "、".join(m.name for m in found[:8])) if found else "")

    def add_from_entry(self) -> None:
        text = self.entry.text().strip()
        if not text:
            return
        exact = [m for m in self._members if m.name == text]
        found = exact or self._matches(text)
        if found:
            self.add_author(Author(name=found[0].name, member_id=found[0].id))
        else:
            self.add_author(Author(name=text, member_id=None))
        self.entry.clear()

    def add_author(self, author: Author) -> None:
        if any(a.name == author.name for a in self.value()):
            return
        item = QListWidgetItem(self._text(author, self.list.count()))
        item.setData(Qt.ItemDataRole.UserRole, (author.name, author.member_id))
        self.list.addItem(item)
        self._renumber()
        self.changed.emit()

    @staticmethod
    def _text(author: Author, index: int) -> str:
        tail = "" if author.member_id else "（非本室委员）"
        return f"{index + 1}. {author.name}{tail}"

    def _renumber(self) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            name, member_id = item.data(Qt.ItemDataRole.UserRole)
            item.setText(self._text(Author(name=name, member_id=member_id), row))

    def _move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self._renumber()
        self.changed.emit()

    def _remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self._renumber()
            self.changed.emit()

    def value(self) -> list[Author]:
        out = []
        for row in range(self.list.count()):
            name, member_id = self.list.item(row).data(Qt.ItemDataRole.UserRole)
            out.append(Author(name=name, member_id=member_id))
        return out

    def set_value(self, authors: list[Author]) -> None:
        self.list.clear()
        for a in authors:
            self.add_author(a)


class StatusFlow(QWidget):
    """The 诉求 steps 待办 → 办理中 → 已办结, with a button to move to the next one."""

    advance = Signal(str)
    STEPS = ("待办", "办理中", "已办结")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._labels = []
        for i, step in enumerate(self.STEPS):
            if i:
                layout.addWidget(QLabel("→"))
            label = QLabel(step)
            label.setObjectName(f"step_{i}")
            label.setProperty("step", True)
            self._labels.append(label)
            layout.addWidget(label)
        layout.addStretch(1)
        self.next_button = QPushButton("")
        self.next_button.setObjectName("next_step")
        layout.addWidget(self.next_button)
        self.next_button.clicked.connect(self._next)
        self._status = "待办"
        self.set_status("待办")

    def set_status(self, status: str) -> None:
        self._status = status
        current = self.STEPS.index(status) if status in self.STEPS else -1
        for i, label in enumerate(self._labels):
            label.setProperty("current", i == current)
            label.setProperty("done", i < current)
            label.style().unpolish(label)
            label.style().polish(label)
        if status == "无法办理":
            self.next_button.setText("重新办理")
        elif current + 1 < len(self.STEPS):
            self.next_button.setText(f"转为“{self.STEPS[current + 1]}”")
        else:
            self.next_button.setText("已办结")
        self.next_button.setEnabled(status != "已办结")

    def _next(self) -> None:
        if self._status == "无法办理":
            self.advance.emit("办理中")
            return
        current = self.STEPS.index(self._status) if self._status in self.STEPS else -1
        if current + 1 < len(self.STEPS):
            self.advance.emit(self.STEPS[current + 1])


def paper_choice(label: str) -> tuple[QHBoxLayout, QComboBox]:
    """``label`` and the paper the Excel ledgers print on (``exports.xlsx_print``): A4, the wide
    ledgers' main columns with the others folded (the default), or A3, every column. The row,
    and its box (whose data is the paper's key)."""
    from studio_desk.exports.paper import DEFAULT_PAPER, PAPER_CHOICES

    row = QHBoxLayout()
    row.addWidget(QLabel(label))
    box = QComboBox()
    box.setObjectName("paper")
    for key, text in PAPER_CHOICES.items():
        box.addItem(text, key)
    box.setCurrentIndex(box.findData(DEFAULT_PAPER))
    box.setToolTip("A4：较宽的台账只打印主要列，其余列折叠在表中，点列标上方的“+”可展开；\n"
                   "A3：较宽的台账用 A3 横向打印全部列（县政协要求时）。")
    row.addWidget(box)
    row.addWidget(QLabel("（较宽的台账：A4 只打印主要列，其余列折叠在表中；A3 打印全部列）"))
    row.addStretch(1)
    return row, box
