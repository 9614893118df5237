"""总览: the year's key figures beside last year's, two charts and the 跟踪卡 list.

Every number shown comes from ``annual_figures`` (computed off the UI thread, since a year of a
large database takes a moment) and the list from ``core.tracking.open_items``.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio_desk.core.completeness import count_incomplete
from studio_desk.core.figures import AnnualFigures, KeyFigure, Rate, annual_figures
from studio_desk.core.store import Store
from studio_desk.core.tracking import TrackingItem, open_items
from studio_desk.ui.charts import BarChart
from studio_desk.ui.look import FigureCard, page_header
from studio_desk.ui.tasks import BackgroundReader, run_quietly, show_error

MONTHS = [f"{m}月" for m in range(1, 13)]
# The figures shown as cards above the table (the first of each ledger).
HEADLINE_KEYS = (
    "activities_total", "public_participants", "receptions_total", "close_rate", "donation_events", "outputs_total"
)
CARD_WIDTH = 170  # a card's least width: the cards wrap onto more rows below that
NARROW = 1000  # below this page width the table, charts and 跟踪卡 stack instead of standing side by side
NARROW_PANES_HEIGHT = 1100  # stacked panes, scrolled through
MAX_TRACKING_ROWS = 300  # the most urgent ones; a list longer than a screenful is not read


def change_text(figure: KeyFigure) -> str:
    cur, prev = figure.current, figure.previous
    if isinstance(cur, Rate) or isinstance(prev, Rate):
        return ""
    diff = cur - prev
    if diff == 0:
        return "持平"
    sign = "+" if diff > 0 else "−"
    return f"{sign}{figure.text(abs(diff))}"


class DashboardPage(QWidget, BackgroundReader):
    open_record = Signal(str, str)  # record kind, id
    open_incomplete = Signal(int)  # the year whose 待补全 records to list

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.setObjectName("page_dashboard")
        self.figures: AnnualFigures | None = None
        self.items: list[TrackingItem] = []
        self.incomplete_count = 0
        self._runner = None
        self._pending = False
        self._shut = False
        self._stale = True

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addLayout(self._title_bar())
        for notice in self._notices():
            layout.addWidget(notice)
        layout.addWidget(self._body(), 1)
        self._fill_years()
        self.year_combo.currentIndexChanged.connect(lambda _i: self.refresh())

    def _title_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        header, self.title = page_header("工作总览", "dashboard")
        self.title.setObjectName("dashboard_title")
        bar.addWidget(header, 1)
        bar.addWidget(QLabel("年度"))
        self.year_combo = QComboBox()
        self.year_combo.setObjectName("year")
        bar.addWidget(self.year_combo)
        self.status = QLabel()
        self.status.setObjectName("dashboard_status")
        bar.addWidget(self.status)
        return bar

    def _notices(self) -> list[QWidget]:
        """The lines above the figures, each shown only when it has something to say."""
        self.next_day = QLabel()  # the next 委员接待日 and who is on duty (core.rota)
        self.next_day.setObjectName("next_reception_day")
        self.next_day.setWordWrap(True)  # a long place must not widen the window past a small screen
        self.welcome = QLabel(
            "还没有任何记录。建议先在“文件 → 工作室信息”中填写工作室名称、所属政协等（台账和总结里要用），"
            "再到“委员”页点“添加委员”录入工作室的委员（接待、活动都要选委员），"
            "然后到“活动”“接待走访”“捐赠慰问”“提案建议”页按 Ctrl+N 新建记录；"
            "已有 Excel 台账的，可在“数据交换 → 从Excel导入台账”一次导入；想先看看效果，请用“帮助 → 打开演示数据库”。"
        )
        self.welcome.setObjectName("welcome")
        self.welcome.setWordWrap(True)
        self.welcome.setProperty("banner", True)
        self.welcome.hide()
        # What was reported for the year and what changed since (封账): one line, when reported.
        self.report_line = QLabel()
        self.report_line.setObjectName("report_line")
        self.report_line.setWordWrap(True)
        self.report_line.hide()
        # 待补全: records an old ledger brought in with something missing; one click lists them.
        self.incomplete_row = QWidget()
        self.incomplete_row.setObjectName("incomplete_row")
        row = QHBoxLayout(self.incomplete_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.incomplete_label = QLabel()
        self.incomplete_label.setObjectName("incomplete_count")
        self.incomplete_label.setWordWrap(True)
        self.incomplete_button = QPushButton("查看待补全记录")
        self.incomplete_button.setObjectName("show_incomplete")
        self.incomplete_button.clicked.connect(lambda: self.open_incomplete.emit(self.year()))
        row.addWidget(self.incomplete_label, 1)
        row.addWidget(self.incomplete_button)
        self.incomplete_row.hide()
        return [self.next_day, self.welcome, self.report_line, self.incomplete_row]

    def _body(self) -> QScrollArea:
        """The cards above three panes: the figures table, the charts and the 跟踪卡."""
        self.cards_box = QWidget()
        self.cards_box.setObjectName("figure_cards")
        self.cards_grid = QGridLayout(self.cards_box)
        self.cards_grid.setContentsMargins(0, 0, 0, 0)
        self.cards_grid.setSpacing(8)
        self.cards = [FigureCard() for _ in HEADLINE_KEYS]
        self._card_columns = 0
        # Cards and panes scroll together: on a small or scaled screen the page never asks the
        # window for more height than the screen has.
        self.body = QScrollArea()
        self.body.setObjectName("dashboard_body")
        self.body.setWidgetResizable(True)
        self.body.setFrameShape(QFrame.Shape.NoFrame)
        self.body.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget()
        body_layout = QVBoxLayout(inner)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.setSpacing(10)
        body_layout.addWidget(self.cards_box)
        self.body.setWidget(inner)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("dashboard_splitter")
        body_layout.addWidget(self.splitter, 1)
        self.splitter.addWidget(self._figures_table())
        self.splitter.addWidget(self._charts())
        self.splitter.addWidget(self._tracking_pane())
        self.splitter.setSizes([400, 430, 470])
        return self.body

    def _figures_table(self) -> QTableWidget:
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("key_figures")
        self.table.setHorizontalHeaderLabels(["项目", "本年", "上年", "增减"])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        # The item names take what is left (no grey strip beside the table); the figures
        # always show whole ("持平", not "持").
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setStretchLastSection(False)
        for c in (1, 2, 3):
            self.table.horizontalHeader().setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        return self.table

    def _charts(self) -> QWidget:
        charts = QWidget()
        charts_layout = QVBoxLayout(charts)
        charts_layout.setContentsMargins(0, 0, 0, 0)
        self.month_chart = BarChart("每月开展活动与提交提案建议")
        self.month_chart.setObjectName("month_chart")
        self.type_chart = BarChart("活动类型", orientation="h")
        self.type_chart.setObjectName("type_chart")
        charts_layout.addWidget(self.month_chart, 1)
        charts_layout.addWidget(self.type_chart, 1)
        return charts

    def _tracking_pane(self) -> QWidget:
        tracking = QWidget()
        tracking_layout = QVBoxLayout(tracking)
        tracking_layout.setContentsMargins(0, 0, 0, 0)
        self.tracking_title = QLabel("跟踪卡")
        self.tracking_title.setObjectName("tracking_title")
        tracking_layout.addWidget(self.tracking_title)
        self.tracking = QTableWidget(0, 4)
        self.tracking.setObjectName("tracking")
        self.tracking.setHorizontalHeaderLabels(["时限", "类别", "事项", "状态"])
        self.tracking.verticalHeader().setVisible(False)
        self.tracking.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tracking.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tracking.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tracking.setWordWrap(False)
        # 时限, 类别 and 状态 as wide as their headers or texts, whichever is wider; 事项 takes the rest.
        for c in (0, 1, 3):
            self.tracking.horizontalHeader().setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.tracking.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.tracking.setToolTip("双击或回车打开这条记录")
        self.tracking.itemActivated.connect(self._activate)
        tracking_layout.addWidget(self.tracking, 1)
        return tracking

    def _fill_years(self) -> None:
        current = self.year_combo.currentData() or date.today().year
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for y in self.store.years():
            self.year_combo.addItem(f"{y}年", y)
        self.year_combo.setCurrentIndex(max(self.year_combo.findData(current), 0))
        self.year_combo.blockSignals(False)

    def year(self) -> int:
        return int(self.year_combo.currentData() or date.today().year)

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Compute the figures again in the background (when the page is hidden: once shown)."""
        if self._shut:
            return
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        if self._runner is not None:
            self._pending = True  # a refresh while computing: compute again when it ends
            return
        self._fill_years()
        year = self.year()
        self.status.setText("正在计算……")
        store = self.reader()

        def compute() -> tuple[AnnualFigures, list[TrackingItem], int]:
            return annual_figures(store, year), open_items(store), count_incomplete(store, year)["合计"]

        self._runner = run_quietly(self, compute, self._show, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self._runner = None
        if self._shut:
            return
        self.status.setText("计算失败")
        show_error(self, "总览", exc)

    def _show(self, result: tuple[AnnualFigures, list[TrackingItem], int]) -> None:
        self._runner = None
        if self._shut:
            return
        if self._pending:
            self._pending = False
            self.refresh()
            return
        figures, items, incomplete = result
        self.figures, self.items = figures, items
        self.incomplete_count = incomplete
        self.incomplete_label.setText(
            f"{figures.year}年有 {incomplete:,} 条记录待补全（从旧台账导入时缺少内容，打开后按红字补填即可）。"
        )
        self.incomplete_row.setVisible(incomplete > 0)
        self.status.setText("")
        self.title.setText(f"{self.store.studio().name}　{figures.year}年工作总览")
        from studio_desk.core.rota import next_day_line

        self.next_day.setText(next_day_line(self.store, date.today()))
        from studio_desk.core.models import LEDGER_TYPES

        self.welcome.setVisible(not any(self.store.count(cls) for cls in LEDGER_TYPES))
        self._show_figures(figures)
        self._show_report(figures.year)
        c = figures.current
        self.month_chart.set_data(MONTHS, [("活动", c.activities_by_month), ("提案建议", c.outputs_by_month)])
        types = list(c.activities_by_type)
        self.type_chart.title = f"{figures.year}年活动类型（次）"
        self.type_chart.set_data(types, [("活动", [c.activities_by_type[t] for t in types])])
        self._show_tracking(items)

    def _show_report(self, year: int) -> None:
        from studio_desk.core.reporting import changes_since_report

        changes = changes_since_report(self.store, year)
        self.report_line.setVisible(changes.report is not None)
        self.report_line.setText(changes.line)
        self.report_line.setToolTip(
            "\n".join(f"{c.updated_at[:10]} {c.change}{c.title}：{c.name}" for c in changes.changes[:30])
        )

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        self._reflow()

    def _reflow(self) -> None:
        """Cards wrap onto more rows, and the panes stack, when the page is narrow."""
        width = max(self.width(), 1)
        columns = max(2, min(len(self.cards), width // CARD_WIDTH))
        if columns != self._card_columns:
            self._card_columns = columns
            for card in self.cards:
                self.cards_grid.removeWidget(card)
            for i, card in enumerate(self.cards):
                self.cards_grid.addWidget(card, i // columns, i % columns)
        narrow = width < NARROW
        wanted = Qt.Orientation.Vertical if narrow else Qt.Orientation.Horizontal
        if self.splitter.orientation() != wanted:
            self.splitter.setOrientation(wanted)
            self.splitter.setMinimumHeight(NARROW_PANES_HEIGHT if narrow else 0)

    def _show_cards(self, figures: AnnualFigures) -> None:
        by_key = {f.key: f for _section, figs in figures.key_figures() for f in figs}
        for card, key in zip(self.cards, HEADLINE_KEYS):
            figure = by_key.get(key)
            if figure is None:
                card.hide()
                continue
            unit = figure.unit if figure.kind != "rate" else ""
            change = change_text(figure)
            tone = "same"
            if not isinstance(figure.current, Rate) and not isinstance(figure.previous, Rate):
                tone = "up" if figure.current > figure.previous else "down" if figure.current < figure.previous else "same"
            card.set_figure(
                figure.label,
                f"{figure.text(figure.current)} {unit}".strip(),
                f"比上年 {change}" if change and change != "持平" else ("与上年持平" if change else ""),
                f"{figure.text(figure.previous)} {unit}".strip(),
                tone,
            )
            card.setObjectName(f"card_{key}")
            card.show()

    def _show_figures(self, figures: AnnualFigures) -> None:
        self._show_cards(figures)
        self.table.setHorizontalHeaderLabels(["项目", f"{figures.year}年", f"{figures.year - 1}年", "增减"])
        rows: list[tuple[str, KeyFigure | None]] = []
        for section, figs in figures.key_figures():
            rows.append((section, None))
            rows += [(f.label, f) for f in figs]
        self.table.setRowCount(len(rows))
        bold = QFont(self.table.font())
        bold.setBold(True)
        section_bg = QBrush(QColor("#eef2f7"))
        for r, (label, figure) in enumerate(rows):
            if figure is None:
                for c in range(4):
                    cell = QTableWidgetItem(label if c == 0 else "")
                    cell.setFont(bold)
                    cell.setBackground(section_bg)
                    self.table.setItem(r, c, cell)
                continue
            unit = figure.unit if figure.kind != "rate" else ""
            name = QTableWidgetItem(f"　{label}")
            name.setData(Qt.ItemDataRole.UserRole, figure.key)
            self.table.setItem(r, 0, name)
            for c, text in ((1, figure.text(figure.current)), (2, figure.text(figure.previous)), (3, change_text(figure))):
                cell = QTableWidgetItem(f"{text} {unit}" if unit and text not in ("", "持平") else text)
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, cell)
        self._fit_table_width()

    def _fit_table_width(self) -> None:
        """The table is never narrower than its figures (the 增减 column shows whole)."""
        header = self.table.horizontalHeader()
        names = max(self.table.sizeHintForColumn(0), header.sectionSizeHint(0))
        needed = names + sum(header.sectionSize(c) for c in range(1, 4))
        needed += self.table.verticalScrollBar().sizeHint().width() + 2 * self.table.frameWidth() + 4
        self.table.setMinimumWidth(needed)

    def figure_row(self, key: str) -> dict[str, str]:
        """What the table shows for one figure (``本年``, ``上年``): used by the tests."""
        for r in range(self.table.rowCount()):
            item = self.table.item(r, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == key:
                return {"本年": self.table.item(r, 1).text(), "上年": self.table.item(r, 2).text()}
        raise KeyError(key)

    def _show_tracking(self, items: list[TrackingItem]) -> None:
        overdue = sum(1 for i in items if i.overdue)
        calls = sum(1 for i in items if i.label == "回访")
        waiting = len(items) - calls
        text = "跟踪卡：没有待跟踪的事项"
        if items:
            text = f"跟踪卡：未办结诉求和未答复的提案建议 {waiting} 件" + (f"，其中逾期 {overdue} 件" if overdue else "")
            if calls:
                text += f"；办结后待回访 {calls} 人"
        self.tracking_title.setText(text)
        shown = items[:MAX_TRACKING_ROWS]
        if len(items) > len(shown):
            self.tracking_title.setText(
                self.tracking_title.text() + f"（显示最紧急的 {len(shown)} 件）"
            )
        self.tracking.setRowCount(len(shown))
        red = QBrush(QColor("#b3261e"))
        for r, item in enumerate(shown):
            cells = [item.due_text(), item.label, item.title, item.status]
            for c, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, f"{item.kind}:{item.record_id}")
                if c == 2:
                    started = item.started.isoformat() if item.started else "未填日期"
                    deadline = item.deadline.isoformat() if item.deadline else "未定"
                    cell.setToolTip(f"{text}\n开始：{started}　时限：{deadline}")
                if item.overdue and c == 0:
                    cell.setForeground(red)
                self.tracking.setItem(r, c, cell)

    def _activate(self, cell: QTableWidgetItem) -> None:
        kind, record_id = str(cell.data(Qt.ItemDataRole.UserRole)).split(":", 1)
        self.open_record.emit(kind, record_id)
