"""GUI test helpers: the main window on a demo database, and driving modal dialogs.

A form opens with ``exec()``, which blocks; :func:`in_dialog` arranges for a function to run
once the dialog is up (inside its event loop), where it types and clicks like a user would.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QWidget,
)


@contextmanager
def shown_window(qtbot, store) -> Iterator[Any]:
    """The main window on ``store``, shown and done reading; shut down afterwards."""
    from studio_desk.ui.main_window import MainWindow

    w = MainWindow(store)
    qtbot.addWidget(w)
    w.show()
    wait_idle(qtbot, w)
    try:
        yield w
    finally:
        w.shutdown()


@pytest.fixture
def window(demo_store, qtbot):
    with shown_window(qtbot, demo_store) as w:
        yield w


@pytest.fixture
def county_window(tmp_path, qtbot):
    """The 县政协汇总 window on a new, empty county file."""
    from studio_desk.core.county import County
    from studio_desk.ui.county_window import CountyWindow

    county = County.open(tmp_path / "县政协汇总.sqlite")
    w = CountyWindow(county)
    qtbot.addWidget(w)
    w.show()
    yield w
    wait_idle(qtbot, w)
    county.close()


def wait_idle(qtbot, w) -> None:
    qtbot.waitUntil(lambda: not w.is_busy(), timeout=10_000)


def in_dialog(qtbot, trigger: Callable[[], Any], handler: Callable[[QDialog], Any], kind: type = QDialog) -> list:
    """Call ``trigger()`` (which opens a modal dialog) and run ``handler(dialog)`` inside it.

    Returns a list that holds the handler's result (so a test can check it ran).
    """
    done: list = []
    errors: list = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible() and not done:
            try:
                if not dialog.isActiveWindow():  # as a window manager would do
                    dialog.activateWindow()
                    try:
                        qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)
                    except qtbot.TimeoutError:
                        pass  # a busy offscreen run may not activate it; the handler works unfocused
                done.append(handler(dialog))
            except BaseException as exc:  # noqa: BLE001 - reported after the dialog closes
                errors.append(exc)
                if dialog.isVisible():
                    dialog.done(0)
            return
        if not done and not errors:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)
    owner = QApplication.activeWindow()
    trigger()
    if owner is not None and not owner.isActiveWindow():
        # The window system gives focus back to the window once its dialog closes; the
        # offscreen platform does not, so do what it would.
        owner.activateWindow()
        qtbot.waitUntil(owner.isActiveWindow, timeout=5000)
    if errors:
        raise errors[0]
    assert done, "the dialog never appeared"
    return done


def answer_message_box(button_text: str) -> None:
    """Click a button of the next message box (run before the action that shows it)."""

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            for b in box.buttons():
                if b.text() == button_text:
                    b.click()
                    return
            raise AssertionError(f"no button {button_text!r} in {[b.text() for b in box.buttons()]}")
        QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)


def child(widget: QWidget, name: str, kind: type = QWidget) -> Any:
    found = widget.findChild(kind, name)
    assert found is not None, f"no {kind.__name__} named {name!r}"
    return found


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Type like a clerk: ASCII as key presses, Chinese as an input method commits it.

    (QTest cannot synthesise key events for non-ASCII characters; a Chinese IME delivers
    them as ``QInputMethodEvent`` commit strings, which is what we send.)
    """
    from PySide6.QtGui import QInputMethodEvent

    def keyable(ch: str) -> bool:
        return ch.isascii() and ch.isprintable()

    chunks: list[str] = []
    for ch in text:
        if chunks and keyable(chunks[-1][-1]) == keyable(ch):
            chunks[-1] += ch
        else:
            chunks.append(ch)
    for chunk in chunks:
        if keyable(chunk[0]):
            qtbot.keyClicks(widget, chunk)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(chunk)
            QApplication.sendEvent(widget, event)


