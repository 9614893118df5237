"""报表 → 年度工作总结: the clerk's own sections for a year, and a preview of the PDF before saving.

The PDF is written by :func:`studio_desk.exports.summary.write_summary` in the background
(``run_task``) into a private temporary folder and shown here: with QtPdf when this Qt has it,
otherwise with pages rendered by PDFium (pypdfium2). 保存 writes the year's summary to a file the
clerk chooses. The narrative text is saved to the database whenever the clerk saves, previews,
changes the year or closes the dialog, so nothing typed is lost.
"""

from __future__ import annotations

import shutil
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from studio_desk.core import enums
from studio_desk.core.errors import StudioDeskError
from studio_desk.core.store import Store
from studio_desk.ui.date_field import DateField
from studio_desk.ui.look import fit_to_screen
from studio_desk.ui.operations import operations_for
from studio_desk.ui.tasks import Task, run_task, show_error
from studio_desk.ui.wheel_guard import guard_wheel

SECTION_LABELS = {"基本情况": "基本情况补充", "工作亮点": "工作亮点", "存在问题": "存在问题", "下一步打算": "下一步打算"}
SECTION_HINTS = {
    "基本情况": "接在“基本情况”一节的统计数字之后，例如工作室的阵地建设、制度机制。每行一段。",
    "工作亮点": "接在亮点活动列表之后，写本年度的特色做法和成效。每行一段。",
    "存在问题": "写本年度工作中存在的不足。每行一段；不填则总结中没有这一节。",
    "下一步打算": "写下一年的工作思路和计划。每行一段；不填则总结中没有这一节。",
}


def _pdf_widgets() -> tuple[Any, Any] | None:
    """QtPdf's document and view classes, or None when this Qt build lacks them."""
    try:
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView
    except ImportError:
        return None
    return QPdfDocument, QPdfView


