"""回收站: every deleted record, by kind and date of deletion, and 恢复 for the chosen ones.

After a large delete the bin holds ten thousand records: the table is a model whose cells are
made when painted (``RecycleModel.data``), with rows of one fixed height, and the list itself
is read off the UI thread through the page's own read-only connection (``BackgroundReader``),
so showing the page after such a delete does not hold the window up."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from studio_desk.core.models import BY_KIND, Record
from studio_desk.core.recycle import KINDS, Deleted, deleted_records, restore
from studio_desk.core.store import Store
from studio_desk.core.undo import UndoStep
from studio_desk.ui.look import icon, page_header
from studio_desk.ui.operations import Operations, Progress
from studio_desk.ui.tasks import BackgroundReader, run_quietly, show_error

HEADERS = ("类别", "内容", "记录日期", "删除时间")


def _local_time(stamp: str) -> str:
    from datetime import datetime, timezone

    try:
        moment = datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=timezone.utc)
    except ValueError:
        return stamp
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


class RecycleModel(QAbstractTableModel):
    """The deleted records as rows; a cell's text is made only when it is shown."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.items: list[Deleted] = []

    def set_items(self, items: list[Deleted]) -> None:
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid() or index.row() >= len(self.items):
            return None
        item = self.items[index.row()]
        column = index.column()
        if column == 0:
            return item.cls.TITLE
        if column == 1:
            return item.title or "（无标题）"
        if column == 2:
            return item.when
        return _local_time(item.deleted_at)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section]
        return None


class RecyclePage(QWidget, BackgroundReader):
    """Deleted records by kind; bringing them back is one user action through the window's
    ``Operations`` (one undo step)."""

    def __init__(self, store: Store, ops: Operations, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.ops = ops
        self.items: list[Deleted] = []
        self._stale = True
        self._pending = False  # asked to read again while a read runs
        self.setObjectName("page_recycle")
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        header, _title = page_header(
            "回收站", "recycle", "删除的记录都在这里，可以随时恢复；恢复后的记录与删除前一样，修改历史也都保留。"
        )
        layout.addWidget(header)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("类别"))
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("kind")
        self.kind_combo.addItem("全部类别", None)
        for cls in KINDS:
            self.kind_combo.addItem(cls.TITLE, cls.KIND)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        bar.addWidget(self.kind_combo)
        self.restore_button = QPushButton("恢复所选记录")
        self.restore_button.setObjectName("restore")
        self.restore_button.setIcon(icon("restore"))
        self.restore_button.setIconSize(QSize(18, 18))
        self.restore_button.clicked.connect(self.restore_selected)
        bar.addWidget(self.restore_button)
        bar.addStretch(1)
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        bar.addWidget(self.count_label)
        layout.addLayout(bar)
        self.model = RecycleModel(self)
        self.table = QTableView()
        self.table.setObjectName("table")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # one height: no row is measured
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)  # as the import preview
        self.table.horizontalHeader().setResizeContentsPrecision(200)  # widths from the first rows
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(lambda _s, _d: self._update_buttons())
        self.table.doubleClicked.connect(lambda _i: self.restore_selected())
        layout.addWidget(self.table, 1)
        self._update_buttons()

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Read the deleted records again in the background (when the page is hidden: once shown)."""
        if self._shut:
            return
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        if self._runner is not None:
            self._pending = True  # a change while reading: read again when it ends
            return
        kind = self.kind_combo.currentData()
        kinds = [BY_KIND[kind]] if kind else list(KINDS)
        store = self.reader()
        self._runner = run_quietly(self, lambda: deleted_records(store, kinds), self._show, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self._runner = None
        self._pending = False
        if not self._shut:  # a broken read must not take the window down
            show_error(self, "回收站", exc)

    def _show(self, items: list[Deleted]) -> None:
        self._runner = None
        if self._shut:
            return
        if self._pending:
            self._pending = False
            self.refresh()
            return
        self.items = items
        self.model.set_items(items)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(2)
        self.table.resizeColumnToContents(3)
        self.count_label.setText(f"共 {len(items):,} 条" if items else "回收站是空的")
        self._update_buttons()

    def selected(self) -> list[Deleted]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.items[r] for r in rows if r < len(self.items)]

    def select_ids(self, ids: list[str]) -> None:
        wanted = set(ids)
        selection = self.table.selectionModel()
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        chosen = QItemSelection()
        for row, item in enumerate(self.items):
            if item.record_id in wanted:
                chosen.select(self.model.index(row, 0), self.model.index(row, len(HEADERS) - 1))
        selection.select(chosen, flags)

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(bool(self.selected()))

    def restore_selected(self) -> None:
        chosen = self.selected()
        if not chosen:
            return
        by_kind: dict[type[Record], list[str]] = {}
        for item in chosen:
            by_kind.setdefault(item.cls, []).append(item.record_id)
        store = self.store

        def write(_progress: Progress, step: UndoStep) -> None:
            restored = 0
            with store.transaction():  # all of them or none
                for cls, ids in by_kind.items():
                    restored += len(restore(store, cls, ids))
            step.text = f"恢复{restored}条记录"

        self.ops.run("恢复记录", write, source=self, count=len(chosen), on_done=lambda _r: self.refresh())
