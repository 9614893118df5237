"""使用说明: the manual in a window of its own (F1), its chapters on the left, and 保存为PDF.

The text is :mod:`studio_desk.help`'s, the same one the PDF is made from. The window is not
modal, so the clerk can read a step and do it in the main window side by side.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from studio_desk.core.errors import StudioDeskError
from studio_desk.ui.look import fit_to_screen
from studio_desk.ui.tasks import run_task, show_error

# F1 on a page opens the chapter about it.
TOPIC_OF_PAGE = {
    "总览": "receptions",
    "活动": "daily",
    "接待走访": "receptions",
    "捐赠慰问": "daily",
    "提案建议": "proposals",
    "委员": "start",
    "报表": "ledgers",
    "数据交换": "usb",
    "回收站": "backups",
}
STYLE = """
h1 { font-size: 20px; margin-bottom: 8px; }
h2 { font-size: 17px; color: #1d4a80; margin-top: 18px; margin-bottom: 6px; }
h3 { font-size: 15px; margin-top: 12px; }
p, li { font-size: 14px; line-height: 150%; }
p { margin-bottom: 8px; }
"""


class HelpWindow(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        from studio_desk.help import chapters, manual_html, manual_title, parse, read_manual

        self.setObjectName("help_window")
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setModal(False)
        self.task: Any = None
        self.written: Path | None = None
        parts = parse(read_manual())
        self.setWindowTitle(manual_title(parts))
        self.contents = QListWidget(self)
        self.contents.setObjectName("help_contents")
        self.contents.setStyleSheet("QListWidget { font-size: 14px; } QListWidget::item { padding: 5px 6px; }")
        for anchor, title in chapters(parts):
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, anchor)
            self.contents.addItem(item)
        self.contents.currentItemChanged.connect(self._chapter_chosen)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("help_text")
        self.browser.setOpenLinks(False)  # the manual has no links out; nothing to follow
        self.browser.document().setDefaultStyleSheet(STYLE)
        self.browser.document().setDocumentMargin(14)
        self.browser.setHtml(manual_html(parts))
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.contents)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([210, 690])
        splitter.setCollapsible(1, False)

        self.status = QLabel(self)
        self.status.setObjectName("help_status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(self)
        self.pdf_button = buttons.addButton("保存为PDF…", QDialogButtonBox.ButtonRole.ActionRole)
        self.pdf_button.setObjectName("save_pdf")
        close = buttons.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole)
        self.pdf_button.clicked.connect(self.choose_and_save_pdf)
        close.clicked.connect(self.close)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(row)
        fit_to_screen(self, 920, 660)

    def show_topic(self, anchor: str) -> None:
        """Scroll to a chapter (and mark it in the contents)."""
        for row in range(self.contents.count()):
            if self.contents.item(row).data(Qt.ItemDataRole.UserRole) == anchor:
                self.contents.setCurrentRow(row)
                return

    def _chapter_chosen(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is None:
            return
        self.browser.scrollToAnchor(str(item.data(Qt.ItemDataRole.UserRole)))

    def choose_and_save_pdf(self) -> None:
        default = str(Path.home() / "委员工作室履职台账使用说明.pdf")
        chosen, _ = QFileDialog.getSaveFileName(self, "保存使用说明", default, "PDF 文件 (*.pdf)")
        if chosen:
            self.save_pdf(Path(chosen))

    def save_pdf(self, path: Path) -> None:
        from studio_desk.help import write_manual_pdf

        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        self.pdf_button.setEnabled(False)
        self.status.setText("正在生成 PDF……")

        def done(result: Any) -> None:
            self.pdf_button.setEnabled(True)
            self.written = Path(result.path)
            self.status.setText(f"已保存：{result.path}（{result.pages} 页）")

        def failed(exc: BaseException) -> None:
            self.pdf_button.setEnabled(True)
            self.status.setText(str(exc) if isinstance(exc, StudioDeskError) else "没有保存成功。")

        self.task = run_task(self, "保存使用说明", lambda _progress: write_manual_pdf(path),
                             on_done=done, on_error=failed, cancellable=False)


def open_help(owner: QWidget, topic: str = "") -> HelpWindow | None:
    """Show the manual (one window per main window, raised when already open) at ``topic``."""
    window = getattr(owner, "_help_window", None)
    try:
        if window is None:
            window = HelpWindow(owner)
            owner._help_window = window  # type: ignore[attr-defined]
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        show_error(owner, "使用说明", StudioDeskError(f"使用说明文件无法读取：{exc}"))
        return None
    window.show()
    window.raise_()
    window.activateWindow()
    if topic:
        window.show_topic(topic)
    return window
