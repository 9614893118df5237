"""报表 → 导出 Excel 台账, and 数据交换 → 导入台账 (preview, problems, all or nothing).

``export_workbook_action(parent, store, year)`` asks where to save (with 隐去群众个人信息 on by
default: the workbook usually goes to the county) and writes in the background.
``ImportDialog(store, parent)`` reads a workbook in the background, previews what would be added
and changed and every problem by sheet, row and column, and imports only a file with no problems.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from studio_desk.core.errors import StudioDeskError
from studio_desk.core.progress import Cancelled, ProgressFn
from studio_desk.core.store import Store
from studio_desk.ui.look import fit_to_screen
from studio_desk.ui.operations import operations_for
from studio_desk.ui.tasks import Task, run_task
from studio_desk.ui.widgets import paper_choice
from studio_desk.ui.wheel_guard import guard_wheel

XLSX_FILTER = "Excel 工作簿 (*.xlsx *.xlsm *.xls);;所有文件 (*)"


def _expected_errors_as_values(fn: Callable[[ProgressFn], Any]) -> Callable[[ProgressFn], Any]:
    """Expected failures (a sentence for the clerk) come back as values, shown in the dialog
    itself rather than in a message box; cancellation and unexpected errors go to run_task."""

    def wrapped(progress: ProgressFn) -> Any:
        try:
            return fn(progress)
        except Cancelled:
            raise
        except StudioDeskError as exc:
            return exc

    return wrapped


class ExportDialog(QDialog):
    """Where to write the year's workbook, and whether to mask citizens' personal data."""

    exported = Signal(str)

    def __init__(self, store: Store, year: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.ops = operations_for(self, store)
        self.year = year
        self.task: Task | None = None
        self.written: Path | None = None
        self.setWindowTitle("导出 Excel 台账")
        layout = QVBoxLayout(self)
        self.what = QLabel()
        layout.addWidget(self.what)
        span_row = QHBoxLayout()
        span_row.addWidget(QLabel("年度：从"))
        self.first_year = QComboBox()
        self.first_year.setObjectName("first_year")
        span_row.addWidget(self.first_year)
        span_row.addWidget(QLabel("到"))
        self.last_year = QComboBox()
        self.last_year.setObjectName("last_year")
        for y in sorted(set(store.years()) | {year}, reverse=True):
            self.last_year.addItem(f"{y}年", y)
        self.last_year.setCurrentIndex(self.last_year.findData(year))
        span_row.addWidget(self.last_year)
        span_row.addWidget(QLabel("（可导出连续几年的台账）"))
        span_row.addStretch(1)
        self._fill_first_years(year)
        layout.addLayout(span_row)
        row = QHBoxLayout()
        self.path_edit = QLineEdit(str(_default_export_path(store, year)))
        self.path_edit.setMinimumWidth(420)
        browse = QPushButton("浏览…")
        browse.clicked.connect(self._browse)
        row.addWidget(QLabel("保存到："))
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        layout.addLayout(row)
        self.mask_box = QCheckBox("隐去群众个人信息（姓名、电话、身份证号、住址）")
        self.mask_box.setChecked(True)  # the workbook usually goes to the county
        self.mask_box.setToolTip("报送县政协的台账建议隐去；委员信息不会隐去。")
        layout.addWidget(self.mask_box)
        hint = QLabel("报送县政协的台账建议隐去；委员的信息不会隐去。")
        hint.setStyleSheet("color: #666;")
        layout.addWidget(hint)
        row, self.paper_box = paper_choice("打印纸张：")
        layout.addLayout(row)
        self._add_report_part(layout)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox()
        self.open_folder_button = self.buttons.addButton("打开所在文件夹", QDialogButtonBox.ButtonRole.ActionRole)
        self.open_folder_button.setEnabled(False)
        self.open_folder_button.clicked.connect(self._open_folder)
        self.export_button = self.buttons.addButton("导出", QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole)
        self.export_button.clicked.connect(self.start_export)
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        guard_wheel(self)
        self._default_path = self.path_edit.text()
        self._confirmed = ""  # a file the save dialog already asked to replace
        self.mask_box.toggled.connect(self._span_changed)
        self.first_year.currentIndexChanged.connect(self._span_changed)
        self.last_year.currentIndexChanged.connect(self._last_year_changed)
        self._span_changed()

    def _fill_first_years(self, last: int) -> None:
        """The first year runs up to the last one; it stays where it was while it still can."""
        current = self.first_year.currentData()
        self.first_year.blockSignals(True)
        self.first_year.clear()
        for y in sorted({y for y in self.store.years() if y <= last} | {last}, reverse=True):
            self.first_year.addItem(f"{y}年", y)
        index = self.first_year.findData(current) if current is not None and current <= last else -1
        self.first_year.setCurrentIndex(index if index >= 0 else self.first_year.findData(last))
        self.first_year.blockSignals(False)

    def _last_year_changed(self) -> None:
        """Another year to export: its 封账 state and what changed since its report follow."""
        from studio_desk.core.reporting import changes_since_report, is_year_locked

        self.year = int(self.last_year.currentData())
        self._fill_first_years(self.year)
        self.lock_box.setChecked(is_year_locked(self.store, self.year))
        self.show_changes(changes_since_report(self.store, self.year))
        self._span_changed()

    def _add_report_part(self, layout: QVBoxLayout) -> None:
        """What was reported for this year, what changed since, and the choice to record this export."""
        from studio_desk.core.reporting import changes_since_report, is_year_locked

        self.report_box = QCheckBox("这是报送县政协的台账：记下报送的数字和文件，以后可核对报送后的修改")
        self.report_box.setChecked(True)
        self.mask_box.toggled.connect(self.report_box.setChecked)
        layout.addWidget(self.report_box)
        self.lock_box = QCheckBox("报送后封账（之后修改这一年度的记录需说明原因，不能导入、合并或删除）")
        self.lock_box.setChecked(is_year_locked(self.store, self.year))
        self.lock_box.toggled.connect(self._lock_toggled)
        layout.addWidget(self.lock_box)
        self.report_line = QLabel()
        self.report_line.setWordWrap(True)
        self.report_line.setObjectName("report_line")
        layout.addWidget(self.report_line)
        self.show_changes(changes_since_report(self.store, self.year))

    def _lock_toggled(self, locked: bool) -> None:
        """Unlocking takes effect at once (the clerk may need to import or correct before the next
        export); locking waits for the export it belongs to."""
        from studio_desk.core.reporting import is_year_locked, lock_year

        if not locked and is_year_locked(self.store, self.year):
            year = self.year
            self.ops.run(
                f"解除{year}年度的封账", lambda _progress, _step: lock_year(self.store, year, False), undoable=False,
                parent=self,
                on_done=lambda _r: self.status.setText(f"已解除 {year} 年度的封账：可以修改、导入、合并和删除这一年度的记录。"),
            )

    def show_changes(self, changes: Any) -> None:
        lines = [changes.line]
        for change in changes.changes[:8]:
            lines.append(f"　{change.updated_at[:10]} {change.change}{change.title}：{change.name}")
        if changes.count > 8:
            lines.append(f"　……共 {changes.count} 条")
        self.report_line.setText("\n".join(lines))

    def _span_changed(self) -> None:
        first = self.first_year.currentData()
        span = f"{self.year} 年" if first == self.year else f"{first}—{self.year} 年"
        self.what.setText(f"导出 {span}的全部台账（统计汇总、委员名册、各项台账、委员履职统计）。")
        if self.path_edit.text() == self._default_path:  # not chosen by the clerk: follow the span
            self._default_path = str(_default_export_path(self.store, self.year, first, self.mask_box.isChecked()))
            self.path_edit.setText(self._default_path)

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, "保存 Excel 台账", self.path_edit.text(), XLSX_FILTER)
        if chosen:
            if not chosen.lower().endswith((".xlsx", ".xlsm")):
                chosen += ".xlsx"
            else:
                self._confirmed = chosen
            self.path_edit.setText(chosen)

    def start_export(self) -> None:
        text = self.path_edit.text().strip()
        if not text:
            self.status.setText("请先选择保存位置。")
            return
        path = Path(text)
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        mask = self.mask_box.isChecked()
        if path.exists() and str(path) != self._confirmed and not self._may_replace(path, mask):
            self.status.setText(f"未导出：“{path.name}”已存在，没有替换。可改个文件名再导出。")
            return
        self._confirmed = ""  # the next export to this file asks again (the mask may have changed)
        first = self.first_year.currentData()
        from studio_desk.exports.workbook import write_workbook

        self.export_button.setEnabled(False)
        self.status.setText("正在导出……")
        from studio_desk.core.reporting import is_year_locked, lock_year, record_report

        record, lock = self.report_box.isChecked(), self.lock_box.isChecked()
        paper = self.paper_box.currentData()

        def export(progress: ProgressFn) -> Path:
            written = write_workbook(
                self.store, self.year, path, mask_pii=mask, progress=progress, first_year=first, paper=paper
            )
            if record:
                record_report(self.store, self.year, [written], what="台账", masked=mask, first_year=first)
            if lock != is_year_locked(self.store, self.year):
                lock_year(self.store, self.year, lock)
            return written

        # A write (the file, and the report and 封账 it records), but no record the clerk could undo.
        self.task = self.ops.run(
            "导出 Excel 台账", lambda progress, _step: export(progress), undoable=False, background=True, parent=self,
            on_done=self._done, on_error=self._failed,
        )

    def _may_replace(self, path: Path, mask: bool) -> bool:
        what = "隐去群众个人信息的台账" if mask else "含群众个人信息的完整台账"
        answer = QMessageBox.question(
            self, "导出 Excel 台账",
            f"“{path.name}”已经存在。\n要用这次导出的{what}替换它吗？原来的文件将被覆盖。",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _done(self, path: Any) -> None:
        self.written = Path(path)
        self.export_button.setEnabled(True)
        masked = "（已隐去群众个人信息）" if self.mask_box.isChecked() else ""
        self.status.setText(f"已导出{masked}：{self.written}")
        from studio_desk.core.reporting import changes_since_report

        self.show_changes(changes_since_report(self.store, self.year))
        self.open_folder_button.setEnabled(True)
        self.exported.emit(str(self.written))

    def _open_folder(self) -> None:
        if self.written is not None:
            from PySide6.QtCore import QUrl
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written.parent)))

    def _failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        self.status.setText(f"未导出：{exc}")


def _default_export_path(store: Store, year: int, first_year: int | None = None, masked: bool = True) -> Path:
    """The suggested file: the studio, the years, and for the studio's own full copy a name of
    its own, so that the copy for the county never replaces it unasked."""
    folder = Path.home() / "Documents"
    if not folder.is_dir():
        folder = Path.home()
    name = store.studio().name.replace("/", "_").replace("\\", "_")
    span = f"{year}" if first_year in (None, year) else f"{first_year}-{year}"
    full = "" if masked else "（含群众个人信息）"
    return folder / f"{name}{span}年台账{full}.xlsx"


def export_workbook_action(parent: QWidget | None, store: Store, year: int) -> ExportDialog:
    """Open the export dialog (window-modal); the returned dialog reports when it wrote the file."""
    dialog = ExportDialog(store, year, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


class _RowsModel(QAbstractTableModel):
    """A read-only table over a list of items (the preview can hold tens of thousands of rows):
    a row's texts are made by ``texts(item)`` when the view first paints it, not all at once."""

    def __init__(self, headers: list[str], texts: Callable[[Any], tuple[str, ...]], parent: QWidget | None = None):
        super().__init__(parent)
        self.headers = headers
        self.texts = texts
        self.items: list[Any] = []
        self._made: dict[int, tuple[str, ...]] = {}

    def set_items(self, items: list[Any]) -> None:
        self.beginResetModel()
        self.items = items
        self._made = {}
        self.endResetModel()

    def row_texts(self, row: int) -> tuple[str, ...]:
        made = self._made.get(row)
        if made is None:
            made = self._made[row] = self.texts(self.items[row])
        return made

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) and index.isValid():
            return self.row_texts(index.row())[index.column()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None


def _record_texts(r: Any) -> tuple[str, ...]:
    from studio_desk.exports.ledger_import import ACTION_LABELS

    changed = r.conflict_text() if r.action == "conflict" else "、".join(r.changed)
    record = r.record
    when = getattr(record, "date", None) or getattr(record, "submitted_on", None)
    missing = getattr(record, "incomplete", "") or ""  # the fields listed with 、
    return (r.sheet, str(r.row), ACTION_LABELS[r.action], r.ledger, when.isoformat() if when else "", r.summary(),
            missing, changed)


def _problem_texts(p: Any) -> tuple[str, ...]:
    return (p.sheet, "" if p.row is None else str(p.row), p.column, p.message)


@dataclass
class _Preview:
    """What the dialog shows of a checked workbook, worked out on the worker thread with the
    check itself: the UI thread then only hands lists to the models (no walk over the records)."""

    plan: Any
    shown: list[Any]  # the records the import would add or change, in the file's order
    summary: str
    problems: int
    writes: bool  # there is something to import

    @classmethod
    def of(cls, plan: Any) -> _Preview:
        shown = [r for r in plan.records if r.action != "unchanged"]
        writes = bool(shown or plan.new_members or plan.studio_name)
        said = plan.summary()
        if plan.problems:
            summary = (f"{plan.problems_line('勾选“把名册中没有的委员加入名册”')}。请在原文件中改正后重新选择文件。"
                       f"（其余各行将会：{said}；有问题的行改正后也会导入）")
        elif not shown and not plan.new_members:
            summary = f"检查通过：{said}。文件中的内容与现有记录相同，无需导入。"
        else:
            summary = f"检查通过：{said}。点“导入”写入数据库（导入前自动备份）。"
        return cls(plan, shown, summary, len(plan.problems), plan.ok and writes)


def _table(model: _RowsModel, widths: list[int]) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    # One height for every row: the view never asks the model to measure its thousands of rows.
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for column, width in enumerate(widths):
        view.setColumnWidth(column, width)
    return view


WRAPPED_ROWS = 300  # up to this many problems, each shows its whole text


def _whole_texts_when_few(view: QTableView, rows: int) -> None:
    """A usual check's few problems show their whole texts, wrapped (the advice is at the end of
    a long one); thousands keep one line each, the whole text in the tooltip, so that the view
    never measures them all."""
    few = rows <= WRAPPED_ROWS
    view.setWordWrap(few)
    mode = QHeaderView.ResizeMode.ResizeToContents if few else QHeaderView.ResizeMode.Fixed
    view.verticalHeader().setSectionResizeMode(mode)


class ImportDialog(QDialog):
    """导入台账: choose a workbook, preview, then import all or nothing."""

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.ops = operations_for(self, store)
        self.plan: Any = None
        self.result: Any = None
        self.task: Task | None = None
        self.setWindowTitle("导入台账")
        fit_to_screen(self, 980, 620)
        layout = QVBoxLayout(self)
        intro = QLabel(
            "可导入本程序导出的台账，也可导入以前自己做的 Excel 台账（表头如“日期”“活动主题”“参加委员”）。"
            "先检查全部内容：有问题时一条也不导入，改正后再试；导入前会自动备份数据库。原文件不会被修改。"
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText("请选择要导入的 Excel 文件")
        self.choose_button = QPushButton("选择文件…")
        self.choose_button.clicked.connect(self._choose)
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.choose_button)
        layout.addLayout(row)
        self.add_members_box = QCheckBox("把名册中没有的委员加入名册（职务：成员）")
        self.add_members_box.toggled.connect(self._recheck)
        layout.addWidget(self.add_members_box)
        self.restore_box = QCheckBox("表中有已删除的记录时，把它们恢复")
        self.restore_box.toggled.connect(self._recheck)
        layout.addWidget(self.restore_box)
        self.hidden_box = QCheckBox("同时导入隐藏的工作表")
        self.hidden_box.toggled.connect(self._recheck)
        layout.addWidget(self.hidden_box)
        self.studio_box = QCheckBox()
        self.studio_box.setChecked(True)
        self.studio_box.setVisible(False)
        layout.addWidget(self.studio_box)
        self.summary = QLabel("尚未选择文件。")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)

        self.tabs = QTabWidget()
        self.records_model = _RowsModel(
            ["工作表", "行", "操作", "台账", "日期", "内容", "待补全", "修改的项目"], _record_texts, self
        )
        self.problems_model = _RowsModel(["工作表", "行", "列", "问题"], _problem_texts, self)
        self.records_view = _table(self.records_model, [130, 50, 60, 80, 90, 300, 120])
        self.problems_view = _table(self.problems_model, [130, 50, 130])
        self.notes_list = QListWidget()
        self.notes_list.setWordWrap(True)  # a note says what to check in a sentence or two
        self.tabs.addTab(self.problems_view, "问题")
        self.tabs.addTab(self.records_view, "将导入的记录")
        self.tabs.addTab(self.notes_list, "提示")
        layout.addWidget(self.tabs, 1)

        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton("导入", QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)

    def _choose(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, "选择要导入的 Excel 台账", str(Path.home()), XLSX_FILTER)
        if chosen:
            self.load_file(Path(chosen))

    def load_file(self, path: Path | str) -> None:
        """Check ``path`` in the background and show the preview."""
        self.path_edit.setText(str(path))
        self._recheck()

    def _recheck(self) -> None:
        text = self.path_edit.text()
        if not text:
            return
        from studio_desk.exports.ledger_import import read_ledgers

        path = Path(text)
        add = self.add_members_box.isChecked()
        restore = self.restore_box.isChecked()
        hidden = self.hidden_box.isChecked()
        self._show_plan(None)
        self.summary.setText("正在检查文件……")
        self._set_busy(True)
        self.task = run_task(
            self,
            "检查台账",
            _expected_errors_as_values(
                lambda progress: _Preview.of(read_ledgers(
                    self.store, path, add_unknown_members=add, restore_deleted=restore, include_hidden=hidden,
                    progress=progress
                ))
            ),
            on_done=self._checked,
            on_error=self._check_failed,
        )

    def _checked(self, preview: Any) -> None:
        if isinstance(preview, BaseException):
            self._check_failed(preview)
            return
        self._set_busy(False)
        self._show_plan(preview)

    def _check_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self._show_plan(None)
        self.summary.setText(f"无法导入：{exc}")

    def _set_busy(self, busy: bool) -> None:
        self.choose_button.setEnabled(not busy)
        self.add_members_box.setEnabled(not busy)
        self.restore_box.setEnabled(not busy)
        self.hidden_box.setEnabled(not busy)
        if busy:
            self.import_button.setEnabled(False)

    def _show_plan(self, preview: _Preview | None) -> None:
        plan = self.plan = preview.plan if preview is not None else None
        self.studio_box.setVisible(bool(plan is not None and plan.studio_name))
        if plan is not None and plan.studio_name:
            self.studio_box.setText(f"工作室还没有名称：设为“{plan.studio_name}”（取自台账标题）")
        if preview is None:
            self.records_model.set_items([])
            self.problems_model.set_items([])
            self.notes_list.clear()
            self.import_button.setEnabled(False)
            self._tab_titles(0, 0, 0)
            return
        self.records_model.set_items(preview.shown)
        self.problems_model.set_items(plan.problems)
        _whole_texts_when_few(self.problems_view, len(plan.problems))
        self.notes_list.clear()
        self.notes_list.addItems(plan.notes)
        self._tab_titles(preview.problems, len(preview.shown), len(plan.notes))
        self.summary.setText(preview.summary)
        self.tabs.setCurrentWidget(self.problems_view if preview.problems else self.records_view)
        self.import_button.setEnabled(preview.writes)

    def _tab_titles(self, problems: int, records: int, notes: int) -> None:
        self.tabs.setTabText(0, f"问题（{problems:,}）")
        self.tabs.setTabText(1, f"将导入的记录（{records:,}）")
        self.tabs.setTabText(2, f"提示（{notes:,}）")

    def start_import(self) -> None:
        plan = self.plan
        if plan is None or not plan.ok:
            return
        from studio_desk.exports.ledger_import import apply_plan

        plan.use_studio_name = self.studio_box.isChecked()
        self._set_busy(True)
        self.summary.setText("正在导入……")
        # The core ends the undo history for an import (its backup undoes it).
        self.task = self.ops.run(
            "导入台账",
            lambda progress, _step: apply_plan(self.store, plan, progress=progress),
            undoable=False, background=True, parent=self, on_done=self._imported, on_error=self._import_failed,
        )

    def _imported(self, result: Any) -> None:
        self._set_busy(False)
        self.result = result
        self.plan = None
        self.import_button.setEnabled(False)
        text = result.text()
        if result.backup is not None:
            text += f"\n导入前的数据库已备份到：{result.backup}"
        self.summary.setText(text)

    def _import_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.summary.setText(f"导入未完成，数据库保持原样：{exc}")
        self.import_button.setEnabled(bool(self.plan is not None and self.plan.ok))
