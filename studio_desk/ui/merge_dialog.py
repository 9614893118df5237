"""从U盘合并: first a preview of what the merge would do, record by record; then, when the clerk
confirms, the merge itself and the conflicts to review and swap.

The preview is ``sync.plan_merge`` (nothing is written); the merge is ``sync.merge_file`` (a backup
first, one transaction). Conflicts name which version is this PC's (本机) and which came on the
stick (U盘), with their times and the record's date, because several records share a title.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from studio_desk.core.errors import StudioDeskError
from studio_desk.core.models import BY_TABLE
from studio_desk.core.sync import record_day
from studio_desk.core.store import Store
from studio_desk.ui.exchange_frame import DB_FILTER, ExchangeDialog, path_row
from studio_desk.ui.look import fit_to_screen

HERE, STICK = "本机", "U盘"
# Row colours of the preview: the action is also written out, so colour only helps the eye.
ACTION_COLOURS = {"新增": "#e8f5e9", "修改": "#e3f2fd", "删除": "#fbe9e7", "冲突": "#fff3cd"}
PREVIEW_COLUMNS = ("操作", "类型", "日期", "记录", "说明")
CONFLICT_COLUMNS = ("类型", "日期", "记录", "不同之处", "本机的版本", "U盘的版本", "当前使用")


class MergeDialog(ExchangeDialog):
    """从U盘合并: 预览合并 → 确认合并 (or 取消: nothing written) → conflicts to swap."""

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(store, parent, "从U盘合并")
        self.setObjectName("merge_dialog")
        intro = QLabel(
            "把另一台电脑带来的副本合并进本机数据库。先预览要新增、修改、删除的记录和冲突，确认后才写入；"
            "U盘上的文件只读不改，合并前会自动备份。"
        )
        intro.setWordWrap(True)
        self.layout_.insertWidget(0, intro)
        row, self.path_edit, browse = path_row(self, "选择U盘上的数据库副本")
        browse.clicked.connect(self._browse)
        self.form.addRow("副本文件：", row)
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText("加密副本才需要")
        self.form.addRow("密码：", self.password_edit)
        self.path_edit.textChanged.connect(self._check_encrypted)
        self.path_edit.textChanged.connect(lambda _t: self._forget_plan())
        self.password_edit.textChanged.connect(lambda _t: self._forget_plan())
        self._check_encrypted("")
        self.summary_view = QPlainTextEdit(self)
        self.summary_view.setObjectName("merge_summary")
        self.summary_view.setReadOnly(True)
        self.summary_view.setPlaceholderText("选好副本后点“预览合并”：先列出会发生的变化，这时还不写入任何数据。")
        self.summary_view.setMaximumHeight(96)
        self.layout_.addWidget(self.summary_view)
        self.list_label = QLabel(self)
        self.list_label.setWordWrap(True)
        self.layout_.addWidget(self.list_label)
        self.preview_model = PreviewModel([], self)
        self.preview_table = _preview_view(self, self.preview_model)
        self.conflict_table = _table(self, CONFLICT_COLUMNS, stretch=2)
        self.conflict_table.setObjectName("merge_conflicts")
        self.lists = QStackedWidget(self)
        self.lists.addWidget(self.preview_table)
        self.lists.addWidget(self.conflict_table)
        self.layout_.addWidget(self.lists, 1)
        self.swap_button = QPushButton("互换所选冲突的版本", self)
        self.swap_button.setObjectName("swap")
        self.swap_button.setEnabled(False)
        self.swap_button.clicked.connect(self.swap_selected)
        self.conflict_table.itemSelectionChanged.connect(
            lambda: self.swap_button.setEnabled(bool(self.conflict_table.selectionModel().selectedRows()))
        )
        self.layout_.addWidget(self.swap_button, 0, Qt.AlignmentFlag.AlignRight)
        self._finish_layout("预览合并")
        self.run_button.setObjectName("preview")
        self.confirm_button = self.buttons.addButton("确认合并", QDialogButtonBox.ButtonRole.ActionRole)
        self.confirm_button.setObjectName("confirm")
        self.confirm_button.setEnabled(False)
        self.confirm_button.clicked.connect(self.confirm)
        self.close_button.setText("取消")
        self.plan: Any = None
        self.summary: Any = None
        from studio_desk.core.sync import recent_conflicts

        # Conflicts of earlier merges stay reviewable until the clerk has looked at them.
        self.conflicts: list[Any] = recent_conflicts(self.store)
        self._show_list(None)
        if self.conflicts:
            self.summary_view.setPlainText(f"最近 30 天的合并留下 {len(self.conflicts)} 处冲突，见下表。")
            self._fill_conflicts()
        fit_to_screen(self, 980, 600)

    def _browse(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self, "选择副本", "", DB_FILTER)
        if path:
            self.path_edit.setText(path)

    def _check_encrypted(self, text: str) -> None:
        from studio_desk.core.encryption import is_encrypted

        encrypted = bool(text.strip()) and is_encrypted(Path(text.strip()))
        self.password_edit.setEnabled(encrypted)
        self.form.labelForField(self.password_edit).setEnabled(encrypted)
        if encrypted:
            self.status.info("这是加密副本，请输入复制时设置的密码。")

    def _source(self) -> tuple[Path, str | None] | None:
        text = self.path_edit.text().strip()
        if not text:
            self.status.error("请先选择要合并的副本文件。")
            return None
        password = self.password_edit.text() if self.password_edit.isEnabled() else None
        if self.password_edit.isEnabled() and not password:
            self.status.error("这是加密副本，请输入密码。")
            self.password_edit.setFocus()
            return None
        return Path(text), password

    def _forget_plan(self) -> None:
        """Another file or password: the preview shown is no longer what would be merged."""
        if self.plan is not None:
            self.plan = None
            self.confirm_button.setEnabled(False)
            self.status.info("副本已更换，请重新预览。")

    def start(self) -> None:
        """预览合并: what the merge would do, computed off the UI thread; nothing is written."""
        source = self._source()
        if source is None:
            return
        path, password = source
        self.confirm_button.setEnabled(False)

        def work(progress):  # type: ignore[no-untyped-def]
            from studio_desk.core.sync import plan_merge

            # The preview's rows and text are made here too: the UI thread only shows them.
            return self._preview(plan_merge(self.store, path, password=password, progress=progress))

        self._run("预览合并", work, self._show_plan)

    def _preview(self, plan: Any) -> tuple[Any, list[tuple[str, ...]], str]:
        conflicts = {c.record_id: c for c in plan.conflicts}
        rows = []
        for change in plan.changes:
            conflict = conflicts.get(change.record_id) if change.action == "冲突" else None
            detail = self._conflict_detail(conflict) if conflict is not None else change.detail
            rows.append((change.action, change.type_title, change.day, change.title, detail))
        return plan, rows, plan.text()

    def _show_plan(self, preview: tuple[Any, list[tuple[str, ...]], str]) -> None:
        plan, rows, text = preview
        self.plan = plan
        self.summary_view.setPlainText(text)
        self.preview_model.set_rows(rows)
        self._show_list("preview")
        writes = bool(rows) or plan.history_added
        self.confirm_button.setEnabled(bool(writes))
        if writes:
            self.status.info("以上是预览，还没有写入任何数据。核对无误后点“确认合并”；不合并请点“取消”。")
        else:
            self.status.ok("两份数据已经一致，不需要合并。")

    def _kept_side(self, c: Any) -> str:
        """本机 or U盘: where the kept version of a conflict was. The merge knows; for a conflict
        read back from history, a version made on this PC (its replica id) counts as 本机."""
        here = c.kept_here if c.kept_here is not None else c.kept_replica == self.store.replica_id
        return HERE if here else STICK

    def _conflict_detail(self, c: Any) -> str:
        kept = self._kept_side(c)
        other = STICK if kept == HERE else HERE
        kept_what = "删除" if c.kept_deleted else "修改"
        other_what = "删除" if c.other_deleted else "修改"
        return (
            f"{kept} {_when(c.kept_updated_at)[5:]}{kept_what}，{other} {_when(c.other_updated_at)[5:]}{other_what}；"
            f"采用{kept}的版本，{other}的存入历史"
        )

    def confirm(self) -> None:
        """确认合并: the merge the preview showed (a backup first, one transaction)."""
        source = self._source()
        if source is None or self.plan is None:
            return
        path, password = source
        self.confirm_button.setEnabled(False)
        self.run_button.setEnabled(False)

        def work(progress):  # type: ignore[no-untyped-def]
            from studio_desk.core.sync import merge_file

            return merge_file(self.store, path, password=password, progress=progress)

        self._run("从U盘合并", work, self._show_summary, writes=True)

    def _show_summary(self, summary: Any) -> None:
        self.summary = summary
        self.plan = None
        self.summary_view.setPlainText(summary.text() + (f"\n合并前的备份：{summary.backup}" if summary.backup else ""))
        self.status.ok("合并完成。" + ("请核对上面列出的冲突。" if summary.conflicts else ""))
        self.close_button.setText("关闭")
        self.conflicts = list(summary.conflicts)
        self._fill_conflicts()
        self._show_list("conflicts" if self.conflicts else None)

    def _show_list(self, which: str | None) -> None:
        if which is None and self.conflicts:
            which = "conflicts"
        self.lists.setVisible(which is not None)
        self.list_label.setVisible(which is not None)
        self.swap_button.setVisible(which == "conflicts")
        if which == "preview":
            self.lists.setCurrentWidget(self.preview_table)
            self.list_label.setText("合并后会发生的变化（逐条列出；颜色：绿色新增，蓝色修改，红色删除，黄色冲突）：")
        elif which == "conflicts":
            self.lists.setCurrentWidget(self.conflict_table)
            self.list_label.setText(
                "冲突（两边都改过的记录）：未采用的版本保存在历史中，选中后点“互换所选冲突的版本”可以换用。"
            )

    def _fill_conflicts(self) -> None:
        from studio_desk.core import codec
        from studio_desk.core.sync import version_record

        self.conflict_table.setRowCount(len(self.conflicts))
        for row, c in enumerate(self.conflicts):
            cls = BY_TABLE[c.table]
            current = self.store.get(cls, c.record_id)
            kept = version_record(self.store, cls, c.record_id, c.kept_version)
            other = version_record(self.store, cls, c.record_id, c.other_version)
            using_other = codec.same_content(current, other)
            kept_side = self._kept_side(c)
            fields, details = _differences(kept, other, kept_side)
            times = {
                kept_side: _when(c.kept_updated_at) + ("（删除）" if c.kept_deleted else ""),
                (STICK if kept_side == HERE else HERE): _when(c.other_updated_at) + ("（删除）" if c.other_deleted else ""),
            }
            in_use = (STICK if kept_side == HERE else HERE) if using_other else kept_side
            values = (c.type_title, record_day(current), c.title, fields, times[HERE], times[STICK], f"{in_use}的版本")
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(details)
                self.conflict_table.setItem(row, col, item)
        self.conflict_table.resizeRowsToContents()

    def swap_selected(self) -> None:
        from studio_desk.core.sync import swap_conflict

        rows = sorted({i.row() for i in self.conflict_table.selectionModel().selectedRows()})
        chosen = [self.conflicts[row] for row in rows]

        def swap(_progress: Any, _step: Any) -> int:
            for conflict in chosen:
                swap_conflict(self.store, conflict)
            return len(chosen)

        def swapped(count: int) -> None:
            self._fill_conflicts()
            self.status.ok(f"已互换 {count} 条记录的版本。")

        # A swap ends the undo history (the core's rule): the version was chosen on purpose.
        self.ops.run("互换冲突的版本", swap, undoable=False, count=len(chosen), parent=self, on_done=swapped,
                     on_error=self._swap_failed)

    def _swap_failed(self, exc: BaseException) -> None:
        self.status.error(str(exc) if isinstance(exc, StudioDeskError) else "互换未完成。")


class PreviewModel(QAbstractTableModel):
    """The preview's rows (a merge of thousands of records lists thousands: a model, not items)."""

    def __init__(self, rows: list[tuple[str, ...]], parent: QWidget | None = None):
        super().__init__(parent)
        self.rows = rows
        self.colours = {action: QBrush(QColor(colour)) for action, colour in ACTION_COLOURS.items()}
        self.ink = QBrush(QColor("#202124"))

    def set_rows(self, rows: list[tuple[str, ...]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(PREVIEW_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return PREVIEW_COLUMNS[section]
        return None

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() >= 3:
            return row[index.column()] or None
        if role == Qt.ItemDataRole.BackgroundRole:
            return self.colours.get(row[0])
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.ink  # the light row colours need dark text, whatever the theme
        return None


def _preview_view(parent: QWidget, model: PreviewModel) -> QTableView:
    view = QTableView(parent)
    view.setObjectName("merge_preview")
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    # One height for every row: the view never asks the model to measure its thousands of rows.
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(24)
    header = view.horizontalHeader()
    for column, width in enumerate((44, 72, 92, 240)):
        view.setColumnWidth(column, width)
    header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    return view


def _table(parent: QWidget, columns: tuple[str, ...], *, stretch: int) -> QTableWidget:
    table = QTableWidget(0, len(columns), parent)
    table.setHorizontalHeaderLabels(columns)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(True)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def _differences(kept: Any, other: Any, kept_side: str) -> tuple[str, str]:
    """Labels of the fields two versions differ in, and a tooltip with both sides' values."""
    from studio_desk.core import codec
    from studio_desk.core.models import fields_of

    a, b = codec.content_of(kept), codec.content_of(other)
    labels, lines = [], []
    if a.get("deleted") != b.get("deleted"):
        labels.append("是否删除")
    for info in fields_of(type(kept)):
        if a.get(info.name) != b.get(info.name):
            labels.append(info.label)
            other_side = STICK if kept_side == HERE else HERE
            lines.append(f"{info.label}：{kept_side}“{_short(a.get(info.name))}”，{other_side}“{_short(b.get(info.name))}”")
    return "、".join(labels) or "（无）", "\n".join(lines)


def _short(value: Any) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= 60 else text[:60] + "…"


def _when(stamp: str) -> str:
    """A UTC stamp as local time, to the second."""
    try:
        moment = datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S.%fZ")
        return moment.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return stamp[:19]
