"""报表 and 数据交换: pages of large buttons that open the export, import and exchange dialogs.

The dialogs live in their own modules (``ledger_io``, ``summary_dialog``, ``exchange_dialogs``),
imported when first used so that the window opens fast. A dialog that writes runs its writes
through the window's ``Operations``, whose ``changed`` makes the window re-read its pages.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from studio_desk.core.store import Store
from studio_desk.ui.look import icon, page_header


def _big_button(text: str, name: str) -> QPushButton:
    b = QPushButton(text)
    b.setObjectName(name)
    b.setMinimumHeight(44)
    b.setMinimumWidth(220)
    b.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    b.setProperty("big", True)
    return b


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setProperty("hint", True)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return label


class _ButtonPage(QWidget):
    def __init__(self, store: Store, title: str, icon_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.outer = QVBoxLayout(self)
        header, _title = page_header(title, icon_name)
        self.outer.addWidget(header)
        self.grid = QGridLayout()
        self.grid.setColumnStretch(1, 1)
        self.grid.setHorizontalSpacing(16)
        self.grid.setVerticalSpacing(12)
        self._rows = 0

    def add_action(self, text: str, name: str, note: str, slot, icon_name: str = "") -> QPushButton:  # type: ignore[no-untyped-def]
        button = _big_button(text, name)
        if icon_name:
            button.setIcon(icon(icon_name))
            button.setIconSize(QSize(20, 20))
        button.clicked.connect(slot)
        self.grid.addWidget(button, self._rows, 0)
        self.grid.addWidget(_note(note), self._rows, 1)
        self._rows += 1
        return button

    def finish(self) -> None:
        self.outer.addLayout(self.grid)
        self.outer.addStretch(1)

    def run_dialog(self, dialog: QDialog) -> None:
        dialog.exec()

    def refresh(self) -> None:
        pass


class ReportsPage(_ButtonPage):
    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(store, "报表", "reports", parent)
        self.setObjectName("page_reports")
        self._stale = True
        bar = QHBoxLayout()
        bar.addWidget(QLabel("年度"))
        self.year_combo = QComboBox()
        self.year_combo.setObjectName("year")
        bar.addWidget(self.year_combo)
        bar.addStretch(1)
        self.outer.addLayout(bar)
        self.export_button = self.add_action(
            "导出 Excel 台账…", "export_xlsx",
            "把所选年度的委员名册、活动、接待走访、捐赠慰问、提案建议台账和统计汇总写成一个 Excel 工作簿，"
            "可选择隐去群众的姓名、电话等个人信息。快捷键 Ctrl+E。",
            self.export_workbook, "export",
        )
        self.add_action(
            "生成年度工作总结（PDF）…", "summary_pdf",
            "按所选年度的记录生成公文格式的年度工作总结，附统计表和图表；可先填写基本情况、工作亮点等文字。",
            self.summary, "proposal",
        )
        self.add_action(
            "打印文档…", "print_documents",
            "签到表、委员接待日公示和排班表、物资签收单（回执）、委员履职档案、扫码找委员海报：A4 PDF，"
            "除海报外也可生成 Word 文档。",
            self.print_documents, "print",
        )
        self.add_action(
            "委员接待日安排…", "reception_rota",
            "安排每月的委员接待日和值班委员（如每月15日，委员轮流值班），可逐日修改；总览显示下一次接待日。",
            self.reception_rota, "reception",
        )
        self.add_action(
            "从Excel导入台账…", "import_xlsx",
            "读入本软件导出的台账或以前自己做的 Excel 台账：先预览，列出每个问题所在的行和列，确认后一次全部写入。",
            self.import_workbook, "import",
        )
        self.finish()
        self.refresh()

    def refresh(self) -> None:
        """The years to choose from (read when the page is shown: after a long write elsewhere
        a hidden page only notes it)."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        current = self.year_combo.currentData() or date.today().year
        self.year_combo.clear()
        for y in self.store.years():
            self.year_combo.addItem(f"{y}年", y)
        self.year_combo.setCurrentIndex(max(self.year_combo.findData(current), 0))

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def year(self) -> int:
        return int(self.year_combo.currentData() or date.today().year)

    def export_workbook(self) -> None:
        from studio_desk.ui.ledger_io import export_workbook_action

        export_workbook_action(self, self.store, self.year())

    def import_workbook(self) -> None:
        from studio_desk.ui.ledger_io import ImportDialog

        self.run_dialog(ImportDialog(self.store, self))

    def reception_rota(self) -> None:
        from studio_desk.ui.rota_dialog import RotaDialog

        self.run_dialog(RotaDialog(self.store, self))

    def print_documents(self) -> None:
        from studio_desk.ui.print_dialog import PrintDialog

        self.run_dialog(PrintDialog(self.store, self.year(), self))

    def summary(self) -> None:
        from studio_desk.ui.summary_dialog import SummaryDialog

        self.run_dialog(SummaryDialog(self.store, self.year(), self))


class ExchangePage(_ButtonPage):
    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(store, "数据交换", "exchange", parent)
        self.setObjectName("page_exchange")
        self.add_action(
            "复制到U盘…", "snapshot",
            "把整个数据库完整地复制到U盘（先写临时文件，检查无误后才改为正式文件名），复制完会提示可以安全拔出。",
            self.snapshot, "exchange",
        )
        self.add_action(
            "从U盘合并…", "merge",
            "把另一台电脑上的数据库合并进来：按记录比对，较新的修改为准，双方都改过的会列出供核对。合并前自动备份。",
            self.merge, "import",
        )
        self.add_action(
            "报送县政协…", "county_package",
            "一次生成所选年度的 Excel 台账、年度总结 PDF，可附数据库副本；默认隐去群众个人信息。",
            self.county_package, "studio",
        )
        self.add_action(
            "备份与恢复…", "backups",
            "查看自动备份和手动备份，立即备份，或从某个备份恢复（恢复前会先备份当前数据）。",
            self.backups, "save",
        )
        self.add_action(
            "从Excel导入台账…", "import_xlsx",
            "读入 Excel 台账：先预览问题，确认后全部写入；导入前自动备份。",
            self.import_workbook, "import",
        )
        self.finish()

    def snapshot(self) -> None:
        from studio_desk.ui.exchange_dialogs import SnapshotDialog

        self.run_dialog(SnapshotDialog(self.store, self))

    def merge(self) -> None:
        from studio_desk.ui.exchange_dialogs import MergeDialog

        self.run_dialog(MergeDialog(self.store, self))

    def backups(self) -> None:
        from studio_desk.ui.exchange_dialogs import BackupDialog

        self.run_dialog(BackupDialog(self.store, self))

    def county_package(self) -> None:
        from studio_desk.ui.exchange_dialogs import CountyPackageDialog

        self.run_dialog(CountyPackageDialog(self.store, self))

    def import_workbook(self) -> None:
        from studio_desk.ui.ledger_io import ImportDialog

        self.run_dialog(ImportDialog(self.store, self))
