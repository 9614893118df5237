"""Long work off the UI thread, with a progress dialog that can cancel it.

``run_task(parent, "导出台账", fn, on_done=...)`` calls ``fn(progress)`` on a worker thread;
``progress(done, total, text)`` updates the dialog and raises ``Cancelled`` once the clerk
pressed 取消. Errors come back to the UI thread: a ``StudioDeskError`` is shown as it is, any
other exception is logged to the data folder and shown as a short sentence.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from studio_desk.core.collector import pause_collector, resume_collector
from studio_desk.core.errors import StudioDeskError
from studio_desk.core.progress import Cancelled

# An action on more records than this runs off the UI thread, with a progress dialog.
BACKGROUND_ABOVE = 200

def show_error(parent: QWidget | None, title: str, exc: BaseException) -> None:
    """Say what went wrong in Chinese; log the traceback of anything unexpected."""
    if isinstance(exc, StudioDeskError):
        message = str(exc)
    else:
        from studio_desk.logs import log_unexpected

        log = log_unexpected(exc, title)
        message = f"发生了意外的问题（{type(exc).__name__}），操作未完成，数据保持原样。\n详细信息已记录在：{log}"
    QMessageBox.warning(parent, title, message)


class _Worker(QObject):
    progressed = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, fn: Callable[..., Any]):
        super().__init__()
        self._fn = fn
        self.cancel_event = threading.Event()

    def progress(self, done: int, total: int, text: str = "") -> None:
        if self.cancel_event.is_set():
            raise Cancelled()
        self.progressed.emit(done, total, text)

    def run(self) -> None:
        try:
            result = self._fn(self.progress)
        except BaseException as exc:  # noqa: BLE001 - handed to the UI thread
            self.failed.emit(exc)
        else:
            self.finished.emit(result)


class Task(QObject):
    """One running background operation; keeps its thread and dialog alive until done."""

    done = Signal(object)
    error = Signal(object)

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        fn: Callable[[Callable[[int, int, str], None]], Any],
        *,
        cancellable: bool = True,
        delay_ms: int = 400,
    ):
        super().__init__(parent)
        self.title = title
        self.result: Any = None
        self.exception: BaseException | None = None
        self._parent = parent
        self._dialog = QProgressDialog(title + "……", "取消" if cancellable else "", 0, 0, parent)
        self._dialog.setWindowTitle(title)
        self._dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self._dialog.setMinimumDuration(delay_ms)
        self._dialog.setAutoClose(False)
        self._dialog.setAutoReset(False)
        if not cancellable:
            self._dialog.setCancelButton(None)
        self._thread = QThread()
        self._worker = _Worker(fn)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self._on_progress)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self._dialog.canceled.connect(self.cancel)
        self.finished_flag = False

    def start(self) -> Task:
        pause_collector()
        self._thread.start()
        return self

    def cancel(self) -> None:
        self._worker.cancel_event.set()
        self._dialog.setLabelText("正在取消……")

    def _on_progress(self, done: int, total: int, text: str) -> None:
        self._dialog.setMaximum(max(total, 0))
        self._dialog.setValue(min(done, total) if total else 0)
        if text:
            self._dialog.setLabelText(text)

    def _stop(self) -> None:
        resume_collector()
        self.finished_flag = True
        self._thread.quit()
        self._thread.wait()
        self._dialog.reset()
        self._dialog.hide()
        self._dialog.deleteLater()

    def _on_finished(self, result: Any) -> None:
        self.result = result
        self._stop()
        self.done.emit(result)

    def _on_failed(self, exc: BaseException) -> None:
        self.exception = exc
        self._stop()
        if isinstance(exc, Cancelled):
            self.error.emit(exc)
            return
        show_error(self._parent, self.title, exc)
        self.error.emit(exc)


def run_task(
    parent: QWidget | None,
    title: str,
    fn: Callable[[Callable[[int, int, str], None]], Any],
    *,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    cancellable: bool = True,
) -> Task:
    """Run ``fn(progress)`` in the background. Keep the returned task until it finishes."""
    task = Task(parent, title, fn, cancellable=cancellable)
    if on_done is not None:
        task.done.connect(on_done)
    if on_error is not None:
        task.error.connect(on_error)
    return task.start()


class _QuietRunner(QObject):
    """Background work with no dialog (figures for the 总览, the daily backup)."""

    done = Signal(object)
    error = Signal(object)

    def __init__(self, parent: QObject | None, fn: Callable[[], Any]):
        super().__init__(parent)
        self._thread = QThread()
        self._worker = _Worker(lambda _progress: fn())
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.finished.connect(self._finish)
        self._worker.failed.connect(self._fail)
        self.running = False

    def start(self) -> _QuietRunner:
        self.running = True
        pause_collector()
        self._thread.start()
        return self

    def wait(self) -> None:
        self._thread.quit()
        self._thread.wait()
        self._ended()

    def _ended(self) -> None:
        """Once per run (the window may close before the result arrives)."""
        if self.running:
            self.running = False
            resume_collector()

    def _finish(self, result: Any) -> None:
        self._ended()
        self.wait()
        self.done.emit(result)
        self.deleteLater()

    def _fail(self, exc: BaseException) -> None:
        self._ended()
        self.wait()
        self.error.emit(exc)
        self.deleteLater()


def reading_store(store: Any) -> Any:
    """A second, read-only connection to the same file, for long background reads.

    The figures of a year of a large database take seconds to read; on the window's own
    connection they would hold its lock and the pages would wait. A read-only connection
    writes nothing, so the one-writer rule holds; each statement's read lock lasts
    milliseconds, so writes from the window are not held up either.
    """
    from studio_desk.core.store import Store

    return Store.open_readonly(store.path, replica_id=store.replica_id)


def run_quietly(
    parent: QObject | None,
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None = None,
) -> _QuietRunner:
    """Run ``fn()`` off the UI thread without a dialog; results come back on the UI thread."""
    runner = _QuietRunner(parent, fn)
    runner.done.connect(on_done)
    if on_error is not None:
        runner.error.connect(on_error)
    return runner.start()


class BackgroundReader:
    """For a page that computes off the UI thread through its own read-only connection.

    The page sets ``self._runner`` while a computation runs; ``stop_background`` waits for it
    and closes the connection before the window closes the store."""

    store: Any
    _reader: Any = None
    _runner: Any = None
    _pending: bool = False  # asked to read again while a read runs
    _shut: bool = False

    def is_busy(self) -> bool:
        return self._runner is not None or self._pending

    def shutdown(self) -> None:
        self.stop_background()

    def reader(self) -> Any:
        """The read-only connection background work uses (opened on first use)."""
        if self._reader is None:
            self._reader = reading_store(self.store)
        return self._reader

    def stop_background(self) -> None:
        """Wait for the computation and ignore its result: the store is about to close."""
        self._shut = True
        if self._runner is not None:
            self._runner.wait()
        if self._reader is not None:
            self._reader.close()
            self._reader = None
