"""Small bar charts drawn with QPainter (no extra Qt module needed in the installer)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QHelpEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

PALETTE = ("#2f6db5", "#d9822b", "#3a9a5b", "#a23b72", "#6b6b6b")


class BarChart(QWidget):
    """Grouped vertical bars (``orientation="v"``) or one series of horizontal bars (``"h"``)."""

    def __init__(self, title: str = "", orientation: str = "v", parent: QWidget | None = None):
        super().__init__(parent)
        self.title = title
        self.orientation = orientation
        self.labels: list[str] = []
        self.series: list[tuple[str, list[int]]] = []
        self.value_labels: list[QRectF] = []  # where the last painting wrote each bar's value
        self._groups: tuple[float, float] = (0.0, 0.0)  # the last painting's first group's left, group width
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(180)

    def sizeHint(self) -> QSize:
        return QSize(480, 240)

    def set_data(self, labels: list[str], series: list[tuple[str, list[int]]]) -> None:
        self.labels = list(labels)
        self.series = [(name, list(values)) for name, values in series]
        self.setAccessibleDescription(
            "；".join(
                f"{name}：" + "，".join(f"{l} {v}" for l, v in zip(self.labels, values))
                for name, values in self.series
            )
        )
        self.update()

    def total(self) -> int:
        return sum(sum(values) for _, values in self.series)

    def month_text(self, x: float) -> str:
        """Every series' value of the group under ``x`` (the tooltip: a value too wide to be
        written above its bar is read here)."""
        left, width = self._groups
        g = int((x - left) // width) if width else -1
        if self.orientation != "v" or not 0 <= g < len(self.labels):
            return ""
        return f"{self.labels[g]}：" + "，".join(f"{name} {values[g]}" for name, values in self.series)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.month_text(event.pos().x())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = QFontMetrics(self.font())
        line = fm.height()
        rect = QRectF(self.rect()).adjusted(8, 4, -8, -4)
        p.setPen(self.palette().windowText().color())
        bold = self.font()
        bold.setBold(True)
        p.setFont(bold)
        p.drawText(rect.adjusted(0, 0, 0, -rect.height() + line + 2), Qt.AlignmentFlag.AlignLeft, self.title)
        p.setFont(self.font())
        # legend
        x = rect.left() + QFontMetrics(bold).horizontalAdvance(self.title) + 16
        if len(self.series) > 1:
            for i, (name, _values) in enumerate(self.series):
                p.fillRect(QRectF(x, rect.top() + line / 2 - 5, 10, 10), QColor(PALETTE[i % len(PALETTE)]))
                p.drawText(QRectF(x + 14, rect.top(), 200, line), Qt.AlignmentFlag.AlignLeft, name)
                x += 14 + fm.horizontalAdvance(name) + 16
        body = rect.adjusted(0, line + 8, 0, 0)
        if not self.labels or self.total() == 0:
            p.setPen(QColor("#888888"))
            p.drawText(body, Qt.AlignmentFlag.AlignCenter, "本年度暂无数据")
            return
        if self.orientation == "h":
            self._paint_horizontal(p, body, fm)
        else:
            self._paint_vertical(p, body, fm)

    def _paint_vertical(self, p: QPainter, body: QRectF, fm: QFontMetrics) -> None:
        line = fm.height()
        top = max(max(v) for _, v in self.series) or 1
        plot = body.adjusted(0, line, 0, -line - 4)
        groups = len(self.labels)
        group_w = plot.width() / groups
        self._groups = (plot.left(), group_w)
        n = len(self.series)
        bar_w = max(2.0, min(22.0, group_w * 0.8 / n))
        # Labels that do not fit side by side are thinned out (every 2nd, 3rd… month).
        widest = max(fm.horizontalAdvance(label) for label in self.labels) + 6
        step = max(1, -(-int(widest) // max(int(group_w), 1)))
        axis = QColor("#999999")
        p.setPen(axis)
        p.drawLine(plot.bottomLeft(), plot.bottomRight())
        bars = []
        for g, label in enumerate(self.labels):
            gx = plot.left() + g * group_w + (group_w - bar_w * n) / 2
            for s, (_name, values) in enumerate(self.series):
                h = plot.height() * values[g] / top
                bars.append((QRectF(gx + s * bar_w, plot.bottom() - h, bar_w - 1, h), values[g]))
                p.fillRect(bars[-1][0], QColor(PALETTE[s % len(PALETTE)]))
            if g % step == 0:
                p.setPen(self.palette().windowText().color())
                p.drawText(QRectF(plot.left() + g * group_w - group_w, plot.bottom() + 2, group_w * 3, line),
                           Qt.AlignmentFlag.AlignHCenter, label)
        self._paint_values(p, fm, bars)

    def _paint_values(self, p: QPainter, fm: QFontMetrics, bars: list[tuple[QRectF, int]]) -> None:
        """Each bar's value above it, unless it would cover another bar or a value already written
        (hundreds a month in narrow bars): that value is left to the tooltip."""
        self.value_labels = []
        p.setPen(self.palette().windowText().color())
        drawn = [bar for bar, _ in bars if bar.height() > 0]
        for bar, value in bars:
            if not value:
                continue
            text = str(value)
            width = fm.horizontalAdvance(text)
            place = QRectF(bar.center().x() - width / 2, bar.top() - fm.height(), width, fm.height())
            ink = place.adjusted(1, 0, -1, 0)  # the digits themselves, without their side bearings
            if any(ink.intersects(other) for other in drawn if other is not bar) or any(
                ink.intersects(done) for done in self.value_labels
            ):
                continue
            self.value_labels.append(place)
            p.drawText(place, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, text)

    def _paint_horizontal(self, p: QPainter, body: QRectF, fm: QFontMetrics) -> None:
        _name, values = self.series[0]
        rows = [(l, v) for l, v in zip(self.labels, values) if v]
        label_w = max(fm.horizontalAdvance(l) for l, _ in rows) + 8
        value_w = fm.horizontalAdvance("0000") + 8
        top = max(v for _, v in rows) or 1
        row_h = min(body.height() / len(rows), fm.height() + 10)
        for i, (label, value) in enumerate(rows):
            y = body.top() + i * row_h
            p.setPen(self.palette().windowText().color())
            p.drawText(QRectF(body.left(), y, label_w - 6, row_h), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
            w = (body.width() - label_w - value_w) * value / top
            p.fillRect(QRectF(body.left() + label_w, y + 3, w, row_h - 6), QColor(PALETTE[0]))
            p.drawText(
                QRectF(body.left() + label_w + w + 4, y, value_w, row_h),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                str(value),
            )
