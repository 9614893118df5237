"""县政协汇总: the county's window — 工作室 (the studios added), 汇总 (every studio's key figures side
by side, sortable, with the county's totals and last year's), 报表 (the county workbook and write-up).

Adding packages and writing the outputs run off the UI thread (``ui.tasks.run_task``); every
figure shown comes from ``County.figures`` (computed by the core, never here).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio_desk.core.county import County
from studio_desk.core.county_intake import quote
from studio_desk.core.county_figures import (
    CountyFigures,
    column_header,
    criterion_label,
    figure_value,
    last_year_words,
    star_text,
)
from studio_desk.core.figures import KeyFigure, Rate
from studio_desk.ui.look import fit_to_screen, icon, page_header
from studio_desk.ui.tasks import run_task, show_error
from studio_desk.ui.widgets import paper_choice
from studio_desk.ui.wheel_guard import guard_wheel

PAGES = ("工作室", "汇总", "报表")
PAGE_ICONS = ("studio", "dashboard", "reports")
PAGE_NOTES = (
    "各工作室报送的材料包（群众个人信息已隐去）；同一工作室再报送时，新材料替换旧的。",
    "各工作室的主要数字并列，下方为全县合计与上年；点列标题排序。",
    "选年度，写出全县的汇总表和综述，报送或印发。",
)
STUDIO_HEADERS = ("工作室", "所属政协", "年份", "数据截至", "来自材料包")


class _Number(QTableWidgetItem):
    """A cell that sorts by its number, not its text (``1,234`` after ``987``; rates as ratios)."""

    def __init__(self, text: str, key: float):
        super().__init__(text)
        self.key = key
        self.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def __lt__(self, other: QTableWidgetItem) -> bool:
        if isinstance(other, _Number):
            return self.key < other.key
        return super().__lt__(other)


def _number_item(figure: KeyFigure, value: int | Rate) -> _Number:
    if isinstance(value, Rate):
        ratio = value.value
        return _Number(value.percent_text(), float(ratio) if ratio is not None else -1.0)
    return _Number(figure.text(value), float(value))


def _table(headers: list[str] | tuple[str, ...], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table


class CountyWindow(QMainWindow):
    def __init__(self, county: County, parent: QWidget | None = None):
        super().__init__(parent)
        self.county = county
        self.task: Any = None
        self.setWindowTitle(f"县政协汇总 — {county.path.name}")
        fit_to_screen(self, 1280, 720)
        self.nav = QListWidget()
        self.nav.setObjectName("countyNav")
        self.nav.setIconSize(QSize(22, 22))
        for name, icon_name in zip(PAGES, PAGE_ICONS):
            self.nav.addItem(QListWidgetItem(icon(icon_name), name))
        self.nav.setFixedWidth(120)
        self.stack = QStackedWidget()
        for page, name, icon_name, note in zip(
            (self._studios_page(), self._figures_page(), self._report_page()), PAGES, PAGE_ICONS, PAGE_NOTES
        ):
            header, _title = page_header(name if name != "汇总" else "全县汇总", icon_name, note)
            page.layout().insertWidget(0, header)
            self.stack.addWidget(page)
        self.nav.currentRowChanged.connect(self._show_page)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(12, 10, 12, 8)
        body_layout.addWidget(self.stack)
        row.addWidget(body, 1)
        self.setCentralWidget(central)
        guard_wheel(self)
        self.refresh()
        self.nav.setCurrentRow(0)
        if county.stale_studios():
            self.refresh_stale()

    def _studios_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.studio_count = QLabel()
        layout.addWidget(self.studio_count)
        self.studio_table = _table(STUDIO_HEADERS, "studioTable")
        self.studio_table.setSortingEnabled(True)
        self.studio_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.studio_table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.studio_table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(icon("import"), "添加材料包…")
        self.add_button.setObjectName("addPackages")
        self.add_button.clicked.connect(self._choose_packages)
        self.remove_button = QPushButton(icon("delete"), "从汇总中删除所选工作室")
        self.remove_button.setObjectName("removeStudio")
        self.remove_button.clicked.connect(self._remove_selected)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.add_status = QLabel()
        self.add_status.setObjectName("addStatus")
        self.add_status.setWordWrap(True)
        self.add_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.add_status)
        return page

    def _year_combo(self, name: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        return combo

    def _figures_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(QLabel("年度："))
        self.figures_year = self._year_combo("figuresYear")
        self.figures_year.currentIndexChanged.connect(self._fill_figures)
        top.addWidget(self.figures_year)
        self.rating_button = QPushButton("星级评定标准…")
        self.rating_button.setObjectName("ratingCriteria")
        self.rating_button.clicked.connect(self._edit_criteria)
        top.addWidget(self.rating_button)
        self.criteria_label = QLabel()
        self.criteria_label.setWordWrap(True)
        top.addWidget(self.criteria_label, 1)
        layout.addLayout(top)
        self.figures_table = _table([], "figuresTable")
        self.figures_table.setSortingEnabled(True)
        layout.addWidget(self.figures_table, 1)
        layout.addWidget(QLabel("全县合计（各工作室数字之和）与上年："))
        self.totals_table = _table([], "totalsTable")
        self.totals_table.setMaximumHeight(110)
        layout.addWidget(self.totals_table)
        # The totals stand under the studios' columns: scrolled together, sized alike.
        self.figures_table.horizontalScrollBar().valueChanged.connect(
            self.totals_table.horizontalScrollBar().setValue
        )
        self.figures_table.horizontalHeader().sectionResized.connect(
            lambda index, _old, new: self.totals_table.setColumnWidth(index, new)
        )
        return page

    def _report_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel("年度："))
        self.report_year = self._year_combo("reportYear")
        row.addWidget(self.report_year)
        row.addWidget(QLabel("县政协名称："))
        self.county_name = QLineEdit()
        self.county_name.setObjectName("countyName")
        row.addWidget(self.county_name, 1)
        layout.addLayout(row)
        layout.addWidget(
            QLabel(
                "Excel 汇总表：统计汇总（各工作室并列、全县合计与上年）和各台账（带“工作室”列，群众个人信息已隐去）。\n"
                "履职工作综述：全县合计、各工作室亮点和星级评定，PDF 便于印发，Word 便于修改。"
            )
        )
        row, self.paper_box = paper_choice("Excel 汇总表打印纸张：")
        layout.addLayout(row)
        buttons = QHBoxLayout()
        self.report_buttons: dict[str, QPushButton] = {}
        for kind, text in (("xlsx", "写出 Excel 汇总表…"), ("pdf", "写出 PDF 综述…"), ("docx", "写出 Word 综述…")):
            button = QPushButton(icon("export"), text)
            button.setObjectName(f"write_{kind}")
            button.clicked.connect(lambda _=False, k=kind: self._choose_output(k))
            buttons.addWidget(button)
            self.report_buttons[kind] = button
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.report_status = QLabel()
        self.report_status.setObjectName("reportStatus")
        self.report_status.setWordWrap(True)
        layout.addWidget(self.report_status)
        layout.addStretch(1)
        return page

    def _show_page(self, index: int) -> None:
        self.stack.setCurrentIndex(max(index, 0))

    def is_busy(self) -> bool:
        return self.task is not None and not self.task.finished_flag

    def refresh(self) -> None:
        studios = self.county.studios()
        self.studio_count.setText(f"已汇总 {len(studios)} 个工作室。" if studios else "还没有工作室。点“添加材料包…”加入工作室报送的材料。")
        table = self.studio_table
        table.setSortingEnabled(False)
        table.setRowCount(len(studios))
        for row, s in enumerate(studios):
            values = (s.name, s.county, "、".join(str(y) for y in s.years), s.data_as_of[:10], s.source_name)
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, s.key)
                table.setItem(row, col, item)
        table.setSortingEnabled(True)
        table.resizeColumnsToContents()
        years = self.county.years() or [date.today().year]
        for combo in (self.figures_year, self.report_year):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for year in years:
                combo.addItem(f"{year}年", year)
            index = combo.findData(chosen) if chosen is not None else 0
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)
        if not self.county_name.text().strip():
            self.county_name.setText(self.county.county_name())
        self._fill_figures()

    def current_figures(self) -> CountyFigures | None:
        year = self.figures_year.currentData()
        if year is None or self.county.stale_studios():
            return None  # nothing yet, or figures being computed again (refresh_stale)
        try:
            return self.county.figures(int(year))
        except Exception as exc:  # noqa: BLE001 - said to the clerk, never a traceback
            show_error(self, "汇总", exc)
            return None

    def _fill_figures(self) -> None:
        figures = self.current_figures()
        table, totals = self.figures_table, self.totals_table
        table.setSortingEnabled(False)
        if figures is None:
            table.setRowCount(0)
            totals.setRowCount(0)
            return
        columns = [kf for _, kf in figures.columns()]
        headers = ["工作室", "星级"] + [column_header(kf) for kf in columns]
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(figures.studios))
        out_of = len(figures.criteria)
        for row, s in enumerate(figures.studios):
            table.setItem(row, 0, QTableWidgetItem(s.name))
            stars = _Number(star_text(s.stars, out_of), float(s.stars))
            stars.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            table.setItem(row, 1, stars)
            for col, kf in enumerate(columns, start=2):
                figure = figure_value(s.figures, kf.key, kf)
                table.setItem(row, col, _number_item(kf, figure.current))
        table.setSortingEnabled(True)
        table.resizeColumnsToContents()
        self._fill_totals(figures, columns, headers)

    def _fill_totals(self, figures: CountyFigures, columns: list[KeyFigure], headers: list[str]) -> None:
        """The county's totals of the year and of last year under the studios' columns. A last year
        no studio sent is said in words, not shown as a row of zeros (its figures would be only the
        roster kept beside a studio's first year); studios that did not send it are named."""
        table, totals = self.figures_table, self.totals_table
        last = figures.year - 1
        sent_last = figures.last_year_sent
        totals.clearSpans()
        totals.setColumnCount(len(headers))
        totals.setHorizontalHeaderLabels(headers)
        totals.setRowCount(2)
        for row, (label, previous) in enumerate(((f"{figures.year}年合计", False), (f"{last}年合计", True))):
            totals.setItem(row, 0, QTableWidgetItem(label))
            totals.setItem(row, 1, QTableWidgetItem(""))
            for col, kf in enumerate(columns, start=2):
                if previous and not sent_last:
                    totals.setItem(row, col, QTableWidgetItem(""))
                else:
                    totals.setItem(row, col, _number_item(kf, kf.previous if previous else kf.current))
        totals.resizeColumnsToContents()
        for col in range(len(headers)):
            width = max(table.columnWidth(col), totals.columnWidth(col))
            table.setColumnWidth(col, width)
            totals.setColumnWidth(col, width)
        if not sent_last:  # set after the widths, so the words do not widen the 星级 column
            totals.setSpan(1, 1, 1, len(headers) - 1)
            totals.setItem(1, 1, QTableWidgetItem(last_year_words(figures)))
        rules = "；".join(criterion_label(c, figures.totals) for c in figures.criteria)
        text = f"评定标准（每项一星）：{rules}" if rules else "未设评定标准。"
        if figures.not_reported:
            # A studio that sent last year only is not shown as a row of zeros.
            text += f"\n尚未报送{figures.year}年的工作室：" + "、".join(figures.not_reported)
        if sent_last and figures.not_sent_last_year:
            text += "\n" + last_year_words(figures)
        self.criteria_label.setText(text)

    def refresh_stale(self) -> None:
        """Figures kept by an older program are computed again (from the records kept here)."""
        county = self.county
        self.task = run_task(
            self, "按新的统计口径重新统计", lambda progress: county.refresh_figures(progress),
            on_done=lambda _n: self.refresh(), cancellable=False,
        )

    def _choose_packages(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, "选择工作室报送的材料包", "", "报送材料包 (*.zip *.sqlite *.db *.xlsx);;所有文件 (*)"
        )
        if files:
            self.add_packages([Path(f) for f in files])

    def add_packages(self, paths: list[Path]) -> None:
        """Add each package (each all or nothing); then say what was added and what was not."""
        from studio_desk.exports.county_ledgers import add_package

        county = self.county

        def work(progress: Any) -> list[str]:
            lines = []
            for index, path in enumerate(paths):
                progress(index, len(paths), f"正在添加{quote(path.name)}……")
                try:
                    result = add_package(county, path)
                except Exception as exc:  # noqa: BLE001 - each package is told apart
                    from studio_desk.core.errors import StudioDeskError

                    if not isinstance(exc, StudioDeskError):
                        raise
                    lines.append(f"未添加：{exc}")
                    continue
                lines.append(result.message)
                lines += [f"提示：{w}" for w in result.warnings]
            return lines

        def done(lines: list[str]) -> None:
            self.refresh()
            self.add_status.setText("\n".join(lines))

        self.task = run_task(self, "添加材料包", work, on_done=done, cancellable=False)

    def _remove_selected(self) -> None:
        row = self.studio_table.currentRow()
        if row < 0:
            QMessageBox.information(self, "删除工作室", "请先在表格中选中要删除的工作室。")
            return
        item = self.studio_table.item(row, 0)
        key = item.data(Qt.ItemDataRole.UserRole)
        answer = QMessageBox.question(
            self, "删除工作室", f"从汇总中删除{quote(item.text())}？工作室自己的数据不受影响，可随时重新添加其材料包。"
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.county.remove(key)
            self.refresh()

    def _edit_criteria(self) -> None:
        from studio_desk.ui.county_rating import RatingDialog

        figures = self.current_figures()
        if figures is None:
            return
        dialog = RatingDialog(self.county, figures.totals, self)
        if dialog.exec():
            self._fill_figures()

    _SUFFIX = {"xlsx": ("Excel 工作簿 (*.xlsx)", "汇总表.xlsx"), "pdf": ("PDF 文件 (*.pdf)", "履职工作综述.pdf"),
               "docx": ("Word 文档 (*.docx)", "履职工作综述.docx")}

    def _choose_output(self, kind: str) -> None:
        pattern, suffix = self._SUFFIX[kind]
        year = self.report_year.currentData()
        name = f"{self.county_name.text().strip() or '县政协'}{year}年度委员工作室{suffix}"
        path, _ = QFileDialog.getSaveFileName(self, "保存到", name, pattern)
        if path:
            self.write_output(kind, Path(path))

    def write_output(self, kind: str, path: Path) -> None:
        from studio_desk.exports.county_report import write_county_report

        year = int(self.report_year.currentData())
        name = self.county_name.text().strip()
        if name and name != self.county.county_name():
            self.county.set_county_name(name)
        county, paper = self.county, self.paper_box.currentData()

        def work(progress: Any) -> Any:
            return write_county_report(county, year, **{kind: path}, progress=progress, paper=paper)

        def done(result: Any) -> None:
            lines = [f"已写出：{p}" for p in result.written] + [f"提示：{w}" for w in result.warnings]
            self.report_status.setText("\n".join(lines))

        self.task = run_task(self, "写出县政协汇总", work, on_done=done)


_open_windows: list[CountyWindow] = []  # county windows opened from a studio window, kept alive


class _OwnedCountyWindow(CountyWindow):
    """A county window that owns its county file (opened for work): closing it frees the lock."""

    def __init__(self, county: County):
        super().__init__(county)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        if self.is_busy():
            QMessageBox.information(self, "县政协汇总", "正在处理，请稍候再关闭。")
            event.ignore()
            return
        self.county.close()
        if self in _open_windows:
            _open_windows.remove(self)
        super().closeEvent(event)


def open_county_window(parent: QWidget | None, path: Path | None = None) -> CountyWindow | None:
    """Open the county window (on the county file in the data folder unless ``path``)."""
    from studio_desk.core.county import default_county_path
    from studio_desk.core.errors import StudioDeskError

    path = path or default_county_path()
    try:
        county = County.open_for_work(path, holder="window")
    except StudioDeskError as exc:
        QMessageBox.warning(parent, "县政协汇总", str(exc))
        return None
    window = _OwnedCountyWindow(county)
    _open_windows.append(window)
    window.show()
    return window


def run_county_app(path: Path) -> int:
    """Open the county window on the county file ``path`` (created on first use)."""
    import sys

    from PySide6.QtWidgets import QApplication

    from studio_desk.ui.app import apply_style, install_translations

    app = QApplication.instance() or QApplication(sys.argv)
    install_translations(app)
    apply_style(app)
    if open_county_window(None, path) is None:
        return 1
    return app.exec()


__all__ = ["CountyWindow", "open_county_window", "run_county_app"]
