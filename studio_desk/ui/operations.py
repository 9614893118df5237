"""The one way the window runs a write: save, delete, restore, undo, a 接待日 sheet.

``Operations.run(text, write)`` runs ``write(progress)`` as one user action: one undo step of
the store, named ``text`` (the step is handed to ``write`` so that it can say what the action
turned out to do: 保存3条活动). An action on more records than ``BACKGROUND_ABOVE`` runs off the
UI thread with a progress dialog; the pages keep painting meanwhile, because a read beside a
running write is answered from what is committed (``Store``). When it is done the result goes
to the page that asked (``on_done``), the status bar says what was done and that Ctrl+Z undoes
it, and ``changed(text, record ids, source)`` — the one signal the window refreshes on — goes
out once.

An import, a merge or a restore is not one undo step: the core ends the undo history for it,
and ``run(…, undoable=False)`` says so in the status bar instead of offering Ctrl+Z. The
dialogs that write (导入台账, 从U盘合并, 备份与恢复, 复制到U盘, the rota, the summary's texts, 封账)
find the window's ``Operations`` with ``operations_for(dialog)``; an expected failure (a wrong
password, a full stick) goes to their ``on_error`` to be shown in place.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMainWindow, QWidget

from studio_desk.core.errors import StudioDeskError
from studio_desk.core.progress import Cancelled
from studio_desk.core.store import Store
from studio_desk.core.undo import UndoStep
from studio_desk.ui.tasks import BACKGROUND_ABOVE, Task, run_task, show_error

Progress = Callable[[int, int, str], None]
MESSAGE_MS = 8000


def _no_progress(_done: int, _total: int, _text: str = "") -> None:
    return None


class _Refused:
    """An expected failure carried back from the worker as a value, for ``on_error`` to show."""

    def __init__(self, exc: StudioDeskError):
        self.exc = exc


class Operations(QObject):
    """Runs the window's writes; owned by the window, handed to every page that writes."""

    # The ids go as a Python object: typed as a list, Qt would copy all of them (10,000 after a
    # large delete) into its own list and back on the UI thread for every receiver.
    changed = Signal(str, object, object)  # what was done, the ids it touched (a list), the asking page

    def __init__(self, store: Store, window: QWidget):
        super().__init__(window)
        self.store = store
        self.window = window
        self.task: Task | None = None  # the background write running now, if any

    def busy(self) -> bool:
        return self.task is not None and not self.task.finished_flag

    def run(
        self,
        text: str,
        write: Callable[[Progress, UndoStep | None], Any],
        *,
        source: QObject | None = None,
        count: int = 1,
        undoable: bool = True,
        background: bool = False,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        parent: QWidget | None = None,
        title: str = "",
    ) -> Task | None:
        """Run ``write(progress, step)`` as one user action (see the module's doc).

        ``count`` is how many records it touches (above ``BACKGROUND_ABOVE``, or when
        ``background``, it runs off the UI thread, its progress dialog over ``parent``); ``step``
        is None when ``undoable`` is false. Errors are shown in Chinese and nothing is reported
        as done; with ``on_error`` an expected failure (``StudioDeskError``) is left to it to
        show, and it hears of every other failure and of a cancel too. Returns the background
        task, if any."""
        store = self.store
        holder: list[UndoStep] = []

        def action(progress: Progress) -> Any:
            try:
                if not undoable:
                    return write(progress, None)
                with store.undo_step(text) as step:
                    holder.append(step)
                    return write(progress, step)
            except Cancelled:
                raise
            except StudioDeskError as exc:
                if on_error is None:
                    raise
                return _Refused(exc)

        def done(result: Any) -> None:
            self.task = None
            if isinstance(result, _Refused):
                on_error(result.exc)  # type: ignore[misc] - only made when there is one
                return
            step = holder[0] if holder else None
            said = step.text if step is not None else text
            ids = list(dict.fromkeys(step.record_ids)) if step is not None else []
            if on_done is not None:
                on_done(result)
            if step is not None and not ids:
                return  # nothing was written (a form closed without saving)
            self.report(said, undoable)
            self.changed.emit(said, ids, source)

        def failed(exc: BaseException) -> None:
            self.task = None  # run_task has shown the error; a cancelled write changed nothing
            if on_error is not None:
                on_error(exc)

        if background or count > BACKGROUND_ABOVE:
            self.task = run_task(parent or self.window, title or text, action, on_done=done, on_error=failed)
            return self.task
        try:
            result = action(_no_progress)
        except Exception as exc:  # noqa: BLE001 - said in Chinese, nothing reported as done
            show_error(parent or self.window, title or text, exc)
            failed(exc)
            return None
        done(result)
        return None

    def report(self, text: str, undoable: bool) -> None:
        """Say in the status bar what was done and whether Ctrl+Z undoes it."""
        tail = "按 Ctrl+Z 可撤销。" if undoable else ""
        if isinstance(self.window, QMainWindow):  # a dialog opened on its own has no status bar
            self.window.statusBar().showMessage(f"已{text}。{tail}", MESSAGE_MS)

    def undo(self, on_done: Callable[[UndoStep], None] | None = None) -> None:
        """Undo the store's last step (in the background when it is long)."""
        store = self.store
        if self.busy():  # the step being written is not finished: the undo would take the one before
            self.window.statusBar().showMessage("正在保存，完成后才能撤销。", 4000)
            return
        if not store.can_undo():
            self.window.statusBar().showMessage("没有可以撤销的操作。", 4000)
            return
        text = store.undo_label()

        def done(step: UndoStep) -> None:
            self.task = None
            self.window.statusBar().showMessage(f"已撤销“{text}”。", MESSAGE_MS)
            self.changed.emit(f"撤销“{text}”", step.record_ids, None)  # the pages re-read first
            if on_done is not None:
                on_done(step)

        def failed(exc: BaseException) -> None:
            self.task = None
            self.changed.emit("", [], None)  # a step that can no longer be undone is gone from the menu

        if store.undo_size() > BACKGROUND_ABOVE:
            self.task = run_task(self.window, "撤销", store.undo, on_done=done, on_error=failed)
            return
        try:
            step = store.undo()
        except Exception as exc:  # noqa: BLE001
            failed(exc)
            show_error(self.window, "撤销", exc)
            return
        done(step)


def operations_for(widget: QWidget, store: Store) -> Operations:
    """The ``Operations`` of the window ``widget`` is in (found up its parents); a dialog
    opened on its own (a test, the county window) runs its writes through one of its own."""
    at: QWidget | None = widget
    while at is not None:
        ops = getattr(at, "operations", None)
        if isinstance(ops, Operations) and ops.store is store:
            return ops
        at = at.parentWidget()
    return Operations(store, widget)


__all__ = ["Operations", "Progress", "operations_for"]
