"""The house look: icons, page headers, key-figure cards and window sizes that fit the screen.

The clerk's laptop is often 1366×768 at 125 % or 150 % scaling, which leaves Qt a logical
screen of about 1093×614 or 911×512: no window may ask for more than the screen it opens on.
"""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QIcon, QImageReader, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

# The Windows UI font for Chinese first; on other systems the first CJK sans font that is there.
UI_FONTS = ("Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC",
            "WenQuanYi Micro Hei")
UI_POINT_SIZE = 10  # YaHei a little above Windows' 9 pt, as the clerks' Office uses it; others keep theirs
SCREEN_MARGIN = 40  # room left for the taskbar and the window frame
SMALLEST_SCREEN = QSize(1366, 768)


def _render(svg: str, size: int) -> QPixmap:
    data = QByteArray(svg.encode("utf-8"))
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, QByteArray(b"svg"))
    reader.setScaledSize(QSize(size, size))
    image = reader.read()
    buffer.close()
    return QPixmap.fromImage(image)


@cache
def icon(name: str) -> QIcon:
    """An icon from ``resources/icons`` drawn at the sizes of 100–200 % scaling; empty when missing.

    Its selected form is drawn white, so that it stays visible on the blue of a selected
    navigation entry."""
    from studio_desk.paths import asset_path

    try:
        text = asset_path("resources", "icons", f"{name}.svg").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return QIcon()
    white = re.sub(r'stroke="#[0-9a-fA-F]{6}"', 'stroke="#ffffff"', text)
    result = QIcon()
    for size in (16, 24, 32, 48):
        for svg, mode in ((text, QIcon.Mode.Normal), (white, QIcon.Mode.Selected)):
            pixmap = _render(svg, size)
            if not pixmap.isNull():
                result.addPixmap(pixmap, mode)
    return result


def ui_font(families: list[str] | None = None) -> QFont | None:
    """The house UI font when one of :data:`UI_FONTS` is installed; None keeps the platform's."""
    present = set(QFontDatabase.families() if families is None else families)
    name = next((f for f in UI_FONTS if f in present), None)
    if name is None:
        return None
    font = QFont(QGuiApplication.font())
    font.setFamily(name)
    if name.startswith("Microsoft YaHei"):
        font.setPointSize(UI_POINT_SIZE)
    return font


def available_size(widget: QWidget | None = None) -> QSize:
    """The usable size of the screen ``widget`` is on (the primary screen otherwise)."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    if screen is None:
        return SMALLEST_SCREEN
    return screen.availableGeometry().size()


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to ``width``×``height``, or less when the screen is smaller (never off its edge)."""
    room = available_size(widget)
    w = max(min(width, room.width() - SCREEN_MARGIN), 200)
    h = max(min(height, room.height() - SCREEN_MARGIN), 150)
    widget.resize(w, h)


def page_header(title: str, icon_name: str, note: str = "") -> tuple[QWidget, QLabel]:
    """A page's heading row: its icon, its title in large type and a grey note under it.

    Returns the header and its title label (pages that show a year change the title)."""
    header = QWidget()
    header.setObjectName("page_header")
    row = QHBoxLayout(header)
    row.setContentsMargins(0, 0, 0, 4)
    row.setSpacing(10)
    picture = QLabel()
    picture.setPixmap(icon(icon_name).pixmap(QSize(28, 28), header.devicePixelRatioF()))
    row.addWidget(picture, 0, Qt.AlignmentFlag.AlignTop)
    texts = QVBoxLayout()
    texts.setSpacing(0)
    heading = QLabel(title)
    heading.setObjectName("page_title")
    font = heading.font()
    font.setPointSizeF(font.pointSizeF() * 1.45)
    font.setBold(True)
    heading.setFont(font)
    heading.setWordWrap(True)
    texts.addWidget(heading)
    if note:
        hint = QLabel(note)
        hint.setObjectName("page_note")
        hint.setProperty("hint", True)
        hint.setWordWrap(True)
        texts.addWidget(hint)
    row.addLayout(texts, 1)
    return header, heading


class FigureCard(QFrame):
    """One key figure: its name, this year's value large, and the change against last year."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("figure_card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        self.label = QLabel()
        self.label.setProperty("hint", True)
        self.value = QLabel()
        self.value.setObjectName("figure_value")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.7)
        font.setBold(True)
        self.value.setFont(font)
        self.change = QLabel()
        self.change.setObjectName("figure_change")
        for label in (self.label, self.value, self.change):
            layout.addWidget(label)

    def set_figure(self, label: str, value: str, change: str, previous: str, tone: str) -> None:
        """``tone`` is "up", "down" or "same": the colour of the change line."""
        self.label.setText(label)
        self.value.setText(value)
        self.change.setText(f"{change}　上年 {previous}" if change else f"上年 {previous}")
        self.change.setProperty("tone", tone)
        self.change.style().unpolish(self.change)
        self.change.style().polish(self.change)
