"""The frame the 数据交换 dialogs share: a form, a status line next to what caused it, and a
main button that runs one core operation off the UI thread: a write (a copy, a merge, a restore)
as one of the window's ``Operations`` — the window re-reads its pages on ``Operations.changed`` —
and a read (a preview, the county package) with ``run_task``.

Expected failures (a full stick, a wrong password…) are shown in the dialog; anything else is
reported in a message box.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio_desk.core.errors import StudioDeskError
from studio_desk.core.store import Store
from studio_desk.ui.operations import operations_for
from studio_desk.ui.tasks import run_task
from studio_desk.ui.wheel_guard import guard_wheel

DB_FILTER = "履职台账数据库 (*.sqlite *.db *.sdb);;所有文件 (*)"


class Failed:
    """An expected failure, handed back as a result so the dialog can show it in place."""

    def __init__(self, message: str):
        self.message = message


def guarded(fn):
    def run(progress):
        try:
            return fn(progress)
        except StudioDeskError as exc:
            from studio_desk.core.progress import Cancelled

            if isinstance(exc, Cancelled):
                raise
            return Failed(str(exc))

    return run


class Status(QLabel):
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


def path_row(parent: QWidget, placeholder: str) -> tuple[QWidget, QLineEdit, QPushButton]:
    row = QWidget(parent)
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    edit = QLineEdit(row)
    edit.setPlaceholderText(placeholder)
    button = QPushButton("浏览…", row)
    layout.addWidget(edit, 1)
    layout.addWidget(button)
    return row, edit, button


class ExchangeDialog(QDialog):
    """The frame the exchange dialogs share; each defines ``start()``, run by its main button."""

    def __init__(self, store: Store, parent: QWidget | None, title: str):
        super().__init__(parent)
        self.store = store
        self.ops = operations_for(self, store)
        self.task: Any = None
        self.setWindowTitle(title)
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.status = Status(self)

    def _finish_layout(self, run_text: str) -> None:
        # Spare height goes below the content (or to a list that stretches), not into gaps between rows.
        self.layout_.addStretch(0)
        self.layout_.addWidget(self.status)
        self.buttons = QDialogButtonBox(self)
        self.run_button = self.buttons.addButton(run_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole)
        self.run_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self.reject)
        self.layout_.addWidget(self.buttons)
        guard_wheel(self)

    def busy(self) -> bool:
        return self.task is not None and not self.task.finished_flag

    def _run(self, title: str, fn, on_done, *, writes: bool = False) -> None:  # type: ignore[no-untyped-def]
        """``fn(progress)`` off the UI thread, then ``on_done(result)``; ``writes``: it changes
        the database or a file, so it runs as one of the window's operations (not undoable)."""
        self.run_button.setEnabled(False)
        self.status.info(title + "……")

        def done(result: Any) -> None:
            self.run_button.setEnabled(True)
            if isinstance(result, Failed):
                self.status.error(result.message)
                return
            on_done(result)

        def failed(exc: BaseException) -> None:
            self.run_button.setEnabled(True)
            self.status.error(str(exc) if isinstance(exc, StudioDeskError) else "操作未完成。")

        if writes:
            self.task = self.ops.run(title, lambda progress, _step: fn(progress), undoable=False, background=True,
                                     on_done=done, on_error=failed, parent=self)
            return
        self.task = run_task(self, title, guarded(fn), on_done=done, on_error=failed)