class PdfPreview(QWidget):
    """Shows a PDF file: QtPdf's view when present, else PDFium-rendered page images."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._pages = 0
        self._images = []
        qtpdf = _pdf_widgets()
        self._document: Any = None
        if qtpdf is not None:
            document_cls, view_cls = qtpdf
            self._document = document_cls(self)
            self._view: QWidget = view_cls(self)
            self._view.setPageMode(view_cls.PageMode.MultiPage)
            self._view.setZoomMode(view_cls.ZoomMode.FitToWidth)
            self._view.setDocument(self._document)
            self.backend = "QtPdf"
        else:
            self._view = QScrollArea(self)
            self._view.setWidgetResizable(True)
            self._view.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            self._pages_box = QWidget()
            self._pages_layout = QVBoxLayout(self._pages_box)
            self._pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            self._view.setWidget(self._pages_box)
            self._view.setStyleSheet("QScrollArea { background: #808080; }")
            self.backend = "PDFium"
        self._view.setObjectName("pdfView")
        layout.addWidget(self._view)
        self._empty = QLabel("正在生成预览……", self)
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self._empty)
        self._view.hide()

    def page_count(self) -> int:
        return self._pages

    def show_message(self, text: str) -> None:
        self._empty.setText(text)
        self._empty.show()
        self._view.hide()

    def load(self, path: Path) -> None:
        if self._document is not None:
            self._document.close()
            error = self._document.load(str(path))
            if int(getattr(error, "value", error)) != 0:
                raise StudioDeskError("预览文件无法打开。")
            self._pages = self._document.pageCount()
        else:
            self._pages = self._render_pages(path)
        self._empty.hide()
        self._view.show()

    def _render_pages(self, path: Path) -> int:
        try:
            import pypdfium2 as pdfium
        except ImportError as exc:
            raise StudioDeskError("此电脑缺少 PDF 预览组件，请直接保存后用 PDF 阅读器查看。") from exc
        self._images: list[QImage] = []
        while self._pages_layout.count():
            item = self._pages_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        pdf = pdfium.PdfDocument(str(path))
        try:
            count = len(pdf)
            for index in range(count):
                bitmap = pdf[index].render(scale=1.4, rev_byteorder=True)  # ~100 dpi: sharp, light
                image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                               QImage.Format.Format_RGB888)
                self._images.append(image.copy())
                label = QLabel()
                label.setFrameShape(QLabel.Shape.Box)
                self._pages_layout.addWidget(label)
        finally:
            pdf.close()
        self._fit()
        return count

    def _fit(self) -> None:
        """Scale the page images to the width of the view (fit to width, like QPdfView)."""
        if self._document is not None:
            return
        width = max(200, self._view.viewport().width() - 30)
        for index, image in enumerate(self._images):
            item = self._pages_layout.itemAt(index)
            if item is not None and isinstance(item.widget(), QLabel):
                item.widget().setPixmap(QPixmap.fromImage(
                    image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)))

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self._document is None and self._images:
            self._fit()

    def release(self) -> None:
        if self._document is not None:
            self._document.close()


class SummaryDialog(QDialog):
    """Edit a year's narrative sections and preview/save its annual summary."""

    previewReady = Signal()

    def __init__(self, store: Store, year: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.ops = operations_for(self, store)
        self.year = year
        self.result: Any = None  # the SummaryResult of the latest preview
        self._task: Task | None = None
        self._close_when_idle: int | None = None
        self._preview_dir = Path(tempfile.mkdtemp(prefix="studio-desk-summary-"))
        self._preview_serial = 0
        self.setWindowTitle("年度工作总结")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        fit_to_screen(self, 1200, 800)
        self._build()
        guard_wheel(self)
        self._load_year(year)
        self.generate_preview()

    def _build(self) -> None:
        top = self._top_bar()
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self._editors_pane())
        splitter.addWidget(self._preview_pane())
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([480, 720])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(self._bottom_bar())
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save_narratives)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, activated=self.generate_preview)

    def _top_bar(self) -> QHBoxLayout:
        """The year and the date printed under the summary."""
        self.year_combo = QComboBox(self)
        self.year_combo.setObjectName("yearCombo")
        this_year = date.today().year
        years = sorted(set(self.store.years()) | {this_year, this_year - 1, self.year}, reverse=True)
        for y in years:
            self.year_combo.addItem(f"{y}年", y)
        self.year_combo.setCurrentIndex(years.index(self.year))
        self.year_combo.currentIndexChanged.connect(self._year_chosen)

        self.date_edit = DateField(self)
        self.date_edit.setObjectName("signedOnEdit")
        self.date_edit.set_value(date.today())
        self.date_edit.setMaximumWidth(180)
        self.date_edit.setToolTip("印在总结末尾、工作室名称下方的成文日期；如 2024-03-05 或 2024年3月5日")
        self.date_edit.textEdited.connect(lambda _text: self.date_problem.hide())
        self.date_problem = QLabel(self)
        self.date_problem.setObjectName("signedOnProblem")
        self.date_problem.setWordWrap(True)
        self.date_problem.setProperty("error", True)
        self.date_problem.hide()
        top = QHBoxLayout()
        top.addWidget(QLabel("年度：", self))
        top.addWidget(self.year_combo)
        top.addSpacing(16)
        top.addWidget(QLabel("成文日期：", self))
        top.addWidget(self.date_edit)
        top.addWidget(self.date_problem, 1)
        top.addStretch(1)
        return top

    def _editors_pane(self) -> QWidget:
        """One tab a narrative section, with the buttons that save it and preview it."""
        self.tabs = QTabWidget(self)
        self.editors: dict[str, QPlainTextEdit] = {}
        for section in enums.NARRATIVE_SECTIONS:
            editor = QPlainTextEdit(self)
            editor.setObjectName(f"narrative_{section}")
            editor.setPlaceholderText(SECTION_HINTS[section])
            self.editors[section] = editor
            self.tabs.addTab(editor, SECTION_LABELS[section])
        self.save_text_button = QPushButton("保存文字", self)
        self.save_text_button.setObjectName("saveTextButton")
        self.save_text_button.setToolTip("把各栏文字保存到数据库（Ctrl+S）")
        self.save_text_button.clicked.connect(self.save_narratives)
        self.preview_button = QPushButton("生成预览", self)
        self.preview_button.setObjectName("previewButton")
        self.preview_button.setToolTip("按当前文字和台账重新生成总结（F5）")
        self.preview_button.clicked.connect(self.generate_preview)
        left_buttons = QHBoxLayout()
        left_buttons.addWidget(self.save_text_button)
        left_buttons.addWidget(self.preview_button)
        left_buttons.addStretch(1)
        self.template_button = QPushButton("修改模板…", self)
        self.template_button.setObjectName("templateButton")
        self.template_button.setToolTip("用记事本打开总结模板（句式、标题），保存后点“生成预览”")
        self.template_button.clicked.connect(self.open_template)
        left_buttons.addWidget(self.template_button)
        self.reset_template_button = QPushButton("恢复默认模板", self)
        self.reset_template_button.setObjectName("resetTemplateButton")
        self.reset_template_button.setToolTip("改回程序自带的模板；修改过的模板改名留在原处，不会删除")
        self.reset_template_button.clicked.connect(self.reset_template)
        left_buttons.addWidget(self.reset_template_button)
        hint = QLabel("总结正文中的数字由当年台账自动统计，这里填写的是联络员自己的文字。"
                      "总结的句子和小标题来自模板，点“修改模板…”可改成本县习惯的说法"
                      "（写法见按 F1 打开的使用说明“年度工作总结”一章）。",
                      self)
        hint.setWordWrap(True)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tabs, 1)
        left_layout.addLayout(left_buttons)
        left_layout.addWidget(hint)
        return left

    def _preview_pane(self) -> QWidget:
        self.preview = PdfPreview(self)
        self.warning_label = QLabel(self)
        self.warning_label.setObjectName("warningLabel")
        self.warning_label.setWordWrap(True)
        self.warning_label.setProperty("error", True)
        self.warning_label.hide()
        self.status_label = QLabel(self)
        self.status_label.setObjectName("statusLabel")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.warning_label)
        right_layout.addWidget(self.preview, 1)
        right_layout.addWidget(self.status_label)
        return right

    def _bottom_bar(self) -> QHBoxLayout:
        self.save_pdf_button = QPushButton("保存 PDF…", self)
        self.save_pdf_button.setObjectName("savePdfButton")
        self.save_pdf_button.clicked.connect(lambda: self.save_pdf())
        self.save_docx_button = QPushButton("保存 Word…", self)
        self.save_docx_button.setObjectName("saveDocxButton")
        self.save_docx_button.setToolTip("保存为可再编辑的 Word 文档（.docx），与 PDF 内容相同")
        self.save_docx_button.clicked.connect(lambda: self.save_docx())
        close_button = QPushButton("关闭", self)
        close_button.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.save_pdf_button)
        bottom.addWidget(self.save_docx_button)
        bottom.addWidget(close_button)
        return bottom

    def _load_year(self, year: int) -> None:
        self.year = year
        for section, editor in self.editors.items():
            editor.setPlainText(self.store.narrative(year, section))
            editor.document().setModified(False)

    def save_narratives(self) -> bool:
        """Store the sections that changed, as one of the window's operations; False (the text
        kept in the editors) if that failed."""
        year = self.year
        texts = {section: editor.toPlainText().strip() for section, editor in self.editors.items()}
        changed = {section: text for section, text in texts.items() if text != self.store.narrative(year, section)}
        failed: list[BaseException] = []

        def refused(exc: BaseException) -> None:
            failed.append(exc)
            if isinstance(exc, StudioDeskError):  # anything else was shown by the operation
                show_error(self, "保存总结文字", exc)

        def write(_progress: Any, _step: Any) -> None:
            for section, text in changed.items():
                self.store.set_narrative(year, section, text)

        if changed:  # not an undo step: the texts are not records
            self.ops.run("保存总结文字", write, undoable=False, parent=self, on_error=refused)
        if failed:
            return False
        for editor in self.editors.values():
            editor.document().setModified(False)
        return True

    def _year_chosen(self, index: int) -> None:
        year = self.year_combo.itemData(index)
        if year == self.year:
            return
        if not self.save_narratives():
            self.year_combo.blockSignals(True)
            self.year_combo.setCurrentIndex(self.year_combo.findData(self.year))
            self.year_combo.blockSignals(False)
            return
        self._load_year(year)
        self.generate_preview()

    def open_template(self) -> None:
        """Open the clerk's own copy of the template (made on first use) in the text editor."""
        from studio_desk.exports.summary import editable_template_path

        try:
            path = editable_template_path()
        except OSError as exc:
            show_error(self, "修改模板", StudioDeskError(f"无法准备模板文件：{exc.strerror or exc}。"))
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.status_label.setText(f"请用记事本打开模板文件：{path}")
            return
        self.status_label.setText(f"已打开模板文件：{path}\n修改并保存后，点“生成预览”查看效果。")

    def reset_template(self) -> None:
        """Back to the shipped template, after asking; the clerk's copy is kept under a new name."""
        from studio_desk.exports.summary import reset_template

        answer = QMessageBox.question(
            self, "恢复默认模板",
            "改回程序自带的总结模板吗？\n修改过的模板会改名（加上“停用”和时间）留在原来的文件夹里，不会删除。",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            kept = reset_template()
        except StudioDeskError as exc:
            show_error(self, "恢复默认模板", exc)
            return
        if kept is not None:
            QMessageBox.information(self, "恢复默认模板", f"已恢复程序自带的模板。\n原来修改的模板保存为：\n{kept}")
        self.generate_preview()

    def is_busy(self) -> bool:
        return self._task is not None and not self._task.finished_flag

    def generate_preview(self) -> None:
        if self.is_busy() or not self.save_narratives():
            return
        signed_on = self.signed_on()
        if signed_on is None:
            return
        from studio_desk.exports.summary import write_summary

        self._preview_serial += 1
        # a new name each time: a viewer may still hold the previous file open (Windows)
        target = self._preview_dir / f"预览-{self._preview_serial}.pdf"
        store, year = self.store, self.year
        self.preview.show_message("正在生成预览……")
        self._set_busy(True)
        self._task = run_task(
            self,
            "生成年度工作总结",
            lambda progress: write_summary(store, year, target, progress=progress, signed_on=signed_on),
            on_done=self._preview_done,
            on_error=self._preview_failed,
        )

    def _preview_done(self, result: Any) -> None:
        if self._close_when_idle is not None:
            self._set_busy(False)
            return
        self._set_busy(False)
        self.result = result
        try:
            self.preview.load(result.path)
        except Exception as exc:  # noqa: BLE001
            self.preview.show_message("预览无法显示，但总结已生成，可以直接保存。")
            show_error(self, "预览年度工作总结", exc)
        lines = [f"{self.year}年度工作总结：共 {result.pages} 页，{result.size / 1024:,.0f} KB。"]
        lines += result.warnings
        self.status_label.setText("\n".join(lines))
        self.show_notices(result.notices)
        self.previewReady.emit()

    def show_notices(self, notices: list[str]) -> None:
        """The warnings before export (an empty year, missing 存在问题 / 下一步打算)."""
        self.warning_label.setText("\n".join(f"提示：{n}" for n in notices))
        self.warning_label.setVisible(bool(notices))

    def signed_on(self) -> date | None:
        """The 成文日期 typed; None (and the reason shown next to the field) when it is no date."""
        problem = self.date_edit.problem("成文日期", required=True)
        if problem is not None:
            self.date_problem.setText(problem + "。")
            self.date_problem.show()
            self.date_edit.setFocus()
            return None
        self.date_problem.hide()
        return self.date_edit.value()

    def _preview_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        message = str(exc) if isinstance(exc, StudioDeskError) else "生成失败，详情见错误提示。"
        self.preview.show_message(f"未能生成预览：{message}")
        self.status_label.setText(message)
        self.previewReady.emit()

    def _set_busy(self, busy: bool) -> None:
        if not busy and self._close_when_idle is not None:
            code, self._close_when_idle = self._close_when_idle, None
            self.done(code)
            return
        for widget in (self.preview_button, self.save_pdf_button, self.save_docx_button, self.year_combo):
            widget.setEnabled(not busy)

    def default_file_name(self, suffix: str = ".pdf") -> str:
        name = self.store.studio().name or "委员工作室"
        return f"{name}{self.year}年度工作总结{suffix}"

    def save_pdf(self, path: Path | str | None = None) -> None:
        """Write the year's summary as a PDF (the file is asked for when ``path`` is None)."""
        self._save(path, ".pdf", "PDF 文件 (*.pdf)")

    def save_docx(self, path: Path | str | None = None) -> None:
        """Write the year's summary as an editable Word document."""
        self._save(path, ".docx", "Word 文档 (*.docx)")

    def _save(self, path: Path | str | None, suffix: str, file_filter: str) -> None:
        if self.is_busy() or not self.save_narratives():
            return
        signed_on = self.signed_on()
        if signed_on is None:
            return
        from studio_desk.exports.summary import summary_warnings, write_summary

        if path is None:
            notices = summary_warnings(self.store, self.year)
            self.show_notices(notices)
            if notices and QMessageBox.warning(
                self, "导出年度工作总结", "\n\n".join(notices) + "\n\n仍要导出吗？",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
            ) != QMessageBox.StandardButton.Yes:
                return
            start = Path.home() / "Documents"
            start = start if start.is_dir() else Path.home()
            chosen, _ = QFileDialog.getSaveFileName(
                self, "保存年度工作总结", str(start / self.default_file_name(suffix)), file_filter
            )
            if not chosen:
                return
            path = chosen
        target = Path(path)
        if target.suffix.lower() != suffix:
            target = target.with_name(target.name + suffix)
        store, year = self.store, self.year
        self._set_busy(True)
        self._task = run_task(
            self,
            "保存年度工作总结",
            lambda progress: write_summary(store, year, target, progress=progress, signed_on=signed_on,
                                           docx=suffix == ".docx"),
            on_done=self._saved,
            on_error=lambda exc: self._set_busy(False),
        )

    def _saved(self, result: Any) -> None:
        self._set_busy(False)
        pages = f"（共 {result.pages} 页）" if result.pages else ""
        lines = [f"已保存：{result.path}{pages}"] + list(result.warnings)
        self.status_label.setText("\n".join(lines))
        self.previewReady.emit()

    def done(self, code: int) -> None:
        if self.is_busy():  # stop the writer first; the dialog closes when it has stopped
            self._close_when_idle = code
            self._task.cancel()  # type: ignore[union-attr]
            return
        self.save_narratives()
        self.preview.release()
        shutil.rmtree(self._preview_dir, ignore_errors=True)
        super().done(code)
