"""A ledger page's filter bar: year, period, the ledger's own choices, 待补全 and the search box,
and the query they make of the ledger's model."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QTableView

from studio_desk.core import enums
from studio_desk.core.completeness import TRACKED
from studio_desk.core.models import Activity, Donation, Member, Proposal, Reception, Record
from studio_desk.core.store import Store
from studio_desk.ui.ledger_model import period_range, periods

SEARCH_DELAY_MS = 200


def filter_specs(store: Store, cls: type[Record]) -> list[tuple[str, str, list[str]]]:
    """(label, field, values) of the combo filters of a ledger."""
    if cls is Activity:
        return [("类型", "type", store.type_values("activity_type"))]
    if cls is Reception:
        return [
            ("方式", "mode", list(enums.RECEPTION_MODES)),
            ("状态", "status", list(enums.RECEPTION_STATUSES)),
        ]
    if cls is Donation:
        return [("类别", "category", list(enums.DONATION_CATEGORIES))]
    if cls is Proposal:
        return [
            ("类别", "category", list(enums.PROPOSAL_CATEGORIES)),
            ("状态", "status", list(enums.PROPOSAL_STATUSES)),
        ]
    if cls is Member:
        return [("职务", "role", list(enums.MEMBER_ROLES))]
    return []


class LedgerFilters:
    """The filter bar's half of :class:`~studio_desk.ui.ledger_page.LedgerPage`. Its widgets are
    the page's own attributes (``page.year_combo``, ``page.search`` …): the print view reads them
    to name the filters it printed with."""

    store: Store
    cls: type[Record]
    table: QTableView
    apply_filters: Callable[[], None]
    ensure_loaded: Callable[[], None]

    def _filter_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        cls = self.cls
        # No "年度" label: the combo says 2025年 / 全部年度 itself, and the bar must fit a small screen.
        self.year_combo = QComboBox()
        self.year_combo.setObjectName("year")
        self.year_combo.setToolTip("只看这一年的记录" if cls is not Member else "只看这一年在册的委员")
        bar.addWidget(self.year_combo)
        self.period_combo = QComboBox()
        self.period_combo.setObjectName("period")
        self.period_combo.setToolTip("只看这一年中的某个季度或月份")
        for label, key in periods():
            self.period_combo.addItem(label, key)
        bar.addWidget(self.period_combo)
        self.filter_combos: dict[str, QComboBox] = {}
        for label, field, _values in filter_specs(self.store, cls):
            bar.addWidget(QLabel(label))
            combo = QComboBox()
            combo.setObjectName(f"filter_{field}")
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            self.filter_combos[field] = combo
            bar.addWidget(combo)
        self.incomplete_box: QCheckBox | None = None
        if cls in TRACKED:
            self.incomplete_box = QCheckBox("待补全")
            self.incomplete_box.setObjectName("incomplete_only")
            self.incomplete_box.setToolTip("只看从旧台账导入时缺少内容、还需补全的记录")
            bar.addWidget(self.incomplete_box)
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText("搜索文字、委员姓名或拼音首字母（如 lg）  Ctrl+F")
        self.search.setMinimumWidth(110)
        bar.addWidget(self.search, 1)
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        bar.addWidget(self.count_label)
        return bar

    def _connect_filters(self) -> None:
        """Every change of a filter reloads; typing in the search box waits for a pause first."""
        self._search_timer = QTimer(self)  # type: ignore[arg-type]
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self.apply_filters)
        # Esc empties the search box and goes back to the table.
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search, self._clear_search, context=Qt.ShortcutContext.WidgetShortcut)
        # The combos are filled when the page is first shown (ensure_loaded): reading the
        # years of five big ledgers up front would slow the window's start for nothing.
        self.year_combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.period_combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        if self.incomplete_box is not None:
            self.incomplete_box.toggled.connect(lambda _on: self.apply_filters())
        for combo in self.filter_combos.values():
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters())

    def _fill_combos(self) -> None:
        year = self.year_combo.currentData() if self.year_combo.count() else date.today().year
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        self.year_combo.addItem("全部年度", None)
        for y in self.store.years():
            self.year_combo.addItem(f"{y}年", y)
        self.year_combo.setCurrentIndex(max(self.year_combo.findData(year), 0))
        self.year_combo.blockSignals(False)
        for label, field, values in filter_specs(self.store, self.cls):
            combo = self.filter_combos[field]
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(f"全部{label}", None)
            for v in values:
                combo.addItem(v, v)
            combo.setCurrentIndex(max(combo.findData(current), 0) if current else 0)
            combo.blockSignals(False)

    def query(self) -> dict[str, Any]:
        """What the model is asked for: a period of the chosen year is a date range."""
        filters = {f: c.currentData() for f, c in self.filter_combos.items() if c.currentData()}
        year, period = self.year_combo.currentData(), self.period_combo.currentData()
        self.period_combo.setEnabled(year is not None)
        query: dict[str, Any] = {
            "year": year,
            "search": self.search.text().strip() or None,
            "filters": filters or None,
        }
        if year is not None and period:
            query["year"] = None
            query["date_range"] = period_range(year, period)
        if self.incomplete_box is not None and self.incomplete_box.isChecked():
            query["incomplete_only"] = True
        return query

    def _clear_narrowing(self) -> None:
        """Period, filters, 待补全 and search back to 全年/全部 (the year stays), without reloading."""
        for combo in (self.period_combo, *self.filter_combos.values()):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        if self.incomplete_box is not None:
            self.incomplete_box.blockSignals(True)
            self.incomplete_box.setChecked(False)
            self.incomplete_box.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)

    def narrowed(self) -> bool:
        """A filter beyond the year is on (an empty list then says so, not "no records yet")."""
        q = self.query()
        return bool(q["search"] or q["filters"] or q.get("date_range") or q.get("incomplete_only"))

    def set_year(self, year: int | None) -> None:
        self.ensure_loaded()
        self.year_combo.setCurrentIndex(max(self.year_combo.findData(year), 0))

    def show_incomplete(self, year: int | None) -> None:
        """The year's 待补全 records (总览's count opens this)."""
        self.ensure_loaded()
        self._clear_narrowing()
        if self.incomplete_box is not None:
            self.incomplete_box.blockSignals(True)
            self.incomplete_box.setChecked(True)
            self.incomplete_box.blockSignals(False)
        self.year_combo.blockSignals(True)
        self.year_combo.setCurrentIndex(max(self.year_combo.findData(year), 0))
        self.year_combo.blockSignals(False)
        self.apply_filters()

    def _clear_search(self) -> None:
        self.search.clear()
        self.apply_filters()
        self.table.setFocus()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()
