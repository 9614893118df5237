"""The 附件 tab of a record form: thumbnails with captions; add by file dialog or drag and drop
(jpg, png, pdf), open with the system viewer, reorder, remove.

Like every other field, what the clerk does here (files added or removed, captions, order, the
summary mark) is written only when the form is saved, with the record; 取消 leaves the attachments
as they were. Files wait already checked and downscaled.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
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

from studio_desk.core import attachments, codec
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


@dataclass
class _Entry:
    """One attachment as the form shows it: a stored one (``stored``) or a file added in this form
    (``prepared``), with the caption and summary mark it will have once the form is saved."""

    stored: Attachment | None
    prepared: attachments.Prepared | None
    caption: str = ""
    in_summary: bool = False

    @property
    def _source(self) -> Attachment | attachments.Prepared:
        source = self.stored if self.stored is not None else self.prepared
        assert source is not None
        return source

    @property
    def media_type(self) -> str:
        return self._source.media_type

    @property
    def file_name(self) -> str:
        return self._source.file_name

    def state(self) -> tuple[object, str, bool]:
        return (self.stored.id if self.stored is not None else id(self.prepared), self.caption, self.in_summary)


class AttachmentStrip(QWidget):
    """The attachments of one record, as a row of thumbnails; changes wait for :meth:`commit`."""

    def __init__(self, store: Store, owner: Record, *, saved: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.owner = owner
        self.saved = saved
        self.entries: list[_Entry] = []
        self.removed: list[Attachment] = []  # stored ones the clerk removed: tombstoned on save
        self._temp: tempfile.TemporaryDirectory[str] | None = None
        self._thumbs: dict[str, QPixmap] = {}  # by content: a caption edit draws nothing again
        self.setAcceptDrops(True)
        self._make_widgets(owner)
        self.load()

    def _make_widgets(self, owner: Record) -> None:
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

        hint = QLabel("可把照片（jpg、png）或 PDF 扫描件拖到这里。照片会缩小保存在台账文件里。"
                      "附件的增删和说明随记录一起保存，取消则不保存。")
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

    def load(self) -> None:
        """Show the stored attachments, with no change waiting."""
        stored = attachments.attachments_of(self.store, self.owner.id) if self.saved else []
        self.entries = [_Entry(a, None, a.caption, a.in_summary) for a in stored]
        self.removed = []
        self._initial = self._state()
        self.reload()

    def _state(self) -> list[tuple[object, str, bool]]:
        return [e.state() for e in self.entries]

    def has_changes(self) -> bool:
        """Whether anything was added, removed, reordered or recaptioned since the form opened."""
        return bool(self.removed) or self._state() != self._initial

    def _thumb(self, entry: _Entry) -> QPixmap:
        if entry.prepared is not None:
            data, sha = entry.prepared.data, entry.prepared.sha256
        else:
            assert entry.stored is not None
            sha = entry.stored.blob_sha256
            if sha in self._thumbs:
                return self._thumbs[sha]
            data = attachments.blob_bytes(self.store, sha)
        if sha not in self._thumbs:
            self._thumbs[sha] = _thumbnail(data, entry.media_type)
        return self._thumbs[sha]

    def reload(self, select: int | None = None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for i, entry in enumerate(self.entries):
            try:
                self._add_item(entry.caption or entry.file_name, self._thumb(entry), i)
            except StudioDeskError:  # a copy that lost the file's bytes: say so, open nothing
                shown = entry.stored.display_name() if entry.stored is not None else entry.file_name
                self._add_item(f"{shown}（内容缺失）", _pdf_icon("缺失"), i)
        self.list.blockSignals(False)
        if select is not None and 0 <= select < self.list.count():
            self.list.setCurrentRow(select)
        self._update_buttons()

    def _add_item(self, text: str, pixmap: QPixmap, key: int) -> None:
        item = QListWidgetItem(QIcon(pixmap), text)
        item.setData(_ROLE, key)
        item.setToolTip(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.list.addItem(item)

    def _update_buttons(self) -> None:
        chosen = self._selected()
        for b in (self.open_button, self.caption_button, self.left_button, self.right_button, self.remove_button):
            b.setEnabled(chosen is not None)
        entry = self.entries[chosen] if chosen is not None else None
        photo = entry is not None and entry.media_type == attachments.IMAGE_JPEG
        self.summary_check.setEnabled(photo)
        self.summary_check.setChecked(photo and entry.in_summary)  # type: ignore[union-attr]

    def _summary_toggled(self, checked: bool) -> None:
        chosen = self._selected()
        if chosen is not None:
            self.entries[chosen].in_summary = checked

    def captions(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, "添加附件", "", FILE_FILTER)
        if names:
            self.add_files([Path(n) for n in names])

    def add_files(self, paths: list[Path]) -> None:
        """Check and downscale the files; they are written when the form is saved."""
        problems: list[str] = []
        for path in paths:
            try:
                self.entries.append(_Entry(None, attachments.prepare_file(path)))
            except StudioDeskError as exc:
                problems.append(str(exc))
            except Exception as exc:  # noqa: BLE001 - logged and said; the other files still go in
                show_error(self, "添加附件失败", exc)
        self.reload(select=len(self.entries) - 1)
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
        """Write what changed, now that ``owner`` is saved (inside its transaction when there is one):
        removed ones become tombstones, added files are stored, order, captions and marks follow.
        What the strip shows changes only at :meth:`saved_as`, once that transaction is committed
        (one that fails leaves the clerk's changes waiting, to be saved again)."""
        with self.store.transaction():
            for gone in self.removed:
                if self.store.find(Attachment, gone.id) is not None:
                    attachments.remove(self.store, gone)
            for position, entry in enumerate(self.entries):
                if entry.prepared is not None:
                    att: Attachment | None = attachments.add_prepared(self.store, owner, entry.prepared, entry.caption)
                else:
                    att = self.store.find(Attachment, entry.stored.id)  # type: ignore[union-attr]
                if att is None or att.deleted:
                    continue
                wanted = (position, entry.caption.strip(), entry.in_summary)
                if (att.position, att.caption, att.in_summary) != wanted:
                    self.store.save(codec.copy_record(
                        att, position=position, caption=entry.caption.strip(), in_summary=entry.in_summary
                    ))

    def saved_as(self, owner: Record) -> None:
        """The changes :meth:`commit` wrote are in the database: show what it now holds for ``owner``."""
        self.owner = owner
        self.saved = True
        self.load()

    def _selected(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else int(item.data(_ROLE))

    def open_selected(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        entry = self.entries[chosen]
        try:
            if self._temp is None:
                self._temp = tempfile.TemporaryDirectory(prefix="studio-desk-attachment-")
            folder = Path(tempfile.mkdtemp(dir=self._temp.name))
            if entry.prepared is not None:
                path = folder / entry.prepared.file_name
                path.write_bytes(entry.prepared.data)
            else:
                path = attachments.write_file(self.store, entry.stored, folder)  # type: ignore[arg-type]
        except Exception as exc:  # noqa: BLE001
            show_error(self, "打开附件失败", exc)
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _set_caption(self, chosen: int, caption: str) -> None:
        self.entries[chosen].caption = caption.strip()[:200]
        self.reload(select=chosen)

    def edit_caption(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        current = self.list.currentItem().text()
        text, ok = QInputDialog.getText(self, "附件说明", "说明（如：活动现场、签到表）：", text=current)
        if ok:
            self._set_caption(chosen, text)

    def _caption_edited(self, item: QListWidgetItem) -> None:
        self._set_caption(int(item.data(_ROLE)), item.text())

    def move_selected(self, step: int) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        j = max(0, min(len(self.entries) - 1, chosen + step))
        self.entries.insert(j, self.entries.pop(chosen))
        self.reload(select=j)

    def remove_selected(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        entry = self.entries[chosen]
        if entry.stored is not None:
            answer = QMessageBox.question(
                self, "移除附件",
                f"移除附件“{entry.stored.display_name()}”？（保存记录时生效，可在历史记录中找回）",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
            self.removed.append(entry.stored)
        self.entries.pop(chosen)
        self.reload()


def install(form: QDialog, store: Store, record: Record, *, is_new: bool) -> AttachmentStrip | None:
    """Add the 附件 tab to a record form (forms with tabs); the form writes its changes with the
    record (:meth:`AttachmentStrip.commit`)."""
    tabs = form.findChild(QTabWidget, "tabs")
    if tabs is None:
        return None
    strip = AttachmentStrip(store, record, saved=not is_new, parent=tabs)
    strip.setObjectName("attachments")
    tabs.addTab(strip, "附件")

    return strip
