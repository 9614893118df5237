"""The 总览 bar chart writes each bar's value above it, and never one value over another."""

from __future__ import annotations

from studio_desk.ui.charts import BarChart

MONTHS = [f"{m}月" for m in range(1, 13)]


def _painted(qtbot, width: int, series: list[tuple[str, list[int]]]) -> BarChart:
    chart = BarChart("每月开展活动与提交提案建议")
    qtbot.addWidget(chart)
    chart.resize(width, 240)
    chart.set_data(MONTHS, series)
    chart.grab()  # paints it
    return chart


def test_a_studio_s_months_show_every_value(qtbot):
    series = [("活动", [4, 2, 7, 2, 3, 4, 5, 1, 4, 3, 1, 0]), ("提案建议", [0, 0, 3, 3, 1, 1, 1, 0, 1, 0, 1, 0])]
    chart = _painted(qtbot, 300, series)  # the 总览 chart's width at 1366×768
    assert len(chart.value_labels) == sum(1 for _, values in series for v in values if v)  # every value but 0


def test_hundreds_in_narrow_bars_are_not_written_over_one_another(qtbot):
    chart = _painted(qtbot, 240, [("活动", [324, 302, 352, 320, 355, 320, 346, 396, 324, 384, 322, 346]),
                                  ("提案建议", [147, 110, 138, 121, 125, 129, 140, 113, 143, 108, 134, 120])])
    labels = chart.value_labels
    assert labels and len(labels) < 24
    ink = [r.adjusted(1, 0, -1, 0) for r in labels]  # the digits, without their side bearings
    assert not any(a.intersects(b) for i, a in enumerate(ink) for b in ink[i + 1 :])


def test_a_value_left_unwritten_is_in_the_tooltip_of_its_month(qtbot):
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    chart = _painted(qtbot, 240, [("活动", [324] * 12), ("提案建议", [147] * 12)])
    left, width = chart._groups
    x = left + 2.5 * width  # over 3月's bars
    assert chart.month_text(x) == "3月：活动 324，提案建议 147"
    chart.show()
    qtbot.waitExposed(chart)
    pos = QPoint(int(x), chart.height() // 2)
    QApplication.sendEvent(chart, QHelpEvent(QEvent.Type.ToolTip, pos, chart.mapToGlobal(pos)))
    qtbot.waitUntil(QToolTip.isVisible, timeout=3000)
    assert QToolTip.text() == "3月：活动 324，提案建议 147"
