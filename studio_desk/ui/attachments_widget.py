"""The 附件 tab of a record form: thumbnails with captions; add by file dialog or drag and drop
(jpg, png, pdf), open with the system viewer, reorder, remove.

For a record already saved every change is written at once (attachments are records of their
own); for a new record the files wait, already checked and downscaled, until the form is saved.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QDragEnterEvent, QDropEvent, QFont, QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from studio_desk.core import attachments
from studio_desk.core.errors import StudioDeskError
from studio_desk.core.models import Attachment, Record
from studio_desk.core.store import Store
from studio_desk.ui.tasks import show_error

THUMB = 112
FILE_FILTER = "图片或 PDF (*.jpg *.jpeg *.png *.pdf *.JPG *.JPEG *.PNG *.PDF)"
_ROLE = Qt.ItemDataRole.UserRole


def _pdf_icon(text: str = "PDF") -> QPixmap:
    pix = QPixmap(THUMB, THUMB)
    pix.fill(QColor(245, 245, 245))
    p = QPainter(pix)
    p.setPen(QColor(180, 30, 30))
    font = QFont()
    font.setPixelSize(30)
    font.setBold(True)
    p.setFont(font)
    p.drawRect(8, 4, THUMB - 17, THUMB - 9)
    p.drawText(pix.rect(), Qt.AlignmentFlag.AlignCenter, text)
    p.end()
    return pix


def _first_page(data: bytes) -> QImage:
    """The first page of a PDF, small (PDFium); a null image when it cannot be drawn."""
    try:
        import io

        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(data)
        try:
            page = pdf[0]
            width, height = page.get_size()
            bitmap = page.render(scale=THUMB / max(width, height, 1))
            out = io.BytesIO()
            bitmap.to_pil().save(out, "PNG")
        finally:
            pdf.close()
        return QImage.fromData(out.getvalue())
    except Exception:  # noqa: BLE001 - a scan PDFium cannot draw still shows, as an icon
        return QImage()


def _thumbnail(data: bytes, media_type: str) -> QPixmap:
    image = QImage.fromData(data) if media_type == attachments.IMAGE_JPEG else _first_page(data)
    if image.isNull():
        return _pdf_icon()
    return QPixmap.fromImage(
        image.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
    )


class AttachmentStrip(QWidget):
    """The attachments of one record, as a row of thumbnails."""

    def __init__(self, store: Store, owner: Record, *, saved: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.owner = owner
        self.saved = saved
        self.pending: list[tuple[attachments.Prepared, str]] = []  # new record: written on save
        self._temp: tempfile.TemporaryDirectory[str] | None = None
        self._thumbs: dict[str, QPixmap] = {}  # by content: a caption edit draws nothing again
        self.setAcceptDrops(True)

        self.list = QListWidget(self)
        self.list.setObjectName("attachment_list")
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setGridSize(QSize(THUMB + 40, THUMB + 44))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setWordWrap(True)
        self.list.setAcceptDrops(False)
        self.list.itemDoubleClicked.connect(lambda _item: self.open_selected())
        self.list.itemChanged.connect(self._caption_edited)
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())

        self.add_button = QPushButton("添加…")
        self.open_button = QPushButton("打开")
        self.caption_button = QPushButton("说明…")
        self.left_button = QPushButton("前移")
        self.right_button = QPushButton("后移")
        self.remove_button = QPushButton("移除")
        # Activities' photos can go into the year's summary (图片资料).
        self.summary_check = QCheckBox("用于年度总结")
        self.summary_check.setObjectName("in_summary")
        self.summary_check.setToolTip("选中的照片连同说明印在年度工作总结的“图片资料”中")
        self.summary_check.setVisible(owner.KIND == "activity")
        self.summary_check.clicked.connect(self._summary_toggled)
        self.add_button.clicked.connect(self.choose_files)
        self.open_button.clicked.connect(self.open_selected)
        self.caption_button.clicked.connect(self.edit_caption)
        self.left_button.clicked.connect(lambda: self.move_selected(-1))
        self.right_button.clicked.connect(lambda: self.move_selected(1))
        self.remove_button.clicked.connect(self.remove_selected)

        hint = QLabel("可把照片（jpg、png）或 PDF 扫描件拖到这里。照片会缩小保存在台账文件里。")
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666;")
        buttons = QHBoxLayout()
        for b in (self.add_button, self.open_button, self.caption_button, self.left_button,
                  self.right_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addWidget(self.summary_check)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.reload()

    def reload(self, select: str | None = None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        if self.saved:
            for att in attachments.attachments_of(self.store, self.owner.id):
                if att.blob_sha256 not in self._thumbs:
                    try:
                        data = attachments.blob_bytes(self.store, att.blob_sha256)
                    except StudioDeskError:  # a copy that lost the file's bytes: say so, open nothing
                        self._add_item(f"{att.display_name()}（内容缺失）", _pdf_icon("缺失"), att.id)
                        continue
                    self._thumbs[att.blob_sha256] = _thumbnail(data, att.media_type)
                self._add_item(att.caption or att.file_name, self._thumbs[att.blob_sha256], att.id)
        for i, (prepared, caption) in enumerate(self.pending):
            self._add_item(caption or prepared.file_name, _thumbnail(prepared.data, prepared.media_type), i)
        self.list.blockSignals(False)
        for row in range(self.list.count()):
            if self.list.item(row).data(_ROLE) == select:
                self.list.setCurrentRow(row)
        self._update_buttons()

    def _add_item(self, text: str, pixmap: QPixmap, key: object) -> None:
        item = QListWidgetItem(QIcon(pixmap), text)
        item.setData(_ROLE, key)
        item.setToolTip(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.list.addItem(item)

    def _update_buttons(self) -> None:
        has = self.list.currentItem() is not None
        for b in (self.open_button, self.caption_button, self.left_button, self.right_button, self.remove_button):
            b.setEnabled(has)
        chosen = self._selected() if has else None
        photo = isinstance(chosen, Attachment) and chosen.media_type == attachments.IMAGE_JPEG
        self.summary_check.setEnabled(photo)
        self.summary_check.setChecked(photo and chosen.in_summary)  # type: ignore[union-attr]

    def _summary_toggled(self, checked: bool) -> None:
        chosen = self._selected()
        if isinstance(chosen, Attachment):
            self._guard(lambda: attachments.set_in_summary(self.store, chosen, checked))

    def captions(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, "添加附件", "", FILE_FILTER)
        if names:
            self.add_files([Path(n) for n in names])

    def add_files(self, paths: list[Path]) -> None:
        problems: list[str] = []
        last: str | None = None
        for path in paths:
            try:
                prepared = attachments.prepare_file(path)
                if self.saved:
                    last = attachments.add_prepared(self.store, self.owner, prepared).id
                else:
                    self.pending.append((prepared, ""))
            except StudioDeskError as exc:
                problems.append(str(exc))
            except Exception as exc:  # noqa: BLE001 - logged and said; the other files still go in
                show_error(self, "添加附件失败", exc)
        self.reload(select=last)
        if problems:
            QMessageBox.warning(self, "有文件未能添加", "\n".join(problems))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if self._dropped_paths(event):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        if self._dropped_paths(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = self._dropped_paths(event)
        if paths:
            event.acceptProposedAction()
            self.add_files(paths)

    @staticmethod
    def _dropped_paths(event) -> list[Path]:  # type: ignore[no-untyped-def]
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]

    def commit(self, owner: Record) -> None:
        """Write the files chosen for a new record, now that it is saved."""
        self.owner = owner
        for prepared, caption in self.pending:
            attachments.add_prepared(self.store, owner, prepared, caption)
        self.pending = []
        self.saved = True

    def _selected(self) -> Attachment | int | None:
        item = self.list.currentItem()
        if item is None:
            return None
        key = item.data(_ROLE)
        if isinstance(key, int):
            return key
        return self.store.find(Attachment, key)

    def open_selected(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        try:
            if self._temp is None:
                self._temp = tempfile.TemporaryDirectory(prefix="studio-desk-attachment-")
            folder = Path(tempfile.mkdtemp(dir=self._temp.name))
            if isinstance(chosen, int):
                prepared = self.pending[chosen][0]
                path = folder / prepared.file_name
                path.write_bytes(prepared.data)
            else:
                path = attachments.write_file(self.store, chosen, folder)
        except Exception as exc:  # noqa: BLE001
            show_error(self, "打开附件失败", exc)
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _set_caption(self, chosen: Attachment | int, caption: str) -> None:
        if isinstance(chosen, int):
            prepared, _old = self.pending[chosen]
            self.pending[chosen] = (prepared, caption.strip())
            self.reload(select=chosen)  # type: ignore[arg-type]
        else:
            attachments.set_caption(self.store, chosen, caption)
            self.reload(select=chosen.id)

    def edit_caption(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        current = self.list.currentItem().text()
        text, ok = QInputDialog.getText(self, "附件说明", "说明（如：活动现场、签到表）：", text=current)
        if ok:
            self._guard(lambda: self._set_caption(chosen, text[:200]))

    def _caption_edited(self, item: QListWidgetItem) -> None:
        key = item.data(_ROLE)
        chosen = key if isinstance(key, int) else self.store.find(Attachment, key)
        if chosen is not None:
            self._guard(lambda: self._set_caption(chosen, item.text()[:200]))

    def move_selected(self, step: int) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        if isinstance(chosen, int):
            j = max(0, min(len(self.pending) - 1, chosen + step))
            self.pending.insert(j, self.pending.pop(chosen))
            self.reload(select=j)  # type: ignore[arg-type]
            return
        self._guard(lambda: attachments.move(self.store, chosen, step))
        self.reload(select=chosen.id)

    def remove_selected(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        if isinstance(chosen, int):
            self.pending.pop(chosen)
            self.reload()
            return
        answer = QMessageBox.question(
            self, "移除附件", f"移除附件“{chosen.display_name()}”？（可在历史记录中找回）"
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._guard(lambda: attachments.remove(self.store, chosen))
            self.reload()

    def _guard(self, action) -> None:  # type: ignore[no-untyped-def]
        try:
            action()
        except Exception as exc:  # noqa: BLE001
            show_error(self, "附件未能保存", exc)


def install(form: QDialog, store: Store, record: Record, *, is_new: bool) -> AttachmentStrip | None:
    """Add the 附件 tab to a record form (forms with tabs); files for a new record are written
    when the form is saved (``form.saved`` then holds the stored record)."""
    tabs = form.findChild(QTabWidget, "tabs")
    if tabs is None:
        return None
    strip = AttachmentStrip(store, record, saved=not is_new, parent=tabs)
    strip.setObjectName("attachments")
    tabs.addTab(strip, "附件")

    def on_saved() -> None:
        saved = getattr(form, "saved", None)
        if strip.pending and saved is not None:
            try:
                strip.commit(saved)
            except Exception as exc:  # noqa: BLE001
                show_error(form, "附件未能保存", exc)

    form.accepted.connect(on_saved)
    return strip
