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
and ``run(…, undoable=False)`` says so in the status bar instead of offering Ctrl+Z.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMainWindow

from studio_desk.core.store import Store
from studio_desk.core.undo import UndoStep
from studio_desk.ui.tasks import BACKGROUND_ABOVE, Task, run_task, show_error

Progress = Callable[[int, int, str], None]
MESSAGE_MS = 8000


def _no_progress(_done: int, _total: int, _text: str = "") -> None:
    return None


class Operations(QObject):
    """Runs the window's writes; owned by the window, handed to every page that writes."""

    changed = Signal(str, list, object)  # what was done, the ids it touched, the asking page

    def __init__(self, store: Store, window: QMainWindow):
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
        on_done: Callable[[Any], None] | None = None,
        title: str = "",
    ) -> None:
        """Run ``write(progress, step)`` as one user action (see the module's doc).

        ``count`` is how many records it touches (above ``BACKGROUND_ABOVE`` it runs in the
        background); ``step`` is None when ``undoable`` is false. Errors are shown in Chinese
        and nothing is reported as done."""
        store = self.store
        holder: list[UndoStep] = []

        def action(progress: Progress) -> Any:
            if not undoable:
                return write(progress, None)
            with store.undo_step(text) as step:
                holder.append(step)
                return write(progress, step)

        def done(result: Any) -> None:
            self.task = None
            step = holder[0] if holder else None
            said = step.text if step is not None else text
            ids = list(dict.fromkeys(step.record_ids)) if step is not None else []
            if on_done is not None:
                on_done(result)
            if step is not None and not ids:
                return  # nothing was written (a form closed without saving)
            self.report(said, undoable)
            self.changed.emit(said, ids, source)

        if count > BACKGROUND_ABOVE:
            self.task = run_task(self.window, title or text, action, on_done=done, on_error=self._failed)
            return
        try:
            result = action(_no_progress)
        except Exception as exc:  # noqa: BLE001 - said in Chinese, nothing reported as done
            show_error(self.window, title or text, exc)
            return
        done(result)

    def _failed(self, _exc: BaseException) -> None:
        self.task = None  # run_task has shown the error; a cancelled write changed nothing

    def report(self, text: str, undoable: bool) -> None:
        """Say in the status bar what was done and whether Ctrl+Z undoes it."""
        tail = "按 Ctrl+Z 可撤销。" if undoable else ""
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


__all__ = ["Operations", "Progress"]
