"""数据交换 dialogs: copy to a stick, merge from one, backups and restore, the county package.

Each dialog calls one core operation off the UI thread (``run_task``) and emits
``dataChanged`` when records changed, so the pages showing them can reload. Expected failures
(a full stick, a wrong password…) are shown in the dialog, next to what caused them.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio_desk.core.errors import StudioDeskError
from studio_desk.core.store import Store
from studio_desk.ui.look import fit_to_screen
from studio_desk.ui.tasks import run_task

DB_FILTER = "履职台账数据库 (*.sqlite *.db *.sdb);;所有文件 (*)"


class _Failed:
    """An expected failure, handed back as a result so the dialog can show it in place."""

    def __init__(self, message: str):
        self.message = message


def _guarded(fn):
    def run(progress):
        try:
            return fn(progress)
        except StudioDeskError as exc:
            from studio_desk.core.progress import Cancelled

            if isinstance(exc, Cancelled):
                raise
            return _Failed(str(exc))

    return run


class _Status(QLabel):
    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def ok(self, text: str) -> None:
        self.setStyleSheet("color: #1b5e20;")
        self.setText(text)

    def error(self, text: str) -> None:
        self.setStyleSheet("color: #b71c1c;")
        self.setText(text)

    def info(self, text: str) -> None:
        self.setStyleSheet("")
        self.setText(text)


def _path_row(parent: QWidget, placeholder: str) -> tuple[QWidget, QLineEdit, QPushButton]:
    row = QWidget(parent)
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    edit = QLineEdit(row)
    edit.setPlaceholderText(placeholder)
    button = QPushButton("浏览…", row)
    layout.addWidget(edit, 1)
    layout.addWidget(button)
    return row, edit, button


class _ExchangeDialog(QDialog):
    """The frame the exchange dialogs share; each defines ``start()``, run by its main button."""

    dataChanged = Signal()

    def __init__(self, store: Store, parent: QWidget | None, title: str):
        super().__init__(parent)
        self.store = store
        self.task: Any = None
        self.setWindowTitle(title)
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.status = _Status(self)

    def _finish_layout(self, run_text: str) -> None:
        self.layout_.addWidget(self.status)
        self.buttons = QDialogButtonBox(self)
        self.run_button = self.buttons.addButton(run_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole)
        self.run_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self.reject)
        self.layout_.addWidget(self.buttons)

    def busy(self) -> bool:
        return self.task is not None and not self.task.finished_flag

    def _run(self, title: str, fn, on_done) -> None:
        self.run_button.setEnabled(False)
        self.status.info(title + "……")

        def done(result: Any) -> None:
            self.run_button.setEnabled(True)
            if isinstance(result, _Failed):
                self.status.error(result.message)
                return
            on_done(result)

        def failed(exc: BaseException) -> None:
            self.run_button.setEnabled(True)
            self.status.error(str(exc) if isinstance(exc, StudioDeskError) else "操作未完成。")

        self.task = run_task(self, title, _guarded(fn), on_done=done, on_error=failed)


# ---------------------------------------------------------------- 复制到U盘


class SnapshotDialog(_ExchangeDialog):
    """复制到U盘: a checked copy of the database on a stick, optionally with a password."""

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(store, parent, "复制到U盘")
        intro = QLabel("把数据库完整地复制到U盘（或任意文件夹），写好后会读回检查，提示“可以安全拔出”后再拔U盘。")
        intro.setWordWrap(True)
        self.layout_.insertWidget(0, intro)
        row, self.path_edit, browse = _path_row(self, "例如 E:\\台账.sqlite")
        browse.clicked.connect(self._browse)
        self.form.addRow("保存到：", row)
        from studio_desk.core.removable import removable_roots

        self.suggested: Path | None = None
        roots = removable_roots()
        if roots:
            self.suggested = roots[0] / f"台账-{date.today():%Y%m%d}.sqlite"
            self.use_stick_button = QPushButton(f"保存到U盘 {roots[0]}", self)
            self.use_stick_button.clicked.connect(lambda: self.path_edit.setText(str(self.suggested)))
            self.form.addRow("", self.use_stick_button)
        self.overwrite_check = QCheckBox("同名文件已存在时覆盖它", self)
        self.form.addRow("", self.overwrite_check)
        self.encrypt_check = QCheckBox("加密（离开本机的副本建议加密）", self)
        self.form.addRow("", self.encrypt_check)
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_again = QLineEdit(self)
        self.password_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.addRow("密码：", self.password_edit)
        self.form.addRow("再输一次：", self.password_again)
        self.encrypt_check.toggled.connect(self._toggle_password)
        self._toggle_password(False)
        self._finish_layout("开始复制")
        self.result: Any = None
        fit_to_screen(self, 560, 280)

    def _toggle_password(self, on: bool) -> None:
        for w in (self.password_edit, self.password_again):
            w.setEnabled(on)
            self.form.labelForField(w).setEnabled(on)

    def _browse(self) -> None:
        default = f"台账-{date.today():%Y%m%d}.sqlite"
        path, _ = QFileDialog.getSaveFileName(self, "复制到", default, DB_FILTER)
        if path:
            self.path_edit.setText(path)
            if Path(path).exists():  # the file dialog already asked about replacing it
                self.overwrite_check.setChecked(True)

    def start(self) -> None:
        from studio_desk.core.encryption import MIN_PASSWORD_LENGTH

        text = self.path_edit.text().strip()
        if not text:
            self.status.error("请先选择保存位置（U盘上的文件名）。")
            return
        password = None
        if self.encrypt_check.isChecked():
            password = self.password_edit.text()
            if len(password) < MIN_PASSWORD_LENGTH:
                self.status.error(f"密码至少需要 {MIN_PASSWORD_LENGTH} 个字符。")
                return
            if password != self.password_again.text():
                self.status.error("两次输入的密码不一样。")
                return
        target, overwrite = Path(text), self.overwrite_check.isChecked()

        def work(progress):
            from studio_desk.core.snapshot import write_snapshot

            return write_snapshot(self.store, target, password=password, overwrite=overwrite, progress=progress)

        def done(result) -> None:
            self.result = result
            self.status.ok(result.message)

        self._run("复制到U盘", work, done)


# ---------------------------------------------------------------- 从U盘合并


class MergeDialog(_ExchangeDialog):
    """从U盘合并: merge another copy into this database; summary and conflicts to swap."""

    COLUMNS = ("类型", "记录", "不同之处", "采用的版本", "另一版本", "当前使用")

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(store, parent, "从U盘合并")
        intro = QLabel("把另一台电脑带来的副本合并进本机数据库。U盘上的文件只读不改；合并前会自动备份。")
        intro.setWordWrap(True)
        self.layout_.insertWidget(0, intro)
        row, self.path_edit, browse = _path_row(self, "选择U盘上的数据库副本")
        browse.clicked.connect(self._browse)
        self.form.addRow("副本文件：", row)
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText("加密副本才需要")
        self.form.addRow("密码：", self.password_edit)
        self.path_edit.textChanged.connect(self._check_encrypted)
        self._check_encrypted("")
        self.summary_view = QPlainTextEdit(self)
        self.summary_view.setReadOnly(True)
        self.summary_view.setPlaceholderText("合并结果会显示在这里。")
        self.summary_view.setMaximumHeight(140)
        self.layout_.addWidget(self.summary_view)
        self.conflict_label = QLabel("冲突（两边都改过的记录；未采用的版本保存在历史中，可以互换）：")
        self.layout_.addWidget(self.conflict_label)
        self.conflict_table = QTableWidget(0, len(self.COLUMNS), self)
        self.conflict_table.setHorizontalHeaderLabels(self.COLUMNS)
        self.conflict_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.conflict_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.conflict_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.conflict_table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.conflict_table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.ResizeToContents)
        self.layout_.addWidget(self.conflict_table, 1)
        self.swap_button = QPushButton("互换所选冲突的版本", self)
        self.swap_button.setEnabled(False)
        self.swap_button.clicked.connect(self.swap_selected)
        self.conflict_table.itemSelectionChanged.connect(
            lambda: self.swap_button.setEnabled(bool(self.conflict_table.selectionModel().selectedRows()))
        )
        self.layout_.addWidget(self.swap_button, 0, Qt.AlignmentFlag.AlignRight)
        self._finish_layout("开始合并")
        self.summary: Any = None
        from studio_desk.core.sync import recent_conflicts

        # Conflicts of earlier merges stay reviewable until the clerk has looked at them.
        self.conflicts: list[Any] = recent_conflicts(self.store)
        self._fill_conflicts()
        if self.conflicts:
            self.summary_view.setPlainText(f"最近 30 天的合并留下 {len(self.conflicts)} 处冲突，见下表。")
        fit_to_screen(self, 760, 560)

    def _browse(self) -> None:
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

    def start(self) -> None:
        text = self.path_edit.text().strip()
        if not text:
            self.status.error("请先选择要合并的副本文件。")
            return
        source = Path(text)
        password = self.password_edit.text() if self.password_edit.isEnabled() else None
        if self.password_edit.isEnabled() and not password:
            self.status.error("这是加密副本，请输入密码。")
            self.password_edit.setFocus()
            return

        def work(progress):
            from studio_desk.core.sync import merge_file

            return merge_file(self.store, source, password=password, progress=progress)

        self._run("从U盘合并", work, self._show)

    def _show(self, summary) -> None:
        self.summary = summary
        self.summary_view.setPlainText(summary.text() + (f"\n合并前的备份：{summary.backup}" if summary.backup else ""))
        self.status.ok("合并完成。" + ("请查看下面的冲突。" if summary.conflicts else ""))
        self.conflicts = list(summary.conflicts)
        self._fill_conflicts()
        if summary.changed_anything or summary.history_added:
            self.dataChanged.emit()

    def _fill_conflicts(self) -> None:
        from studio_desk.core import codec
        from studio_desk.core.models import BY_TABLE
        from studio_desk.core.sync import version_record

        self.conflict_table.setRowCount(len(self.conflicts))
        for row, c in enumerate(self.conflicts):
            current = self.store.get(BY_TABLE[c.table], c.record_id)
            other = version_record(self.store, BY_TABLE[c.table], c.record_id, c.other_version)
            using_other = codec.content_of(current) == codec.content_of(other)
            kept = version_record(self.store, BY_TABLE[c.table], c.record_id, c.kept_version)
            fields, details = _differences(kept, other)
            values = (
                c.type_title,
                c.title,
                fields,
                _when(c.kept_updated_at) + ("（删除）" if c.kept_deleted else ""),
                _when(c.other_updated_at) + ("（删除）" if c.other_deleted else ""),
                "另一版本" if using_other else "采用的版本",
            )
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(details)
                self.conflict_table.setItem(row, col, item)
        self.conflict_table.resizeRowsToContents()
        self.conflict_label.setVisible(bool(self.conflicts))
        self.conflict_table.setVisible(bool(self.conflicts))
        self.swap_button.setVisible(bool(self.conflicts))

    def swap_selected(self) -> None:
        from studio_desk.core.sync import swap_conflict

        rows = sorted({i.row() for i in self.conflict_table.selectionModel().selectedRows()})
        try:
            for row in rows:
                swap_conflict(self.store, self.conflicts[row])
        except StudioDeskError as exc:
            self.status.error(str(exc))
            return
        self._fill_conflicts()
        self.status.ok(f"已互换 {len(rows)} 条记录的版本。")
        self.dataChanged.emit()


def _differences(kept: Any, other: Any) -> tuple[str, str]:
    """Labels of the fields two versions differ in, and a tooltip with both values."""
    from studio_desk.core import codec
    from studio_desk.core.models import fields_of

    a, b = codec.content_of(kept), codec.content_of(other)
    labels, lines = [], []
    if a.get("deleted") != b.get("deleted"):
        labels.append("是否删除")
    for info in fields_of(type(kept)):
        if a.get(info.name) != b.get(info.name):
            labels.append(info.label)
            lines.append(f"{info.label}：采用“{_short(a.get(info.name))}”，另一版本“{_short(b.get(info.name))}”")
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


# ---------------------------------------------------------------- 备份与恢复


class BackupDialog(_ExchangeDialog):
    """备份与恢复: the list of backups with their record counts; back up now; restore one."""

    COLUMNS = ("时间", "类型", "大小", "委员", "活动", "接待走访", "捐赠慰问", "提案建议")

    def __init__(self, store: Store, parent: QWidget | None = None, backup_dir: Path | None = None):
        super().__init__(store, parent, "备份与恢复")
        from studio_desk.paths import backups_dir

        self.backup_dir = backup_dir or backups_dir()
        intro = QLabel(
            f"程序每天自动备份，并在合并、导入、恢复和升级前备份。备份保存在：{self.backup_dir}"
        )
        intro.setWordWrap(True)
        self.layout_.insertWidget(0, intro)
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setHorizontalHeaderLabels(self.COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.layout_.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.backup_button = QPushButton("立即备份", self)
        self.restore_button = QPushButton("恢复所选备份…", self)
        self.restore_button.setEnabled(False)
        row.addWidget(self.backup_button)
        row.addStretch(1)
        row.addWidget(self.restore_button)
        self.layout_.addLayout(row)
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.table.itemSelectionChanged.connect(
            lambda: self.restore_button.setEnabled(bool(self.table.selectionModel().selectedRows()))
        )
        self._finish_layout("刷新")
        self.backups: list[Any] = []
        self.refresh()
        fit_to_screen(self, 820, 480)

    def start(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        from studio_desk.core.backup import backup_counts, list_backups

        self.backups = list_backups(self.backup_dir, self.store)
        self.table.setRowCount(len(self.backups))
        for r, info in enumerate(self.backups):
            counts = backup_counts(info.path)
            try:
                size = f"{info.path.stat().st_size / 1024:,.0f} KB"
            except OSError:
                size = "?"
            values = [f"{info.made_at:%Y-%m-%d %H:%M:%S}", info.label, size]
            values += [str(counts.get(name, "?")) for name in self.COLUMNS[3:]]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        if not self.backups:
            self.status.info("还没有备份。")

    def backup_now(self) -> None:
        def work(progress):
            from studio_desk.core.backup import make_backup

            return make_backup(self.store, self.backup_dir, "manual")

        def done(info) -> None:
            self.refresh()
            self.status.ok(f"已备份：{info.path.name}")

        self._run("备份", work, done)

    def restore_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.status.error("请先在列表中选择一个备份。")
            return
        info = self.backups[rows[0].row()]
        answer = QMessageBox.question(
            self,
            "恢复备份",
            f"用 {info.made_at:%Y-%m-%d %H:%M:%S} 的备份（{info.label}）替换当前数据？\n"
            "恢复前会先备份当前数据，需要时可以再恢复回来。",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return

        def work(progress):
            from studio_desk.core.backup import restore_backup

            return restore_backup(self.store, info.path, self.backup_dir, progress)

        def done(before) -> None:
            self.refresh()
            self.status.ok(
                f"已恢复 {info.made_at:%Y-%m-%d %H:%M:%S} 的备份。恢复前的数据已另存为“{before.path.name}”。"
            )
            self.dataChanged.emit()

        self._run("恢复备份", work, done)


# ---------------------------------------------------------------- 报送县政协


class CountyPackageDialog(_ExchangeDialog):
    """报送县政协: the year's workbook and PDF summary (and optionally a database copy)."""

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(store, parent, "报送县政协")
        intro = QLabel("生成一个材料包：所选年度的 Excel 台账和 PDF 年度工作总结，可附数据库副本。")
        intro.setWordWrap(True)
        self.layout_.insertWidget(0, intro)
        self.year_combo = QComboBox(self)
        self.year_combo.setObjectName("year")
        for y in store.years():
            self.year_combo.addItem(f"{y}年", y)
        self.year_combo.setCurrentIndex(max(self.year_combo.findData(date.today().year), 0))
        self.form.addRow("年度：", self.year_combo)
        row, self.folder_edit, browse = _path_row(self, "保存材料包的文件夹")
        browse.clicked.connect(self._browse)
        self.form.addRow("保存到：", row)
        self.mask_check = QCheckBox("隐去群众的姓名、电话、身份证号和住址（建议保留勾选）", self)
        self.mask_check.setChecked(True)
        self.form.addRow("", self.mask_check)
        self.db_check = QCheckBox("附上数据库副本", self)
        self.form.addRow("", self.db_check)
        self.zip_check = QCheckBox("打成一个 zip 压缩文件", self)
        self.zip_check.setChecked(True)
        self.form.addRow("", self.zip_check)
        self._finish_layout("生成材料包")
        self.result: Any = None
        fit_to_screen(self, 600, 300)

    def _browse(self) -> None:
        path = QFileDialog.getExistingDirectory(self, "保存到")
        if path:
            self.folder_edit.setText(path)

    def start(self) -> None:
        text = self.folder_edit.text().strip()
        if not text:
            self.status.error("请先选择保存材料包的文件夹。")
            return
        folder, year = Path(text), int(self.year_combo.currentData())
        mask, with_db, as_zip = self.mask_check.isChecked(), self.db_check.isChecked(), self.zip_check.isChecked()

        def work(progress):
            from studio_desk.exports.county_package import write_county_package

            return write_county_package(
                self.store, year, folder, mask_pii=mask, with_db=with_db, as_zip=as_zip, progress=progress
            )

        def done(result) -> None:
            self.result = result
            warnings = "".join(f"\n提示：{w}" for w in result.warnings)
            self.status.ok(result.message + warnings)

        self._run("生成报送材料", work, done)