def type_into(qtbot, widget: QWidget, text: str, replace: bool = True) -> None:
    widget.setFocus()
    target = widget.lineEdit() if hasattr(widget, "lineEdit") and widget.lineEdit() else widget
    if replace:
        if isinstance(target, QLineEdit):
            target.selectAll()
        else:
            qtbot.keyClick(target, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(target, Qt.Key.Key_Delete)
    type_text(qtbot, target, text)


def click(qtbot, button: QPushButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def save(qtbot, dialog: QDialog) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    buttons = child(dialog, "buttons", QDialogButtonBox)
    click(qtbot, buttons.button(QDialogButtonBox.StandardButton.Save))


def turn_wheel(widget: QWidget, steps: int = -1) -> None:
    """Turn the wheel ``steps`` notches (negative: towards the clerk) over the middle of ``widget``,
    delivered as the window system delivers it: to the widget under the pointer."""
    local = QPointF(widget.rect().center())
    event = QWheelEvent(
        local, QPointF(widget.mapToGlobal(local.toPoint())), QPoint(0, 0), QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False,
    )
    QApplication.sendEvent(widget, event)


def double_click(qtbot, widget: QWidget, pos: QPoint) -> None:
    """A real double-click: press, release, then the second press Qt reports as a double click."""
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(widget, Qt.MouseButton.LeftButton, pos=pos)


def edit_cell(qtbot, table: QTableWidget, row: int, col: int, text: str) -> None:
    """Double-click a cell, type, press Enter (what a clerk does)."""
    item = table.item(row, col)
    rect = table.visualItemRect(item) if item is not None else table.visualRect(table.model().index(row, col))
    double_click(qtbot, table.viewport(), rect.center())
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit), editor
    editor.selectAll()
    type_text(qtbot, editor, text)
    press_enter(qtbot)


def press_enter(qtbot) -> None:
    """Enter in the focused cell editor; the view commits it on the next turn of the loop."""
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.wait(10)


def row_center(view, row: int, col: int = 0) -> QPoint:
    return view.visualRect(view.model().index(row, col)).center()


def answer_next_box(button: Any = None) -> None:
    """Press ``button`` (a ``QMessageBox.StandardButton``; Yes when not given) on the next
    message box, e.g. the question asked before deleting."""
    target = QMessageBox.StandardButton.Yes if button is None else button
    active = QApplication.activeWindow()  # may be None while an earlier dialog's window regains it

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            owner = box.parentWidget().window() if box.parentWidget() is not None else active
            for b in box.buttons():
                if box.standardButton(b) == target:
                    b.click()
                    if owner is not None:  # as the window system gives the activation back
                        owner.activateWindow()
                    return
        QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)


def press_shortcut(qtbot, widget: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier) -> None:
    """A key combination such as Ctrl+Z, pressed as a clerk does: into the active window.

    A window's shortcut fires only while its window is active. When a message box or form
    closes, the window system gives the activation back to the window, but later (the
    offscreen platform only when asked): a key sent before that reaches the widget as a plain
    key and the shortcut's action never runs. Wait for the window first, as the clerk does."""
    owner = widget.window()
    if not owner.isActiveWindow():
        owner.activateWindow()
        qtbot.waitUntil(owner.isActiveWindow, timeout=5000)
    qtbot.keyClick(widget, key, modifier)


def answer_with(text: str) -> Callable[[QMessageBox], None]:
    """An answer for ``questions``: the button of that text."""
    return lambda box: next(b for b in box.buttons() if b.text() == text).click()


@contextmanager
def questions(answer: Callable[[QMessageBox], None]) -> Iterator[list[QMessageBox]]:
    """Every question asked inside the block, answered with ``answer`` (also when none is
    expected: a wrong question then fails the test instead of hanging it)."""
    asked: list[tuple[str, str, str]] = []

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            try:
                default, escape = box.defaultButton(), box.escapeButton()
                asked.append((box.text() + "\n" + box.informativeText(), default and default.text(),
                              escape and escape.text()))
                answer(box)
            finally:
                if box.isVisible():  # never left open: the test fails instead of hanging
                    box.reject()

    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(20)
    try:
        yield asked
    finally:
        timer.stop()
