"""The mouse wheel over a form scrolls the form, never a value the pointer happens to pass.

A combo box, spin box or slider takes the wheel only once the clerk has clicked or tabbed into
it (it has the keyboard focus); otherwise the wheel goes on to the form's scroll area, as if the
box were not there. The wheel alone never gives such a box the focus.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractSlider, QAbstractSpinBox, QApplication, QComboBox, QScrollBar, QWidget

VALUE_WIDGETS = (QComboBox, QAbstractSpinBox, QAbstractSlider)


class WheelGuard(QObject):
    """Event filter: a wheel turned over an unfocused value widget goes to its parent widgets."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, QWidget) or _focused(watched):
            return False
        assert isinstance(event, QWheelEvent)
        event.setAccepted(_pass_on(watched, event))
        return True  # the box itself never sees it


def _pass_on(widget: QWidget, event: QWheelEvent) -> bool:
    """Offer the wheel to the parents of ``widget`` in turn, up to its window, as Qt offers an event
    a widget ignored (done here, so it works the same for every event, sent by the window system
    or not); whether one of them took it."""
    pos = event.position()
    w = widget
    while not w.isWindow() and w.parentWidget() is not None:
        pos = w.mapToParent(pos)
        w = w.parentWidget()
        passed = QWheelEvent(
            pos, event.globalPosition(), event.pixelDelta(), event.angleDelta(), event.buttons(),
            event.modifiers(), event.phase(), event.inverted(), event.source(),
        )
        passed.ignore()
        QApplication.sendEvent(w, passed)
        if passed.isAccepted():
            return True
    return False


def _focused(w: QWidget) -> bool:
    """Whether ``w`` or a part of it (the line edit of a combo box one types into) has the focus."""
    focus = QApplication.focusWidget()
    return focus is not None and (focus is w or w.isAncestorOf(focus))


def guard_wheel(root: QWidget) -> WheelGuard:
    """Guard every value widget inside ``root`` (a dialog, once its widgets are made)."""
    guard = root.findChild(WheelGuard, "wheel_guard")
    if guard is None:
        guard = WheelGuard(root)
        guard.setObjectName("wheel_guard")
    for w in root.findChildren(QWidget):
        if isinstance(w, VALUE_WIDGETS) and not isinstance(w, QScrollBar):
            if w.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                w.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            w.removeEventFilter(guard)
            w.installEventFilter(guard)
    return guard
