"""数据交换 dialogs: copy to a stick, backups and restore, the county package (merging from a
stick is :mod:`studio_desk.ui.merge_dialog`, opened from here too).

Each dialog calls one core operation off the UI thread; one that writes runs as one of the
window's ``Operations``, whose ``changed`` makes the pages re-read. Expected failures (a full
stick, a wrong password…) are shown in the dialog, next to what caused them.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from studio_desk.core.store import Store
from studio_desk.ui.exchange_frame import DB_FILTER, ExchangeDialog, path_row
from studio_desk.ui.look import fit_to_screen
from studio_desk.ui.merge_dialog import MergeDialog

__all__ = ["BackupDialog", "CountyPackageDialog", "MergeDialog", "SnapshotDialog"]


class SnapshotDialog(ExchangeDialog):
    """复制到U盘: a checked copy of the database on a stick, optionally with a password."""

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(store, parent, "复制到U盘")
        intro = QLabel("把数据库完整地复制到U盘（或任意文件夹），写好后会读回检查，提示“可以安全拔出”后再拔U盘。")
        intro.setWordWrap(True)
        self.layout_.insertWidget(0, intro)
        row, self.path_edit, browse = path_row(self, "例如 E:\\台账.sqlite")
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

        self._run("复制到U盘", work, done, writes=True)


class BackupDialog(ExchangeDialog):
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

        self._run("备份", work, done, writes=True)

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

        self._run("恢复备份", work, done, writes=True)


class CountyPackageDialog(ExchangeDialog):
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
        row, self.folder_edit, browse = path_row(self, "保存材料包的文件夹")
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
