"""A ledger page: filter bar, lazily loaded table, and the new / edit / delete actions."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from studio_desk.core.models import Activity, Donation, Member, Proposal, Reception, Record
from studio_desk.core.reception_day import RECEPTION_DAY_TYPE, recount
from studio_desk.core.store import Store
from studio_desk.core.undo import UndoStep
from studio_desk.ui.forms import FORM_FOR
from studio_desk.ui.ledger_filters import LedgerFilters
from studio_desk.ui.ledger_model import LedgerModel
from studio_desk.ui.look import icon, page_header
from studio_desk.ui.operations import Operations, Progress
from studio_desk.ui.tasks import BACKGROUND_ABOVE, show_error

PAGE_TITLES = {
    Activity: "活动台账",
    Reception: "接待走访台账",
    Donation: "捐赠慰问台账",
    Proposal: "提案建议台账",
    Member: "委员名册",
}


def new_text(cls: type[Record]) -> str:
    """The new-record button: a member is added to the roster, a record is made."""
    return "添加委员" if cls is Member else f"新建{cls.TITLE}"


class LedgerPage(QWidget, LedgerFilters):
    """One record type's ledger. Its writes run through the window's ``Operations``: each
    action is one undo step of the store, and the window hears of it from there."""

    def __init__(self, store: Store, cls: type[Record], ops: Operations, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.ops = ops
        self.cls = cls
        self._closed = False
        self.setObjectName(f"page_{cls.KIND}")
        self.model = LedgerModel(store, cls)

        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        header, self.heading = page_header(PAGE_TITLES.get(cls, cls.TITLE), cls.KIND if cls is not Member else "members")
        layout.addWidget(header)
        layout.addLayout(self._filter_bar())
        layout.addLayout(self._action_bar())
        layout.addWidget(self._table_stack(), 1)
        self._connect_filters()
        # Records are read when the page is first shown (and again when shown after a change
        # elsewhere): a window with five ledgers of 100,000 rows opens as fast as one.
        self._stale = True

    def _action_bar(self) -> QHBoxLayout:
        """新建, 编辑, 复制, 删除 (and 接待日 on the two ledgers it fills) left; 打印 right."""
        cls = self.cls
        actions = QHBoxLayout()
        self.new_button = QPushButton(new_text(cls))
        self.new_button.setObjectName("new")
        self.new_button.setToolTip("Ctrl+N")
        self.new_button.clicked.connect(self.new_record)
        self.edit_button = QPushButton("编辑")
        self.edit_button.setObjectName("edit")
        self.edit_button.setToolTip("回车或双击")
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton("删除")
        self.delete_button.setObjectName("delete")
        self.delete_button.setToolTip("Del，删除后可按 Ctrl+Z 撤销")
        self.delete_button.clicked.connect(self.delete_selected)
        self.copy_button = QPushButton("复制为新记录")
        self.copy_button.setObjectName("copy")
        self.copy_button.setToolTip("以所选记录为底稿新建一条（保存前不会写入）")
        self.copy_button.clicked.connect(self.copy_selected)
        buttons = [(self.new_button, "new"), (self.edit_button, "edit"), (self.delete_button, "delete")]
        if cls is not Member:
            buttons.insert(2, (self.copy_button, "copy"))
        else:
            self.copy_button.hide()
        for b, icon_name in buttons:
            b.setIcon(icon(icon_name))
            actions.addWidget(b)
        self.day_button: QPushButton | None = None
        if cls in (Activity, Reception):
            self.day_button = QPushButton("接待日登记…" if cls is Activity else "新建接待日…")
            self.day_button.setObjectName("reception_day")
            self.day_button.setIcon(icon("batch"))
            self.day_button.setToolTip(
                "把所选委员接待日来访的群众一人一行登记（像 Excel 一样按 Tab、回车），一次保存"
                if cls is Activity
                else "新建一个委员接待日，并把当天来访的群众一人一行登记"
            )
            self.day_button.clicked.connect(self.reception_day)
            actions.addWidget(self.day_button)
        actions.addStretch(1)
        self.print_button = QPushButton("打印…")
        self.print_button.setObjectName("print_view")
        self.print_button.setIcon(icon("print"))
        self.print_button.setToolTip("把当前显示的记录（按现在的筛选）打印成 PDF  Ctrl+P")
        self.print_button.clicked.connect(self.print_view)
        actions.addWidget(self.print_button)
        self.extra_actions = actions  # pages may add buttons here
        return actions

    def _table_stack(self) -> QStackedWidget:
        """The table, or in its place a line that says why it is empty."""
        self.stack = QStackedWidget()
        self.table = QTableView()
        self.table.setObjectName("table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.verticalHeader().setMinimumWidth(36)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setStretchLastSection(True)
        header.sortIndicatorChanged.connect(self.model.sort)
        for i, column in enumerate(self.model.columns):
            self.table.setColumnWidth(i, column.width)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            QShortcut(QKeySequence(key), self.table, self.edit_selected, context=Qt.ShortcutContext.WidgetShortcut)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.empty = QLabel()
        self.empty.setObjectName("empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setProperty("hint", True)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        return self.stack

    # Loading.

    def shutdown(self) -> None:
        """The window is closing (its store next): a search still waiting for its pause must not run."""
        self._closed = True
        self._search_timer.stop()

    def apply_filters(self) -> None:
        self._search_timer.stop()
        if self._closed:
            return
        self._stale = False
        selected = self.selected_ids()
        try:
            self.model.set_query(**self.query())
        except Exception as exc:  # noqa: BLE001 - a broken query must not take the window down
            show_error(self, "读取记录", exc)
            return
        self._after_reload(selected)

    def _after_reload(self, selected: list[str]) -> None:
        n = len(self.model.ids)
        self.count_label.setText(f"共 {n:,} 条")
        if n:
            self.stack.setCurrentWidget(self.table)
        else:
            year = self.year_combo.currentData()
            if self.narrowed():
                self.empty.setText("没有符合条件的记录。\n可以清空搜索框，或把期间、筛选改回“全年”“全部”。")
            elif year:
                text = f"{year}年还没有{self.cls.TITLE}记录。\n点“{new_text(self.cls)}”（Ctrl+N）添加第一条。"
                # (records imported or merged into other years are found by the year above)
                # (the years listed have its records, but for this year, which is always listed)
                this_year = date.today().year
                others = [f"{y}年" for y in self.store.years(self.cls)
                          if y != year and (y != this_year or self.store.count(self.cls, year=y))]
                if others:
                    listed = "、".join(others[:6]) + ("等" if len(others) > 6 else "")
                    text += f"\n\n{listed}有{self.cls.TITLE}记录：点左上角的“{year}年”可改选年份。"
                self.empty.setText(text)
            else:
                self.empty.setText(f"还没有{self.cls.TITLE}记录。\n点“{new_text(self.cls)}”（Ctrl+N）添加第一条。")
            self.stack.setCurrentWidget(self.empty)
        self.select_ids(selected)
        self._update_buttons()

    def refresh(self) -> None:
        """Re-read everything (after an import, a merge, an undo…), keeping filters and selection.

        A hidden page only notes it and re-reads when it is shown.
        """
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self._fill_combos()
        self.apply_filters()

    def ensure_loaded(self) -> None:
        if self._stale:
            self._stale = False
            self._fill_combos()
            self.apply_filters()

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        self.ensure_loaded()

    def restore_columns(self, state) -> None:  # type: ignore[no-untyped-def]
        """Column widths, order and the sort column saved last time (sorts on the next load)."""
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        try:
            header.restoreState(state)
        finally:
            header.blockSignals(False)
        section = header.sortIndicatorSection()
        if 0 <= section < len(self.model.columns) and self.model.columns[section].sort_field:
            descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
            self.model.order = (self.model.columns[section].sort_field, descending)
            self._stale = True
            if self.isVisible():
                self.ensure_loaded()

    # Selection.

    def selected_ids(self) -> list[str]:
        # From the selection's ranges: selectedRows() asks the model about every cell of every
        # selected row, seconds on the UI thread when 10,000 rows are selected.
        rows: set[int] = set()
        for span in self.table.selectionModel().selection():
            rows.update(range(span.top(), span.bottom() + 1))
        ids = self.model.ids
        return [ids[r] for r in sorted(rows) if r < len(ids)]

    def select_ids(self, ids: list[str]) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        first = True
        for record_id in ids:
            row = self.model.row_of(record_id)
            if row < 0:
                continue
            index = self.model.index(row, 0)
            flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            selection.select(index, flags)
            if first:
                self.table.scrollTo(index)
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
                first = False

    def _update_buttons(self) -> None:
        ids = self.selected_ids()
        self.edit_button.setEnabled(bool(ids))
        self.delete_button.setEnabled(bool(ids))
        self.copy_button.setEnabled(len(ids) == 1)
        if self.day_button is not None and self.cls is Activity:
            self.day_button.setEnabled(self._selected_day() is not None)

    def _selected_day(self) -> Activity | None:
        """The one selected activity when it is a 委员接待日."""
        ids = self.selected_ids()
        if len(ids) != 1:
            return None
        row = self.model.row_of(ids[0])
        record = self.model.record_at(row)
        return record if isinstance(record, Activity) and record.type == RECEPTION_DAY_TYPE else None

    def reception_day(self) -> None:
        """Enter the citizens of a 委员接待日 (the selected one, or a new one) in one sheet."""
        from studio_desk.ui.reception_day import ReceptionDayDialog

        day = self._selected_day() if self.cls is Activity else None
        if self.cls is Activity and day is None:
            return
        dialog = ReceptionDayDialog(self.store, day, self)  # saves through the window's operations
        if not dialog.exec() or dialog.saved is None:
            return
        saved = dialog.saved
        shown = saved.activity if self.cls is Activity else (saved.receptions[0] if saved.receptions else None)
        if shown is not None:
            self._show_saved(shown)
        if self.cls is Reception:
            self.select_ids([r.id for r in saved.receptions])

    def print_view(self) -> None:
        """打印…: the rows shown now, with the filters that chose them (``ui.ledger_print``)."""
        from studio_desk.ui.ledger_print import PrintViewDialog

        PrintViewDialog(self, self).exec()

    # Actions.

    def open_form(self, record: Record | None, template: Record | None = None) -> None:
        """Open the record form; what it saves (several records after 保存并新建, even when the
        last one was then cancelled) is one undo step."""
        form = FORM_FOR[self.cls](self.store, record, self)
        if template is not None:
            form.start_from(template)

        def write(_progress: Progress, step: UndoStep) -> list[tuple[Record | None, Record]]:
            form.exec()
            steps = [(b, a) for b, a in form.saved_steps if b is None or a.version_id != b.version_id]
            if len(steps) > 1:
                step.text = f"保存{len(steps)}条{self.cls.TITLE}"
            return steps

        def show(steps: list[tuple[Record | None, Record]]) -> None:
            if steps:
                self._show_saved(steps[-1][1])

        self.ops.run(f"{'新建' if record is None else '修改'}{self.cls.TITLE}", write, source=self, on_done=show)

    def new_record(self) -> None:
        self.open_form(None)

    def copy_selected(self) -> None:
        """复制为新记录: a new form filled in from the selected record."""
        ids = self.selected_ids()
        record = self.store.find(self.cls, ids[0]) if ids else None
        if record is None:
            return
        self.open_form(None, template=record)

    def edit_record(self, record_id: str) -> None:
        record = self.store.find(self.cls, record_id)
        if record is None or record.deleted:
            show_error(self, "编辑", _gone(self.cls))
            return
        self.open_form(record)

    def _show_saved(self, saved: Record) -> None:
        """Show the record just saved, even when the filters would hide it."""
        self._fill_combos()  # a new year may have appeared
        year = saved.year()
        self.year_combo.blockSignals(True)
        if year is not None and self.year_combo.currentData() not in (None, year):
            self.set_year(year)
        self.year_combo.blockSignals(False)
        self.apply_filters()
        if self.model.row_of(saved.id) < 0 and self.narrowed():
            # The clerk just wrote it and expects to see it: drop the search and filters.
            self._clear_narrowing()
            self.apply_filters()
        self.select_ids([saved.id])

    def edit_selected(self) -> None:
        ids = self.selected_ids()
        if not ids and self.table.currentIndex().isValid():
            ids = [self.model.ids[self.table.currentIndex().row()]]
        if ids:
            self.edit_record(ids[0])

    def confirm_delete(self, ids: list[str]) -> bool:
        """Ask first, naming how many records and what goes with them."""
        from studio_desk.core.recycle import consequences

        if len(ids) == 1:
            record = self.model.record_at(self.model.row_of(ids[0]))
            name = record.display_name()[:30] if record is not None else ""
            what = f"这条{self.cls.TITLE}记录“{name}”" if name else f"这条{self.cls.TITLE}记录"
        else:
            what = f"选中的 {len(ids):,} 条{self.cls.TITLE}记录"
        try:
            extra = consequences(self.store, self.cls, ids)
        except Exception:  # noqa: BLE001 - the question is asked all the same
            extra = []
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("删除")
        box.setText(f"删除{what}吗？")
        box.setInformativeText(
            "\n".join(extra + ["删除的记录进入“回收站”，随时可以恢复；也可以马上按 Ctrl+Z 撤销。"])
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText("删除")
        box.button(QMessageBox.StandardButton.No).setText("取消")
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        return box.exec() == QMessageBox.StandardButton.Yes

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        from studio_desk.core.reporting import any_year_locked, record_years, refuse_in_locked_years

        try:  # a reported and locked year keeps its records (the message says how to unlock)
            if any_year_locked(self.store):  # else the selection's years need not be read at all
                refuse_in_locked_years(self.store, record_years(self.store, self.cls, ids), "删除")
        except Exception as exc:  # noqa: BLE001
            show_error(self, "删除", exc)
            return
        if not self.confirm_delete(ids):
            return
        row = self.model.row_of(ids[0])
        cls, store = self.cls, self.store


        def delete(progress: Progress, _step: UndoStep) -> list[str]:
            # One transaction and one undo step: cancelled or failed half-way, nothing is deleted.
            with store.transaction():
                for n, record_id in enumerate(ids):
                    if n % 200 == 0:
                        progress(n, len(ids), f"正在删除 {n:,} / {len(ids):,} 条……")
                    store.delete(cls, record_id)
                if cls is Reception:  # the days these citizens came to count fewer people
                    gone = store.get_many(Reception, ids, include_deleted=True)
                    recount(store, [r.activity_id for r in gone])
            return ids

        def done(deleted: list[str]) -> None:
            self.model.drop(deleted)  # the other rows are as they were: no new query
            self._after_reload([])
            if self.model.ids:
                nxt = self.model.ids[min(max(row, 0), len(self.model.ids) - 1)]
                self.select_ids([nxt])

        text = f"删除{len(ids)}条{self.cls.TITLE}"
        if len(ids) > BACKGROUND_ABOVE:
            # The rows are going: unselected now, so that painting them while the background thread
            # runs does not ask the model about every selected row (each call waits for the GIL).
            self.table.selectionModel().clearSelection()
        self.ops.run(text, delete, source=self, count=len(ids), on_done=done, title="删除记录")


def _gone(cls: type[Record]) -> Exception:
    from studio_desk.core.errors import RecordNotFound

    return RecordNotFound(f"这条{cls.TITLE}记录已不存在（可能已被删除或合并）。")
